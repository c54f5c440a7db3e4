<?php
/**
 * Loads the WordPress stubs, then the plugin exactly as WordPress would.
 *
 * @package CircleWidgets\Tests
 */

define( 'ABSPATH', sys_get_temp_dir() . '/wordpress/' );
define( 'DAY_IN_SECONDS', 86400 );

require __DIR__ . '/stubs.php';
require __DIR__ . '/class-circle-widgets-test-case.php';
require dirname( __DIR__ ) . '/circle-widgets.php';
