/**
 * The sandbox community: msw handlers that behave like Circle's Member API over in-memory data,
 * plus a double of the host site's token endpoint.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { createSandboxDb } from './data.js';
import { COMMUNITY_ID } from './model.js';
import type { SandboxDb } from './model.js';
import { memberApiRoutes } from './routes.js';
import { avatarSvg, imageSvg } from './svg.js';

export type { SandboxDb } from './model.js';

/** How to build a sandbox. */
export interface SandboxOptions {
  /** Default 'https://app.circle.so'; the Member API lives under `${apiBase}/api/headless/v1`. */
  apiBase?: string;
  /** Default '/api/circle-token' (same origin as the page). */
  tokenEndpoint?: string;
  /** Default `new Date()`; the community's data is laid out around this instant. */
  now?: Date;
  /**
   * Also lets Member API calls through with a bearer token the sandbox did not issue, when this
   * returns true (for example one minted by a real token endpoint). The caller checks expiry.
   */
  acceptToken?: (token: string) => boolean;
}

/** The signed-in state and the token endpoint double's knobs. */
export interface SandboxAuth {
  /** false: the token endpoint answers 401. */
  signedIn: boolean;
  /** Lifetime of newly issued access tokens; default one hour like Circle's. */
  tokenLifetimeMs: number;
  /** How many times the token endpoint was called, for any action. */
  tokenRequests: number;
  /** How many of those calls were refreshes, and how many sign-outs. */
  refreshRequests: number;
  signOutRequests: number;
  /** Makes every token issued so far expired (server side). */
  expireAll(): void;
}

/** A running sandbox community. */
export interface Sandbox {
  /** Everything, for `setupWorker(...handlers)`. */
  handlers: HttpHandler[];
  /** The live data; tests may read and mutate it. */
  db: SandboxDb;
  auth: SandboxAuth;
  /** Fresh data and auth (same seed). Tokens issued earlier stay valid until they expire. */
  reset(): void;
}

interface IssuedToken {
  expiresAt: number;
  forcedExpired: boolean;
}

/** The actions of the host endpoint kit in server/: a JSON body names one, or none for issue. */
type EndpointCall =
  | { action: 'issue' }
  | { action: 'refresh'; refresh_token?: unknown }
  | { action: 'sign-out'; access_token?: unknown; refresh_token?: unknown };

const DEFAULT_LIFETIME_MS = 3_600_000;
const REFRESH_LIFETIME_MS = 30 * 86_400_000;

const base64Url = (value: string): string =>
  btoa(value).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The standard error body that every Member API 401 uses. */
export const unauthorized = (message: string): Response =>
  HttpResponse.json({ success: false, message, error_details: {} }, { status: 401 });

