/**
 * End to end through the REAL host token endpoint (server/src), which the test server runs at
 * /api/real-token in front of a fake Circle Auth API (scripts/wtr-token-endpoint.mjs). The
 * visitor's site session is the `demo_member` cookie. The Member API is still the sandbox.
 *
 * The demo page's tests mount demo/index.html itself, as the server serves it: its widgets, and
 * its script tag's page-wide settings with the real endpoint in place of the sandbox's token
 * double. Its main.ts is left out, since it starts the sandbox with that double.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, passthrough } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadowAll, textOf, waitFor } from './support/dom.js';
import { createSandbox } from '../demo/sandbox/handlers.js';
import { COMMUNITY_ID } from '../demo/sandbox/model.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/index.js';

const ENDPOINT = '/api/real-token';

/** The demo page, and the token double that its script tag names. */
const DEMO_PAGE = '/demo/index.html';
const DOUBLE_ENDPOINT = '/api/circle-token';
const STATS = `${ENDPOINT}/__stats`;

/** The member the fake Circle knows: the sandbox's signed-in member. */
const MEMBER_EMAIL = 'alex.rivera@example.com';

/** The start of the app token the plugin generates; checked against its hash in the stats. */
const APP_TOKEN_PREFIX = 'e2e-headless-app-token-';

const AUTH = {
  issue: 'POST /api/v1/headless/auth_token',
  refresh: 'PATCH /api/v1/headless/access_token/refresh',
  revokeAccess: 'POST /api/v1/headless/access_token/revoke',
  revokeRefresh: 'POST /api/v1/headless/refresh_token/revoke',
};

interface Stats {
  calls: { method: string; path: string; status: number }[];
  violations: string[];
  refusals: string[];
  appTokenPrefixSha256: string;
}

// The page's sandbox only takes tokens it issued itself; this copy of the community also takes
// the fake Circle's, the way Circle takes the tokens its Auth API mints.
const community = createSandbox({ acceptToken: isFakeCircleToken });

/**
 * An unexpired JWT for the sandbox's member in the sandbox's community, minted by the fake
 * Circle: its `jti` is a UUID, where the sandbox's own double numbers its tokens.
 */
function isFakeCircleToken(token: string): boolean {
  let claims: Record<string, unknown>;
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    claims = JSON.parse(atob(payload)) as Record<string, unknown>;
  } catch {
    return false;
  }
  return (
    claims.community_id === COMMUNITY_ID &&
    claims.community_member_id === community.db.currentMemberId &&
    typeof claims.exp === 'number' &&
    claims.exp * 1000 > Date.now() &&
    typeof claims.jti === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(claims.jti)
  );
}

