<?php
/**
 * Settings → Circle Widgets.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The settings page, built on the Settings API (which checks the nonce and `manage_options`
 * when the form is saved). The app token is never printed back: the page says only whether one
 * is set.
 */
class Circle_Widgets_Settings_Page {

	/** The page's slug, also its settings group. */
	const SLUG = 'circle-widgets';

	/**
	 * The plugin's settings.
	 *
	 * @var Circle_Widgets_Settings
	 */
	private $settings;

	/**
	 * Creates the page.
	 *
	 * @param Circle_Widgets_Settings $settings The plugin's settings.
	 */
	public function __construct( Circle_Widgets_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Hooks the page into WordPress.
	 */
	public function register_hooks() {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_init', array( $this, 'register_settings' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( CIRCLE_WIDGETS_FILE ), array( $this, 'add_action_link' ) );
	}

	/**
	 * Adds Settings → Circle Widgets; hooked to admin_menu.
	 */
	public function add_page() {
		add_options_page(
			__( 'Circle Widgets', 'circle-widgets' ),
			__( 'Circle Widgets', 'circle-widgets' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render_page' )
		);
	}

	/**
	 * Adds a Settings link to the plugin's row on the Plugins screen.
	 *
	 * @param string[] $links The row's links.
	 * @return string[]
	 */
	public function add_action_link( $links ) {
		$url = admin_url( 'options-general.php?page=' . self::SLUG );
		array_unshift( $links, sprintf( '<a href="%s">%s</a>', esc_url( $url ), esc_html__( 'Settings', 'circle-widgets' ) ) );
		return $links;
	}

	/**
	 * Registers the options, sections and fields; hooked to admin_init.
	 */
	public function register_settings() {
		// Saving the form would otherwise create the token's option autoloaded, when activation
		// did not run first (a must-use install, for example).
		Circle_Widgets_Plugin::activate();

		register_setting(
			self::SLUG,
			Circle_Widgets_Settings::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( $this->settings, 'sanitize_settings' ),
				'default'           => Circle_Widgets_Settings::defaults(),
				'show_in_rest'      => false,
			)
		);
		register_setting(
			self::SLUG,
			Circle_Widgets_Settings::TOKEN_OPTION,
			array(
				'type'              => 'string',
				'sanitize_callback' => array( $this->settings, 'sanitize_app_token' ),
				'default'           => '',
				'show_in_rest'      => false,
			)
		);

		add_settings_section(
			'circle_widgets_connection',
			__( 'Connection to Circle', 'circle-widgets' ),
			array( $this, 'render_connection_intro' ),
			self::SLUG
		);
		add_settings_section( 'circle_widgets_members', __( 'Members', 'circle-widgets' ), '__return_false', self::SLUG );
		add_settings_section( 'circle_widgets_widgets', __( 'Widgets', 'circle-widgets' ), '__return_false', self::SLUG );

		// Field id => section, label, and whether the label points at an input of that id.
		$fields = array(
			'app_token'       => array( 'connection', __( 'Headless Auth app token', 'circle-widgets' ), true ),
			'api_base'        => array( 'connection', __( 'API base', 'circle-widgets' ), true ),
			'member_mapping'  => array( 'members', __( 'Match users to members by', 'circle-widgets' ), false ),
			'script_url'      => array( 'widgets', __( 'Script URL', 'circle-widgets' ), true ),
			'sign_in_url'     => array( 'widgets', __( 'Sign-in URL', 'circle-widgets' ), true ),
			'profile_url'     => array( 'widgets', __( 'Member profile links', 'circle-widgets' ), true ),
			'load_everywhere' => array( 'widgets', __( 'Loading', 'circle-widgets' ), false ),
		);
		foreach ( $fields as $field => $definition ) {
			list( $section, $label, $labelled ) = $definition;
			add_settings_field(
				'circle_widgets_' . $field,
				$label,
				array( $this, 'render_' . $field . '_field' ),
				self::SLUG,
				'circle_widgets_' . $section,
				$labelled ? array( 'label_for' => 'circle_widgets_' . $field ) : array()
			);
		}
	}

	/**
	 * The page itself.
	 */
	public function render_page() {
		if ( ! current_user_can( 'manage_options' ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<form action="options.php" method="post">
				<?php
				settings_fields( self::SLUG );
				do_settings_sections( self::SLUG );
				submit_button();
				?>
			</form>

			<h2><?php esc_html_e( 'Using the widgets', 'circle-widgets' ); ?></h2>
			<p><?php esc_html_e( 'Add the Circle blocks in the editor, or write a shortcode:', 'circle-widgets' ); ?></p>
			<p>
				<code>[circle_feed space="announcements"]</code>
				<code>[circle_post space="announcements" post="welcome"]</code>
				<code>[circle_events view="month"]</code>
				<code>[circle_notifications]</code>
				<code>[circle_notification_preferences medium="in_app"]</code>
			</p>
			<p>
				<?php esc_html_e( 'The widgets ask this site for the visitor\'s Circle token at:', 'circle-widgets' ); ?>
				<code><?php echo esc_html( rest_url( Circle_Widgets_Token_Controller::ROUTE_NAMESPACE . '/token' ) ); ?></code>
			</p>
		</div>
		<?php
	}

	/**
	 * The connection section's explanation.
	 */
	public function render_connection_intro() {
		echo '<p>' . esc_html__( 'Create a "Headless Auth" token in your Circle community under Developers → Tokens. It stays on this server: visitors\' browsers never see it.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The app token field: a blank password input that replaces the token when filled, and a box
	 * that clears it.
	 */
	public function render_app_token_field() {
		$source = $this->settings->app_token_source();
		if ( 'constant' === $source ) {
			$message = __( 'Set in wp-config.php (CIRCLE_WIDGETS_APP_TOKEN). That value is used; this field is ignored.', 'circle-widgets' );
			echo '<p>' . esc_html( $message ) . '</p>';
			return;
		}

		printf(
			'<input type="password" id="circle_widgets_app_token" name="%s" value="" class="regular-text" autocomplete="off" spellcheck="false" placeholder="%s" />',
			esc_attr( Circle_Widgets_Settings::TOKEN_OPTION ),
			esc_attr( 'option' === $source ? __( 'Leave empty to keep the saved token', 'circle-widgets' ) : '' )
		);

		if ( 'option' === $source ) {
			echo '<p class="description">' . esc_html__( 'A token is saved. Type a new one to replace it.', 'circle-widgets' ) . '</p>';
			printf(
				'<p><label><input type="checkbox" name="circle_widgets_app_token_clear" value="1" /> %s</label></p>',
				esc_html__( 'Remove the saved token', 'circle-widgets' )
			);
		} else {
			echo '<p class="description">' . esc_html__( 'No token is set yet: the widgets will say the community is unavailable.', 'circle-widgets' ) . '</p>';
		}
		echo '<p class="description">' . esc_html__( 'You can instead define CIRCLE_WIDGETS_APP_TOKEN in wp-config.php, which keeps the token out of the database.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The API base field.
	 */
	public function render_api_base_field() {
		$this->render_url_input( 'api_base', (string) $this->settings->get( 'api_base' ), Circle_Widgets_Settings::DEFAULT_API_BASE );
		echo '<p class="description">' . esc_html__( 'Circle\'s address, for this server\'s token requests and the widgets\' own calls.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The member mapping radios.
	 */
	public function render_member_mapping_field() {
		$choices = array(
			'email' => __( 'Email address (the WordPress account\'s email must be the member\'s Circle email)', 'circle-widgets' ),
			/* translators: %s: user meta key. */
			'sso'   => sprintf( __( 'SSO user id, stored in the user meta "%s"', 'circle-widgets' ), Circle_Widgets_Settings::SSO_META_KEY ),
		);

		echo '<fieldset>';
		foreach ( $choices as $value => $label ) {
			printf(
				'<label><input type="radio" name="%s[member_mapping]" value="%s" %s /> %s</label><br />',
				esc_attr( Circle_Widgets_Settings::OPTION ),
				esc_attr( $value ),
				checked( $this->settings->member_mapping(), $value, false ),
				esc_html( $label )
			);
		}
		echo '</fieldset>';
	}

	/**
	 * The script URL field.
	 */
	public function render_script_url_field() {
		$this->render_url_input( 'script_url', $this->settings->script_url(), Circle_Widgets_Settings::DEFAULT_SCRIPT_URL );
		echo '<p class="description">' . esc_html__( 'The widgets\' bundle. Keep a version in the URL so an update never arrives unannounced.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The sign-in URL field.
	 */
	public function render_sign_in_url_field() {
		$this->render_url_input( 'sign_in_url', (string) $this->settings->get( 'sign_in_url' ), wp_login_url() );
		echo '<p class="description">' . esc_html__( 'Linked from the widgets\' signed-out state. Empty: the WordPress login page, returning to the current page.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The profile link template field.
	 */
	public function render_profile_url_field() {
		$this->render_url_input( 'profile_url', $this->settings->profile_url(), 'https://community.example.com/u/{id}' );
		echo '<p class="description">' . esc_html__( 'Optional. Where mentions in feeds link to; {id} becomes the member\'s id.', 'circle-widgets' ) . '</p>';
	}

	/**
	 * The load-everywhere checkbox.
	 */
	public function render_load_everywhere_field() {
		printf(
			'<label><input type="checkbox" name="%s[load_everywhere]" value="1" %s /> %s</label>',
			esc_attr( Circle_Widgets_Settings::OPTION ),
			checked( $this->settings->load_everywhere(), true, false ),
			esc_html__( 'Load the widgets on every page (for elements written as HTML in themes or widgets). Otherwise only pages with a Circle block or shortcode load them.', 'circle-widgets' )
		);
	}

	/**
	 * One URL input of the settings array.
	 *
	 * @param string $key         The setting's key.
	 * @param string $value       The current value.
	 * @param string $placeholder Shown when empty.
	 */
	private function render_url_input( $key, $value, $placeholder ) {
		printf(
			'<input type="text" id="%s" name="%s[%s]" value="%s" class="large-text code" placeholder="%s" />',
			esc_attr( 'circle_widgets_' . $key ),
			esc_attr( Circle_Widgets_Settings::OPTION ),
			esc_attr( $key ),
			esc_attr( $value ),
			esc_attr( $placeholder )
		);
	}
}
