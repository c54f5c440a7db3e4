/** Settings shared by every element on the page; each element may override them. */
export interface PageConfig {
  /** The host site's URL that answers with the signed-in member's Circle token. */
  tokenEndpoint?: string;
  /** Circle's origin for the Member API. */
  apiBase: string;
  /** Where the host's sign-in page is, for the signed-out state's default link. */
  signInUrl?: string;
}

export const DEFAULT_API_BASE = 'https://app.circle.so';

let configured: Partial<PageConfig> = {};

/** Sets page-wide settings from script, for sites that install the package from npm. */
export function configure(config: Partial<PageConfig>): void {
  configured = { ...configured, ...config };
}

/**
 * The page's settings: what {@link configure} set, else the `data-` attributes of the script tag
 * that loaded the bundle (`data-token-endpoint`, `data-api-base`, `data-sign-in-url`).
 */
export function pageConfig(): PageConfig {
  const script = document.querySelector<HTMLScriptElement>(
    'script[data-token-endpoint], script[data-api-base]',
  );
  const data = script?.dataset ?? {};
  return {
    tokenEndpoint: configured.tokenEndpoint ?? data.tokenEndpoint,
    apiBase: configured.apiBase ?? data.apiBase ?? DEFAULT_API_BASE,
    signInUrl: configured.signInUrl ?? data.signInUrl,
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
