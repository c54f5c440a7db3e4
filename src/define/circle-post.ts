// Registers <circle-post>, once per page even with two copies of the bundle.
// The class without the tag: 'circle-widgets/circle-post/class'.

// Brings the typed event map (`circle-like` and the rest) along with the element's types.
import '../events.js';
import { CirclePost } from '../elements/circle-post/circle-post.js';

if (!customElements.get('circle-post')) customElements.define('circle-post', CirclePost);

export { CirclePost };
