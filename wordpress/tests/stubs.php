<?php
/**
 * Just enough of WordPress for the plugin's unit tests: the functions and classes the plugin
 * calls, backed by in-memory state that each test resets and inspects through WP_Stubs.
 *
 * The escaping and sanitizing stubs follow WordPress's rules closely enough for the tests to
 * tell escaped output from raw output; they are not WordPress's code.
 *
 * @package CircleWidgets\Tests
 */

// phpcs:disable WordPress.NamingConventions, Generic.Files.OneObjectStructurePerFile

/**
 * The stubs' state.
 */
final class WP_Stubs {
	/** @var array<string, mixed> */
	public static $options = array();
	/** @var array<string, mixed> */
	public static $transients = array();
	/** @var array<int, array<string, mixed>> */
	public static $user_meta = array();
	/** @var WP_User|null */
	public static $current_user = null;
	/** @var string[] Nonces wp_verify_nonce accepts for the wp_rest action. */
	public static $valid_nonces = array();
	/** @var string The nonce wp_create_nonce hands out. */
	public static $next_nonce = 'n0nce123';
	/** @var string The current login session's token. */
	public static $session_token = 'session-a';
	/** @var string[] Capabilities of the current user. */
	public static $capabilities = array();
	/** @var array[] Every HTTP request: method, url, args. */
	public static $http_calls = array();
	/** @var callable|null Answers HTTP requests: fn( $method, $url, $args ) => array|WP_Error. */
	public static $http_responder = null;
	/** @var array<string, callable> Filters the tests install: name => fn( $value, ...$args ). */
	public static $filters = array();
	/** @var array[] Actions fired: name and arguments. */
	public static $fired_actions = array();
	/** @var array<string, array> Hooks the plugin added: name => callbacks. */
	public static $hooks = array();
	/** @var array[] Script modules enqueued: id, src, deps, version. */
	public static $enqueued_modules = array();
	/** @var array[] Classic scripts enqueued: handle, src, deps, version, args. */
	public static $enqueued_scripts = array();
	/** @var array<string, callable> */
	public static $shortcodes = array();
	/** @var array[] Routes registered: namespace, route, args. */
	public static $routes = array();
	/** @var array[] Settings errors added. */
	public static $settings_errors = array();
	/** @var array[] Blocks registered: path, args. */
	public static $blocks = array();

	/**
	 * Forgets everything a test did (the plugin's own hooks, added at load time, stay).
	 */
	public static function reset() {
		self::$options          = array();
		self::$transients       = array();
		self::$user_meta        = array();
		self::$current_user     = null;
		self::$valid_nonces     = array();
		self::$next_nonce       = 'n0nce123';
		self::$session_token    = 'session-a';
		self::$capabilities     = array();
		self::$http_calls       = array();
		self::$http_responder   = null;
		self::$filters          = array();
		self::$fired_actions    = array();
		self::$enqueued_modules = array();
		self::$enqueued_scripts = array();
		self::$shortcodes       = array();
		self::$routes           = array();
		self::$settings_errors  = array();
		self::$blocks           = array();
		$_POST                  = array();
	}
}

/** A WordPress error. */
class WP_Error {
	/** @var string */
	public $code;
	/** @var string */
	public $message;
	/** @var mixed */
	public $data;

	public function __construct( $code = '', $message = '', $data = '' ) {
		$this->code    = $code;
		$this->message = $message;
		$this->data    = $data;
	}

	public function get_error_code() {
		return $this->code;
	}

	public function get_error_message() {
		return $this->message;
	}

	public function get_error_data() {
		return $this->data;
	}
}

/** An HTTP response. */
class WP_HTTP_Response {
	/** @var mixed */
	public $data;
	/** @var int */
	public $status;
	/** @var array<string, string> */
	public $headers = array();

	public function __construct( $data = null, $status = 200, $headers = array() ) {
		$this->data    = $data;
		$this->status  = $status;
		$this->headers = $headers;
	}

	public function header( $key, $value, $replace = true ) {
		if ( $replace || ! isset( $this->headers[ $key ] ) ) {
			$this->headers[ $key ] = $value;
		} else {
			$this->headers[ $key ] .= ', ' . $value;
		}
	}

