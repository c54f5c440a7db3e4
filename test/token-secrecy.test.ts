// Tokens live in memory only. With all five elements on one page, a comment posted, and the
// access token renewed twice (once through the refresh token, once by a whole new token when
// the refresh is refused), then signed out, no access or refresh token may show up in the
// console, in a request URL, in web storage or IndexedDB, in cookies, in the page's address or in
// the DOM.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow, textOf } from './support/dom.js';
import { ENDPOINT, WAIT, conversationPost, escaped } from './support/faults.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Refreshable = HTMLElement & { refresh(): void; updateComplete: Promise<unknown> };

/** Every access and refresh token the token endpoint handed out, in order. */
interface IssuedTokens {
  access: string[];
  refresh: string[];
}

/**
 * Serves the sandbox's tokens and remembers each one; while `refuseRefresh()` says so, a
 * refresh is answered as Circle answers an unknown refresh token, so the widgets must ask for
 * a whole new token (and get a new refresh token).
 */
function recordTokens(refuseRefresh: () => boolean): IssuedTokens {
  const issued: IssuedTokens = { access: [], refresh: [] };
  worker.use(
    http.post(ENDPOINT, async ({ request }) => {
      const call = await request.clone().text();
      if (refuseRefresh() && call.includes('"refresh"')) {
        return HttpResponse.json({ error: 'invalid_refresh_token' }, { status: 400 });
      }
      const answer = await getResponse(sandbox.handlers, request);
      if (!answer?.ok || answer.status === 204) return answer;

      const token = (await answer.clone().json()) as Record<string, unknown>;
      if (typeof token.access_token === 'string') issued.access.push(token.access_token);
      if (typeof token.refresh_token === 'string') issued.refresh.push(token.refresh_token);
      return answer;
    }),
  );
  return issued;
}

/** Everything a console call was given, as text: objects, errors, requests and elements too. */
function asText(value: unknown, seen = new WeakSet<object>()): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '[seen]';
  seen.add(value);
  if (value instanceof Error) {
    return `${value.name}: ${value.message}\n${value.stack}\n${asText(value.cause, seen)}`;
  }
  if (value instanceof Headers) return JSON.stringify([...value.entries()]);
  if (value instanceof Request) return `${value.method} ${value.url} ${asText(value.headers)}`;
  if (value instanceof Response) return `${value.status} ${value.url} ${asText(value.headers)}`;
  if (value instanceof Element) return `${value.outerHTML}${shadowMarkup(value)}`;
  try {
    return JSON.stringify(value, (_key, field: unknown) =>
      typeof field === 'object' && field !== null && field !== value ? asText(field, seen) : field,
    );
  } catch {
    return String(value);
  }
}

/** The markup of every shadow root under `root`, nested ones included. */
function shadowMarkup(root: Element | ShadowRoot): string {
  let markup = '';
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot)
      markup += element.shadowRoot.innerHTML + shadowMarkup(element.shadowRoot);
  }
  if (root instanceof Element && root.shadowRoot) {
    markup += root.shadowRoot.innerHTML + shadowMarkup(root.shadowRoot);
  }
  return markup;
}

/** Records every console call, of every kind, until `stop()`; the calls still go through. */
function recordConsole(): { calls: string[]; stop: () => void } {
  const calls: string[] = [];
  const target = console as unknown as Record<string, unknown>;
  const originals = new Map<string, (...args: unknown[]) => unknown>();
  for (const name of Object.keys(console)) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    originals.set(name, original as (...args: unknown[]) => unknown);
    target[name] = (...args: unknown[]) => {
      calls.push(`console.${name}: ${args.map((arg) => asText(arg)).join(' ')}`);
      return (original as (...args: unknown[]) => unknown).apply(console, args);
    };
  }
  return {
    calls,
    stop: () => {
      for (const [name, original] of originals) target[name] = original;
    },
  };
}

/** Records the URL of every request the page makes: fetches, pictures, frames, scripts. */
function recordRequestUrls(): { urls: string[]; stop: () => void } {
  const urls: string[] = [];
  const fromWorker = ({ request }: { request: Request }) => urls.push(request.url);
  worker.events.on('request:start', fromWorker);
  // Resource timing sees what the worker may not: pictures, frames, and anything it let through.
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) urls.push(entry.name);
  });
  observer.observe({ type: 'resource', buffered: true });
  return {
    urls,
    stop: () => {
      for (const entry of observer.takeRecords()) urls.push(entry.name);
      observer.disconnect();
      worker.events.removeListener('request:start', fromWorker);
    },
  };
}

/** Every key and value in `storage`. */
function storageText(storage: Storage): string {
  const entries: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index)!;
    entries.push(`${key}=${storage.getItem(key)}`);
  }
  return entries.join('\n');
}

/** The token itself, and for a JWT its payload and signature alone, which would leak it too. */
function tellTales(token: string): string[] {
  const [, payload, signature] = token.split('.');
  return [token, ...(payload && signature ? [payload, signature] : [])];
}

const SHOWN: Record<string, string> = {
  'circle-feed': 'article[part~="item"]',
  'circle-post': '[part~="comment"]',
  'circle-events': '[part~="item"]',
  'circle-notifications': '[part~="item"]',
  'circle-notification-preferences': '[part~="switch"]',
};

