// Nothing is lost to a failure: unsent text survives failed sends and reloads, a retry never
// posts twice, every optimistic change is undone visibly with a message. And what the elements
// send goes only where it should, without cookies.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { delay, http } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow, shadowAll, textOf } from './support/dom.js';
import {
  API,
  BELL,
  ENDPOINT,
  EVENTS_LIST,
  FEED,
  INLINE,
  POST,
  PREFERENCES,
  WAIT,
  conversationPost,
  escaped,
  mount,
  serverError,
  untilShown,
} from './support/faults.js';
import { configure } from '../src/config.js';
import { draftKey } from '../src/elements/circle-post/composer.js';
import { msg } from '../src/i18n/strings.js';
import type { StringKey } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the requests `method path` and answers them with `answer` while `failing()` says so. */
function countRequests(
  method: 'post' | 'put' | 'delete',
  path: string,
  answer: () => Response | Promise<Response>,
  failing: () => boolean = () => true,
): { calls: number } {
  const seen = { calls: 0 };
  worker.use(
    http[method](path, () => {
      seen.calls += 1;
      return failing() ? answer() : undefined;
    }),
  );
  return seen;
}

/** The element's rollback message, once it shows. */
async function notice(element: HTMLElement): Promise<string> {
  await waitUntil(() => shadow(element, '[part~="notice"]'), 'no message shown', WAIT);
  return textOf(shadow(element, '[part~="notice"]'));
}

async function type(element: HTMLElement, field: HTMLTextAreaElement, text: string) {
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}

const mainComposer = (element: HTMLElement) =>
  shadow<HTMLTextAreaElement>(element, '[part~="comments"] > [part~="composer"] textarea')!;
const mainSubmit = (element: HTMLElement) =>
  shadow<HTMLButtonElement>(
    element,
    '[part~="comments"] > [part~="composer"] [part~="submit-button"]',
  )!;

async function conversation(): Promise<HTMLElement> {
  const element = await mount(POST);
  await waitUntil(() => shadow(element, '[part~="comment"]'), 'no comments shown', WAIT);
  return element;
}

const COMMENTS_PATH = `${API}/posts/:post_id/comments`;

