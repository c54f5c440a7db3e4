<?php
/**
 * Circle's Headless Auth API, called from the server with the community's app token.
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The four Auth API calls. Each answers `array( 'status' => int, 'body' => array|null,
 * 'retry_after' => string )`, or a WP_Error when Circle could not be reached. The app token
 * goes only into the Authorization header of requests to the configured origin.
 */
class Circle_Widgets_Auth_Client {

	/** Seconds to wait for Circle before giving up. */
	const TIMEOUT = 10;

	/**
	 * Circle's origin, without a trailing slash.
	 *
	 * @var string
	 */
	private $api_base;

	/**
	 * The Headless Auth app token.
	 *
	 * @var string
	 */
	private $app_token;

	/**
	 * Creates a client for one community.
	 *
	 * @param string $api_base  Circle's origin, such as https://app.circle.so.
	 * @param string $app_token The community's Headless Auth app token.
	 */
	public function __construct( $api_base, $app_token ) {
		$this->api_base  = untrailingslashit( $api_base );
		$this->app_token = $app_token;
	}

	/**
	 * Mints a member's tokens: POST /api/v1/headless/auth_token.
	 *
	 * @param array<string, string|int> $identity Exactly one of sso_user_id, community_member_id, email.
	 * @return array|WP_Error
	 */
	public function create_token( array $identity ) {
		return $this->call( 'POST', '/api/v1/headless/auth_token', $identity );
	}

	/**
	 * Exchanges a refresh token for a new access token: PATCH /api/v1/headless/access_token/refresh.
	 *
	 * @param string $refresh_token The member's refresh token.
	 * @return array|WP_Error
	 */
	public function refresh_access_token( $refresh_token ) {
		return $this->call( 'PATCH', '/api/v1/headless/access_token/refresh', array( 'refresh_token' => $refresh_token ) );
	}

	/**
	 * Revokes an access token: POST /api/v1/headless/access_token/revoke.
	 *
	 * @param string $access_token The member's access token.
	 * @return array|WP_Error
	 */
	public function revoke_access_token( $access_token ) {
		return $this->call( 'POST', '/api/v1/headless/access_token/revoke', array( 'access_token' => $access_token ) );
	}

	/**
	 * Revokes a refresh token: POST /api/v1/headless/refresh_token/revoke.
	 *
	 * @param string $refresh_token The member's refresh token.
	 * @return array|WP_Error
	 */
	public function revoke_refresh_token( $refresh_token ) {
		return $this->call( 'POST', '/api/v1/headless/refresh_token/revoke', array( 'refresh_token' => $refresh_token ) );
	}

	/**
	 * Sends one JSON request to the Auth API.
	 *
	 * @param string               $method HTTP method.
	 * @param string               $path   Path below the origin.
	 * @param array<string, mixed> $body   JSON body.
	 * @return array|WP_Error
	 */
	private function call( $method, $path, array $body ) {
		$args = array(
			'method'      => $method,
			'timeout'     => self::TIMEOUT,
			// A redirect could carry the Authorization header to another host: never follow one.
			'redirection' => 0,
			'headers'     => array(
				'Authorization' => 'Bearer ' . $this->app_token,
				'Content-Type'  => 'application/json',
				'Accept'        => 'application/json',
			),
			'body'        => wp_json_encode( $body ),
			'data_format' => 'body',
		);

		$url      = $this->api_base . $path;
		$response = 'POST' === $method ? wp_remote_post( $url, $args ) : wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			return $response;
		}

		$decoded = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return array(
			'status'      => (int) wp_remote_retrieve_response_code( $response ),
			'body'        => is_array( $decoded ) ? $decoded : null,
			'retry_after' => (string) wp_remote_retrieve_header( $response, 'retry-after' ),
		);
	}
}
