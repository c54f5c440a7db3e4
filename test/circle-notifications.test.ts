import { sandbox, worker } from './support/sandbox.js';
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { delay, http, HttpResponse } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleNotificationOpenEvent, CircleUnreadChangeEvent } from '../src/index.js';
import { CircleNotifications } from '../src/elements/circle-notifications/circle-notifications.js';
import type { NotificationChange } from '../src/elements/circle-notifications/circle-notifications.js';
import { captureWarnings } from './support/dom.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

type SandboxNotification = (typeof sandbox.db.notifications)[number];

/** Records the changes the element reports as saved, as a subclass hooking in would. */
class SpyNotifications extends CircleNotifications {
  changes: NotificationChange[] = [];

  protected override onLocalChange(change: NotificationChange): void {
    this.changes.push(change);
  }
}
customElements.define('spy-notifications', SpyNotifications);

async function bell(): Promise<CircleNotifications> {
  return fixture<CircleNotifications>(
    html`<circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>`,
  );
}

function part(element: Element, name: string): HTMLElement | null {
  const root = element.shadowRoot ?? element;
  return root.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(element: Element, name: string): HTMLElement[] {
  const root = element.shadowRoot ?? element;
  return [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function bellButton(element: CircleNotifications): HTMLButtonElement {
  return part(element, 'bell') as HTMLButtonElement;
}

function panel(element: CircleNotifications): HTMLElement {
  return part(element, 'panel')!;
}

/** Whether the panel is showing in the top layer. */
function panelShown(element: CircleNotifications): boolean {
  return panel(element).matches(':popover-open');
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An element's accessible name, computed by axe's implementation of the accname rules. */
function accessibleName(node: Element): string {
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(node).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}

function bellName(element: CircleNotifications): string {
  return accessibleName(bellButton(element));
}

function focused(element: CircleNotifications): Element | null {
  return element.shadowRoot!.activeElement;
}

/** Compares identities: chai would describe a whole element graph on failure, which can hang. */
function expectFocus(
  element: CircleNotifications,
  target: Element | null | undefined,
  why = '',
): void {
  const actual = focused(element);
  const describe = (node: Element | null | undefined) =>
    node ? `<${node.localName} part="${node.getAttribute('part') ?? ''}">${text(node)}` : 'nothing';
  expect(actual === target, `${why} focus is on ${describe(actual)}, not ${describe(target)}`).to.be
    .true;
}

/** The notifications the first page of a tab shows, newest first, as the sandbox holds them. */
function firstPageInSandbox(status: 'all' | 'unread' = 'all'): SandboxNotification[] {
  return [...sandbox.db.notifications]
    .filter((notification) => !sandbox.db.archivedNotificationIds.has(notification.id))
    .filter((notification) => status === 'all' || notification.read_at === null)
    .sort((a, b) => b.id - a.id)
    .slice(0, 20);
}

function stored(id: number): SandboxNotification | undefined {
  return sandbox.db.notifications.find((notification) => notification.id === id);
}

function itemId(item: HTMLElement): number {
  return Number(item.dataset.id);
}

async function openPanel(element: CircleNotifications): Promise<void> {
  bellButton(element).click();
  await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
}

async function badgeLoaded(element: CircleNotifications): Promise<HTMLElement> {
  await waitUntil(() => part(element, 'badge'), 'no badge', WAIT);
  return part(element, 'badge')!;
}

function firstUnreadItem(element: CircleNotifications): HTMLElement {
  const item = parts(element, 'item').find((candidate) => part(candidate, 'unread-dot'));
  expect(item, 'the list should hold an unread notification').to.exist;
  return item!;
}

/** Opens a notification's options with its ⋯ button and returns the option buttons. */
async function openMenu(
  element: CircleNotifications,
  item: HTMLElement,
): Promise<HTMLButtonElement[]> {
  part(item, 'menu-button')!.click();
  await waitUntil(() => part(item, 'menu'), 'no options shown', WAIT);
  await element.updateComplete;
  return parts(item, 'menu-option') as HTMLButtonElement[];
}

async function choose(
  element: CircleNotifications,
  item: HTMLElement,
  key: 'notificationMarkRead' | 'notificationArchive' | 'notificationDelete',
): Promise<void> {
  const options = await openMenu(element, item);
  const option = options.find((candidate) => text(candidate) === msg(key));
  expect(option, `no "${msg(key)}" option`).to.exist;
  option!.click();
  await element.updateComplete;
}

/** Counts the calls to one Member API route, without answering them. */
function countCalls(method: 'get' | 'post' | 'delete', path: string): { count: number } {
  const calls = { count: 0 };
  worker.use(
    http[method](`${API}${path}`, () => {
      calls.count += 1;
    }),
  );
  return calls;
}

/** Makes one Member API route fail with a server error, after `wait` ms. */
function failing(method: 'get' | 'post' | 'delete', path: string, wait = 0): void {
  worker.use(
    http[method](`${API}${path}`, async () => {
      await delay(wait);
      return HttpResponse.json({ success: false, message: 'Server error' }, { status: 500 });
    }),
  );
}

/** Keeps a link's default action from opening a tab while a test clicks it. */
function preventNavigation(event: Event): void {
  event.preventDefault();
}

function notice(element: CircleNotifications): string {
  return text(part(element, 'notice'));
}

function announcement(element: CircleNotifications): string {
  return text(element.shadowRoot!.querySelector('[role="status"]:not([aria-busy])'));
}

function viewport(): { width: number; height: number } {
  return {
    width: document.documentElement.clientWidth,
    height: document.documentElement.clientHeight,
  };
}

/** A bell fixed at a spot of the viewport, with a placement. */
async function bellAt(style: string, placement?: string): Promise<CircleNotifications> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="position: fixed; ${style}">
      <circle-notifications
        token-endpoint=${ENDPOINT}
        placement=${placement ?? 'bottom-end'}
      ></circle-notifications>
    </div>`,
  );
  return wrapper.querySelector('circle-notifications')!;
}

/** The panel's and the bell's boxes once the panel has been placed. */
async function boxes(element: CircleNotifications): Promise<{ panel: DOMRect; bell: DOMRect }> {
  await nextFrame();
  await nextFrame();
  return {
    panel: panel(element).getBoundingClientRect(),
    bell: bellButton(element).getBoundingClientRect(),
  };
}

function expectInsideViewport(box: DOMRect): void {
  const { width, height } = viewport();
  expect(box.left, 'left edge').to.be.at.least(0);
  expect(box.top, 'top edge').to.be.at.least(0);
  expect(box.right, 'right edge').to.be.at.most(width);
  expect(box.bottom, 'bottom edge').to.be.at.most(height);
}

/** A corner of the viewport that neither box covers, for a click outside both. */
function pointOutside(...avoid: DOMRect[]): [number, number] {
  const { width, height } = viewport();
  const corners: [number, number][] = [
    [5, 5],
    [width - 5, 5],
    [5, height - 5],
    [width - 5, height - 5],
  ];
  const covers = (box: DOMRect, [x, y]: [number, number]) =>
    x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  const free = corners.find((corner) => avoid.every((box) => !covers(box, corner)));
  expect(free, 'every corner of the viewport is covered').to.exist;
  return free!;
}

/** Midnight at the start of the local calendar day `daysAgo` days before today, plus `hours`. */
function localDay(daysAgo: number, hours = 12): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hours);
}

describe('<circle-notifications>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    document.removeEventListener('click', preventNavigation);
  });

  describe('the bell', () => {
    it("shows the sandbox's new count on the bell and in its accessible name", async () => {
      const expected = sandbox.db.counts.new_notifications_count;
      expect(expected, 'the sandbox should start with new notifications').to.be.greaterThan(0);

      const element = await bell();
      const badge = await badgeLoaded(element);

      expect(text(badge)).to.equal(String(expected));
      expect(bellName(element)).to.equal(msg('notificationsButtonCount', { count: expected }));
      expect(bellButton(element).getAttribute('aria-expanded')).to.equal('false');
      expect(panelShown(element)).to.equal(false);
      expect(panel(element).checkVisibility()).to.equal(false);
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

    it('brings the badge back when the reset fails', async () => {
      failing('post', '/notifications/reset_new_notifications_count', 100);
      const expected = sandbox.db.counts.new_notifications_count;
      const element = await bell();
      await badgeLoaded(element);

      bellButton(element).click();
      await element.updateComplete;
      expect(part(element, 'badge')).to.equal(null);

      await waitUntil(() => part(element, 'badge'), 'the badge did not come back', WAIT);
      expect(text(part(element, 'badge'))).to.equal(String(expected));
    });

    it('fires circle-unread-change whenever the count changes, and announces a rise', async () => {
      const counts: number[] = [];
      const element = await fixture<CircleNotifications>(
        html`<circle-notifications
          token-endpoint=${ENDPOINT}
          @circle-unread-change=${(event: CircleUnreadChangeEvent) => counts.push(event.count)}
        ></circle-notifications>`,
      );
      const initial = sandbox.db.counts.new_notifications_count;
      await badgeLoaded(element);
      expect(counts).to.deep.equal([initial]);
      expect(announcement(element), 'nothing to announce on the first load').to.equal('');

      element.applyCount(initial + 2);
      await element.updateComplete;
      expect(text(part(element, 'badge'))).to.equal(String(initial + 2));
      expect(bellName(element)).to.equal(msg('notificationsButtonCount', { count: initial + 2 }));
      expect(announcement(element)).to.equal(msg('notificationsNew', { count: initial + 2 }));

      element.applyCount(initial + 2);
      element.applyCount(1);
      await element.updateComplete;
      expect(counts).to.deep.equal([initial, initial + 2, 1]);

      await openPanel(element);
      expect(counts).to.deep.equal([initial, initial + 2, 1, 0]);
    });

    it('offers the notifications that arrive while the list is open', async () => {
      const element = await bell();
      await openPanel(element);
      await waitUntil(() => sandbox.db.counts.new_notifications_count === 0, 'not reset', WAIT);
      expect(part(element, 'show-new-button')).to.equal(null);

      const newest = firstPageInSandbox()[0];
      const arrived = {
        ...newest,
        id: newest.id + 1000,
        notifiable_title: 'A brand new thread',
        created_at: new Date().toISOString(),
        read_at: null,
      };
      sandbox.db.notifications.push(arrived);
      element.applyCount(1);
      await element.updateComplete;

      part(element, 'show-new-button')!.click();
      await waitUntil(
        () => itemId(parts(element, 'item')[0]) === arrived.id,
        'the new notification is not shown',
        WAIT,
      );
      expect(part(element, 'show-new-button')).to.equal(null);
      expect(text(parts(element, 'item')[0])).to.include('A brand new thread');
    });
  });

  describe('the popover', () => {
    it('opens in the top layer beside the bell, and the bell toggles it', async () => {
      const element = await bell();
      await openPanel(element);

      expect(panelShown(element)).to.equal(true);
      expect(element.open).to.equal(true);
      expect(bellButton(element).getAttribute('aria-expanded')).to.equal('true');
      const { panel: box, bell: anchor } = await boxes(element);
      expectInsideViewport(box);
      expect(box.top).to.be.at.least(anchor.bottom);

      bellButton(element).click();
      await element.updateComplete;
      expect(panelShown(element)).to.equal(false);
      expect(element.open).to.equal(false);
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
      expect(panelShown(element)).to.equal(true);
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
        expect(part(item, 'avatar')).to.exist;
        const hasDot = part(item, 'unread-dot') !== null;
        expect(hasDot, `unread dot of ${notification.id}`).to.equal(notification.read_at === null);
      });

      const emphasised = items[0].querySelectorAll('.sentence strong');
      expect([...emphasised].map((node) => text(node))).to.include(expected[0].notifiable_title);
    });

    it('opens from the open attribute, which also resets the count', async () => {
      const element = await fixture<CircleNotifications>(
        html`<circle-notifications token-endpoint=${ENDPOINT} open></circle-notifications>`,
      );

      await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
      expect(panelShown(element)).to.equal(true);
      expect(bellButton(element).getAttribute('aria-expanded')).to.equal('true');
      await waitUntil(() => sandbox.db.counts.new_notifications_count === 0, 'not reset', WAIT);
      expect(part(element, 'badge')).to.equal(null);
    });

    it('opens from the keyboard, and Esc closes it and gives focus back to the bell', async () => {
      const element = await bell();
      bellButton(element).focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
      expect(element.open).to.equal(true);

      await sendKeys({ press: 'Tab' });
      expectFocus(element, part(element, 'mark-all-button'));

      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(element.open).to.equal(false);
      expect(panelShown(element)).to.equal(false);
      expect(bellButton(element).getAttribute('aria-expanded')).to.equal('false');
      expectFocus(element, bellButton(element));
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

      part(element, 'panel-header')!.click();
      await element.updateComplete;
      expect(element.open).to.equal(true);

      wrapper.querySelector('button')!.click();
      await element.updateComplete;
      expect(element.open).to.equal(false);
      expect(panelShown(element)).to.equal(false);
    });

    it('closes on a real click outside, and a real click on the bell closes it', async () => {
      const element = await bellAt('top: 20px; left: 20px;', 'bottom-start');
      try {
        await openPanel(element);
        await boxes(element);
        const title = element.shadowRoot!.querySelector('.panel-title')!.getBoundingClientRect();
        const { width, height } = viewport();

        // Inside the panel (on its title, not on a link that would open a tab): it stays, and
        // Esc still closes it and goes back to the bell.
        await sendMouse({ type: 'click', position: [title.left + 5, title.top + 5] });
        await element.updateComplete;
        expect(panelShown(element)).to.equal(true);
        await sendKeys({ press: 'Escape' });
        await element.updateComplete;
        expect(panelShown(element)).to.equal(false);
        expectFocus(element, bellButton(element));

        await openPanel(element);

        // Far from both the bell and the panel: light dismiss.
        await sendMouse({ type: 'click', position: [width - 10, height - 10] });
        await waitUntil(() => !panelShown(element), 'still open after a click outside', WAIT);
        expect(element.open).to.equal(false);

        await openPanel(element);
        const anchor = bellButton(element).getBoundingClientRect();
        await sendMouse({
          type: 'click',
          position: [anchor.left + anchor.width / 2, anchor.top + anchor.height / 2],
        });
        await element.updateComplete;
        await nextFrame();
        expect(panelShown(element), 'the bell should close what it opened').to.equal(false);
      } finally {
        await resetMouse();
      }
    });

    it('stays whole and on top inside a clipping, transformed, container ancestor', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div
          style="transform: translateZ(0); overflow: hidden; height: 40px; width: 320px;
            margin-left: 420px; container-type: inline-size;"
        >
          <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
        </div>`,
      );
      const element = wrapper.querySelector('circle-notifications')!;
      await openPanel(element);
      const { panel: box } = await boxes(element);

      expectInsideViewport(box);
      expect(box.height, 'taller than the clipping wrapper').to.be.greaterThan(200);
      const points = [
        [box.left + box.width / 2, box.top + box.height / 2],
        [box.left + 12, box.bottom - 12],
        [box.right - 12, box.bottom - 12],
      ];
      for (const [x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        expect(hit === element, `hit at ${x},${y}: ${hit?.localName}`).to.equal(true);
        const inner = element.shadowRoot!.elementFromPoint(x, y);
        expect(panel(element).contains(inner), `inner hit at ${x},${y}`).to.equal(true);
      }
    });

    // Each would trap or shift a panel that is not in the top layer: a transform makes itself
    // the box of fixed descendants (and this one moves them), overflow clips, and a size
    // container does both for some layouts.
    const hostileAncestors = {
      transform: 'transform: translate(12px, 6px);',
      'overflow: hidden': 'overflow: hidden;',
      'container-type': 'container-type: inline-size;',
      'all three':
        'transform: translate(12px, 6px); overflow: hidden; container-type: inline-size;',
    };
    for (const [ancestor, hostileStyle] of Object.entries(hostileAncestors)) {
      for (const placement of ['bottom-end', 'bottom-start', 'top-start', 'top-end']) {
        it(`handles focus and anchors at ${placement} inside a ${ancestor} ancestor`, async () => {
          const vertical = placement.startsWith('top') ? 'bottom: 24px;' : 'top: 24px;';
          const horizontal = placement.endsWith('end') ? 'right: 100px;' : 'left: 100px;';
          const positioner = await fixture<HTMLDivElement>(
            html`<div style="position: fixed; ${vertical} ${horizontal}">
              <div style="${hostileStyle} width: 320px; height: 40px;">
                <circle-notifications
                  token-endpoint=${ENDPOINT}
                  placement=${placement}
                ></circle-notifications>
              </div>
            </div>`,
          );
          const element = positioner.querySelector('circle-notifications')!;
          try {
            bellButton(element).focus();
            await sendKeys({ press: 'Enter' });
            await waitUntil(() => parts(element, 'item').length > 0, 'no notifications', WAIT);
            expect(panelShown(element), 'Enter on the bell opens the panel').to.equal(true);

            const { panel: box, bell: anchor } = await boxes(element);
            expectInsideViewport(box);
            if (placement.startsWith('top')) {
              expect(box.bottom, 'just above the bell').to.be.within(anchor.top - 12, anchor.top);
            } else {
              expect(box.top, 'just below the bell').to.be.within(
                anchor.bottom,
                anchor.bottom + 12,
              );
            }
            if (placement.endsWith('end')) expect(box.right).to.be.closeTo(anchor.right, 1);
            else expect(box.left).to.be.closeTo(anchor.left, 1);
            // Nothing clips it: its far corner is the panel's, not the page's.
            const far: [number, number] = [
              placement.endsWith('end') ? box.left + 12 : box.right - 12,
              placement.startsWith('top') ? box.top + 12 : box.bottom - 12,
            ];
            const hit = element.shadowRoot!.elementFromPoint(...far);
            expect(hit !== null && panel(element).contains(hit), 'the panel is clipped').to.be.true;

            await sendKeys({ press: 'Tab' });
            const inside = focused(element);
            expect(inside !== null && panel(element).contains(inside), 'Tab enters the panel').to.be
              .true;

            await sendKeys({ press: 'Escape' });
            await element.updateComplete;
            expect(panelShown(element)).to.equal(false);
            expect(element.open).to.equal(false);
            expectFocus(element, bellButton(element), 'after Esc');

            await sendKeys({ press: 'Enter' });
            await waitUntil(() => panelShown(element), 'Enter did not reopen the panel', WAIT);
            const reopened = await boxes(element);
            const [x, y] = pointOutside(reopened.panel, reopened.bell);
            expect(document.elementFromPoint(x, y) === element, 'the point is outside').to.be.false;
            await sendMouse({ type: 'click', position: [x, y] });
            await waitUntil(() => !panelShown(element), 'still open after a click outside', WAIT);
            expect(element.open).to.equal(false);
          } finally {
            await resetMouse();
          }
        });
      }
    }

    for (const placement of ['bottom-end', 'bottom-start', 'top-start', 'top-end']) {
      it(`opens at ${placement} when there is room`, async () => {
        const vertical = placement.startsWith('top') ? 'bottom: 24px;' : 'top: 24px;';
        const horizontal = placement.endsWith('end') ? 'right: 100px;' : 'left: 100px;';
        const element = await bellAt(`${vertical} ${horizontal}`, placement);
        await openPanel(element);
        const { panel: box, bell: anchor } = await boxes(element);

        expectInsideViewport(box);
        if (placement.startsWith('top')) expect(box.bottom).to.be.at.most(anchor.top);
        else expect(box.top).to.be.at.least(anchor.bottom);
        if (placement.endsWith('end')) expect(box.right).to.be.closeTo(anchor.right, 1);
        else expect(box.left).to.be.closeTo(anchor.left, 1);
      });
    }

    it('reads start and end in the text direction', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div dir="rtl" style="position: fixed; top: 24px; left: 100px;">
          <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
        </div>`,
      );
      const element = wrapper.querySelector('circle-notifications')!;
      await openPanel(element);
      const { panel: box, bell: anchor } = await boxes(element);

      expect(box.left, 'bottom-end is the left edge in RTL').to.be.closeTo(anchor.left, 1);
      expect(box.top).to.be.at.least(anchor.bottom);
    });

    it('flips to the side with room and stays inside the viewport', async () => {
      const low = await bellAt('bottom: 16px; left: 8px;', 'bottom-end');
      await openPanel(low);
      const lowBoxes = await boxes(low);
      expectInsideViewport(lowBoxes.panel);
      expect(lowBoxes.panel.bottom, 'flipped above the bell').to.be.at.most(lowBoxes.bell.top);

      const high = await bellAt('top: 16px; right: 8px;', 'top-start');
      await openPanel(high);
      const highBoxes = await boxes(high);
      expectInsideViewport(highBoxes.panel);
      expect(highBoxes.panel.top, 'flipped below the bell').to.be.at.least(highBoxes.bell.bottom);
    });

    it('follows the bell when the page scrolls', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="padding-top: 120px; height: 3000px;">
          <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
        </div>`,
      );
      const element = wrapper.querySelector('circle-notifications')!;
      try {
        await openPanel(element);
        const before = await boxes(element);
        const gap = before.panel.top - before.bell.bottom;

        window.scrollBy(0, 60);
        const after = await boxes(element);
        expect(after.bell.top).to.be.closeTo(before.bell.top - 60, 1);
        expect(after.panel.top - after.bell.bottom).to.be.closeTo(gap, 1);
      } finally {
        window.scrollTo(0, 0);
      }
    });
  });

  describe('the list', () => {
    it('skips unknown sentence parts, has a default sentence, and drops unsafe links', async () => {
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

    it('groups under Today, This week and Earlier, by local calendar day', async () => {
      const template = firstPageInSandbox()[0];
      const at = (id: number, date: Date) => ({
        ...template,
        id,
        notifiable_title: `Thread ${id}`,
        created_at: date.toISOString(),
      });
      const now = new Date();
      // Ids give the order; dates give the groups. This week is the six days before today.
      sandbox.db.notifications = [
        at(6, now),
        at(5, localDay(0, 0)),
        at(4, localDay(1, 23)),
        at(3, localDay(6, 0)),
        at(2, localDay(7, 23)),
        at(1, localDay(40)),
      ];
      const element = await bell();
      await openPanel(element);

      const headings = parts(element, 'group-heading').map((heading) => text(heading));
      expect(headings).to.deep.equal([
        msg('notificationsToday'),
        msg('notificationsThisWeek'),
        msg('notificationsEarlier'),
      ]);
      const groups = parts(element, 'list').map((list) =>
        parts(list, 'item').map((item) => itemId(item)),
      );
      expect(groups).to.deep.equal([
        [6, 5],
        [4, 3],
        [2, 1],
      ]);
      // Each list is named by its heading.
      const lists = parts(element, 'list');
      expect(lists.map((list) => accessibleName(list))).to.deep.equal(headings);
    });

    it('has All and Unread tabs that filter through status=unread', async () => {
      const statuses: (string | null)[] = [];
      const listener = ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        if (url.pathname.endsWith('/notifications')) statuses.push(url.searchParams.get('status'));
      };
      worker.events.on('request:start', listener);
      const element = await bell();
      await openPanel(element);

      const tablist = element.shadowRoot!.querySelector('[role="tablist"]')!;
      const tabs = [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
      expect(tabs.map((tab) => text(tab))).to.deep.equal([
        msg('notificationsTabAll'),
        msg('notificationsTabUnread'),
      ]);
      expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['true', 'false']);
      const tabpanel = element.shadowRoot!.querySelector('[role="tabpanel"]')!;
      expect(tabpanel.getAttribute('aria-labelledby')).to.equal(tabs[0].id);
      expect(tabs[0].getAttribute('aria-controls')).to.equal(tabpanel.id);

      tabs[1].click();
      const unread = firstPageInSandbox('unread');
      await waitUntil(
        () =>
          parts(element, 'item').length === unread.length &&
          parts(element, 'item').every((item) => part(item, 'unread-dot')),
        'the unread tab did not load',
        WAIT,
      );
      expect(parts(element, 'item').map((item) => itemId(item))).to.deep.equal(
        unread.map((notification) => notification.id),
      );
      expect(tabs.map((tab) => tab.getAttribute('aria-selected'))).to.deep.equal(['false', 'true']);
      expect(tabpanel.getAttribute('aria-labelledby')).to.equal(tabs[1].id);
      expect(statuses).to.deep.equal(['all', 'unread']);
      worker.events.removeListener('request:start', listener);
    });

    it('moves between the tabs with the arrow keys, Home and End', async () => {
      const element = await bell();
      await openPanel(element);
      const tab = (name: string) =>
        element.shadowRoot!.querySelector<HTMLElement>(`[role="tab"]#tab-${name}`)!;

      tab('all').focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expectFocus(element, tab('unread'));
      expect(tab('unread').getAttribute('aria-selected')).to.equal('true');
      expect(tab('all').tabIndex).to.equal(-1);

      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expectFocus(element, tab('all'));

      await sendKeys({ press: 'End' });
      await element.updateComplete;
      expectFocus(element, tab('unread'));
      await sendKeys({ press: 'Home' });
      await element.updateComplete;
      expectFocus(element, tab('all'));
      expect(element.open, 'the keys do not close the panel').to.equal(true);
    });

    it('says so when a tab is empty', async () => {
      for (const notification of sandbox.db.notifications)
        notification.read_at ??= new Date().toISOString();
      const element = await bell();
      await openPanel(element);

      element.shadowRoot!.querySelector<HTMLElement>('#tab-unread')!.click();
      await waitUntil(() => part(element, 'empty'), 'no empty state', WAIT);
      expect(text(part(element, 'empty'))).to.equal(msg('notificationsUnreadEmpty'));
    });

    it('says so when there are no notifications', async () => {
      sandbox.db.notifications = [];
      const element = await bell();
      bellButton(element).click();

      await waitUntil(() => part(element, 'empty'), 'no empty state', WAIT);
      expect(text(part(element, 'empty'))).to.equal(msg('notificationsEmpty'));
      expect(part(element, 'mark-all-button')).to.equal(null);
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

    it('loads more on the Unread tab, with unread ones only', async () => {
      // Every other notification unread: more than a page of them, and All differs from Unread.
      sandbox.db.notifications.forEach((notification, index) => {
        notification.read_at = index % 2 ? new Date().toISOString() : null;
      });
      const unread = [...sandbox.db.notifications]
        .filter((notification) => notification.read_at === null)
        .sort((a, b) => b.id - a.id);
      expect(unread.length, 'more than a page of unread notifications').to.be.greaterThan(20);
      const pages: string[] = [];
      const listener = ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        if (!url.pathname.endsWith('/notifications')) return;
        pages.push(`${url.searchParams.get('status')}:${url.searchParams.get('page')}`);
      };
      worker.events.on('request:start', listener);
      try {
        const element = await bell();
        await openPanel(element);
        element.shadowRoot!.querySelector<HTMLElement>('#tab-unread')!.click();
        await waitUntil(
          () => parts(element, 'item')[0]?.dataset.id === String(unread[0].id),
          'the unread tab did not load',
          WAIT,
        );
        expect(parts(element, 'item')).to.have.length(20);

        part(element, 'load-more')!.click();
        await waitUntil(() => parts(element, 'item').length > 20, 'no second page', WAIT);

        const shown = parts(element, 'item');
        expect(shown.map((item) => itemId(item))).to.deep.equal(
          unread.slice(0, 40).map((notification) => notification.id),
        );
        expect(shown.every((item) => part(item, 'unread-dot'))).to.equal(true);
        expect(pages).to.deep.equal(['all:1', 'unread:1', 'unread:2']);
      } finally {
        worker.events.removeListener('request:start', listener);
      }
    });

    it('loads the next page when the list is scrolled to its end', async () => {
      const element = await bell();
      await openPanel(element);
      await nextFrame();
      expect(parts(element, 'item')).to.have.length(20);

      const scroller = panel(element);
      scroller.scrollTop = scroller.scrollHeight;
      await waitUntil(() => parts(element, 'item').length > 20, 'no second page', WAIT);

      const ids = parts(element, 'item').map((item) => itemId(item));
      const expected = [...sandbox.db.notifications]
        .sort((a, b) => b.id - a.id)
        .slice(0, ids.length)
        .map((notification) => notification.id);
      expect(ids).to.deep.equal(expected);
    });

    it('shows an error with a retry that loads the list', async () => {
      let failed = true;
      worker.use(
        http.get(`${API}/notifications`, () =>
          failed ? HttpResponse.json({ success: false }, { status: 500 }) : undefined,
        ),
      );
      const element = await bell();
      bellButton(element).click();

      await waitUntil(() => part(element, 'error'), 'no error state', WAIT);
      expect(text(part(element, 'error'))).to.include(msg('errorServer'));

      failed = false;
      part(element, 'retry-button')!.click();
      await waitUntil(
        () => parts(element, 'item').length > 0,
        'no notifications after retry',
        WAIT,
      );
      expect(part(element, 'error')).to.equal(null);
    });

    it('shows a signed-out visitor the bell without a count, and the sign-in state', async () => {
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
      expect(part(element, 'tabs')).to.equal(null);
    });
  });

  describe('opening a notification', () => {
    it('marks it read and tells the host page first', async () => {
      document.addEventListener('click', preventNavigation);
      const opened: CircleNotificationOpenEvent[] = [];
      const element = await bell();
      element.addEventListener('circle-notification-open', (event) => opened.push(event));
      await openPanel(element);

      const item = firstUnreadItem(element);
      const link = item.querySelector('a')!;
      const record = stored(itemId(item))!;
      expect(record.read_at).to.equal(null);

      link.click();
      await element.updateComplete;

      expect(opened).to.have.length(1);
      expect(opened[0].notification.id).to.equal(record.id);
      expect(opened[0].url).to.equal(link.href);
      expect(part(item, 'unread-dot')).to.equal(null);
      expect(text(item)).not.to.include(msg('unread'));
      await waitUntil(() => record.read_at !== null, 'not saved in the sandbox', WAIT);
    });

    it('lets the host page cancel the navigation, and still marks it read', async () => {
      const clicks: boolean[] = [];
      const recordClick = (event: Event) => {
        clicks.push(event.defaultPrevented);
        event.preventDefault();
      };
      try {
        const element = await bell();
        element.addEventListener('circle-notification-open', (event) => event.preventDefault());
        await openPanel(element);
        const item = firstUnreadItem(element);
        const record = stored(itemId(item))!;

        document.addEventListener('click', recordClick);
        item.querySelector('a')!.click();
        await element.updateComplete;

        expect(clicks, 'the link did not navigate').to.deep.equal([true]);
        expect(part(item, 'unread-dot')).to.equal(null);
        await waitUntil(() => record.read_at !== null, 'not saved in the sandbox', WAIT);
      } finally {
        document.removeEventListener('click', recordClick);
      }
    });

    it('brings the dot back when marking it read fails', async () => {
      document.addEventListener('click', preventNavigation);
      failing('post', '/notifications/:id/mark_as_read');
      const element = await bell();
      await openPanel(element);

      const item = firstUnreadItem(element);
      item.querySelector('a')!.click();

      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
      expect(notice(element)).to.equal(msg('markReadFailed'));
      expect(part(item, 'unread-dot')).to.exist;
    });
  });

  describe("a notification's options", () => {
    it('is a button named after the notification, with a list of options', async () => {
      const element = await bell();
      await openPanel(element);
      const item = firstUnreadItem(element);
      const button = part(item, 'menu-button')!;

      const sentence = text(item.querySelector('.sentence'));
      expect(accessibleName(button)).to.equal(
        msg('notificationOptions', { notification: sentence }),
      );
      expect(button.getAttribute('aria-expanded')).to.equal('false');

      const options = await openMenu(element, item);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(button.getAttribute('aria-controls')).to.equal(part(item, 'menu')!.id);
      expect(options.map((option) => text(option))).to.deep.equal([
        msg('notificationMarkRead'),
        msg('notificationArchive'),
        msg('notificationDelete'),
      ]);
      expectFocus(element, options[0]);

      const readItem = parts(element, 'item').find((candidate) => !part(candidate, 'unread-dot'))!;
      const readOptions = await openMenu(element, readItem);
      expect(part(item, 'menu'), 'one menu at a time').to.equal(null);
      expect(readOptions.map((option) => text(option))).to.deep.equal([
        msg('notificationArchive'),
        msg('notificationDelete'),
      ]);
    });

    it('moves with the arrow keys, and Esc closes it and refocuses its button', async () => {
      const element = await bell();
      await openPanel(element);
      const item = firstUnreadItem(element);
      part(item, 'menu-button')!.focus();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(item, 'menu'), 'no options shown', WAIT);
      const options = parts(item, 'menu-option');
      expectFocus(element, options[0]);

      await sendKeys({ press: 'ArrowDown' });
      expectFocus(element, options[1]);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expectFocus(element, options[2], 'wraps around');
      await sendKeys({ press: 'Home' });
      expectFocus(element, options[0]);

      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(part(item, 'menu')).to.equal(null);
      expectFocus(element, part(item, 'menu-button'));
      expect(panelShown(element), 'Esc in the options keeps the panel open').to.equal(true);

      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => part(item, 'menu'), 'ArrowUp did not open the options', WAIT);
      expectFocus(element, parts(item, 'menu-option').at(-1));

      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(panelShown(element)).to.equal(false);
      expectFocus(element, bellButton(element));
    });

    it('closes on a click elsewhere', async () => {
      const element = await bell();
      await openPanel(element);
      const item = firstUnreadItem(element);
      await openMenu(element, item);

      part(element, 'panel-header')!.click();
      await element.updateComplete;
      expect(part(item, 'menu')).to.equal(null);
      expect(panelShown(element)).to.equal(true);
    });

    it('marks one read', async () => {
      const element = await fixture<SpyNotifications>(
        html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
      );
      await openPanel(element);
      const item = firstUnreadItem(element);
      const id = itemId(item);

      await choose(element, item, 'notificationMarkRead');

      expect(part(item, 'unread-dot')).to.equal(null);
      expectFocus(element, part(item, 'menu-button'));
      await waitUntil(() => stored(id)!.read_at !== null, 'not saved in the sandbox', WAIT);
      await waitUntil(() => element.changes.length > 0, 'no change reported', WAIT);
      expect(element.changes).to.deep.equal([{ type: 'read', id }]);
    });

    it('brings the dot back with a message when marking one read fails', async () => {
      failing('post', '/notifications/:id/mark_as_read', 150);
      const element = await fixture<SpyNotifications>(
        html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
      );
      await openPanel(element);
      const item = firstUnreadItem(element);

      await choose(element, item, 'notificationMarkRead');
      expect(part(item, 'unread-dot')).to.equal(null);

      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
      expect(notice(element)).to.equal(msg('markReadFailed'));
      expect(part(item, 'unread-dot')).to.exist;
      expect(stored(itemId(item))!.read_at).to.equal(null);
      expect(element.changes).to.deep.equal([]);
    });

    it('keeps the message until marking that one read goes through', async () => {
      let refusing = true;
      worker.use(
        http.post(`${API}/notifications/:id/mark_as_read`, () =>
          refusing
            ? HttpResponse.json({ success: false, message: 'Server error' }, { status: 500 })
            : undefined,
        ),
      );
      const element = await fixture<SpyNotifications>(
        html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
      );
      await openPanel(element);
      const unread = parts(element, 'item').filter((item) => part(item, 'unread-dot'));
      expect(unread.length, 'the list should hold two unread notifications').to.be.above(1);
      const [first, second] = unread.map(itemId);
      const item = (id: number) => parts(element, 'item').find((each) => itemId(each) === id)!;
      const saved = (id: number) =>
        waitUntil(
          () => element.changes.some((change) => change.type === 'read' && change.id === id),
          `marking ${id} read was not saved`,
          WAIT,
        );

      await choose(element, item(first), 'notificationMarkRead');
      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
      expect(part(item(first), 'unread-dot')).to.exist;
      // Another notification marked read says nothing about the first one.
      refusing = false;
      await choose(element, item(second), 'notificationMarkRead');
      await saved(second);
      await element.updateComplete;
      expect(part(item(second), 'unread-dot')).to.equal(null);
      expect(notice(element), 'withdrawn by another notification').to.equal(msg('markReadFailed'));

      await choose(element, item(first), 'notificationMarkRead');
      await saved(first);
      await element.updateComplete;
      expect(part(item(first), 'unread-dot')).to.equal(null);
      expect(stored(first)!.read_at).not.to.equal(null);
      expect(part(element, 'notice')).to.equal(null);
    });

    it("takes back a failed mark-read's message once Mark all as read goes through", async () => {
      worker.use(
        http.post(`${API}/notifications/:id/mark_as_read`, () =>
          HttpResponse.json({ success: false, message: 'Server error' }, { status: 500 }),
        ),
      );
      const element = await fixture<SpyNotifications>(
        html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
      );
      await openPanel(element);
      const unread = parts(element, 'item').find((item) => part(item, 'unread-dot'))!;

      await choose(element, unread, 'notificationMarkRead');
      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
      part(element, 'mark-all-button')!.click();
      await waitUntil(
        () => element.changes.some((change) => change.type === 'all-read'),
        'Mark all as read was not saved',
        WAIT,
      );
      await element.updateComplete;
      expect(part(element, 'notice')).to.equal(null);
      expect(parts(element, 'unread-dot')).to.have.length(0);
    });

    for (const action of ['archive', 'delete'] as const) {
      const option = action === 'archive' ? 'notificationArchive' : 'notificationDelete';

      it(`${action}s one, and focus moves to the next`, async () => {
        const element = await fixture<SpyNotifications>(
          html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
        );
        await openPanel(element);
        const [first, second] = parts(element, 'item');
        const id = itemId(first);

        await choose(element, first, option);
        await element.updateComplete;

        expect(parts(element, 'item').map((item) => itemId(item))).not.to.include(id);
        expectFocus(element, second.querySelector('a'));
        const saved = () =>
          action === 'archive'
            ? sandbox.db.archivedNotificationIds.has(id)
            : stored(id) === undefined;
        await waitUntil(saved, 'not saved in the sandbox', WAIT);
        await waitUntil(() => element.changes.length > 0, 'no change reported', WAIT);
        expect(element.changes).to.deep.equal([{ type: 'removed', id }]);
        const said = action === 'archive' ? 'notificationArchived' : 'notificationDeleted';
        expect(announcement(element)).to.equal(msg(said));
        expect(part(element, 'notice')).to.equal(null);
      });

      it(`puts one back where it was, with a message, when the ${action} fails`, async () => {
        if (action === 'archive') failing('post', '/notifications/:id/archive', 150);
        else failing('delete', '/notifications/:id', 150);
        const element = await bell();
        await openPanel(element);
        const before = parts(element, 'item').map((item) => itemId(item));
        const item = parts(element, 'item')[2];

        await choose(element, item, option);
        expect(parts(element, 'item').map((candidate) => itemId(candidate))).to.deep.equal(
          before.filter((id) => id !== itemId(item)),
        );

        await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
        expect(notice(element)).to.equal(
          msg(action === 'archive' ? 'archiveFailed' : 'deleteFailed'),
        );
        expect(parts(element, 'item').map((candidate) => itemId(candidate))).to.deep.equal(before);
        expect(stored(itemId(item))).to.exist;
        expect(sandbox.db.archivedNotificationIds.has(itemId(item))).to.equal(false);
      });
    }
  });

  describe('mark all as read', () => {
    it('clears every dot at once and keeps it when Circle agrees', async () => {
      const element = await fixture<SpyNotifications>(
        html`<spy-notifications token-endpoint=${ENDPOINT}></spy-notifications>`,
      );
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
      expect(element.changes).to.deep.equal([{ type: 'all-read' }]);
    });

    it('brings every dot back with a message when it fails', async () => {
      failing('post', '/notifications/mark_all_as_read', 200);
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
      expect(notice(element)).to.equal(msg('markAllReadFailed'));
      expect(parts(element, 'unread-dot')).to.have.length(unreadBefore);
      expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
    });
  });

  describe('for live updates and other tabs', () => {
    it('changes the list without asking Circle', async () => {
      const calls = [
        countCalls('post', '/notifications/:id/mark_as_read'),
        countCalls('post', '/notifications/mark_all_as_read'),
        countCalls('post', '/notifications/:id/archive'),
        countCalls('delete', '/notifications/:id'),
      ];
      const element = await bell();
      await openPanel(element);

      const item = firstUnreadItem(element);
      element.markReadLocally(itemId(item));
      await element.updateComplete;
      expect(part(item, 'unread-dot')).to.equal(null);

      const gone = itemId(parts(element, 'item')[0]);
      element.removeLocally(gone);
      await element.updateComplete;
      expect(parts(element, 'item').map((candidate) => itemId(candidate))).not.to.include(gone);

      element.markAllReadLocally();
      await element.updateComplete;
      expect(parts(element, 'unread-dot')).to.have.length(0);
      expect(calls.map((call) => call.count)).to.deep.equal([0, 0, 0, 0]);
    });
  });

  describe('the title badge', () => {
    let originalTitle = '';
    beforeEach(() => {
      originalTitle = document.title;
      document.title = 'My site';
    });
    afterEach(() => {
      document.title = originalTitle;
    });

    it('puts the count before the title without stacking, and restores it', async () => {
      const expected = sandbox.db.counts.new_notifications_count;
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <circle-notifications token-endpoint=${ENDPOINT} title-badge></circle-notifications>
        </div>`,
      );
      const element = wrapper.querySelector('circle-notifications')!;
      await waitUntil(() => document.title === `(${expected}) My site`, document.title, WAIT);

      element.applyCount(4);
      await element.updateComplete;
      element.applyCount(7);
      await element.updateComplete;
      expect(document.title).to.equal('(7) My site');

      element.applyCount(150);
      await element.updateComplete;
      expect(document.title).to.equal('(99+) My site');

      element.applyCount(0);
      await element.updateComplete;
      expect(document.title).to.equal('My site');

      element.applyCount(2);
      await element.updateComplete;
      document.title = 'Another page';
      element.applyCount(3);
      await element.updateComplete;
      expect(document.title, 'the host changed its title').to.equal('(3) Another page');

      element.remove();
      expect(document.title).to.equal('Another page');
    });

    it('leaves the title alone without the attribute', async () => {
      const element = await bell();
      await badgeLoaded(element);
      element.applyCount(5);
      await element.updateComplete;
      expect(document.title).to.equal('My site');
    });
  });

  describe('variants and attributes', () => {
    it('shows the list in the page with variant="inline"', async () => {
      const resets = countCalls('post', '/notifications/reset_new_notifications_count');
      const element = await fixture<CircleNotifications>(
        html`<circle-notifications
          token-endpoint=${ENDPOINT}
          variant="inline"
        ></circle-notifications>`,
      );
      await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);

      expect(part(element, 'bell')).to.equal(null);
      expect(panel(element).hasAttribute('popover')).to.equal(false);
      expect(panel(element).checkVisibility()).to.equal(true);
      expect(panel(element).getBoundingClientRect().width).to.be.closeTo(
        element.getBoundingClientRect().width,
        1,
      );
      expect(parts(element, 'tab')).to.have.length(2);
      await waitUntil(() => resets.count === 1, 'the count was not reset', WAIT);

      element.shadowRoot!.querySelector<HTMLElement>('#tab-unread')!.click();
      await waitUntil(
        () =>
          parts(element, 'item').length > 0 &&
          parts(element, 'item').every((item) => part(item, 'unread-dot')),
        'the unread tab did not load',
        WAIT,
      );

      const violations = await axe.run(element);
      expect(violations.violations, JSON.stringify(violations.violations, null, 2)).to.deep.equal(
        [],
      );
    });

    it('warns about an unknown variant or placement and falls back to the bell', async () => {
      let element!: CircleNotifications;
      const logged = await captureWarnings(async () => {
        element = await fixture<CircleNotifications>(
          html`<circle-notifications
            token-endpoint=${ENDPOINT}
            variant="drawer"
            placement="left"
          ></circle-notifications>`,
        );
      });

      expect(bellButton(element)).to.exist;
      expect(logged.filter((line) => line.includes('variant="drawer"'))).to.have.length(1);
      expect(logged.filter((line) => line.includes('placement="left"'))).to.have.length(1);

      await openPanel(element);
      const warnings = parts(element, 'config-warning').map((warning) => text(warning));
      expect(warnings.some((warning) => warning.includes('variant="drawer"'))).to.equal(true);
      const { panel: box, bell: anchor } = await boxes(element);
      expect(box.top, 'bottom-end by default').to.be.at.least(anchor.bottom);
    });
  });

  describe('accessibility', () => {
    /** Targets inside a shadow root are chains of selectors: proof that axe looked inside. */
    const inShadow = (results: AxeResults) =>
      results.passes.some((rule) =>
        rule.nodes.some((node) => node.target.some((selector) => Array.isArray(selector))),
      );

    it('has no violations, closed, open, on the unread tab and with options open', async () => {
      const element = await bell();
      await badgeLoaded(element);

      const closed = await axe.run(element);
      expect(closed.violations, JSON.stringify(closed.violations, null, 2)).to.deep.equal([]);
      expect(inShadow(closed), 'axe did not inspect the shadow root').to.equal(true);

      await openPanel(element);
      const open = await axe.run(element);
      expect(open.violations, JSON.stringify(open.violations, null, 2)).to.deep.equal([]);
      expect(inShadow(open)).to.equal(true);
      const linkNames = open.passes.find((rule) => rule.id === 'link-name');
      const links = element.shadowRoot!.querySelectorAll('[part~="item"] a');
      expect(links.length).to.be.greaterThan(0);
      expect(linkNames?.nodes, 'axe did not inspect the notifications').to.have.length(
        links.length,
      );

      await openMenu(element, firstUnreadItem(element));
      const withMenu = await axe.run(element);
      expect(withMenu.violations, JSON.stringify(withMenu.violations, null, 2)).to.deep.equal([]);

      element.shadowRoot!.querySelector<HTMLElement>('#tab-unread')!.click();
      await waitUntil(() => parts(element, 'item').length > 0, 'no unread notifications', WAIT);
      const unread = await axe.run(element);
      expect(unread.violations, JSON.stringify(unread.violations, null, 2)).to.deep.equal([]);
    });
  });
  describe('untranslated actions', () => {
    it('shows a plain verb where Circle sent an untranslated key', async () => {
      const record = sandbox.db.notifications.find((notification) =>
        /^translation missing/i.test(String(notification.display_action)),
      );
      expect(record, 'the sandbox keeps one untranslated record').to.exist;
      // The newest id comes first, so it is on the first page.
      record!.created_at = new Date().toISOString();
      record!.id = Math.max(...sandbox.db.notifications.map((notification) => notification.id)) + 1;

      const element = await bell();
      await openPanel(element);
      const item = parts(element, 'item').find((candidate) => itemId(candidate) === record!.id);
      expect(item, 'the record is listed').to.exist;
      expect(text(item!)).not.to.match(/translation missing/i);
      expect(text(item!)).to.include(`${record!.actor_name} ${msg('notificationActionFallback')}`);
    });
  });

  describe('live updates', () => {
    it('checks the count again when the page regains focus, and announces new ones', async () => {
      const element = await bell();
      await badgeLoaded(element);

      sandbox.db.counts.new_notifications_count = 7;
      window.dispatchEvent(new Event('focus'));

      await waitUntil(() => text(part(element, 'badge')) === '7', 'the badge did not update', WAIT);
      expect(bellName(element)).to.include('7');
      await waitUntil(() => announcement(element) !== '', 'nothing was announced', WAIT);
    });

    it('keeps the last badge when the count answer has no count in it', async () => {
      const element = await bell();
      const expected = sandbox.db.counts.new_notifications_count;
      await badgeLoaded(element);

      let answered = 0;
      worker.use(
        http.get(`${API}/notifications/new_notifications_count`, () => {
          answered += 1;
          return HttpResponse.json({ new_mentions_count: 0, new_inbox_count: 0 });
        }),
      );
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => answered === 1, 'the count was not asked for again', WAIT);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await element.updateComplete;

      expect(text(part(element, 'badge'))).to.equal(String(expected));
      expect(bellName(element)).to.equal(msg('notificationsButtonCount', { count: expected }));
    });

    it('polls once for two widgets on a page, and shares counts and reads between them', async () => {
      const countChecks = countCalls('get', '/notifications/new_notifications_count');
      const page = await fixture<HTMLDivElement>(
        html`<div>
          <circle-notifications token-endpoint=${ENDPOINT} variant="inline"></circle-notifications>
          <circle-notifications token-endpoint=${ENDPOINT} variant="inline"></circle-notifications>
        </div>`,
      );
      const [first, second] = page.querySelectorAll('circle-notifications');
      for (const element of [first, second]) {
        await waitUntil(() => parts(element, 'item').length > 0, 'no notifications shown', WAIT);
      }
      await waitUntil(() => countChecks.count >= 1, 'the count was never checked', WAIT);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(countChecks.count, 'each widget polled for itself').to.equal(1);

      // A read in one widget shows in the other without another request.
      const unread = firstUnreadItem(first);
      const id = itemId(unread);
      const twin = parts(second, 'item').find((item) => itemId(item) === id)!;
      expect(part(twin, 'unread-dot'), 'the twin should start unread').to.exist;
      await choose(first, unread, 'notificationMarkRead');
      await waitUntil(() => !part(twin, 'unread-dot'), 'the read did not reach the twin', WAIT);
    });
  });
});
