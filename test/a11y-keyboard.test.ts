// Keyboard paths through every element, where focus goes when things open, close, load and
// disappear, and what the live regions say. Keys are real key presses (sendKeys).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow, shadowAll, textOf } from './support/dom.js';
import type { CircleElement } from '../src/elements/circle-element.js';
import type { CirclePostOpenEvent } from '../src/events.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-notifications/circle-notifications.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 6000 };

// -------------------------------------------------------------------------------------------
// Helpers

async function mount(tag: string, attributes = ''): Promise<CircleElement> {
  const container = await fixture<HTMLDivElement>(
    `<div><button class="before">Before</button>
    <${tag} token-endpoint="/api/circle-token" ${attributes}></${tag}></div>`,
  );
  return container.querySelector<CircleElement>(tag)!;
}

const part = (root: Element, name: string) =>
  (root.shadowRoot ?? root).querySelector<HTMLElement>(`[part~="${name}"]`);

const parts = (root: Element, name: string) => [
  ...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

async function shown(element: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => shadow(element, selector), `nothing matched ${selector}`, WAIT);
  return shadow<HTMLElement>(element, selector)!;
}

/** What has focus in `element`'s shadow tree. */
const focused = (element: Element) => element.shadowRoot!.activeElement as HTMLElement | null;

function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  const name = node.getAttribute('part') ?? node.getAttribute('class') ?? '';
  return `<${node.localName} ${name}> "${(node.getAttribute('aria-label') ?? textOf(node)).slice(0, 40)}"`;
}

/** Compares identities, describing both sides on failure (chai would walk a whole DOM). */
function expectFocusOn(element: Element, target: Element | null | undefined, why = ''): void {
  const actual = focused(element);
  expect(
    actual === target,
    `${why}: focus is on ${describeNode(actual)}, not ${describeNode(target)}`,
  ).to.be.true;
}

/** Tabs in from the button before the element, as a keyboard user arrives. */
async function tabInto(element: Element): Promise<void> {
  element.parentElement!.querySelector<HTMLElement>('.before')!.focus();
  await sendKeys({ press: 'Tab' });
}

/** Presses `key` until focus is on a node that `wanted` accepts; fails after `limit` presses. */
async function pressUntil(
  element: Element,
  wanted: (node: HTMLElement) => boolean,
  key = 'Tab',
  limit = 40,
): Promise<HTMLElement> {
  for (let press = 0; press < limit; press++) {
    const node = focused(element);
    if (node && wanted(node)) return node;
    await sendKeys({ press: key });
  }
  throw new Error(
    `${key} never reached the control; focus is on ${describeNode(focused(element))}`,
  );
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Controls a reader can Tab to inside `scope`, in document order. */
function tabStops(scope: Element): HTMLElement[] {
  return [
    ...scope.querySelectorAll<HTMLElement>(
      'a[href], button, select, textarea, input, [tabindex="0"]',
    ),
  ].filter(
    (node) =>
      !node.matches('[disabled], [tabindex="-1"]') && node.getBoundingClientRect().width > 0,
  );
}

/** The text of the polite live regions in `element`. */
const spoken = (element: Element) =>
  shadowAll(element, '[role="status"]:not([aria-busy])').map((region) => textOf(region));

const firstPost = () =>
  [...sandbox.db.posts].sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))[0];

/** A post whose conversation is open, with more comments than `perPage`. */
function talkativePost(perPage: number) {
  return sandbox.db.posts.find(
    (post) =>
      post.name &&
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      sandbox.db.comments.filter(
        (comment) => comment.post_id === post.id && !comment.parent_comment_id,
      ).length > perPage,
  )!;
}

