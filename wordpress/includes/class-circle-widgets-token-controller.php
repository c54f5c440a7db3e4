<?php
/**
 * The host token endpoint the widgets call.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * REST routes under /wp-json/circle-widgets/v1, following the project's token endpoint
 * contract (README, "The host token endpoint"):
 * - POST /token with no body, `{}` or `{ "action": "issue" }`: the signed-in user's Circle
 *   tokens, Circle's auth_token answer with its refresh token bound to this user's session;
 * - POST /token `{ "action": "refresh", "refresh_token" }`, also POST /token/refresh
 *   `{ refresh_token }`: a new access token;
 * - POST /token `{ "action": "sign-out", "access_token"?, "refresh_token"? }`, also POST
 *   /token/sign-out: revokes them, 204.
 *
 * Every route wants a signed-in user, the `X-Circle-Widgets: 1` header and a `wp_rest` nonce
 * (the `X-WP-Nonce` header or the `_wpnonce` query parameter), counts toward the user's rate
 * limit, and answers `Cache-Control: no-store`. Errors are WordPress REST errors
 * (`{ code, message, data: { status } }`) with the contract's statuses.
 */
class Circle_Widgets_Token_Controller {

	/** The routes' namespace. */
	const ROUTE_NAMESPACE = 'circle-widgets/v1';

	/** Requests per user and window, across every action. */
	const RATE_LIMIT = 30;

	/** The rate limit's window, in seconds. */
	const RATE_WINDOW = 60;

	/** Circle's tokens are base64url or JWT strings; anything else is refused before Circle sees it. */
	const TOKEN_PATTERN = '/^[A-Za-z0-9._~+\/=-]{1,4096}$/';

	/** Circle's message for a refresh token past its month, which is as good as revoked. */
	const EXPIRED_REFRESH_TOKEN_MESSAGE = '/refresh token is expired/i';

	/** Mixed into refresh-token tags, so they can't be confused with another use of the salt. */
	const REFRESH_BINDING_LABEL = 'circle-widgets refresh token binding v1';

	/** Circle's identifiers, in its order of preference. */
	const IDENTIFIERS = array( 'sso_user_id', 'community_member_id', 'email' );

	/**
	 * The plugin's settings.
	 *
	 * @var Circle_Widgets_Settings
	 */
	private $settings;

	/**
	 * Creates the controller.
	 *
	 * @param Circle_Widgets_Settings $settings The plugin's settings.
	 */
	public function __construct( Circle_Widgets_Settings $settings ) {
		$this->settings = $settings;
	}

	/**
	 * Registers the routes; hooked to rest_api_init.
	 */
	public function register_routes() {
		$routes = array(
			'/token'          => 'handle',
			'/token/refresh'  => 'refresh_token',
			'/token/sign-out' => 'sign_out',
		);
		foreach ( $routes as $route => $callback ) {
			register_rest_route(
				self::ROUTE_NAMESPACE,
				$route,
				array(
					'methods'             => WP_REST_Server::CREATABLE,
					'callback'            => array( $this, $callback ),
					'permission_callback' => array( $this, 'check_permission' ),
				)
			);
		}
	}

	/**
	 * The endpoint's URL as the widgets need it: with the REST nonce in the query, because the
	 * widgets send only `X-Circle-Widgets` and cookies, and WordPress's cookie authentication
	 * also wants a nonce (it accepts `_wpnonce` in the query as well as `X-WP-Nonce`).
	 *
	 * @return string
	 */
	public static function endpoint_url() {
		return add_query_arg( '_wpnonce', wp_create_nonce( 'wp_rest' ), rest_url( self::ROUTE_NAMESPACE . '/token' ) );
	}

	/**
	 * Lets signed-in users through when the request carries the widgets' header and a valid
	 * REST nonce.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return true|WP_Error
	 */
	public function check_permission( $request ) {
		if ( ! is_user_logged_in() ) {
			return new WP_Error(
				'circle_widgets_signed_out',
				__( 'Sign in to see the community.', 'circle-widgets' ),
				array( 'status' => 401 )
			);
		}

		if ( '1' !== trim( (string) $request->get_header( 'x_circle_widgets' ) ) ) {
			return new WP_Error(
				'circle_widgets_csrf_rejected',
				__( 'This endpoint answers only the Circle widgets: the X-Circle-Widgets header is missing.', 'circle-widgets' ),
				array( 'status' => 403 )
			);
		}

		$nonce = $request->get_header( 'x_wp_nonce' );
		if ( null === $nonce || '' === $nonce ) {
			$nonce = $request->get_param( '_wpnonce' );
		}
		if ( ! is_string( $nonce ) || '' === $nonce || ! wp_verify_nonce( $nonce, 'wp_rest' ) ) {
			return new WP_Error(
				'circle_widgets_bad_nonce',
				__( 'The page has expired. Reload it to see the community.', 'circle-widgets' ),
				array( 'status' => 403 )
			);
		}

		return true;
	}

