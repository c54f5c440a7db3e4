<?php
/**
 * Wires the plugin's parts into WordPress.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Creates the plugin's objects once and hooks them in.
 */
class Circle_Widgets_Plugin {

	/**
	 * The one instance.
	 *
	 * @var Circle_Widgets_Plugin|null
	 */
	private static $instance = null;

	/**
	 * The plugin's settings.
	 *
	 * @var Circle_Widgets_Settings
	 */
	public $settings;

	/**
	 * The REST routes.
	 *
	 * @var Circle_Widgets_Token_Controller
	 */
	public $token_controller;

	/**
	 * The bundle's loader.
	 *
	 * @var Circle_Widgets_Assets
	 */
	public $assets;

	/**
	 * The shortcodes and blocks.
	 *
	 * @var Circle_Widgets_Elements
	 */
	public $elements;

	/**
	 * The settings page.
	 *
	 * @var Circle_Widgets_Settings_Page
	 */
	public $settings_page;

	/**
	 * The plugin, created on first use.
	 *
	 * @return Circle_Widgets_Plugin
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Creates the plugin's parts.
	 */
	private function __construct() {
		$this->settings         = new Circle_Widgets_Settings();
		$this->token_controller = new Circle_Widgets_Token_Controller( $this->settings );
		$this->assets           = new Circle_Widgets_Assets( $this->settings );
		$this->elements         = new Circle_Widgets_Elements( $this->settings, $this->assets );
		$this->settings_page    = new Circle_Widgets_Settings_Page( $this->settings );
	}

	/**
	 * Hooks every part into WordPress.
	 */
	public function register_hooks() {
		add_action( 'rest_api_init', array( $this->token_controller, 'register_routes' ) );
		add_filter( 'rest_post_dispatch', array( $this->token_controller, 'add_no_store' ), 10, 3 );
		$this->assets->register_hooks();
		$this->elements->register_hooks();
		$this->settings_page->register_hooks();
	}

	/**
	 * On activation, creates the app token's option unautoloaded, so the token is read only
	 * when a token request needs it.
	 */
	public static function activate() {
		if ( false === get_option( Circle_Widgets_Settings::TOKEN_OPTION ) ) {
			add_option( Circle_Widgets_Settings::TOKEN_OPTION, '', '', false );
		}
	}
}
