// Registers <circle-notification-preferences>, once per page even with two copies of the bundle.
// The class without the tag: 'circle-widgets/circle-notification-preferences/class'.

// Brings the typed event map (`circle-like` and the rest) along with the element's types.
import '../events.js';
import { CircleNotificationPreferences } from '../elements/circle-notification-preferences/circle-notification-preferences.js';

if (!customElements.get('circle-notification-preferences')) {
  customElements.define('circle-notification-preferences', CircleNotificationPreferences);
}

export { CircleNotificationPreferences };
