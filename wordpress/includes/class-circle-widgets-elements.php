<?php
/**
 * Shortcodes and blocks that write the widgets' elements.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Writes `<circle-feed>`, `<circle-post>`, `<circle-events>`, `<circle-notifications>` and
 * `<circle-notification-preferences>` for the shortcodes `[circle_feed]` and so on and for the
 * blocks `circle-widgets/feed` and so on, through one function. Only the attributes listed per element get through, sanitized by kind
 * and escaped.
 */
class Circle_Widgets_Elements {

	/** Prefix of the blocks' names. */
	const BLOCK_PREFIX = 'circle-widgets/';

	/** Handle of the blocks' editor script. */
	const EDITOR_HANDLE = 'circle-widgets-block-editor';

	/**
	 * Each element's tag, shortcode and allowed attributes with their kind: `text`, `url`
	 * (http, https or relative), `url_template` (a URL with `{id}`) or `flag` (a boolean
	 * attribute). `token-endpoint` and `api-base` are left out on purpose: set site-wide, they
	 * can't be pointed elsewhere by anyone who may write a shortcode, which would hand members'
	 * tokens to another server.
	 */
	const ELEMENTS = array(
		'feed'                     => array(
			'tag'        => 'circle-feed',
			'shortcode'  => 'circle_feed',
			'attributes' => array(
				'space'       => 'text',
				'member'      => 'text',
				'topic'       => 'text',
				'sort'        => 'text',
				'per-page'    => 'text',
				'paging'      => 'text',
				'profile-url' => 'url_template',
				'sign-in-url' => 'url',
			),
		),
		'post'                     => array(
			'tag'        => 'circle-post',
			'shortcode'  => 'circle_post',
			'attributes' => array(
				'space'       => 'text',
				'post'        => 'text',
				'sort'        => 'text',
				'per-page'    => 'text',
				'sign-in-url' => 'url',
			),
		),
		'events'                   => array(
			'tag'        => 'circle-events',
			'shortcode'  => 'circle_events',
			'attributes' => array(
				'view'        => 'text',
				'filter'      => 'text',
				'space'       => 'text',
				'start-date'  => 'text',
				'end-date'    => 'text',
				'per-page'    => 'text',
				'paging'      => 'text',
				'limit'       => 'text',
				'time-zone'   => 'text',
				'sign-in-url' => 'url',
			),
		),
		'notifications'            => array(
			'tag'        => 'circle-notifications',
			'shortcode'  => 'circle_notifications',
			'attributes' => array(
				'per-page'    => 'text',
				'open'        => 'flag',
				'sign-in-url' => 'url',
			),
		),
		'notification-preferences' => array(
			'tag'        => 'circle-notification-preferences',
			'shortcode'  => 'circle_notification_preferences',
			'attributes' => array(
				'medium'      => 'text',
				'sign-in-url' => 'url',
			),
		),
	);

	/**
	 * The plugin's settings.
	 *
	 * @var Circle_Widgets_Settings
	 */
	private $settings;

	/**
	 * Loads the bundle when an element is written.
	 *
	 * @var Circle_Widgets_Assets
	 */
	private $assets;

	/**
	 * Creates the renderer.
	 *
	 * @param Circle_Widgets_Settings $settings The plugin's settings.
	 * @param Circle_Widgets_Assets   $assets   The bundle's loader.
	 */
	public function __construct( Circle_Widgets_Settings $settings, Circle_Widgets_Assets $assets ) {
		$this->settings = $settings;
		$this->assets   = $assets;
	}

	/**
	 * Hooks the shortcodes and blocks into WordPress.
	 */
	public function register_hooks() {
		add_action( 'init', array( $this, 'register_shortcodes' ) );
		add_action( 'init', array( $this, 'register_blocks' ) );
	}

	/**
	 * Registers a shortcode per element; hooked to init.
	 */
	public function register_shortcodes() {
		foreach ( self::ELEMENTS as $element ) {
			add_shortcode( $element['shortcode'], array( $this, 'render_shortcode' ) );
		}
	}

