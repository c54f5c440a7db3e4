/** The handler straight on the Fetch API, and behind the node:http and Express-style adapters. */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';

import {
  createTokenHandler,
  toExpressMiddleware,
  toNodeListener,
  writeFetchResponse,
} from '../src/index.js';
import type { ExpressLikeMiddleware, ExpressLikeRequest, TokenHandler } from '../src/index.js';
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
  watchOutput,
} from './helpers.js';

const output = watchOutput();
const closers: Array<() => Promise<void>> = [];
let fake: FakeCircleAuth;
let handler: TokenHandler;
/** What identify() was handed, to see the request the adapters built. */
const identified: Request[] = [];

before(async () => {
  fake = await startFakeCircleAuth({ appToken: APP_TOKEN, members: MEMBERS });
  handler = createTokenHandler({
    appToken: APP_TOKEN,
    authBase: fake.baseUrl,
    identify: (request) => {
      identified.push(request);
      return identifyByCookie(request);
    },
    onError: () => undefined,
  });
});

after(async () => {
  await Promise.all(closers.map((close) => close()));
  await fake.close();
});

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = await listen(listener);
  closers.push(() => server.close());
  return server.origin;
}

type Middleware = ExpressLikeMiddleware;

/** Just enough of Express to run middleware in order, mounted at `mountPath`. */
function miniApp(mountPath: string, middlewares: Middleware[], errors: unknown[] = []) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const request = req as ExpressLikeRequest;
    const url = request.url ?? '/';
    if (!url.startsWith(mountPath)) {
      res.writeHead(404).end();
      return;
    }
    request.originalUrl = url;
    request.url = url.slice(mountPath.length) || '/';

    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) {
        errors.push(error);
        res.writeHead(500, { 'Cache-Control': 'no-store' }).end('app error');
        return;
      }
      const middleware = middlewares[index];
      index += 1;
      if (middleware) middleware(request, res, next);
      else res.writeHead(404).end();
    };
    next();
  };
}

/** Reads the body as express.json() and express.urlencoded() do, before the next middleware. */
const bodyParser: Middleware = (req, _res, next) => {
  const type = req.headers['content-type'] ?? '';
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || !/json|urlencoded/.test(type)) {
    req.body = {};
    next();
    return;
  }

  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    req.body = type.includes('json')
      ? (JSON.parse(text) as unknown)
      : Object.fromEntries(new URLSearchParams(text));
    next();
  });
};

describe('the Fetch API handler without an adapter', () => {
  test('answers a Request with a Response, as on Workers or in Next.js', async () => {
    const response = await handler(
      new Request('https://www.example.com/api/circle-token', {
        method: 'POST',
        headers: {
          Origin: 'https://www.example.com',
          'X-Circle-Widgets': '1',
          Cookie: 'host_session=session-ada',
        },
      }),
    );
    const { status, headers, json } = await record('fetch handler', response);
    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'no-store');
    assert.equal(json?.community_member_id, 101);
  });

  test('sends Circle only the identifier it prefers when identify() gives several', async () => {
    const several = createTokenHandler({
      appToken: APP_TOKEN,
      authBase: fake.baseUrl,
      identify: async () => ({ email: 'grace@example.com', sso_user_id: 'sso-grace' }),
    });
    const response = await several(
      new Request('https://www.example.com/token', {
        method: 'POST',
        headers: { 'X-Circle-Widgets': '1', 'Sec-Fetch-Site': 'same-origin' },
      }),
    );
    const { status, json } = await record('several identifiers', response);
    assert.equal(status, 200);
    assert.equal(json?.community_member_id, 102);
    assert.deepEqual(fake.calls.at(-1)?.body, { sso_user_id: 'sso-grace' });
  });
});

describe('toNodeListener', () => {
  test('hands the handler the URL, method, headers and body node received', async () => {
    const origin = await serve(toNodeListener(handler));
    const issued = await record(
      'node issue',
      await browserFetch(`${origin}/api/circle-token?from=test`, { session: 'session-ada' }),
    );
    assert.equal(issued.status, 200);
    assert.equal(identified.at(-1)?.url, `${origin}/api/circle-token?from=test`);
    assert.equal(identified.at(-1)?.headers.get('x-circle-widgets'), '1');

    const refreshed = await record(
      'node refresh',
      await browserFetch(`${origin}/api/circle-token`, {
        session: 'session-ada',
        body: { action: 'refresh', refresh_token: issued.json?.refresh_token },
      }),
    );
    assert.equal(refreshed.status, 200);
    assert.equal(typeof refreshed.json?.access_token, 'string');
  });

  test('keeps its own origin for a path that looks like another host', async () => {
    const origin = await serve(toNodeListener(handler));
    const { status } = await record(
      'double-slash path',
      await browserFetch(`${origin}//other.example/token`, { session: 'session-ada' }),
    );
    assert.equal(status, 200);
    assert.equal(identified.at(-1)?.url, `${origin}//other.example/token`);
  });

  test('refuses a 1 MB body with 413 without reading it all first', async () => {
    const origin = await serve(toNodeListener(handler));
    const url = new URL(`${origin}/api/circle-token`);

    // A raw request, so the body can be streamed without Content-Length.
    const status = await new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(url, {
        method: 'POST',
        headers: {
          'X-Circle-Widgets': '1',
          Origin: origin,
          Cookie: 'host_session=session-ada',
          'Content-Type': 'application/json',
        },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let index = 0; index < 16; index += 1) outgoing.write(chunk);
      outgoing.end();
    });
    assert.equal(status, 413);
  });
});

