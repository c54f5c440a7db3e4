// <circle-events> on a page that goes offline before a reader first opens a part: the part's code
// is not asked for while the browser says it is offline, the part shows the element's error with
// its retry, and it comes once the browser is back online. A module fetched once stays for the
// page, so these tests live apart from those that fetch the parts' code.
import { sandbox, worker } from './support/sandbox.js';
import { axeViolations, captureWarnings } from './support/dom.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleEvents } from '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-events/circle-events.js';

const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

type SandboxPost = (typeof sandbox.db.posts)[number];

async function calendar(attributes = ''): Promise<CircleEvents> {
  return fixture<CircleEvents>(
    `<circle-events token-endpoint="${ENDPOINT}" per-page="50" ${attributes}></circle-events>`,
  );
}

function part(root: Element, name: string): HTMLElement | null {
  return (root.shadowRoot ?? root).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(root: Element, name: string): HTMLElement[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element's focused node, as a short description for a failure message. */
function focusOf(element: CircleEvents): string {
  const focused = element.shadowRoot!.activeElement;
  return focused ? `<${focused.localName}> ${focused.getAttribute('part') ?? ''}` : 'nothing';
}

async function loaded(element: CircleEvents): Promise<void> {
  await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
}

/** The next upcoming event in the sandbox, which the list shows first. */
function firstUpcoming(): SandboxPost {
  const now = Date.now();
  return sandbox.db.posts
    .filter((post) => Date.parse(post.event_setting_attributes?.ends_at ?? '') > now)
    .sort(
      (a, b) =>
        Date.parse(a.event_setting_attributes!.starts_at!) -
        Date.parse(b.event_setting_attributes!.starts_at!),
    )[0];
}

function titleLink(element: CircleEvents, post: SandboxPost): HTMLElement {
  const title = element.shadowRoot!.getElementById(`event-${post.id}-title`)!;
  const card = title.closest<HTMLElement>('[part~="item"]')!;
  return part(card, 'title')!.querySelector<HTMLElement>('a, button')!;
}

/** Makes the browser say it is offline, until the returned function brings it back. */
function goOffline(): (announce: boolean) => void {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  return (announce) => {
    Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    if (announce) window.dispatchEvent(new Event('online'));
  };
}

/** Fails unless `error` is the element's error state for an unreachable part, with its retry. */
function expectUnreachable(error: HTMLElement | null, where: string): void {
  expect(error, `no error in ${where}`).to.exist;
  expect(error!.getAttribute('role')).to.equal('alert');
  expect(text(error)).to.include(msg('errorTitle'));
  expect(text(error)).to.include(msg('errorNetwork'));
  expect(text(part(error!, 'retry-button'))).to.equal(msg('retry'));
}

/** The requests for the elements' own code, by file name. */
const CODE = '/src/elements/circle-events/';
const asked: string[] = [];
worker.events.on('request:start', ({ request }) => {
  const path = new URL(request.url).pathname;
  if (path.startsWith(CODE)) asked.push(path.slice(CODE.length));
});

describe('<circle-events> parts on a page that went offline first', () => {
  let backOnline: ((announce: boolean) => void) | undefined;

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    backOnline?.(false);
    backOnline = undefined;
  });

  it('offline, the detail shows the error with its retry, and the event once retried', async () => {
    const post = firstUpcoming();
    const element = await calendar();
    await loaded(element);

    backOnline = goOffline();
    titleLink(element, post).click();
    const dialog = part(element, 'detail') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
    await waitUntil(() => part(dialog, 'error'), 'no error in the detail', WAIT);
    expectUnreachable(part(dialog, 'error'), 'the detail');
    expect(text(part(dialog, 'title'))).to.equal(post.name);
    expect(dialog.querySelector('.details')!.hasAttribute('aria-busy')).to.equal(false);
    expect(element.shadowRoot!.activeElement, focusOf(element)).to.equal(
      part(dialog, 'detail-close'),
    );
    expect(await axeViolations(element)).to.deep.equal([]);
    expect(asked, 'asked for code while offline').not.to.include('event-detail.ts');

    backOnline(false);
    part(dialog, 'retry-button')!.click();
    await waitUntil(() => part(dialog, 'body'), 'the retry did not show the event', WAIT);
    expect(part(dialog, 'error')).to.equal(null);
    await waitUntil(
      () => dialog.querySelector('.attendee-section, [part~="series"]'),
      'the attendees did not load',
      WAIT,
    );

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
  });

  it('offline, the calendar options show the error, and come once the browser is online', async () => {
    const element = await calendar();
    await loaded(element);
    const item = part(element, 'item')!;
    const menu = part(item, 'calendar-menu')!;

    backOnline = goOffline();
    part(item, 'calendar-button')!.click();
    await waitUntil(() => part(item, 'error'), 'no error under the button', WAIT);
    expectUnreachable(part(item, 'error'), 'the calendar options');
    expect(menu.hidden).to.equal(true);

    // Back online, the element tries again by itself.
    backOnline(true);
    await waitUntil(() => !menu.hidden, 'the options did not show once online', WAIT);
    expect(part(item, 'error')).to.equal(null);
    expect(parts(menu, 'calendar-option')).to.have.length(3);
  });

  it('offline, a month shows the error instead of its grid, and the month once retried', async () => {
    backOnline = goOffline();
    const warnings = await captureWarnings(async () => {
      const element = await calendar('view="month"');
      await waitUntil(() => part(element, 'error'), 'no error instead of the month', WAIT);
      expectUnreachable(part(element, 'error'), 'the month view');
      expect(part(element, 'month-grid')).to.equal(null);

      backOnline!(false);
      part(element, 'retry-button')!.click();
      await waitUntil(() => part(element, 'day-event'), 'the retry did not show the month', WAIT);
      expect(part(element, 'error')).to.equal(null);
    });
    expect(warnings).to.deep.equal([]);
  });
});
