<?php
/**
 * The plugin's stored settings and the app token.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads and sanitizes the plugin's options. The app token lives in its own option, never
 * autoloaded, and a `CIRCLE_WIDGETS_APP_TOKEN` constant in wp-config.php overrides it.
 */
class Circle_Widgets_Settings {

	/** Option holding every setting except the app token. */
	const OPTION = 'circle_widgets_settings';

	/** Option holding the Headless Auth app token. */
	const TOKEN_OPTION = 'circle_widgets_app_token';

	/** User meta key an SSO plugin (or the site) fills with the member's Circle SSO id. */
	const SSO_META_KEY = 'circle_sso_user_id';

	/** Circle's origin, for both the Auth API (server) and the Member API (browser). */
	const DEFAULT_API_BASE = 'https://app.circle.so';

	/** The widgets' bundle, pinned to the version this plugin was written for. */
	const DEFAULT_SCRIPT_URL = 'https://cdn.jsdelivr.net/npm/circle-widgets@0.1.0/dist/cdn/circle-widgets.js';

	/** How a WordPress user is matched to a Circle member. */
	const MEMBER_MAPPINGS = array( 'email', 'sso' );

	/**
	 * The settings a fresh install starts with.
	 *
	 * @return array<string, mixed>
	 */
	public static function defaults() {
		return array(
			'api_base'        => self::DEFAULT_API_BASE,
			'script_url'      => self::DEFAULT_SCRIPT_URL,
			'member_mapping'  => 'email',
			'sign_in_url'     => '',
			'profile_url'     => '',
			'load_everywhere' => false,
		);
	}

	/**
	 * One setting, falling back to its default.
	 *
	 * @param string $key A key of {@see self::defaults()}.
	 * @return mixed
	 */
	public function get( $key ) {
		$defaults = self::defaults();
		$stored   = get_option( self::OPTION, array() );
		if ( is_array( $stored ) && array_key_exists( $key, $stored ) ) {
			return $stored[ $key ];
		}
		return isset( $defaults[ $key ] ) ? $defaults[ $key ] : null;
	}

	/**
	 * Whether the app token comes from wp-config.php, the settings page, or nowhere.
	 *
	 * @return string 'constant', 'option' or ''.
	 */
	public function app_token_source() {
		if ( defined( 'CIRCLE_WIDGETS_APP_TOKEN' ) && '' !== trim( (string) CIRCLE_WIDGETS_APP_TOKEN ) ) {
			return 'constant';
		}
		return '' !== trim( (string) get_option( self::TOKEN_OPTION, '' ) ) ? 'option' : '';
	}

	/**
	 * The Headless Auth app token. Server-side only: never print it or send it to a browser.
	 *
	 * @return string Empty when none is set.
	 */
	public function app_token() {
		$source = $this->app_token_source();
		if ( 'constant' === $source ) {
			return trim( (string) CIRCLE_WIDGETS_APP_TOKEN );
		}
		if ( 'option' === $source ) {
			return trim( (string) get_option( self::TOKEN_OPTION, '' ) );
		}
		return '';
	}

	/**
	 * Circle's origin without a trailing slash.
	 *
	 * @return string
	 */
	public function api_base() {
		$base = (string) $this->get( 'api_base' );

		/**
		 * Filters Circle's origin, used by the server for the Auth API and by the widgets for the
		 * Member API. A local proxy in development, for example.
		 *
		 * @param string $base Origin such as https://app.circle.so.
		 */
		return untrailingslashit( (string) apply_filters( 'circle_widgets_api_base', $base ) );
	}

	/**
	 * The URL of the widgets' bundle.
	 *
	 * @return string
	 */
	public function script_url() {
		return (string) $this->get( 'script_url' );
	}

	/**
	 * How users are matched to members: 'email' or 'sso'.
	 *
	 * @return string
	 */
	public function member_mapping() {
		$mapping = $this->get( 'member_mapping' );
		return in_array( $mapping, self::MEMBER_MAPPINGS, true ) ? $mapping : 'email';
	}

	/**
	 * The sign-in link of the widgets' signed-out state: the setting, else WordPress's login
	 * page, returning to the current page when there is one.
	 *
	 * @return string
	 */
	public function sign_in_url() {
		$configured = (string) $this->get( 'sign_in_url' );
		if ( '' !== $configured ) {
			return $configured;
		}

		$return_to = function_exists( 'is_singular' ) && is_singular() ? (string) get_permalink() : '';
		return wp_login_url( $return_to );
	}

