/**
 * The token endpoint over real HTTP on loopback: node:http in front of createTokenHandler, in
 * front of a fake Circle Auth API that is itself a real HTTP server.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createTokenHandler, toNodeListener } from '../src/index.js';
import type { TokenEndpointError, TokenHandlerOptions } from '../src/index.js';
import { AUTH_PATHS, startFakeCircleAuth } from './fake-circle-auth.js';
import type { FakeCircleAuth } from './fake-circle-auth.js';
import {
  APP_TOKEN,
  browserFetch,
  identifyByCookie,
  listen,
  MEMBERS,
  record,
  seenResponses,
  sleep,
  WRONG_APP_TOKEN,
  watchOutput,
} from './helpers.js';

const output = watchOutput();
const reported: TokenEndpointError[] = [];
const hosts: Array<() => Promise<void>> = [];

let fake: FakeCircleAuth;
/** The main host: generous rate limit, errors collected in `reported`. */
let endpoint: string;

/** Serves a token handler over node:http on loopback; answers its endpoint URL. */
async function startHost(options: Partial<TokenHandlerOptions> = {}): Promise<string> {
  const handler = createTokenHandler({
    appToken: APP_TOKEN,
    identify: identifyByCookie,
    authBase: fake.baseUrl,
    rateLimit: { max: 1000, windowMs: 60_000 },
    onError: (error) => reported.push(error),
    ...options,
  });
  const server = await listen(toNodeListener(handler));
  hosts.push(() => server.close());
  return `${server.origin}/api/circle-token`;
}

function callsTo(path: string) {
  return fake.calls.filter((call) => call.path === path);
}

function lastReport(): TokenEndpointError | undefined {
  return reported.at(-1);
}

async function issueFor(session: string) {
  const answer = await record(`issue ${session}`, await browserFetch(endpoint, { session }));
  assert.equal(answer.status, 200);
  return answer.json as { access_token: string; refresh_token: string };
}

before(async () => {
  fake = await startFakeCircleAuth({ appToken: APP_TOKEN, members: MEMBERS });
  endpoint = await startHost();
});

after(async () => {
  await Promise.all(hosts.map((close) => close()));
  await fake.close();
});

