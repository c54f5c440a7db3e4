// Registers <circle-feed>, once per page even with two copies of the bundle.
// The class without the tag: 'circle-widgets/circle-feed/class'.

// Brings the typed event map (`circle-like` and the rest) along with the element's types.
import '../events.js';
import { CircleFeed } from '../elements/circle-feed/circle-feed.js';

if (!customElements.get('circle-feed')) customElements.define('circle-feed', CircleFeed);

export { CircleFeed };
