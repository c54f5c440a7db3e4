import type { paths } from './schema.js';
import { CircleApiError, errorFromResponse } from './errors.js';
import type { Session } from '../session/session.js';

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
}

/** A `Retry-After` longer than this is reported instead of waited out. */
const MAX_RETRY_AFTER_MS = 30_000;

/**
 * Calls Circle's Member API with the session's token: typed errors, one token renewal and
 * retry after "expired", and bounded retries with backoff for GETs.
 */
export class ApiClient {
  private readonly origin: string;
  private readonly retries: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: ApiClientOptions) {
    this.origin = options.apiBase.replace(/\/+$/, '');
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 400;
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
   * sends once more.
   */
  private async sendWithFreshToken(method: string, url: string, options: RequestOptions) {
    const token = await this.options.session.getToken();
    try {
      return await send(method, url, token, options);
    } catch (error) {
      const renewable = ['token-expired', 'token-invalid'];
      if (!(error instanceof CircleApiError) || !renewable.includes(error.kind)) throw error;
      const renewed = await this.options.session.renew(token);
      return send(method, url, renewed, options);
    }
  }
}

async function send(
  method: string,
  url: string,
  token: string,
  { body, signal, emptyOk }: RequestOptions,
): Promise<unknown> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${token}`,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw new CircleApiError('aborted', 'The request was cancelled.');
    const message = `The Member API could not be reached (${errorName(error)}).`;
    throw new CircleApiError('network', message);
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw new CircleApiError('aborted', 'The request was cancelled.');
    const message = `The Member API's answer was cut off (${errorName(error)}).`;
    throw new CircleApiError('network', message, response.status);
  }
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
