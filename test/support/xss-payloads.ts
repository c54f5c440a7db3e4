/**
 * Hostile strings for the hostile-content tests, grouped by family, and the tools that tell
 * whether any of them ran: a canary function, an error hook and a scan of the rendered DOM.
 *
 * Each payload, if a browser ever ran it, calls `window.__xss(id)` with its own id, so a failure
 * names the payload that got through. Payloads inside frames call `parent.__xss`.
 */

export type PayloadFamily =
  | 'script-tag'
  | 'event-handler'
  | 'url-scheme'
  | 'svg-mathml'
  | 'frame'
  | 'style'
  | 'mutation'
  | 'css-injection'
  | 'attribute-breakout'
  | 'unicode'
  | 'dom-clobbering'
  | 'polyglot';

/** How a payload runs when it reaches an unsafe sink; the control test checks these. */
export type LiveSink = 'innerHTML' | 'href';

export interface XssPayload {
  id: string;
  family: PayloadFamily;
  text: string;
  /** The unsafe sink this payload is known to run through in Chromium, if any. */
  live?: LiveSink;
}

/** The canary call for `id`, as payload source text. */
const call = (id: string): string => `__xss('${id}')`;

/** `window.__xss` explicitly: names a payload clobbers would otherwise shadow a bare call. */
const windowCall = (id: string): string => `window.__xss('${id}')`;

const payload = (
  family: PayloadFamily,
  id: string,
  make: (canary: string) => string,
  live?: LiveSink,
): XssPayload => ({
  id,
  family,
  text: make(family === 'dom-clobbering' ? windowCall(id) : call(id)),
  live,
});

const base64 = (text: string): string => btoa(text);

