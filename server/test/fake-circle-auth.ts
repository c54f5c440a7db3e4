/**
 * A fake of Circle's Headless Auth API on a real loopback HTTP server: the four operations of
 * auth-api.openapi.json, with the app token checked, request bodies validated against the spec,
 * and tokens that expire and can be revoked.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { requestBodyProblems } from './openapi.js';

export const AUTH_PATHS = {
  issue: '/api/v1/headless/auth_token',
  refresh: '/api/v1/headless/access_token/refresh',
  revokeAccessToken: '/api/v1/headless/access_token/revoke',
  revokeRefreshToken: '/api/v1/headless/refresh_token/revoke',
} as const;

export interface FakeMember {
  id: number;
  email: string;
  sso_user_id?: string;
}

/** A canned answer for the next call to a path, or a way to fail at the network level. */
export type Failure =
  { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'drop';

export interface RecordedCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
  status: number;
  /** What the fake answered; `undefined` for an empty body. */
  answer: unknown;
}

export interface FakeCircleAuth {
  /** `http://127.0.0.1:<port>`, to pass as `authBase`. */
  readonly baseUrl: string;
  readonly calls: RecordedCall[];
  /** Requests whose body broke the spec; a correct client leaves this empty. */
  readonly violations: string[];
  failNext(path: string, failure: Failure): void;
  /** Whether the access token is still live (issued or refreshed, not revoked, not expired). */
  isAccessTokenLive(accessToken: string): boolean;
  close(): Promise<void>;
}

export interface FakeCircleAuthOptions {
  appToken: string;
  members: FakeMember[];
  communityId?: number;
  accessTokenLifetimeMs?: number;
  refreshTokenLifetimeMs?: number;
}

const HOUR_MS = 60 * 60 * 1000;

const MESSAGES = {
  unauthorized: 'Your account could not be authenticated.',
  memberNotFound:
    'Community member not found. Please provide a valid SSO User ID, community member ID, or email.',
  refreshTokenNotFound: 'Refresh token not found.',
  refreshTokenExpired: 'The refresh token is expired. Please generate/get new auth token.',
  accessTokenNotFound: 'The access token not found.',
  accessTokenExpired: 'The access token is expired.',
};

interface HeldToken {
  memberId: number;
  expiresAt: number;
}

