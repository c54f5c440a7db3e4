<?php
/**
 * The shortcodes and blocks, read back as a browser would parse their HTML.
 *
 * @package CircleWidgets\Tests
 */

class ElementsTest extends Circle_Widgets_Test_Case {

	/** @var Circle_Widgets_Elements */
	private $elements;

	protected function setUp(): void {
		parent::setUp();
		$settings       = new Circle_Widgets_Settings();
		$this->elements = new Circle_Widgets_Elements( $settings, new Circle_Widgets_Assets( $settings ) );
	}

	/**
	 * Parses HTML as a browser would and lists its elements: tag and attributes.
	 *
	 * @return array<int, array{0: string, 1: array<string, string>}>
	 */
	private function parse( $html ) {
		$document = new DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<!doctype html><html><body>' . $html . '</body></html>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );

		$elements = array();
		foreach ( $document->getElementsByTagName( 'body' )->item( 0 )->getElementsByTagName( '*' ) as $node ) {
			$attributes = array();
			foreach ( $node->attributes as $attribute ) {
				$attributes[ $attribute->name ] = $attribute->value;
			}
			$elements[] = array( $node->tagName, $attributes );
		}
		return $elements;
	}

	private function shortcode( $tag, $atts ) {
		return $this->elements->render_shortcode( $atts, null, $tag );
	}

	/**
	 * @dataProvider shortcodes
	 */
	public function test_each_shortcode_writes_its_element_with_the_given_attributes( $tag, $atts, $expected ) {
		$this->assertSame( array( $expected ), $this->parse( $this->shortcode( $tag, $atts ) ) );
	}

	public function shortcodes() {
		return array(
			'feed'                     => array(
				'circle_feed',
				array(
					'space'       => 'announcements',
					'sort'        => 'popular',
					'per-page'    => '5',
					'paging'      => 'button',
					'topic'       => '3',
					'profile-url' => '/members/{id}',
				),
				array(
					'circle-feed',
					array(
						'space'       => 'announcements',
						'topic'       => '3',
						'sort'        => 'popular',
						'per-page'    => '5',
						'paging'      => 'button',
						'profile-url' => '/members/{id}',
					),
				),
			),
			'post'                     => array(
				'circle_post',
				array(
					'space' => 'announcements',
					'post'  => 'welcome',
					'sort'  => 'latest',
				),
				array(
					'circle-post',
					array(
						'space' => 'announcements',
						'post'  => 'welcome',
						'sort'  => 'latest',
					),
				),
			),
			'events'                   => array(
				'circle_events',
				array(
					'view'       => 'month',
					'filter'     => 'all',
					'start-date' => '2030-01-01',
					'time-zone'  => 'Europe/Paris',
					'limit'      => '4',
				),
				array(
					'circle-events',
					array(
						'view'       => 'month',
						'filter'     => 'all',
						'start-date' => '2030-01-01',
						'limit'      => '4',
						'time-zone'  => 'Europe/Paris',
					),
				),
			),
			'notifications'            => array( 'circle_notifications', '', array( 'circle-notifications', array() ) ),
			'notification preferences' => array(
				'circle_notification_preferences',
				array(
					'medium'      => 'mobile',
					'sign-in-url' => '/login',
					'per-page'    => '5',
				),
				array(
					'circle-notification-preferences',
					array(
						'medium'      => 'mobile',
						'sign-in-url' => '/login',
					),
				),
			),
		);
	}

	public function test_hostile_attribute_values_stay_inside_their_attribute() {
		$html = $this->shortcode(
			'circle_feed',
			array(
				'space' => '" onmouseover="alert(1)',
				'topic' => "'><script>alert(2)</script><b x='",
				'sort'  => '<img src=x onerror=alert(3)>latest',
			)
		);

		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertSame(
			array(
				array(
					'circle-feed',
					array(
						'space' => '" onmouseover="alert(1)',
						'topic' => "'>",
						'sort'  => 'latest',
					),
				),
			),
			$this->parse( $html )
		);
	}

	public function test_unknown_attributes_and_the_site_wide_endpoints_are_dropped() {
		$html = $this->shortcode(
			'circle_events',
			array(
				'view'           => 'list',
				'onclick'        => 'alert(1)',
				'style'          => 'display:none',
				'token-endpoint' => 'https://evil.example/token',
				'api-base'       => 'https://evil.example',
				'post'           => 'not-an-events-attribute',
			)
		);

		$this->assertSame( array( array( 'circle-events', array( 'view' => 'list' ) ) ), $this->parse( $html ) );
	}

	public function test_urls_must_be_web_links_and_templates_keep_their_id_placeholder() {
		$safe    = $this->shortcode(
			'circle_feed',
			array(
				'sign-in-url' => '/login?next=/community',
				'profile-url' => 'https://community.example.com/u/{id}',
			)
		);
		$hostile = $this->shortcode(
			'circle_feed',
			array(
				'sign-in-url' => 'javascript:alert(1)',
				'profile-url' => 'javascript:alert({id})',
			)
		);

		$this->assertSame(
			array(
				array(
					'circle-feed',
					array(
						'profile-url' => 'https://community.example.com/u/{id}',
						'sign-in-url' => '/login?next=/community',
					),
				),
			),
			$this->parse( $safe )
		);
		$this->assertSame( array( array( 'circle-feed', array() ) ), $this->parse( $hostile ) );
	}

	/**
	 * @dataProvider open_values
	 */
	public function test_open_is_a_boolean_attribute( $atts, $is_open ) {
		$parsed = $this->parse( $this->shortcode( 'circle_notifications', $atts ) );

		$this->assertSame( $is_open, array_key_exists( 'open', $parsed[0][1] ) );
	}

	public function open_values() {
		return array(
			'open="true"'  => array( array( 'open' => 'true' ), true ),
			'bare open'    => array( array( 0 => 'open' ), true ),
			'open="false"' => array( array( 'open' => 'false' ), false ),
			'open="0"'     => array( array( 'open' => '0' ), false ),
			'no open'      => array( array(), false ),
		);
	}

	public function test_underscores_and_capitals_in_shortcode_attribute_names_are_accepted() {
		$html = $this->shortcode(
			'circle_events',
			array(
				'per_page' => '20',
				'END_DATE' => '2030-12-31',
			)
		);

		$this->assertSame(
			array(
				array(
					'circle-events',
					array(
						'end-date' => '2030-12-31',
						'per-page' => '20',
					),
				),
			),
			$this->parse( $html )
		);
	}

	public function test_feeds_get_the_sites_profile_link_template_unless_they_set_their_own() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'profile_url' => '/members/{id}' );

		$default = $this->parse( $this->shortcode( 'circle_feed', array() ) );
		$own     = $this->parse( $this->shortcode( 'circle_feed', array( 'profile-url' => '/people/{id}' ) ) );
		$events  = $this->parse( $this->shortcode( 'circle_events', array() ) );

		$this->assertSame( array( 'profile-url' => '/members/{id}' ), $default[0][1] );
		$this->assertSame( array( 'profile-url' => '/people/{id}' ), $own[0][1] );
		$this->assertSame( array(), $events[0][1] );
	}

	public function test_writing_elements_loads_the_bundle_once_as_a_module() {
		$this->shortcode( 'circle_feed', array() );
		$this->shortcode( 'circle_events', array() );

		$this->assertSame(
			array(
				array(
					'id'      => 'circle-widgets',
					'src'     => Circle_Widgets_Settings::DEFAULT_SCRIPT_URL,
					'deps'    => array(),
					'version' => null,
				),
			),
			WP_Stubs::$enqueued_modules
		);
	}

	public function test_an_unknown_shortcode_or_element_writes_nothing() {
		$this->assertSame( '', $this->shortcode( 'circle_chat', array() ) );
		$this->assertSame( '', $this->elements->render( 'chat', array() ) );
		$this->assertSame( array(), WP_Stubs::$enqueued_modules );
	}

	public function test_a_block_writes_its_element_inside_the_block_wrapper() {
		$html = $this->elements->render_block(
			array(
				'view'      => 'compact',
				'perPage'   => 6,
				'startDate' => '2030-01-01',
				'timeZone'  => 'UTC',
				'className' => 'is-style-outline',
			),
			'',
			new WP_Block( 'circle-widgets/events' )
		);

		$this->assertSame(
			array(
				array( 'div', array( 'class' => 'wp-block-circle-widgets' ) ),
				array(
					'circle-events',
					array(
						'view'       => 'compact',
						'start-date' => '2030-01-01',
						'per-page'   => '6',
						'time-zone'  => 'UTC',
					),
				),
			),
			$this->parse( $html )
		);
	}

	public function test_a_notifications_block_with_open_off_writes_no_open_attribute() {
		$html = $this->elements->render_block( array( 'open' => false ), '', new WP_Block( 'circle-widgets/notifications' ) );

		$this->assertSame( array(), $this->parse( $html )[1][1] );
	}

	public function test_a_block_of_another_plugin_writes_nothing() {
		$this->assertSame( '', $this->elements->render_block( array(), '', new WP_Block( 'core/paragraph' ) ) );
	}

	/**
	 * @dataProvider block_names
	 */
	public function test_each_block_json_offers_exactly_its_elements_attributes( $name ) {
		$path     = CIRCLE_WIDGETS_DIR . 'blocks/' . $name . '/block.json';
		$metadata = json_decode( file_get_contents( $path ), true );

		$this->assertIsArray( $metadata, $path . ' is not valid JSON' );
		$this->assertSame( 'circle-widgets/' . $name, $metadata['name'] );
		$this->assertSame( 'circle-widgets', $metadata['textdomain'] );
		$this->assertSame( Circle_Widgets_Elements::EDITOR_HANDLE, $metadata['editorScript'] );

		$offered = array_map(
			function ( $attribute ) {
				return strtolower( preg_replace( '/([a-z0-9])([A-Z])/', '$1-$2', $attribute ) );
			},
			array_keys( $metadata['attributes'] )
		);
		$allowed = array_keys( Circle_Widgets_Elements::ELEMENTS[ $name ]['attributes'] );
		sort( $offered );
		sort( $allowed );
		$this->assertSame( $allowed, $offered );
	}

	public function block_names() {
		$names = array();
		foreach ( array_keys( Circle_Widgets_Elements::ELEMENTS ) as $name ) {
			$names[ $name ] = array( $name );
		}
		return $names;
	}

	/**
	 * The tags the bundle ships: one per file in src/define/, read from the file's own
	 * customElements.define() call, so that a new element without a shortcode or block fails.
	 *
	 * @return string[]
	 */
	private function shipped_tags() {
		$files = glob( dirname( CIRCLE_WIDGETS_DIR ) . '/src/define/*.ts' );
		$this->assertNotEmpty( $files, 'src/define/ holds no element' );

		$tags = array();
		foreach ( $files as $file ) {
			$this->assertSame(
				1,
				preg_match( "/customElements\\.define\\(\\s*'([a-z][a-z0-9]*-[a-z0-9-]+)'/", file_get_contents( $file ), $match ),
				$file . ' defines no element'
			);
			$tags[] = $match[1];
		}
		sort( $tags );
		return $tags;
	}

	public function test_every_element_the_bundle_ships_has_a_shortcode_and_a_block() {
		$tags = array_column( Circle_Widgets_Elements::ELEMENTS, 'tag' );
		sort( $tags );

		$this->assertSame( $this->shipped_tags(), $tags );
	}

	public function test_each_element_registers_its_shortcode_and_its_block() {
		$this->elements->register_shortcodes();
		$this->elements->register_blocks();

		$this->assertSame(
			array_column( Circle_Widgets_Elements::ELEMENTS, 'shortcode' ),
			array_keys( WP_Stubs::$shortcodes )
		);
		$this->assertSame(
			array_keys( Circle_Widgets_Elements::ELEMENTS ),
			array_map(
				function ( $block ) {
					return basename( $block['path'] );
				},
				WP_Stubs::$blocks
			)
		);
		foreach ( WP_Stubs::$blocks as $block ) {
			$this->assertFileExists( $block['path'] . '/block.json' );
			$this->assertSame( array( $this->elements, 'render_block' ), $block['args']['render_callback'] );
		}
		foreach ( Circle_Widgets_Elements::ELEMENTS as $element ) {
			$this->assertSame( '<' . $element['tag'] . '></' . $element['tag'] . '>', $this->shortcode( $element['shortcode'], '' ) );
		}
	}

	public function test_the_editor_script_registers_every_block() {
		$script = file_get_contents( CIRCLE_WIDGETS_DIR . 'blocks/editor.js' );

		$this->assertSame( 1, preg_match( '/\[([^\]]*)\]\.forEach\(\s*\( slug \)/', $script, $match ), 'no list of blocks in editor.js' );
		preg_match_all( "/'([a-z-]+)'/", $match[1], $slugs );
		$this->assertSame( array_keys( Circle_Widgets_Elements::ELEMENTS ), $slugs[1] );
	}

	public function test_the_editor_labels_every_block_attribute() {
		$script = file_get_contents( CIRCLE_WIDGETS_DIR . 'blocks/editor.js' );

		foreach ( array_keys( Circle_Widgets_Elements::ELEMENTS ) as $name ) {
			$metadata = json_decode( file_get_contents( CIRCLE_WIDGETS_DIR . 'blocks/' . $name . '/block.json' ), true );
			foreach ( array_keys( $metadata['attributes'] ) as $attribute ) {
				$this->assertMatchesRegularExpression(
					'/^\t\t' . preg_quote( $attribute, '/' ) . ': __\(/m',
					$script,
					"editor.js has no label for {$name}'s {$attribute}, so the sidebar would not offer it"
				);
			}
		}
	}
}
