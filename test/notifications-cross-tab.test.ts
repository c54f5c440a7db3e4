// Two pages of one origin in one browser, each with its own copy of the library and its own
// <circle-notifications>, as two tabs of a member's site would be. The pages are same-origin
// iframes: they share Web Locks and BroadcastChannel with each other, and the sandbox's service
// worker controls them, answering their requests from this page's sandbox community.
import { sandbox, worker } from './support/sandbox.js';
import { expect, waitUntil } from '@open-wc/testing';
import { http } from 'msw';

import type { CircleNotifications } from '../src/elements/circle-notifications/circle-notifications.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 4000 };
const ELEMENT_URL = '/src/elements/circle-notifications/circle-notifications.ts';

type PageWindow = Window & { elementReady?: boolean };

interface Page {
  frame: HTMLIFrameElement;
  element: CircleNotifications;
}

const frames: HTMLIFrameElement[] = [];

/** A page of this origin that loads the library on its own and shows a bell. */
async function openPage(): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 48vw; height: 45vh; border: 0;';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
    <script>window.process = { env: { NODE_ENV: 'development' } };</script>
    <circle-notifications token-endpoint="/api/circle-token"></circle-notifications>
    <script type="module">
      import '${ELEMENT_URL}';
      window.elementReady = true;
    </script>
  </body></html>`;
  document.body.append(frame);
  frames.push(frame);
  await waitUntil(
    () => (frame.contentWindow as PageWindow | null)?.elementReady,
    'the page did not load the element',
    WAIT,
  );
  const element =
    frame.contentDocument!.querySelector<CircleNotifications>('circle-notifications')!;
  expect(frame.contentWindow!.navigator.serviceWorker.controller, 'the sandbox serves the page').to
    .exist;
  return { frame, element };
}

/** Two pages, opened one after the other as a member opens a second tab. */
async function twoPages(): Promise<[Page, Page]> {
  const first = await openPage();
  const second = await openPage();
  return [first, second];
}

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

function parts(element: Element, name: string): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

/** What the badge shows, or '' without one. */
function badge(page: Page): string {
  return (part(page.element, 'badge')?.textContent ?? '').trim();
}

/** Counts the requests to one Member API route from either page; the sandbox still answers. */
function countCalls(method: 'get' | 'post', path: string): { count: number } {
  const calls = { count: 0 };
  worker.use(
    http[method](`${API}${path}`, () => {
      calls.count += 1;
    }),
  );
  return calls;
}

/** Long enough for a request that one page should not have sent to show up. */
const moment = () => new Promise((resolve) => setTimeout(resolve, 400));

async function openPanel(page: Page): Promise<void> {
  part(page.element, 'bell')!.click();
  await waitUntil(() => parts(page.element, 'item').length > 0, 'no notifications shown', WAIT);
}

describe('<circle-notifications> in two pages of one browser', function () {
  // Each page loads the library afresh and signs in on its own.
  this.timeout(15_000);

  afterEach(() => {
    frames.splice(0).forEach((frame) => frame.remove());
  });

  it('sends one count request per poll for both pages, and both show its count', async () => {
    const checks = countCalls('get', '/notifications/new_notifications_count');
    const first = String(sandbox.db.counts.new_notifications_count);
    expect(Number(first), 'the sandbox should start with new notifications').to.be.greaterThan(0);

    const [pageA, pageB] = await twoPages();
    await waitUntil(() => badge(pageA) === first && badge(pageB) === first, 'no badges', WAIT);
    await moment();
    expect(checks.count, 'each page polled for itself').to.equal(1);

    // A poll that either page asks for (here, on focus) is one request, seen by both.
    for (const [index, page] of [pageA, pageB].entries()) {
      const count = 10 + index;
      sandbox.db.counts.new_notifications_count = count;
      page.frame.contentWindow!.dispatchEvent(new Event('focus'));
      await waitUntil(
        () => badge(pageA) === String(count) && badge(pageB) === String(count),
        `the badges did not both show ${count}`,
        WAIT,
      );
      await moment();
      expect(checks.count, `requests after the focus on page ${index + 1}`).to.equal(index + 2);
    }
  });

  it("clears the other page's badge when one page opens its panel", async () => {
    const checks = countCalls('get', '/notifications/new_notifications_count');
    const resets = countCalls('post', '/notifications/reset_new_notifications_count');
    const [pageA, pageB] = await twoPages();
    await waitUntil(() => badge(pageA) !== '' && badge(pageB) !== '', 'no badges', WAIT);

    await openPanel(pageA);

    await waitUntil(() => badge(pageB) === '', "page B's badge stayed", WAIT);
    expect(badge(pageA)).to.equal('');
    expect(sandbox.db.counts.new_notifications_count).to.equal(0);
    expect(resets.count).to.equal(1);
    // Page B heard it from page A: nobody asked Circle for the count again.
    expect(checks.count).to.equal(1);
  });

  it("clears the other page's unread dots when one page marks all as read", async () => {
    const [pageA, pageB] = await twoPages();
    await openPanel(pageA);
    await openPanel(pageB);
    expect(
      parts(pageB.element, 'unread-dot').length,
      'page B starts with unread ones',
    ).to.be.greaterThan(0);
    const listLoads = countCalls('get', '/notifications');

    part(pageA.element, 'mark-all-button')!.click();

    await waitUntil(
      () => parts(pageB.element, 'unread-dot').length === 0,
      "page B's dots stayed",
      WAIT,
    );
    expect(parts(pageA.element, 'unread-dot')).to.have.length(0);
    expect(sandbox.db.notifications.every((notification) => notification.read_at !== null)).to.be
      .true;
    await moment();
    expect(listLoads.count, 'page B reloaded its list instead').to.equal(0);
    expect(parts(pageB.element, 'item').length).to.be.greaterThan(0);
  });
});
