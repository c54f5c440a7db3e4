// Circle's TipTap JSON to lit templates. Only node and mark types listed here become elements;
// every string from the API reaches the DOM through a lit text or attribute binding.

import { html, nothing } from 'lit';
import type { CSSResultOrNative, ReactiveElement, TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import type { ChildPart, DirectiveResult } from 'lit/directive.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { components } from '../api/schema.js';
import { adoptPartStyles } from '../controllers/lazy-part.js';
import { retryableImport } from '../utils/retryable-import.js';
import { safeUrl, WEB_PROTOCOLS } from '../utils/safe-url.js';
import { cutOff, MAX_TEXT_LENGTH, renderPlainText } from './plain-text.js';

export { safeUrl };

type SchemaTiptapBody = NonNullable<components['schemas']['basic_post']['tiptap_body']>;

/** One TipTap mark, such as `{ type: 'link', attrs: { href } }`. */
export interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** One TipTap node; the API schema leaves these untyped, so nothing here is trusted. */
export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  text?: string;
  marks?: TiptapMark[];
}

/** The API's `tiptap_body` object: the document sits in `.body`, mentions resolve beside it. */
export type TiptapBody = Omit<SchemaTiptapBody, 'body' | 'sgids_to_object_map'> & {
  body?: { type?: string; content?: readonly unknown[] } | null;
  sgids_to_object_map?: Record<string, unknown>;
};

/** Texts the renderer shows itself; elements pass their translations in. */
export interface RichTextStrings {
  /** Shown after "@" when a mention can't be matched to a member. */
  unknownMember: string;
  /** Button that loads an embedded video player. */
  loadEmbed: string;
  /** Accessible name of an embedded player whose embed has no title. */
  embedFrameTitle: string;
  /** Link text of an attachment without a file name. */
  attachment: string;
  /** Said when the code of a video card could not be fetched. */
  loadFailed: string;
  /** Button that fetches it again. */
  retry: string;
}

/** How `renderRichText` links mentions and words its own texts. */
export interface RichTextOptions {
  /**
   * Builds a link for a mentioned member; without it mentions render as plain "@Name".
   * Unlike API URLs the result may be relative (to the host page), but it must end up http(s).
   */
  mentionHref?: (member: { id: number; name: string }) => string | undefined;
  /** Text for the click-to-load embed button etc. (string table lookups are passed in). */
  strings?: Partial<RichTextStrings>;
  /** Language for file sizes, such as 'de'; the browser's own when left out. */
  lang?: string;
  /**
   * The level of the heading that introduces this body, such as a post title's 3. The body's
   * own headings start one level below it. Default 2.
   */
  headingLevel?: number;
}

const DEFAULT_STRINGS: RichTextStrings = {
  unknownMember: 'member',
  loadEmbed: 'Load video',
  embedFrameTitle: 'Embedded video',
  attachment: 'Attachment',
  loadFailed: 'The community could not be reached. Check your connection and try again.',
  retry: 'Try again',
};

/** Links leave the host page; `ugc` tells search engines the link is user content. */
const LINK_REL = 'noopener noreferrer ugc';

/** Deeper nodes are flattened to text: real posts never nest this far, hostile JSON might. */
const MAX_DEPTH = 50;

/** Stops JSON that reuses one node object many times from multiplying into millions. */
const MAX_NODES = 200_000;

/**
 * The rich text of a post or comment as a `<div class="rich-text">` (style it with
 * `richTextStyles`). Falls back to `fallbackText` (the API's `body_plain_text`) when there is
 * no TipTap document. Never throws on malformed input.
 */