async function allShown(elements: HTMLElement[]): Promise<void> {
  const missing = () => elements.filter((element) => !shadow(element, SHOWN[element.localName]!));
  await waitUntil(
    () => {
      // The feed renders only the cards near the viewport, and a comment box may have scrolled.
      const left = missing();
      left[0]?.scrollIntoView({ block: 'start' });
      return left.length === 0;
    },
    `not every element loaded: ${missing()
      .map((element) => element.localName)
      .join(', ')}`,
    WAIT,
  );
}

/** Types `text` into the post's own comment box, sends it, and waits until it shows. */
async function postComment(post: HTMLElement, text: string): Promise<void> {
  const composer = '[part~="comments"] > [part~="composer"]';
  const field = shadow<HTMLTextAreaElement>(post, `${composer} textarea`)!;
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await (post as Refreshable).updateComplete;
  shadow<HTMLButtonElement>(post, `${composer} [part~="submit-button"]`)!.click();
  await waitUntil(
    () =>
      [...post.shadowRoot!.querySelectorAll('[part~="comment"]')].some((comment) =>
        textOf(comment).includes(text),
      ),
    `the comment "${text}" is not shown`,
    WAIT,
  );
}

describe('Token secrecy', function () {
  this.timeout(30_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
    sessionStorage.clear();
    localStorage.clear();
    escaped.length = 0;
  });

  it('keeps every access and refresh token out of the console, URLs, storage, cookies and the DOM', async () => {
    const consoleCalls = recordConsole();
    const requests = recordRequestUrls();
    let refuseRefresh = false;
    const issued = recordTokens(() => refuseRefresh);
    let elements: HTMLElement[] = [];
    let page = '';

    try {
      const post = conversationPost();
      const container = await fixture<HTMLDivElement>(`<div>
        <circle-feed token-endpoint="${ENDPOINT}" per-page="3" paging="button"></circle-feed>
        <circle-post token-endpoint="${ENDPOINT}" space="${post.space.slug}" post="${post.slug}"></circle-post>
        <circle-events token-endpoint="${ENDPOINT}" paging="button"></circle-events>
        <circle-notifications token-endpoint="${ENDPOINT}" variant="inline"></circle-notifications>
        <circle-notification-preferences token-endpoint="${ENDPOINT}"></circle-notification-preferences>
      </div>`);
      elements = [...container.children] as HTMLElement[];
      const conversation = elements[1]!;
      await allShown(elements);
      await postComment(conversation, 'Sent with the first token');

      // Circle calls the token expired: one renewal through the refresh token.
      sandbox.auth.expireAll();
      for (const element of elements) (element as Refreshable).refresh();
      await waitUntil(() => issued.access.length === 2, 'the token was not renewed', WAIT);
      expect(sandbox.auth.refreshRequests, 'renewed through the refresh token').to.equal(1);
      await allShown(elements);
      await postComment(conversation, 'Sent with the renewed token');

      // Expired again, and the refresh token refused: a whole new token, with a new refresh token.
      refuseRefresh = true;
      sandbox.auth.expireAll();
      for (const element of elements) (element as Refreshable).refresh();
      await waitUntil(() => issued.access.length === 3, 'no new token was issued', WAIT);
      await allShown(elements);
      await postComment(conversation, 'Sent with the reissued token');
      await pause(300);

      // What the page holds while signed in, before sign-out revokes the tokens.
      page = [
        `localStorage: ${storageText(localStorage)}`,
        `sessionStorage: ${storageText(sessionStorage)}`,
        `cookie: ${document.cookie}`,
        `address: ${location.href} ${JSON.stringify(history.state)} ${window.name}`,
        `DOM: ${document.documentElement.outerHTML}${shadowMarkup(document.documentElement)}`,
      ].join('\n');

      const databases = await indexedDB.databases();
      page += `\nIndexedDB: ${JSON.stringify(databases)}`;
      expect(databases, 'IndexedDB databases').to.deep.equal([]);

      // Signing out hands both tokens back to the endpoint, in the request body only.
      await getSession(ENDPOINT).signOut();
      await pause(300);
    } finally {
      consoleCalls.stop();
      requests.stop();
    }

    expect(issued.access, 'access tokens issued').to.have.length(3);
    expect(issued.refresh, 'refresh tokens issued').to.have.length(2);
    expect(new Set([...issued.access, ...issued.refresh]).size).to.equal(5);
    expect(sandbox.auth.signOutRequests).to.equal(1);
    // The recordings saw something, so an empty result means no leak rather than no data.
    expect(requests.urls.length).to.be.greaterThan(10);
    expect(page).to.contain('circle-feed');

    const places: [string, string][] = [
      ['the console', consoleCalls.calls.join('\n')],
      ['a request URL', requests.urls.join('\n')],
      [
        'after sign-out, storage or the address',
        [
          storageText(localStorage),
          storageText(sessionStorage),
          document.cookie,
          location.href,
        ].join('\n'),
      ],
      ['the page while signed in', page],
    ];
    const tokens = [
      ...issued.access.map((token, index) => [`access token ${index + 1}`, token] as const),
      ...issued.refresh.map((token, index) => [`refresh token ${index + 1}`, token] as const),
    ];
    const leaks: string[] = [];
    for (const [name, token] of tokens) {
      for (const [place, text] of places) {
        if (tellTales(token).some((tale) => text.includes(tale))) leaks.push(`${name} in ${place}`);
      }
    }
    expect(leaks).to.deep.equal([]);
    expect(escaped).to.deep.equal([]);
    for (const element of elements) element.remove();
  });
});
