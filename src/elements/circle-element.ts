import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { CircleApiError } from '../api/errors.js';
import { codeUnreachable, LazyPart } from '../controllers/lazy-part.js';
import type { LazyModule } from '../controllers/lazy-part.js';
import type { LoadMore } from '../controllers/paged-list.js';
import { SessionController } from '../controllers/session-controller.js';
import { PRESETS, THEMES, ThemeController } from '../controllers/theme-controller.js';
import type { Theme, ThemePreset } from '../controllers/theme-controller.js';
import { CircleAuthRequiredEvent } from '../events.js';
import type { CircleErrorDetail } from '../events.js';
import {
  checkStrings,
  loadLocale,
  msg,
  textDirection,
  usableLocale,
  watchText,
} from '../i18n/strings.js';
import type { StringKey, StringTable } from '../i18n/strings.js';
import { apiBaseCorrection, pageConfig, pageUrl } from '../config.js';
import { safeUrl, WEB_PROTOCOLS } from '../utils/safe-url.js';
import type { RichTextOptions } from '../rich-text/render.js';
import { formatDateTime, formatRelative } from '../utils/format.js';
import { SessionError } from '../session/session.js';
import { warnOnce } from '../utils/warn.js';
import {
  MAX_HEADING_LEVEL,
  MIN_HEADING_LEVEL,
  isHeadingLevel,
  renderHeading,
} from '../utils/heading.js';
import type { HeadingAttributes } from '../utils/heading.js';

/** Circle documents no page-size limit; this keeps a typo from asking for thousands. */
const MAX_PER_PAGE = 100;

/** `perPage` when it is a whole number from 1 to 100, else `fallback`. */
export function validPerPage(perPage: number, fallback: number): number {
  return Number.isInteger(perPage) && perPage >= 1 && perPage <= MAX_PER_PAGE ? perPage : fallback;
}

/** How long a rollback message stays before it clears itself. */
const NOTICE_MS = 8000;

/**
 * What every `<circle-*>` element shares: the configuration attributes, the page's session, and
 * the signed-out, error, empty and configuration-problem states. Not registered as a tag.
 */
export abstract class CircleElement extends LitElement {
  protected readonly sessionController = new SessionController(this);
  protected readonly themeController = new ThemeController(this);

  /** A short message about a change that had to be undone, shown until it times out. */
  @state() protected notice?: string;

  /** A polite note of what "load more" added, such as "10 more posts loaded". */
  @state() private loadedNote = '';

  /** The host site's URL that answers with the member's Circle token. Overrides the page's. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;

  /** Circle's origin for the Member API. Overrides the page's; defaults to app.circle.so. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The host's sign-in page, linked from the signed-out state. Overrides the page's. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  /**
   * This element's own wording, by string key: it wins over `setStrings()` and the shipped
   * translations. Assign a new object to change it.
   */
  @property({ attribute: false }) strings?: Partial<StringTable>;

  /**
   * `light`, `dark`, or `auto`: the page's own dark switch (a `dark` class or
   * `data-theme="dark"` on <html> or <body>, or its `color-scheme`), else the system's setting.
   * The element shows the theme it resolved to as `data-circle-theme`.
   */
  @property() theme: Theme = 'auto';

  /** A ready palette, corner radius and shadows: `circle`, `minimal` or `contrast`. */
  @property({ reflect: true }) preset: ThemePreset = 'circle';

  /**
   * The level, 2 to 6, of the element's top headings (titles of posts, events and sections), so
   * they fit the host page's outline; headings inside them follow one level down. Each element
   * has its own default.
   */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  private noticeTimer?: ReturnType<typeof setTimeout>;
  /** What the notice is about (`like-12`), so a later success with it can take the notice back. */
  private noticeSubject?: string;
  private loadedNoteTimer?: ReturnType<typeof setTimeout>;
  private announcedSignOut = false;
  private attributeProblems: string[] = [];
  private seenGeneration = 0;
  private ownStrings?: Partial<StringTable>;
  private stopWatchingText?: () => void;
  /** The `dir` this element gave itself, to tell it from one the page set. */
  private ownDir?: string;

