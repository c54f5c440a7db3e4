import { worker } from './support/sandbox.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import { CircleNotifications } from '../src/elements/circle-notifications/circle-notifications.js';
import type { LiveCountClock } from '../src/elements/circle-notifications/live-count.js';
import { captureWarnings } from './support/dom.js';
import { FakeClock } from './support/fake-clock.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

/** A bell whose poller runs on a fake clock that the test moves. */
class FakeClockNotifications extends CircleNotifications {
  readonly clock = Object.assign(new FakeClock(), { randomValue: 0.5 });

  protected override liveCountClock(): LiveCountClock {
    return this.clock;
  }
}
customElements.define('fake-clock-notifications', FakeClockNotifications);

/** Counts the requests for the count, letting the sandbox answer them. */
function countChecks(): { count: number } {
  const calls = { count: 0 };
  worker.use(
    http.get(`${API}/notifications/new_notifications_count`, () => {
      calls.count += 1;
    }),
  );
  return calls;
}

async function bellWithInterval(value: string): Promise<FakeClockNotifications> {
  return fixture<FakeClockNotifications>(
    html`<fake-clock-notifications
      token-endpoint=${ENDPOINT}
      poll-interval=${value}
    ></fake-clock-notifications>`,
  );
}

/** Requests go through the service worker; a moment shows whether one was sent. */
const moment = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * Expects the poll after the first one exactly `seconds` later: the poller asks for that delay,
 * nothing is fetched a millisecond before it ends, and one fetch goes when it does.
 */
async function expectPollEvery(
  element: FakeClockNotifications,
  checks: { count: number },
  seconds: number,
): Promise<void> {
  await waitUntil(() => checks.count === 1, 'the count was never asked for', WAIT);
  await waitUntil(() => element.clock.delays.length > 0, 'the next poll was not planned', WAIT);
  expect(element.clock.delays).to.deep.equal([seconds * 1000]);

  await element.clock.tick(seconds * 1000 - 1);
  await moment();
  expect(checks.count, 'polled before the interval ended').to.equal(1);

  await element.clock.tick(1);
  await waitUntil(() => checks.count === 2, 'no poll when the interval ended', WAIT);
}

describe('<circle-notifications poll-interval>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  it('polls at the interval it is given, in seconds', async () => {
    const checks = countChecks();
    let element!: FakeClockNotifications;
    const logged = await captureWarnings(async () => {
      element = await bellWithInterval('20');
      await waitUntil(() => checks.count === 1, 'the count was never asked for', WAIT);
    });

    expect(logged.filter((line) => line.includes('poll-interval'))).to.deep.equal([]);
    await expectPollEvery(element, checks, 20);
  });

  for (const value of ['abc', '0', '14', '3601', '30.5']) {
    it(`explains poll-interval="${value}" once, and polls every 60 seconds instead`, async () => {
      const checks = countChecks();
      let element!: FakeClockNotifications;
      const logged = await captureWarnings(async () => {
        element = await bellWithInterval(value);
        await waitUntil(() => checks.count === 1, 'the count was never asked for', WAIT);
        // Later renders must not repeat the warning.
        element.show();
        await waitUntil(
          () => element.shadowRoot!.querySelector('[part~="item"]'),
          'the list did not load',
          WAIT,
        );
      });

      const expected = msg('badAttribute', {
        name: 'poll-interval',
        value,
        expected: msg('wholeNumberRange', { min: 15, max: 3600 }),
        fallback: '60',
      });
      expect(logged.filter((line) => line.includes('poll-interval'))).to.deep.equal([
        `[circle-widgets] <fake-clock-notifications>: ${expected} [object HTMLElement]`,
      ]);
      const notes = [
        ...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="config-warning"]'),
      ].map((note) => note.textContent!.replace(/\s+/g, ' ').trim());
      expect(notes).to.deep.equal([expected]);
      expect(notes[0]).to.include(`poll-interval="${value}"`);

      await expectPollEvery(element, checks, 60);
    });
  }

  it('polls no more once a bell moved while it was starting has left the page', async () => {
    const checks = countChecks();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const element = document.createElement('fake-clock-notifications') as FakeClockNotifications;
    element.setAttribute('token-endpoint', ENDPOINT);
    element.setAttribute('poll-interval', '20');
    // Moved within the page before its token came: two starts wait for the same poller.
    container.append(element);
    element.remove();
    container.append(element);
    await waitUntil(() => checks.count === 1, 'the count was never asked for', WAIT);

    element.remove();
    await element.clock.tick(20_000);
    await element.clock.tick(20_000);
    await moment();
    expect(checks.count, 'polled after the bell left the page').to.equal(1);
  });
});
