// The npm build's per-element modules in a browser, as a bundler would load them (bare imports
// resolved by the test server). Needs `npm run build`.
import { expect } from '@open-wc/testing';

import './support/sandbox.js';
import { textOf, waitFor } from './support/dom.js';

type Module = Record<string, CustomElementConstructor>;

/** Imports a built file; a runtime address, so the type checker does not look for dist/. */
const load = (path: string): Promise<Module> => import(path);

describe('the npm modules', () => {
  it('circle-widgets/<tag>/class declares the element and registers no tag', async () => {
    const { CircleFeed } = await load('/dist/elements/circle-feed.js');

    expect(CircleFeed.prototype).to.be.instanceOf(HTMLElement);
    expect(customElements.get('circle-feed')).to.equal(undefined);
  });

  it("the class works under a tag name of the page's choosing", async () => {
    const { CircleFeed } = await load('/dist/elements/circle-feed.js');
    customElements.define('community-feed', CircleFeed);

    const feed = document.createElement('community-feed');
    feed.setAttribute('token-endpoint', '/api/circle-token');
    feed.setAttribute('per-page', '2');
    document.body.append(feed);

    const title = await waitFor(feed, 'article h3');
    expect(textOf(title)).not.to.equal('');
    expect(customElements.get('circle-feed')).to.equal(undefined);
    feed.remove();
  });

  it('circle-widgets/<tag> registers the tag with the same class', async () => {
    const { CircleEvents } = await load('/dist/elements/circle-events.js');
    await load('/dist/circle-events.js');

    expect(customElements.get('circle-events')).to.equal(CircleEvents);
  });
});