  /** The language for text, dates and numbers: the nearest `lang`, else the browser's. */
  get locale(): string {
    const owner = this.closest<HTMLElement>('[lang]');
    return usableLocale(owner?.lang || document.documentElement.lang || navigator.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopWatchingText = watchText(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
    clearTimeout(this.loadedNoteTimer);
    this.stopWatchingText?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);

    const { generation } = this.sessionController.state;
    if (generation !== this.seenGeneration) {
      this.seenGeneration = generation;
      this.forgetMemberData();
    }

    // Until its translation arrives the element shows English; the arrival updates it.
    const locale = this.locale;
    void loadLocale(locale);
    if (changed.has('strings')) {
      this.ownStrings = checkStrings(this.strings ?? {}, `<${this.localName}>.strings`);
    }
    this.applyDirection(locale);

    this.attributeProblems = [
      ...this.themeProblems(),
      ...this.apiBaseProblems(),
      ...this.headingLevelProblems(),
      ...this.checkAttributes(),
    ];
    for (const problem of this.attributeProblems) warnOnce(`<${this.localName}>: ${problem}`, this);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);

    const signedOut = this.sessionController.state.status === 'signed-out';
    if (signedOut && !this.announcedSignOut) this.dispatchEvent(new CircleAuthRequiredEvent());
    this.announcedSignOut = signedOut;
  }

  /**
   * Describes attribute values the element can't use; it goes on with defaults, and says so
   * once in the console and in the widget.
   */
  protected checkAttributes(): string[] {
    return [];
  }

  /**
   * Drops what was loaded for the previous member when the session reloads (a sign-out, or
   * another member), so nobody sees someone else's data while the new one loads.
   */
  protected forgetMemberData(): void {}

  /** Describes an api-base the client had to correct: a trailing slash, a pasted path, a query. */
  private apiBaseProblems(): string[] {
    const value = this.apiBase || pageConfig().apiBase;
    const usable = apiBaseCorrection(value);
    if (!usable) return [];
    return [
      this.t('badAttribute', { name: 'api-base', value, expected: usable, fallback: usable }),
    ];
  }

  /** Describes `theme` and `preset` values that aren't known; they fall back to the defaults. */
  private themeProblems(): string[] {
    const problems = [];
    if (!THEMES.includes(this.theme)) {
      problems.push(this.badAttribute('theme', String(this.theme), THEMES.join(', '), 'auto'));
    }
    if (!PRESETS.includes(this.preset)) {
      problems.push(this.badAttribute('preset', String(this.preset), PRESETS.join(', '), 'circle'));
    }
    return problems;
  }

  /** The level of the top headings when `heading-level` is unset or unusable. */
  protected get defaultHeadingLevel(): number {
    return 2;
  }

  /** The level of headings `depth` levels below the element's top ones (6 at most). */
  protected headingLevelAt(depth = 0): number {
    const top = isHeadingLevel(this.headingLevel) ? this.headingLevel : this.defaultHeadingLevel;
    return Math.min(top + depth, MAX_HEADING_LEVEL);
  }

  /** A heading `depth` levels below the element's top headings. */
  protected renderHeading(
    depth: number,
    content: unknown,
    attributes?: HeadingAttributes,
  ): TemplateResult {
    return renderHeading(this.headingLevelAt(depth), content, attributes);
  }

  private headingLevelProblems(): string[] {
    const level = this.headingLevel;
    if (level === undefined || level === null || isHeadingLevel(level)) return [];
    const expected = this.t('wholeNumberRange', { min: MIN_HEADING_LEVEL, max: MAX_HEADING_LEVEL });
    const fallback = String(this.defaultHeadingLevel);
    return [this.badAttribute('heading-level', String(level), expected, fallback)];
  }

  /** Describes a `per-page` value other than a whole number from 1 to 100, if it is one. */
  protected perPageProblem(perPage: number, fallback: number): string | undefined {
    if (validPerPage(perPage, fallback) === perPage) return undefined;
    const expected = this.t('wholeNumberRange', { min: 1, max: MAX_PER_PAGE });
    return this.badAttribute('per-page', String(perPage), expected, String(fallback));
  }

  /** A problem description for {@link checkAttributes}. */
  protected badAttribute(name: string, value: string, expected: string, fallback: string): string {
    // The attribute as written, rather than what it became as a property ("abc", not NaN).
    const written = this.getAttribute(name) ?? value;
    return this.t('badAttribute', { name, value: written, expected, fallback });
  }

  /** Wraps content in the `base` part, under any attribute problems and rollback notices. */
  protected renderFrame(content: unknown): TemplateResult {
    const blocking = this.renderBlockingState();
    return html`<div class="base" part="base">
      ${this.attributeProblems.map(
        (problem) => html`<p class="notice config" part="config-warning">${problem}</p>`,
      )}
      ${blocking ?? html`${this.renderNotice()}${content}`}
    </div>`;
  }

