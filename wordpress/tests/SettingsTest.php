<?php
/**
 * The settings, their sanitizing, and the settings page's handling of the app token.
 *
 * @package CircleWidgets\Tests
 */

class SettingsTest extends Circle_Widgets_Test_Case {

	/** @var Circle_Widgets_Settings */
	private $settings;

	protected function setUp(): void {
		parent::setUp();
		$this->settings = new Circle_Widgets_Settings();
	}

	private function page_output( $method ) {
		$page = new Circle_Widgets_Settings_Page( $this->settings );
		ob_start();
		$page->$method();
		return (string) ob_get_clean();
	}

	public function test_an_empty_token_field_keeps_the_saved_token() {
		$this->assertSame( self::APP_TOKEN, $this->settings->sanitize_app_token( '' ) );
		$this->assertSame( self::APP_TOKEN, $this->settings->sanitize_app_token( null ) );
	}

	public function test_a_typed_token_replaces_the_saved_one() {
		$this->assertSame( 'new-token-42', $this->settings->sanitize_app_token( "  new-token-42\n" ) );
	}

	public function test_the_clear_box_removes_the_token_whatever_was_typed() {
		$_POST['circle_widgets_app_token_clear'] = '1';

		$this->assertSame( '', $this->settings->sanitize_app_token( 'typed-anyway' ) );
	}

	public function test_the_settings_page_says_a_token_is_saved_without_printing_it() {
		$html = $this->page_output( 'render_app_token_field' );

		$this->assertStringNotContainsString( self::APP_TOKEN, $html );
		$this->assertStringContainsString( 'A token is saved.', $html );
		$this->assertStringContainsString( 'value=""', $html );
		$this->assertStringContainsString( 'name="circle_widgets_app_token_clear"', $html );
	}

	public function test_the_settings_page_says_when_no_token_is_set() {
		unset( WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] );

		$html = $this->page_output( 'render_app_token_field' );

		$this->assertStringContainsString( 'No token is set yet', $html );
		$this->assertStringNotContainsString( 'circle_widgets_app_token_clear', $html );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_a_wp_config_token_is_used_and_the_page_says_where_it_comes_from() {
		define( 'CIRCLE_WIDGETS_APP_TOKEN', 'from-wp-config-token' );

		$html = $this->page_output( 'render_app_token_field' );

		$this->assertSame( 'from-wp-config-token', $this->settings->app_token() );
		$this->assertSame( 'constant', $this->settings->app_token_source() );
		$this->assertStringContainsString( 'wp-config.php', $html );
		$this->assertStringNotContainsString( 'from-wp-config-token', $html );
		$this->assertStringNotContainsString( '<input', $html );
	}

	public function test_the_page_shows_nothing_to_users_who_cannot_manage_options() {
		$this->assertSame( '', $this->page_output( 'render_page' ) );
	}

	public function test_a_fresh_site_has_the_documented_defaults() {
		$this->assertSame( 'https://app.circle.so', $this->settings->api_base() );
		$this->assertSame( 'https://cdn.jsdelivr.net/npm/circle-widgets@0.1.0/dist/cdn/circle-widgets.js', $this->settings->script_url() );
		$this->assertSame( 'email', $this->settings->member_mapping() );
		$this->assertSame( 'https://blog.example/wp-login.php', $this->settings->sign_in_url() );
		$this->assertFalse( $this->settings->load_everywhere() );
	}

	public function test_valid_settings_are_saved() {
		$clean = $this->settings->sanitize_settings(
			array(
				'api_base'        => 'https://circle.example.com/',
				'script_url'      => 'https://cdn.example.com/circle-widgets@0.2.0/circle-widgets.js',
				'member_mapping'  => 'sso',
				'sign_in_url'     => 'https://blog.example/login',
				'profile_url'     => '/members/{id}',
				'load_everywhere' => '1',
			)
		);

		$this->assertSame(
			array(
				'api_base'        => 'https://circle.example.com',
				'script_url'      => 'https://cdn.example.com/circle-widgets@0.2.0/circle-widgets.js',
				'member_mapping'  => 'sso',
				'sign_in_url'     => 'https://blog.example/login',
				'profile_url'     => '/members/{id}',
				'load_everywhere' => true,
			),
			$clean
		);
		$this->assertSame( array(), WP_Stubs::$settings_errors );
	}

	public function test_non_https_addresses_keep_the_previous_value_and_say_why() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'api_base' => 'https://circle.example.com' );

		$clean = $this->settings->sanitize_settings(
			array(
				'api_base'       => 'http://circle.example.com',
				'script_url'     => 'javascript:alert(1)',
				'member_mapping' => 'username',
				'sign_in_url'    => 'javascript:alert(1)',
			)
		);

		$this->assertSame( 'https://circle.example.com', $clean['api_base'] );
		$this->assertSame( Circle_Widgets_Settings::DEFAULT_SCRIPT_URL, $clean['script_url'] );
		$this->assertSame( 'email', $clean['member_mapping'] );
		$this->assertSame( '', $clean['sign_in_url'] );
		$this->assertFalse( $clean['load_everywhere'] );
		$this->assertSame(
			array( 'circle_widgets_api_base', 'circle_widgets_script_url' ),
			array_column( WP_Stubs::$settings_errors, 'code' )
		);
	}

	public function test_emptied_addresses_go_back_to_their_defaults() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'api_base' => 'https://circle.example.com' );

		$clean = $this->settings->sanitize_settings(
			array(
				'api_base'   => '',
				'script_url' => ' ',
			)
		);

		$this->assertSame( Circle_Widgets_Settings::DEFAULT_API_BASE, $clean['api_base'] );
		$this->assertSame( Circle_Widgets_Settings::DEFAULT_SCRIPT_URL, $clean['script_url'] );
	}

	public function test_activation_stores_the_token_option_without_overwriting_one() {
		unset( WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] );
		Circle_Widgets_Plugin::activate();
		$this->assertSame( '', WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] );

		WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] = self::APP_TOKEN;
		Circle_Widgets_Plugin::activate();
		$this->assertSame( self::APP_TOKEN, WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_uninstalling_removes_the_options_and_leaves_other_data() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'member_mapping' => 'sso' );
		WP_Stubs::$options['blogname']                        = 'A blog';
		define( 'WP_UNINSTALL_PLUGIN', 'circle-widgets/circle-widgets.php' );

		require CIRCLE_WIDGETS_DIR . 'uninstall.php';

		$this->assertSame( array( 'blogname' => 'A blog' ), WP_Stubs::$options );
	}
}
