import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { ApiClient } from '../src/api/client.js';
import {
  RENEW_AHEAD_MS,
  SessionError,
  SignedOutError,
  getSession,
  resetSessions,
} from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/index.js';

const ENDPOINT = '/api/circle-token';

describe('session store', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  it('asks the token endpoint once for three elements that load at the same time', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <circle-feed token-endpoint=${ENDPOINT}></circle-feed>
        <circle-events token-endpoint=${ENDPOINT}></circle-events>
        <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
      </div>`,
    );
    const feed = page.querySelector('circle-feed')!;
    await waitUntil(() => feed.shadowRoot!.querySelector('[part~="item"]'), 'no posts', {
      timeout: 4000,
    });

    expect(sandbox.auth.tokenRequests).to.equal(1);
  });

  it('shares one session between two copies of the bundle on a page', async () => {
    // The query string makes the browser load a second, separate instance of the module.
    const copy: typeof import('../src/session/session.js') = await import(
      /* @vite-ignore */ `${new URL('../src/session/session.ts', import.meta.url).href}?copy`
    );
    expect(copy.getSession).not.to.equal(getSession);

    const [first, second] = await Promise.all([
      getSession(ENDPOINT).getToken(),
      copy.getSession(ENDPOINT).getToken(),
    ]);

    expect(first).to.equal(second);
    expect(sandbox.auth.tokenRequests).to.equal(1);
  });

  it('keeps a token until it nears its expiry, then renews it ahead of time', async () => {
    const session = getSession(ENDPOINT);
    sandbox.auth.tokenLifetimeMs = 60 * 60 * 1000;
    const first = await session.getToken();
    expect(await session.getToken()).to.equal(first);
    expect(sandbox.auth.tokenRequests).to.equal(1);

    const realNow = Date.now;
    const start = realNow();
    try {
      Date.now = () => start + 60 * 60 * 1000 - RENEW_AHEAD_MS - 5_000;
      expect(await session.getToken(), 'renewed too early').to.equal(first);
      Date.now = () => start + 60 * 60 * 1000 - RENEW_AHEAD_MS + 5_000;
      expect(await session.getToken(), 'not renewed ahead of expiry').not.to.equal(first);
    } finally {
      Date.now = realNow;
    }
    expect(sandbox.auth.tokenRequests).to.equal(2);
  });

  it('does not renew a short-lived token on every call', async () => {
    sandbox.auth.tokenLifetimeMs = 60_000;
    const session = getSession(ENDPOINT);

    const first = await session.getToken();
    expect(await session.getToken()).to.equal(first);
    expect(sandbox.auth.tokenRequests).to.equal(1);
  });

  it('never hands out a token that was requested before a reload', async () => {
    let signedIn = true;
    worker.use(
      http.post(ENDPOINT, async () => {
        const answer = signedIn
          ? HttpResponse.json({
              access_token: 'previous-member',
              access_token_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
            })
          : HttpResponse.json({ message: 'Not signed in' }, { status: 401 });
        await delay(150);
        return answer;
      }),
    );
    const session = getSession(ENDPOINT);

    const before = session.getToken();
    await delay(20);
    signedIn = false;
    session.reload();
    const after = session.getToken();

    const [beforeResult, afterResult] = await Promise.allSettled([before, after]);
    expect(beforeResult.status).to.equal('rejected');
    expect(afterResult.status).to.equal('rejected');
    expect((afterResult as PromiseRejectedResult).reason).to.be.instanceOf(SignedOutError);
    expect(session.$state.get().status).to.equal('signed-out');
  });

  it('renews once and retries after Circle says the token expired', async () => {
    const session = getSession(ENDPOINT);
    const api = new ApiClient({ apiBase: 'https://app.circle.so', session });
    const stale = await session.getToken();
    sandbox.auth.expireAll();

    const [home, member] = await Promise.all([
      api.get('/home', { query: { per_page: 2 } }),
      api.get('/community_member'),
    ]);

    expect(home.records).to.have.length(2);
    expect(member.id).to.be.a('number');
    expect(await session.getToken()).not.to.equal(stale);
    expect(sandbox.auth.tokenRequests).to.equal(2);
    expect(sandbox.auth.refreshRequests, 'renewed without the refresh token').to.equal(1);
  });

  it('renews through the refresh token, keeping the member, and posts it in the body only', async () => {
    const bodies: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      if (request.url.endsWith(ENDPOINT))
        void request
          .clone()
          .text()
          .then((b) => bodies.push(b));
    };
    worker.events.on('request:start', listener);

    const session = getSession(ENDPOINT);
    const first = await session.getToken();
    const memberId = (session.$state.get() as { memberId?: number }).memberId;
    const second = await session.renew(first);
    worker.events.removeListener('request:start', listener);

    expect(second).not.to.equal(first);
    expect(sandbox.auth.refreshRequests).to.equal(1);
    expect(session.$state.get()).to.include({ status: 'signed-in', memberId });
    expect(bodies[0], 'the first request asks for a new token').to.equal('');
    const call = JSON.parse(bodies[1]);
    expect(Object.keys(call).sort()).to.deep.equal(['action', 'refresh_token']);
    expect(call.action).to.equal('refresh');
    expect(call.refresh_token).to.match(/^sandbox-refresh-\d+$/);
  });

  it('asks for a whole new token when the endpoint refuses the refresh token', async () => {
    const session = getSession(ENDPOINT);
    const first = await session.getToken();
    worker.use(
      http.post(ENDPOINT, async ({ request }) => {
        const body = await request.clone().text();
        if (body.includes('"refresh"')) {
          return HttpResponse.json({ error: 'invalid_refresh_token' }, { status: 400 });
        }
        return undefined;
      }),
    );

    const second = await session.renew(first);
    expect(second).not.to.equal(first);
    expect(session.$state.get().status).to.equal('signed-in');
  });

  it('signs out: revokes both tokens through the endpoint and signs every element out', async () => {
    const feed = await fixture<HTMLElement>(
      html`<circle-feed token-endpoint=${ENDPOINT}></circle-feed>`,
    );
    await waitUntil(() => feed.shadowRoot!.querySelector('[part~="item"]'), 'no posts', {
      timeout: 4000,
    });
    const session = getSession(ENDPOINT);
    const token = await session.getToken();

    let body = '';
    const listener = ({ request }: { request: Request }) => {
      if (request.url.endsWith(ENDPOINT))
        void request
          .clone()
          .text()
          .then((b) => (body = b));
    };
    worker.events.on('request:start', listener);
    await session.signOut();
    worker.events.removeListener('request:start', listener);

    expect(sandbox.auth.signOutRequests).to.equal(1);
    const call = JSON.parse(body);
    expect(call.action).to.equal('sign-out');
    expect(call.access_token).to.equal(token);
    expect(call.refresh_token).to.match(/^sandbox-refresh-/);
    await waitUntil(
      () => feed.shadowRoot!.querySelector('[part~="signed-out"]'),
      'still signed in',
      {
        timeout: 4000,
      },
    );

    // The revoked token no longer works against the Member API.
    const response = await fetch('https://app.circle.so/api/headless/v1/community_member', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).to.equal(401);
  });

  it('signs out every element on the page, whichever copy of the bundle asks', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <circle-feed token-endpoint=${ENDPOINT}></circle-feed>
        <circle-events token-endpoint=${ENDPOINT}></circle-events>
        <circle-notifications token-endpoint=${ENDPOINT}></circle-notifications>
        <circle-notification-preferences
          token-endpoint=${ENDPOINT}
        ></circle-notification-preferences>
      </div>`,
    );
    const [feed, events, bell, preferences] = [...page.children] as HTMLElement[];
    const part = (element: HTMLElement, name: string) =>
      element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
    const wait = { timeout: 4000 };
    await waitUntil(() => part(feed, 'item'), 'the feed shows no posts', wait);
    await waitUntil(() => part(events, 'item'), 'the events show no event', wait);
    await waitUntil(() => part(bell, 'badge'), 'the bell shows no count', wait);
    await waitUntil(() => part(preferences, 'space-item'), 'no notification settings', wait);

    // A second copy of the bundle, as a theme's own script would load next to a plugin's.
    const copy: typeof import('../src/session/session.js') = await import(
      /* @vite-ignore */ `${new URL('../src/session/session.ts', import.meta.url).href}?sign-out`
    );
    expect(copy.getSession).not.to.equal(getSession);
    await copy.getSession(ENDPOINT).signOut();

    expect(sandbox.auth.signOutRequests).to.equal(1);
    for (const element of [feed, events, preferences]) {
      await waitUntil(
        () => part(element, 'signed-out'),
        `${element.localName} is still signed in`,
        wait,
      );
    }
    expect(part(feed, 'item'), 'posts left on show').to.equal(null);
    expect(part(events, 'item'), 'events left on show').to.equal(null);
    expect(part(preferences, 'space-item'), 'settings left on show').to.equal(null);
    await waitUntil(() => !part(bell, 'badge'), 'the bell still shows a count', wait);
    part(bell, 'bell')!.click();
    await waitUntil(() => part(bell, 'signed-out'), 'the bell panel is still signed in', wait);
    expect(part(bell, 'item'), 'notifications left on show').to.equal(null);

    for (const session of [getSession(ENDPOINT), copy.getSession(ENDPOINT)]) {
      expect(session.$state.get().status).to.equal('signed-out');
      const error = await session.getToken().catch((caught: unknown) => caught);
      expect(error).to.be.instanceOf(SignedOutError);
    }
  });

  /**
   * Signs out while a token request that `start` makes is on its way, the endpoint answering
   * it with `lateToken` before it answers the sign-out; and checks that no token is held or
   * handed out afterwards, and that the late one gets revoked.
   */
  async function signOutWhileAnswering(
    start: (session: ReturnType<typeof getSession>) => Promise<string>,
    lateToken: string,
    refreshTokens: boolean,
  ): Promise<void> {
    let issued = 0;
    const revokedAccessTokens: string[] = [];
    const token = (value: string, refresh?: string) =>
      HttpResponse.json({
        access_token: value,
        access_token_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        ...(refresh ? { refresh_token: refresh } : {}),
      });
    worker.use(
      http.post(ENDPOINT, async ({ request }) => {
        const text = await request.text();
        const call = (text ? JSON.parse(text) : {}) as Record<string, string | undefined>;
        if (call.action === 'sign-out') {
          if (call.access_token) revokedAccessTokens.push(call.access_token);
          await delay(300);
          return new HttpResponse(null, { status: 204 });
        }
        issued += 1;
        if (issued === 1) return token('first-token', refreshTokens ? 'first-refresh' : undefined);
        // Answers while the sign-out is still waiting for its own answer.
        await delay(100);
        return token(lateToken);
      }),
    );
    const session = getSession(ENDPOINT);
    await session.getToken();

    // Settled at once, so that its rejection during the sign-out is not an unhandled one.
    const request = Promise.allSettled([start(session)]);
    await delay(20);
    await session.signOut();
    const [late] = await request;

    expect(issued, 'the request did not reach the endpoint').to.equal(2);
    expect(late.status, 'the request handed out a token').to.equal('rejected');
    expect(session.$state.get().status).to.equal('signed-out');
    const later = await session.getToken().catch((caught: unknown) => caught);
    expect(later, 'a token was handed out after signing out').to.be.instanceOf(SignedOutError);
    const renewed = await session.renew('first-token').catch((caught: unknown) => caught);
    expect(renewed, 'a renewal after signing out').to.be.instanceOf(SignedOutError);
    expect(issued, 'asked for a token after signing out').to.equal(2);
    // Left alive and unused, it could still be replayed: it is revoked instead.
    await waitUntil(
      () => revokedAccessTokens.includes(lateToken),
      'the token that arrived late was not revoked',
    );
  }

  it('never holds or hands out a renewed token that arrives while signing out', async () => {
    await signOutWhileAnswering((session) => session.renew('first-token'), 'late-renewal', true);
  });

  it('never holds or hands out a new token that arrives while signing out', async () => {
    // No refresh token: the token nearing its expiry is renewed with a new one, ahead of time.
    await signOutWhileAnswering(
      (session) => {
        const realNow = Date.now;
        const soon = realNow() + 60 * 60 * 1000 - RENEW_AHEAD_MS + 5_000;
        Date.now = () => soon;
        try {
          return session.getToken();
        } finally {
          Date.now = realNow;
        }
      },
      'late-issue',
      false,
    );
  });

  it('asks for a whole new token when the endpoint gave no refresh token', async () => {
    const bodies: string[] = [];
    let issued = 0;
    worker.use(
      http.post(ENDPOINT, async ({ request }) => {
        bodies.push(await request.text());
        issued += 1;
        return HttpResponse.json({
          access_token: `access-without-refresh-${issued}`,
          access_token_expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        });
      }),
    );
    const session = getSession(ENDPOINT);

    const first = await session.getToken();
    const second = await session.renew(first);

    expect(first).to.equal('access-without-refresh-1');
    expect(second).to.equal('access-without-refresh-2');
    expect(bodies, 'a renewal sent a body (a refresh action) with no refresh token').to.deep.equal([
      '',
      '',
    ]);
    expect(session.$state.get().status).to.equal('signed-in');
  });

  it('goes signed out on a 401 from the endpoint, and never asks again by itself', async () => {
    sandbox.auth.signedIn = false;
    const session = getSession(ENDPOINT);

    let error: unknown;
    await session.getToken().catch((caught) => (error = caught));
    await session.getToken().catch(() => undefined);

    expect(error).to.be.instanceOf(SignedOutError);
    expect(session.$state.get().status).to.equal('signed-out');
    expect(sandbox.auth.tokenRequests).to.equal(1);
  });

  it('treats a 403 from the endpoint as signed out too', async () => {
    worker.use(http.post(ENDPOINT, () => HttpResponse.json({}, { status: 403 })));
    const error = await getSession(ENDPOINT)
      .getToken()
      .catch((caught) => caught);
    expect(error).to.be.instanceOf(SignedOutError);
  });

  it('reports an endpoint that answers with an HTML page instead of a token', async () => {
    worker.use(http.post(ENDPOINT, () => HttpResponse.html('<!doctype html><p>Welcome!</p>')));
    const session = getSession(ENDPOINT);
    const warnings: unknown[][] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);

    const error = await session.getToken().catch((caught) => caught);
    console.warn = originalWarn;

    expect(error).to.be.instanceOf(SessionError);
    expect((error as Error).message).to.contain('did not answer with a token');
    expect(session.$state.get().status).to.equal('error');
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.match(/^\[circle-widgets\] The token endpoint .+ did not/);
  });

  it('shows the signed-out state with its sign-in slot, firing circle-auth-required', async () => {
    sandbox.auth.signedIn = false;
    const feed = await fixture<HTMLElementTagNameMap['circle-feed']>(
      html`<circle-feed token-endpoint=${ENDPOINT}>
        <a slot="signed-out" href="/login">Log in to join the conversation</a>
      </circle-feed>`,
    );

    await oneEvent(feed, 'circle-auth-required');
    await feed.updateComplete;

    const slot = feed.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Log in to join the conversation');
  });

  it('keeps tokens out of web storage, cookies and request URLs', async () => {
    const urls: string[] = [];
    const listener = ({ request }: { request: Request }) => urls.push(request.url);
    worker.events.on('request:start', listener);

    const session = getSession(ENDPOINT);
    const api = new ApiClient({ apiBase: 'https://app.circle.so', session });
    const token = await session.getToken();
    await api.get('/home');
    worker.events.removeListener('request:start', listener);

    const stored = [
      ...Object.values({ ...localStorage }),
      ...Object.values({ ...sessionStorage }),
      document.cookie,
      JSON.stringify(session.$state.get()),
    ];
    expect(stored.join('\n')).not.to.contain(token);
    expect(urls.join('\n')).not.to.contain(token);
    expect(urls.some((url) => url.includes('/api/headless/v1/home'))).to.equal(true);
  });
});