	public function get_headers() {
		return $this->headers;
	}

	public function get_status() {
		return $this->status;
	}

	public function get_data() {
		return $this->data;
	}
}

/** A REST response. */
class WP_REST_Response extends WP_HTTP_Response {
}

/** A REST request: headers canonicalized as WordPress does (lowercase, `-` as `_`). */
class WP_REST_Request {
	/** @var string */
	private $method;
	/** @var string */
	private $route;
	/** @var array<string, string> */
	private $headers = array();
	/** @var array<string, mixed> */
	private $params = array();

	public function __construct( $method = 'GET', $route = '' ) {
		$this->method = $method;
		$this->route  = $route;
	}

	public static function canonicalize_header_name( $key ) {
		return str_replace( '-', '_', strtolower( $key ) );
	}

	public function set_header( $key, $value ) {
		$this->headers[ self::canonicalize_header_name( $key ) ] = (string) $value;
	}

	public function get_header( $key ) {
		$key = self::canonicalize_header_name( $key );
		return isset( $this->headers[ $key ] ) ? $this->headers[ $key ] : null;
	}

	public function set_param( $key, $value ) {
		$this->params[ $key ] = $value;
	}

	public function get_param( $key ) {
		return isset( $this->params[ $key ] ) ? $this->params[ $key ] : null;
	}

	public function get_method() {
		return $this->method;
	}

	public function get_route() {
		return $this->route;
	}
}

/** The REST server's method constants. */
class WP_REST_Server {
	const READABLE  = 'GET';
	const CREATABLE = 'POST';
}

/** A user. */
class WP_User {
	/** @var int */
	public $ID;
	/** @var string */
	public $user_email;

	public function __construct( $id = 0, $email = '' ) {
		$this->ID         = $id;
		$this->user_email = $email;
	}
}

/** A block being rendered. */
class WP_Block {
	/** @var string */
	public $name;

	public function __construct( $name ) {
		$this->name = $name;
	}
}

// Translation and escaping.

function __( $text, $domain = 'default' ) {
	return $text;
}

function esc_html__( $text, $domain = 'default' ) {
	return esc_html( $text );
}

function esc_html_e( $text, $domain = 'default' ) {
	echo esc_html( $text ); // phpcs:ignore WordPress.Security.EscapeOutput
}

function esc_html( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}

function esc_attr( $text ) {
	return htmlspecialchars( (string) $text, ENT_QUOTES, 'UTF-8' );
}

/**
 * WordPress's URL cleaning: drops characters URLs can't hold, adds http:// to a bare host, and
 * gives '' for a protocol outside the list.
 */
function wp_stubs_clean_url( $url, $protocols ) {
	$url = trim( (string) $url );
	if ( '' === $url ) {
		return '';
	}

	$url = str_replace( ' ', '%20', $url );
	$url = preg_replace( '|[^a-z0-9-~+_.?#=!&;,/:%@$\|*\'()\[\]\x80-\xff]|i', '', $url );
	if ( '' === $url ) {
		return '';
	}

	if ( false === strpos( $url, ':' ) && ! in_array( $url[0], array( '/', '#', '?' ), true ) ) {
		$url = 'http://' . $url;
	}

	$protocols = $protocols ? $protocols : array( 'http', 'https', 'ftp', 'ftps', 'mailto', 'tel' );
	if ( preg_match( '/^([a-z][a-z0-9+.-]*):/i', $url, $match ) && ! in_array( strtolower( $match[1] ), $protocols, true ) ) {
		return '';
	}
	return $url;
}

function esc_url_raw( $url, $protocols = null ) {
	return wp_stubs_clean_url( $url, $protocols );
}

function esc_url( $url, $protocols = null ) {
	return str_replace( array( '&', "'" ), array( '&#038;', '&#039;' ), wp_stubs_clean_url( $url, $protocols ) );
}

function sanitize_text_field( $text ) {
	$text = preg_replace( '@<(script|style)[^>]*?>.*?</\\1>@si', '', (string) $text );
	$text = strip_tags( $text );
	return trim( preg_replace( '/[\r\n\t ]+/', ' ', $text ) );
}