/** Builds a sandbox community and its msw handlers. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const apiBase = (options.apiBase ?? 'https://app.circle.so').replace(/\/+$/, '');
  const tokenEndpoint = options.tokenEndpoint ?? '/api/circle-token';
  const now = options.now ?? new Date();

  // Issued tokens outlive reset(): a page-level client may keep one between tests.
  const tokens = new Map<string, IssuedToken>();
  let tokenSerial = 0;
  let startedAt = Date.now();

  const auth: SandboxAuth = {
    signedIn: true,
    tokenLifetimeMs: DEFAULT_LIFETIME_MS,
    tokenRequests: 0,
    refreshRequests: 0,
    signOutRequests: 0,
    expireAll() {
      for (const token of tokens.values()) token.forcedExpired = true;
    },
  };

  const sandbox: Sandbox = {
    handlers: [],
    db: createSandboxDb(now),
    auth,
    reset() {
      sandbox.db = createSandboxDb(now);
      startedAt = Date.now();
      auth.signedIn = true;
      auth.tokenLifetimeMs = DEFAULT_LIFETIME_MS;
      auth.tokenRequests = 0;
      auth.refreshRequests = 0;
      auth.signOutRequests = 0;
    },
  };

  // The sandbox's clock runs from `now` at real speed, so new records look "just posted".
  const clock = (): Date => new Date(now.getTime() + (Date.now() - startedAt));

  const refreshTokens = new Set<string>();

  const accessToken = (): { value: string; expiresAt: number } => {
    tokenSerial += 1;
    const issued = Date.now();
    const expiresAt = issued + auth.tokenLifetimeMs;
    const memberId = sandbox.db.currentMemberId;
    const header = base64Url(JSON.stringify({ alg: 'HS256' }));
    const payload = base64Url(
      JSON.stringify({
        community_id: COMMUNITY_ID,
        community_member_id: memberId,
        exp: Math.floor(expiresAt / 1000),
        jti: `sandbox-${tokenSerial}`,
      }),
    );
    const value = `${header}.${payload}.${base64Url(`signature-${tokenSerial}-${issued}`)}`;
    tokens.set(value, { expiresAt, forcedExpired: false });
    return { value, expiresAt };
  };

  const issueToken = (): Record<string, unknown> => {
    const access = accessToken();
    const refreshToken = `sandbox-refresh-${tokenSerial}`;
    refreshTokens.add(refreshToken);
    return {
      access_token: access.value,
      refresh_token: refreshToken,
      access_token_expires_at: new Date(access.expiresAt).toISOString(),
      refresh_token_expires_at: new Date(Date.now() + REFRESH_LIFETIME_MS).toISOString(),
      community_member_id: sandbox.db.currentMemberId,
      community_id: COMMUNITY_ID,
    };
  };

  /** null when the request carries a live token, else Circle's 401 answer. */
  const authenticate = (request: Request): Response | null => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
    const token = match ? tokens.get(match[1]) : undefined;
    if (!token && match && options.acceptToken?.(match[1])) return null;
    if (!token) return unauthorized('The access token is invalid.');
    if (token.forcedExpired || Date.now() >= token.expiresAt) {
      return unauthorized('The access token is expired.');
    }
    return null;
  };

  // Answers as server/'s token handler does: issue, refresh with a held refresh token, or sign out.
  const tokenHandler = http.post(tokenEndpoint, async ({ request }) => {
    auth.tokenRequests += 1;
    if (!auth.signedIn) return HttpResponse.json({ error: 'signed_out' }, { status: 401 });

    const text = await request.text();
    const call = (text ? JSON.parse(text) : { action: 'issue' }) as EndpointCall;
    if (call.action === 'refresh') {
      auth.refreshRequests += 1;
      if (typeof call.refresh_token !== 'string' || !refreshTokens.has(call.refresh_token)) {
        return HttpResponse.json({ error: 'invalid_refresh_token' }, { status: 400 });
      }
      const access = accessToken();
      return HttpResponse.json({
        access_token: access.value,
        access_token_expires_at: new Date(access.expiresAt).toISOString(),
      });
    }
    if (call.action === 'sign-out') {
      auth.signOutRequests += 1;
      if (typeof call.refresh_token === 'string') refreshTokens.delete(call.refresh_token);
      const revoked = typeof call.access_token === 'string' && tokens.get(call.access_token);
      if (revoked) revoked.forcedExpired = true;
      return new HttpResponse(null, { status: 204 });
    }
    return HttpResponse.json(issueToken());
  });

  const assetHandlers = [
    http.get('/sandbox/avatars/:file', ({ params }) => {
      const id = Number(/^(\d+)\.svg$/.exec(String(params.file))?.[1]);
      const member = sandbox.db.members.find((candidate) => candidate.id === id);
      if (!member) return new HttpResponse(null, { status: 404 });
      return svgResponse(avatarSvg(member.id, member.name));
    }),
    http.get('/sandbox/images/:file', ({ params }) => {
      const match = /^(\d+)\.svg$/.exec(String(params.file));
      if (!match) return new HttpResponse(null, { status: 404 });
      return svgResponse(imageSvg(Number(match[1])));
    }),
    http.get('/sandbox/files/:file', ({ params }) =>
      HttpResponse.text(`Sandbox placeholder for ${String(params.file)}.\n`, {
        headers: { 'Content-Disposition': 'inline' },
      }),
    ),
  ];

  sandbox.handlers = [
    tokenHandler,
    ...assetHandlers,
    ...memberApiRoutes({
      memberApi: `${apiBase}/api/headless/v1`,
      db: () => sandbox.db,
      clock,
      authenticate,
    }),
  ];
  return sandbox;
}

const svgResponse = (svg: string): Response =>
  new HttpResponse(svg, {
    headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' },
  });
