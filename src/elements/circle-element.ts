import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { CircleApiError } from '../api/errors.js';
import type { LoadMore } from '../controllers/paged-list.js';
import { SessionController } from '../controllers/session-controller.js';
import { CircleAuthRequiredEvent } from '../events.js';
import type { CircleErrorDetail } from '../events.js';
import { msg, usableLocale } from '../i18n/strings.js';
import type { StringKey } from '../i18n/strings.js';
import { pageConfig, pageUrl } from '../config.js';
import { safeUrl } from '../rich-text/render.js';
import type { RichTextOptions } from '../rich-text/render.js';
import { formatDateTime, formatRelative } from '../utils/format.js';
import { SessionError } from '../session/session.js';
import { warnOnce } from '../utils/warn.js';

/** Pictures and page links from the API must be web URLs: no mailto, no data. */
export const WEB_PROTOCOLS = ['http', 'https'];

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

  /** A short message about a change that had to be undone, shown until it times out. */
  @state() protected notice?: string;

  /** The host site's URL that answers with the member's Circle token. Overrides the page's. */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint?: string;

  /** Circle's origin for the Member API. Overrides the page's; defaults to app.circle.so. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** The host's sign-in page, linked from the signed-out state. Overrides the page's. */
  @property({ attribute: 'sign-in-url' }) signInUrl?: string;

  private noticeTimer?: ReturnType<typeof setTimeout>;
  private announcedSignOut = false;
  private attributeProblems: string[] = [];
  private seenGeneration = 0;

  /** The language for text, dates and numbers: the nearest `lang`, else the browser's. */
  get locale(): string {
    const owner = this.closest<HTMLElement>('[lang]');
    return usableLocale(owner?.lang || document.documentElement.lang || navigator.language);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);

    const { generation } = this.sessionController.state;
    if (generation !== this.seenGeneration) {
      this.seenGeneration = generation;
      this.forgetMemberData();
    }

    this.attributeProblems = this.checkAttributes();
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

  /** Describes a `per-page` value other than a whole number from 1 to 100, if it is one. */
  protected perPageProblem(perPage: number, fallback: number): string | undefined {
    if (validPerPage(perPage, fallback) === perPage) return undefined;
    const expected = this.t('wholeNumberRange', { min: 1, max: MAX_PER_PAGE });
    return this.badAttribute('per-page', String(perPage), expected, String(fallback));
  }

  /** A problem description for {@link checkAttributes}. */
  protected badAttribute(name: string, value: string, expected: string, fallback: string): string {
    return this.t('badAttribute', { name, value, expected, fallback });
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
    return msg(key, values, this.locale);
  }

  /**
   * The state to show instead of content, when there is one: a configuration problem, or a
   * signed-out visitor.
   */
  private renderBlockingState(): TemplateResult | undefined {
    const problem = this.sessionController.problem;
    if (problem) {
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

  /** A visible, announced error with a retry button. */
  protected renderError(error: unknown, retry: () => void): TemplateResult {
    return html`<div class="state error" part="error" role="alert">
      <p class="state-title">${this.t('errorTitle')}</p>
      <p>${this.t(errorMessageKey(error))}</p>
      <button class="button" part="button retry-button" @click=${() => this.retryAfter(retry)}>
        ${this.t('retry')}
      </button>
    </div>`;
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
    const load = () => void list.loadMore();
    if (list.error) return this.renderError(list.error, load);
    if (!list.hasMore) return nothing;

    return html`<div class="paging">
      <button
        class="button"
        part="button load-more"
        type="button"
        ?disabled=${list.loadingMore}
        @click=${load}
      >
        ${this.t(list.loadingMore ? 'loadingMore' : 'loadMore')}
      </button>
    </div>`;
  }

  /** Three copies of `placeholder`, reserving the space the first page will take. */
  protected renderSkeletonList(placeholder: TemplateResult): TemplateResult {
    return html`<div class="list" aria-busy="true" aria-label=${this.t('loading')} role="status">
      ${[0, 1, 2].map(() => placeholder)}
      <span class="visually-hidden">${this.t('loading')}</span>
    </div>`;
  }

  /** Shows a message about a failed change, and tells the host page through `circle-error`. */
  protected reportFailure(key: StringKey, error: unknown): void {
    clearTimeout(this.noticeTimer);
    this.notice = this.t(key);
    this.noticeTimer = setTimeout(() => (this.notice = undefined), NOTICE_MS);
    this.dispatchError(error);
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
  const letters = (name ?? '')
    .trim()
    .split(/\s+/)
    .map((word) => [...word][0] ?? '');
  return (letters[0] ?? '') + (letters.length > 1 ? letters[letters.length - 1] : '');
}

function errorMessageKey(error: unknown): StringKey {
  if (error instanceof SessionError) return 'errorSession';
  if (!(error instanceof CircleApiError)) return 'errorGeneric';

  switch (error.kind) {
    case 'network':
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
    default:
      return 'errorGeneric';
  }
}
