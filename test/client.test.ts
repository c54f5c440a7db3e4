import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { ApiClient } from '../src/api/client.js';
import { CircleApiError } from '../src/api/errors.js';
import { getSession, resetSessions } from '../src/session/session.js';

const API = 'https://app.circle.so/api/headless/v1';

function client(): ApiClient {
  return new ApiClient({
    apiBase: 'https://app.circle.so',
    session: getSession('/api/circle-token'),
    retryDelayMs: 1,
  });
}

async function failure(promise: Promise<unknown>): Promise<CircleApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'the call should have failed').to.be.instanceOf(CircleApiError);
  return error as CircleApiError;
}

/** Answers `responses` in turn (the last one repeats) and counts the calls. */
function sequence(method: 'get' | 'post', path: string, responses: (() => Response)[]) {
  const calls = { count: 0 };
  worker.use(
    http[method](`${API}${path}`, () => responses[Math.min(calls.count++, responses.length - 1)]()),
  );
  return calls;
}

describe('Member API client', () => {
  beforeEach(() => resetSessions());

  it('sends the bearer token and decodes typed answers', async () => {
    let authorization: string | null = null;
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(API)) authorization ??= request.headers.get('Authorization');
    });

    const home = await client().get('/home', { query: { per_page: 3, sort: 'latest' } });

    expect(home.records).to.have.length(3);
    expect(authorization).to.match(/^Bearer \S+$/);
    worker.events.removeAllListeners('request:start');
  });

  it('fills path parameters and accepts space slugs', async () => {
    const space = sandbox.db.spaces[0];
    const posts = await client().get('/spaces/{space_id}/posts', {
      params: { space_id: space.slug! },
    });
    expect(posts.records!.every((post) => post.space?.id === space.id)).to.equal(true);
  });

  it('tells a missing record (404) apart', async () => {
    const error = await failure(
      client().get('/spaces/{space_id}/posts/{id}', { params: { space_id: 1, id: 999999 } }),
    );
    expect(error.kind).to.equal('not-found');
    expect(error.status).to.equal(404);
  });

  it("tells a validation failure (422) apart and keeps Circle's details", async () => {
    sequence('post', '/posts/:id/comments', [
      () =>
        HttpResponse.json(
          { success: false, message: 'Invalid', error_details: { body: ["can't be blank"] } },
          { status: 422 },
        ),
    ]);
    const error = await failure(
      client().post('/posts/{post_id}/comments', { params: { post_id: 1 }, body: {} }),
    );
    expect(error.kind).to.equal('validation');
    expect(error.details).to.deep.equal({ body: ["can't be blank"] });
  });

  it('tells a permission 401 apart from an expired token, without renewing', async () => {
    sequence('post', '/posts/:id/user_likes', [
      () => HttpResponse.json({ message: 'You cannot perform this action.' }, { status: 401 }),
    ]);
    const error = await failure(
      client().post('/posts/{post_id}/user_likes', { params: { post_id: 1 } }),
    );
    expect(error.kind).to.equal('unauthorized');
    expect(error.message).to.equal('You cannot perform this action.');
    expect(sandbox.auth.tokenRequests).to.equal(1);
  });

  it('gets a new token once and retries when Circle no longer knows the token', async () => {
    let calls = 0;
    worker.use(
      http.get(`${API}/community_member`, () =>
        calls++ === 0
          ? HttpResponse.json(
              { success: false, message: 'The access token not found.', error_details: {} },
              { status: 401 },
            )
          : undefined,
      ),
    );
    const member = await client().get('/community_member');
    expect(member.id).to.be.a('number');
    expect(sandbox.auth.tokenRequests).to.equal(2);
  });

  it('treats an empty 200 as malformed, unless the caller expects no body', async () => {
    sequence('get', '/community_member', [() => new HttpResponse(null, { status: 200 })]);
    const error = await failure(client().get('/community_member'));
    expect(error.kind).to.equal('malformed');

    sequence('post', '/notifications/mark_all_as_read', [
      () => new HttpResponse(null, { status: 200 }),
    ]);
    const answer = await client().post('/notifications/mark_all_as_read', { emptyOk: true });
    expect(answer).to.equal(undefined);
  });

  it('refuses path parameters that would move the request to another route', async () => {
    expect(() => client().url('/spaces/{id}', { params: { id: '..' } })).to.throw(TypeError);
    expect(client().url('/spaces/{id}', { params: { id: 'a/b?c' } })).to.equal(
      `${API}/spaces/a%2Fb%3Fc`,
    );
  });

  it('waits as long as Retry-After says on a 429, then retries a GET', async () => {
    const calls = sequence('get', '/community_member', [
      () =>
        HttpResponse.json(
          { message: 'Slow down' },
          { status: 429, headers: { 'Retry-After': '0' } },
        ),
      () => HttpResponse.json({ id: 7, name: 'Ada' }),
    ]);
    const member = await client().get('/community_member');
    expect(member.name).to.equal('Ada');
    expect(calls.count).to.equal(2);
  });

  it('reports a 429 whose Retry-After is too long to wait out', async () => {
    sequence('get', '/community_member', [
      () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '120' } }),
    ]);
    const error = await failure(client().get('/community_member'));
    expect(error.kind).to.equal('rate-limited');
    expect(error.retryAfterMs).to.equal(120_000);
  });

  it('retries a GET after 5xx answers a bounded number of times', async () => {
    const calls = sequence('get', '/community_member', [
      () => HttpResponse.json({ message: 'Bad gateway' }, { status: 502 }),
    ]);
    const error = await failure(client().get('/community_member'));
    expect(error.kind).to.equal('server');
    expect(calls.count).to.equal(3);
  });

  it('never retries a POST on its own', async () => {
    const calls = sequence('post', '/posts/:id/user_likes', [
      () => HttpResponse.json({ message: 'Oops' }, { status: 503 }),
    ]);
    const error = await failure(
      client().post('/posts/{post_id}/user_likes', { params: { post_id: 1 } }),
    );
    expect(error.kind).to.equal('server');
    expect(calls.count).to.equal(1);
  });

  it('tells a network failure apart', async () => {
    sequence('get', '/community_member', [() => HttpResponse.error()]);
    const error = await failure(client().get('/community_member'));
    expect(error.kind).to.equal('network');
  });

  it('tells a malformed body apart, such as an HTML page served with 200', async () => {
    sequence('get', '/community_member', [() => HttpResponse.html('<html>Maintenance</html>')]);
    const error = await failure(client().get('/community_member'));
    expect(error.kind).to.equal('malformed');
  });

  it('stops when the caller aborts', async () => {
    const abort = new AbortController();
    worker.use(
      http.get(`${API}/community_member`, async () => {
        await delay(2000);
        return HttpResponse.json({ id: 1 });
      }),
    );
    const pending = client().get('/community_member', { signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    const error = await failure(pending);
    expect(error.kind).to.equal('aborted');
  });
});