export async function startFakeCircleAuth(options: FakeCircleAuthOptions): Promise<FakeCircleAuth> {
  const communityId = options.communityId ?? 1;
  const accessLifetime = options.accessTokenLifetimeMs ?? HOUR_MS;
  const refreshLifetime = options.refreshTokenLifetimeMs ?? 30 * 24 * HOUR_MS;
  const signingSecret = randomBytes(32);
  const accessTokens = new Map<string, HeldToken>();
  const refreshTokens = new Map<string, HeldToken>();
  const failures = new Map<string, Failure>();
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const hanging = new Set<ServerResponse>();

  function findMember(body: Record<string, unknown>): FakeMember | undefined {
    // One identifier per request, as the spec's oneOf says; the spec validation caught others.
    if (typeof body.sso_user_id === 'string') {
      return options.members.find((member) => member.sso_user_id === body.sso_user_id);
    }
    if (typeof body.community_member_id === 'number') {
      return options.members.find((member) => member.id === body.community_member_id);
    }
    const email = String(body.email ?? '').toLowerCase();
    return options.members.find((member) => member.email.toLowerCase() === email);
  }

  function mintAccessToken(member: FakeMember): { token: string; expiresAt: number } {
    const expiresAt = Date.now() + accessLifetime;
    const header = base64Url(JSON.stringify({ alg: 'HS256' }));
    const payload = base64Url(
      JSON.stringify({
        community_id: communityId,
        community_member_id: member.id,
        sso_user_id: member.sso_user_id ?? null,
        exp: Math.floor(expiresAt / 1000),
        jti: randomUUID(),
      }),
    );
    const signature = createHmac('sha256', signingSecret)
      .update(`${header}.${payload}`)
      .digest('base64url');
    const token = `${header}.${payload}.${signature}`;
    accessTokens.set(token, { memberId: member.id, expiresAt });
    return { token, expiresAt };
  }

  function issue(body: Record<string, unknown>): [number, unknown] {
    const member = findMember(body);
    if (!member) return [404, errorBody(MESSAGES.memberNotFound)];

    const access = mintAccessToken(member);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = Date.now() + refreshLifetime;
    refreshTokens.set(refreshToken, { memberId: member.id, expiresAt: refreshExpiresAt });
    return [
      200,
      {
        access_token: access.token,
        refresh_token: refreshToken,
        access_token_expires_at: new Date(access.expiresAt).toISOString(),
        refresh_token_expires_at: new Date(refreshExpiresAt).toISOString(),
        community_member_id: member.id,
        community_id: communityId,
      },
    ];
  }

  function refresh(body: Record<string, unknown>): [number, unknown] {
    const held = refreshTokens.get(String(body.refresh_token));
    if (!held) return [404, errorBody(MESSAGES.refreshTokenNotFound)];
    if (held.expiresAt <= Date.now()) return [401, errorBody(MESSAGES.refreshTokenExpired)];

    const member = options.members.find((candidate) => candidate.id === held.memberId);
    if (!member) return [404, errorBody(MESSAGES.refreshTokenNotFound)];
    const access = mintAccessToken(member);
    return [
      200,
      {
        access_token: access.token,
        access_token_expires_at: new Date(access.expiresAt).toISOString(),
      },
    ];
  }

  function revokeAccessToken(body: Record<string, unknown>): [number, unknown] {
    const token = String(body.access_token);
    const held = accessTokens.get(token);
    if (!held) return [422, errorBody(MESSAGES.accessTokenNotFound)];
    accessTokens.delete(token);
    if (held.expiresAt <= Date.now()) return [422, errorBody(MESSAGES.accessTokenExpired)];
    return [204, undefined];
  }

  function revokeRefreshToken(body: Record<string, unknown>): [number, unknown] {
    const token = String(body.refresh_token);
    const held = refreshTokens.get(token);
    if (!held) return [404, errorBody(MESSAGES.refreshTokenNotFound)];
    refreshTokens.delete(token);
    if (held.expiresAt <= Date.now()) return [401, errorBody(MESSAGES.refreshTokenExpired)];
    return [204, undefined];
  }

  const routes: Record<string, [string, (body: Record<string, unknown>) => [number, unknown]]> = {
    [AUTH_PATHS.issue]: ['POST', issue],
    [AUTH_PATHS.refresh]: ['PATCH', refresh],
    [AUTH_PATHS.revokeAccessToken]: ['POST', revokeAccessToken],
    [AUTH_PATHS.revokeRefreshToken]: ['POST', revokeRefreshToken],
  };

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const text = await readBody(request);
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const call: RecordedCall = {
      method: request.method ?? '',
      path,
      authorization: request.headers.authorization,
      body,
      status: 0,
      answer: undefined,
    };
    calls.push(call);

    function send(status: number, payload: unknown, headers: Record<string, string> = {}): void {
      call.status = status;
      call.answer = payload;
      const json = payload === undefined ? undefined : JSON.stringify(payload);
      response.writeHead(status, {
        ...(json === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...headers,
      });
      response.end(json);
    }

    const failure = failures.get(path);
    failures.delete(path);
    if (failure === 'hang') {
      hanging.add(response);
      return;
    }
    if (failure === 'drop') {
      request.socket.destroy();
      return;
    }

    const route = routes[path];
    if (!route || route[0] !== request.method) {
      violations.push(`${request.method} ${path} is not an Auth API operation`);
      return send(404, errorBody('Not found.'));
    }
    if (request.headers.authorization !== `Bearer ${options.appToken}`) {
      return send(401, errorBody(MESSAGES.unauthorized));
    }

    const contentType = request.headers['content-type'] ?? '';
    const problems = contentType.startsWith('application/json')
      ? requestBodyProblems(route[0], path, body)
      : [`Content-Type is ${contentType || 'missing'}`];
    if (problems.length > 0) {
      violations.push(`${request.method} ${path}: ${problems.join('; ')}`);
      return send(400, errorBody('The fake refused a request that breaks the spec.'));
    }

    if (failure) return send(failure.status, failure.body, failure.headers);
    const [status, payload] = route[1](body as Record<string, unknown>);
    send(status, payload);
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      violations.push(`the fake failed: ${String(error)}`);
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    violations,
    failNext(path, failure) {
      failures.set(path, failure);
    },
    isAccessTokenLive(accessToken) {
      const held = accessTokens.get(accessToken);
      return held !== undefined && held.expiresAt > Date.now();
    },
    async close() {
      hanging.forEach((response) => response.destroy());
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function errorBody(message: string): unknown {
  return { success: false, message, error_details: {} };
}

function base64Url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}
