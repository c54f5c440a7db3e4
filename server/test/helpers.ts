/** Shared set-up for the server tests: members, a host site's sessions, and leak watching. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { MemberIdentity } from '../src/index.js';
import type { FakeMember } from './fake-circle-auth.js';

/** Random per run, so a leak can't hide behind a fixed string that happens to be filtered. */
export const APP_TOKEN = `ht_app_${randomBytes(24).toString('hex')}`;
export const WRONG_APP_TOKEN = `ht_app_${randomBytes(24).toString('hex')}`;

export const MEMBERS: FakeMember[] = [
  { id: 101, email: 'ada@example.com', sso_user_id: 'sso-ada' },
  { id: 102, email: 'grace@example.com', sso_user_id: 'sso-grace' },
  { id: 103, email: 'linus@example.com' },
];

/** The host site's own sessions, keyed by its session cookie. */
const HOST_SESSIONS: Record<string, MemberIdentity> = {
  'session-ada': { sso_user_id: 'sso-ada' },
  'session-grace': { community_member_id: 102 },
  'session-linus': { email: 'Linus@Example.com' },
  'session-stranger': { sso_user_id: 'sso-not-in-circle' },
};

/** A host site's identify(): reads its session cookie; no cookie means signed out. */
export async function identifyByCookie(request: Request): Promise<MemberIdentity | null> {
  const cookie = request.headers.get('cookie') ?? '';
  const sessionId = /(?:^|;\s*)host_session=([^;]+)/.exec(cookie)?.[1];
  return (sessionId && HOST_SESSIONS[sessionId]) || null;
}

/** Everything printed through console or to stderr from now on. */
export function watchOutput(): { text(): string } {
  const written: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      written.push(args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '));
      original(...args);
    };
  }

  const originalWrite = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return originalWrite(chunk, ...rest);
  }) as typeof process.stderr.write;

  return { text: () => written.join('\n') };
}

export interface SeenResponse {
  label: string;
  status: number;
  headers: Headers;
  body: string;
}

/** Every response a test saw, for the checks that span them all. */
export const seenResponses: SeenResponse[] = [];

/** Reads and records a response; answers its status, headers and parsed JSON body. */
export async function record(
  label: string,
  response: Response,
): Promise<{ status: number; headers: Headers; json: Record<string, unknown> | undefined }> {
  const body = await response.text();
  seenResponses.push({ label, status: response.status, headers: response.headers, body });
  const json = body ? (JSON.parse(body) as Record<string, unknown>) : undefined;
  return { status: response.status, headers: response.headers, json };
}

export interface BrowserCall {
  /** The host session cookie's value; none means a signed-out visitor. */
  session?: string;
  /** The page's origin; the endpoint's own by default, `null` to send no Origin. */
  origin?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  method?: string;
}

/** Calls the endpoint the way the widgets do: POST, cookies, X-Circle-Widgets and Origin. */
export function browserFetch(endpoint: string, call: BrowserCall = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'X-Circle-Widgets': '1',
  };
  const origin = call.origin === undefined ? new URL(endpoint).origin : call.origin;
  if (origin !== null) headers.Origin = origin;
  if (call.session) headers.Cookie = `host_session=${call.session}`;
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';

  return fetch(endpoint, {
    method: call.method ?? 'POST',
    headers: { ...headers, ...call.headers },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
}

/** Starts `listener` on a random loopback port. */
export async function listen(
  listener: RequestListener,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