describe('issue', () => {
  test("answers a signed-in member with Circle's token, uncached", async () => {
    const before = Date.now();
    const { status, headers, json } = await record(
      'issue',
      await browserFetch(endpoint, { session: 'session-ada' }),
    );

    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.match(headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(json);
    assert.match(String(json.access_token), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.ok(fake.isAccessTokenLive(String(json.access_token)));
    assert.equal(json.community_member_id, 101);
    assert.equal(json.community_id, 1);

    const expiresAt = Date.parse(String(json.access_token_expires_at));
    assert.ok(expiresAt > before + 59 * 60_000 && expiresAt <= Date.now() + 60 * 60_000);

    const [call] = callsTo(AUTH_PATHS.issue).slice(-1);
    assert.equal(call?.method, 'POST');
    assert.equal(call?.authorization, `Bearer ${APP_TOKEN}`);
    assert.deepEqual(call?.body, { sso_user_id: 'sso-ada' });
  });

  test("hands out Circle's refresh token bound to the member", async () => {
    const token = await issueFor('session-ada');
    const circleAnswer = callsTo(AUTH_PATHS.issue).at(-1)?.answer as { refresh_token: string };

    assert.notEqual(token.refresh_token, circleAnswer.refresh_token);
    assert.ok(token.refresh_token.startsWith(`${circleAnswer.refresh_token}.`));
  });

  test('identifies members by the identifier identify() gives', async () => {
    const grace = await issueFor('session-grace');
    assert.deepEqual(callsTo(AUTH_PATHS.issue).at(-1)?.body, { community_member_id: 102 });
    assert.equal((grace as Record<string, unknown>).community_member_id, 102);

    const linus = await issueFor('session-linus');
    assert.deepEqual(callsTo(AUTH_PATHS.issue).at(-1)?.body, { email: 'Linus@Example.com' });
    assert.equal((linus as Record<string, unknown>).community_member_id, 103);
  });

  test('takes an empty JSON object or { action: "issue" } as an issue', async () => {
    for (const body of [{}, { action: 'issue' }]) {
      const { status, json } = await record(
        'issue with body',
        await browserFetch(endpoint, { session: 'session-ada', body }),
      );
      assert.equal(status, 200);
      assert.equal(typeof json?.access_token, 'string');
    }
  });
});

describe('visitors without a Circle session', () => {
  test('a signed-out visitor gets 401 for every action, and Circle is not asked', async () => {
    const callsBefore = fake.calls.length;
    const reportsBefore = reported.length;
    const bodies = [
      undefined,
      { action: 'refresh', refresh_token: 'x.y' },
      { action: 'sign-out', access_token: 'x' },
    ];

    for (const body of bodies) {
      const { status, headers, json } = await record(
        'signed out',
        await browserFetch(endpoint, { body }),
      );
      assert.equal(status, 401);
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.equal(json?.error, 'signed_out');
    }
    assert.equal(fake.calls.length, callsBefore);
    assert.equal(reported.length, reportsBefore, 'signing out is not an error to report');
  });

  test('a host member with no Circle member gets 403 member_not_found', async () => {
    const { status, json } = await record(
      'member not found',
      await browserFetch(endpoint, { session: 'session-stranger' }),
    );

    assert.equal(status, 403);
    assert.equal(json?.error, 'member_not_found');
    assert.match(String(json?.message), /no member in the Circle community/);
    assert.equal(lastReport()?.code, 'member_not_found');
    assert.equal(lastReport()?.circleStatus, 404);
  });
});

describe('refresh', () => {
  test('renews the access token with the refresh token the browser sends back', async () => {
    const issued = await issueFor('session-ada');
    const circleRefreshToken = (callsTo(AUTH_PATHS.issue).at(-1)?.answer as Record<string, string>)
      .refresh_token;

    const { status, headers, json } = await record(
      'refresh',
      await browserFetch(endpoint, {
        session: 'session-ada',
        body: { action: 'refresh', refresh_token: issued.refresh_token },
      }),
    );

    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(typeof json?.access_token, 'string');
    assert.notEqual(json?.access_token, issued.access_token);
    assert.ok(fake.isAccessTokenLive(String(json?.access_token)));
    assert.ok(Date.parse(String(json?.access_token_expires_at)) > Date.now());
    assert.equal(json?.refresh_token, undefined, 'Circle does not rotate refresh tokens');

    const call = callsTo(AUTH_PATHS.refresh).at(-1);
    assert.equal(call?.method, 'PATCH');
    assert.equal(call?.authorization, `Bearer ${APP_TOKEN}`);
    assert.deepEqual(call?.body, { refresh_token: circleRefreshToken });
  });

  test("refuses another member's refresh token without asking Circle", async () => {
    const adas = await issueFor('session-ada');
    const refreshCalls = callsTo(AUTH_PATHS.refresh).length;

    const { status, json } = await record(
      'refresh as someone else',
      await browserFetch(endpoint, {
        session: 'session-grace',
        body: { action: 'refresh', refresh_token: adas.refresh_token },
      }),
    );

    assert.equal(status, 400);
    assert.equal(json?.error, 'invalid_refresh_token');
    assert.equal(callsTo(AUTH_PATHS.refresh).length, refreshCalls);
  });

  test("refuses a tampered refresh token and Circle's bare one", async () => {
    const issued = await issueFor('session-ada');
    const bare = (callsTo(AUTH_PATHS.issue).at(-1)?.answer as Record<string, string>).refresh_token;
    const refreshCalls = callsTo(AUTH_PATHS.refresh).length;
    const lastTwo = issued.refresh_token.endsWith('AA') ? 'BB' : 'AA';
    const tampered = `${issued.refresh_token.slice(0, -2)}${lastTwo}`;

    for (const refreshToken of [tampered, bare, `other${issued.refresh_token}`]) {
      const { status, json } = await record(
        'tampered refresh',
        await browserFetch(endpoint, {
          session: 'session-ada',
          body: { action: 'refresh', refresh_token: refreshToken },
        }),
      );
      assert.equal(status, 400);
      assert.equal(json?.error, 'invalid_refresh_token');
    }
    assert.equal(callsTo(AUTH_PATHS.refresh).length, refreshCalls);
  });

  test('answers 400 invalid_refresh_token when Circle says the refresh token expired', async () => {
    const issued = await issueFor('session-ada');
    fake.failNext(AUTH_PATHS.refresh, {
      status: 401,
      body: {
        success: false,
        message: 'The refresh token is expired. Please generate/get new auth token.',
        error_details: {},
      },
    });

    const { status, json } = await record(
      'expired refresh',
      await browserFetch(endpoint, {
        session: 'session-ada',
        body: { action: 'refresh', refresh_token: issued.refresh_token },
      }),
    );

    assert.equal(status, 400);
    assert.equal(json?.error, 'invalid_refresh_token');
    assert.equal(lastReport()?.circleStatus, 401);
  });

  test('needs a refresh_token', async () => {
    const { status, json } = await record(
      'refresh without token',
      await browserFetch(endpoint, { session: 'session-ada', body: { action: 'refresh' } }),
    );
    assert.equal(status, 400);
    assert.equal(json?.error, 'bad_request');
  });
});

describe('sign out', () => {
  test('revokes both tokens, after which refreshing fails', async () => {
    const issued = await issueFor('session-ada');
    const bareRefresh = (callsTo(AUTH_PATHS.issue).at(-1)?.answer as Record<string, string>)
      .refresh_token;

    const response = await browserFetch(endpoint, {
      session: 'session-ada',
      body: {
        action: 'sign-out',
        access_token: issued.access_token,
        refresh_token: issued.refresh_token,
      },
    });
    const { status, headers, json } = await record('sign out', response);

    assert.equal(status, 204);
    assert.equal(json, undefined);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(fake.isAccessTokenLive(issued.access_token), false);
    assert.deepEqual(callsTo(AUTH_PATHS.revokeAccessToken).at(-1)?.body, {
      access_token: issued.access_token,
    });
    assert.deepEqual(callsTo(AUTH_PATHS.revokeRefreshToken).at(-1)?.body, {
      refresh_token: bareRefresh,
    });

    const refreshed = await record(
      'refresh after sign out',
      await browserFetch(endpoint, {
        session: 'session-ada',
        body: { action: 'refresh', refresh_token: issued.refresh_token },
      }),
    );
    assert.equal(refreshed.status, 400);
    assert.equal(refreshed.json?.error, 'invalid_refresh_token');
    assert.equal(callsTo(AUTH_PATHS.refresh).at(-1)?.status, 404, 'Circle no longer knows it');

    // Signing out ends the tokens, not the membership: a new issue works.
    await issueFor('session-ada');
  });

  test('succeeds again for tokens that are already revoked', async () => {
    const issued = await issueFor('session-grace');
    const body = {
      action: 'sign-out',
      access_token: issued.access_token,
      refresh_token: issued.refresh_token,
    };

    for (const label of ['first sign out', 'second sign out']) {
      const { status } = await record(
        label,
        await browserFetch(endpoint, { session: 'session-grace', body }),
      );
      assert.equal(status, 204);
    }
    assert.equal(callsTo(AUTH_PATHS.revokeAccessToken).at(-1)?.status, 422);
    assert.equal(callsTo(AUTH_PATHS.revokeRefreshToken).at(-1)?.status, 404);
  });

  test('needs at least one token', async () => {
    const { status, json } = await record(
      'sign out without tokens',
      await browserFetch(endpoint, { session: 'session-ada', body: { action: 'sign-out' } }),
    );
    assert.equal(status, 400);
    assert.equal(json?.error, 'bad_request');
  });
});

describe('cross-site request forgery', () => {
  async function expectRefused(label: string, response: Promise<Response>): Promise<void> {
    const callsBefore = fake.calls.length;
    const { status, headers, json } = await record(label, await response);
    assert.equal(status, 403, label);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(json?.error, 'csrf_rejected', label);
    assert.equal(fake.calls.length, callsBefore, `${label}: Circle is not asked`);
    assert.equal(lastReport()?.code, 'csrf_rejected');
  }

  test('refuses a page on another origin', async () => {
    await expectRefused(
      'wrong origin',
      browserFetch(endpoint, { session: 'session-ada', origin: 'https://evil.example' }),
    );
    assert.match(String(lastReport()?.message), /https:\/\/evil\.example/);
  });

  test('refuses a request without X-Circle-Widgets: 1', async () => {
    await expectRefused(
      'no widget header',
      browserFetch(endpoint, { session: 'session-ada', headers: { 'X-Circle-Widgets': '' } }),
    );
    await expectRefused(
      'other widget header',
      browserFetch(endpoint, { session: 'session-ada', headers: { 'X-Circle-Widgets': 'yes' } }),
    );
  });

  test('refuses an opaque origin and a cross-site request without Origin', async () => {
    await expectRefused(
      'null origin',
      browserFetch(endpoint, { session: 'session-ada', origin: 'null' }),
    );
    await expectRefused(
      'cross-site without origin',
      browserFetch(endpoint, {
        session: 'session-ada',
        origin: null,
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      }),
    );
  });

  test('accepts allowedOrigins, and same-origin requests seen through a proxy', async () => {
    const proxied = await startHost({ allowedOrigins: ['https://www.example.com/'] });

    const listed = await record(
      'allowed origin',
      await browserFetch(proxied, { session: 'session-ada', origin: 'https://www.example.com' }),
    );
    assert.equal(listed.status, 200);

    const sameOrigin = await record(
      'same-origin behind a proxy',
      await browserFetch(endpoint, {
        session: 'session-ada',
        origin: 'https://public.example.org',
        headers: { 'Sec-Fetch-Site': 'same-origin' },
      }),
    );
    assert.equal(sameOrigin.status, 200);
  });

  test('accepts a client that is not a browser (no Origin, no Sec-Fetch-Site)', async () => {
    const { status } = await record(
      'server-side client',
      await browserFetch(endpoint, { session: 'session-ada', origin: null }),
    );
    assert.equal(status, 200);
  });
});

describe('requests the endpoint does not take', () => {
  test('another method gets 405 with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const { status, headers, json } = await record(
        method,
        await browserFetch(endpoint, { session: 'session-ada', method }),
      );
      assert.equal(status, 405);
      assert.equal(headers.get('allow'), 'POST');
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.equal(json?.error, 'method_not_allowed');
    }
  });

  test('malformed bodies get 400, 413 or 415', async () => {
    const cases: Array<[string, RequestInit['body'], string, number, string]> = [
      ['not JSON', '{"action":', 'application/json', 400, 'bad_request'],
      ['not an object', '["refresh"]', 'application/json', 400, 'bad_request'],
      ['unknown action', '{"action":"delete-everything"}', 'application/json', 400, 'bad_request'],
      [
        'a form',
        'action=refresh',
        'application/x-www-form-urlencoded',
        415,
        'unsupported_media_type',
      ],
      [
        'too large',
        JSON.stringify({ action: 'refresh', refresh_token: 'x'.repeat(9000) }),
        'application/json',
        413,
        'payload_too_large',
      ],
    ];

    for (const [label, body, contentType, expectedStatus, expectedError] of cases) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'X-Circle-Widgets': '1',
          Origin: new URL(endpoint).origin,
          Cookie: 'host_session=session-ada',
          'Content-Type': contentType,
        },
        body,
      });
      const { status, json } = await record(label, response);
      assert.equal(status, expectedStatus, label);
      assert.equal(json?.error, expectedError, label);
    }
  });
});

