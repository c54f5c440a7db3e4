// Faults on the way to Circle's Member API, for every element: bursts of 5xx, rate limits, a
// network that goes away and comes back, slow answers, and answers that are not JSON.
import { expect, waitUntil } from '@open-wc/testing';
import { delay, http } from 'msw';

import { worker } from './support/sandbox.js';
import { shadow, shadowAll } from './support/dom.js';
import {
  API,
  FEED,
  LOADERS,
  WAIT,
  clickRetry,
  escaped,
  failFirst,
  htmlPage,
  mount,
  networkError,
  rateLimited,
  serverError,
  truncatedJson,
  untilError,
  untilShown,
} from './support/faults.js';
import { configure } from '../src/config.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every feed card's position met while scrolling the page from top to bottom. */
async function positionsDownThePage(element: HTMLElement): Promise<number[]> {
  const seen = new Set<number>();
  for (let y = 0; y <= document.documentElement.scrollHeight; y += 300) {
    window.scrollTo(0, y);
    await nextFrame();
    await nextFrame();
    for (const card of shadowAll(element, 'article[part~="item"]')) {
      seen.add(Number(card.getAttribute('aria-posinset')));
    }
  }
  return [...seen];
}

describe('Faults on the Member API', function () {
  // Retries back off for about a second and a half before an element gives up.
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
    escaped.length = 0;
  });

  afterEach(() => {
    configure({ timeoutMs: undefined });
  });

  for (const target of LOADERS) {
    describe(target.name, () => {
      it('recovers on its own from a burst of 502 and 503', async () => {
        const load = failFirst(target.load, [serverError(502), serverError(503)]);
        const element = await mount(target);

        await untilShown(element, target);
        expect(load.calls).to.equal(3);
        expect(shadow(element, '[part~="error"]')).to.equal(null);
        expect(escaped).to.deep.equal([]);
      });

      it('shows a retry after 500s outlast the retries, and recovers when it is clicked', async () => {
        const load = failFirst(target.load, [serverError(500), serverError(503), serverError(500)]);
        const element = await mount(target);

        expect(await untilError(element)).to.contain(msg('errorServer'));
        expect(load.calls).to.equal(3);
        expect(shadow(element, target.shown)).to.equal(null);

        clickRetry(element);
        await untilShown(element, target);
        expect(load.calls).to.equal(4);
        expect(shadow(element, '[part~="error"]')).to.equal(null);
        expect(escaped).to.deep.equal([]);
      });

      it('waits out a 429 for as long as Retry-After says, then loads', async () => {
        const load = failFirst(target.load, [rateLimited(1)]);
        const started = performance.now();
        const element = await mount(target);

        await untilShown(element, target);
        expect(performance.now() - started).to.be.at.least(1000);
        expect(load.calls).to.equal(2);
        expect(escaped).to.deep.equal([]);
      });

      it('reloads by itself when the browser comes back online after the network went down', async () => {
        let down = true;
        let calls = 0;
        worker.use(
          http.get(target.load, () => {
            calls += 1;
            return down ? networkError() : undefined;
          }),
        );
        const element = await mount(target);
        window.dispatchEvent(new Event('offline'));

        expect(await untilError(element)).to.contain(msg('errorNetwork'));
        const failedCalls = calls;
        expect(failedCalls, 'a GET is tried three times').to.equal(3);

        down = false;
        window.dispatchEvent(new Event('online'));
        await untilShown(element, target);
        expect(calls).to.equal(failedCalls + 1);
        expect(shadow(element, '[part~="error"]')).to.equal(null);
        expect(escaped).to.deep.equal([]);
      });

      it('gives a slow answer up after the configured time, and offers a retry', async () => {
        configure({ timeoutMs: 400 });
        const load = failFirst(target.load, [
          async () => {
            await delay('infinite');
            return serverError(500)();
          },
        ]);
        const started = performance.now();
        const element = await mount(target);

        expect(await untilError(element)).to.contain(msg('errorNetwork'));
        // Not retried on its own: the reader has already waited.
        expect(load.calls).to.equal(1);
        expect(performance.now() - started).to.be.below(3000);

        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });

      it('shows an error with a retry for JSON cut off half-way', async () => {
        const load = failFirst(target.load, [truncatedJson]);
        const element = await mount(target);

        expect(await untilError(element)).to.contain(msg('errorServer'));
        expect(load.calls, 'a broken body is not retried blindly').to.equal(1);

        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });

      it('shows an error with a retry for an HTML page served with 200', async () => {
        failFirst(target.load, [htmlPage]);
        const element = await mount(target);

        expect(await untilError(element)).to.contain(msg('errorServer'));

        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });
    });
  }

  describe('limits', () => {
    it('reports a 429 whose Retry-After is longer than 30 s instead of waiting', async () => {
      const load = failFirst(FEED.load, [rateLimited(120)]);
      const started = performance.now();
      const element = await mount(FEED);

      expect(await untilError(element)).to.contain(msg('errorRateLimited'));
      expect(performance.now() - started).to.be.below(3000);
      expect(load.calls).to.equal(1);
    });

    it('does not reload an element that shows its content when the browser comes online', async () => {
      const load = failFirst(FEED.load, []);
      const element = await mount(FEED);
      await untilShown(element, FEED);
      const calls = load.calls;

      window.dispatchEvent(new Event('offline'));
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(load.calls).to.equal(calls);
    });

    it('retries a failed "Load more" when the browser comes back online', async () => {
      let down = false;
      const pageTwo = { calls: 0 };
      worker.use(
        http.get(`${API}/home`, ({ request }) => {
          if (new URL(request.url).searchParams.get('page') !== '2') return undefined;
          pageTwo.calls += 1;
          return down ? networkError() : undefined;
        }),
      );
      const element = await mount(FEED);
      await untilShown(element, FEED);

      down = true;
      shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
      expect(await untilError(element)).to.contain(msg('errorNetwork'));
      const failedCalls = pageTwo.calls;

      down = false;
      window.dispatchEvent(new Event('online'));
      // The error goes as the retry starts, which may be before its request is counted.
      await waitUntil(
        () => pageTwo.calls > failedCalls && !shadow(element, '[part~="error"]'),
        'still failed',
        WAIT,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(pageTwo.calls, 'retried once').to.equal(failedCalls + 1);

      // The sixth post, the first of page two, is now in the feed (which is windowed: only
      // cards near the viewport are in the DOM, so look down the page for it).
      expect(await positionsDownThePage(element)).to.include(6);
      window.scrollTo(0, 0);
      expect(escaped).to.deep.equal([]);
    });
  });
});