	/**
	 * POST /token: the action the JSON body names, issue when it names none.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response
	 */
	public function handle( $request ) {
		$action = $request->get_param( 'action' );
		if ( null === $action || 'issue' === $action ) {
			return $this->create_token( $request );
		}
		if ( 'refresh' === $action ) {
			return $this->refresh_token( $request );
		}
		if ( 'sign-out' === $action ) {
			return $this->sign_out( $request );
		}

		return $this->error(
			'circle_widgets_bad_request',
			__( 'Unknown action: use "issue", "refresh" or "sign-out".', 'circle-widgets' ),
			400
		);
	}

	/**
	 * Issues the current user's tokens through Circle's auth_token call.
	 *
	 * @param WP_REST_Request $request The request.
	 * @return WP_REST_Response
	 */
	public function create_token( $request ) {
		$refusal = $this->refusal();
		if ( $refusal ) {
			return $refusal;
		}

		$user     = wp_get_current_user();
		$identity = $this->member_identity( $user );
		if ( null === $identity ) {
			return $this->error(
				'circle_widgets_not_linked',
				__( 'Your account is not linked to a member of the community.', 'circle-widgets' ),
				403
			);
		}

		$result = $this->client()->create_token( $identity );
		if ( $this->has_status( $result, 404 ) ) {
			return $this->error(
				'circle_widgets_member_not_found',
				__( 'The community has no member for your account. Ask a community admin to invite you.', 'circle-widgets' ),
				403
			);
		}
		if ( ! $this->succeeded( $result ) || ! $this->has_access_token( $result['body'] ) ) {
			return $this->circle_failure( 'issue', $result );
		}

		$token = $result['body'];
		if ( isset( $token['refresh_token'] ) && is_string( $token['refresh_token'] ) && '' !== $token['refresh_token'] ) {
			$token['refresh_token'] = $this->bind_refresh_token( $token['refresh_token'] );
		}
		return $this->no_store( new WP_REST_Response( $token, 200 ) );
	}

	/**
	 * Renews the access token with a refresh token this site bound to the current session.
	 *
	 * @param WP_REST_Request $request The request, with `refresh_token`.
	 * @return WP_REST_Response
	 */
	public function refresh_token( $request ) {
		$refusal = $this->refusal();
		if ( $refusal ) {
			return $refusal;
		}

		$refresh_token = $this->unbind_refresh_token( $this->token_param( $request, 'refresh_token' ) );
		if ( null === $refresh_token ) {
			return $this->invalid_refresh_token();
		}

		// Circle answers 401 for an expired refresh token (and for a rejected app token, which
		// the widgets' fallback to a new issue then reports) and 404 for a revoked one.
		$result = $this->client()->refresh_access_token( $refresh_token );
		if ( $this->has_status( $result, 401 ) || $this->has_status( $result, 404 ) ) {
			return $this->invalid_refresh_token();
		}
		if ( ! $this->succeeded( $result ) || ! $this->has_access_token( $result['body'] ) ) {
			return $this->circle_failure( 'refresh', $result );
		}

		return $this->no_store( new WP_REST_Response( $result['body'], 200 ) );
	}

	/**
	 * Revokes the access token, the refresh token, or both. A token Circle already considers
	 * expired or revoked counts as revoked.
	 *
	 * @param WP_REST_Request $request The request, with `access_token` and/or `refresh_token`.
	 * @return WP_REST_Response 204 once done.
	 */
	public function sign_out( $request ) {
		$refusal = $this->refusal();
		if ( $refusal ) {
			return $refusal;
		}

		$access_token  = $this->token_param( $request, 'access_token' );
		$bound_refresh = $this->token_param( $request, 'refresh_token' );
		if ( null === $access_token && null === $bound_refresh ) {
			return $this->error(
				'circle_widgets_bad_request',
				__( 'Send the access_token, the refresh_token, or both.', 'circle-widgets' ),
				400
			);
		}

		$refresh_token = null;
		if ( null !== $bound_refresh ) {
			$refresh_token = $this->unbind_refresh_token( $bound_refresh );
			if ( null === $refresh_token ) {
				return $this->invalid_refresh_token();
			}
		}

		if ( null !== $access_token ) {
			$result = $this->client()->revoke_access_token( $access_token );
			if ( ! $this->revoked( $result ) ) {
				return $this->circle_failure( 'sign-out', $result );
			}
		}
		if ( null !== $refresh_token ) {
			$result = $this->client()->revoke_refresh_token( $refresh_token );
			if ( ! $this->revoked( $result ) ) {
				return $this->circle_failure( 'sign-out', $result );
			}
		}

		return $this->no_store( new WP_REST_Response( null, 204 ) );
	}