async function readStats(): Promise<Stats> {
  const response = await fetch(STATS);
  if (!response.ok) {
    throw new Error(`${STATS} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as Stats;
}

let before: Stats;

/** The fake Circle's calls since this test began, as "METHOD path status". */
async function circleCallsSinceStart(): Promise<string[]> {
  const { calls } = await readStats();
  return calls
    .slice(before.calls.length)
    .map((call) => `${call.method} ${call.path} ${call.status}`);
}

function signInToSite(email: string): void {
  document.cookie = `demo_member=${encodeURIComponent(email)}; path=/; SameSite=Strict`;
}

function signOutOfSite(): void {
  document.cookie = 'demo_member=; path=/; max-age=0';
}

async function feed(): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<circle-feed token-endpoint=${ENDPOINT}></circle-feed>`);
}

/** A fresh page and community, the visitor signed out of the site, the real endpoint in use. */
async function startSignedOut(): Promise<void> {
  resetSessions();
  resetWarnings();
  signOutOfSite();
  community.reset();
  worker.use(
    http.all(ENDPOINT, () => passthrough()),
    http.get(STATS, () => passthrough()),
    ...community.handlers,
  );
  before = await readStats();
}

describe('the real token endpoint, end to end', () => {
  beforeEach(startSignedOut);

  afterEach(async () => {
    signOutOfSite();
    const { violations } = await readStats();
    expect(violations, 'requests to the fake Circle that break the Auth API spec').to.deep.equal(
      [],
    );
  });

  it("shows the community's posts with a token the fake Circle issued", async () => {
    signInToSite(MEMBER_EMAIL);
    const element = await feed();
    await waitFor(element, 'article[part~="item"]', 'no posts');

    const newest = [...community.db.posts].sort(
      (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at),
    )[0];
    const first = shadowAll(element, 'article[part~="item"]')[0];
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(textOf(first.querySelector('[part~="title"]'))).to.equal(
      newest.display_title || newest.name,
    );

    expect(await circleCallsSinceStart()).to.deep.equal([`${AUTH.issue} 200`]);
    expect(getSession(ENDPOINT).$state.get()).to.include({
      status: 'signed-in',
      memberId: community.db.currentMemberId,
    });
    // The sandbox's own token endpoint double was never asked.
    expect(sandbox.auth.tokenRequests + community.auth.tokenRequests).to.equal(0);
  });

  it('renews a rejected token through the refresh action', async () => {
    signInToSite(MEMBER_EMAIL);
    const session = getSession(ENDPOINT);
    const first = await session.getToken();

    const second = await session.renew(first);

    expect(second).to.be.a('string').and.not.equal(first);
    expect(isFakeCircleToken(second)).to.equal(true);
    expect(await circleCallsSinceStart()).to.deep.equal([
      `${AUTH.issue} 200`,
      `${AUTH.refresh} 200`,
    ]);
    expect(session.$state.get().status).to.equal('signed-in');
  });

  it('signs out: Circle revokes both tokens and the feed shows its signed-out state', async () => {
    signInToSite(MEMBER_EMAIL);
    const element = await feed();
    await waitFor(element, 'article[part~="item"]', 'no posts');

    await getSession(ENDPOINT).signOut();

    await waitFor(element, '[part~="signed-out"]', 'still signed in');
    expect(await circleCallsSinceStart()).to.have.members([
      `${AUTH.issue} 200`,
      `${AUTH.revokeAccess} 204`,
      `${AUTH.revokeRefresh} 204`,
    ]);
  });

  it('shows a visitor the site does not know as signed out, without asking Circle', async () => {
    const element = await feed();

    await waitFor(element, '[part~="signed-out"]', 'no signed-out state');
    expect(getSession(ENDPOINT).$state.get().status).to.equal('signed-out');
    expect(await circleCallsSinceStart()).to.deep.equal([]);
  });

  it('shows a site member who is not in the Circle community as signed out', async () => {
    signInToSite('stranger@example.com');
    const element = await feed();

    await waitFor(element, '[part~="signed-out"]', 'no signed-out state');
    expect(await circleCallsSinceStart()).to.deep.equal([`${AUTH.issue} 404`]);
    const { refusals } = await readStats();
    expect(refusals.slice(before.refusals.length)).to.deep.equal(['member_not_found']);
  });

  it('refuses a POST without the X-Circle-Widgets header', async () => {
    signInToSite(MEMBER_EMAIL);

    const response = await fetch(ENDPOINT, { method: 'POST', credentials: 'same-origin' });

    expect(response.status).to.equal(403);
    expect(((await response.json()) as { error: string }).error).to.equal('csrf_rejected');
    expect(await circleCallsSinceStart()).to.deep.equal([]);
  });

  it('never lets the app token reach the page', async () => {
    const stats = await readStats();
    const digest = await crypto.subtle.digest(
      'SHA-256',
      new TextEncoder().encode(APP_TOKEN_PREFIX),
    );
    const hex = [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0'));
    expect(hex.join(''), 'the test looks for the wrong prefix').to.equal(
      stats.appTokenPrefixSha256,
    );

    // Every answer the page gets, through the service worker, headers included.
    const seen: Promise<string>[] = [];
    const endpointAnswers: string[] = [];
    const record = ({ request, response }: { request: Request; response: Response }) => {
      if (new URL(request.url).pathname === ENDPOINT) endpointAnswers.push(`${response.status}`);
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`);
      seen.push(response.text().then((body) => `${headers.join('\n')}\n\n${body}`));
    };
    worker.events.on('response:bypass', record);
    worker.events.on('response:mocked', record);
    try {
      signInToSite(MEMBER_EMAIL);
      const element = await feed();
      await waitFor(element, 'article[part~="item"]', 'no posts');
      const session = getSession(ENDPOINT);
      await session.renew(await session.getToken());
      await fetch(ENDPOINT, { method: 'POST' });
      await session.signOut();
      signInToSite('stranger@example.com');
      session.reload();
      await session.getToken().catch(() => undefined);
      // The worker reports an answer a moment after the page got it.
      await waitUntil(() => endpointAnswers.length === 5, 'an answer went unreported');
    } finally {
      worker.events.removeListener('response:bypass', record);
      worker.events.removeListener('response:mocked', record);
    }

    // issue, refresh, the refused POST, sign-out, and the stranger's issue.
    expect(endpointAnswers).to.deep.equal(['200', '200', '403', '204', '403']);
    const everything = (await Promise.all(seen)).join('\n');
    // Booleans, so that a failure does not print the leaked token into the logs. The endpoint's
    // own headers and tokens are among what was read.
    expect(everything.includes('cache-control: no-store'), 'no endpoint headers').to.equal(true);
    expect(everything.includes('"refresh_token"'), 'no endpoint bodies').to.equal(true);
    expect(everything.includes(APP_TOKEN_PREFIX), 'the app token reached the page').to.equal(false);
  });
});

/** The demo page's widgets, as mounted by {@link mountDemoPage}. */
interface DemoWidgets {
  bell: HTMLElement;
  feed: HTMLElement;
  calendar: HTMLElement;
  sidebarEvents: HTMLElement;
}

const mounted: Element[] = [];

/**
 * Mounts the body of the demo page as served, with the page-wide `data-` settings of its
 * script tag, the token endpoint swapped for the real one. The settings go on an inert script
 * tag: the demo's own would run main.ts.
 */
async function mountDemoPage(): Promise<DemoWidgets> {
  const response = await fetch(DEMO_PAGE);
  expect(response.ok, `${DEMO_PAGE} answered ${response.status}`).to.equal(true);
  const demo = new DOMParser().parseFromString(await response.text(), 'text/html');

  const demoScript = demo.querySelector<HTMLScriptElement>('script[data-token-endpoint]');
  expect(demoScript?.dataset.tokenEndpoint, "the demo's script tag names the double").to.equal(
    DOUBLE_ENDPOINT,
  );
  const settings = document.createElement('script');
  settings.type = 'text/plain';
  for (const { name, value } of [...demoScript!.attributes]) {
    if (name.startsWith('data-')) settings.setAttribute(name, value);
  }
  settings.dataset.tokenEndpoint = ENDPOINT;
  document.head.append(settings);

  const page = document.createElement('div');
  page.append(...[...demo.body.childNodes].map((node) => document.importNode(node, true)));
  document.body.append(page);
  mounted.push(settings, page);

  const widget = (selector: string) => {
    const element = page.querySelector<HTMLElement>(selector);
    expect(element, `the demo page has no ${selector}`).to.exist;
    // Only the page-wide setting may point the widgets at an endpoint.
    expect(element!.hasAttribute('token-endpoint')).to.equal(false);
    return element!;
  };
  return {
    bell: widget('.site-header circle-notifications'),
    feed: widget('#community circle-feed'),
    calendar: widget('#calendar circle-events'),
    sidebarEvents: widget('.sidebar circle-events'),
  };
}

function part(element: Element, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(element: Element, name: string): HTMLElement[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The sandbox community's events that have not ended yet, soonest first. */
function upcomingEventNames(): string[] {
  const startOf = (post: (typeof community.db.posts)[number]) =>
    Date.parse(post.event_setting_attributes!.starts_at!);
  const endOf = (post: (typeof community.db.posts)[number]) =>
    Date.parse(post.event_setting_attributes!.ends_at!);
  return community.db.posts
    .filter((post) => post.event_setting_attributes && endOf(post) > Date.now())
    .sort((a, b) => startOf(a) - startOf(b))
    .map((post) => post.name ?? '');
}

const WAIT = { timeout: 8000 };

describe('the demo page on the real token endpoint', () => {
  beforeEach(startSignedOut);

  afterEach(async () => {
    for (const element of mounted.splice(0)) element.remove();
    signOutOfSite();
    const { violations } = await readStats();
    expect(violations, 'requests to the fake Circle that break the Auth API spec').to.deep.equal(
      [],
    );
  });

  it("shows a signed-in member the feed, events and bell with Circle's token", async function () {
    this.timeout(20_000);
    const bearers: string[] = [];
    const onRequest = ({ request }: { request: Request }) => {
      if (!request.url.includes('/api/headless/v1/')) return;
      bearers.push(request.headers.get('Authorization') ?? '(none)');
    };
    worker.events.on('request:start', onRequest);
    const unread = community.db.counts.new_notifications_count;
    expect(unread, 'the sandbox member should have unread notifications').to.be.above(0);

    signInToSite(MEMBER_EMAIL);
    let widgets: DemoWidgets;
    try {
      widgets = await mountDemoPage();
      const { bell, feed, calendar, sidebarEvents } = widgets;
      await waitUntil(() => parts(feed, 'item').length > 0, 'the feed shows no posts', WAIT);
      await waitUntil(() => parts(calendar, 'item').length > 0, 'the calendar is empty', WAIT);
      await waitUntil(() => parts(sidebarEvents, 'item').length > 0, 'no workshops', WAIT);
      await waitUntil(() => part(bell, 'badge'), 'the bell shows no unread count', WAIT);
    } finally {
      worker.events.removeListener('request:start', onRequest);
    }
    const { bell, feed, calendar, sidebarEvents } = widgets;

    // The feed: the newest posts first (the rendered ones: the feed draws only what is near the
    // viewport).
    const items = parts(feed, 'item');
    const newest = [...community.db.posts]
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
      .slice(0, items.length)
      .map((post) => post.display_title || post.name);
    expect(items[0].getAttribute('aria-posinset')).to.equal('1');
    expect(items.map((item) => textOf(item.querySelector('[part~="title"]')))).to.deep.equal(
      newest,
    );

    // The calendar lists upcoming events; the sidebar shows the next four, compactly.
    const upcoming = upcomingEventNames();
    const titleOf = (item: HTMLElement) => textOf(item.querySelector('[part~="title"]'));
    expect(parts(calendar, 'item').map(titleOf)).to.deep.equal(upcoming.slice(0, 10));
    expect(parts(sidebarEvents, 'item').map(titleOf)).to.deep.equal(upcoming.slice(0, 4));

    // The bell: the member's unread count.
    expect(textOf(part(bell, 'badge'))).to.equal(String(unread));

    // Every widget on one token from the real endpoint, which Circle's Auth API issued once.
    expect(await circleCallsSinceStart()).to.deep.equal([`${AUTH.issue} 200`]);
    expect(
      sandbox.auth.tokenRequests + community.auth.tokenRequests,
      'the double was asked',
    ).to.equal(0);
    const token = await getSession(ENDPOINT).getToken();
    expect(isFakeCircleToken(token), 'not a token the fake Circle minted').to.equal(true);
    expect(bearers.length, 'no Member API request').to.be.above(3);
    expect(
      bearers.every((bearer) => bearer === `Bearer ${token}`),
      "a Member API request without the real endpoint's token",
    ).to.equal(true);
  });

  it('shows a visitor the site does not know the signed-out states, with its sign-in link', async function () {
    this.timeout(20_000);
    const { bell, feed, calendar, sidebarEvents } = await mountDemoPage();

    const signIn = new URL('#sign-in', document.baseURI).href;
    for (const element of [feed, calendar, sidebarEvents]) {
      await waitUntil(
        () => part(element, 'signed-out'),
        `${element.localName} not signed out`,
        WAIT,
      );
      expect(part(element, 'sign-in')?.getAttribute('href')).to.equal(signIn);
      expect(part(element, 'item')).to.equal(null);
    }
    expect(part(bell, 'badge')).to.equal(null);
    part(bell, 'bell')!.click();
    await waitUntil(() => part(bell, 'signed-out'), 'the bell panel is not signed out', WAIT);

    expect(await circleCallsSinceStart()).to.deep.equal([]);
    expect(sandbox.auth.tokenRequests + community.auth.tokenRequests).to.equal(0);
  });

  it("signs every widget out with the demo's sign-out, revoking both tokens", async function () {
    this.timeout(20_000);
    signInToSite(MEMBER_EMAIL);
    const { bell, feed, calendar, sidebarEvents } = await mountDemoPage();
    await waitUntil(() => parts(feed, 'item').length > 0, 'the feed shows no posts', WAIT);
    await waitUntil(() => parts(calendar, 'item').length > 0, 'the calendar is empty', WAIT);
    await waitUntil(() => parts(sidebarEvents, 'item').length > 0, 'no workshops', WAIT);
    await waitUntil(() => part(bell, 'badge'), 'the bell shows no unread count', WAIT);

    // What the demo's "Sign out" button does: sign out of Circle first, then of the site.
    await getSession(ENDPOINT).signOut();
    signOutOfSite();

    for (const element of [feed, calendar, sidebarEvents]) {
      await waitUntil(
        () => part(element, 'signed-out'),
        `${element.localName} still signed in`,
        WAIT,
      );
      expect(part(element, 'item')).to.equal(null);
    }
    await waitUntil(() => !part(bell, 'badge'), 'the bell still shows a count', WAIT);
    expect(await circleCallsSinceStart()).to.have.members([
      `${AUTH.issue} 200`,
      `${AUTH.revokeAccess} 204`,
      `${AUTH.revokeRefresh} 204`,
    ]);
  });
});
