<?php
/**
 * The token endpoint: issue, refresh and sign-out, as the widgets and other callers use them.
 *
 * @package CircleWidgets\Tests
 */

class TokenControllerTest extends Circle_Widgets_Test_Case {

	/** @var Circle_Widgets_Token_Controller */
	private $controller;

	protected function setUp(): void {
		parent::setUp();
		$this->controller = new Circle_Widgets_Token_Controller( new Circle_Widgets_Settings() );
	}

	/** POST /token as the widgets send it, with an optional JSON body. */
	private function post_token( array $body = array(), ?WP_REST_Request $request = null ) {
		return $this->serve( $this->controller, 'handle', $request ? $request : $this->widget_request( '/token', $body ) );
	}

	/** Issues a token for the signed-in user and answers the refresh token the browser got. */
	private function issued_refresh_token() {
		$this->circle_answers( 200, self::CIRCLE_TOKEN );
		return $this->post_token()->get_data()['refresh_token'];
	}

	public function test_a_signed_out_visitor_gets_401_and_circle_is_not_asked() {
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'circle_widgets_signed_out', $response->get_data()['code'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	/**
	 * @dataProvider refused_requests
	 */
	public function test_a_request_without_the_widgets_header_or_a_valid_nonce_gets_403( $headers, $code ) {
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token( array(), $this->widget_request( '/token', array(), $headers ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertNotEmpty( $response->get_data()['message'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	public function refused_requests() {
		return array(
			'no widgets header' => array( array( 'X-WP-Nonce' => self::NONCE ), 'circle_widgets_csrf_rejected' ),
			'widgets header 0'  => array(
				array(
					'X-Circle-Widgets' => '0',
					'X-WP-Nonce'       => self::NONCE,
				),
				'circle_widgets_csrf_rejected',
			),
			'no nonce'          => array( array( 'X-Circle-Widgets' => '1' ), 'circle_widgets_bad_nonce' ),
			'another nonce'     => array(
				array(
					'X-Circle-Widgets' => '1',
					'X-WP-Nonce'       => 'stale-nonce',
				),
				'circle_widgets_bad_nonce',
			),
		);
	}

	public function test_the_nonce_may_come_as_the_wpnonce_query_parameter() {
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );
		$request = $this->widget_request( '/token', array( '_wpnonce' => self::NONCE ), array( 'X-Circle-Widgets' => '1' ) );

		$this->assertSame( 200, $this->post_token( array(), $request )->get_status() );
	}

	public function test_a_member_matched_by_email_gets_circles_token_with_a_bound_refresh_token() {
		$this->sign_in( 7, 'ada@example.com' );
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertCount( 1, WP_Stubs::$http_calls );
		$call = WP_Stubs::$http_calls[0];
		$this->assertSame( 'POST', $call['method'] );
		$this->assertSame( 'https://app.circle.so/api/v1/headless/auth_token', $call['url'] );
		$this->assertSame( 'Bearer ' . self::APP_TOKEN, $call['args']['headers']['Authorization'] );
		$this->assertSame( 'application/json', $call['args']['headers']['Content-Type'] );
		$this->assertSame( 0, $call['args']['redirection'] );
		$this->assertSame( array( array( 'email' => 'ada@example.com' ) ), $this->circle_bodies() );

		$token = $response->get_data();
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$this->assertStringStartsWith( self::CIRCLE_TOKEN['refresh_token'] . '.', $token['refresh_token'] );
		$this->assertGreaterThan( strlen( self::CIRCLE_TOKEN['refresh_token'] ) + 20, strlen( $token['refresh_token'] ) );
		unset( $token['refresh_token'] );
		$expected = self::CIRCLE_TOKEN;
		unset( $expected['refresh_token'] );
		$this->assertSame( $expected, $token );
	}

	public function test_issue_may_be_named_in_the_body() {
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token( array( 'action' => 'issue' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::CIRCLE_TOKEN['access_token'], $response->get_data()['access_token'] );
	}

	public function test_an_unknown_action_is_400_and_circle_is_not_asked() {
		$this->sign_in();

		$response = $this->post_token( array( 'action' => 'delete-everything' ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'circle_widgets_bad_request', $response->get_data()['code'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	public function test_the_token_callback_marks_its_answer_no_store_by_itself() {
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		// Without the rest_post_dispatch filter, which another plugin could remove.
		$response = $this->controller->handle( $this->widget_request() );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	public function test_a_member_matched_by_sso_id_is_asked_for_by_that_id_only() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'member_mapping' => 'sso' );
		WP_Stubs::$user_meta[7]['circle_sso_user_id']       = 'sso-4242';
		$this->sign_in( 7, 'ada@example.com' );
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertSame( array( array( 'sso_user_id' => 'sso-4242' ) ), $this->circle_bodies() );
		$this->assertSame( 200, $response->get_status() );
	}

	public function test_a_user_without_an_sso_id_gets_403_and_circle_is_not_asked() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'member_mapping' => 'sso' );
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'circle_widgets_not_linked', $response->get_data()['code'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	public function test_a_site_can_match_members_by_circle_member_id_through_a_filter() {
		WP_Stubs::$filters['circle_widgets_member_identity'] = function ( $identity, $user ) {
			return array( 'community_member_id' => 100 + $user->ID );
		};
		$this->sign_in( 7 );
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$this->post_token();

		$this->assertSame( array( array( 'community_member_id' => 107 ) ), $this->circle_bodies() );
	}

	public function test_of_several_identifiers_only_circles_preferred_one_is_sent() {
		WP_Stubs::$filters['circle_widgets_member_identity'] = function () {
			return array(
				'email'       => 'ada@example.com',
				'sso_user_id' => 'sso-1',
			);
		};
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$this->post_token();

		$this->assertSame( array( array( 'sso_user_id' => 'sso-1' ) ), $this->circle_bodies() );
	}

	public function test_a_filter_giving_no_usable_identifier_is_refused_before_circle_is_asked() {
		WP_Stubs::$filters['circle_widgets_member_identity'] = function () {
			return array(
				'community_member_id' => '12',
				'username'            => 'ada',
			);
		};
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertSame( 403, $response->get_status() );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	public function test_an_unknown_member_gets_403_with_a_message_saying_so() {
		$this->sign_in();
		$this->circle_answers(
			404,
			array(
				'success'       => false,
				'message'       => 'Community member not found. Please provide a valid SSO User ID, community member ID, or email.',
				'error_details' => array(),
			)
		);

		$response = $this->post_token();

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'circle_widgets_member_not_found', $response->get_data()['code'] );
		$this->assertStringContainsString( 'no member for your account', $response->get_data()['message'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	/**
	 * @dataProvider circle_failures
	 */
	public function test_other_circle_failures_give_502_without_the_app_token( $answer, $code, $circle_status ) {
		$this->sign_in();
		WP_Stubs::$http_responder = $answer;

		$response = $this->post_token();

		$this->assertSame( 502, $response->get_status() );
		$this->assertSame( $code, $response->get_data()['code'] );
		$this->assertSame( $circle_status, $response->get_data()['data']['circle_status'] );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
		$this->assertStringNotContainsString( self::APP_TOKEN, $this->wire( $response ) );
		$this->assertStringNotContainsString( 'cw-app-token', $this->wire( $response ) );
	}

	public function circle_failures() {
		$answer = function ( $status, $body ) {
			return function () use ( $status, $body ) {
				return array(
					'response' => array( 'code' => $status ),
					'body'     => is_string( $body ) ? $body : json_encode( $body ),
				);
			};
		};
		// Circle's answers never hold the app token; these do, to show nothing is passed on.
		$error = function ( $message ) {
			return array(
				'success'       => false,
				'message'       => $message . ' ' . self::APP_TOKEN,
				'error_details' => array( 'token' => self::APP_TOKEN ),
			);
		};

		return array(
			'401 bad app token'    => array( $answer( 401, $error( 'Your account could not be authenticated.' ) ), 'circle_widgets_app_token_rejected', 401 ),
			'403 not eligible'     => array( $answer( 403, $error( "Your community isn't eligible." ) ), 'circle_widgets_community_not_eligible', 403 ),
			'422 creation failed'  => array( $answer( 422, $error( 'There was an error creating the token.' ) ), 'circle_widgets_circle_failed', 422 ),
			'500'                  => array( $answer( 500, 'Internal Server Error ' . self::APP_TOKEN ), 'circle_widgets_circle_failed', 500 ),
			'200 without a token'  => array( $answer( 200, array( 'refresh_token' => 'r' ) ), 'circle_widgets_circle_failed', 200 ),
			'200 that is not JSON' => array( $answer( 200, '<html>maintenance</html>' ), 'circle_widgets_circle_failed', 200 ),
			'network failure'      => array(
				function () {
					return new WP_Error( 'http_request_failed', 'cURL error 28 with Authorization: Bearer ' . self::APP_TOKEN );
				},
				'circle_widgets_circle_unreachable',
				0,
			),
		);
	}

	public function test_circle_rate_limiting_gives_503_with_circles_retry_after() {
		$this->sign_in();
		$this->circle_answers( 429, array( 'message' => 'Too many requests' ), array( 'Retry-After' => '17' ) );

		$response = $this->post_token();

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'circle_widgets_circle_rate_limited', $response->get_data()['code'] );
		$this->assertSame( '17', $response->get_headers()['Retry-After'] );
	}

	public function test_the_error_action_for_logs_never_gets_the_app_token() {
		$this->sign_in();
		WP_Stubs::$http_responder = function () {
			return new WP_Error( 'http_request_failed', 'Timeout; Authorization: Bearer ' . self::APP_TOKEN );
		};

		$this->post_token();

		$this->assertCount( 1, WP_Stubs::$fired_actions );
		$action = WP_Stubs::$fired_actions[0];
		$this->assertSame( 'circle_widgets_circle_error', $action['name'] );
		$this->assertSame( array( 'issue', 0, 'Timeout; Authorization: Bearer [app token]' ), $action['args'] );
	}

	public function test_the_configured_api_base_is_where_the_token_is_asked_for() {
		WP_Stubs::$options[ Circle_Widgets_Settings::OPTION ] = array( 'api_base' => 'https://circle.example.com/' );
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$this->post_token();

		$this->assertSame( 'https://circle.example.com/api/v1/headless/auth_token', WP_Stubs::$http_calls[0]['url'] );
	}

	public function test_without_an_app_token_the_endpoint_says_so_and_asks_nobody() {
		unset( WP_Stubs::$options[ Circle_Widgets_Settings::TOKEN_OPTION ] );
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$response = $this->post_token();

		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( 'circle_widgets_not_configured', $response->get_data()['code'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	/**
	 * @runInSeparateProcess
	 * @preserveGlobalState disabled
	 */
	public function test_the_wp_config_constant_wins_over_the_saved_token() {
		define( 'CIRCLE_WIDGETS_APP_TOKEN', 'from-wp-config-token' );
		$this->sign_in();
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$this->post_token();

		$this->assertSame( 'Bearer from-wp-config-token', WP_Stubs::$http_calls[0]['args']['headers']['Authorization'] );
	}

	public function test_a_user_over_the_rate_limit_gets_429_until_the_window_ends() {
		WP_Stubs::$filters['circle_widgets_rate_limit'] = function () {
			return array(
				'limit'  => 3,
				'window' => 60,
			);
		};
		$this->sign_in( 7 );
		$this->circle_answers( 200, self::CIRCLE_TOKEN );

		$statuses = array();
		for ( $i = 0; $i < 4; $i++ ) {
			$statuses[] = $this->post_token()->get_status();
		}
		$limited = $this->post_token( array( 'action' => 'sign-out', 'access_token' => 'eyJ.x.y' ) );

		$this->assertSame( array( 200, 200, 200, 429 ), $statuses );
		$this->assertSame( 429, $limited->get_status() );
		$this->assertSame( 'circle_widgets_rate_limited', $limited->get_data()['code'] );
		$retry_after = (int) $limited->get_headers()['Retry-After'];
		$this->assertGreaterThan( 0, $retry_after );
		$this->assertLessThanOrEqual( 60, $retry_after );
		$this->assertCount( 3, WP_Stubs::$http_calls );

		// Another user has their own allowance.
		$this->sign_in( 8, 'grace@example.com' );
		$this->assertSame( 200, $this->post_token()->get_status() );

		// Once the window is over, the first user may ask again.
		$this->sign_in( 7 );
		WP_Stubs::$transients['circle_widgets_rate_7']['value']['reset'] = time() - 1;
		$this->assertSame( 200, $this->post_token()->get_status() );
	}

	public function test_the_refresh_action_renews_the_access_token_with_circles_refresh_token() {
		$this->sign_in( 7 );
		$refresh_token = $this->issued_refresh_token();
		$renewed       = array(
			'access_token'            => 'eyJ.renewed.token',
			'access_token_expires_at' => '2030-01-01T02:00:00.000Z',
		);
		$this->circle_answers( 200, $renewed );

		$response = $this->post_token(
			array(
				'action'        => 'refresh',
				'refresh_token' => $refresh_token,
			)
		);

		$call = WP_Stubs::$http_calls[1];
		$this->assertSame( 'PATCH', $call['method'] );
		$this->assertSame( 'https://app.circle.so/api/v1/headless/access_token/refresh', $call['url'] );
		$this->assertSame( 'Bearer ' . self::APP_TOKEN, $call['args']['headers']['Authorization'] );
		$this->assertSame( array( 'refresh_token' => self::CIRCLE_TOKEN['refresh_token'] ), $this->circle_bodies()[1] );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $renewed, $response->get_data() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	public function test_the_refresh_route_does_the_same() {
		$this->sign_in( 7 );
		$refresh_token = $this->issued_refresh_token();

		$response = $this->serve(
			$this->controller,
			'refresh_token',
			$this->widget_request( '/token/refresh', array( 'refresh_token' => $refresh_token ) )
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'PATCH', WP_Stubs::$http_calls[1]['method'] );
	}

	/**
	 * 400, not 403: the widgets read 401 and 403 as "signed out", and should instead ask for a
	 * new token.
	 *
	 * @dataProvider unusable_refresh_tokens
	 */
	public function test_a_refresh_token_not_bound_to_this_user_and_session_is_400_and_circle_is_not_asked( $change ) {
		$this->sign_in( 7 );
		$refresh_token = $this->issued_refresh_token();
		$refresh_token = $change( $refresh_token );

		$response = $this->post_token(
			array(
				'action'        => 'refresh',
				'refresh_token' => $refresh_token,
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'circle_widgets_invalid_refresh_token', $response->get_data()['code'] );
		$this->assertCount( 1, WP_Stubs::$http_calls );
	}

	public function unusable_refresh_tokens() {
		return array(
			'another user'            => array(
				function ( $token ) {
					WP_Stubs::$current_user = new WP_User( 8, 'grace@example.com' );
					return $token;
				},
			),
			'another login session'   => array(
				function ( $token ) {
					WP_Stubs::$session_token = 'session-b';
					return $token;
				},
			),
			'circles token, unbound'  => array(
				function () {
					return self::CIRCLE_TOKEN['refresh_token'];
				},
			),
			'a tampered tag'          => array(
				function ( $token ) {
					return substr( $token, 0, -1 ) . ( 'A' === substr( $token, -1 ) ? 'B' : 'A' );
				},
			),
			'another token, same tag' => array(
				function ( $token ) {
					return 'x' . $token;
				},
			),
			'missing'                 => array(
				function () {
					return null;
				},
			),
		);
	}

	/**
	 * @dataProvider refresh_refusals
	 */
	public function test_a_refresh_token_circle_refuses_is_400_so_the_widgets_ask_for_a_new_token( $status, $message ) {
		$this->sign_in( 7 );
		$refresh_token = $this->issued_refresh_token();
		$this->circle_answers( $status, array( 'message' => $message ) );

		$response = $this->post_token(
			array(
				'action'        => 'refresh',
				'refresh_token' => $refresh_token,
			)
		);

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'circle_widgets_invalid_refresh_token', $response->get_data()['code'] );
	}

	public function refresh_refusals() {
		return array(
			'expired' => array( 401, 'The refresh token is expired. Please generate/get new auth token.' ),
			'revoked' => array( 404, 'Refresh token not found.' ),
		);
	}

	public function test_sign_out_revokes_both_tokens_and_answers_204() {
		$this->sign_in( 7 );
		$refresh_token = $this->issued_refresh_token();
		$this->circle_answers( 204, '' );

		$response = $this->post_token(
			array(
				'action'        => 'sign-out',
				'access_token'  => self::CIRCLE_TOKEN['access_token'],
				'refresh_token' => $refresh_token,
			)
		);

		$calls = array_slice( WP_Stubs::$http_calls, 1 );
		$this->assertSame(
			array(
				array( 'POST', 'https://app.circle.so/api/v1/headless/access_token/revoke' ),
				array( 'POST', 'https://app.circle.so/api/v1/headless/refresh_token/revoke' ),
			),
			array_map(
				function ( $call ) {
					return array( $call['method'], $call['url'] );
				},
				$calls
			)
		);
		$this->assertSame(
			array(
				array( 'access_token' => self::CIRCLE_TOKEN['access_token'] ),
				array( 'refresh_token' => self::CIRCLE_TOKEN['refresh_token'] ),
			),
			array_slice( $this->circle_bodies(), 1 )
		);
		$this->assertSame( 'Bearer ' . self::APP_TOKEN, $calls[1]['args']['headers']['Authorization'] );
		$this->assertSame( 204, $response->get_status() );
		$this->assertNull( $response->get_data() );
		$this->assertSame( 'no-store', $response->get_headers()['Cache-Control'] );
	}

	/**
	 * @dataProvider already_unusable
	 */
	public function test_signing_out_tokens_circle_already_dropped_succeeds( $status, $message ) {
		$this->sign_in();
		$refresh_token = $this->issued_refresh_token();
		$this->circle_answers( $status, array( 'message' => $message ) );

		$response = $this->serve(
			$this->controller,
			'sign_out',
			$this->widget_request(
				'/token/sign-out',
				array(
					'access_token'  => 'eyJ.old.token',
					'refresh_token' => $refresh_token,
				)
			)
		);

		$this->assertSame( 204, $response->get_status() );
	}

	public function already_unusable() {
		return array(
			'422 expired'         => array( 422, 'The access token is expired.' ),
			'404 not found'       => array( 404, 'Refresh token not found.' ),
			'401 refresh expired' => array( 401, 'The refresh token is expired. Please generate/get new auth token.' ),
		);
	}

	public function test_a_failed_sign_out_is_502_without_the_app_token() {
		$this->sign_in();
		$this->circle_answers( 401, array( 'message' => 'Your account could not be authenticated.' ) );

		$response = $this->post_token(
			array(
				'action'       => 'sign-out',
				'access_token' => 'eyJ.some.token',
			)
		);

		$this->assertSame( 502, $response->get_status() );
		$this->assertSame( 'circle_widgets_app_token_rejected', $response->get_data()['code'] );
		$this->assertStringNotContainsString( self::APP_TOKEN, $this->wire( $response ) );
	}

	public function test_sign_out_with_no_token_is_400_and_with_a_foreign_refresh_token_revokes_nothing() {
		$this->sign_in();

		$nothing = $this->post_token( array( 'action' => 'sign-out' ) );
		$foreign = $this->post_token(
			array(
				'action'        => 'sign-out',
				'access_token'  => 'eyJ.some.token',
				'refresh_token' => self::CIRCLE_TOKEN['refresh_token'],
			)
		);

		$this->assertSame( 400, $nothing->get_status() );
		$this->assertSame( 400, $foreign->get_status() );
		$this->assertSame( 'circle_widgets_invalid_refresh_token', $foreign->get_data()['code'] );
		$this->assertCount( 0, WP_Stubs::$http_calls );
	}

	public function test_the_refresh_and_sign_out_routes_need_a_signed_in_user_too() {
		$refresh  = $this->serve( $this->controller, 'refresh_token', $this->widget_request( '/token/refresh' ) );
		$sign_out = $this->serve( $this->controller, 'sign_out', $this->widget_request( '/token/sign-out' ) );

		$this->assertSame( 401, $refresh->get_status() );
		$this->assertSame( 401, $sign_out->get_status() );
	}

	public function test_three_post_routes_are_registered_with_the_permission_check() {
		$this->controller->register_routes();

		$this->assertSame(
			array( '/token', '/token/refresh', '/token/sign-out' ),
			array_column( WP_Stubs::$routes, 'route' )
		);
		$this->assertSame(
			array( 'handle', 'refresh_token', 'sign_out' ),
			array_map(
				function ( $route ) {
					return $route['args']['callback'][1];
				},
				WP_Stubs::$routes
			)
		);
		foreach ( WP_Stubs::$routes as $route ) {
			$this->assertSame( 'circle-widgets/v1', $route['namespace'] );
			$this->assertSame( 'POST', $route['args']['methods'] );
			$this->assertSame( array( $this->controller, 'check_permission' ), $route['args']['permission_callback'] );
		}
	}

	public function test_no_store_is_added_to_this_plugins_routes_only() {
		$own   = $this->controller->add_no_store( new WP_REST_Response( array(), 400 ), null, new WP_REST_Request( 'POST', '/circle-widgets/v1/token' ) );
		$other = $this->controller->add_no_store( new WP_REST_Response( array(), 200 ), null, new WP_REST_Request( 'GET', '/wp/v2/posts' ) );

		$this->assertSame( 'no-store', $own->get_headers()['Cache-Control'] );
		$this->assertArrayNotHasKey( 'Cache-Control', $other->get_headers() );
	}

	public function test_wordpress_no_cache_headers_for_signed_in_users_say_no_store_on_these_routes() {
		$callback = array( $this->controller, 'no_store_in_nocache_headers' );
		$before   = isset( WP_Stubs::$hooks['nocache_headers'] ) ? WP_Stubs::$hooks['nocache_headers'] : array();

		$this->controller->add_no_store( new WP_REST_Response( array(), 200 ), null, new WP_REST_Request( 'GET', '/wp/v2/posts' ) );
		$this->assertNotContains( $callback, $before );
		$this->assertSame( $before, isset( WP_Stubs::$hooks['nocache_headers'] ) ? WP_Stubs::$hooks['nocache_headers'] : array() );

		$this->controller->add_no_store( new WP_REST_Response( array(), 200 ), null, new WP_REST_Request( 'POST', '/circle-widgets/v1/token' ) );
		$this->assertContains( $callback, WP_Stubs::$hooks['nocache_headers'] );

		$headers = $this->controller->no_store_in_nocache_headers(
			array(
				'Expires'       => 'Wed, 11 Jan 1984 05:00:00 GMT',
				'Cache-Control' => 'no-cache, must-revalidate, max-age=0',
			)
		);
		$this->assertSame( 'no-store', $headers['Cache-Control'] );
		$this->assertSame( 'Wed, 11 Jan 1984 05:00:00 GMT', $headers['Expires'] );
	}

	public function test_the_plugin_hooks_the_routes_and_the_no_store_filter() {
		$plugin = Circle_Widgets_Plugin::instance();

		$this->assertContains( array( $plugin->token_controller, 'register_routes' ), WP_Stubs::$hooks['rest_api_init'] );
		$this->assertContains( array( $plugin->token_controller, 'add_no_store' ), WP_Stubs::$hooks['rest_post_dispatch'] );
	}
}
