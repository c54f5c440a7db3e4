// Registers <circle-events>, once per page even with two copies of the bundle.
// The class without the tag: 'circle-widgets/circle-events/class'.

// Brings the typed event map (`circle-like` and the rest) along with the element's types.
import '../events.js';
import { CircleEvents } from '../elements/circle-events/circle-events.js';

if (!customElements.get('circle-events')) customElements.define('circle-events', CircleEvents);

export { CircleEvents };