function is_email( $email ) {
	return false !== filter_var( $email, FILTER_VALIDATE_EMAIL ) ? $email : false;
}

function wp_json_encode( $data, $options = 0 ) {
	return json_encode( $data, $options );
}

function untrailingslashit( $value ) {
	return rtrim( (string) $value, '/\\' );
}

function checked( $checked, $current = true, $display = true ) {
	$result = (string) $checked === (string) $current ? " checked='checked'" : '';
	if ( $display ) {
		echo $result; // phpcs:ignore WordPress.Security.EscapeOutput
	}
	return $result;
}

// Options, transients, users and nonces.

function get_option( $name, $default_value = false ) {
	return array_key_exists( $name, WP_Stubs::$options ) ? WP_Stubs::$options[ $name ] : $default_value;
}

function update_option( $name, $value, $autoload = null ) {
	WP_Stubs::$options[ $name ] = $value;
	return true;
}

function add_option( $name, $value = '', $deprecated = '', $autoload = null ) {
	if ( array_key_exists( $name, WP_Stubs::$options ) ) {
		return false;
	}
	WP_Stubs::$options[ $name ] = $value;
	return true;
}

function get_transient( $key ) {
	return array_key_exists( $key, WP_Stubs::$transients ) ? WP_Stubs::$transients[ $key ]['value'] : false;
}

function set_transient( $key, $value, $expiration = 0 ) {
	WP_Stubs::$transients[ $key ] = array(
		'value'      => $value,
		'expiration' => $expiration,
	);
	return true;
}

function is_user_logged_in() {
	return null !== WP_Stubs::$current_user && WP_Stubs::$current_user->ID > 0;
}

function wp_get_current_user() {
	return null !== WP_Stubs::$current_user ? WP_Stubs::$current_user : new WP_User( 0, '' );
}

function get_current_user_id() {
	return wp_get_current_user()->ID;
}

function current_user_can( $capability ) {
	return in_array( $capability, WP_Stubs::$capabilities, true );
}

function get_user_meta( $user_id, $key = '', $single = false ) {
	if ( isset( WP_Stubs::$user_meta[ $user_id ][ $key ] ) ) {
		return WP_Stubs::$user_meta[ $user_id ][ $key ];
	}
	return $single ? '' : array();
}

function update_user_meta( $user_id, $key, $value ) {
	WP_Stubs::$user_meta[ $user_id ][ $key ] = $value;
	return true;
}

function wp_verify_nonce( $nonce, $action = -1 ) {
	return 'wp_rest' === $action && in_array( $nonce, WP_Stubs::$valid_nonces, true ) ? 1 : false;
}

function wp_create_nonce( $action = -1 ) {
	return WP_Stubs::$next_nonce;
}

function wp_get_session_token() {
	return WP_Stubs::$session_token;
}

function wp_salt( $scheme = 'auth' ) {
	return 'test-salt-' . $scheme;
}

// HTTP.

function wp_stubs_http( $method, $url, $args ) {
	WP_Stubs::$http_calls[] = array(
		'method' => $method,
		'url'    => $url,
		'args'   => $args,
	);
	$responder = WP_Stubs::$http_responder;
	if ( null === $responder ) {
		return new WP_Error( 'http_request_failed', 'No responder in this test.' );
	}
	return $responder( $method, $url, $args );
}

function wp_remote_post( $url, $args = array() ) {
	return wp_stubs_http( 'POST', $url, $args );
}

function wp_remote_request( $url, $args = array() ) {
	return wp_stubs_http( isset( $args['method'] ) ? $args['method'] : 'GET', $url, $args );
}

function wp_remote_retrieve_response_code( $response ) {
	return is_array( $response ) && isset( $response['response']['code'] ) ? $response['response']['code'] : '';
}

function wp_remote_retrieve_body( $response ) {
	return is_array( $response ) && isset( $response['body'] ) ? $response['body'] : '';
}

