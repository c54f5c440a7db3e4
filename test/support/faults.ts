// Shared by the fault tests: every element as a target, broken answers, and watchers for what a
// failure must never do (throw into the page, loop on the token endpoint).
import { fixture, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';

import { sandbox, worker } from './sandbox.js';
import { shadow, textOf } from './dom.js';
import type { Post } from '../../demo/sandbox/model.js';
import '../../src/elements/circle-feed/circle-feed.js';
import '../../src/elements/circle-post/circle-post.js';
import '../../src/elements/circle-events/circle-events.js';
import '../../src/elements/circle-notifications/circle-notifications.js';
import '../../src/elements/circle-notification-preferences/circle-notification-preferences.js';

export const API = 'https://app.circle.so/api/headless/v1';
export const ENDPOINT = '/api/circle-token';
export const WAIT = { timeout: 6000 };

/** One element, or one part of it that loads on its own, as a reader meets it. */
export interface Target {
  name: string;
  tag: string;
  /** Attributes besides `token-endpoint`; read when the test runs, from fresh sandbox data. */
  attributes: () => string;
  /** The msw path of the GET whose answer the target shows first. */
  load: string;
  /** What shows once that answer is in. */
  shown: string;
  /** Brings the target to where it loads, such as opening the bell's panel. */
  open?: (element: HTMLElement) => void;
}

/** A post open for likes and comments, with at least two comments. */
export function conversationPost(): Post {
  return sandbox.db.posts.find(
    (post) =>
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      post.is_liking_enabled &&
      sandbox.db.comments.filter((c) => c.post_id === post.id && !c.parent_comment_id).length >= 2,
  )!;
}

const postAttributes = () => {
  const post = conversationPost();
  return `space="${post.space.slug}" post="${post.slug}"`;
};

const openBell = (element: HTMLElement) =>
  shadow<HTMLButtonElement>(element, '[part~="bell"]')!.click();

export const FEED: Target = {
  name: '<circle-feed>',
  tag: 'circle-feed',
  attributes: () => 'per-page="5" paging="button"',
  load: `${API}/home`,
  shown: 'article[part~="item"]',
};
export const POST: Target = {
  name: '<circle-post>',
  tag: 'circle-post',
  attributes: postAttributes,
  load: `${API}/spaces/:space_id/posts/:id`,
  shown: '[part~="post"]',
};
export const COMMENTS: Target = {
  name: "<circle-post>'s comments",
  tag: 'circle-post',
  attributes: postAttributes,
  load: `${API}/posts/:post_id/comments`,
  shown: '[part~="comment"]',
};
export const EVENTS_LIST: Target = {
  name: '<circle-events> list view',
  tag: 'circle-events',
  attributes: () => 'view="list" paging="button"',
  load: `${API}/community_events`,
  shown: '[part~="item"]',
};
export const EVENTS_MONTH: Target = {
  name: '<circle-events> month view',
  tag: 'circle-events',
  attributes: () => 'view="month"',
  load: `${API}/community_events`,
  shown: '[part~="day-event"]',
};
export const BELL: Target = {
  name: '<circle-notifications> bell',
  tag: 'circle-notifications',
  attributes: () => '',
  load: `${API}/notifications`,
  shown: '[part~="item"]',
  open: openBell,
};
export const INLINE: Target = {
  name: '<circle-notifications variant="inline">',
  tag: 'circle-notifications',
  attributes: () => 'variant="inline"',
  load: `${API}/notifications`,
  shown: '[part~="item"]',
};
export const PREFERENCES: Target = {
  name: '<circle-notification-preferences>',
  tag: 'circle-notification-preferences',
  attributes: () => '',
  load: `${API}/notification_preferences/:medium`,
  shown: '[part~="switch"]',
};

/** Every element and view, each with its own session-level behaviour. */
export const ELEMENTS = [FEED, POST, EVENTS_LIST, EVENTS_MONTH, BELL, INLINE, PREFERENCES];

/** Everything that loads on its own, the post's comments included. */
export const LOADERS = [FEED, POST, COMMENTS, EVENTS_LIST, EVENTS_MONTH, BELL, INLINE, PREFERENCES];

/** Puts `target` on the page (and opens it), without waiting for its data. */
export async function mount(target: Target): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(
    `<div><${target.tag} token-endpoint="${ENDPOINT}" ${target.attributes()}></${target.tag}></div>`,
  );
  const element = container.querySelector<HTMLElement>(target.tag)!;
  target.open?.(element);
  return element;
}

