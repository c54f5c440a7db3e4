// Two parts of <circle-notifications> come in files of their own: the count's poller, fetched
// once the visitor turns out to be signed in, and the panel's content (tabs, list, options),
// fetched when the member is about to open the bell. Here those fetches fail, as they would
// offline or with the CDN out of reach, and the element mends itself or offers a retry. A file of
// its own, because a module that arrived stays for the rest of the page's life.
import { worker } from './support/sandbox.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse, passthrough } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { CircleNotifications } from '../src/elements/circle-notifications/circle-notifications.js';
import { axeViolations, textOf } from './support/dom.js';

const ENDPOINT = '/api/circle-token';
const PANEL_CODE = '/src/elements/circle-notifications/notification-panel.ts';
const POLLER_CODE = '/src/elements/circle-notifications/live-count.ts';
const WAIT = { timeout: 4000 };

const moment = () => new Promise((resolve) => setTimeout(resolve, 150));

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function items(element: Element): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];
}

/** Whether focus is on `target` inside the element; compares identities only. */
function hasFocus(element: Element, target: Element | null): boolean {
  return target !== null && element.shadowRoot!.activeElement === target;
}

/**
 * The module at `path`, failing after a short wait until `reachable`: each request's query, and
 * how many failed.
 */
function unreachable(path: string) {
  const code = { reachable: false, requests: [] as string[], failures: 0 };
  worker.use(
    http.get(path, async ({ request }) => {
      code.requests.push(new URL(request.url).search);
      if (code.reachable) return passthrough();
      await delay(150);
      code.failures += 1;
      return HttpResponse.error();
    }),
  );
  return code;
}

/** The kinds of the `circle-error` events the element sends the page, as they come. */
function errorsOf(element: Element): string[] {
  const kinds: string[] = [];
  element.addEventListener('circle-error', (event) => {
    kinds.push((event as CustomEvent<{ kind: string }>).detail.kind);
  });
  return kinds;
}

async function mountBell(): Promise<CircleNotifications> {
  return fixture<CircleNotifications>(
    html`<circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>`,
  );
}