function wp_remote_retrieve_header( $response, $header ) {
	if ( ! is_array( $response ) || ! isset( $response['headers'] ) ) {
		return '';
	}
	$headers = array_change_key_case( $response['headers'], CASE_LOWER );
	return isset( $headers[ strtolower( $header ) ] ) ? $headers[ strtolower( $header ) ] : '';
}

function is_wp_error( $thing ) {
	return $thing instanceof WP_Error;
}

// URLs.

function rest_url( $path = '' ) {
	return 'https://blog.example/wp-json/' . ltrim( $path, '/' );
}

function admin_url( $path = '' ) {
	return 'https://blog.example/wp-admin/' . ltrim( $path, '/' );
}

function add_query_arg( $key, $value, $url ) {
	return $url . ( false === strpos( $url, '?' ) ? '?' : '&' ) . rawurlencode( $key ) . '=' . rawurlencode( $value );
}

function wp_login_url( $redirect = '' ) {
	$url = 'https://blog.example/wp-login.php';
	return '' === $redirect ? $url : add_query_arg( 'redirect_to', $redirect, $url );
}

function is_singular() {
	return false;
}

function get_permalink() {
	return false;
}

function plugin_dir_path( $file ) {
	return rtrim( dirname( $file ), '/' ) . '/';
}

function plugin_basename( $file ) {
	return basename( dirname( $file ) ) . '/' . basename( $file );
}

function plugins_url( $path = '', $plugin = '' ) {
	return 'https://blog.example/wp-content/plugins/circle-widgets/' . ltrim( $path, '/' );
}

// Hooks.

function add_action( $name, $callback, $priority = 10, $accepted_args = 1 ) {
	WP_Stubs::$hooks[ $name ][] = $callback;
	return true;
}

function add_filter( $name, $callback, $priority = 10, $accepted_args = 1 ) {
	return add_action( $name, $callback, $priority, $accepted_args );
}

function apply_filters( $name, $value, ...$args ) {
	if ( isset( WP_Stubs::$filters[ $name ] ) ) {
		return ( WP_Stubs::$filters[ $name ] )( $value, ...$args );
	}
	return $value;
}

function do_action( $name, ...$args ) {
	WP_Stubs::$fired_actions[] = array(
		'name' => $name,
		'args' => $args,
	);
}

function register_activation_hook( $file, $callback ) {
	add_action( 'activate_' . plugin_basename( $file ), $callback );
}

// Registration.

function add_shortcode( $tag, $callback ) {
	WP_Stubs::$shortcodes[ $tag ] = $callback;
}

function register_rest_route( $route_namespace, $route, $args = array() ) {
	WP_Stubs::$routes[] = array(
		'namespace' => $route_namespace,
		'route'     => $route,
		'args'      => $args,
	);
	return true;
}

function wp_enqueue_script_module( $id, $src = '', $deps = array(), $version = false ) {
	WP_Stubs::$enqueued_modules[] = array(
		'id'      => $id,
		'src'     => $src,
		'deps'    => $deps,
		'version' => $version,
	);
}

function wp_enqueue_script( $handle, $src = '', $deps = array(), $ver = false, $args = array() ) {
	WP_Stubs::$enqueued_scripts[] = array(
		'handle'  => $handle,
		'src'     => $src,
		'deps'    => $deps,
		'version' => $ver,
		'args'    => $args,
	);
}

function wp_register_script( $handle, $src, $deps = array(), $ver = false, $args = array() ) {
	return true;
}

function wp_set_script_translations( $handle, $domain = 'default', $path = '' ) {
	return true;
}

function register_block_type( $block_type, $args = array() ) {
	WP_Stubs::$blocks[] = array(
		'path' => $block_type,
		'args' => $args,
	);
	return true;
}

function get_block_wrapper_attributes( $extra = array() ) {
	return 'class="wp-block-circle-widgets"';
}

function add_settings_error( $setting, $code, $message, $type = 'error' ) {
	WP_Stubs::$settings_errors[] = array(
		'setting' => $setting,
		'code'    => $code,
		'message' => $message,
	);
}

function __return_false() {
	return false;
}

function delete_option( $name ) {
	unset( WP_Stubs::$options[ $name ] );
	return true;
}

function is_multisite() {
	return false;
}