  /** Text from the string table in the element's language. */
  protected t(key: StringKey, values?: Record<string, string | number>): string {
    return msg(key, values, this.locale, this.ownStrings);
  }

  /**
   * Lays the element out right to left for languages such as Arabic: its direction follows its
   * language, unless a `dir` is set on it or on an ancestor nearer than the nearest `lang`.
   */
  private applyDirection(locale: string): void {
    const own = this.getAttribute('dir');
    if (own !== null && own !== this.ownDir) return;

    const langOwner = this.closest('[lang]');
    const dirOwner = this.parentElement?.closest('[dir]');
    const inherited = dirOwner?.getAttribute('dir')?.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';
    const dirIsNearer = dirOwner && (!langOwner || langOwner.contains(dirOwner));
    const wanted = dirIsNearer ? inherited : textDirection(locale);

    if (wanted === inherited) {
      if (own !== null) this.removeAttribute('dir');
      this.ownDir = undefined;
    } else if (own !== wanted) {
      this.setAttribute('dir', wanted);
      this.ownDir = wanted;
    }
  }

  /**
   * The state to show instead of content, when there is one: a configuration problem, or a
   * signed-out visitor.
   */
  private renderBlockingState(): TemplateResult | undefined {
    const configProblem = this.sessionController.problem;
    if (configProblem) {
      const problem = this.t(configProblem.key, configProblem.values);
      return html`<div class="state error" part="error" role="alert">
        <p class="state-title">${this.t('configProblem', { problem })}</p>
      </div>`;
    }

    if (this.sessionController.state.status === 'signed-out') {
      const signInUrl = pageUrl(this.signInUrl || pageConfig().signInUrl);
      return html`<div class="state" part="signed-out">
        <slot name="signed-out">
          <p class="state-title">${this.t('signedOutTitle')}</p>
          <p>${this.t('signedOutBody')}</p>
          ${
            signInUrl
              ? html`<a class="button primary" part="button sign-in" href=${signInUrl}>
                  ${this.t('signIn')}
                </a>`
              : nothing
          }
        </slot>
      </div>`;
    }
    return undefined;
  }

  /**
   * A visible, announced error with a retry button, which runs by itself when the browser comes
   * back online if the error came from a lost connection. `lookup` is the attribute that named
   * what was asked for (a space's slug, say): a "not found" then means its value is wrong.
   */
  protected renderError(
    error: unknown,
    retry: () => void,
    lookup?: { name: string; value: string },
  ): TemplateResult {
    // Trying again can't help, and the attribute is what to fix.
    if (lookup && error instanceof CircleApiError && error.kind === 'not-found') {
      const problem = this.t('attributeNotFound', lookup);
      warnOnce(`<${this.localName}>: ${problem}`, this);
      return html`<div class="state error" part="error" role="alert">
        <p class="state-title">${this.t('errorTitle')}</p>
        <p>${problem}</p>
      </div>`;
    }

    return this.renderRetryable(error, () => this.retryAfter(retry));
  }

  /**
   * The error box with its retry, which also runs by itself once the browser is back online.
   * While `busy`, the button stays (and keeps focus) but does nothing.
   */
  private renderRetryable(error: unknown, retryNow: () => void, busy = false): TemplateResult {
    this.sessionController.retryWhenOnline(error, retryNow);
    return html`<div class="state error" part="error" role="alert">
      <p class="state-title">${this.t('errorTitle')}</p>
      <p>${this.t(errorMessageKey(error))}</p>
      <button
        class="button"
        part="button retry-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => busy || retryNow()}
      >
        ${this.t(busy ? 'loading' : 'retry')}
      </button>
    </div>`;
  }

  /**
   * A part of the element whose code is fetched on first use (see {@link LazyPart}); a fetch that
   * fails is told to the page through `circle-error`, once each time.
   */
  protected lazyPart<T extends LazyModule>(fetchModule: () => Promise<T>): LazyPart<T> {
    return new LazyPart(this, fetchModule, () => this.dispatchError(codeUnreachable));
  }