describe('Nothing lost', function () {
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
    sessionStorage.clear();
    escaped.length = 0;
  });

  afterEach(() => configure({ timeoutMs: undefined }));

  describe('unsent comments', () => {
    it('keeps a comment whose send failed in the box and the draft, and a new element restores it', async () => {
      const post = conversationPost();
      const sends = countRequests('post', COMMENTS_PATH, serverError(500));
      const element = await conversation();
      const text = 'A thought worth keeping.\n\nWith a second paragraph.';

      await type(element, mainComposer(element), text);
      mainSubmit(element).click();
      await waitUntil(() => shadow(element, '[part~="composer-error"]'), 'no error', WAIT);

      expect(textOf(shadow(element, '[part~="composer-error"]'))).to.equal(
        msg('postCommentFailed'),
      );
      expect(mainComposer(element).value).to.equal(text);
      expect(sessionStorage.getItem(draftKey(sandbox.db.currentMemberId, post.id!))).to.equal(text);
      expect(sends.calls).to.equal(1);

      // A reload: the element goes, a new one comes.
      element.parentElement!.remove();
      const again = await conversation();
      expect(mainComposer(again).value).to.equal(text);
      expect(escaped).to.deep.equal([]);
    });

    it('keeps a reply whose send failed, and a new element reopens it with the text', async () => {
      const post = conversationPost();
      countRequests('post', `${API}/comments/:comment_id/replies`, serverError(503));
      const element = await conversation();
      const comment = shadow(element, '[part~="comment-list"] > [part~="comment"]')!;
      const commentId = Number(comment.id.replace('comment-', ''));

      comment
        .querySelector<HTMLButtonElement>(
          ':scope > [part~="comment-actions"] [part~="reply-button"]',
        )!
        .click();
      // The reply composer is the one keyed to this comment.
      const key = draftKey(sandbox.db.currentMemberId, post.id!, commentId);
      const replyField = () => shadow<HTMLTextAreaElement>(element, `[data-composer="${key}"]`);
      await waitUntil(replyField, 'no reply composer', WAIT);
      await type(element, replyField()!, 'My unsent reply');
      replyField()!.form!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();

      await waitUntil(
        () => textOf(replyField()!.form!.querySelector('[part~="composer-error"]')),
        'no error',
        WAIT,
      );
      expect(textOf(replyField()!.form!.querySelector('[part~="composer-error"]'))).to.equal(
        msg('postReplyFailed'),
      );
      expect(replyField()!.value).to.equal('My unsent reply');
      expect(sessionStorage.getItem(key)).to.equal('My unsent reply');

      element.parentElement!.remove();
      const again = await conversation();
      const restored = shadow<HTMLTextAreaElement>(again, `[data-composer="${key}"]`);
      expect(restored, 'the reply composer did not reopen').to.exist;
      expect(restored!.value).to.equal('My unsent reply');
    });

    it('sends once for a double-click, retries only after a failure, and never posts twice', async () => {
      const post = conversationPost();
      let failing = true;
      const sends = countRequests(
        'post',
        COMMENTS_PATH,
        async () => {
          await delay(300);
          return serverError(502)();
        },
        () => failing,
      );
      const element = await conversation();
      const text = `Only once ${Math.random()}`;
      await type(element, mainComposer(element), text);

      mainSubmit(element).click();
      mainSubmit(element).click();
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(mainSubmit(element).getAttribute('aria-disabled')).to.equal('true');
      mainSubmit(element).click();

      await waitUntil(() => shadow(element, '[part~="composer-error"]'), 'no error', WAIT);
      expect(mainSubmit(element).getAttribute('aria-disabled')).to.equal('false');
      await pause(500);
      expect(sends.calls, 'sent more than once, or again by itself').to.equal(1);
      expect(mainComposer(element).value).to.equal(text);

      failing = false;
      mainSubmit(element).click();
      mainSubmit(element).click();
      await waitUntil(() => mainComposer(element).value === '', 'the box was not emptied', WAIT);

      expect(sends.calls).to.equal(2);
      const saved = sandbox.db.comments.filter((comment) => comment.body_text?.includes(text));
      expect(saved, 'the comment was saved twice').to.have.length(1);
      const shown = shadowAll(element, '[part~="comment-body"]').filter((body) =>
        textOf(body).includes(text),
      );
      expect(shown).to.have.length(1);
      expect(sessionStorage.getItem(draftKey(sandbox.db.currentMemberId, post.id!))).to.equal(null);
      expect(escaped).to.deep.equal([]);
    });

    it('keeps the text of a comment whose send timed out, without sending it again', async () => {
      configure({ timeoutMs: 400 });
      const sends = countRequests('post', COMMENTS_PATH, async () => {
        await delay('infinite');
        return serverError(500)();
      });
      const element = await conversation();

      await type(element, mainComposer(element), 'Slow but kept');
      mainSubmit(element).click();
      await waitUntil(() => shadow(element, '[part~="composer-error"]'), 'no error', WAIT);

      expect(mainComposer(element).value).to.equal('Slow but kept');
      await pause(300);
      expect(sends.calls).to.equal(1);
    });
  });

  describe('optimistic changes roll back visibly', () => {
    /** Clicks `button`, checks the change shows at once, then that it is undone with `key`. */
    async function expectRollback(
      element: HTMLElement,
      button: () => HTMLElement,
      state: () => string | null,
      key: StringKey,
    ): Promise<void> {
      const before = state();
      const label = textOf(button());
      button().click();
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(state(), 'the change did not show at once').not.to.equal(before);

      expect(await notice(element)).to.equal(msg(key));
      expect(state(), 'the change was not undone').to.equal(before);
      expect(textOf(button())).to.equal(label);
      expect(escaped).to.deep.equal([]);
    }

    /** Clicks `button` and waits until Circle took the change, so that undoing it is what fails. */
    async function changeFor(button: () => HTMLElement, state: () => string | null): Promise<void> {
      const before = state();
      button().click();
      await waitUntil(
        () => state() !== before && button().getAttribute('aria-disabled') === 'false',
        'the change before the undo did not go through',
        WAIT,
      );
    }

    it("<circle-feed>: a post's like, with one request for a double-click", async () => {
      const sends = countRequests('post', `${API}/posts/:post_id/user_likes`, serverError(500));
      const element = await mount(FEED);
      await untilShown(element, FEED);
      const card = shadowAll(element, 'article[part~="item"]').find((candidate) =>
        candidate.querySelector('[part~="like-button"][aria-pressed="false"]'),
      )!;
      const like = () => card.querySelector<HTMLButtonElement>('[part~="like-button"]')!;

      const before = textOf(like());
      like().click();
      like().click();
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(like().getAttribute('aria-pressed')).to.equal('true');
      expect(like().getAttribute('aria-disabled')).to.equal('true');

      expect(await notice(element)).to.equal(msg('likeFailed'));
      expect(like().getAttribute('aria-pressed')).to.equal('false');
      expect(textOf(like())).to.equal(before);
      expect(sends.calls).to.equal(1);
    });

    it("<circle-feed>: a post's bookmark", async () => {
      countRequests('post', `${API}/bookmarks`, serverError(500));
      const element = await mount(FEED);
      await untilShown(element, FEED);
      const card = shadowAll(element, 'article[part~="item"]').find((candidate) =>
        candidate.querySelector('[part~="bookmark-button"][aria-pressed="false"]'),
      )!;
      const bookmark = () => card.querySelector<HTMLElement>('[part~="bookmark-button"]')!;

      await expectRollback(
        element,
        bookmark,
        () => bookmark().getAttribute('aria-pressed'),
        'bookmarkFailed',
      );
    });

    it("<circle-post>: a comment's like", async () => {
      countRequests('post', `${API}/comments/:comment_id/user_likes`, serverError(500));
      const element = await conversation();
      const comment = shadowAll(element, '[part~="comment"]').find((candidate) =>
        candidate.querySelector(':scope > [part~="comment-actions"] [aria-pressed="false"]'),
      )!;
      const like = () =>
        comment.querySelector<HTMLElement>(
          ':scope > [part~="comment-actions"] [part~="comment-like-button"]',
        )!;

      await expectRollback(element, like, () => like().getAttribute('aria-pressed'), 'likeFailed');
    });

    it("<circle-post>: the post's like", async () => {
      countRequests('post', `${API}/posts/:post_id/user_likes`, serverError(500));
      const post = conversationPost();
      post.is_liked = false;
      const element = await conversation();
      const like = () => shadow<HTMLElement>(element, '[part~="actions"] [part~="like-button"]')!;

      await expectRollback(element, like, () => like().getAttribute('aria-pressed'), 'likeFailed');
    });

    it('<circle-events>: an RSVP', async () => {
      countRequests('post', `${API}/events/:event_id/event_attendees`, serverError(500));
      const element = await mount(EVENTS_LIST);
      await untilShown(element, EVENTS_LIST);
      const card = shadowAll(element, '[part~="item"]').find(
        (candidate) => textOf(candidate.querySelector('[part~="rsvp-button"]')) === msg('rsvp'),
      );
      expect(card, 'no event open for RSVP').to.exist;
      const rsvp = () => card!.querySelector<HTMLElement>('[part~="rsvp-button"]')!;

      await expectRollback(element, rsvp, () => textOf(rsvp()), 'rsvpFailed');
    });

    it("<circle-feed>: taking back a post's like", async () => {
      const sends = countRequests('delete', `${API}/posts/:post_id/user_likes`, serverError(500));
      const element = await mount(FEED);
      await untilShown(element, FEED);
      const card = shadowAll(element, 'article[part~="item"]').find((candidate) =>
        candidate.querySelector('[part~="like-button"][aria-pressed="false"]'),
      )!;
      const like = () => card.querySelector<HTMLElement>('[part~="like-button"]')!;
      const pressed = () => like().getAttribute('aria-pressed');
      await changeFor(like, pressed);
      expect(pressed()).to.equal('true');

      await expectRollback(element, like, pressed, 'unlikeFailed');
      expect(sends.calls).to.equal(1);
    });

    it("<circle-feed>: removing a post's bookmark", async () => {
      const sends = countRequests('delete', `${API}/bookmarks/:id`, serverError(500));
      const element = await mount(FEED);
      await untilShown(element, FEED);
      const card = shadowAll(element, 'article[part~="item"]').find((candidate) =>
        candidate.querySelector('[part~="bookmark-button"][aria-pressed="false"]'),
      )!;
      const bookmark = () => card.querySelector<HTMLElement>('[part~="bookmark-button"]')!;
      const pressed = () => bookmark().getAttribute('aria-pressed');
      await changeFor(bookmark, pressed);
      expect(pressed()).to.equal('true');

      await expectRollback(element, bookmark, pressed, 'unbookmarkFailed');
      expect(sends.calls).to.equal(1);
    });

    it("<circle-post>: taking back the post's like", async () => {
      const sends = countRequests('delete', `${API}/posts/:post_id/user_likes`, serverError(500));
      conversationPost().is_liked = true;
      const element = await conversation();
      const like = () => shadow<HTMLElement>(element, '[part~="actions"] [part~="like-button"]')!;
      const pressed = () => like().getAttribute('aria-pressed');
      expect(pressed()).to.equal('true');

      await expectRollback(element, like, pressed, 'unlikeFailed');
      expect(sends.calls).to.equal(1);
    });

    it("<circle-post>: taking back a comment's like", async () => {
      const sends = countRequests(
        'delete',
        `${API}/comments/:comment_id/user_likes`,
        serverError(500),
      );
      const element = await conversation();
      const comment = shadowAll(element, '[part~="comment"]').find((candidate) =>
        candidate.querySelector(':scope > [part~="comment-actions"] [aria-pressed="false"]'),
      )!;
      const like = () =>
        comment.querySelector<HTMLElement>(
          ':scope > [part~="comment-actions"] [part~="comment-like-button"]',
        )!;
      const pressed = () => like().getAttribute('aria-pressed');
      await changeFor(like, pressed);
      expect(pressed()).to.equal('true');

      await expectRollback(element, like, pressed, 'unlikeFailed');
      expect(sends.calls).to.equal(1);
    });

    it('<circle-events>: cancelling an RSVP', async () => {
      const sends = countRequests(
        'delete',
        `${API}/events/:event_id/event_attendees`,
        serverError(500),
      );
      const element = await mount(EVENTS_LIST);
      await untilShown(element, EVENTS_LIST);
      const card = shadowAll(element, '[part~="item"]').find(
        (candidate) => textOf(candidate.querySelector('[part~="rsvp-button"]')) === msg('rsvp'),
      );
      expect(card, 'no event open for RSVP').to.exist;
      const rsvp = () => card!.querySelector<HTMLElement>('[part~="rsvp-button"]')!;
      await changeFor(rsvp, () => textOf(rsvp()));
      expect(textOf(rsvp())).to.equal(msg('cancelRsvp'));

      await expectRollback(element, rsvp, () => textOf(rsvp()), 'cancelRsvpFailed');
      expect(textOf(card!.querySelector('[part~="going"]'))).to.equal(msg('going'));
      expect(sends.calls).to.equal(1);
    });

    it('<circle-notifications variant="inline">: marking one as read', async () => {
      countRequests('post', `${API}/notifications/:id/mark_as_read`, serverError(500));
      const element = await mount(INLINE);
      await untilShown(element, INLINE);
      const item = shadowAll(element, '[part~="item"]').find((candidate) =>
        candidate.querySelector('[part~="unread-dot"]'),
      )!;

      item.querySelector<HTMLElement>('[part~="menu-button"]')!.click();
      await waitUntil(() => item.querySelector('[part~="menu"]'), 'no options shown', WAIT);
      const markRead = [...item.querySelectorAll<HTMLElement>('[part~="menu-option"]')].find(
        (option) => textOf(option) === msg('notificationMarkRead'),
      )!;

      await expectRollback(
        element,
        () => markRead,
        () => String(Boolean(item.querySelector('[part~="unread-dot"]'))),
        'markReadFailed',
      );
    });

    it('<circle-notifications> bell: marking all as read', async () => {
      countRequests('post', `${API}/notifications/mark_all_as_read`, serverError(500));
      const element = await mount(BELL);
      await untilShown(element, BELL);
      const button = () => shadow<HTMLElement>(element, '[part~="mark-all-button"]')!;

      await expectRollback(
        element,
        button,
        () => String(shadowAll(element, '[part~="unread-dot"]').length),
        'markAllReadFailed',
      );
      expect(shadowAll(element, '[part~="unread-dot"]').length).to.be.greaterThan(0);
    });

    it('<circle-notification-preferences>: a switch', async () => {
      countRequests('put', `${API}/notification_preferences/:medium`, serverError(500));
      const element = await mount(PREFERENCES);
      await untilShown(element, PREFERENCES);
      const toggle = () => shadow<HTMLElement>(element, '[part~="switch"]')!;

      await expectRollback(
        element,
        toggle,
        () => toggle().getAttribute('aria-checked'),
        'prefsTypeFailed',
      );
    });
  });

  describe('where requests go', () => {
    it('sends the Member API no cookies, and talks only to the API base and the token endpoint', async () => {
      const nativeFetch = window.fetch;
      const fetched: {
        url: string;
        method?: string;
        credentials?: RequestCredentials;
        auth?: string;
      }[] = [];
      window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        const headers = new Headers(init?.headers);
        fetched.push({
          url,
          method: init?.method,
          credentials: init?.credentials,
          auth: headers.get('Authorization') ?? undefined,
        });
        return nativeFetch.call(window, input, init);
      };
      const seen: string[] = [];
      const listener = ({ request }: { request: Request }) => seen.push(request.url);
      worker.events.on('request:start', listener);

      try {
        const post = conversationPost();
        const container = await fixture<HTMLDivElement>(`<div>
          <circle-notifications token-endpoint="${ENDPOINT}"></circle-notifications>
          <circle-feed token-endpoint="${ENDPOINT}" per-page="3" paging="button"></circle-feed>
          <circle-post token-endpoint="${ENDPOINT}" space="${post.space.slug}" post="${post.slug}"></circle-post>
          <circle-events token-endpoint="${ENDPOINT}" paging="button"></circle-events>
          <circle-events token-endpoint="${ENDPOINT}" view="month"></circle-events>
          <circle-notifications token-endpoint="${ENDPOINT}" variant="inline"></circle-notifications>
          <circle-notification-preferences token-endpoint="${ENDPOINT}"></circle-notification-preferences>
        </div>`);
        const [bell, feed, conversationElement, list, month, inline, preferences] = [
          ...container.children,
        ] as HTMLElement[];
        BELL.open!(bell);
        await untilShown(bell, BELL);
        await untilShown(feed, FEED);
        await untilShown(conversationElement, POST);
        await untilShown(list, EVENTS_LIST);
        await waitUntil(() => shadow(month, '[part~="day-event"]'), 'no month', WAIT);
        await untilShown(inline, INLINE);
        await untilShown(preferences, PREFERENCES);
        // A change too, so that a write goes through the same checks.
        shadow<HTMLElement>(preferences, '[part~="switch"]')!.click();
        await waitUntil(
          () => fetched.some((call) => call.method === 'PUT'),
          'the change was not sent',
          WAIT,
        );
        await pause(300);
      } finally {
        window.fetch = nativeFetch;
        worker.events.removeListener('request:start', listener);
      }

      const endpoint = new URL(ENDPOINT, location.href).href;
      const toApi = fetched.filter((call) => call.url.startsWith(`${API}/`));
      const toEndpoint = fetched.filter((call) => call.url === endpoint);
      expect(toApi.length).to.be.greaterThan(7);
      expect(toEndpoint.length).to.be.greaterThan(0);
      expect(
        fetched
          .filter((call) => !toApi.includes(call) && !toEndpoint.includes(call))
          .map((call) => call.url),
        'fetched elsewhere',
      ).to.deep.equal([]);
      expect(toApi.every((call) => call.credentials === 'omit')).to.equal(true);
      expect(toApi.every((call) => /^Bearer \S+$/.test(call.auth ?? ''))).to.equal(true);
      expect(toEndpoint.every((call) => call.credentials === 'same-origin')).to.equal(true);
      expect(toEndpoint.every((call) => call.auth === undefined)).to.equal(true);

      // Everything the page loaded: the API, the endpoint, the community's own pictures, and the
      // elements' own code from where it is served (a month fetches its view's as it shows).
      const elsewhere = seen.filter(
        (url) =>
          !url.startsWith(`${API}/`) &&
          url !== endpoint &&
          !url.startsWith(`${location.origin}/sandbox/`) &&
          !url.startsWith(`${location.origin}/src/elements/`),
      );
      expect(elsewhere).to.deep.equal([]);
      expect(escaped).to.deep.equal([]);
    });
  });
});
