<?php
/**
 * Removes the plugin's options when it is deleted from the Plugins screen. Rate-limit
 * transients expire within a minute on their own.
 *
 * The `circle_sso_user_id` user meta stays: the plugin reads it but does not own it (an SSO
 * plugin or the site fills it).
 *
 * @package CircleWidgets
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

/**
 * Deletes the options of the current site.
 */
function circle_widgets_delete_site_data() {
	delete_option( 'circle_widgets_settings' );
	delete_option( 'circle_widgets_app_token' );
}

if ( is_multisite() ) {
	$circle_widgets_site_ids = get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	);
	foreach ( $circle_widgets_site_ids as $circle_widgets_site_id ) {
		switch_to_blog( $circle_widgets_site_id );
		circle_widgets_delete_site_data();
		restore_current_blog();
	}
} else {
	circle_widgets_delete_site_data();
}