  /**
   * "Loading…" while a part's code is on its way; the error with its retry if it failed, which
   * stays, busy, while the retry is on its way, so that the focus on its button is not lost.
   */
  protected renderPartStatus(part: LazyPart<LazyModule>): TemplateResult {
    return part.failed
      ? this.renderRetryable(codeUnreachable, () => this.retryPart(part), part.retrying)
      : html`<p class="part-loading">${this.t('loading')}</p>`;
  }

  /** Fetches a failed part's code again, and the session with it if that failed too. */
  private retryPart(part: LazyPart<LazyModule>): void {
    const { session, state: sessionState } = this.sessionController;
    if (session && sessionState.status === 'error') session.reload();
    void part.retry();
  }

  /** The focused element: in this element's shadow root, else in the page. */
  protected focusedElement(): Element | null {
    return this.shadowRoot?.activeElement ?? document.activeElement;
  }

  /**
   * Whether the reader is still where they asked for something that takes focus once its code
   * comes: focus has not moved since `focusAtAsk` (Safari leaves it where it was when a button is
   * clicked), or is on the retry button of an error in `place`. A reader who has gone on to
   * something else is left there.
   */
  protected stillWhereAsked(
    focusAtAsk: Element | null,
    place: Element | null | undefined,
  ): boolean {
    const focused = this.focusedElement();
    if (focused === focusAtAsk) return true;
    return Boolean(focused?.matches('[part~="retry-button"]') && place?.contains(focused));
  }

