// A feed taken out of the page while its picture viewer's code is on its way. A page keeps that
// code once it has it, and test/lazy-feed-viewer.test.ts needs it still missing, so this test has
// a page of its own.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { waitFor } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-feed/circle-feed.js';

const API = 'https://app.circle.so/api/headless/v1';
const VIEWER_MODULE = '/src/elements/circle-feed/picture-viewer.ts';

describe('<circle-feed> removed while the viewer is on its way', () => {
  beforeEach(() => resetSessions());

  it('opens no viewer in a feed that left the page, and throws nothing', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.post_type === 'image')!;
    worker.use(
      http.get(`${API}/home`, () =>
        HttpResponse.json({ page: 1, per_page: 10, has_next_page: false, records: [post] }),
      ),
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let fetches = 0;
    worker.use(
      http.get(VIEWER_MODULE, async () => {
        fetches += 1;
        await held;
        return passthrough();
      }),
    );
    const container = await fixture<HTMLDivElement>(
      `<div><circle-feed token-endpoint="/api/circle-token"></circle-feed></div>`,
    );
    const element = container.querySelector<CircleFeed>('circle-feed')!;
    const gallery = await waitFor(element, '[part~="gallery"]');

    // A reader opens a picture; the feed leaves the page before the viewer's code arrives.
    gallery.querySelector<HTMLButtonElement>('[part~="gallery-item"]')!.click();
    await waitUntil(() => fetches === 1, 'the click fetched nothing');
    element.remove();
    release();

    await waitUntil(() => element.shadowRoot!.querySelector('dialog'), 'the code never arrived');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('dialog')!.open).to.equal(false);

    // Back in the page, it shows the picture that was asked for.
    container.append(element);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    element.shadowRoot!.querySelector('dialog')!.close();
  });
});
