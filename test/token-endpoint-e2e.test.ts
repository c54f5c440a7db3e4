/**
 * End to end through the REAL host token endpoint (server/src), which the test server runs at
 * /api/real-token in front of a fake Circle Auth API (scripts/wtr-token-endpoint.mjs). The
 * visitor's site session is the `demo_member` cookie. The Member API is still the sandbox.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, passthrough } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadowAll, textOf, waitFor } from './support/dom.js';
import { createSandbox } from '../demo/sandbox/handlers.js';
import { COMMUNITY_ID } from '../demo/sandbox/model.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';

const ENDPOINT = '/api/real-token';
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

/** An unexpired JWT for the sandbox's member in the sandbox's community. */
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
    claims.exp * 1000 > Date.now()
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

describe('the real token endpoint, end to end', () => {
  beforeEach(async () => {
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
  });

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
