/**
 * What went wrong with a Member API call, in terms an element can act on:
 * - `token-expired`: Circle rejected the access token as expired (renewing helps);
 * - `token-invalid`: Circle does not know the token, or it was revoked (a new one may help);
 * - `unauthorized`: any other 401, such as "You cannot perform this action.";
 * - `not-found`, `validation` (400 and 422), `rate-limited` (429), `server` (5xx);
 * - `http`: any other unexpected status;
 * - `network`: the request never got an answer;
 * - `timeout`: no answer came in time, so the request was given up;
 * - `malformed`: an answer that is not the JSON the API promises;
 * - `aborted`: the caller cancelled it.
 */
export type ApiErrorKind =
  | 'token-expired'
  | 'token-invalid'
  | 'unauthorized'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'malformed'
  | 'aborted';

export class CircleApiError extends Error {
  override readonly name = 'CircleApiError';

  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status = 0,
    /** How long the server asked us to wait before trying again, when it said so. */
    readonly retryAfterMs?: number,
    /** Circle's `error_details`, when the body had them. */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Whether trying the same request again later may succeed. */
  get retryable(): boolean {
    return ['rate-limited', 'server', 'network'].includes(this.kind);
  }
}

// Circle's only way to tell its 401s apart is the message text.
const EXPIRED_TOKEN_MESSAGE = 'The access token is expired.';
const INVALID_TOKEN_MESSAGES = ['The access token is invalid.', 'The access token not found.'];

/** Maps an HTTP error status and Circle's error body to a typed error. */
export function errorFromResponse(
  status: number,
  body: unknown,
  retryAfterHeader: string | null,
): CircleApiError {
  const message = messageOf(body) ?? `The Member API answered ${status}.`;
  const details = isRecord(body) ? body.error_details : undefined;

  if (status === 401) {
    if (message === EXPIRED_TOKEN_MESSAGE) {
      return new CircleApiError('token-expired', message, status, undefined, details);
    }
    const kind = INVALID_TOKEN_MESSAGES.includes(message) ? 'token-invalid' : 'unauthorized';
    return new CircleApiError(kind, message, status, undefined, details);
  }
  if (status === 404) return new CircleApiError('not-found', message, status, undefined, details);
  if (status === 400 || status === 422) {
    return new CircleApiError('validation', message, status, undefined, details);
  }
  if (status === 429) {
    return new CircleApiError('rate-limited', message, status, parseRetryAfter(retryAfterHeader));
  }
  if (status >= 500) return new CircleApiError('server', message, status, undefined, details);
  return new CircleApiError('http', message, status, undefined, details);
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;

  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;

  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function messageOf(body: unknown): string | undefined {
  if (!isRecord(body) || typeof body.message !== 'string') return undefined;
  return body.message || undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
