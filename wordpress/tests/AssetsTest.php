<?php
/**
 * The bundle's script tag and its page-wide settings.
 *
 * @package CircleWidgets\Tests
 */

class AssetsTest extends Circle_Widgets_Test_Case {

	/** @var Circle_Widgets_Assets */
	private $assets;

	protected function setUp(): void {
		parent::setUp();
		$this->assets = new Circle_Widgets_Assets( new Circle_Widgets_Settings() );
	}

	public function test_the_module_tag_gets_the_endpoint_with_the_nonce_and_the_other_settings() {
		WP_Stubs::$next_nonce = 'abc123';

		$attributes = $this->assets->filter_module_attributes(
			array(
				'type' => 'module',
				'src'  => Circle_Widgets_Settings::DEFAULT_SCRIPT_URL,
				'id'   => 'circle-widgets-js-module',
			)
		);

		$this->assertSame(
			array(
				'type'                => 'module',
				'src'                 => Circle_Widgets_Settings::DEFAULT_SCRIPT_URL,
				'id'                  => 'circle-widgets-js-module',
				'data-token-endpoint' => 'https://blog.example/wp-json/circle-widgets/v1/token?_wpnonce=abc123',
				'data-api-base'       => 'https://app.circle.so',
				'data-sign-in-url'    => 'https://blog.example/wp-login.php',
			),
			$attributes
		);
	}

	public function test_the_module_tag_is_recognized_by_its_url_when_its_id_differs() {
		$attributes = $this->assets->filter_module_attributes(
			array(
				'type' => 'module',
				'src'  => Circle_Widgets_Settings::DEFAULT_SCRIPT_URL . '?ver=1',
				'id'   => 'circle-widgets-module',
			)
		);

		$this->assertSame( 'https://app.circle.so', $attributes['data-api-base'] );
	}

	public function test_other_script_tags_are_left_alone() {
		$other = array(
			'type' => 'module',
			'id'   => '@wordpress/interactivity-js-module',
		);

		$this->assertSame( $other, $this->assets->filter_module_attributes( $other ) );
		$this->assertSame( '<script src="x.js"></script>', $this->assets->filter_classic_tag( '<script src="x.js"></script>', 'jquery', 'x.js' ) );
	}

	public function test_before_wordpress_6_5_the_classic_tag_becomes_a_module_with_escaped_settings() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'sign_in_url' => 'https://blog.example/login?a=1&b="2"' );

		$tag = $this->assets->filter_classic_tag( '<script src="old"></script>', 'circle-widgets', 'https://cdn.example.com/cw.js' );

		$document = new DOMDocument();
		$document->loadHTML( $tag );
		$script = $document->getElementsByTagName( 'script' )->item( 0 );
		$this->assertSame( 'module', $script->getAttribute( 'type' ) );
		$this->assertSame( 'https://cdn.example.com/cw.js', $script->getAttribute( 'src' ) );
		$this->assertSame( 'https://blog.example/login?a=1&b=2', $script->getAttribute( 'data-sign-in-url' ) );
		$this->assertSame( 'https://blog.example/wp-json/circle-widgets/v1/token?_wpnonce=n0nce123', $script->getAttribute( 'data-token-endpoint' ) );
		$this->assertStringContainsString( '&amp;b=2', $tag );
	}

	public function test_a_site_may_load_the_bundle_as_a_classic_deferred_script() {
		WP_Stubs::$filters['circle_widgets_load_as_module'] = '__return_false';

		$this->assets->enqueue();
		$tag = $this->assets->filter_classic_tag( '<script src="old"></script>', 'circle-widgets', 'https://cdn.example.com/cw.js' );

		$this->assertSame( array(), WP_Stubs::$enqueued_modules );
		$this->assertSame( array( 'circle-widgets' ), array_column( WP_Stubs::$enqueued_scripts, 'handle' ) );
		$document = new DOMDocument();
		$document->loadHTML( $tag );
		$script = $document->getElementsByTagName( 'script' )->item( 0 );
		$this->assertFalse( $script->hasAttribute( 'type' ) );
		$this->assertTrue( $script->hasAttribute( 'defer' ) );
		$this->assertSame( 'https://app.circle.so', $script->getAttribute( 'data-api-base' ) );
	}

	public function test_the_bundle_loads_everywhere_only_when_the_site_asks() {
		$this->assets->enqueue_everywhere();
		$this->assertSame( array(), WP_Stubs::$enqueued_modules );

		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'load_everywhere' => true );
		$this->assets->enqueue_everywhere();
		$this->assertCount( 1, WP_Stubs::$enqueued_modules );
	}
}
