/**
 * The host token endpoint: hands a signed-in visitor a Circle member token, minted with the
 * community's Headless Auth app token, which never leaves the server.
 *
 * Only the Fetch API and Web Crypto are used, so this one file runs unchanged on Node 20+ (and
 * on Node 18 started with --experimental-global-webcrypto, which puts `crypto` on the global
 * scope there), Cloudflare Workers, Deno, Bun, Vercel and Netlify functions and Next.js route
 * handlers. It has no imports: copying it alone into a project works as well as depending on it.
 */

/** Who the visitor is in Circle, as the host site knows them. */
export type MemberIdentity =
  { sso_user_id: string } | { community_member_id: number } | { email: string };

/** At most `max` requests per member in each window of `windowMs` milliseconds. */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/** What the browser asks for, chosen by the `action` field of the JSON body. */
export type TokenAction = 'issue' | 'refresh' | 'sign-out';

/** Configuration of {@link createTokenHandler}. */
export interface TokenHandlerOptions {
  /**
   * The community's Headless Auth app token. Read it from the server environment, for example
   * `process.env.CIRCLE_HEADLESS_APP_TOKEN`; never from code that ships to browsers. When empty,
   * every request answers 500 `not_configured` (so a build without the variable still works).
   */
  appToken: string | undefined;

  /**
   * Tells who is signed in on the host site, from the request's cookies or headers (the body
   * has already been read). Resolve with one Circle identifier, or `null` for a signed-out
   * visitor. When several identifiers are given, only the best is sent, in Circle's order of
   * preference: `sso_user_id`, then `community_member_id`, then `email`.
   */
  identify(
    request: Request,
  ): MemberIdentity | null | undefined | Promise<MemberIdentity | null | undefined>;

  /** Where Circle's Auth API lives. Default `https://app.circle.so`. */
  authBase?: string;

  /**
   * Page origins, besides the endpoint's own, that may ask for tokens: needed when a proxy
   * makes the server see another URL than the browser does and the browser sends no
   * `Sec-Fetch-Site` header. Example: `['https://www.example.com']`.
   */
  allowedOrigins?: readonly string[];

  /** Per-member limit, kept in this process's memory. Default 30 a minute; `false` turns it off. */
  rateLimit?: RateLimitOptions | false;

  /** How long to wait for Circle before answering 504. Default 10 seconds. */
  timeoutMs?: number;

  /** The `fetch` used to call Circle; tests pass their own. */
  fetch?: typeof fetch;

  /**
   * Called with every refused or failed request except a signed-out visitor's. Messages never
   * contain the app token. By default, failures answered with a 5xx status go to
   * `console.error`.
   */
  onError?(error: TokenEndpointError): void;
}

/** A Fetch API handler: give it the incoming request, send back the response. */
export type TokenHandler = (request: Request) => Promise<Response>;

/** The `error` field of every refusal the endpoint answers. */
export type TokenEndpointErrorCode =
  | 'method_not_allowed'
  | 'csrf_rejected'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'bad_request'
  | 'signed_out'
  | 'member_not_found'
  | 'invalid_refresh_token'
  | 'rate_limited'
  | 'not_configured'
  | 'identify_failed'
  | 'internal_error'
  | 'app_token_rejected'
  | 'community_not_eligible'
  | 'circle_rate_limited'
  | 'circle_failed'
  | 'circle_unreachable'
  | 'circle_timeout';

interface ErrorDetails {
  /** The server-side explanation; `publicMessage` when absent. */
  message?: string;
  action?: TokenAction;
  circleStatus?: number;
  retryAfterSeconds?: number;
}

