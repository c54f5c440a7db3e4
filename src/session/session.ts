import { atom } from 'nanostores';
import type { ReadableAtom } from 'nanostores';

import { warnOnce } from '../utils/warn.js';

/**
 * Where a page's member session stands. The token itself is never part of the state, so it
 * can't leak through store inspectors or events.
 * - `idle`: nothing asked yet, or reloaded;
 * - `loading`: the host's token endpoint is being asked;
 * - `signed-in`: a token is held in memory;
 * - `signed-out`: the endpoint said the visitor is not signed in (401 or 403);
 * - `error`: the endpoint failed or answered something that is not a token.
 *
 * `generation` grows on every reload, so elements know to fetch their data again.
 */
export type SessionState =
  | { status: 'idle' | 'loading' | 'signed-out'; generation: number }
  | { status: 'signed-in'; generation: number; memberId?: number; expiresAt: number }
  | { status: 'error'; generation: number; error: SessionError };

/** The visitor is not signed in on the host site. */
export class SignedOutError extends Error {
  override readonly name = 'SignedOutError';
}

/** The host's token endpoint failed or is misconfigured. */
export class SessionError extends Error {
  override readonly name = 'SessionError';

  constructor(
    message: string,
    /** Whether the endpoint gave no answer at all (offline, say) rather than a wrong one. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

/** One member session, shared by every element that uses the same token endpoint. */
export interface Session {
  readonly endpoint: string;
  readonly $state: ReadableAtom<SessionState>;

  /** Resolves with a usable access token, asking the endpoint first when needed. */
  getToken(): Promise<string>;

  /**
   * Called when the Member API rejected `rejectedToken` as expired. Every caller that saw the
   * same token shares one renewal.
   */
  renew(rejectedToken: string): Promise<string>;

  /** Forgets the token and state, for example after the visitor signed in or out on the host. */
  reload(): void;

  /**
   * Signs every element out at once and revokes the member's tokens through the host
   * endpoint, resolving when the endpoint has answered. A token still on its way is revoked
   * when it arrives, never handed out. Call it before ending the visitor's session on the
   * host: the endpoint still has to know them.
   */
  signOut(): Promise<void>;
}

type WithoutGeneration<T> = T extends unknown ? Omit<T, 'generation'> : never;

/**
 * Renew this long before the token's stated expiry, to absorb latency and clock drift (or half
 * the token's lifetime, when it is shorter than twice this).
 */
export const RENEW_AHEAD_MS = 2 * 60 * 1000;

/** Circle's documented access-token lifetime, assumed when the endpoint omits the expiry. */
const DEFAULT_LIFETIME_MS = 60 * 60 * 1000;

/** How long the token endpoint may take to answer by default. */
const DEFAULT_TIMEOUT_MS = 15_000;

/** A replacement token refused this soon after it came was stale on arrival, not just expired. */
const STALE_ANSWER_MS = 60_000;

/** Options for {@link createSession} and {@link getSession}. */
export interface SessionOptions {
  /** How long the token endpoint may take to answer before the session fails (default 15 s). */
  timeoutMs?: number;
}

interface HeldToken {
  value: string;
  /** When to stop handing the token out and ask for a fresh one, on the browser's clock. */
  renewAt: number;
  /** Whether it came from a renewal after Circle refused the token before it. */
  replacedRefused: boolean;
  /** When it arrived, on the browser's clock. */
  receivedAt: number;
}

interface ParsedToken {
  accessToken: string;
  expiresAt: number;
  memberId?: number;
  refreshToken?: string;
}

type EndpointAnswer =
  | ({ kind: 'token'; renewAt: number } & ParsedToken)
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string; unreachable?: boolean };

/** The endpoint's answer read whole, or why there was none. */
type EndpointReply =
  { response: Response; text: string; receivedAt: number } | { failure: 'unreachable' | 'timeout' };

/** What the page asks the host endpoint: a new token, a renewal, or to revoke both tokens. */
type EndpointCall =
  | { action: 'refresh'; refresh_token: string }
  | { action: 'sign-out'; access_token?: string; refresh_token?: string };

/** Creates a session for one token endpoint. Most code wants {@link getSession} instead. */
export function createSession(
  endpoint: string,
  fetchImpl: typeof fetch = fetch,
  options: SessionOptions = {},
): Session {
  const timeoutMs =
    options.timeoutMs !== undefined && options.timeoutMs > 0
      ? options.timeoutMs
      : DEFAULT_TIMEOUT_MS;
  const $state = atom<SessionState>({ status: 'idle', generation: 0 });
  let held: HeldToken | undefined;
  let pending: Promise<string> | undefined;

  // Kept apart from `held`: a rejected access token is dropped, its refresh token is not.
  let refreshToken: string | undefined;
  let memberId: number | undefined;

  // The generation the latest sign-out started, so that a token whose request was already on
  // its way gets revoked rather than dropped unrevoked.
  let signedOutAt = -1;

  function setState(state: WithoutGeneration<SessionState>): void {
    $state.set({ ...state, generation: $state.get().generation } as SessionState);
  }

  /**
   * Posts to the endpoint and reads the answer, within the deadline: no body asks for a new
   * token, as every endpoint understands.
   */
  async function post(call?: EndpointCall): Promise<EndpointReply> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Circle-Widgets': '1',
    };
    if (call) headers['Content-Type'] = 'application/json';

    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: call ? JSON.stringify(call) : undefined,
        signal: abort.signal,
      });
      const receivedAt = Date.now();
      return { response, text: await response.text(), receivedAt };
    } catch {
      return { failure: abort.signal.aborted ? 'timeout' : 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
  }

  async function askEndpoint(call?: EndpointCall): Promise<EndpointAnswer> {
    const reply = await post(call);
    if ('failure' in reply) {
      const message =
        reply.failure === 'timeout'
          ? `The token endpoint ${endpoint} did not answer within ${timeoutMs / 1000} s.`
          : `The token endpoint ${endpoint} could not be reached.`;
      return { kind: 'failed', message, unreachable: true };
    }

    const { response, text, receivedAt } = reply;
    if (response.status === 401 || response.status === 403) return { kind: 'signed-out' };
    if (!response.ok) {
      return {
        kind: 'failed',
        message: `The token endpoint ${endpoint} answered ${response.status}.`,
      };
    }

    const token = parseTokenResponse(text, receivedAt);
    if (token) {
      const serverDate = Date.parse(response.headers.get('Date') ?? '');
      const serverNow = Number.isNaN(serverDate) ? undefined : serverDate;
      return {
        kind: 'token',
        ...token,
        renewAt: renewalTime(token.expiresAt, serverNow, receivedAt),
      };
    }
    return {
      kind: 'failed',
      message:
        `The token endpoint ${endpoint} did not answer with a token. It should return JSON ` +
        "with access_token and access_token_expires_at, as Circle's auth_token call does.",
    };
  }

  /**
   * Renews through Circle's refresh token when the endpoint gave one, which keeps the member's
   * identity check on the host to the first request; any failure other than "signed out"
   * falls back to asking for a whole new token.
   */
  async function renewOrIssue(): Promise<EndpointAnswer> {
    const heldRefresh = refreshToken;
    if (heldRefresh) {
      const renewed = await askEndpoint({ action: 'refresh', refresh_token: heldRefresh });
      if (renewed.kind !== 'failed') return renewed;
      if (refreshToken === heldRefresh) refreshToken = undefined;
    }
    return askEndpoint();
  }

  async function requestToken(replacesRefused: boolean): Promise<string> {
    const generation = $state.get().generation;
    setState({ status: 'loading' });
    const answer = await renewOrIssue();

    // A reload while the endpoint was answering means the answer may be for another visitor.
    if ($state.get().generation !== generation) {
      if (answer.kind === 'token' && signedOutAt > generation) {
        void post({
          action: 'sign-out',
          access_token: answer.accessToken,
          refresh_token: answer.refreshToken,
        });
      }
      return session.getToken();
    }

    if (answer.kind === 'signed-out') {
      refreshToken = memberId = undefined;
      setState({ status: 'signed-out' });
      throw new SignedOutError('The visitor is not signed in.');
    }
    if (answer.kind === 'failed') {
      const error = new SessionError(answer.message, answer.unreachable);
      warnOnce(answer.message);
      setState({ status: 'error', error });
      throw error;
    }

    held = {
      value: answer.accessToken,
      renewAt: answer.renewAt,
      replacedRefused: replacesRefused,
      receivedAt: Date.now(),
    };

    // A refresh answers with the access token alone; the member and refresh token carry over.
    refreshToken = answer.refreshToken ?? refreshToken;
    memberId = answer.memberId ?? memberId;
    setState({ status: 'signed-in', memberId, expiresAt: answer.expiresAt });
    return answer.accessToken;
  }

  function fetchOnce(replacesRefused = false): Promise<string> {
    if (pending) return pending;

    const request = requestToken(replacesRefused).finally(() => {
      if (pending === request) pending = undefined;
    });
    pending = request;
    return request;
  }

  const session: Session = {
    endpoint,
    $state,

    getToken() {
      if (held && Date.now() < held.renewAt) return Promise.resolve(held.value);
      if ($state.get().status === 'signed-out') {
        return Promise.reject(new SignedOutError('The visitor is not signed in.'));
      }
      return fetchOnce();
    },

    renew(rejectedToken) {
      if (held && held.value !== rejectedToken) return Promise.resolve(held.value);
      if ($state.get().status === 'signed-out') {
        return Promise.reject(new SignedOutError('The visitor is not signed in.'));
      }

      // Fresh from a renewal and refused already: the endpoint hands out stale tokens. The
      // client renews once per request, so this costs one endpoint call per request, no loop.
      if (held?.replacedRefused && Date.now() - held.receivedAt < STALE_ANSWER_MS) {
        warnOnce(
          `The token endpoint ${endpoint} answered with a token that Circle refused at once. ` +
            'Make sure no cache (a page cache plugin, a CDN) keeps its answers.',
        );
      }
      held = undefined;
      return fetchOnce(true);
    },

    reload() {
      held = refreshToken = memberId = undefined;
      pending = undefined;
      $state.set({ status: 'idle', generation: $state.get().generation + 1 });
    },

    async signOut() {
      const call: EndpointCall = {
        action: 'sign-out',
        access_token: held?.value,
        refresh_token: refreshToken,
      };
      held = refreshToken = memberId = undefined;
      pending = undefined;

      // Signed out before the endpoint answers: a token request on its way now finds a newer
      // generation and drops its answer, and nothing asks for another token meanwhile.
      signedOutAt = $state.get().generation + 1;
      $state.set({ status: 'signed-out', generation: signedOutAt });

      if (call.access_token || call.refresh_token) {
        const reply = await post(call);
        const response = 'response' in reply ? reply.response : undefined;
        if (!response || (!response.ok && response.status !== 401)) {
          warnOnce(`The token endpoint ${endpoint} could not revoke the member's tokens.`);
        }
      }

      // A reload during the call may have fetched the member's token again: revoke that too,
      // so that the page is signed out once this resolves, as promised.
      const state = $state.get();
      if (state.status !== 'signed-out' || state.generation !== signedOutAt) {
        // Read again: the call above may have changed them, which TypeScript can't see.
        const late = held as HeldToken | undefined;
        if (late || refreshToken) {
          void post({ action: 'sign-out', access_token: late?.value, refresh_token: refreshToken });
        }
        held = refreshToken = memberId = undefined;
        pending = undefined;
        signedOutAt = state.generation + 1;
        $state.set({ status: 'signed-out', generation: signedOutAt });
      }
    },
  };
  return session;
}

