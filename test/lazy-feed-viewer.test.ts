// The feed's picture viewer comes in its own module, fetched when a reader reaches for a picture.
// A page keeps a module once it has it, so the fetch can only fail before any test has opened the
// viewer: this file has the feed's only such test.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse, passthrough } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow, shadowAll, textOf, waitFor } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-feed/circle-feed.js';

const API = 'https://app.circle.so/api/headless/v1';
const VIEWER_MODULE = '/src/elements/circle-feed/picture-viewer.ts';

describe('<circle-feed> picture viewer, fetched on first use', () => {
  beforeEach(() => resetSessions());

  it('fetches on intent, says a failed fetch once, and opens only when retried', async () => {
    const images = sandbox.db.posts.filter((candidate) => candidate.post_type === 'image');
    const post = images.find((candidate) => candidate.gallery!.images!.length > 1)!;
    const other = images.find((candidate) => candidate !== post)!;
    worker.use(
      http.get(`${API}/home`, () =>
        HttpResponse.json({ page: 1, per_page: 10, has_next_page: false, records: [post, other] }),
      ),
    );
    let fetches = 0;
    worker.use(
      http.get(VIEWER_MODULE, async () => {
        fetches += 1;
        await delay(300);
        return HttpResponse.error();
      }),
    );
    const container = await fixture<HTMLDivElement>(
      `<div><circle-feed token-endpoint="/api/circle-token"></circle-feed></div>`,
    );
    const element = container.querySelector<CircleFeed>('circle-feed')!;
    const errorEvents: Event[] = [];
    element.addEventListener('circle-error', (event) => errorEvents.push(event));
    const gallery = await waitFor(element, '[part~="gallery"]');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetches, 'fetched before anyone reached for a picture').to.equal(0);

    // Pointing at the pictures starts the fetch; nothing shows as busy until a click.
    gallery.dispatchEvent(new PointerEvent('pointerenter'));
    await waitUntil(() => fetches === 1, 'pointing at a picture fetched nothing');
    await element.updateComplete;
    expect(gallery.hasAttribute('aria-busy')).to.equal(false);

    const thumbnail = gallery.querySelectorAll<HTMLButtonElement>('[part~="gallery-item"]')[1]!;
    thumbnail.focus();
    thumbnail.click();
    await element.updateComplete;
    expect(gallery.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(element, 'dialog')).to.equal(null);

    // The fetch fails: the element's error, with its retry, under the pictures.
    const error = await waitFor(element, '[part~="gallery"] + [part~="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('could not be reached');
    expect(gallery.hasAttribute('aria-busy')).to.equal(false);
    expect(fetches).to.equal(1);
    expect(errorEvents, 'circle-error events').to.have.length(1);
    expect(element.shadowRoot!.activeElement).to.equal(thumbnail);

    // Back online, reaching for another post's pictures fetches nothing: nothing opens unasked.
    worker.use(
      http.get(VIEWER_MODULE, () => {
        fetches += 1;
        return passthrough();
      }),
    );
    const otherGallery = shadowAll(element, '[part~="gallery"]')[1]!;
    for (const type of ['pointerenter', 'focusin', 'touchstart']) {
      otherGallery.dispatchEvent(new Event(type, { bubbles: true }));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(fetches).to.equal(1);
    expect(shadow(element, 'dialog')).to.equal(null);
    expect(shadow(element, '[part~="gallery"] + [part~="error"]')).to.equal(error);
    expect(errorEvents).to.have.length(1);

    // The retry, from the keyboard, fetches again and opens the picture that was asked for.
    error.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await waitFor<HTMLDialogElement>(element, 'dialog[part~="viewer"]');
    await element.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(fetches).to.equal(2);
    const count = post.gallery!.images!.length;
    expect(textOf(dialog.querySelector('.viewer-count'))).to.equal(`Image 2 of ${count}`);
    expect(shadow(element, '[part~="error"]')).to.equal(null);
    expect(getComputedStyle(dialog).maxWidth).to.not.equal('none');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(element, 'dialog'), 'Esc did not close the viewer');
    expect(element.shadowRoot!.activeElement).to.equal(thumbnail);
  });
});