describe('rate limit', () => {
  test('answers 429 with Retry-After past the limit, counting each member apart', async () => {
    const limited = await startHost({ rateLimit: { max: 3, windowMs: 60_000 } });
    const issuesBefore = callsTo(AUTH_PATHS.issue).length;

    for (let index = 0; index < 3; index += 1) {
      const { status } = await record(
        'within limit',
        await browserFetch(limited, { session: 'session-ada' }),
      );
      assert.equal(status, 200);
    }
    const refused = await record(
      'over limit',
      await browserFetch(limited, { session: 'session-ada' }),
    );
    assert.equal(refused.status, 429);
    assert.equal(refused.json?.error, 'rate_limited');
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `${retryAfter}`);

    // Refreshing counts too, and another member has a limit of their own.
    const refresh = await record(
      'refresh over limit',
      await browserFetch(limited, {
        session: 'session-ada',
        body: { action: 'refresh', refresh_token: 'x.y' },
      }),
    );
    assert.equal(refresh.status, 429);
    const grace = await record(
      'other member',
      await browserFetch(limited, { session: 'session-grace' }),
    );
    assert.equal(grace.status, 200);

    assert.equal(callsTo(AUTH_PATHS.issue).length, issuesBefore + 4);
  });

  test('lets the member in again once the window ends', async () => {
    const limited = await startHost({ rateLimit: { max: 1, windowMs: 300 } });

    assert.equal(
      (await record('first', await browserFetch(limited, { session: 'session-ada' }))).status,
      200,
    );
    const refused = await record('second', await browserFetch(limited, { session: 'session-ada' }));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '1');

    await sleep(350);
    assert.equal(
      (await record('after window', await browserFetch(limited, { session: 'session-ada' })))
        .status,
      200,
    );
  });

  test('defaults to 30 requests a minute per member', async () => {
    const defaults = await startHost({ rateLimit: undefined });
    const statuses: number[] = [];
    for (let index = 0; index < 31; index += 1) {
      statuses.push(
        (await record('default limit', await browserFetch(defaults, { session: 'session-linus' })))
          .status,
      );
    }
    assert.deepEqual(statuses, [...Array<number>(30).fill(200), 429]);
  });
});