export function renderRichText(
  body: TiptapBody | null | undefined,
  fallbackText?: string | null,
  options: RichTextOptions = {},
): TemplateResult {
  const doc = documentOf(body);
  if (doc) {
    const context = createContext(body, options);
    return html`<div class="rich-text">${renderChildren(doc, context, 1, 'doc')}</div>`;
  }

  const iosFallback = isRecord(body) ? body.circle_ios_fallback_text : undefined;
  const text = nonBlank(fallbackText) ?? nonBlank(iosFallback) ?? '';
  return html`<div class="rich-text">${renderPlainText(text)}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Document walk

interface MemberRef {
  id?: number;
  name: string;
}

interface RenderContext {
  membersBySgid: Map<string, MemberRef>;
  sgidObjects: Record<string, unknown> | undefined;
  mentionHref: RichTextOptions['mentionHref'];
  strings: RichTextStrings;
  lang: string | undefined;
  /** Nodes on the path from the root to the current node, to break reference cycles. */
  ancestors: Set<object>;
  nodesLeft: number;
  /** Characters of text still to show before the body is cut off. */
  textLeft: number;
  /** The level of the heading rendered last, so the next one never skips a level. */
  lastHeadingLevel: number;
  headingLevel: number;
}

type Rendered = TemplateResult | DirectiveResult | string | typeof nothing | Rendered[];

function documentOf(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;

  // The API nests the doc in `.body`; a bare doc is accepted too.
  const candidate = isRecord(body.body) ? body.body : body.type === 'doc' ? body : undefined;
  if (!candidate || !Array.isArray(candidate.content) || candidate.content.length === 0) {
    return undefined;
  }
  return candidate;
}

function createContext(body: unknown, options: RichTextOptions): RenderContext {
  const headingLevel = Math.min(Math.max(Math.trunc(options.headingLevel ?? 2), 1), 5);
  const membersBySgid = new Map<string, MemberRef>();
  const members =
    isRecord(body) && Array.isArray(body.community_members) ? body.community_members : [];
  for (const member of members) {
    if (!isRecord(member) || typeof member.rich_text_field_sgid !== 'string') continue;
    const name = nonBlank(member.name);
    if (!name) continue;
    // Circle's examples put the user id in `id` and the member id in `community_member_id`.
    const memberId = member.community_member_id ?? member.id;
    const id = typeof memberId === 'number' ? memberId : undefined;
    membersBySgid.set(member.rich_text_field_sgid, { id, name });
  }

  const sgidObjects =
    isRecord(body) && isRecord(body.sgids_to_object_map) ? body.sgids_to_object_map : undefined;

  return {
    membersBySgid,
    sgidObjects,
    mentionHref: options.mentionHref,
    strings: mergeStrings(options.strings),
    lang: options.lang,
    ancestors: new Set(),
    nodesLeft: MAX_NODES,
    textLeft: MAX_TEXT_LENGTH,
    headingLevel,
    lastHeadingLevel: headingLevel,
  };
}

function mergeStrings(overrides: Partial<RichTextStrings> | undefined): RichTextStrings {
  const strings = { ...DEFAULT_STRINGS };
  if (!overrides) return strings;

  // A missing lookup (undefined) keeps the default rather than blanking the text.
  for (const key of Object.keys(DEFAULT_STRINGS) as (keyof RichTextStrings)[]) {
    const value = overrides[key];
    if (typeof value === 'string') strings[key] = value;
  }
  return strings;
}

function renderChildren(
  node: Record<string, unknown>,
  context: RenderContext,
  depth: number,
  parentType: string,
): Rendered[] {
  const content = node.content;
  if (!Array.isArray(content)) return [];

  context.ancestors.add(node);
  const rendered: Rendered[] = [];
  try {
    for (const child of content) {
      if (context.nodesLeft <= 0 || context.textLeft <= 0) break;
      rendered.push(renderNode(child, context, depth, parentType));
    }
  } finally {
    context.ancestors.delete(node);
  }
  return rendered;
}

function renderNode(
  node: unknown,
  context: RenderContext,
  depth: number,
  parentType: string,
): Rendered {
  if (!isRecord(node) || context.ancestors.has(node)) return nothing;
  if (depth > MAX_DEPTH) return takeText(textContent(node, context), context);
  context.nodesLeft -= 1;

  const attrs = isRecord(node.attrs) ? node.attrs : {};
  const type = typeof node.type === 'string' ? node.type : '';
  const children = (): Rendered[] => renderChildren(node, context, depth + 1, type);

  switch (type) {
    case 'doc':
      return children();
    case 'text':
      return renderText(node, context);
    case 'paragraph':
      return html`<p dir="auto">${children()}</p>`;
    case 'heading':
      return renderHeading(attrs.level, children(), context);
    case 'bulletList':
      return html`<ul>
        ${children()}
      </ul>`;
    case 'orderedList':
      return html`<ol start=${ifDefined(listStart(attrs.start))}>
        ${children()}
      </ol>`;
    case 'listItem':
      // An item stranded outside a list would be invalid markup; keep only its content.
      return isList(parentType) ? html`<li>${children()}</li>` : children();
    case 'blockquote':
      return html`<blockquote>${children()}</blockquote>`;
    case 'codeBlock':
      return html`<pre
        data-language=${ifDefined(codeLanguage(attrs.language))}
      ><code>${children()}</code></pre>`;
    case 'horizontalRule':
      return html`<hr />`;
    case 'hardBreak':
      return html`<br />`;
    case 'image':
      return renderImage(attrs);
    case 'mention':
      return renderMention(attrs, context);
    case 'embed':
      return renderEmbed(attrs, context.strings);
    case 'attachment':
    case 'file':
      return renderAttachment(attrs, context);
    default:
      return renderUnknown(node, children, context);
  }
}

/**
 * Types we don't know keep what a reader needs, their text, but never their own element: the
 * content goes through the same allowlist, and a leaf falls back to its text.
 */
function renderUnknown(
  node: Record<string, unknown>,
  children: () => Rendered[],
  context: RenderContext,
): Rendered {
  if (Array.isArray(node.content)) return children();
  if (typeof node.text === 'string') return takeText(node.text, context);
  if (typeof node.circle_ios_fallback_text === 'string') {
    return takeText(node.circle_ios_fallback_text, context);
  }
  return nothing;
}

const BLOCK_END = Symbol('block end');

/** Plain text of a subtree, walked with a stack so depth can't exhaust the call stack. */
function textContent(root: Record<string, unknown>, context: RenderContext): string {
  const pieces: string[] = [];
  const seen = new Set<object>(context.ancestors);
  const stack: unknown[] = [root];

  while (stack.length > 0 && context.nodesLeft > 0) {
    const node = stack.pop();

    // Words of neighbouring blocks mustn't run together.
    if (node === BLOCK_END) {
      pieces.push(' ');
      continue;
    }
    if (!isRecord(node) || seen.has(node)) continue;
    seen.add(node);
    context.nodesLeft -= 1;

    if (typeof node.text === 'string') pieces.push(node.text);
    if (node.type === 'hardBreak') pieces.push(' ');
    if (Array.isArray(node.content)) {
      stack.push(BLOCK_END);

      // Reversed so the stack pops children in document order.
      for (let index = node.content.length - 1; index >= 0; index -= 1) {
        stack.push(node.content[index]);
      }
    }
  }
  return pieces.join('').replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Text and marks

/** `text` within what is left of the body's text budget, which it uses up. */
function takeText(text: string, context: RenderContext): string {
  const shown = cutOff(text, Math.max(context.textLeft, 0));
  context.textLeft -= text.length;
  return shown;
}

function renderText(node: Record<string, unknown>, context: RenderContext): Rendered {
  if (typeof node.text !== 'string' || node.text === '') return nothing;
  const text = takeText(node.text, context);

  const marks = Array.isArray(node.marks) ? node.marks.filter(isRecord) : [];

  // Links can't nest, so only the outermost link mark counts.
  const linkIndex = marks.findIndex((mark) => mark.type === 'link');

  // Wrapping from the last mark outwards leaves the first mark outermost.
  let rendered: Rendered = text;
  for (let index = marks.length - 1; index >= 0; index -= 1) {
    const mark = marks[index];
    if (mark.type === 'link' && index !== linkIndex) continue;
    rendered = applyMark(mark, rendered);
  }
  return rendered;
}

function applyMark(mark: Record<string, unknown>, inner: Rendered): Rendered {
  switch (mark.type) {
    case 'bold':
      return html`<strong>${inner}</strong>`;
    case 'italic':
      return html`<em>${inner}</em>`;
    case 'strike':
      return html`<s>${inner}</s>`;
    case 'underline':
      return html`<u>${inner}</u>`;
    case 'code':
      return html`<code>${inner}</code>`;
    case 'link': {
      const href = safeUrl(isRecord(mark.attrs) ? mark.attrs.href : undefined);
      return href ? externalLink(href, inner) : inner;
    }
    default:
      return inner;
  }
}

function externalLink(href: string, inner: unknown): TemplateResult {
  return html`<a href=${href} target="_blank" rel=${LINK_REL}>${inner}</a>`;
}

// ---------------------------------------------------------------------------------------------
// Block helpers

/**
 * A body's headings sit below the heading that introduces it (by default h1 → h3, h2 → h4 …),
 * so they never outrank the page's or the widget's own. A heading never goes more than one
 * level deeper than the one before it, since a skipped level confuses screen-reader users.
 */
function renderHeading(level: unknown, content: Rendered[], context: RenderContext) {
  const sourceLevel = typeof level === 'number' && Number.isInteger(level) ? level : 1;
  const wanted = context.headingLevel + Math.max(sourceLevel, 1);
  const shown = Math.min(wanted, context.lastHeadingLevel + 1, 6);
  context.lastHeadingLevel = shown;

  switch (shown) {
    case 2:
      return html`<h2 dir="auto">${content}</h2>`;
    case 3:
      return html`<h3 dir="auto">${content}</h3>`;
    case 4:
      return html`<h4 dir="auto">${content}</h4>`;
    case 5:
      return html`<h5 dir="auto">${content}</h5>`;
    default:
      return html`<h6 dir="auto">${content}</h6>`;
  }
}

function isList(type: string): boolean {
  return type === 'bulletList' || type === 'orderedList';
}

function listStart(start: unknown): number | undefined {
  const value = toInteger(start);
  return value !== undefined && value !== 1 ? value : undefined;
}

function codeLanguage(language: unknown): string | undefined {
  return typeof language === 'string' && language !== '' && language.length <= 40
    ? language
    : undefined;
}

function renderImage(attrs: Record<string, unknown>): Rendered {
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  const src = safeUrl(attrs.src ?? attrs.url, WEB_PROTOCOLS);

  // Without a usable source, the description is still worth reading.
  if (!src) return alt.trim() ? html`<span class="image-alt">${alt}</span>` : nothing;

  return html`<img
    src=${src}
    alt=${alt}
    width=${ifDefined(dimension(attrs.width))}
    height=${ifDefined(dimension(attrs.height))}
    loading="lazy"
    decoding="async"
  />`;
}

function dimension(value: unknown): number | undefined {
  const number = toInteger(value);
  return number !== undefined && number > 0 ? number : undefined;
}

function renderMention(attrs: Record<string, unknown>, context: RenderContext): Rendered {
  const member = typeof attrs.sgid === 'string' ? findMember(attrs.sgid, context) : undefined;
  if (!member) return html`<span class="mention">@${context.strings.unknownMember}</span>`;

  const built =
    member.id !== undefined && context.mentionHref
      ? context.mentionHref({ id: member.id, name: member.name })
      : undefined;
  const href = hostUrl(built);
  return href
    ? html`<a class="mention" href=${href}>@${member.name}</a>`
    : html`<span class="mention">@${member.name}</span>`;
}

function findMember(sgid: string, context: RenderContext): MemberRef | undefined {
  const member = context.membersBySgid.get(sgid);
  if (member) return member;

  const objects = context.sgidObjects;
  if (!objects || !Object.hasOwn(objects, sgid)) return undefined;
  const object = objects[sgid];
  const name = isRecord(object) ? nonBlank(object.name) : undefined;
  if (!isRecord(object) || !name) return undefined;
  return { id: typeof object.id === 'number' ? object.id : undefined, name };
}

/**
 * Mention links come from the host's own callback, so unlike API URLs they may be relative to
 * the host page; they still have to end up http(s).
 */
function hostUrl(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return safeUrl(new URL(url, document.baseURI).href, WEB_PROTOCOLS);
  } catch {
    return undefined;
  }
}

function renderAttachment(attrs: Record<string, unknown>, context: RenderContext): Rendered {
  const href = safeUrl(attrs.url, WEB_PROTOCOLS);
  const name = nonBlank(attrs.filename) ?? context.strings.attachment;
  const size = formatFileSize(attrs.byte_size, context.lang);
  const type =
    typeof attrs.content_type === 'string' && attrs.content_type.length <= 100
      ? attrs.content_type
      : undefined;

  const label = html`<span class="attachment-name">${name}</span>${
      size ? html` <span class="attachment-size">${size}</span>` : nothing
    }`;
  return href
    ? html`<div class="attachment">
        <a
          class="attachment-file"
          href=${href}
          type=${ifDefined(type)}
          download=${name}
          target="_blank"
          rel=${LINK_REL}
          >${label}</a
        >
      </div>`
    : html`<div class="attachment"><span class="attachment-file">${label}</span></div>`;
}

const SIZE_UNITS = [
  { unit: 'gigabyte', bytes: 1e9 },
  { unit: 'megabyte', bytes: 1e6 },
  { unit: 'kilobyte', bytes: 1e3 },
  { unit: 'byte', bytes: 1 },
] as const;

/** "2.4 MB", "512 kB": decimal units, to match what the unit names mean. */
function formatFileSize(byteSize: unknown, lang: string | undefined): string | undefined {
  const bytes = typeof byteSize === 'string' ? Number(byteSize) : byteSize;
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return undefined;

  const { unit, bytes: unitBytes } =
    SIZE_UNITS.find((entry) => bytes >= entry.bytes) ?? SIZE_UNITS[SIZE_UNITS.length - 1];
  const value = bytes / unitBytes;
  const options: Intl.NumberFormatOptions = {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  };

  // A bad language tag from the host shouldn't cost the reader the whole post.
  try {
    return new Intl.NumberFormat(lang, options).format(value);
  } catch {
    return new Intl.NumberFormat(undefined, options).format(value);
  }
}

// ---------------------------------------------------------------------------------------------
// Embeds: a video site's link becomes a card, and the site's player loads only when the reader
// asks for it. The card's code (embed.ts) is fetched once per page, when the first one is met.

export type Provider = 'youtube' | 'vimeo';

/** A video embed as the card shows it: the link, the site's name and the embed's own title. */
export interface VideoLink {
  href: string;
  host: string;
  title: string | undefined;
  provider: Provider;
}

export const YOUTUBE_HOSTS = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
export const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com']);

/** The video site `host` belongs to, if its player is one a card can load. */
function providerOf(host: string): Provider | undefined {
  if (host === 'youtu.be' || YOUTUBE_HOSTS.has(host)) return 'youtube';
  return VIMEO_HOSTS.has(host) ? 'vimeo' : undefined;
}

function renderEmbed(attrs: Record<string, unknown>, strings: RichTextStrings): Rendered {
  const title = nonBlank(attrs.title);
  const href = safeUrl(attrs.url, WEB_PROTOCOLS);
  if (!href) return title ? html`<div class="embed-link">${title}</div>` : nothing;

  const url = new URL(href);
  const provider = providerOf(url.hostname);
  if (!provider) return linkEmbed(href, title);

  // TODO: a video site's address that names no video (a channel page) shows as a box until
  // embed.ts, which parses the id, is in, and then shrinks to the plain link it always was.
  const host = url.hostname.replace(/^www\./, '');
  return lazyEmbed({ href, host, title, provider }, strings);
}

/** An embed without a player: a link to it. */
export function linkEmbed(href: string, title: string | undefined): TemplateResult {
  return html`<div class="embed-link">${externalLink(href, title ?? href)}</div>`;
}

/** What goes in an embed's box besides its caption. */
export interface EmbedFrameContent {
  /** Above the caption: the player, once loaded. */
  player?: unknown;
  /** Beside the caption: the button that loads the player, or why it can't yet. */
  controls?: unknown;
  loaded?: boolean;
  busy?: boolean;
}

/**
 * An embed's box with its caption. The placeholder below and embed.ts's card both draw through
 * it, so the box and its link stay the same elements (and keep focus) when the card's code arrives.
 */
export function embedFrame(video: VideoLink, content: EmbedFrameContent): TemplateResult {
  return html`<div
    class="embed ${content.loaded ? 'embed-loaded' : ''}"
    data-provider=${video.provider}
    aria-busy=${content.busy ? 'true' : nothing}
  >
    ${content.player ?? nothing}
    <div class="embed-caption">
      ${externalLink(video.href, video.title ?? video.host)}
      <span class="embed-host">${video.host}</span>
    </div>
    ${content.controls ?? nothing}
  </div>`;
}

type EmbedModule = typeof import('./embed.js');

let embedModule: EmbedModule | undefined;
const importEmbed = retryableImport(() => import('./embed.js'));

/** Fetches embed.ts once for the page; a failed fetch is tried again on the next call. */
async function loadEmbedModule(): Promise<EmbedModule> {
  embedModule = await importEmbed();
  return embedModule;
}

/**
 * A video embed: embed.ts's card once that is in, else a box of the same size with the link, busy
 * while the code is on its way, or saying it could not be fetched, with a retry.
 */
class LazyEmbedDirective extends AsyncDirective {
  private video?: VideoLink;
  private strings: RichTextStrings = DEFAULT_STRINGS;
  private host?: unknown;
  private fetching = false;
  private failed = false;

  override update(part: ChildPart, [video, strings]: [VideoLink, RichTextStrings]) {
    this.host = part.options?.host;
    return this.render(video, strings);
  }

  render(video: VideoLink, strings: RichTextStrings): Rendered {
    this.video = video;
    this.strings = strings;
    if (embedModule) {
      this.adoptStyles(embedModule.styles);
      return embedModule.renderVideo(video, strings);
    }

    if (!this.failed) void this.fetch();
    return embedFrame(video, {
      busy: !this.failed,
      controls: this.failed
        ? html`<span role="alert">${strings.loadFailed}</span>
            <button class="button" type="button" @click=${this.retry}>${strings.retry}</button>`
        : nothing,
    });
  }

  protected override reconnected(): void {
    this.redraw();
  }

  private async fetch(): Promise<void> {
    if (this.fetching) return;
    this.fetching = true;
    try {
      await loadEmbedModule();
      this.failed = false;
    } catch {
      this.failed = true;
    }
    this.fetching = false;
    this.redraw();
  }

  private redraw(): void {
    if (this.isConnected && this.video) this.setValue(this.render(this.video, this.strings));
  }

  /** Fetches again; once the card is in, focus moves from this button to the card's own. */
  private readonly retry = async (event: Event): Promise<void> => {
    const button = event.currentTarget as HTMLElement;
    const box = button.closest('.embed');
    const focused = button.matches(':focus');
    this.failed = false;
    await this.fetch();
    if (focused && !this.failed) box?.querySelector<HTMLElement>('button')?.focus();
  };

  private adoptStyles(styles: CSSResultOrNative[]): void {
    const root = (this.host as ReactiveElement | undefined)?.renderRoot;
    if (root instanceof ShadowRoot) adoptPartStyles(root, styles);
  }
}

const lazyEmbed = directive(LazyEmbedDirective);

// ---------------------------------------------------------------------------------------------
// Small guards

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function toInteger(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}
