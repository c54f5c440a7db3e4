<?php
/**
 * Plugin Name:       Circle Widgets
 * Description:       Shows your Circle community's feed, posts, events, notifications and notification settings on your site, signed in as the visitor's WordPress account.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Circle Widgets contributors
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       circle-widgets
 *
 * @package CircleWidgets
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CIRCLE_WIDGETS_VERSION', '0.1.0' );
define( 'CIRCLE_WIDGETS_FILE', __FILE__ );
define( 'CIRCLE_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-settings.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-settings-page.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-auth-client.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-token-controller.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-assets.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-elements.php';
require_once CIRCLE_WIDGETS_DIR . 'includes/class-circle-widgets-plugin.php';

register_activation_hook( __FILE__, array( 'Circle_Widgets_Plugin', 'activate' ) );

Circle_Widgets_Plugin::instance()->register_hooks();
