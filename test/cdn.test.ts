import { expect } from '@open-wc/testing';

import { sandbox } from './support/sandbox.js';
import { textOf, waitFor } from './support/dom.js';

const BUNDLE = '/dist/cdn/circle-widgets.js';

/** Page errors, less Chrome's benign report that the virtualizer's ResizeObserver went round twice. */
function collectPageErrors(): string[] {
  const errors: string[] = [];
  window.addEventListener('error', (event) => {
    if (!event.message.includes('ResizeObserver loop')) errors.push(event.message);
  });
  return errors;
}

function addScript(attributes: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  Object.assign(script.dataset, attributes);
  script.src = BUNDLE;
  const loaded = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${BUNDLE} did not load: run npm run build`));
  });
  document.head.append(script);
  return loaded;
}

describe('the CDN build', () => {
  afterEach(() =>
    document.querySelectorAll('circle-feed, circle-events').forEach((el) => el.remove()),
  );

  it('works from one classic script tag, configured by its data- attributes', async () => {
    // A host page has no Node globals.
    delete (window as { process?: unknown }).process;
    const errors = collectPageErrors();

    await addScript({ tokenEndpoint: '/api/circle-token' });
    const feed = document.createElement('circle-feed');
    feed.setAttribute('per-page', '3');
    document.body.append(feed);

    const firstTitle = await waitFor(feed, 'article h3');
    expect(textOf(firstTitle)).not.to.equal('');
    expect(customElements.get('circle-events')).to.be.a('function');
    expect(customElements.get('circle-notifications')).to.be.a('function');
    expect(errors).to.deep.equal([]);
    feed.remove();
  });

  it('survives being included twice, still with a single token request', async () => {
    const errors = collectPageErrors();
    const sessions = (globalThis as unknown as Record<symbol, Map<string, unknown>>)[
      Symbol.for('circle-widgets.sessions')
    ];
    sessions?.clear();
    await addScript({ tokenEndpoint: '/api/circle-token' });
    await addScript({ tokenEndpoint: '/api/circle-token' });

    const feed = document.createElement('circle-feed');
    const events = document.createElement('circle-events');
    document.body.append(feed, events);
    await waitFor(feed, 'article');
    await waitFor(events, '[part~="item"]');

    expect(errors).to.deep.equal([]);
    expect(sandbox.auth.tokenRequests).to.equal(1);
    feed.remove();
    events.remove();
  });

  it('ships no Node globals and no development build of Lit', async () => {
    const source = await (await fetch(BUNDLE)).text();
    expect(source).not.to.match(/\bprocess\.env\b/);
    expect(source).not.to.contain('Lit is in dev mode');
  });
});