/**
 * Accepts Circle's `auth_token` answer, its refresh answer, or any object with the same two
 * access-token fields. The refresh token is opaque: the host endpoint may wrap Circle's.
 */
function parseTokenResponse(text: string, receivedAt: number): ParsedToken | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;

  const fields = body as Record<string, unknown>;
  if (typeof fields.access_token !== 'string' || !fields.access_token) return undefined;

  const statedExpiry = Date.parse(String(fields.access_token_expires_at ?? ''));
  const expiresAt = Number.isNaN(statedExpiry) ? receivedAt + DEFAULT_LIFETIME_MS : statedExpiry;
  const memberId =
    typeof fields.community_member_id === 'number' ? fields.community_member_id : undefined;
  const refreshToken =
    typeof fields.refresh_token === 'string' && fields.refresh_token
      ? fields.refresh_token
      : undefined;
  return { accessToken: fields.access_token, expiresAt, memberId, refreshToken };
}

/**
 * When to renew a token, on the browser's clock.
 *
 * The stated expiry is on Circle's clock, and the browser's clock may be minutes off either way.
 * So the token's remaining lifetime is measured against the server's clock when the endpoint's
 * `Date` header gives it (servers keep good time; a cross-origin endpoint must expose the
 * header for this), else against the browser's, and counted from the moment the answer arrived.
 * Renewal comes ahead of expiry, but never so early that a short-lived token is renewed at once.
 *
 * A token that looks expired on arrival is most likely the victim of a browser clock running
 * ahead with no `Date` header to correct it (a truly stale one comes from a cached endpoint):
 * it is used until Circle itself refuses it, which the client answers with one renewal. So a
 * wrong clock moves renewals from ahead of time to on demand, and never causes a renewal loop.
 */
function renewalTime(expiresAt: number, serverNow: number | undefined, receivedAt: number): number {
  const lifetime = expiresAt - (serverNow ?? receivedAt);
  if (lifetime <= 0) return Number.POSITIVE_INFINITY;
  return receivedAt + lifetime - Math.min(RENEW_AHEAD_MS, lifetime / 2);
}

// Sessions live on a global registry, so that two copies of the bundle on one page (a plugin and
// a theme both adding the script, say) still share one token request per endpoint.
const registryKey = Symbol.for('circle-widgets.sessions');
type Registry = Map<string, Session>;

function registry(): Registry {
  const scope = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (scope[registryKey] ??= new Map());
}

/**
 * The page's one session for `endpoint` (resolved against the page URL). `options` apply when
 * this call creates it.
 */
export function getSession(endpoint: string, options: SessionOptions = {}): Session {
  const url = new URL(endpoint, document.baseURI).href;
  const sessions = registry();
  let session = sessions.get(url);
  if (!session) {
    session = createSession(url, fetch, options);
    sessions.set(url, session);
  }
  return session;
}

/** @internal Drops every session, so each test starts signed out of everything. */
export function resetSessions(): void {
  registry().clear();
}
