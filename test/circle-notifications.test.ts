import { sandbox, worker } from './support/sandbox.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { delay, http, HttpResponse } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleNotifications } from '../src/index.js';
import '../src/elements/circle-notifications/circle-notifications.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

type SandboxNotification = (typeof sandbox.db.notifications)[number];

async function bell(): Promise<CircleNotifications> {
  return fixture<CircleNotifications>(
    html`<circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>`,
  );
}

function part(element: CircleNotifications, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(element: CircleNotifications, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function bellButton(element: CircleNotifications): HTMLButtonElement {
  return part(element, 'bell') as HTMLButtonElement;
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The bell's accessible name, computed by axe's implementation of the accname rules. */
function bellName(element: CircleNotifications): string {
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(bellButton(element)).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}

/** The notifications the panel's first page shows, newest first, as the sandbox holds them. */
function firstPageInSandbox(): SandboxNotification[] {
  return [...sandbox.db.notifications]
    .filter((notification) => !sandbox.db.archivedNotificationIds.has(notification.id))
    .sort((a, b) => b.id - a.id)
    .slice(0, 20);
}

async function openPanel(element: CircleNotifications): Promise<void> {
  bellButton(element).click();
  await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
}

async function badgeLoaded(element: CircleNotifications): Promise<HTMLElement> {
  await waitUntil(() => part(element, 'badge'), 'no badge', WAIT);
  return part(element, 'badge')!;
}

/** Counts the calls to one Member API route, without answering them. */
function countCalls(method: 'get' | 'post', path: string): { count: number } {
  const calls = { count: 0 };
  worker.use(
    http[method](`${API}${path}`, () => {
      calls.count += 1;
    }),
  );
  return calls;
}

/** Keeps a link's default action from opening a tab while a test clicks it. */
function preventNavigation(event: Event): void {
  event.preventDefault();
}

describe('<circle-notifications>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    document.removeEventListener('click', preventNavigation);
  });

  it("shows the sandbox's new count on the bell and in its accessible name", async () => {
    const expected = sandbox.db.counts.new_notifications_count;
    expect(expected, 'the sandbox should start with new notifications').to.be.greaterThan(0);

    const element = await bell();
    const badge = await badgeLoaded(element);

    expect(text(badge)).to.equal(String(expected));
    expect(bellName(element)).to.equal(msg('notificationsButtonCount', { count: expected }));
    expect(bellButton(element).getAttribute('aria-expanded')).to.equal('false');
    expect(part(element, 'panel')!.hidden).to.equal(true);
  });

  it('caps the badge at 99+', async () => {
    worker.use(
      http.get(`${API}/notifications/new_notifications_count`, () =>
        HttpResponse.json({
          new_notifications_count: 250,
          new_mentions_count: 0,
          new_inbox_count: 0,
        }),
      ),
    );

    const element = await bell();
    const badge = await badgeLoaded(element);

    expect(text(badge)).to.equal('99+');
    expect(bellName(element)).to.equal(msg('notificationsButtonCount', { count: '99+' }));
  });

  it('shows no badge when nothing is new', async () => {
    sandbox.db.counts.new_notifications_count = 0;
    const calls = countCalls('get', '/notifications/new_notifications_count');

    const element = await bell();
    await waitUntil(() => calls.count === 1, 'the count was not asked for', WAIT);
    await element.updateComplete;

    expect(part(element, 'badge')).to.equal(null);
    expect(bellName(element)).to.equal(msg('notificationsButton'));
  });

  it('opens on a skeleton, then lists the notifications built from their data', async () => {
    worker.use(
      http.get(`${API}/notifications`, async () => {
        await delay(300);
      }),
    );
    const element = await bell();
    bellButton(element).click();
    await element.updateComplete;

    expect(bellButton(element).getAttribute('aria-expanded')).to.equal('true');
    expect(part(element, 'panel')!.hidden).to.equal(false);
    expect(element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]')).to.exist;
    expect(parts(element, 'item')).to.have.length(0);

    await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
    const expected = firstPageInSandbox();
    const items = parts(element, 'item');
    expect(items).to.have.length(expected.length);

    items.forEach((item, index) => {
      const notification = expected[index];
      const words = notification.notification_text_structure!.map(
        (field) => notification[field as keyof SandboxNotification],
      );
      expect(text(item.querySelector('.sentence'))).to.equal(words.join(' '));
      expect(text(item)).to.include(notification.space_title!);
      const time = item.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(notification.created_at);
      expect(item.querySelector('a')!.href).to.equal(notification.action_web_url);
      const hasDot = item.querySelector('[part~="unread-dot"]') !== null;
      expect(hasDot, `unread dot of ${notification.id}`).to.equal(notification.read_at === null);
    });

    const emphasised = items[0].querySelectorAll('.sentence strong');
    expect([...emphasised].map((node) => text(node))).to.include(expected[0].notifiable_title);
  });

  it('skips unknown sentence parts, has a fallback sentence, and drops unsafe links', async () => {
    const [newest, older] = firstPageInSandbox();
    sandbox.db.notifications = [
      { ...older, notification_text_structure: [] },
      {
        ...newest,
        action_web_url: 'javascript:alert(1)',
        notification_text_structure: [
          'actor_name',
          'no_such_field',
          'notifiable',
          'display_action',
        ],
      },
    ];
    const element = await bell();
    await openPanel(element);
    const [first, second] = parts(element, 'item');

    expect(text(first.querySelector('.sentence'))).to.equal(
      `${newest.actor_name} ${newest.display_action}`,
    );
    expect(first.querySelector('a')).to.equal(null);
    expect(text(second.querySelector('.sentence'))).to.equal(
      `${older.actor_name} ${older.display_action} ${older.notifiable_title}`,
    );
    expect(second.querySelector('a')!.href).to.equal(older.action_web_url);
  });

  it("resets the badge when opened, through Circle's reset call", async () => {
    const resets = countCalls('post', '/notifications/reset_new_notifications_count');
    const element = await bell();
    await badgeLoaded(element);

    await openPanel(element);

    expect(part(element, 'badge')).to.equal(null);
    expect(bellName(element)).to.equal(msg('notificationsButton'));
    await waitUntil(() => sandbox.db.counts.new_notifications_count === 0, 'not reset', WAIT);
    expect(resets.count).to.equal(1);
  });

  it('opens from the open attribute, which also resets the count', async () => {
    const element = await fixture<CircleNotifications>(
      html`<circle-notifications token-endpoint=${ENDPOINT} open></circle-notifications>`,
    );

    await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
    expect(bellButton(element).getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => sandbox.db.counts.new_notifications_count === 0, 'not reset', WAIT);
    expect(part(element, 'badge')).to.equal(null);
  });

  it('marks a notification read when it is opened', async () => {
    document.addEventListener('click', preventNavigation);
    const element = await bell();
    await openPanel(element);

    const item = parts(element, 'item').find((candidate) =>
      candidate.querySelector('[part~="unread-dot"]'),
    )!;
    expect(item, 'the first page should hold an unread notification').to.exist;
    const link = item.querySelector('a')!;
    const stored = firstPageInSandbox()[parts(element, 'item').indexOf(item)];
    expect(stored.read_at).to.equal(null);

    link.click();
    await element.updateComplete;

    expect(item.querySelector('[part~="unread-dot"]')).to.equal(null);
    expect(text(item)).not.to.include(msg('unread'));
    await waitUntil(() => stored.read_at !== null, 'not saved in the sandbox', WAIT);
  });

  it('brings the dot back when marking one read fails', async () => {
    document.addEventListener('click', preventNavigation);
    worker.use(
      http.post(`${API}/notifications/:id/mark_as_read`, () =>
        HttpResponse.json({ success: false, message: 'Server error' }, { status: 500 }),
      ),
    );
    const element = await bell();
    await openPanel(element);

    const item = parts(element, 'item').find((candidate) =>
      candidate.querySelector('[part~="unread-dot"]'),
    )!;
    item.querySelector('a')!.click();

    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    expect(text(part(element, 'notice'))).to.equal(msg('markReadFailed'));
    expect(item.querySelector('[part~="unread-dot"]')).to.exist;
  });

  it('marks all read at once and keeps it when Circle agrees', async () => {
    const element = await bell();
    await openPanel(element);
    expect(parts(element, 'unread-dot').length).to.be.greaterThan(0);

    part(element, 'mark-all-button')!.click();
    await element.updateComplete;

    expect(parts(element, 'unread-dot')).to.have.length(0);
    await waitUntil(
      () => sandbox.db.notifications.every((notification) => notification.read_at !== null),
      'not saved in the sandbox',
      WAIT,
    );
    await element.updateComplete;
    expect(parts(element, 'unread-dot')).to.have.length(0);
    expect(part(element, 'notice')).to.equal(null);
  });

  it('brings every dot back with a message when marking all read fails', async () => {
    worker.use(
      http.post(`${API}/notifications/mark_all_as_read`, async () => {
        await delay(200);
        return HttpResponse.json({ success: false, message: 'Server error' }, { status: 500 });
      }),
    );
    const errors: CustomEvent[] = [];
    const element = await bell();
    element.addEventListener('circle-error', (event) => errors.push(event));
    await openPanel(element);
    const unreadBefore = parts(element, 'unread-dot').length;
    expect(unreadBefore).to.be.greaterThan(0);

    part(element, 'mark-all-button')!.click();
    await element.updateComplete;
    expect(parts(element, 'unread-dot')).to.have.length(0);

    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    expect(text(part(element, 'notice'))).to.equal(msg('markAllReadFailed'));
    expect(parts(element, 'unread-dot')).to.have.length(unreadBefore);
    expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
  });

  it('loads more notifications on demand', async () => {
    const element = await bell();
    await openPanel(element);
    const total = sandbox.db.notifications.length;
    expect(total, 'the sandbox should hold more than one page').to.be.greaterThan(20);

    part(element, 'load-more')!.click();
    await waitUntil(() => parts(element, 'item').length > 20, 'no second page', WAIT);

    expect(parts(element, 'item')).to.have.length(Math.min(total, 40));
  });

  it('says so when there are no notifications', async () => {
    sandbox.db.notifications = [];
    const element = await bell();
    bellButton(element).click();

    await waitUntil(() => part(element, 'empty'), 'no empty state', WAIT);
    expect(text(part(element, 'empty'))).to.equal(msg('notificationsEmpty'));
    expect(part(element, 'mark-all-button')).to.equal(null);
  });

  it('shows an error with a retry that loads the list', async () => {
    let failing = true;
    worker.use(
      http.get(`${API}/notifications`, () =>
        failing ? HttpResponse.json({ success: false }, { status: 500 }) : undefined,
      ),
    );
    const element = await bell();
    bellButton(element).click();

    await waitUntil(() => part(element, 'error'), 'no error state', WAIT);
    expect(text(part(element, 'error'))).to.include(msg('errorServer'));

    failing = false;
    part(element, 'retry-button')!.click();
    await waitUntil(() => parts(element, 'item').length > 0, 'no notifications after retry', WAIT);
    expect(part(element, 'error')).to.equal(null);
  });

  it('shows the bell without a count to a signed-out visitor, and the sign-in state', async () => {
    sandbox.auth.signedIn = false;
    let authRequired = 0;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div @circle-auth-required=${() => (authRequired += 1)}>
        <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
      </div>`,
    );
    const element = wrapper.querySelector('circle-notifications')!;

    await waitUntil(() => authRequired === 1, 'no circle-auth-required event', WAIT);
    expect(bellButton(element)).to.exist;
    expect(part(element, 'badge')).to.equal(null);

    bellButton(element).click();
    await waitUntil(() => part(element, 'signed-out'), 'no signed-out state', WAIT);
    expect(text(part(element, 'signed-out'))).to.include(msg('signedOutTitle'));
    expect(parts(element, 'item')).to.have.length(0);
  });

  it('opens from the keyboard, and Esc closes it and gives focus back to the bell', async () => {
    const element = await bell();
    bellButton(element).focus();

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
    expect(element.open).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'mark-all-button'));

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(element.open).to.equal(false);
    expect(part(element, 'panel')!.hidden).to.equal(true);
    expect(bellButton(element).getAttribute('aria-expanded')).to.equal('false');
    expect(element.shadowRoot!.activeElement).to.equal(bellButton(element));
  });

  it('closes on a click outside, and stays open on a click inside', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
        <button type="button">Elsewhere</button>
      </div>`,
    );
    const element = wrapper.querySelector('circle-notifications')!;
    await openPanel(element);

    part(element, 'panel')!.click();
    await element.updateComplete;
    expect(element.open).to.equal(true);

    wrapper.querySelector('button')!.click();
    await element.updateComplete;
    expect(element.open).to.equal(false);
    expect(part(element, 'panel')!.hidden).to.equal(true);
  });

  it('has no accessibility violations, closed or open', async () => {
    const element = await bell();
    await badgeLoaded(element);

    const closed = await axe.run(element);
    expect(closed.violations, JSON.stringify(closed.violations, null, 2)).to.deep.equal([]);
    // Targets inside a shadow root are chains of selectors: proof that axe looked inside.
    const inShadow = (results: AxeResults) =>
      results.passes.some((rule) =>
        rule.nodes.some((node) => node.target.some((selector) => Array.isArray(selector))),
      );
    expect(inShadow(closed), 'axe did not inspect the shadow root').to.equal(true);

    await openPanel(element);
    const open = await axe.run(element);
    expect(open.violations, JSON.stringify(open.violations, null, 2)).to.deep.equal([]);
    expect(inShadow(open)).to.equal(true);
    const linkNames = open.passes.find((rule) => rule.id === 'link-name');
    const links = element.shadowRoot!.querySelectorAll('[part~="item"] a');
    expect(links.length).to.be.greaterThan(0);
    expect(linkNames?.nodes, 'axe did not inspect the notifications').to.have.length(links.length);
  });
});