	/**
	 * Default link template for member profiles in feeds, such as /members/{id}; may be empty.
	 *
	 * @return string
	 */
	public function profile_url() {
		return (string) $this->get( 'profile_url' );
	}

	/**
	 * Whether the bundle loads on every front-end page, for widgets written as plain HTML.
	 *
	 * @return bool
	 */
	public function load_everywhere() {
		return (bool) $this->get( 'load_everywhere' );
	}

	/**
	 * Sanitizes the settings form. Invalid values keep the previous setting and say why.
	 *
	 * @param mixed $input The submitted option value.
	 * @return array<string, mixed>
	 */
	public function sanitize_settings( $input ) {
		$input    = is_array( $input ) ? $input : array();
		$previous = get_option( self::OPTION, array() );
		$clean    = array_merge( self::defaults(), is_array( $previous ) ? $previous : array() );

		if ( isset( $input['api_base'] ) ) {
			$api_base = $this->https_url( $input['api_base'] );
			if ( null === $api_base ) {
				$this->report(
					'api_base',
					__( 'The API base must be an https:// address, such as https://app.circle.so. The previous value was kept.', 'circle-widgets' )
				);
			} else {
				$clean['api_base'] = '' === $api_base ? self::DEFAULT_API_BASE : untrailingslashit( $api_base );
			}
		}

		if ( isset( $input['script_url'] ) ) {
			$script_url = $this->https_url( $input['script_url'] );
			if ( null === $script_url ) {
				$this->report(
					'script_url',
					__( 'The script URL must be an https:// address. The previous value was kept.', 'circle-widgets' )
				);
			} else {
				$clean['script_url'] = '' === $script_url ? self::DEFAULT_SCRIPT_URL : $script_url;
			}
		}

		if ( isset( $input['member_mapping'] ) && in_array( $input['member_mapping'], self::MEMBER_MAPPINGS, true ) ) {
			$clean['member_mapping'] = $input['member_mapping'];
		}

		if ( isset( $input['sign_in_url'] ) ) {
			$clean['sign_in_url'] = esc_url_raw( trim( (string) $input['sign_in_url'] ), array( 'https', 'http' ) );
		}

		if ( isset( $input['profile_url'] ) ) {
			$clean['profile_url'] = self::sanitize_url_template( $input['profile_url'] );
		}

		$clean['load_everywhere'] = ! empty( $input['load_everywhere'] );

		return $clean;
	}

	/**
	 * Sanitizes the app token field: an empty field keeps the saved token, the "clear" box
	 * removes it, anything else replaces it.
	 *
	 * @param mixed $input The submitted token.
	 * @return string
	 */
	public function sanitize_app_token( $input ) {
		// options.php has already checked the settings nonce and the capability.
		// phpcs:ignore WordPress.Security.NonceVerification.Missing
		if ( ! empty( $_POST['circle_widgets_app_token_clear'] ) ) {
			return '';
		}

		$token = is_string( $input ) ? trim( sanitize_text_field( $input ) ) : '';
		if ( '' === $token ) {
			return (string) get_option( self::TOKEN_OPTION, '' );
		}
		return $token;
	}

	/**
	 * A link template such as /members/{id}: http(s) or relative, with `{id}` kept intact
	 * (esc_url would strip the braces).
	 *
	 * @param mixed $value The submitted template.
	 * @return string Empty when it is not a usable URL.
	 */
	public static function sanitize_url_template( $value ) {
		$marker   = 'circlewidgetsmemberid';
		$template = str_replace( '{id}', $marker, trim( (string) $value ) );
		$url      = esc_url_raw( $template, array( 'https', 'http' ) );
		return str_replace( $marker, '{id}', $url );
	}

	/**
	 * An https URL, '' for an empty value, or null when the value is not an https URL.
	 *
	 * @param mixed $value The submitted value.
	 * @return string|null
	 */
	private function https_url( $value ) {
		$value = trim( (string) $value );
		if ( '' === $value ) {
			return '';
		}

		$url = esc_url_raw( $value, array( 'https' ) );
		return '' !== $url && 0 === strpos( $url, 'https://' ) ? $url : null;
	}

	/**
	 * Shows a settings error on the settings page, when there is one.
	 *
	 * @param string $field   The setting's key.
	 * @param string $message What went wrong.
	 */
	private function report( $field, $message ) {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( self::OPTION, 'circle_widgets_' . $field, $message );
		}
	}
}