	/**
	 * Marks every answer of these routes, errors included, as not cacheable; hooked to
	 * rest_post_dispatch.
	 *
	 * @param mixed           $response The response about to be sent.
	 * @param mixed           $server   The REST server.
	 * @param WP_REST_Request $request  The request.
	 * @return mixed
	 */
	public function add_no_store( $response, $server, $request ) {
		$route = (string) $request->get_route();
		if ( 0 === strpos( $route, '/' . self::ROUTE_NAMESPACE . '/' ) && $response instanceof WP_HTTP_Response ) {
			$response->header( 'Cache-Control', 'no-store' );

			// For signed-in users the REST server then sends WordPress's no-cache headers, which
			// would replace this Cache-Control with a weaker one.
			add_filter( 'nocache_headers', array( $this, 'no_store_in_nocache_headers' ) );
		}
		return $response;
	}

	/**
	 * Makes WordPress's no-cache headers say `no-store` too; added by {@see self::add_no_store()}
	 * for this plugin's routes only.
	 *
	 * @param array<string, string> $headers The no-cache headers.
	 * @return array<string, string>
	 */
	public function no_store_in_nocache_headers( $headers ) {
		$headers['Cache-Control'] = 'no-store';
		return $headers;
	}

	/**
	 * What to send to Circle for this user: one of sso_user_id, community_member_id or email,
	 * or null when the user can't be matched.
	 *
	 * @param WP_User $user The signed-in user.
	 * @return array<string, string|int>|null
	 */
	public function member_identity( $user ) {
		$identity = array();
		if ( 'sso' === $this->settings->member_mapping() ) {
			$sso_user_id = get_user_meta( $user->ID, Circle_Widgets_Settings::SSO_META_KEY, true );
			if ( is_scalar( $sso_user_id ) && '' !== trim( (string) $sso_user_id ) ) {
				$identity = array( 'sso_user_id' => trim( (string) $sso_user_id ) );
			}
		} elseif ( is_email( $user->user_email ) ) {
			$identity = array( 'email' => $user->user_email );
		}

		/**
		 * Filters how a WordPress user is matched to a Circle member.
		 *
		 * @param array   $identity sso_user_id (string), community_member_id (int) or email
		 *                          (string); empty when the user can't be matched. When several
		 *                          are given, only Circle's preferred one is sent (in that order).
		 * @param WP_User $user     The signed-in user.
		 */
		$identity = apply_filters( 'circle_widgets_member_identity', $identity, $user );
		if ( ! is_array( $identity ) ) {
			return null;
		}

		foreach ( self::IDENTIFIERS as $key ) {
			if ( ! isset( $identity[ $key ] ) ) {
				continue;
			}
			$value = $identity[ $key ];
			if ( 'community_member_id' === $key && is_int( $value ) && $value > 0 ) {
				return array( $key => $value );
			}
			if ( 'community_member_id' !== $key && is_string( $value ) && '' !== trim( $value ) ) {
				return array( $key => trim( $value ) );
			}
		}
		return null;
	}

	/**
	 * The answer to send instead of calling Circle (rate limited, or no app token), or null.
	 *
	 * @return WP_REST_Response|null
	 */
	private function refusal() {
		$retry_after = $this->throttle( get_current_user_id() );
		if ( $retry_after > 0 ) {
			$response = $this->error(
				'circle_widgets_rate_limited',
				__( 'Too many token requests. Try again in a minute.', 'circle-widgets' ),
				429
			);
			$response->header( 'Retry-After', (string) $retry_after );
			return $response;
		}

		if ( '' === $this->settings->app_token() ) {
			return $this->error(
				'circle_widgets_not_configured',
				__( 'The community is not connected yet: the site has no Circle app token.', 'circle-widgets' ),
				503
			);
		}
		return null;
	}

