import type { paths } from './schema.js';
import { CircleApiError, errorFromResponse } from './errors.js';
import type { Session } from '../session/session.js';
import { toJson } from '../utils/json.js';

/** Every Member API path sits under this prefix in Circle's document. */
const API_PREFIX = '/api/headless/v1';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Prefixed = keyof paths;

/** Member API paths (without the prefix) that define `M` in Circle's document. */
export type ApiPath<M extends Method> = {
  [P in Prefixed]: paths[P] extends { [K in M]: unknown }
    ? P extends `${typeof API_PREFIX}${infer Rest}`
      ? Rest
      : never
    : never;
}[Prefixed];

type Operation<M extends Method, P extends ApiPath<M>> = paths[`${typeof API_PREFIX}${P}`][M];
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : undefined;
type Success<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? JsonOf<R[200]>
    : 201 extends keyof R
      ? JsonOf<R[201]>
      : undefined
  : never;

export interface RequestOptions {
  /** Values for `{placeholders}` in the path; each is URL-encoded. */
  params?: Record<string, string | number>;
  /** Query parameters; arrays are sent Rails-style as `key[]=a&key[]=b`. */
  query?: Record<string, string | number | boolean | undefined | (string | number)[]>;
  body?: unknown;
  signal?: AbortSignal;
  /** Accept a 200 with no body, for the few calls whose answer Circle leaves unspecified. */
  emptyOk?: boolean;
}

export interface ApiClientOptions {
  /** Circle's origin, such as `https://app.circle.so`, or a same-origin proxy. */
  apiBase: string;
  session: Session;
  /** How many times a failed GET is tried again (never other methods). */
  retries?: number;
  /** The first wait before a retry; it doubles each time. */
  retryDelayMs?: number;
  /** How long one attempt may take, answer included, before it is given up (default 15 s). */
  timeoutMs?: number;
}

/** A `Retry-After` longer than this is reported instead of waited out. */
const MAX_RETRY_AFTER_MS = 30_000;

/** How long one attempt may take by default: a stalled connection must not spin forever. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Calls Circle's Member API with the session's token: typed errors, one token renewal and
 * retry after "expired", bounded retries with backoff for GETs, and a deadline on every attempt.
 */
export class ApiClient {
  private readonly origin: string;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: ApiClientOptions) {
    this.origin = options.apiBase.replace(/\/+$/, '');
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 400;
    const timeout = options.timeoutMs;
    this.timeoutMs = timeout !== undefined && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
  }

  get<P extends ApiPath<'get'>>(path: P, options?: RequestOptions) {
    return this.request('GET', path, options) as Promise<Success<Operation<'get', P>>>;
  }

  post<P extends ApiPath<'post'>>(path: P, options?: RequestOptions) {
    return this.request('POST', path, options) as Promise<Success<Operation<'post', P>>>;
  }

  put<P extends ApiPath<'put'>>(path: P, options?: RequestOptions) {
    return this.request('PUT', path, options) as Promise<Success<Operation<'put', P>>>;
  }

  patch<P extends ApiPath<'patch'>>(path: P, options?: RequestOptions) {
    return this.request('PATCH', path, options) as Promise<Success<Operation<'patch', P>>>;
  }

  delete<P extends ApiPath<'delete'>>(path: P, options?: RequestOptions) {
    return this.request('DELETE', path, options) as Promise<Success<Operation<'delete', P>>>;
  }

  /** The absolute URL for a path, its placeholders and query. */
  url(path: string, options: Pick<RequestOptions, 'params' | 'query'> = {}): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = options.params?.[name];
      if (value === undefined) throw new TypeError(`Missing path parameter "${name}" in ${path}`);
      // `.` and `..` survive encoding and would move the request to another route.
      if (value === '.' || value === '..') throw new TypeError(`Bad path parameter "${name}"`);
      return encodeURIComponent(String(value));
    });

    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) value.forEach((item) => search.append(`${key}[]`, String(item)));
      else search.append(key, String(value));
    }
    const query = search.toString();
    return `${this.origin}${API_PREFIX}${filled}${query ? `?${query}` : ''}`;
  }

  private async request(method: string, path: string, options: RequestOptions = {}) {
    const url = this.url(path, options);
    const attempts = method === 'GET' ? this.retries + 1 : 1;

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendWithFreshToken(method, url, options);
      } catch (error) {
        if (!(error instanceof CircleApiError) || !error.retryable || attempt >= attempts) {
          throw error;
        }
        const wait = error.retryAfterMs ?? this.retryDelayMs * 2 ** (attempt - 1);
        if (wait > MAX_RETRY_AFTER_MS) throw error;
        await delay(wait * (error.retryAfterMs ? 1 : 0.75 + Math.random() / 2), options.signal);
      }
    }
  }

  /**
   * Sends once; when Circle says the token expired or is unknown (revoked, say), renews it and
   * sends once more. One renewal per request at most: a token endpoint that keeps handing out
   * tokens Circle refuses ends in an error, not in a loop.
   */
  private async sendWithFreshToken(method: string, url: string, options: RequestOptions) {
    const token = await this.options.session.getToken();
    try {
      return await send(method, url, token, options, this.timeoutMs);
    } catch (error) {
      const renewable = ['token-expired', 'token-invalid'];
      if (!(error instanceof CircleApiError) || !renewable.includes(error.kind)) throw error;
      const renewed = await this.options.session.renew(token);
      return send(method, url, renewed, options, this.timeoutMs);
    }
  }
}