describe('writeFetchResponse', () => {
  /** The Set-Cookie headers node sent for `response`, read back over loopback. */
  async function cookiesSentFor(response: () => Response): Promise<string[] | undefined> {
    const origin = await serve((_req, res) => void writeFetchResponse(response(), res));
    return new Promise((resolve, reject) => {
      httpRequest(origin, (answer) => {
        answer.resume();
        resolve(answer.headers['set-cookie']);
      })
        .on('error', reject)
        .end();
    });
  }

  function withCookies(): Response {
    const headers = new Headers();
    headers.append('Set-Cookie', 'first=1; Path=/');
    headers.append('Set-Cookie', 'second=2; Path=/');
    return new Response('ok', { headers });
  }

  test('sends each cookie as its own Set-Cookie header', async () => {
    assert.deepEqual(await cookiesSentFor(withCookies), ['first=1; Path=/', 'second=2; Path=/']);
  });

  test('still sends the cookies where Headers has no getSetCookie (Node < 18.14.1)', async () => {
    const sent = await cookiesSentFor(() => {
      const response = withCookies();
      Object.defineProperty(response.headers, 'getSetCookie', { value: undefined });
      return response;
    });
    assert.deepEqual(sent, ['first=1; Path=/, second=2; Path=/']);
  });
});

describe('toExpressMiddleware', () => {
  test('serves issue and refresh after a JSON body parser, with the mounted URL', async () => {
    const errors: unknown[] = [];
    const origin = await serve(miniApp('/api', [bodyParser, toExpressMiddleware(handler)], errors));
    const endpoint = `${origin}/api/circle-token`;

    const issued = await record(
      'express issue',
      await browserFetch(endpoint, { session: 'session-grace' }),
    );
    assert.equal(issued.status, 200);
    assert.equal(issued.json?.community_member_id, 102);
    assert.equal(identified.at(-1)?.url, endpoint, 'originalUrl, not the mount-relative url');

    const refreshed = await record(
      'express refresh',
      await browserFetch(endpoint, {
        session: 'session-grace',
        body: { action: 'refresh', refresh_token: issued.json?.refresh_token },
      }),
    );
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.headers.get('cache-control'), 'no-store');
    assert.deepEqual(errors, []);
  });

  test('reads the body itself when no parser ran', async () => {
    const origin = await serve(miniApp('/', [toExpressMiddleware(handler)]));
    const issued = await record(
      'express bare issue',
      await browserFetch(`${origin}/t`, { session: 'session-ada' }),
    );
    const signOut = await record(
      'express sign out',
      await browserFetch(`${origin}/t`, {
        session: 'session-ada',
        body: { action: 'sign-out', access_token: issued.json?.access_token },
      }),
    );
    assert.equal(signOut.status, 204);
    assert.equal(fake.isAccessTokenLive(String(issued.json?.access_token)), false);
    assert.equal(fake.calls.at(-1)?.path, AUTH_PATHS.revokeAccessToken);
  });

  test('still refuses a form body a parser already read', async () => {
    const origin = await serve(miniApp('/', [bodyParser, toExpressMiddleware(handler)]));
    const response = await fetch(`${origin}/t`, {
      method: 'POST',
      headers: {
        'X-Circle-Widgets': '1',
        Origin: origin,
        Cookie: 'host_session=session-ada',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'action=refresh&refresh_token=x',
    });
    const { status, json } = await record('express form', response);
    assert.equal(status, 415);
    assert.equal(json?.error, 'unsupported_media_type');
  });

  test('passes an unexpected failure to next(error)', async () => {
    const errors: unknown[] = [];
    const broken: TokenHandler = async () => {
      throw new Error('handler bug');
    };
    const origin = await serve(miniApp('/', [toExpressMiddleware(broken)], errors));

    const response = await browserFetch(`${origin}/t`, { session: 'session-ada' });
    assert.equal(response.status, 500);
    assert.equal(await response.text(), 'app error');
    assert.equal((errors[0] as Error | undefined)?.message, 'handler bug');
  });
});

describe('across every answer of this file', () => {
  test('none holds the app token, each is no-store, and nothing printed it', () => {
    assert.ok(seenResponses.length > 5, `only ${seenResponses.length} answers seen`);
    for (const response of seenResponses) {
      const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
      assert.ok(!headers.includes(APP_TOKEN) && !response.body.includes(APP_TOKEN), response.label);
      assert.equal(response.headers.get('cache-control'), 'no-store', response.label);
    }
    assert.ok(!output.text().includes(APP_TOKEN));
    assert.deepEqual(fake.violations, []);
  });
});
