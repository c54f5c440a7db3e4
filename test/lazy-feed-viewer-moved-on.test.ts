// A reader who pressed a picture and went on to something else before the viewer's code came. A
// page keeps a module once it has it, so this test, which needs the code still missing, has a
// page of its own.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { holdModule } from './support/held-module.js';
import { shadow, shadowAll, waitFor } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-feed/circle-feed.js';

const API = 'https://app.circle.so/api/headless/v1';
const VIEWER_MODULE = '/src/elements/circle-feed/picture-viewer.ts';

describe('<circle-feed> picture viewer that comes after the reader moved on', () => {
  beforeEach(() => resetSessions());

  it('opens nothing over where the reader went, and opens at the next press', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.post_type === 'image')!;
    worker.use(
      http.get(`${API}/home`, () =>
        HttpResponse.json({ page: 1, per_page: 10, has_next_page: false, records: [post] }),
      ),
    );
    const code = holdModule(VIEWER_MODULE);
    const element = await fixture<CircleFeed>(
      `<circle-feed token-endpoint="/api/circle-token"></circle-feed>`,
    );
    const gallery = await waitFor(element, '[part~="gallery"]');
    const picture = gallery.querySelector<HTMLButtonElement>('[part~="gallery-item"]')!;

    // The picture waits for the viewer's code; meanwhile the reader tabs on to the like button.
    picture.focus();
    picture.click();
    await element.updateComplete;
    expect(gallery.getAttribute('aria-busy')).to.equal('true');
    const like = shadowAll<HTMLButtonElement>(element, '[part~="like-button"]')[0]!;
    like.focus();

    code.release();
    await waitUntil(code.answered, 'the code was not sent');
    await waitUntil(() => !gallery.hasAttribute('aria-busy'), 'the pictures stayed busy');
    expect(shadow(element, 'dialog'), 'the viewer opened unasked').to.equal(null);
    expect(element.shadowRoot!.activeElement, 'focus left the like button').to.equal(like);

    picture.click();
    const dialog = await waitFor<HTMLDialogElement>(element, 'dialog[part~="viewer"]');
    await element.updateComplete;
    expect(dialog.open).to.equal(true);
  });
});