/** One attempt: the request, its answer read whole, and the answer mapped to a typed error. */
async function send(
  method: string,
  url: string,
  token: string,
  { body, signal, emptyOk }: RequestOptions,
  timeoutMs: number,
): Promise<unknown> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${token}`,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  const init: RequestInit = {
    method,
    headers,
    body: body === undefined ? undefined : toJson(body),
    // The bearer token is all Circle needs: the visitor's own Circle cookies are never sent.
    credentials: 'omit',
  };
  const { response, text } = await fetchWithDeadline(url, init, signal, timeoutMs);
  const parsed = parseJson(text);

  if (!response.ok) {
    const errorBody = parsed.ok ? parsed.value : undefined;
    throw errorFromResponse(response.status, errorBody, response.headers.get('Retry-After'));
  }
  // An empty answer is fine for "no content", and where the caller expects it; elsewhere it is
  // as broken as a body that isn't JSON.
  if (text.trim() === '' && (response.status !== 200 || emptyOk)) return undefined;
  if (!parsed.ok) {
    const message = 'The Member API answered with something that is not JSON.';
    throw new CircleApiError('malformed', message, response.status);
  }
  return parsed.value;
}

/**
 * Fetches `url` and reads the answer, giving up after `timeoutMs`. A timed-out request is not
 * retried on its own: the reader has waited long enough, and the element offers a retry.
 *
 * TODO: a write that timed out may still have been saved by Circle, whose API takes no
 * idempotency key; sending a comment again after a timeout can then post it twice.
 */
async function fetchWithDeadline(
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<{ response: Response; text: string }> {
  if (signal?.aborted) throw new CircleApiError('aborted', 'The request was cancelled.');

  // The caller's signal and the deadline both end the attempt; which one did tells the errors
  // apart. (AbortSignal.any would do, but is too recent for some of the browsers we support.)
  const attempt = new AbortController();
  const cancel = () => attempt.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    attempt.abort();
  }, timeoutMs);

  const failure = (error: unknown, status: number, what: string): CircleApiError => {
    if (signal?.aborted) return new CircleApiError('aborted', 'The request was cancelled.');
    if (timedOut) {
      const seconds = Math.round(timeoutMs / 100) / 10;
      const message = `The Member API did not answer within ${seconds} s.`;
      return new CircleApiError('timeout', message, status);
    }
    return new CircleApiError('network', `${what} (${errorName(error)}).`, status);
  };

  try {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: attempt.signal });
    } catch (error) {
      throw failure(error, 0, 'The Member API could not be reached');
    }
    // Reading the body stays under the same deadline: a stalled answer is as bad as none.
    try {
      return { response, text: await response.text() };
    } catch (error) {
      throw failure(error, response.status, "The Member API's answer was cut off");
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown error';
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new CircleApiError('aborted', 'The request was cancelled.'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CircleApiError('aborted', 'The request was cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