	/**
	 * Counts one request for the user; returns the seconds to wait when over the limit, else 0.
	 * Transients are not atomic: under bursts a few extra requests may get through.
	 *
	 * @param int $user_id The user.
	 * @return int
	 */
	private function throttle( $user_id ) {
		/**
		 * Filters the per-user rate limit of the token routes, counted across every action.
		 *
		 * @param array $limit `limit` requests per `window` seconds.
		 */
		$settings = apply_filters(
			'circle_widgets_rate_limit',
			array(
				'limit'  => self::RATE_LIMIT,
				'window' => self::RATE_WINDOW,
			)
		);
		$limit    = max( 1, (int) $settings['limit'] );
		$window   = max( 1, (int) $settings['window'] );

		$key   = 'circle_widgets_rate_' . (int) $user_id;
		$now   = time();
		$state = get_transient( $key );
		if ( ! is_array( $state ) || ! isset( $state['count'], $state['reset'] ) || $state['reset'] <= $now ) {
			$state = array(
				'count' => 0,
				'reset' => $now + $window,
			);
		}

		if ( $state['count'] >= $limit ) {
			return max( 1, $state['reset'] - $now );
		}

		++$state['count'];
		set_transient( $key, $state, max( 1, $state['reset'] - $now ) );
		return 0;
	}

	/**
	 * The Auth API client for the configured community.
	 *
	 * @return Circle_Widgets_Auth_Client
	 */
	private function client() {
		return new Circle_Widgets_Auth_Client( $this->settings->api_base(), $this->settings->app_token() );
	}

	/**
	 * Whether Circle answered with a 2xx status.
	 *
	 * @param array|WP_Error $result An Auth API result.
	 * @return bool
	 */
	private function succeeded( $result ) {
		return ! is_wp_error( $result ) && $result['status'] >= 200 && $result['status'] < 300;
	}

	/**
	 * Whether Circle answered with this status.
	 *
	 * @param array|WP_Error $result An Auth API result.
	 * @param int            $status The status.
	 * @return bool
	 */
	private function has_status( $result, $status ) {
		return ! is_wp_error( $result ) && $status === $result['status'];
	}

	/**
	 * Whether a revocation left the token unusable: revoked now, or already expired, revoked or
	 * unknown (404, 422, or 401 with Circle's "refresh token is expired").
	 *
	 * @param array|WP_Error $result An Auth API result.
	 * @return bool
	 */
	private function revoked( $result ) {
		if ( $this->succeeded( $result ) || $this->has_status( $result, 404 ) || $this->has_status( $result, 422 ) ) {
			return true;
		}
		return $this->has_status( $result, 401 )
			&& 1 === preg_match( self::EXPIRED_REFRESH_TOKEN_MESSAGE, $this->circle_message( $result ) );
	}

	/**
	 * Whether a decoded body carries an access token.
	 *
	 * @param array|null $body Circle's decoded answer.
	 * @return bool
	 */
	private function has_access_token( $body ) {
		return is_array( $body ) && isset( $body['access_token'] ) && is_string( $body['access_token'] )
			&& '' !== $body['access_token'];
	}

	/**
	 * Circle's error message, or ''.
	 *
	 * @param array|WP_Error $result An Auth API result.
	 * @return string
	 */
	private function circle_message( $result ) {
		if ( is_wp_error( $result ) ) {
			return $result->get_error_message();
		}
		return is_array( $result['body'] ) && isset( $result['body']['message'] ) && is_string( $result['body']['message'] )
			? $result['body']['message']
			: '';
	}

