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
   * Revokes the member's tokens through the host endpoint, then signs every element out. Call
   * it before ending the visitor's session on the host: the endpoint still has to know them.
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

interface HeldToken {
  value: string;
  /** When to stop handing the token out and ask for a fresh one. */
  renewAt: number;
}

interface ParsedToken {
  accessToken: string;
  expiresAt: number;
  memberId?: number;
  refreshToken?: string;
}

type EndpointAnswer =
  ({ kind: 'token' } & ParsedToken) | { kind: 'signed-out' } | { kind: 'failed'; message: string };

/** What the page asks the host endpoint: a new token, a renewal, or to revoke both tokens. */
type EndpointCall =
  | { action: 'refresh'; refresh_token: string }
  | { action: 'sign-out'; access_token?: string; refresh_token?: string };

/** Creates a session for one token endpoint. Most code wants {@link getSession} instead. */
export function createSession(endpoint: string, fetchImpl: typeof fetch = fetch): Session {
  const $state = atom<SessionState>({ status: 'idle', generation: 0 });
  let held: HeldToken | undefined;
  let pending: Promise<string> | undefined;

  // Kept apart from `held`: a rejected access token is dropped, its refresh token is not.
  let refreshToken: string | undefined;
  let memberId: number | undefined;

  function setState(state: WithoutGeneration<SessionState>): void {
    $state.set({ ...state, generation: $state.get().generation } as SessionState);
  }

  /** Posts to the endpoint: no body asks for a new token, as every endpoint understands. */
  async function post(call?: EndpointCall): Promise<Response | undefined> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Circle-Widgets': '1',
    };
    if (call) headers['Content-Type'] = 'application/json';
    try {
      return await fetchImpl(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: call ? JSON.stringify(call) : undefined,
      });
    } catch {
      return undefined;
    }
  }

  async function askEndpoint(call?: EndpointCall): Promise<EndpointAnswer> {
    const response = await post(call);
    if (!response) {
      return { kind: 'failed', message: `The token endpoint ${endpoint} could not be reached.` };
    }

    if (response.status === 401 || response.status === 403) return { kind: 'signed-out' };
    if (!response.ok) {
      return {
        kind: 'failed',
        message: `The token endpoint ${endpoint} answered ${response.status}.`,
      };
    }

    const token = parseTokenResponse(await response.text().catch(() => ''));
    if (token) return { kind: 'token', ...token };
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

  async function requestToken(): Promise<string> {
    const generation = $state.get().generation;
    setState({ status: 'loading' });
    const answer = await renewOrIssue();

    // A reload while the endpoint was answering means the answer may be for another visitor.
    if ($state.get().generation !== generation) return session.getToken();

    if (answer.kind === 'signed-out') {
      refreshToken = memberId = undefined;
      setState({ status: 'signed-out' });
      throw new SignedOutError('The visitor is not signed in.');
    }
    if (answer.kind === 'failed') {
      const error = new SessionError(answer.message);
      warnOnce(answer.message);
      setState({ status: 'error', error });
      throw error;
    }

    // Renew ahead of expiry, but never so early that a short-lived token is renewed at once.
    const lifetime = answer.expiresAt - Date.now();
    const renewAt = answer.expiresAt - Math.min(RENEW_AHEAD_MS, lifetime / 2);
    held = { value: answer.accessToken, renewAt };

    // A refresh answers with the access token alone; the member and refresh token carry over.
    refreshToken = answer.refreshToken ?? refreshToken;
    memberId = answer.memberId ?? memberId;
    setState({ status: 'signed-in', memberId, expiresAt: answer.expiresAt });
    return answer.accessToken;
  }

  function fetchOnce(): Promise<string> {
    if (pending) return pending;

    const request = requestToken().finally(() => {
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
      held = undefined;
      return fetchOnce();
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

      if (call.access_token || call.refresh_token) {
        const response = await post(call);
        if (!response || (!response.ok && response.status !== 401)) {
          warnOnce(`The token endpoint ${endpoint} could not revoke the member's tokens.`);
        }
      }
      $state.set({ status: 'signed-out', generation: $state.get().generation + 1 });
    },
  };
  return session;
}

/**
 * Accepts Circle's `auth_token` answer, its refresh answer, or any object with the same two
 * access-token fields. The refresh token is opaque: the host endpoint may wrap Circle's.
 */
function parseTokenResponse(text: string): ParsedToken | undefined {
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
  const expiresAt = Number.isNaN(statedExpiry) ? Date.now() + DEFAULT_LIFETIME_MS : statedExpiry;
  const memberId =
    typeof fields.community_member_id === 'number' ? fields.community_member_id : undefined;
  const refreshToken =
    typeof fields.refresh_token === 'string' && fields.refresh_token
      ? fields.refresh_token
      : undefined;
  return { accessToken: fields.access_token, expiresAt, memberId, refreshToken };
}

// Sessions live on a global registry, so that two copies of the bundle on one page (a plugin and
// a theme both adding the script, say) still share one token request per endpoint.
const registryKey = Symbol.for('circle-widgets.sessions');
type Registry = Map<string, Session>;

function registry(): Registry {
  const scope = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (scope[registryKey] ??= new Map());
}

/** The page's one session for `endpoint` (resolved against the page URL). */
export function getSession(endpoint: string): Session {
  const url = new URL(endpoint, document.baseURI).href;
  const sessions = registry();
  let session = sessions.get(url);
  if (!session) {
    session = createSession(url);
    sessions.set(url, session);
  }
  return session;
}

/** @internal Drops every session, so each test starts signed out of everything. */
export function resetSessions(): void {
  registry().clear();
}
