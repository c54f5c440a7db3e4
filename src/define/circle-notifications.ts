// Registers <circle-notifications>, once per page even with two copies of the bundle.
// The class without the tag: 'circle-widgets/circle-notifications/class'.

// Brings the typed event map (`circle-like` and the rest) along with the element's types.
import '../events.js';
import { CircleNotifications } from '../elements/circle-notifications/circle-notifications.js';

if (!customElements.get('circle-notifications')) {
  customElements.define('circle-notifications', CircleNotifications);
}

export { CircleNotifications };