  protected renderEmpty(key: StringKey): TemplateResult {
    return html`<div class="state" part="empty"><p>${this.t(key)}</p></div>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    return this.notice
      ? html`<p class="notice" part="notice" role="alert">${this.notice}</p>`
      : nothing;
  }

  /**
   * Rich-text settings in the element's language, under a heading of `headingLevel`; mentions
   * link through `mentionHref` when the host gave a profile URL template.
   */
  protected richTextOptions(
    headingLevel = 3,
    mentionHref?: RichTextOptions['mentionHref'],
  ): RichTextOptions {
    // TODO: the Member API gives no profile URL, so mentions link only where the host passes a
    // template such as `profile-url`; elsewhere they stay plain "@Name".
    return {
      headingLevel,
      mentionHref,
      lang: this.locale,
      strings: {
        unknownMember: this.t('unknownMember'),
        loadEmbed: this.t('loadEmbed'),
        embedFrameTitle: this.t('embedFrameTitle'),
        attachment: this.t('attachment'),
        loadFailed: this.t('errorNetwork'),
        retry: this.t('retry'),
      },
    };
  }

  /** A member's picture, or their initials when there is no safe picture. */
  protected renderAvatar(url: unknown, name: string | undefined): TemplateResult {
    const src = safeUrl(url, WEB_PROTOCOLS);
    if (!src) {
      return html`<span class="avatar initials" part="avatar" aria-hidden="true"
        >${initials(name)}</span
      >`;
    }
    return html`<img
      class="avatar"
      part="avatar"
      src=${src}
      alt=""
      width="40"
      height="40"
      loading="lazy"
      decoding="async"
    />`;
  }

  /** "3 hours ago", with the full date and time on hover. */
  protected renderRelativeTime(date: string | undefined): TemplateResult | typeof nothing {
    if (!date || Number.isNaN(Date.parse(date))) return nothing;

    const lang = this.locale;
    return html`<time datetime=${date} title=${formatDateTime(date, lang)}
      >${formatRelative(date, lang)}</time
    >`;
  }

  /** The "Load more" button, or the error that stopped the last attempt, with a retry. */
  protected renderLoadMore(list: LoadMore): TemplateResult | typeof nothing {
    const load = () => void this.loadMoreFrom(list);
    if (list.error) return this.renderError(list.error, load);
    if (!list.hasMore) return nothing;

    // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
    return html`<div class="paging">
      <button
        class="button"
        part="button load-more"
        type="button"
        aria-disabled=${list.loadingMore ? 'true' : 'false'}
        @click=${load}
      >
        ${this.t(list.loadingMore ? 'loadingMore' : 'loadMore')}
      </button>
    </div>`;
  }

  /**
   * Loads the next page of `list` (or waits for the one on its way). When the reader pressed
   * "Load more" or its retry, focus then moves to the first new item, or stays on the button
   * when there is none to go to.
   */
  private async loadMoreFrom(list: LoadMore): Promise<void> {
    const pressed = this.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const byReader = pressed?.matches('[part~="load-more"], [part~="retry-button"]') ?? false;
    const fresh = await list.loadMore();
    if (!pressed || !byReader) return;

    await this.updateComplete;
    const items = Array.isArray(fresh) ? fresh : [];
    const target = items.length > 0 ? await this.loadedItemTarget(list, items) : null;
    (target ?? (pressed.isConnected ? pressed : null))?.focus();
  }

  /**
   * What to focus in the first of the `items` that "Load more" added to `list`: an element
   * with a list of focusable items names it; without one, focus stays on the button.
   */
  protected loadedItemTarget(
    _list: LoadMore,
    _items: unknown[],
  ): HTMLElement | null | Promise<HTMLElement | null> {
    return null;
  }

  /** Says politely, through {@link renderLoadedNote}, what a page of a list added. */
  protected async announceLoaded(message: string): Promise<void> {
    clearTimeout(this.loadedNoteTimer);
    // The same words again would change nothing in the region, and go unheard.
    if (this.loadedNote === message) {
      this.loadedNote = '';
      await this.updateComplete;
    }
    this.loadedNote = message;
    this.loadedNoteTimer = setTimeout(() => (this.loadedNote = ''), NOTICE_MS);
  }

  /** The live region {@link announceLoaded} speaks through; always present, so it is heard. */
  protected renderLoadedNote(): TemplateResult {
    return html`<p class="visually-hidden" role="status">${this.loadedNote}</p>`;
  }

  /** Three copies of `placeholder`, reserving the space the first page will take. */
  protected renderSkeletonList(placeholder: TemplateResult): TemplateResult {
    return html`<div class="list" aria-busy="true" aria-label=${this.t('loading')} role="status">
      ${[0, 1, 2].map(() => placeholder)}
      <span class="visually-hidden">${this.t('loading')}</span>
    </div>`;
  }

  /**
   * Shows a message about a failed change, and tells the host page through `circle-error`.
   * `subject` names what failed (`like-12`): {@link withdrawFailure} with it takes the message
   * back once a retry goes through.
   */
  protected reportFailure(key: StringKey, error: unknown, subject?: string): void {
    clearTimeout(this.noticeTimer);
    this.notice = this.t(key);
    this.noticeSubject = subject;
    this.noticeTimer = setTimeout(() => (this.notice = undefined), NOTICE_MS);
    this.dispatchError(error);
  }

  /** Takes back the failure message about `subject`: the change has gone through since. */
  protected withdrawFailure(subject: string): void {
    if (this.notice === undefined || this.noticeSubject !== subject) return;
    clearTimeout(this.noticeTimer);
    this.notice = undefined;
  }

  protected dispatchError(error: unknown): void {
    const detail: CircleErrorDetail =
      error instanceof CircleApiError
        ? { kind: error.kind, status: error.status, message: error.message }
        : { kind: 'session', status: 0, message: String((error as Error)?.message ?? error) };
    this.dispatchEvent(new CustomEvent('circle-error', { detail, bubbles: true, composed: true }));
  }

  /** Retries after a failure; a failed session is asked again first. */
  private retryAfter(retry: () => void): void {
    const { session, state: sessionState } = this.sessionController;
    if (session && sessionState.status === 'error') session.reload();
    else retry();
  }
}

/** One or two letters standing in for a missing picture. */
function initials(name: string | undefined): string {
  const letters = (name ?? '').trim().split(/\s+/).map(firstCharacter);
  return (letters[0] ?? '') + (letters.length > 1 ? letters[letters.length - 1] : '');
}

const graphemes =
  typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

/** The first character as a reader sees it: a whole emoji sequence or flag, an accented letter. */
function firstCharacter(word: string): string {
  if (!graphemes) return [...word][0] ?? '';
  for (const { segment } of graphemes.segment(word)) return segment;
  return '';
}

function errorMessageKey(error: unknown): StringKey {
  if (error instanceof SessionError) return 'errorSession';
  if (!(error instanceof CircleApiError)) return 'errorGeneric';

  switch (error.kind) {
    case 'network':
    case 'timeout':
      return 'errorNetwork';
    case 'server':
    case 'malformed':
      return 'errorServer';
    case 'rate-limited':
      return 'errorRateLimited';
    case 'not-found':
      return 'errorNotFound';
    case 'unauthorized':
      return 'errorForbidden';
    // Still refused after a renewal: the token endpoint is what fails.
    case 'token-expired':
    case 'token-invalid':
      return 'errorSession';
    default:
      return 'errorGeneric';
  }
}
