<?php
/**
 * Loads the widgets' bundle with the page-wide settings on its script tag.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Enqueues the bundle as a module (the Script Modules API on WordPress 6.5 and later, else a
 * footer script whose tag is rewritten to `type="module"`; the `circle_widgets_load_as_module`
 * filter can ask for a classic deferred script instead), and puts `data-token-endpoint`,
 * `data-api-base` and `data-sign-in-url` on its tag, where the widgets read them.
 */
class Circle_Widgets_Assets {

	/** The script's handle, and its module id. */
	const HANDLE = 'circle-widgets';

	/**
	 * The plugin's settings.
	 *
	 * @var Circle_Widgets_Settings
	 */
	private $settings;

	/**
	 * Whether the bundle was already enqueued on this request.
	 *
	 * @var bool
	 */
	private $enqueued = false;

	/**
	 * Creates the loader.
	 *
	 * @param Circle_Widgets_Settings $settings The plugin's settings.
	 */
	public function __construct( Circle_Widgets_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Hooks the loader into WordPress.
	 */
	public function register_hooks() {
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue_everywhere' ) );
		add_filter( 'wp_script_attributes', array( $this, 'filter_module_attributes' ) );
		add_filter( 'script_loader_tag', array( $this, 'filter_classic_tag' ), 10, 3 );
	}

	/**
	 * Enqueues the bundle on every page when the site asked for it; hooked to wp_enqueue_scripts.
	 */
	public function enqueue_everywhere() {
		if ( $this->settings->load_everywhere() ) {
			$this->enqueue();
		}
	}

	/**
	 * Enqueues the bundle once. Called by every shortcode and block, so pages without widgets
	 * load nothing.
	 */
	public function enqueue() {
		$url = $this->settings->script_url();
		if ( $this->enqueued || '' === $url ) {
			return;
		}
		$this->enqueued = true;

		// The URL carries its version, so WordPress adds none (null).
		if ( $this->as_module() && function_exists( 'wp_enqueue_script_module' ) ) {
			wp_enqueue_script_module( self::HANDLE, $url, array(), null );
		} else {
			wp_enqueue_script( self::HANDLE, $url, array(), null, true );
		}
	}

	/**
	 * Whether the bundle loads as a module. The CDN bundle is one self-contained script that
	 * works either way, but only a classic script makes its `CircleWidgets` global (for
	 * `CircleWidgets.setStrings()` or `CircleWidgets.getSession()` in the site's own scripts).
	 *
	 * @return bool
	 */
	public function as_module() {
		// TODO: the CDN build declares `var CircleWidgets`, which a module keeps to itself; once
		// the build also sets globalThis.CircleWidgets, module loading loses nothing.

		/**
		 * Filters whether the widgets' bundle loads as a module (the default) or as a classic
		 * deferred script, which also defines the `CircleWidgets` global.
		 *
		 * @param bool $as_module True for `type="module"`.
		 */
		return (bool) apply_filters( 'circle_widgets_load_as_module', true );
	}

	/**
	 * The page-wide settings the widgets read from their script tag.
	 *
	 * @return array<string, string>
	 */
	public function page_attributes() {
		return array(
			'data-token-endpoint' => esc_url_raw( Circle_Widgets_Token_Controller::endpoint_url() ),
			'data-api-base'       => esc_url_raw( $this->settings->api_base(), array( 'https', 'http' ) ),
			'data-sign-in-url'    => esc_url_raw( $this->settings->sign_in_url(), array( 'https', 'http' ) ),
		);
	}

	/**
	 * Adds the page-wide settings to the module's tag (WordPress 6.5+); hooked to
	 * wp_script_attributes, whose values WordPress escapes.
	 *
	 * @param mixed $attributes The tag's attributes.
	 * @return mixed
	 */
	public function filter_module_attributes( $attributes ) {
		if ( ! is_array( $attributes ) ) {
			return $attributes;
		}

		// WordPress names the tag `<id>-js-module`; the URL is the fallback should that change.
		$is_ours = ( isset( $attributes['id'] ) && self::HANDLE . '-js-module' === $attributes['id'] )
			|| ( isset( $attributes['type'], $attributes['src'] ) && 'module' === $attributes['type']
				&& '' !== $this->settings->script_url() && 0 === strpos( $attributes['src'], $this->settings->script_url() ) );
		return $is_ours ? array_merge( $attributes, $this->page_attributes() ) : $attributes;
	}

	/**
	 * Rewrites the classic script's tag with the page-wide settings, as a module (before
	 * WordPress 6.5) or deferred; hooked to script_loader_tag.
	 *
	 * @param string $tag    The tag WordPress built.
	 * @param string $handle The script's handle.
	 * @param string $src    The script's URL.
	 * @return string
	 */
	public function filter_classic_tag( $tag, $handle, $src ) {
		if ( self::HANDLE !== $handle ) {
			return $tag;
		}

		$data = '';
		foreach ( $this->page_attributes() as $name => $value ) {
			$data .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
		}
		return sprintf(
			'<script %s src="%s" id="%s"%s></script>' . "\n",
			$this->as_module() ? 'type="module"' : 'defer',
			esc_url( $src ),
			esc_attr( self::HANDLE . '-js' ),
			$data
		);
	}
}