describe('when Circle fails', () => {
  test('a rejected app token gives 502 without the token in the answer or the report', async () => {
    const misconfigured = await startHost({ appToken: WRONG_APP_TOKEN });

    const { status, headers, json } = await record(
      'wrong app token',
      await browserFetch(misconfigured, { session: 'session-ada' }),
    );
    assert.equal(status, 502);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(json?.error, 'app_token_rejected');
    assert.equal(callsTo(AUTH_PATHS.issue).at(-1)?.status, 401);

    const report = lastReport();
    assert.equal(report?.code, 'app_token_rejected');
    assert.match(String(report?.message), /Headless Auth app token/);
    assert.ok(!String(report?.message).includes(WRONG_APP_TOKEN));
    assert.ok(!String(report?.stack).includes(WRONG_APP_TOKEN));
  });

  test('maps Circle refusals and outages to 502, 503 and 504', async () => {
    const slow = await startHost({ timeoutMs: 200 });
    const cases: Array<[string, Parameters<FakeCircleAuth['failNext']>[1], number, string]> = [
      [
        'not eligible',
        {
          status: 403,
          body: {
            success: false,
            message: "Your community isn't eligible for headless API access.",
            error_details: {},
          },
        },
        502,
        'community_not_eligible',
      ],
      [
        '422',
        {
          status: 422,
          body: {
            success: false,
            message: 'There was an error creating the token. Please contact support.',
            error_details: { message: 'Record invalid' },
          },
        },
        502,
        'circle_failed',
      ],
      [
        '500',
        { status: 500, body: { success: false, message: 'boom', error_details: null } },
        502,
        'circle_failed',
      ],
      [
        '200 without a token',
        { status: 200, body: { access_token_expires_at: '2030-01-01T00:00:00.000Z' } },
        502,
        'circle_failed',
      ],
      ['dropped connection', 'drop', 502, 'circle_unreachable'],
      ['no answer', 'hang', 504, 'circle_timeout'],
    ];

    for (const [label, failure, expectedStatus, expectedError] of cases) {
      fake.failNext(AUTH_PATHS.issue, failure);
      const { status, headers, json } = await record(
        label,
        await browserFetch(slow, { session: 'session-ada' }),
      );
      assert.equal(status, expectedStatus, label);
      assert.equal(json?.error, expectedError, label);
      assert.equal(headers.get('cache-control'), 'no-store', label);
      assert.equal(lastReport()?.code, expectedError, label);
    }
  });

  test("passes Circle's Retry-After on when Circle rate-limits the site", async () => {
    fake.failNext(AUTH_PATHS.issue, {
      status: 429,
      body: { success: false, message: 'Too many requests', error_details: null },
      headers: { 'Retry-After': '17' },
    });
    const { status, headers, json } = await record(
      'circle 429',
      await browserFetch(endpoint, { session: 'session-ada' }),
    );
    assert.equal(status, 503);
    assert.equal(headers.get('retry-after'), '17');
    assert.equal(json?.error, 'circle_rate_limited');
  });

  test('an unreachable Circle gives 502 circle_unreachable', async () => {
    const closed = await listen(() => undefined);
    await closed.close();
    const offline = await startHost({ authBase: closed.origin });

    const { status, json } = await record(
      'connection refused',
      await browserFetch(offline, { session: 'session-ada' }),
    );
    assert.equal(status, 502);
    assert.equal(json?.error, 'circle_unreachable');
    assert.match(String(lastReport()?.message), /ECONNREFUSED/);
  });
});