/** Every payload, in family order. */
export const XSS_PAYLOADS: readonly XssPayload[] = [
  // <script> in its many spellings.
  payload('script-tag', 's1', (c) => `<script>${c}</script>`),
  payload('script-tag', 's2', (c) => `<SCRIPT>${c}</SCRIPT>`),
  payload('script-tag', 's3', (c) => `<script src="data:text/javascript,${c}"></script>`),
  payload('script-tag', 's4', (c) => `<scr<script>ipt>${c}</scr</script>ipt>`),
  payload('script-tag', 's5', (c) => `<script/x>${c}</script>`),
  payload('script-tag', 's6', (c) => `</textarea></title><script>${c}</script>`),
  payload('script-tag', 's7', (c) => `<<script>${c};//<</script>`),

  // Event-handler attributes.
  payload('event-handler', 'e1', (c) => `<img src=x onerror=${c}>`, 'innerHTML'),
  payload('event-handler', 'e2', (c) => `<IMG SRC=x OnErRoR=${c}>`, 'innerHTML'),
  payload('event-handler', 'e3', (c) => `<img/src=x/onerror=${c}>`),
  payload('event-handler', 'e4', (c) => `<svg onload=${c}>`),
  payload('event-handler', 'e5', (c) => `<body onload=${c}>`),
  payload('event-handler', 'e6', (c) => `<details open ontoggle=${c}>`, 'innerHTML'),
  payload('event-handler', 'e7', (c) => `<input autofocus onfocus=${c}>`, 'innerHTML'),
  payload('event-handler', 'e8', (c) => `<video><source onerror=${c}></video>`, 'innerHTML'),
  payload('event-handler', 'e9', (c) => `<div onmouseover=${c}>hover me</div>`),
  payload('event-handler', 'e10', (c) => `<a href="#" onclick=${c}>click me</a>`),
  payload('event-handler', 'e11', (c) => `<marquee onstart=${c}>news</marquee>`),
  payload('event-handler', 'e12', () => `<img src=x onerror="&#95;&#95;xss('e12')">`, 'innerHTML'),

  // Script URLs, plain and disguised; also used as every URL field's value.
  payload('url-scheme', 'u1', (c) => `javascript:${c}`, 'href'),
  payload('url-scheme', 'u2', (c) => `JaVaScRiPt:${c}`, 'href'),
  payload('url-scheme', 'u3', (c) => `JAVASCRIPT:${c}`, 'href'),
  payload('url-scheme', 'u4', (c) => ` \t javascript:${c}`, 'href'),
  payload('url-scheme', 'u5', (c) => `java\tscript:${c}`, 'href'),
  payload('url-scheme', 'u6', (c) => `java\nscript:${c}`, 'href'),
  payload('url-scheme', 'u7', (c) => `java\rscript:${c}`, 'href'),
  payload('url-scheme', 'u8', (c) => `\u0001javascript:${c}`, 'href'),
  payload('url-scheme', 'u9', (c) => `\u0000javascript:${c}`, 'href'),
  payload('url-scheme', 'u10', (c) => `javascript://comment%0a${c}`, 'href'),
  payload('url-scheme', 'u11', (c) => `javascript:/*-->*/${c}`, 'href'),
  payload('url-scheme', 'u12', (c) => `&#106;avascript:${c}`),
  payload('url-scheme', 'u13', (c) => `javascript&colon;${c}`),
  payload('url-scheme', 'u14', (c) => `jav&#x09;ascript:${c}`),
  payload('url-scheme', 'u15', (c) => `\u00a0javascript:${c}`),
  payload('url-scheme', 'u16', (c) => `data:text/html,<script>parent.${c}</script>`),
  payload(
    'url-scheme',
    'u17',
    () => `data:text/html;base64,${base64(`<script>parent.${call('u17')}</script>`)}`,
  ),
  payload('url-scheme', 'u18', (c) => `data:image/svg+xml,<svg onload="${c}"></svg>`),
  payload('url-scheme', 'u19', (c) => `vbscript:${c}`),
  payload('url-scheme', 'u20', (c) => `VBScript:msgbox(${c})`),

  // SVG and MathML.
  payload('svg-mathml', 'v1', (c) => `<svg><script>${c}</script></svg>`),
  payload(
    'svg-mathml',
    'v2',
    (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`,
    'innerHTML',
  ),
  payload(
    'svg-mathml',
    'v3',
    (c) => `<svg><a xlink:href="javascript:${c}"><text x="20" y="20">tap</text></a></svg>`,
  ),
  payload('svg-mathml', 'v4', (c) => `<svg><foreignObject><img src=x onerror=${c}>`, 'innerHTML'),
  payload('svg-mathml', 'v5', (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`),
  payload('svg-mathml', 'v6', (c) => `<math href="javascript:${c}">tap</math>`),
  payload('svg-mathml', 'v7', (c) => `<svg><set attributeName="onmouseover" to="${c}"/></svg>`),

  // Frames.
  payload(
    'frame',
    'f1',
    (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`,
    'innerHTML',
  ),
  payload('frame', 'f2', (c) => `<iframe src="javascript:parent.${c}"></iframe>`, 'innerHTML'),
  payload('frame', 'f3', (c) => `<embed src="javascript:${c}">`),
  payload('frame', 'f4', (c) => `<object data="javascript:${c}"></object>`),
  payload(
    'frame',
    'f5',
    (c) => `<iframe srcdoc="&lt;img src=x onerror=parent.${c}&gt;"></iframe>`,
    'innerHTML',
  ),
  payload('frame', 'f6', (c) => `<frameset onload=${c}>`),

  // Style attributes and sheets.
  payload('style', 'c1', (c) => `<div style="width: expression(${c})">x</div>`),
  payload('style', 'c2', (c) => `<div style="background:url('javascript:${c}')">x</div>`),
  payload('style', 'c3', (c) => `<style>@import 'javascript:${c}';</style>`),
  payload('style', 'c4', (c) => `<link rel="stylesheet" href="javascript:${c}">`),
  payload('style', 'c5', (c) => `<style onload=${c}></style>`, 'innerHTML'),

  // Markup that changes meaning when parsed twice (mXSS), and inert containers.
  payload(
    'mutation',
    'm1',
    (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`,
    'innerHTML',
  ),
  payload('mutation', 'm2', (c) => `<template><img src=x onerror=${c}></template>`),
  payload(
    'mutation',
    'm3',
    (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`,
    'innerHTML',
  ),
  payload(
    'mutation',
    'm4',
    (c) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${c}>`,
  ),
  payload('mutation', 'm5', (c) => `<!--<img src="--><img src=x onerror=${c}//">`, 'innerHTML'),
  payload('mutation', 'm6', (c) => `</textarea><img src=x onerror=${c}>`, 'innerHTML'),
  payload('mutation', 'm7', (c) => `<xmp><p title="</xmp><img src=x onerror=${c}>">`, 'innerHTML'),

  // Breaking out of a style sheet or declaration.
  payload('css-injection', 'k1', (c) => `</style><img src=x onerror=${c}>`, 'innerHTML'),
  payload('css-injection', 'k2', (c) => `red;}</style><script>${c}</script>`),
  payload('css-injection', 'k3', (c) => `x{}*{background:url("javascript:${c}")}`),
  payload('css-injection', 'k4', (c) => `@import url("javascript:${c}");`),
  payload('css-injection', 'k5', (c) => `expression(${c})`),
  payload('css-injection', 'k6', (c) => `\\3c/style\\3e\\3cimg src=x onerror=${c}\\3e`),

  // Breaking out of an attribute value.
  payload('attribute-breakout', 'a1', (c) => `" onmouseover="${c}" x="`),
  payload('attribute-breakout', 'a2', (c) => `' onfocus='${c}' autofocus x='`),
  payload('attribute-breakout', 'a3', (c) => `"><img src=x onerror=${c}>`, 'innerHTML'),
  payload('attribute-breakout', 'a4', (c) => `'><svg onload=${c}>`),
  payload('attribute-breakout', 'a5', (c) => `\` onmouseover=${c} \``),
  payload('attribute-breakout', 'a6', (c) => `" autofocus onfocus=${c} x="`),
  payload('attribute-breakout', 'a7', (c) => `"/><script>${c}</script>`),
  payload('attribute-breakout', 'a8', (c) => `https://example.com/" onmouseover="${c}`),

  // Look-alike, invisible and escaped characters.
  payload('unicode', 'n1', (c) => `＜script＞${c}＜/script＞`),
  payload('unicode', 'n2', (c) => `\u202e<img src=x onerror=${c}>`, 'innerHTML'),
  payload('unicode', 'n3', (c) => `<scr\u200bipt>${c}</scr\u200bipt>`),
  payload('unicode', 'n4', (c) => `\\u003cscript\\u003e${c}\\u003c/script\\u003e`),
  payload('unicode', 'n5', (c) => `%3Cscript%3E${encodeURIComponent(c)}%3C%2Fscript%3E`),
  payload('unicode', 'n6', (c) => `&lt;script&gt;${c}&lt;/script&gt;`),
  payload('unicode', 'n7', (c) => `<ſcript>${c}</ſcript>`),
  payload('unicode', 'n8', (c) => `\ufeff<img src=x onerror=${c}>`, 'innerHTML'),
  payload('unicode', 'n9', (c) => `<img src=x onerror=${c}>\u0000\u2028\u2029`, 'innerHTML'),

  // Names and ids that would shadow globals if they reached the document.
  payload(
    'dom-clobbering',
    'd1',
    (c) => `<form name="__xss" onmouseover="${c}"><input name="attributes"></form>`,
  ),
  payload(
    'dom-clobbering',
    'd2',
    (c) => `<img name="__xss" id="__xss" src=x onerror="${c}">`,
    'innerHTML',
  ),
  payload(
    'dom-clobbering',
    'd3',
    (c) => `<a id="tokenEndpoint" name="apiBase" href="https://evil.example/" onclick="${c}">x</a>`,
  ),
  payload(
    'dom-clobbering',
    'd4',
    (c) => `<form id="document"><img name="cookie" src=x onerror="${c}"></form>`,
    'innerHTML',
  ),
  payload(
    'dom-clobbering',
    'd5',
    (c) => `<iframe name="__xss" onload="${c}"></iframe>`,
    'innerHTML',
  ),
  payload(
    'dom-clobbering',
    'd6',
    (c) => `<img name="getElementById" src=x onerror="${c}">`,
    'innerHTML',
  ),
  payload(
    'dom-clobbering',
    'd7',
    (c) => `<form name="sandbox"><input id="db" name="posts"></form><img src=x onerror="${c}">`,
    'innerHTML',
  ),

  // Polyglots: one string that runs in several contexts.
  payload(
    'polyglot',
    'p1',
    (c) =>
      `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${c} )//%0D%0A%0d%0a//</stYle/</titLe/` +
      `</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${c}//>\\x3e`,
    'href',
  ),
  payload('polyglot', 'p2', (c) => `'"--></style></script></textarea><svg onload=${c}>`),
  payload(
    'polyglot',
    'p3',
    (c) =>
      `javascript:"/*'/*\`/*--></noscript></title></textarea></style></template></noembed>` +
      `</script><html " onmouseover=/*&lt;svg/*/onload=${c}//>`,
  ),
  payload(
    'polyglot',
    'p4',
    (c) => `';${c};//';${c};//";${c};//";${c};//--></SCRIPT>">'><SCRIPT>${c}</SCRIPT>=&{}`,
  ),
  payload('polyglot', 'p5', (c) => `"><svg/onload=${c}>'"><img src=x onerror=${c}>`, 'innerHTML'),
];

/** The families in the order the corpus lists them. */
export const PAYLOAD_FAMILIES: readonly PayloadFamily[] = [
  ...new Set(XSS_PAYLOADS.map((entry) => entry.family)),
];

export function payloadsOf(family: PayloadFamily): XssPayload[] {
  return XSS_PAYLOADS.filter((entry) => entry.family === family);
}

/**
 * The values to put in URL fields (links, pictures, embeds, join links): every script and data
 * URL, the polyglots that start like one, and an http URL that tries to break out of its
 * attribute. Only the last one is a usable web address.
 */
export const URL_PAYLOADS: readonly XssPayload[] = XSS_PAYLOADS.filter(
  (entry) =>
    entry.family === 'url-scheme' ||
    entry.id === 'a8' ||
    (entry.family === 'polyglot' && /^\s*javascript:/i.test(entry.text)),
);

/** All payloads in one string, for fields that show text. */
export const ALL_PAYLOADS_TEXT: string = XSS_PAYLOADS.map((entry) => entry.text).join(' ');

// ---------------------------------------------------------------------------------------------
// Watching for execution

/** What ran while the canary was installed. */
export interface CanaryReport {
  /** Payload ids that called `window.__xss`. */
  calls: string[];
  /** Uncaught errors that reached `window.onerror`. */
  errors: string[];
  /** Whether `window.__xss` is still the canary, i.e. nothing clobbered it. */
  intact(): boolean;
  /** Puts the page's own `__xss` and `onerror` back. */
  restore(): void;
}

/** The canary's slot on a window (typed here rather than globally: other tests use the name). */
type CanarySlot = { __xss?: unknown };

/** Installs `window.__xss` and hooks `window.onerror`, recording what happens. */
export function installCanary(target: Window = window): CanaryReport {
  const slot = target as unknown as CanarySlot;
  const calls: string[] = [];
  const errors: string[] = [];
  const previousError = target.onerror;
  const previousCanary = slot.__xss;
  const canary = (id: string) => {
    calls.push(String(id));
  };

  slot.__xss = canary;
  target.onerror = (message, source, line, column, error) => {
    const text = String(error?.message ?? message);

    // Chrome reports this when a layout observer skips a frame; it is no script error.
    if (text.startsWith('ResizeObserver loop')) return true;
    errors.push(text);
    return previousError?.call(target, message, source, line, column, error) ?? false;
  };
  return {
    calls,
    errors,
    intact: () => slot.__xss === canary,
    restore() {
      slot.__xss = previousCanary;
      target.onerror = previousError;
    },
  };
}

/** Attributes that take a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'codebase',
  'cite',
];

/** Elements no widget draws, and that run or load active content. */
const ACTIVE_ELEMENTS = new Set([
  'script',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'meta',
  'link',
  'style',
  'template',
  'noscript',
  'xmp',
  'math',
  'marquee',
  'animate',
  'set',
  'foreignobject',
]);

/** The only schemes a rendered URL may have. */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Everything active under `root`, through every open shadow root: script and plugin elements,
 * `on*` attributes, URLs with schemes other than http(s) and mailto, frames with `srcdoc` or a
 * non-web `src`, CSS expressions, and `id`/`name` values that don't look like the widgets' own.
 */
export function activeContent(root: Element | ShadowRoot): string[] {
  const findings: string[] = [];
  const visit = (scope: Element | ShadowRoot): void => {
    for (const element of scope.querySelectorAll('*')) {
      const tag = element.localName.toLowerCase();
      const where = `<${tag}${element.id ? `#${element.id}` : ''}>`;
      if (ACTIVE_ELEMENTS.has(tag)) findings.push(`${where} element`);
      if (tag === 'iframe' && element.hasAttribute('srcdoc')) findings.push(`${where} srcdoc`);

      for (const attribute of element.attributes) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value;
        if (name.startsWith('on')) findings.push(`${where} ${name}="${value}"`);
        if (name === 'style' && /expression|javascript|url\(|__xss/i.test(value)) {
          findings.push(`${where} style="${value}"`);
        }
        if ((name === 'id' || name === 'name') && !/^[A-Za-z][\w:.-]*$/.test(value)) {
          findings.push(`${where} ${name}="${value}"`);
        }
        if (
          name === 'id' &&
          /^(__xss|document|getElementById|sandbox|tokenEndpoint)$/.test(value)
        ) {
          findings.push(`${where} clobbering ${name}="${value}"`);
        }
        if (URL_ATTRIBUTES.includes(name) && !isSafeUrl(value)) {
          findings.push(`${where} ${name}="${value}"`);
        }
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return findings;
}

function isSafeUrl(value: string): boolean {
  try {
    return SAFE_SCHEMES.has(new URL(value, document.baseURI).protocol);
  } catch {
    return false;
  }
}
