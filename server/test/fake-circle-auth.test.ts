/** The fake Auth API answers as auth-api.openapi.json says, so the other tests mean something. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { AUTH_PATHS, startFakeCircleAuth } from './fake-circle-auth.js';
import type { FakeCircleAuth } from './fake-circle-auth.js';
import { APP_TOKEN, MEMBERS, sleep } from './helpers.js';
import { responseBodyProblems } from './openapi.js';

let fake: FakeCircleAuth;
let shortLived: FakeCircleAuth;

before(async () => {
  fake = await startFakeCircleAuth({ appToken: APP_TOKEN, members: MEMBERS });
  shortLived = await startFakeCircleAuth({
    appToken: APP_TOKEN,
    members: MEMBERS,
    accessTokenLifetimeMs: 20,
    refreshTokenLifetimeMs: 20,
  });
});

after(async () => {
  await fake.close();
  await shortLived.close();
});

async function call(
  target: FakeCircleAuth,
  method: string,
  path: string,
  body: unknown,
  appToken = APP_TOKEN,
): Promise<{ status: number; json: Record<string, unknown> | undefined }> {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${appToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

describe('the fake Circle Auth API', () => {
  test('issues, refreshes and revokes like the spec, answering its documented shapes', async () => {
    const issued = await call(fake, 'POST', AUTH_PATHS.issue, { community_member_id: 101 });
    assert.equal(issued.status, 200);
    const refreshToken = String(issued.json?.refresh_token);
    const accessToken = String(issued.json?.access_token);
    assert.equal(
      JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString())
        .community_member_id,
      101,
    );

    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.issue, { email: 'GRACE@example.com' })).status,
      200,
    );
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.issue, { sso_user_id: 'sso-ada' })).status,
      200,
    );
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.issue, { sso_user_id: 'nobody' })).status,
      404,
    );
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.issue, { email: 'a@b.c' }, 'wrong')).status,
      401,
    );

    const refreshed = await call(fake, 'PATCH', AUTH_PATHS.refresh, {
      refresh_token: refreshToken,
    });
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.json?.access_token, accessToken);
    assert.equal(
      (await call(fake, 'PATCH', AUTH_PATHS.refresh, { refresh_token: 'nope' })).status,
      404,
    );

    const revokeAccess = { access_token: accessToken };
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.revokeAccessToken, revokeAccess)).status,
      204,
    );
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.revokeAccessToken, revokeAccess)).status,
      422,
    );

    const revokeRefresh = { refresh_token: refreshToken };
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.revokeRefreshToken, revokeRefresh)).status,
      204,
    );
    assert.equal(
      (await call(fake, 'POST', AUTH_PATHS.revokeRefreshToken, revokeRefresh)).status,
      404,
    );
    assert.equal((await call(fake, 'PATCH', AUTH_PATHS.refresh, revokeRefresh)).status, 404);

    for (const recorded of fake.calls) {
      assert.deepEqual(
        responseBodyProblems(recorded.method, recorded.path, recorded.status, recorded.answer),
        [],
        `${recorded.method} ${recorded.path} ${recorded.status}`,
      );
    }
    assert.deepEqual(fake.violations, []);
  });

  test('expires tokens: refreshing an expired refresh token answers 401', async () => {
    const issued = await call(shortLived, 'POST', AUTH_PATHS.issue, { sso_user_id: 'sso-ada' });
    await sleep(40);

    const refreshed = await call(shortLived, 'PATCH', AUTH_PATHS.refresh, {
      refresh_token: issued.json?.refresh_token,
    });
    assert.equal(refreshed.status, 401);
    assert.match(String(refreshed.json?.message), /refresh token is expired/);
    assert.equal(shortLived.isAccessTokenLive(String(issued.json?.access_token)), false);

    const revoked = await call(shortLived, 'POST', AUTH_PATHS.revokeAccessToken, {
      access_token: issued.json?.access_token,
    });
    assert.equal(revoked.status, 422);
    assert.equal(revoked.json?.message, 'The access token is expired.');

    for (const recorded of shortLived.calls) {
      assert.deepEqual(
        responseBodyProblems(recorded.method, recorded.path, recorded.status, recorded.answer),
        [],
      );
    }
  });

  test('records requests that break the spec instead of answering them', async () => {
    const target = await startFakeCircleAuth({ appToken: APP_TOKEN, members: MEMBERS });
    try {
      const two = await call(target, 'POST', AUTH_PATHS.issue, {
        sso_user_id: 'sso-ada',
        email: 'ada@example.com',
      });
      const stringId = await call(target, 'POST', AUTH_PATHS.issue, { community_member_id: '101' });
      const missing = await call(target, 'PATCH', AUTH_PATHS.refresh, {});
      const wrongMethod = await call(target, 'POST', AUTH_PATHS.refresh, { refresh_token: 'x' });

      assert.deepEqual(
        [two.status, stringId.status, missing.status, wrongMethod.status],
        [400, 400, 400, 404],
      );
      assert.equal(target.violations.length, 4);
      assert.match(target.violations[0] ?? '', /auth_token/);
    } finally {
      await target.close();
    }
  });
});
