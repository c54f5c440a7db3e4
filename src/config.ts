/** Settings shared by every element on the page; each element may override them. */
export interface PageConfig {
  /** The host site's URL that answers with the signed-in member's Circle token. */
  tokenEndpoint?: string;
  /** Circle's origin for the Member API. */
  apiBase: string;
  /** Where the host's sign-in page is, for the signed-out state's default link. */
  signInUrl?: string;
  /** How long a request to the Member API or the token endpoint may take (default 15 s). */
  timeoutMs?: number;
}

export const DEFAULT_API_BASE = 'https://app.circle.so';

let configured: Partial<PageConfig> = {};

/** Sets page-wide settings from script, for sites that install the package from npm. */
export function configure(config: Partial<PageConfig>): void {
  configured = { ...configured, ...config };
}

// The CDN loader is a module script, which `document.currentScript` can't name, so it leaves its
// own tag under this key (src/loader.ts spells it out: it must not import this module statically).
const loaderScriptKey = Symbol.for('circle-widgets.loader-script');

/**
 * The page's settings: what {@link configure} set, else the `data-` attributes of the script tag
 * that loaded the bundle (`data-token-endpoint`, `data-api-base`, `data-sign-in-url`): the
 * loader's own tag, or the first script tag with one of them.
 */
export function pageConfig(): PageConfig {
  const loaderScript = (globalThis as unknown as Record<symbol, HTMLScriptElement | undefined>)[
    loaderScriptKey
  ];
  const script =
    loaderScript ??
    document.querySelector<HTMLScriptElement>(
      'script[data-token-endpoint], script[data-api-base], script[data-sign-in-url]',
    );
  const data = script?.dataset ?? {};
  return {
    tokenEndpoint: configured.tokenEndpoint ?? data.tokenEndpoint,
    apiBase: configured.apiBase ?? data.apiBase ?? DEFAULT_API_BASE,
    signInUrl: configured.signInUrl ?? data.signInUrl,
    timeoutMs: configured.timeoutMs,
  };
}

/** `value` as an absolute http(s) URL, resolved against the page; undefined when it isn't one. */
export function pageUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Circle's path for the Member API, which the client puts after the api base itself. */
const MEMBER_API_PATH = '/api/headless/v1';

/** Whether `hostname` is Circle's own, which serves the Member API at its root and nowhere else. */
function isCircleHost(hostname: string): boolean {
  return hostname === 'circle.so' || hostname.endsWith('.circle.so');
}

/**
 * `value` as the base the client puts Member API paths under: an absolute http(s) URL without a
 * trailing slash, query or fragment, and without Circle's own `/api/headless/v1` when it was
 * pasted in from Circle's docs. On Circle's own host any path is dropped (a community page's
 * address pasted in); a proxy's path stays. undefined when `value` isn't a web URL.
 */
export function apiBaseUrl(value: string | undefined): string | undefined {
  const href = pageUrl(value);
  if (!href) return undefined;

  const url = new URL(href);
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  const ownPath = path.endsWith(MEMBER_API_PATH) ? path.slice(0, -MEMBER_API_PATH.length) : path;
  url.pathname = isCircleHost(url.hostname) ? '' : ownPath;
  return url.href.replace(/\/+$/, '');
}

/**
 * What {@link apiBaseUrl} uses instead of `value` when it had to change what was written, so the
 * element can say so: a trailing slash trimmed, a query or fragment dropped, Circle's API path or
 * a path on Circle's own host dropped. undefined when `value` is used as written (a proxy's path
 * included), and when it isn't a web URL at all, which the session controller reports instead.
 */
export function apiBaseCorrection(value: string | undefined): string | undefined {
  const usable = apiBaseUrl(value);
  if (!usable || !value) return undefined;

  // The URL parser makes "https://app.circle.so" and "https://app.circle.so/" alike: read the
  // slash, query and fragment from the text as written.
  const written = value.trim();
  const beforeQuery = written.replace(/[?#][\s\S]*$/, '');
  const trailingSlash = beforeQuery.endsWith('/');
  const queryOrFragment = beforeQuery !== written;
  const writtenPath = new URL(written, document.baseURI).pathname.replace(/\/+$/, '');
  const pathDropped = new URL(usable).pathname.replace(/\/+$/, '') !== writtenPath;
  return trailingSlash || queryOrFragment || pathDropped ? usable : undefined;
}
