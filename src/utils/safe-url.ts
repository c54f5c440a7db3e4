// Kept apart from the rich-text renderer so elements that only check links don't load it.

const DEFAULT_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** Pictures and page links from the API must be web URLs: no mailto, no data. */
export const WEB_PROTOCOLS = ['http', 'https'];

const MAX_URL_LENGTH = 8_192;

/**
 * `url` as a normalized absolute URL when its scheme is in `allowed` (http, https and mailto by
 * default), otherwise undefined.
 *
 * The browser's own URL parser decides the scheme, so disguises such as `java\tscript:`,
 * leading spaces or control characters resolve to the scheme the browser would follow.
 * Relative URLs are rejected: API content always carries absolute ones, and a relative URL
 * would point into the host site rather than the community.
 */
export function safeUrl(
  url: unknown,
  allowed: readonly string[] = DEFAULT_PROTOCOLS,
): string | undefined {
  if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }

  const scheme = parsed.protocol.slice(0, -1).toLowerCase();
  const permitted = allowed.some((entry) => entry.toLowerCase().replace(/:$/, '') === scheme);
  return permitted ? parsed.href : undefined;
}