describe("<circle-notifications> when some of its code can't be fetched", () => {
  beforeEach(() => {
    resetSessions();
  });

  // First: once the poller's code is in, it stays in for the page.
  it('shows the count once the poller arrives, fetched again when back online', async () => {
    const code = unreachable(POLLER_CODE);
    const element = await mountBell();
    const errors = errorsOf(element);
    await waitUntil(() => code.failures === 1, "the poller's code was not asked for", WAIT);
    await moment();
    expect(part(element, 'badge')).to.equal(null);
    expect(errors, 'the page is told once').to.deep.equal(['network']);

    // Updates meanwhile ask for the code no more.
    for (const placement of ['top-start', 'bottom-start', 'bottom-end'] as const) {
      element.placement = placement;
      await element.updateComplete;
    }
    await moment();
    expect(code.requests, 'fetched again on an update').to.deep.equal(['']);

    // Another session asks again.
    getSession(ENDPOINT).reload();
    await waitUntil(() => code.failures === 2, 'a new session did not ask for the code', WAIT);
    await moment();
    expect(code.requests).to.deep.equal(['', '?retry=1']);
    expect(errors).to.deep.equal(['network', 'network']);

    code.reachable = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => part(element, 'badge'), 'no badge after coming back online', WAIT);
    expect(code.requests).to.deep.equal(['', '?retry=1', '?retry=2']);
  });

  // Before the panel's code is in: once it is, intent has nothing left to fetch.
  it('listens for intent passively, and no more once the bell has left the page', async () => {
    const code = unreachable(PANEL_CODE);
    const element = document.createElement('circle-notifications');
    element.setAttribute('token-endpoint', ENDPOINT);
    const passive: string[] = [];
    const listen = element.addEventListener.bind(element);
    element.addEventListener = (
      type: string,
      listener: EventListenerOrEventListenerObject,
      options?: boolean | AddEventListenerOptions,
    ) => {
      if (typeof options === 'object' && options.passive) passive.push(type);
      listen(type, listener, options);
    };
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    page.append(element);
    await element.updateComplete;
    expect(passive.sort()).to.deep.equal(['focusin', 'pointerenter', 'touchstart']);

    const bell = part(element, 'bell')!;
    element.remove();
    for (const target of [bell, element]) {
      target.dispatchEvent(new PointerEvent('pointerenter'));
      target.dispatchEvent(new Event('touchstart', { bubbles: true, composed: true }));
      target.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    }
    await moment();
    expect(code.requests, 'fetched for a bell no longer in the page').to.deep.equal([]);
  });

  it('shows an error with a retry in the open panel, and the retry brings the list', async () => {
    const code = unreachable(PANEL_CODE);
    const element = await mountBell();
    const errors = errorsOf(element);
    await waitUntil(() => part(element, 'badge'), 'no badge', WAIT);
    expect(code.requests, 'fetched before anyone went near the bell').to.deep.equal([]);

    // Focus on the bell starts the fetch, which fails.
    const bell = part(element, 'bell')!;
    bell.focus();
    await waitUntil(() => code.failures === 1, 'focus did not fetch the code', WAIT);
    // A fetch started only by a sign of intent fails quietly: the reader asked for nothing yet.
    await moment();
    expect(errors, 'a failed prefetch told to the page').to.deep.equal([]);

    // Focus coming back to the bell asks for nothing more: only opening it does.
    bell.blur();
    bell.focus();
    await moment();
    expect(code.requests, 'fetched again on focus after a failure').to.deep.equal(['']);

    // Opening asks again, at a new address: the browser keeps the failed one as failed. The
    // panel shows the skeleton meanwhile, then the error.
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.open).to.equal(true);
    expect(part(element, 'panel')!.matches(':popover-open')).to.equal(true);
    expect(element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]')).to.exist;
    expect(part(element, 'error')).to.equal(null);

    await waitUntil(() => part(element, 'error'), 'no error shown', WAIT);
    expect(errors, 'the page is told once').to.deep.equal(['network']);
    const error = part(element, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.include(msg('errorTitle'));
    expect(textOf(error)).to.include(msg('errorNetwork'));
    expect(items(element)).to.have.length(0);
    expect(await axeViolations(element)).to.deep.equal([]);

    // A retry that fails again keeps the error; one that goes through shows the list. While it
    // is on its way the button stays, busy, so that focus on it is not lost.
    const retry = part(element, 'retry-button')!;
    const looks: string[] = [];
    const watcher = new MutationObserver(() => {
      looks.push(`${retry.getAttribute('aria-disabled')} ${textOf(retry)}`);
    });
    watcher.observe(retry, { attributes: true, childList: true, subtree: true });
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => code.requests.length === 3, 'the retry asked nothing', WAIT);
    await waitUntil(
      () => retry.getAttribute('aria-disabled') === 'false',
      'still busy after a failed retry',
      WAIT,
    );
    watcher.disconnect();
    expect(looks[0]).to.equal(`true ${msg('loading')}`);
    expect(looks.at(-1)).to.equal(`false ${msg('retry')}`);
    expect(part(element, 'retry-button'), 'a new button after a failed retry').to.equal(retry);
    expect(hasFocus(element, retry), 'focus left the retry button').to.be.true;
    expect(errors, 'once for each failed fetch').to.deep.equal(['network', 'network']);

    code.reachable = true;
    part(element, 'retry-button')!.click();
    await waitUntil(() => items(element).length > 0, 'no notifications after the retry', WAIT);
    expect(part(element, 'error')).to.equal(null);
    expect(part(element, 'tabs')).to.exist;
    expect(code.requests).to.deep.equal(['', '?retry=1', '?retry=2', '?retry=3']);

    // The keyboard paths are as usual: Tab goes into the panel, Esc goes back to the bell.
    bell.focus();
    await sendKeys({ press: 'Tab' });
    expect(hasFocus(element, part(element, 'mark-all-button')), 'Tab enters the panel').to.be.true;
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.open).to.equal(false);
    expect(hasFocus(element, bell), 'Esc goes back to the bell').to.be.true;
  });

  it('opens another bell on the code already in, without fetching it again', async () => {
    const code = unreachable(PANEL_CODE);
    code.reachable = true;
    const element = await fixture<CircleNotifications>(
      html`<circle-notifications token-endpoint=${ENDPOINT} open></circle-notifications>`,
    );

    await waitUntil(() => items(element).length > 0, 'no notifications shown', WAIT);
    expect(code.requests).to.deep.equal([]);
  });
});