describe('keyboard and focus', function () {
  // Each test waits on several answers from the sandbox, and a few on retries.
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  // -----------------------------------------------------------------------------------------
  describe('<circle-feed>', () => {
    it("Tab goes through a card's controls in reading order; Enter on its title opens it", async () => {
      const element = await mount('circle-feed');
      await shown(element, 'article [part~="title-link"]');
      const card = shadow(element, 'article[aria-posinset="1"]')!;
      const expected = tabStops(card);
      expect(expected.length, 'a card has several controls').to.be.above(3);

      await tabInto(element);
      const visited: HTMLElement[] = [];
      while (card.contains(focused(element)) && visited.length < 20) {
        visited.push(focused(element)!);
        await sendKeys({ press: 'Tab' });
      }
      expect(visited.map(describeNode)).to.deep.equal(expected.map(describeNode));
      expect(visited.map((node) => node.getAttribute('part'))).to.include.members([
        'title-link',
        'button like-button',
        'button bookmark-button',
      ]);

      const opened: CirclePostOpenEvent[] = [];
      element.addEventListener('circle-post-open', (event) => {
        event.preventDefault();
        opened.push(event as CirclePostOpenEvent);
      });
      await tabInto(element);
      expectFocusOn(element, part(card, 'title-link'), 'the first stop is the title');
      await sendKeys({ press: 'Enter' });
      expect(opened.map((event) => event.post.id)).to.deep.equal([Number(card.dataset.postId)]);
    });

    it('Space and Enter like and bookmark; focus stays on the button', async () => {
      const element = await mount('circle-feed');
      await shown(element, 'article [part~="like-button"]');
      await tabInto(element);
      const like = await pressUntil(element, (node) => node.matches('[part~="like-button"]'));
      const wasLiked = like.getAttribute('aria-pressed');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => like.getAttribute('aria-pressed') !== wasLiked, 'not liked', WAIT);
      expectFocusOn(element, like, 'after liking');

      await sendKeys({ press: 'Tab' });
      const bookmark = focused(element)!;
      expect(bookmark.getAttribute('part')).to.contain('bookmark-button');
      const wasBookmarked = bookmark.getAttribute('aria-pressed');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => bookmark.getAttribute('aria-pressed') !== wasBookmarked, '', WAIT);
      expectFocusOn(element, bookmark, 'after bookmarking');
    });

    it('"Load more" moves focus to the first new post and says how many came', async () => {
      const element = await mount('circle-feed', 'per-page="3" paging="button"');
      await shown(element, 'article[aria-posinset="3"]');
      const button = await shown(element, '[part~="load-more"]');
      const expectedId = [...sandbox.db.posts].sort(
        (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at),
      )[3].id;

      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(element)?.matches('article'), 'focus did not move', WAIT);
      expect(focused(element)!.getAttribute('aria-posinset')).to.equal('4');
      expect(focused(element)!.dataset.postId).to.equal(String(expectedId));
      expect(spoken(element)).to.include(msg('morePostsLoaded', { count: 3 }));

      // The next Tab goes on into that post, not back to the top of the page.
      await sendKeys({ press: 'Tab' });
      expect(focused(element)!.closest('article')!.getAttribute('aria-posinset')).to.equal('4');
    });

    it('the last page takes the button away, and focus still lands on a new post', async () => {
      const posts = [...sandbox.db.posts].slice(0, 8);
      worker.use(
        http.get(`${API}/home`, ({ request }) => {
          const page = Number(new URL(request.url).searchParams.get('page'));
          const records = page === 1 ? posts.slice(0, 5) : posts.slice(5);
          return HttpResponse.json({ page, per_page: 5, has_next_page: page === 1, records });
        }),
      );
      const element = await mount('circle-feed', 'per-page="5" paging="button"');
      const button = await shown(element, '[part~="load-more"]');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !part(element, 'load-more'), 'the last page did not arrive', WAIT);
      await waitUntil(() => focused(element)?.matches('article'), 'focus was lost', WAIT);
      expect(focused(element)!.getAttribute('aria-posinset')).to.equal('6');
      expect(focused(element)!.dataset.postId).to.equal(String(posts[5].id));
      expect(spoken(element)).to.include(msg('morePostsLoaded', { count: 3 }));
    });

    it('the picture viewer opens with Enter, and Esc gives focus back to the picture', async () => {
      const element = await mount('circle-feed', 'per-page="20"');
      await shown(element, 'article');
      const thumbnail = await shown(element, '[part~="gallery-item"]');
      thumbnail.scrollIntoView({ block: 'center' });
      thumbnail.focus();
      await sendKeys({ press: 'Enter' });
      const viewer = await shown(element, 'dialog[part~="viewer"]');
      await waitUntil(() => (viewer as HTMLDialogElement).open, 'the viewer did not open', WAIT);
      expect(viewer.contains(focused(element))).to.equal(true);

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(element, 'viewer'), 'the viewer did not close', WAIT);
      expectFocusOn(element, thumbnail, 'after Esc');
    });
  });

  // -----------------------------------------------------------------------------------------
  describe('<circle-post>', () => {
    it('writes and sends a comment with the keyboard, then deletes it; focus moves on', async () => {
      const post = talkativePost(1);
      const element = await mount('circle-post', `space="${post.space.slug}" post="${post.slug}"`);
      await shown(element, '[part~="comment"]');
      const composer = await shown(element, 'section > [part~="composer"] textarea');

      // Two comments of one's own, sent by keyboard: type, Tab to "Send", Enter.
      const sent: string[] = [];
      for (const words of ['First from the keyboard', 'Second from the keyboard']) {
        shadow(element, '[part~="sort"]')!.focus();
        const field = await pressUntil(element, (node) => node === composer);
        await sendKeys({ type: words });
        await sendKeys({ press: 'Tab' });
        expect(focused(element)!.getAttribute('part')).to.contain('submit-button');
        await sendKeys({ press: 'Enter' });
        await waitUntil(
          () => shadowAll(element, '[part~="comment-body"]').some((body) => textOf(body) === words),
          `"${words}" did not appear`,
          WAIT,
        );
        expect((field as HTMLTextAreaElement).value).to.equal('');
        expect(focused(element), 'focus was dropped after sending').to.not.equal(null);
        sent.push(words);
      }
      const mine = shadowAll(element, '[part~="comment"]').filter((comment) =>
        sent.includes(textOf(part(comment, 'comment-body'))),
      );
      expect(mine).to.have.length(2);

      // Delete the first: Tab to its delete button, Enter, then confirm.
      part(mine[0], 'comment-like-button')!.focus();
      await pressUntil(element, (node) => node === part(mine[0], 'delete-button'));
      await sendKeys({ press: 'Enter' });
      await shown(element, '[part~="confirm-delete"]');
      expectFocusOn(element, part(mine[0], 'confirm-no'), 'the safe answer is focused first');
      await shiftTab();
      expectFocusOn(element, part(mine[0], 'confirm-yes'));
      const [deleted, next] = mine.map((comment) => comment.id);
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => !element.shadowRoot!.getElementById(deleted),
        'the comment was not deleted',
        WAIT,
      );
      expectFocusOn(element, element.shadowRoot!.getElementById(next), 'the next comment');
    });

    it('deleting the last comment moves focus to the one before it', async () => {
      const post = talkativePost(1);
      const element = await mount('circle-post', `space="${post.space.slug}" post="${post.slug}"`);
      const composer = await shown(element, 'section > [part~="composer"] textarea');
      composer.focus();
      await sendKeys({ type: 'Short-lived' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () =>
          shadowAll(element, '[part~="comment-body"]').some(
            (body) => textOf(body) === 'Short-lived',
          ),
        'the comment did not appear',
        WAIT,
      );
      const comments = shadowAll(element, 'section [part~="comment-list"] > [part~="comment"]');
      const last = comments.at(-1)!;
      const before = comments.at(-2)!;

      part(last, 'delete-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await shown(element, '[part~="confirm-yes"]');
      part(last, 'confirm-yes')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !last.isConnected, 'the comment was not deleted', WAIT);
      expectFocusOn(element, before, 'the comment before takes focus');
    });

    it('"Load more" comments moves focus to the first new comment and says how many', async () => {
      const post = talkativePost(2);
      const element = await mount(
        'circle-post',
        `space="${post.space.slug}" post="${post.slug}" per-page="2"`,
      );
      await shown(element, '[part~="comment"]');
      const button = await shown(element, '[part~="comments"] [part~="load-more"]');
      const before = shadowAll(element, '[part~="comment-list"] > [part~="comment"]');
      expect(before).to.have.length(2);

      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => shadowAll(element, '[part~="comment-list"] > [part~="comment"]').length > 2,
        'no more comments',
        WAIT,
      );
      const third = shadowAll(element, '[part~="comment-list"] > [part~="comment"]')[2];
      await waitUntil(() => focused(element) === third, 'focus did not move', WAIT);
      const added = shadowAll(element, '[part~="comment-list"] > [part~="comment"]').length - 2;
      expect(spoken(element)).to.include(msg('moreCommentsLoaded', { count: added }));
    });

    it('the sort order changes with the keyboard', async () => {
      const post = talkativePost(1);
      const element = await mount('circle-post', `space="${post.space.slug}" post="${post.slug}"`);
      await shown(element, '[part~="comment"]');
      const select = shadow<HTMLSelectElement>(element, '[part~="sort"]')!;
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      const sortOf = () => (element as unknown as { sort: string }).sort;
      await waitUntil(() => sortOf() === 'latest', 'ArrowDown did not choose the next order', WAIT);
      expect(select.value).to.equal('latest');
      expectFocusOn(element, select, 'after choosing');
    });
  });

  // -----------------------------------------------------------------------------------------
  describe('<circle-events>', () => {
    it('RSVPs with Enter, says so politely, and keeps focus on the button', async () => {
      const element = await mount('circle-events');
      await shown(element, '[part~="rsvp-button"]');
      const button = parts(element, 'rsvp-button').find((node) => textOf(node) === msg('rsvp'))!;
      const card = button.closest<HTMLElement>('[part~="item"]')!;
      part(card, 'title')!.querySelector<HTMLElement>('a, button')!.focus();

      await pressUntil(element, (node) => node === button);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => textOf(button) === msg('cancelRsvp'), 'the RSVP did not show', WAIT);
      const going = part(card, 'going')!;
      expect(going.getAttribute('role')).to.equal('status');
      expect(textOf(going)).to.equal(msg('going'));
      expectFocusOn(element, button, 'after RSVP');

      // Space cancels, once the RSVP has been saved.
      await waitUntil(() => button.getAttribute('aria-disabled') === 'false', 'still saving', WAIT);
      await sendKeys({ press: 'Space' });
      await waitUntil(() => textOf(button) === msg('rsvp'), 'the cancel did not show', WAIT);
      expect(textOf(going)).to.equal('');
    });

    it('Enter on a title opens the detail; Esc closes it and focus returns to the title', async () => {
      const element = await mount('circle-events');
      const title = await shown(element, '[part~="item"] [part~="title"] a');
      await tabInto(element);
      await pressUntil(element, (node) => node === title);
      await sendKeys({ press: 'Enter' });
      const dialog = part(element, 'detail') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
      expectFocusOn(element, part(dialog, 'detail-close'), 'the dialog starts at its close button');

      // Tab moves on inside the modal dialog.
      for (let press = 0; press < 2; press++) {
        await sendKeys({ press: 'Tab' });
        expect(dialog.contains(focused(element)), describeNode(focused(element))).to.equal(true);
      }

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
      expectFocusOn(element, title, 'after Esc');
    });

    it('the calendar options close with Esc, back on their button', async () => {
      const element = await mount('circle-events');
      const button = await shown(element, '[part~="calendar-button"]');
      button.focus();
      await sendKeys({ press: 'Enter' });
      const menu = button.parentElement!.querySelector<HTMLElement>('[part~="calendar-menu"]')!;
      await waitUntil(() => !menu.hidden, 'the options did not open', WAIT);
      await sendKeys({ press: 'Tab' });
      expect(menu.contains(focused(element))).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => menu.hidden, 'Esc did not close the options', WAIT);
      expectFocusOn(element, button, 'after Esc');
    });

    it('month view: arrows move between days, Enter lists the day, focus goes to it', async () => {
      const element = await mount('circle-events', 'view="month"');
      await shown(element, '[part~="day-event"]');
      await tabInto(element);
      const day = await pressUntil(element, (node) => node.matches('[role="gridcell"]'));
      const start = day.dataset.day!;

      await sendKeys({ press: 'ArrowRight' });
      const next = focused(element)!;
      expect(next.dataset.day).to.not.equal(start);
      expect(Date.parse(next.dataset.day!) - Date.parse(start)).to.equal(86_400_000);
      expect(next.getAttribute('tabindex')).to.equal('0');
      await sendKeys({ press: 'ArrowDown' });
      expect(Date.parse(focused(element)!.dataset.day!) - Date.parse(next.dataset.day!)).to.equal(
        7 * 86_400_000,
      );
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(element)!.dataset.day).to.equal(start);

      await sendKeys({ press: 'Enter' });
      const panel = await shown(element, '[part~="day-panel"]');
      await waitUntil(() => panel.contains(focused(element)), 'focus did not move', WAIT);
      expect(focused(element)!.matches('.day-heading')).to.equal(true);
      expect(textOf(focused(element))).to.contain(msg('eventsOn').split('{date}')[0].trim());
    });

    it('"Load more" moves focus to the first new event and says how many', async () => {
      const element = await mount('circle-events', 'per-page="2" paging="button"');
      await shown(element, '[part~="item"] [part~="title"]');
      const button = await shown(element, '[part~="load-more"]');
      const before = parts(element, 'item').length;

      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(element, 'item').length > before, 'no more events', WAIT);
      const newTitle = parts(element, 'item')[before].querySelector(
        '[part~="title"] :is(a, button)',
      );
      await waitUntil(() => focused(element) === newTitle, 'focus did not move', WAIT);
      const added = parts(element, 'item').length - before;
      expect(spoken(element)).to.include(msg('moreEventsLoaded', { count: added }));
    });
  });

  // -----------------------------------------------------------------------------------------
  describe('<circle-notifications>', () => {
    it('bell by Enter, tabs by arrows, options by Enter; Esc twice returns to the bell', async () => {
      const element = await mount('circle-notifications');
      await shown(element, '[part~="badge"]');
      const bell = part(element, 'bell')!;
      const panel = part(element, 'panel')!;

      await tabInto(element);
      expectFocusOn(element, bell, 'Tab reaches the bell');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => panel.matches(':popover-open'), 'Enter did not open', WAIT);
      expect(bell.getAttribute('aria-expanded')).to.equal('true');
      await shown(element, '[part~="item"]');

      const all = await pressUntil(element, (node) => node.getAttribute('role') === 'tab');
      expect(all.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      const unread = focused(element)!;
      expect(unread).to.not.equal(all);
      expect(unread.getAttribute('role')).to.equal('tab');
      expect(unread.getAttribute('aria-selected')).to.equal('true');
      expect(all.getAttribute('aria-selected')).to.equal('false');
      await sendKeys({ press: 'ArrowLeft' });
      expectFocusOn(element, all, 'ArrowLeft goes back');
      await shown(element, '[part~="item"] [part~="menu-button"]');

      const menuButton = await pressUntil(element, (node) => node.matches('[part~="menu-button"]'));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => menuButton.getAttribute('aria-expanded') === 'true', 'closed', WAIT);
      const options = parts(menuButton.parentElement!, 'menu-option');
      expectFocusOn(element, options[0], 'the first option takes focus');
      await sendKeys({ press: 'ArrowDown' });
      expectFocusOn(element, options[1], 'ArrowDown moves on');

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part(element, 'menu'), 'Esc did not close the options', WAIT);
      expectFocusOn(element, menuButton, 'after the first Esc');
      expect(panel.matches(':popover-open'), 'the panel stays open').to.equal(true);

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !panel.matches(':popover-open'), 'Esc did not close', WAIT);
      expectFocusOn(element, bell, 'after the second Esc');
      expect(bell.getAttribute('aria-expanded')).to.equal('false');
    });

    it('archiving from the options moves focus to the next notification', async () => {
      const element = await mount('circle-notifications', 'variant="inline"');
      await shown(element, '[part~="item"] [part~="menu-button"]');
      const [first, second] = parts(element, 'item');
      part(first, 'menu-button')!.focus();
      await sendKeys({ press: 'Enter' });
      const archive = parts(first, 'menu-option').find(
        (option) => textOf(option) === msg('notificationArchive'),
      )!;
      await pressUntil(element, (node) => node === archive, 'ArrowDown', 5);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !first.isConnected, 'not archived', WAIT);
      expect(second.contains(focused(element)), describeNode(focused(element))).to.equal(true);
      await waitUntil(() => spoken(element).includes(msg('notificationArchived')), '', WAIT);
    });

    it('"Load more" moves focus to the first new notification and says how many', async () => {
      // Far down the page, so the list does not load its next page by itself at first.
      const container = await fixture<HTMLDivElement>(
        `<div><div style="height: 3000px"></div>
        <circle-notifications token-endpoint="/api/circle-token" variant="inline" per-page="5">
        </circle-notifications></div>`,
      );
      const element = container.querySelector<CircleElement>('circle-notifications')!;
      await waitUntil(() => parts(element, 'item').length === 5, 'no first page', WAIT);
      const button = await shown(element, '[part~="load-more"]');

      // Focus scrolls the button into view, which may start the next page before Enter does.
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => parts(element, 'item').length > 5, 'no more notifications', WAIT);
      const sixth = parts(element, 'item')[5];
      await waitUntil(() => sixth.contains(focused(element)), 'focus did not move', WAIT);
      expect(spoken(element)).to.include(msg('moreNotificationsLoaded', { count: 5 }));
    });

    it('announces a growing count politely', async () => {
      const element = await mount('circle-notifications');
      await shown(element, '[part~="badge"]');
      const count = sandbox.db.counts.new_notifications_count + 3;
      sandbox.db.counts.new_notifications_count = count;
      window.dispatchEvent(new Event('focus'));
      await waitUntil(
        () => spoken(element).some((words) => words.includes(String(count))),
        '',
        WAIT,
      );
      const region = shadowAll(element, '[role="status"]').find((node) =>
        textOf(node).includes(String(count)),
      )!;
      expect(region.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      expect(textOf(region)).to.equal(msg('notificationsNew', { count }));
    });
  });

  // -----------------------------------------------------------------------------------------
  describe('<circle-notification-preferences>', () => {
    it('Space toggles a switch; the arrow keys change a choice; focus stays put', async () => {
      let saves = 0;
      const countSaves = ({ request }: { request: Request }) => {
        if (request.method === 'PUT') saves += 1;
      };
      worker.events.on('request:start', countSaves);
      const element = await mount('circle-notification-preferences');
      await shown(element, '[part~="space-item"]');

      await tabInto(element);
      const toggle = await pressUntil(element, (node) => node.matches('[role="switch"]'));
      const was = toggle.getAttribute('aria-checked');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => toggle.getAttribute('aria-checked') !== was, 'Space did nothing', WAIT);
      await waitUntil(() => saves === 1, 'the change was not saved', WAIT);
      expectFocusOn(element, toggle, 'after Space');

      const select = (await pressUntil(element, (node) =>
        node.matches('select[part~="space-select"]'),
      )) as HTMLSelectElement;
      const chosen = select.value;
      await sendKeys({ press: chosen === 'all' ? 'ArrowDown' : 'ArrowUp' });
      await waitUntil(() => select.value !== chosen, 'the arrow did not choose', WAIT);
      await waitUntil(() => saves === 2, 'the choice was not saved', WAIT);
      expectFocusOn(element, select, 'after choosing');
      worker.events.removeListener('request:start', countSaves);
    });
  });

  // -----------------------------------------------------------------------------------------
  describe('live regions', () => {
    it('<circle-feed> "Link copied" is said politely', async () => {
      const element = await mount('circle-feed');
      const copy = await shown(element, '[part~="copy-link"]');
      copy.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => textOf(part(element, 'status')) !== '', 'nothing said', WAIT);
      expect(part(element, 'status')!.getAttribute('role')).to.equal('status');
      expect([msg('linkCopied'), msg('copyLinkFailed')]).to.include(
        textOf(part(element, 'status')),
      );
    });

    it('the regions are in the page before anything is said, so they are heard', async () => {
      worker.use(http.get(`${API}/home`, () => HttpResponse.json({ records: [firstPost()] })));
      const element = await mount('circle-feed', 'paging="button"');
      await shown(element, 'article');
      const regions = shadowAll(element, '[role="status"]');
      expect(regions.length).to.be.at.least(2);
      expect(regions.map((region) => textOf(region))).to.deep.equal(regions.map(() => ''));
    });
  });
});
