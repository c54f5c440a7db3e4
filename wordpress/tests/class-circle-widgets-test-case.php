<?php
/**
 * Shared set-up and helpers of the plugin's tests.
 *
 * @package CircleWidgets\Tests
 */

use PHPUnit\Framework\TestCase;

/**
 * Starts every test on an empty site whose app token is set, and helps fake Circle and serve
 * REST requests the way WordPress's REST server does.
 */
abstract class Circle_Widgets_Test_Case extends TestCase {

	/** The app token every test site has; it must never reach a response. */
	const APP_TOKEN = 'cw-app-token-5f3a9c1e77';

	/** The nonce the signed-in user's pages carry. */
	const NONCE = 'good-nonce-1';

	/** Circle's answer to auth_token, as in its OpenAPI example. */
	const CIRCLE_TOKEN = array(
		'access_token'             => 'eyJhbGciOiJIUzI1NiJ9.eyJjb21tdW5pdHlfaWQiOjF9.c2lnbmF0dXJl',
		'refresh_token'            => 'jaebyVK59l5xxAx1D4pM8H-wYyFA6gMC12RGYZcy44w',
		'access_token_expires_at'  => '2030-01-01T01:00:00.000Z',
		'refresh_token_expires_at' => '2030-02-01T00:00:00.000Z',
		'community_member_id'      => 11,
		'community_id'             => 1,
	);

	protected function setUp(): void {
		parent::setUp();
		WP_Stubs::reset();
		WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] = self::APP_TOKEN;
	}

	/**
	 * Signs a user in, with a valid REST nonce for their pages.
	 */
	protected function sign_in( $user_id = 7, $email = 'ada@example.com' ) {
		WP_Stubs::$current_user = new WP_User( $user_id, $email );
		WP_Stubs::$valid_nonces = array( self::NONCE );
	}

	/**
	 * A request as the widgets send it: POST, the widgets' header and the page's nonce.
	 */
	protected function widget_request( $route = '/token', array $params = array(), ?array $headers = null ) {
		$request = new WP_REST_Request( 'POST', '/circle-widgets/v1' . $route );
		$headers = null === $headers ? array(
			'X-Circle-Widgets' => '1',
			'X-WP-Nonce'       => self::NONCE,
		) : $headers;
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		foreach ( $params as $name => $value ) {
			$request->set_param( $name, $value );
		}
		return $request;
	}

	/**
	 * Makes Circle answer every request with this status, JSON body (or raw string) and headers.
	 */
	protected function circle_answers( $status, $body, array $headers = array() ) {
		WP_Stubs::$http_responder = function () use ( $status, $body, $headers ) {
			return array(
				'response' => array( 'code' => $status ),
				'headers'  => $headers,
				'body'     => is_string( $body ) ? $body : json_encode( $body ),
			);
		};
	}

	/**
	 * Serves a request as WordPress's REST server would: the permission callback, then the
	 * route's callback, errors turned into responses, then rest_post_dispatch.
	 */
	protected function serve( Circle_Widgets_Token_Controller $controller, $callback, WP_REST_Request $request ) {
		$allowed = $controller->check_permission( $request );
		if ( $allowed instanceof WP_Error ) {
			$data     = $allowed->get_error_data();
			$response = new WP_REST_Response(
				array(
					'code'    => $allowed->get_error_code(),
					'message' => $allowed->get_error_message(),
					'data'    => $data,
				),
				$data['status']
			);
		} else {
			$response = $controller->$callback( $request );
		}
		return $controller->add_no_store( $response, null, $request );
	}

	/**
	 * The JSON-decoded bodies of the requests sent to Circle.
	 */
	protected function circle_bodies() {
		return array_map(
			function ( $call ) {
				return json_decode( $call['args']['body'], true );
			},
			WP_Stubs::$http_calls
		);
	}

	/**
	 * Everything a browser would receive: status, headers and body.
	 */
	protected function wire( WP_REST_Response $response ) {
		return json_encode( array( $response->get_status(), $response->get_headers(), $response->get_data() ) );
	}
}
