// A long feed's virtualizer comes in its own module, fetched when the list first grows past 50
// posts. A page keeps that module once it has it, so this test, which needs it still missing, has
// a page of its own.
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';

import { worker } from './support/sandbox.js';
import { addBulkPosts, buttonPagedFeed, cards, windowed } from './support/feed.js';
import { shadow } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-feed/circle-feed.js';

const WINDOWING_MODULE = '/src/elements/circle-feed/windowing.ts';

async function loadMore(element: CircleFeed): Promise<void> {
  const count = cards(element).length;
  shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
  await waitUntil(() => cards(element).length !== count, 'no more posts came');
  await element.updateComplete;
}

describe('<circle-feed> windowing, fetched when the list grows long', () => {
  beforeEach(() => resetSessions());

  it('stays plain when the code fails, and tries again when the list next grows', async () => {
    addBulkPosts(60);
    let fetches = 0;
    let reachable = false;
    worker.use(
      http.get(WINDOWING_MODULE, () => {
        fetches += 1;
        return reachable ? passthrough() : HttpResponse.error();
      }),
    );
    const { element } = await buttonPagedFeed();

    // 60 posts: the code is asked for, fails, and the list stays plain with every card.
    await loadMore(element);
    await waitUntil(() => fetches === 1, 'the long list asked for no code');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cards(element)).to.have.length(60);
    expect(windowed(element)).to.equal(false);

    // Updates that don't lengthen the list ask nothing more.
    reachable = true;
    shadow<HTMLButtonElement>(element, '[part~="like-button"]')!.click();
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fetches).to.equal(1);

    // The next page asks again, and the list is windowed.
    await loadMore(element);
    await waitUntil(() => windowed(element), 'the longer list was not windowed');
    expect(fetches).to.equal(2);
    window.scrollTo(0, 0);
  });
});