/** A refused or failed request, as answered to the browser and passed to `onError`. */
export class TokenEndpointError extends Error {
  override readonly name = 'TokenEndpointError';
  readonly action?: TokenAction;
  /** Circle's HTTP status, when Circle's answer caused the failure. */
  readonly circleStatus?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: TokenEndpointErrorCode,
    /** The HTTP status answered to the browser. */
    readonly status: number,
    /** The message answered to the browser. */
    readonly publicMessage: string,
    details: ErrorDetails = {},
  ) {
    super(details.message ?? publicMessage);
    this.action = details.action;
    this.circleStatus = details.circleStatus;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Circle's Auth API, per its OpenAPI document. */
export const DEFAULT_AUTH_BASE = 'https://app.circle.so';

export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = { max: 30, windowMs: 60_000 };

export const DEFAULT_TIMEOUT_MS = 10_000;

/** Larger bodies are refused: the biggest real one holds two tokens. */
export const MAX_BODY_BYTES = 8 * 1024;

const CIRCLE_PATHS = {
  issue: '/api/v1/headless/auth_token',
  refresh: '/api/v1/headless/access_token/refresh',
  revokeAccessToken: '/api/v1/headless/access_token/revoke',
  revokeRefreshToken: '/api/v1/headless/refresh_token/revoke',
} as const;

/** Circle's only way to tell an expired refresh token from a rejected app token (both 401). */
const EXPIRED_REFRESH_TOKEN_MESSAGE = /refresh token is expired/i;

/** Beyond this many tracked members, windows that ended are swept out of memory. */
const RATE_LIMIT_SWEEP_SIZE = 10_000;

const REFRESH_BINDING_LABEL = 'circle-widgets refresh token binding v1';

type TokenRequest =
  | { action: 'issue' }
  | { action: 'refresh'; refreshToken: string }
  | { action: 'sign-out'; accessToken?: string; refreshToken?: string };

interface Member {
  /** The one identifier sent to Circle. */
  identity: MemberIdentity;
  /** Stable per member: keys the rate limit and binds refresh tokens. */
  key: string;
}

interface CircleAnswer {
  status: number;
  body: unknown;
  message?: string;
  retryAfter?: string;
}

/**
 * Creates the host token endpoint. Every answer is `Cache-Control: no-store`; the app token
 * appears in no answer and no error. Answers, for a `POST` with `X-Circle-Widgets: 1`:
 * - no body, `{}` or `{ "action": "issue" }`: 200 with Circle's auth_token answer;
 * - `{ "action": "refresh", "refresh_token" }`: 200 with `access_token` and its expiry;
 * - `{ "action": "sign-out", "access_token"?, "refresh_token"? }`: 204 once they are revoked;
 * - refusals: JSON `{ error, message }`; 401 `signed_out` and 403 `member_not_found` mean
 *   the visitor has no Circle session to get.
 */
export function createTokenHandler(options: TokenHandlerOptions): TokenHandler {
  const authBase = checkAuthBase(options.authBase ?? DEFAULT_AUTH_BASE);
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map(normalizeOrigin));
  const limiter =
    options.rateLimit === false
      ? undefined
      : new RateLimiter(checkRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchCircle: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const report = options.onError ?? logServerFailure;
  const appToken = options.appToken?.trim() ?? '';
  let bindingKey: Promise<CryptoKey> | undefined;

  function redact(text: string): string {
    return appToken ? text.split(appToken).join('[app token]') : text;
  }

  async function handle(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      throw new TokenEndpointError('method_not_allowed', 405, 'Ask for a token with POST.');
    }
    refuseForgedRequest(request, allowedOrigins);

    if (!appToken) {
      throw new TokenEndpointError('not_configured', 500, 'The token endpoint is not set up.', {
        message:
          'appToken is empty: put the Headless Auth app token in the server environment ' +
          '(for example CIRCLE_HEADLESS_APP_TOKEN) and pass it to createTokenHandler.',
      });
    }

    const tokenRequest = await readTokenRequest(request);
    const action = tokenRequest.action;

    const member = await identifyMember(request, action);
    if (!member) {
      throw new TokenEndpointError('signed_out', 401, 'The visitor is not signed in.', { action });
    }

    const waitMs = limiter?.take(member.key) ?? 0;
    if (waitMs > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new TokenEndpointError('rate_limited', 429, 'Too many token requests. Wait a moment.', {
        action,
        retryAfterSeconds,
      });
    }

    if (tokenRequest.action === 'refresh') return refresh(member, tokenRequest.refreshToken);
    if (tokenRequest.action === 'sign-out') return signOut(member, tokenRequest);
    return issue(member);
  }

  async function identifyMember(request: Request, action: TokenAction): Promise<Member | null> {
    let identity: unknown;
    try {
      identity = await options.identify(request);
    } catch (thrown) {
      throw new TokenEndpointError('identify_failed', 500, 'The site could not tell who you are.', {
        action,
        message: `identify() threw: ${redact(describe(thrown))}`,
      });
    }
    if (identity === null || identity === undefined) return null;

    const member = toMember(identity);
    if (member) return member;
    throw new TokenEndpointError('identify_failed', 500, 'The site could not tell who you are.', {
      action,
      message:
        'identify() must resolve with null or one of { sso_user_id: string }, ' +
        '{ community_member_id: number } or { email: string }.',
    });
  }

  async function issue(member: Member): Promise<Response> {
    const answer = await callCircle('POST', CIRCLE_PATHS.issue, member.identity, 'issue');
    if (answer.status === 404) {
      throw new TokenEndpointError(
        'member_not_found',
        403,
        'This account has no member in the Circle community.',
        { action: 'issue', circleStatus: 404, message: circleDetail(answer, 'issue') },
      );
    }
    if (answer.status !== 200) throw circleFailure(answer, 'issue');

    const token = requireAccessToken(answer, 'issue');
    // The refresh token goes out bound to this member, so nobody else can refresh with it here.
    if (typeof token.refresh_token === 'string' && token.refresh_token) {
      token.refresh_token = await bindRefreshToken(token.refresh_token, member.key);
    }
    return jsonResponse(200, token);
  }

  async function refresh(member: Member, boundToken: string): Promise<Response> {
    const refreshToken = await unbindRefreshToken(boundToken, member.key);
    if (!refreshToken) throw invalidRefreshToken('refresh', 'It was not issued to this member.');

    const answer = await callCircle(
      'PATCH',
      CIRCLE_PATHS.refresh,
      { refresh_token: refreshToken },
      'refresh',
    );
    // Circle answers 401 for an expired refresh token (and for a rejected app token, which the
    // browser's fallback to a new issue then reports clearly) and 404 for a revoked one.
    if (answer.status === 401 || answer.status === 404) {
      throw invalidRefreshToken('refresh', circleDetail(answer, 'refresh'), answer.status);
    }
    if (answer.status !== 200) throw circleFailure(answer, 'refresh');

    return jsonResponse(200, requireAccessToken(answer, 'refresh'));
  }

  async function signOut(
    member: Member,
    tokens: { accessToken?: string; refreshToken?: string },
  ): Promise<Response> {
    let refreshToken: string | undefined;
    if (tokens.refreshToken !== undefined) {
      refreshToken = await unbindRefreshToken(tokens.refreshToken, member.key);
      if (!refreshToken) throw invalidRefreshToken('sign-out', 'It was not issued to this member.');
    }

    const revocations: Promise<void>[] = [];
    if (tokens.accessToken !== undefined) {
      revocations.push(
        revoke(CIRCLE_PATHS.revokeAccessToken, { access_token: tokens.accessToken }),
      );
    }
    if (refreshToken !== undefined) {
      revocations.push(revoke(CIRCLE_PATHS.revokeRefreshToken, { refresh_token: refreshToken }));
    }
    await Promise.all(revocations);
    return new Response(null, { status: 204, headers: baseHeaders() });
  }

  async function revoke(path: string, body: object): Promise<void> {
    const answer = await callCircle('POST', path, body, 'sign-out');
    if (answer.status === 204 || answer.status === 200) return;

    // Expired, already revoked or unknown: the token can't be used, which is all signing out
    // wants.
    if (answer.status === 404 || answer.status === 422) return;
    if (answer.status === 401 && EXPIRED_REFRESH_TOKEN_MESSAGE.test(answer.message ?? '')) return;
    throw circleFailure(answer, 'sign-out');
  }

  async function callCircle(
    method: 'POST' | 'PATCH',
    path: string,
    body: object,
    action: TokenAction,
  ): Promise<CircleAnswer> {
    try {
      const response = await fetchCircle(new URL(path, authBase).href, {
        method,
        headers: {
          Authorization: `Bearer ${appToken}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(body),
        // A redirect must not carry the app token anywhere else.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      const parsed = parseJson(text);
      const message =
        isRecord(parsed) && typeof parsed.message === 'string'
          ? redact(parsed.message).slice(0, 300)
          : undefined;
      const retryAfter = response.headers.get('retry-after') ?? undefined;
      return { status: response.status, body: parsed, message, retryAfter };
    } catch (thrown) {
      if (thrown instanceof Error && thrown.name === 'TimeoutError') {
        throw new TokenEndpointError('circle_timeout', 504, 'Circle did not answer in time.', {
          action,
          message: `Circle did not answer ${method} ${path} within ${timeoutMs} ms.`,
        });
      }
      throw new TokenEndpointError('circle_unreachable', 502, 'Circle could not be reached.', {
        action,
        message: `${method} ${path} failed: ${redact(describeNetworkError(thrown))}`,
      });
    }
  }

  function bindingKeyOnce(): Promise<CryptoKey> {
    bindingKey ??= deriveBindingKey(appToken);
    return bindingKey;
  }

  async function bindRefreshToken(refreshToken: string, memberKey: string): Promise<string> {
    const key = await bindingKeyOnce();
    const tag = await crypto.subtle.sign('HMAC', key, encode(`${memberKey}\n${refreshToken}`));
    return `${refreshToken}.${toBase64Url(new Uint8Array(tag))}`;
  }

  /** Circle's refresh token inside `bound`, if this endpoint bound it to this member. */
  async function unbindRefreshToken(bound: string, memberKey: string): Promise<string | undefined> {
    const dot = bound.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const refreshToken = bound.slice(0, dot);
    const tag = fromBase64Url(bound.slice(dot + 1));
    if (!tag) return undefined;

    const key = await bindingKeyOnce();
    const data = encode(`${memberKey}\n${refreshToken}`);
    return (await crypto.subtle.verify('HMAC', key, tag, data)) ? refreshToken : undefined;
  }

  function circleDetail(answer: CircleAnswer, action: TokenAction): string {
    const said = answer.message ? ` ("${answer.message}")` : '';
    return `Circle answered ${answer.status} to ${action}${said}`;
  }

  function circleFailure(answer: CircleAnswer, action: TokenAction): TokenEndpointError {
    const details = { action, circleStatus: answer.status, message: circleDetail(answer, action) };
    if (answer.status === 401) {
      return new TokenEndpointError(
        'app_token_rejected',
        502,
        "Circle rejected the site's app token.",
        {
          ...details,
          message:
            `${details.message}. Check the Headless Auth app token in the server ` +
            'environment (Circle: Developers, Tokens).',
        },
      );
    }
    if (answer.status === 403) {
      return new TokenEndpointError(
        'community_not_eligible',
        502,
        'The Circle community is not eligible for headless access.',
        details,
      );
    }
    if (answer.status === 429) {
      const seconds = Number.parseInt(answer.retryAfter ?? '', 10);
      return new TokenEndpointError('circle_rate_limited', 503, 'Circle is busy. Try again soon.', {
        ...details,
        retryAfterSeconds: Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined,
      });
    }
    return new TokenEndpointError('circle_failed', 502, 'Circle could not make a token.', details);
  }

  function requireAccessToken(answer: CircleAnswer, action: TokenAction): Record<string, unknown> {
    const token = answer.body;
    if (isRecord(token) && typeof token.access_token === 'string' && token.access_token) {
      return { ...token };
    }
    throw new TokenEndpointError('circle_failed', 502, 'Circle could not make a token.', {
      action,
      circleStatus: answer.status,
      message: `Circle answered ${answer.status} to ${action} without an access_token.`,
    });
  }

  function reportSafely(error: TokenEndpointError): void {
    // The messages are built redacted; this catches any path that forgot.
    const safe =
      appToken && error.message.includes(appToken)
        ? new TokenEndpointError(error.code, error.status, error.publicMessage, {
            action: error.action,
            circleStatus: error.circleStatus,
            retryAfterSeconds: error.retryAfterSeconds,
            message: redact(error.message),
          })
        : error;
    try {
      report(safe);
    } catch {
      // A failing error hook must not change the answer.
    }
  }

  return async function handleTokenRequest(request: Request): Promise<Response> {
    try {
      return await handle(request);
    } catch (thrown) {
      const error =
        thrown instanceof TokenEndpointError
          ? thrown
          : new TokenEndpointError('internal_error', 500, 'The token endpoint failed.', {
              message: `Unexpected failure: ${redact(describe(thrown))}`,
            });
      if (error.code !== 'signed_out') reportSafely(error);
      return errorResponse(error);
    }
  };
}

/**
 * Refuses requests another site could have made with the visitor's cookies: the widgets' header
 * is required (a cross-site page can't send it without a CORS grant, which this endpoint never
 * gives), and the browser's own Origin or Sec-Fetch-Site must say the page is the site's.
 */
function refuseForgedRequest(request: Request, allowedOrigins: ReadonlySet<string>): void {
  if (request.headers.get('x-circle-widgets') !== '1') {
    throw csrfRejected('The X-Circle-Widgets: 1 header is missing.');
  }

  // Browsers set Sec-Fetch-Site themselves, and it stays right when a proxy changes the URL the
  // server sees.
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'same-origin') return;

  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (origin === new URL(request.url).origin || allowedOrigins.has(origin)) return;
    throw csrfRejected(`Origin ${origin.slice(0, 200)} is neither this endpoint's nor allowed.`);
  }

  // No Origin and no Sec-Fetch-Site: not a browser, so no visitor's cookies to abuse.
  if (fetchSite !== null) throw csrfRejected(`Sec-Fetch-Site ${fetchSite} without an Origin.`);
}

function csrfRejected(message: string): TokenEndpointError {
  return new TokenEndpointError('csrf_rejected', 403, 'This page may not ask for tokens.', {
    message: `Refused a possibly forged request. ${message}`,
  });
}

async function readTokenRequest(request: Request): Promise<TokenRequest> {
  const text = await readLimitedText(request);
  if (!text.trim()) return { action: 'issue' };

  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new TokenEndpointError(
      'unsupported_media_type',
      415,
      'Send the body as JSON (Content-Type: application/json).',
    );
  }

  const body = parseJson(text);
  if (body === undefined) throw badRequest('The body is not valid JSON.');
  if (!isRecord(body)) throw badRequest('The body must be a JSON object.');

  const action = body.action ?? 'issue';
  if (action === 'issue') return { action };

  if (action === 'refresh') {
    if (!isNonEmptyString(body.refresh_token)) throw badRequest('refresh needs a refresh_token.');
    return { action, refreshToken: body.refresh_token };
  }

  if (action === 'sign-out') {
    const accessToken = body.access_token;
    const refreshToken = body.refresh_token;
    if (accessToken === undefined && refreshToken === undefined) {
      throw badRequest('sign-out needs an access_token, a refresh_token or both.');
    }
    if (accessToken !== undefined && !isNonEmptyString(accessToken)) {
      throw badRequest('access_token must be a non-empty string.');
    }
    if (refreshToken !== undefined && !isNonEmptyString(refreshToken)) {
      throw badRequest('refresh_token must be a non-empty string.');
    }
    return { action, accessToken, refreshToken };
  }

  throw badRequest('Unknown action: use "issue", "refresh" or "sign-out".');
}

async function readLimitedText(request: Request): Promise<string> {
  const tooLarge = new TokenEndpointError('payload_too_large', 413, 'The body is too large.');
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw tooLarge;
  if (!request.body) return '';

  // Read in chunks, so an endless body is cut off instead of filling memory.
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;

    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function badRequest(message: string): TokenEndpointError {
  return new TokenEndpointError('bad_request', 400, message);
}

function invalidRefreshToken(
  action: TokenAction,
  why: string,
  circleStatus?: number,
): TokenEndpointError {
  return new TokenEndpointError(
    'invalid_refresh_token',
    400,
    'This refresh token can no longer be used. Ask for a new token.',
    { action, circleStatus, message: `Refused a refresh token. ${why}` },
  );
}

function toMember(identity: unknown): Member | undefined {
  if (!isRecord(identity)) return undefined;

  // Circle prefers the SSO id, then the member id, then the email; it is sent exactly one.
  const { sso_user_id: ssoUserId, community_member_id: memberId, email } = identity;
  if (isNonEmptyString(ssoUserId)) {
    return { identity: { sso_user_id: ssoUserId }, key: `sso_user_id:${ssoUserId}` };
  }
  if (typeof memberId === 'number' && Number.isSafeInteger(memberId) && memberId > 0) {
    return { identity: { community_member_id: memberId }, key: `community_member_id:${memberId}` };
  }
  if (isNonEmptyString(email)) {
    return { identity: { email }, key: `email:${email.trim().toLowerCase()}` };
  }
  return undefined;
}

/** Counts requests per key in fixed windows, in this process's memory only. */
class RateLimiter {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly limit: RateLimitOptions) {}

  /** Counts one request; answers how many ms to wait when it is over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size >= RATE_LIMIT_SWEEP_SIZE) this.sweep(now);
      window = { count: 0, endsAt: now + this.limit.windowMs };
      this.windows.set(key, window);
    }

    window.count += 1;
    return window.count > this.limit.max ? window.endsAt - now : 0;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now) this.windows.delete(key);
    }
  }
}

async function deriveBindingKey(appToken: string): Promise<CryptoKey> {
  // Derived from the app token so there is no second secret to configure; rotating the app
  // token only makes browsers ask for a fresh token once.
  const hmac = { name: 'HMAC', hash: 'SHA-256' };
  const root = await crypto.subtle.importKey('raw', encode(appToken), hmac, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', root, encode(REFRESH_BINDING_LABEL));
  return crypto.subtle.importKey('raw', derived, hmac, false, ['sign', 'verify']);
}

function baseHeaders(): Headers {
  return new Headers({ 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
}

function jsonResponse(
  status: number,
  body: unknown,
  extraHeaders?: Record<string, string>,
): Response {
  const headers = baseHeaders();
  headers.set('Content-Type', 'application/json; charset=utf-8');
  for (const [name, value] of Object.entries(extraHeaders ?? {})) headers.set(name, value);
  return new Response(JSON.stringify(body), { status, headers });
}

function errorResponse(error: TokenEndpointError): Response {
  const headers: Record<string, string> = {};
  if (error.code === 'method_not_allowed') headers.Allow = 'POST';
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = `${error.retryAfterSeconds}`;
  return jsonResponse(error.status, { error: error.code, message: error.publicMessage }, headers);
}

function logServerFailure(error: TokenEndpointError): void {
  if (error.status >= 500) console.error(`[circle-token-endpoint] ${error.code}: ${error.message}`);
}

function checkAuthBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`authBase must be an absolute URL, such as ${DEFAULT_AUTH_BASE}.`);
  }

  // The app token travels with every call, so only loopback test servers may skip TLS.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError('authBase must use https (plain http is allowed for localhost only).');
  }
  return url.origin;
}

function normalizeOrigin(value: string): string {
  let origin = 'null';
  try {
    origin = new URL(value).origin;
  } catch {
    // Reported below.
  }
  if (origin === 'null') throw new TypeError(`allowedOrigins: ${value} is not an origin.`);
  return origin;
}

function checkRateLimit(limit: RateLimitOptions): RateLimitOptions {
  const validMax = Number.isSafeInteger(limit.max) && limit.max > 0;
  const validWindow = Number.isFinite(limit.windowMs) && limit.windowMs > 0;
  if (!validMax || !validWindow) {
    throw new TypeError('rateLimit needs a positive integer max and a positive windowMs.');
  }
  return { max: limit.max, windowMs: limit.windowMs };
}

/** The parsed value, or `undefined` for empty or malformed text. */
function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function describe(thrown: unknown): string {
  return thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
}

/** fetch's own message is vague ("fetch failed"); the cause names the socket error. */
function describeNetworkError(thrown: unknown): string {
  const cause = thrown instanceof Error ? thrown.cause : undefined;
  return cause === undefined ? describe(thrown) : `${describe(thrown)} (${describe(cause)})`;
}

function encode(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]+$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
