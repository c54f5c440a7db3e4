// A feed taken out of the page while its virtualizer's code is on its way. A page keeps that
// module once it has it, so this test, which needs it still missing, has a page of its own.
import { waitUntil } from '@open-wc/testing';

import './support/sandbox.js';
import { holdModule } from './support/held-module.js';
import { addBulkPosts, buttonPagedFeed, windowed } from './support/feed.js';
import { shadow } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import '../src/elements/circle-feed/circle-feed.js';

const WINDOWING_MODULE = '/src/elements/circle-feed/windowing.ts';

describe('<circle-feed> removed while its virtualizer is on its way', () => {
  beforeEach(() => resetSessions());

  it('windows the long list once the feed is back in the page', async () => {
    addBulkPosts(60);
    const code = holdModule(WINDOWING_MODULE);
    const { container, element } = await buttonPagedFeed();

    shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
    await waitUntil(code.asked, 'the long list asked for no code');
    element.remove();
    code.release();
    await waitUntil(code.answered, 'the code was not sent');
    // The module runs a moment after its answer; the feed is out of the page by then.
    await new Promise((resolve) => setTimeout(resolve, 300));

    container.append(element);
    await waitUntil(() => windowed(element), 'the list came back plain');
    window.scrollTo(0, 0);
  });
});