	/**
	 * Registers a block per element from its block.json, with their shared editor script; hooked
	 * to init.
	 */
	public function register_blocks() {
		wp_register_script(
			self::EDITOR_HANDLE,
			plugins_url( 'blocks/editor.js', CIRCLE_WIDGETS_FILE ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			CIRCLE_WIDGETS_VERSION,
			true
		);
		wp_set_script_translations( self::EDITOR_HANDLE, 'circle-widgets' );

		foreach ( array_keys( self::ELEMENTS ) as $name ) {
			register_block_type(
				CIRCLE_WIDGETS_DIR . 'blocks/' . $name,
				array( 'render_callback' => array( $this, 'render_block' ) )
			);
		}
	}

	/**
	 * A shortcode's element.
	 *
	 * @param array|string $atts          The shortcode's attributes ('' when it has none).
	 * @param string|null  $content       Enclosed content, ignored.
	 * @param string       $shortcode_tag The shortcode's name.
	 * @return string
	 */
	public function render_shortcode( $atts, $content = null, $shortcode_tag = '' ) {
		foreach ( self::ELEMENTS as $name => $element ) {
			if ( $element['shortcode'] === $shortcode_tag ) {
				return $this->render( $name, is_array( $atts ) ? $atts : array() );
			}
		}
		return '';
	}

	/**
	 * A block's element, in the block's wrapper. Block attributes are camelCase (`perPage`);
	 * the element's are kebab-case (`per-page`).
	 *
	 * @param array    $attributes The block's attributes.
	 * @param string   $content    Saved content, empty for these dynamic blocks.
	 * @param WP_Block $block      The block.
	 * @return string
	 */
	public function render_block( $attributes, $content = '', $block = null ) {
		$name = is_object( $block ) && isset( $block->name ) ? (string) $block->name : '';
		$name = 0 === strpos( $name, self::BLOCK_PREFIX ) ? substr( $name, strlen( self::BLOCK_PREFIX ) ) : '';
		if ( ! isset( self::ELEMENTS[ $name ] ) ) {
			return '';
		}

		$element_attributes = array();
		foreach ( (array) $attributes as $key => $value ) {
			$element_attributes[ strtolower( preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', (string) $key ) ) ] = $value;
		}

		return sprintf(
			'<div %s>%s</div>',
			get_block_wrapper_attributes(),
			$this->render( $name, $element_attributes )
		);
	}

	/**
	 * The element's HTML, and the bundle enqueued. Unknown attributes are dropped, values are
	 * sanitized by kind and escaped; an unknown element gives ''.
	 *
	 * @param string $name       A key of {@see self::ELEMENTS}: feed, post, events, notifications,
	 *                           notification-preferences.
	 * @param array  $attributes Attribute names (kebab-case; `per_page` is read as `per-page`)
	 *                           mapped to values. A value under a numeric key is a flag's name.
	 * @return string
	 */
	public function render( $name, array $attributes ) {
		if ( ! isset( self::ELEMENTS[ $name ] ) ) {
			return '';
		}
		$element = self::ELEMENTS[ $name ];

		$given = array();
		foreach ( $attributes as $key => $value ) {
			// `[circle_notifications open]` arrives as array( 0 => 'open' ).
			if ( is_int( $key ) ) {
				$key   = is_string( $value ) ? $value : '';
				$value = true;
			}
			$given[ str_replace( '_', '-', strtolower( (string) $key ) ) ] = $value;
		}

		if ( 'feed' === $name && ! isset( $given['profile-url'] ) && '' !== $this->settings->profile_url() ) {
			$given['profile-url'] = $this->settings->profile_url();
		}

		$html = '<' . $element['tag'];
		foreach ( $element['attributes'] as $attribute => $kind ) {
			if ( ! array_key_exists( $attribute, $given ) ) {
				continue;
			}

			$value = $this->sanitize( $kind, $given[ $attribute ] );
			if ( true === $value ) {
				$html .= ' ' . $attribute;
			} elseif ( is_string( $value ) && '' !== $value ) {
				$html .= sprintf( ' %s="%s"', $attribute, esc_attr( $value ) );
			}
		}
		$html .= '></' . $element['tag'] . '>';

		$this->assets->enqueue();
		return $html;
	}

	/**
	 * A value made safe for its kind: a string, true for a set flag, or null to leave it out.
	 *
	 * @param string $kind  text, url, url_template or flag.
	 * @param mixed  $value The given value.
	 * @return string|bool|null
	 */
	private function sanitize( $kind, $value ) {
		if ( 'flag' === $kind ) {
			if ( is_bool( $value ) ) {
				return $value ? true : null;
			}
			$word = strtolower( trim( (string) $value ) );
			return in_array( $word, array( '', '1', 'true', 'yes', 'on', 'open' ), true ) ? true : null;
		}

		if ( ! is_scalar( $value ) || is_bool( $value ) ) {
			return null;
		}
		$value = (string) $value;

		if ( 'url' === $kind ) {
			return esc_url_raw( trim( $value ), array( 'https', 'http' ) );
		}
		if ( 'url_template' === $kind ) {
			return Circle_Widgets_Settings::sanitize_url_template( $value );
		}
		return sanitize_text_field( $value );
	}
}
