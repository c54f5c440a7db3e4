// Faults around the member's token, for every element: a token endpoint that answers HTML, is
// slow or unreachable, or hands out expired tokens; a token that expires mid-load; and a browser
// clock that is minutes off.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { captureWarnings, shadow, shadowAll } from './support/dom.js';
import {
  API,
  ELEMENTS,
  ENDPOINT,
  WAIT,
  clickRetry,
  conversationPost,
  escaped,
  mount,
  networkError,
  recordApiRequests,
  setClockOffset,
  tokenEndpointOnServerClock,
  untilError,
  untilShown,
} from './support/faults.js';
import type { Target } from './support/faults.js';
import { configure } from '../src/config.js';
import { msg } from '../src/i18n/strings.js';
import { RENEW_AHEAD_MS, getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

const MINUTE = 60_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The page's warnings from this library, leaving out Lit's own. */
const ours = (warnings: string[]) => warnings.filter((line) => line.includes('[circle-widgets]'));

type Refreshable = HTMLElement & { refresh(): void };

/** Loads `element` again and waits until that load has settled. */
async function reload(element: HTMLElement, target: Target): Promise<void> {
  const requests = recordApiRequests();
  (element as Refreshable).refresh();
  await waitUntil(() => requests.count > 0, 'nothing was asked again', WAIT);
  await pause(400);
  requests.stop();
  await untilShown(element, target);
}

describe('Faults around the token', function () {
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
    sessionStorage.clear();
    escaped.length = 0;
  });

  afterEach(() => {
    setClockOffset(0);
    configure({ timeoutMs: undefined });
  });

  for (const target of ELEMENTS) {
    describe(target.name, () => {
      it('says sign-in failed, and warns once, when the token endpoint answers with HTML', async () => {
        let misconfigured = true;
        worker.use(
          http.post(ENDPOINT, () =>
            misconfigured
              ? HttpResponse.html('<!doctype html><title>My blog</title><p>Page not found</p>')
              : undefined,
          ),
        );

        let element!: HTMLElement;
        let shown = '';
        const warnings = await captureWarnings(async () => {
          element = await mount(target);
          shown = await untilError(element);
        });

        expect(shown).to.contain(msg('errorSession'));
        expect(ours(warnings)).to.have.length(1);
        expect(ours(warnings)[0]).to.contain(`${ENDPOINT} did not answer with a token`);

        misconfigured = false;
        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });

      it('uses an already expired token once, renews once, then shows an error: no loop', async () => {
        sandbox.auth.tokenLifetimeMs = -MINUTE;
        const requests = recordApiRequests();
        const element = await mount(target);

        expect(await untilError(element)).to.contain(msg('errorSession'));
        const tokenRequests = sandbox.auth.tokenRequests;
        await pause(1500);
        requests.stop();

        expect(sandbox.auth.tokenRequests, 'the token endpoint is asked in a loop').to.equal(
          tokenRequests,
        );
        // Each request goes out twice: with the token, then with one renewed token.
        expect(tokenRequests).to.be.within(2, requests.count / 2 + 1);
        const sends = new Map<string, number>();
        for (const request of requests.requests) sends.set(request, (sends.get(request) ?? 0) + 1);
        expect(Math.max(...sends.values()), 'a request was sent more than twice').to.equal(2);

        // Once the endpoint hands out good tokens again, Retry mends it.
        sandbox.auth.tokenLifetimeMs = 60 * MINUTE;
        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });

      it('keeps using its token when the browser clock runs 10 minutes ahead', async () => {
        // The token lives 5 minutes, so on the browser's clock it expired before it arrived.
        setClockOffset(10 * MINUTE);
        sandbox.auth.tokenLifetimeMs = 5 * MINUTE;
        tokenEndpointOnServerClock(-10 * MINUTE, false);

        const element = await mount(target);
        await untilShown(element, target);
        await reload(element, target);

        expect(sandbox.auth.tokenRequests, 'the token was renewed for nothing').to.equal(1);
        expect(shadow(element, '[part~="error"]')).to.equal(null);
        expect(escaped).to.deep.equal([]);
      });

      it('renews once and recovers when Circle says expired before a clock running behind does', async () => {
        // The browser thinks the 5-minute token has 15 minutes left.
        setClockOffset(-10 * MINUTE);
        sandbox.auth.tokenLifetimeMs = 5 * MINUTE;
        tokenEndpointOnServerClock(10 * MINUTE, false);

        const element = await mount(target);
        await untilShown(element, target);
        expect(sandbox.auth.tokenRequests).to.equal(1);

        // Six minutes later, Circle (on the sandbox's clock) calls the token expired.
        setClockOffset(-4 * MINUTE);
        await reload(element, target);
        await waitUntil(() => sandbox.auth.tokenRequests >= 2, 'the token was not renewed', WAIT);
        await untilShown(element, target);
        await pause(300);

        expect(sandbox.auth.tokenRequests).to.equal(2);
        expect(sandbox.auth.refreshRequests).to.equal(1);
        expect(shadow(element, '[part~="error"]')).to.equal(null);
        expect(escaped).to.deep.equal([]);
      });

      it('gives a slow token endpoint up after the configured time, with a retry', async () => {
        configure({ timeoutMs: 400 });
        let slow = true;
        worker.use(
          http.post(ENDPOINT, async () => {
            if (!slow) return undefined;
            await delay('infinite');
            return HttpResponse.json({});
          }),
        );

        let element!: HTMLElement;
        let shown = '';
        const warnings = await captureWarnings(async () => {
          element = await mount(target);
          shown = await untilError(element);
        });
        expect(shown).to.contain(msg('errorSession'));
        expect(ours(warnings).join('\n')).to.contain(`${ENDPOINT} did not answer within 0.4 s`);

        slow = false;
        clickRetry(element);
        await untilShown(element, target);
        expect(escaped).to.deep.equal([]);
      });
    });
  }

  describe('five elements on one page', () => {
    async function page(): Promise<HTMLElement[]> {
      const post = conversationPost();
      const container = await fixture<HTMLDivElement>(`<div>
        <circle-feed token-endpoint="${ENDPOINT}" per-page="3" paging="button"></circle-feed>
        <circle-post token-endpoint="${ENDPOINT}" space="${post.space.slug}" post="${post.slug}"></circle-post>
        <circle-events token-endpoint="${ENDPOINT}" paging="button"></circle-events>
        <circle-notifications token-endpoint="${ENDPOINT}" variant="inline"></circle-notifications>
        <circle-notification-preferences token-endpoint="${ENDPOINT}"></circle-notification-preferences>
      </div>`);
      return [...container.children] as HTMLElement[];
    }

    const SHOWN = [
      'article[part~="item"]',
      '[part~="comment"]',
      '[part~="item"]',
      '[part~="item"]',
      '[part~="switch"]',
    ];

    async function allShown(elements: HTMLElement[]): Promise<void> {
      await waitUntil(
        () => elements.every((element, index) => shadow(element, SHOWN[index])),
        `not every element loaded: ${elements
          .filter((element, index) => !shadow(element, SHOWN[index]))
          .map((element) => element.localName)
          .join(', ')}`,
        WAIT,
      );
    }

    it('renews exactly once when the token expires while all five are loading', async () => {
      let held = 0;
      let open = false;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.all(`${API}/*`, async () => {
          if (open) return undefined;
          held += 1;
          await gate;
          return undefined;
        }),
      );

      const elements = await page();
      await waitUntil(() => held >= 5, `only ${held} requests started`, WAIT);
      expect(sandbox.auth.tokenRequests).to.equal(1);

      // The token expires while every request is on its way.
      sandbox.auth.expireAll();
      open = true;
      release();

      await allShown(elements);
      await pause(300);
      expect(sandbox.auth.tokenRequests, 'one issue and one renewal').to.equal(2);
      expect(sandbox.auth.refreshRequests).to.equal(1);
      for (const element of elements) {
        expect(shadow(element, '[part~="error"]'), element.localName).to.equal(null);
      }
      expect(escaped).to.deep.equal([]);
    });

    it('all come back by themselves when the network returns, token endpoint included', async () => {
      let down = true;
      worker.use(
        http.post(ENDPOINT, () => (down ? networkError() : undefined)),
        http.all(`${API}/*`, () => (down ? networkError() : undefined)),
      );
      const elements = await page();
      window.dispatchEvent(new Event('offline'));

      for (const element of elements) {
        expect(await untilError(element), element.localName).to.contain(msg('errorSession'));
      }

      down = false;
      window.dispatchEvent(new Event('online'));
      await allShown(elements);
      expect(sandbox.auth.tokenRequests, 'the elements share one new token').to.equal(1);
      expect(shadowAll(elements[0], '[part~="error"]')).to.have.length(0);
      expect(escaped).to.deep.equal([]);
    });
  });

  describe("the session's renewal clock", () => {
    it('measures the lifetime on the server clock from the Date header, ahead or behind', async () => {
      for (const skew of [10 * MINUTE, -10 * MINUTE]) {
        resetSessions();
        sandbox.auth.tokenRequests = 0;
        setClockOffset(skew);
        sandbox.auth.tokenLifetimeMs = 5 * MINUTE;
        tokenEndpointOnServerClock(-skew, true);

        const session = getSession(ENDPOINT);
        const first = await session.getToken();
        expect(await session.getToken(), `skew ${skew}: renewed at once`).to.equal(first);

        // Renewal comes ahead of expiry as the server counts it, whichever way the clock is off.
        const lifetime = 5 * MINUTE;
        setClockOffset(skew + lifetime - RENEW_AHEAD_MS - 20_000);
        expect(await session.getToken(), `skew ${skew}: renewed too early`).to.equal(first);
        setClockOffset(skew + lifetime - RENEW_AHEAD_MS + 20_000);
        expect(await session.getToken(), `skew ${skew}: not renewed ahead`).not.to.equal(first);
        expect(sandbox.auth.tokenRequests).to.equal(2);
      }
    });

    it('never renews on its own a token that looks expired on arrival', async () => {
      setClockOffset(10 * MINUTE);
      sandbox.auth.tokenLifetimeMs = 5 * MINUTE;
      tokenEndpointOnServerClock(-10 * MINUTE, false);

      const session = getSession(ENDPOINT);
      const first = await session.getToken();
      for (let call = 0; call < 5; call++) expect(await session.getToken()).to.equal(first);
      expect(sandbox.auth.tokenRequests).to.equal(1);

      // Circle's refusal is what renews it, once.
      const renewed = await session.renew(first);
      expect(renewed).not.to.equal(first);
      expect(await session.renew(first)).to.equal(renewed);
      expect(sandbox.auth.tokenRequests).to.equal(2);
    });

    it('warns once when a renewed token is refused at once, as from a cached endpoint', async () => {
      sandbox.auth.tokenLifetimeMs = -MINUTE;
      const session = getSession(ENDPOINT);

      const warnings = await captureWarnings(async () => {
        const first = await session.getToken();
        const second = await session.renew(first);
        const third = await session.renew(second);
        await session.renew(third);
      });

      expect(ours(warnings)).to.have.length(1);
      expect(ours(warnings)[0]).to.contain('Make sure no cache');
    });

    it('says nothing of caches when a renewed token is refused once it has expired', async () => {
      const session = getSession(ENDPOINT);

      const warnings = await captureWarnings(async () => {
        const first = await session.getToken();
        const second = await session.renew(first);

        // The renewed token served its hour, then Circle refused it: that is only an expiry.
        setClockOffset(61 * MINUTE);
        const third = await session.renew(second);
        expect(third).not.to.equal(second);
      });

      expect(ours(warnings)).to.deep.equal([]);
    });
  });
});