export async function untilShown(element: HTMLElement, target: Target): Promise<void> {
  await waitUntil(() => shadow(element, target.shown), `${target.name} showed nothing`, WAIT);
}

/** Waits for the error state and returns its text. */
export async function untilError(element: HTMLElement): Promise<string> {
  await waitUntil(() => shadow(element, '[part~="error"]'), 'no error shown', WAIT);
  return textOf(shadow(element, '[part~="error"]'));
}

/** Clicks the Retry button of the error shown. */
export function clickRetry(element: HTMLElement): void {
  shadow<HTMLButtonElement>(element, '[part~="error"] [part~="retry-button"]')!.click();
}

// ---------------------------------------------------------------------------------------------
// Broken answers

export const serverError = (status: number) => () =>
  HttpResponse.json({ success: false, message: 'Something went wrong' }, { status });

export const rateLimited = (seconds: number) => () =>
  HttpResponse.json(
    { success: false, message: 'Too many requests' },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  );

/** JSON cut off half-way, as a dropped proxy connection leaves it. */
export const truncatedJson = () =>
  new HttpResponse('{"page": 1, "records": [{"id": 1, "na', {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

/** A maintenance page served with 200, as some proxies and hosts do. */
export const htmlPage = () =>
  HttpResponse.html('<!doctype html><title>Maintenance</title><h1>We will be back soon</h1>');

export const networkError = () => HttpResponse.error();

/**
 * Answers the first `answers.length` requests to `path` with them, in turn; later ones reach
 * the sandbox. `calls` counts them all. Only first pages count: later pages are left alone.
 */
export function failFirst(
  path: string,
  answers: (() => Response | Promise<Response>)[],
  method: 'get' | 'post' | 'put' | 'delete' = 'get',
): { calls: number } {
  const seen = { calls: 0 };
  worker.use(
    http[method](path, ({ request }) => {
      const page = new URL(request.url).searchParams.get('page');
      if (page !== null && page !== '1') return undefined;

      seen.calls += 1;
      return answers[seen.calls - 1]?.();
    }),
  );
  return seen;
}

// ---------------------------------------------------------------------------------------------
// What must never happen

/** Errors and rejections that reached the window while a test ran. */
export const escaped: string[] = [];

const onError = (event: ErrorEvent) => {
  // Chrome's benign note about the virtualizer's measuring; the sandbox silences it too.
  if (/ResizeObserver loop/.test(event.message)) return;
  escaped.push(`error: ${event.message}`);
};
const onRejection = (event: PromiseRejectionEvent) => {
  escaped.push(`unhandled rejection: ${String(event.reason?.stack ?? event.reason)}`);
};
window.addEventListener('error', onError);
window.addEventListener('unhandledrejection', onRejection);

/** Counts the Member API requests sent, and remembers each one's URL and method. */
export function recordApiRequests(): { count: number; requests: string[]; stop: () => void } {
  const record = {
    count: 0,
    requests: [] as string[],
    stop: () => worker.events.removeListener('request:start', listener),
  };
  const listener = ({ request }: { request: Request }) => {
    if (!request.url.startsWith(API)) return;
    record.count += 1;
    record.requests.push(`${request.method} ${request.url}`);
  };
  worker.events.on('request:start', listener);
  return record;
}

// ---------------------------------------------------------------------------------------------
// A skewed browser clock

const nativeNow = Date.now;

/** Moves the page's clock (Date.now) `offsetMs` away from the real time; 0 puts it back. */
export function setClockOffset(offsetMs: number): void {
  Date.now = offsetMs === 0 ? nativeNow : () => nativeNow.call(Date) + offsetMs;
}

/**
 * Serves the sandbox's tokens from an endpoint whose server clock is `serverAheadMs` ahead of
 * the page's (stubbed) clock: the stated expiry, and the `Date` header when `dateHeader`, are on
 * the server's time. The sandbox itself checks tokens on the page's clock, so moving that clock
 * on later plays the part of time passing on Circle's side.
 */
export function tokenEndpointOnServerClock(serverAheadMs: number, dateHeader: boolean): void {
  worker.use(
    http.post(ENDPOINT, async ({ request }) => {
      const answer = await getResponse(sandbox.handlers, request);
      if (!answer?.ok) return answer;

      const token = (await answer.json()) as Record<string, unknown>;
      const stated = Date.parse(String(token.access_token_expires_at));
      token.access_token_expires_at = new Date(stated + serverAheadMs).toISOString();
      const serverNow = new Date(Date.now() + serverAheadMs).toUTCString();
      return HttpResponse.json(token, { headers: dateHeader ? { Date: serverNow } : {} });
    }),
  );
}