describe('when the host is misconfigured', () => {
  test('identify() throwing gives 500, with the app token redacted from the report', async () => {
    const failing = await startHost({
      identify: () => {
        throw new Error(`session store down (connected with ${APP_TOKEN})`);
      },
    });

    const { status, json } = await record(
      'identify throws',
      await browserFetch(failing, { session: 'session-ada' }),
    );
    assert.equal(status, 500);
    assert.equal(json?.error, 'identify_failed');
    assert.match(
      String(lastReport()?.message),
      /session store down \(connected with \[app token\]\)/,
    );
  });

  test('identify() answering something else than an identity gives 500', async () => {
    const confused = await startHost({
      identify: async () => ({ id: 7 }) as unknown as { email: string },
    });
    const { status, json } = await record(
      'bad identity',
      await browserFetch(confused, { session: 'x' }),
    );
    assert.equal(status, 500);
    assert.equal(json?.error, 'identify_failed');
    assert.match(String(lastReport()?.message), /sso_user_id/);
  });

  test('a missing app token gives 500 not_configured', async () => {
    const unset = await startHost({ appToken: undefined });
    const { status, json } = await record(
      'no app token',
      await browserFetch(unset, { session: 'session-ada' }),
    );
    assert.equal(status, 500);
    assert.equal(json?.error, 'not_configured');
    assert.match(String(lastReport()?.message), /CIRCLE_HEADLESS_APP_TOKEN/);
  });

  test('without onError, failures answered 5xx are logged, redacted', async () => {
    const logged = await startHost({ appToken: WRONG_APP_TOKEN, onError: undefined });
    const printedBefore = output.text().length;

    const { status } = await record(
      'default logging',
      await browserFetch(logged, { session: 'session-ada' }),
    );
    assert.equal(status, 502);

    const printed = output.text().slice(printedBefore);
    assert.match(
      printed,
      /\[circle-token-endpoint\] app_token_rejected: Circle answered 401 to issue \("/,
    );
    assert.ok(!printed.includes(WRONG_APP_TOKEN));
  });

  test('createTokenHandler refuses unsafe or malformed options', () => {
    const base = { appToken: APP_TOKEN, identify: identifyByCookie };
    assert.throws(
      () => createTokenHandler({ ...base, authBase: 'http://auth.example.com' }),
      /https/,
    );
    assert.throws(() => createTokenHandler({ ...base, authBase: 'not a url' }), /absolute URL/);
    assert.throws(() => createTokenHandler({ ...base, allowedOrigins: ['example.com'] }), /origin/);
    assert.throws(
      () => createTokenHandler({ ...base, rateLimit: { max: 0, windowMs: 1000 } }),
      /rateLimit/,
    );
  });
});

describe('across every answer of this file', () => {
  test('each one is Cache-Control: no-store', () => {
    assert.ok(seenResponses.length > 60, `only ${seenResponses.length} answers seen`);
    for (const response of seenResponses) {
      assert.equal(response.headers.get('cache-control'), 'no-store', response.label);
    }
  });

  test('no answer, header or printed line holds an app token', () => {
    const secrets = [APP_TOKEN, WRONG_APP_TOKEN];
    for (const response of seenResponses) {
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      for (const secret of secrets) {
        assert.ok(!headers.includes(secret), `${response.label}: headers`);
        assert.ok(!response.body.includes(secret), `${response.label}: body`);
      }
    }

    const printed = output.text();
    assert.ok(
      printed.includes('[circle-token-endpoint]'),
      'the output watch saw the logged failure',
    );
    for (const secret of secrets) assert.ok(!printed.includes(secret), 'printed output');
    for (const report of reported) {
      for (const secret of secrets) {
        assert.ok(!`${report.message}${report.publicMessage}${report.stack}`.includes(secret));
      }
    }
  });

  test('every request sent to Circle followed the spec and carried the app token', () => {
    assert.deepEqual(fake.violations, []);
    const tokens = new Set(fake.calls.map((call) => call.authorization));
    assert.deepEqual(tokens, new Set([`Bearer ${APP_TOKEN}`, `Bearer ${WRONG_APP_TOKEN}`]));
  });
});