	/**
	 * The answer for any other Circle failure: 502, or 503 when Circle is rate limiting. It
	 * names Circle's status only: neither Circle's answer nor the transport's message reaches
	 * the browser.
	 *
	 * @param string         $action The action that failed: issue, refresh or sign-out.
	 * @param array|WP_Error $result The Auth API result.
	 * @return WP_REST_Response
	 */
	private function circle_failure( $action, $result ) {
		$status = is_wp_error( $result ) ? 0 : (int) $result['status'];
		$detail = str_replace( $this->settings->app_token(), '[app token]', $this->circle_message( $result ) );

		/**
		 * Fires when Circle's Auth API failed, for logging. Never receives the app token.
		 *
		 * @param string $action The action: issue, refresh or sign-out.
		 * @param int    $status Circle's HTTP status, 0 when Circle could not be reached.
		 * @param string $detail Circle's error message or the transport error.
		 */
		do_action( 'circle_widgets_circle_error', $action, $status, $detail );

		$data = array( 'circle_status' => $status );
		if ( 0 === $status ) {
			return $this->error( 'circle_widgets_circle_unreachable', __( 'Circle could not be reached. Try again later.', 'circle-widgets' ), 502, $data );
		}
		if ( 401 === $status ) {
			return $this->error( 'circle_widgets_app_token_rejected', __( 'Circle refused this site\'s app token. The site administrator should check it.', 'circle-widgets' ), 502, $data );
		}
		if ( 403 === $status ) {
			return $this->error( 'circle_widgets_community_not_eligible', __( 'The Circle community\'s plan has no headless access.', 'circle-widgets' ), 502, $data );
		}
		if ( 429 === $status ) {
			$response    = $this->error( 'circle_widgets_circle_rate_limited', __( 'Circle is busy. Try again in a moment.', 'circle-widgets' ), 503, $data );
			$retry_after = isset( $result['retry_after'] ) ? trim( (string) $result['retry_after'] ) : '';
			if ( ctype_digit( $retry_after ) ) {
				$response->header( 'Retry-After', $retry_after );
			}
			return $response;
		}

		/* translators: %d: HTTP status code of Circle's answer. */
		$message = sprintf( __( 'Circle could not complete the request (HTTP %d). Try again later.', 'circle-widgets' ), $status );
		return $this->error( 'circle_widgets_circle_failed', $message, 502, $data );
	}

	/**
	 * The 400 that makes the widgets ask for a whole new token.
	 *
	 * @return WP_REST_Response
	 */
	private function invalid_refresh_token() {
		return $this->error(
			'circle_widgets_invalid_refresh_token',
			__( 'This refresh token can no longer be used. Ask for a new token.', 'circle-widgets' ),
			400
		);
	}

	/**
	 * A token-shaped string parameter, or null when absent or malformed.
	 *
	 * @param WP_REST_Request $request The request.
	 * @param string          $name    The parameter.
	 * @return string|null
	 */
	private function token_param( $request, $name ) {
		$value = $request->get_param( $name );
		return is_string( $value ) && preg_match( self::TOKEN_PATTERN, $value ) ? $value : null;
	}

	/**
	 * Circle's refresh token with a tag binding it to the current user and login session, so
	 * that a refresh token leaked from one browser is of no use through this site to anyone
	 * else, or after that login session ends.
	 *
	 * @param string $refresh_token Circle's refresh token.
	 * @return string
	 */
	private function bind_refresh_token( $refresh_token ) {
		return $refresh_token . '.' . $this->refresh_tag( $refresh_token );
	}

	/**
	 * Circle's refresh token inside a bound one, when the tag matches the current user and
	 * session; else null.
	 *
	 * @param string|null $bound A refresh token from the browser.
	 * @return string|null
	 */
	private function unbind_refresh_token( $bound ) {
		$dot = null === $bound ? false : strrpos( $bound, '.' );
		if ( false === $dot || 0 === $dot ) {
			return null;
		}

		$refresh_token = substr( $bound, 0, $dot );
		$tag           = substr( $bound, $dot + 1 );
		return hash_equals( $this->refresh_tag( $refresh_token ), $tag ) ? $refresh_token : null;
	}

	/**
	 * The binding tag of a refresh token for the current user and session (base64url HMAC).
	 *
	 * @param string $refresh_token Circle's refresh token.
	 * @return string
	 */
	private function refresh_tag( $refresh_token ) {
		$message = implode( "\n", array( self::REFRESH_BINDING_LABEL, get_current_user_id(), wp_get_session_token(), $refresh_token ) );
		$hmac    = hash_hmac( 'sha256', $message, wp_salt( 'auth' ), true );
		return rtrim( strtr( base64_encode( $hmac ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
	}

	/**
	 * Adds `Cache-Control: no-store` to a response.
	 *
	 * @param WP_REST_Response $response The response.
	 * @return WP_REST_Response
	 */
	private function no_store( $response ) {
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * An error answer shaped like WordPress's own REST errors.
	 *
	 * @param string $code    Machine-readable code.
	 * @param string $message Human-readable message.
	 * @param int    $status  HTTP status.
	 * @param array  $data    More data for the `data` member.
	 * @return WP_REST_Response
	 */
	private function error( $code, $message, $status, array $data = array() ) {
		$body = array(
			'code'    => $code,
			'message' => $message,
			'data'    => array_merge( array( 'status' => $status ), $data ),
		);
		return $this->no_store( new WP_REST_Response( $body, $status ) );
	}
}
