import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { Notification as CircleNotification } from '../../api/types.js';
import { safeUrl } from '../../rich-text/render.js';
import { SignedOutError } from '../../session/session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formatBadgeCount } from '../../utils/format.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { PageResult } from '../../controllers/paged-list.js';
import { CircleElement, validPerPage, WEB_PROTOCOLS } from '../circle-element.js';
import { notificationsStyles } from './circle-notifications.styles.js';

const DEFAULT_PER_PAGE = 20;

/** Fields whose values are names or titles, shown emphasised in a notification's sentence. */
const EMPHASISED_FIELDS = new Set(['actor_name', 'notifiable_title']);

/** Notification links and pictures are web addresses; mail links make no sense there. */

/** The sentence's parts when Circle sends no usable `notification_text_structure`. */
const DEFAULT_TEXT_STRUCTURE = ['actor_name', 'display_action', 'notifiable_title'];

/**
 * @summary A notification bell for the signed-in member, with a panel listing notifications.
 *
 * The bell shows how many notifications arrived since the member last looked. Opening it lists
 * the notifications, newest first, and resets that count as Circle's own bell does. Opening a
 * notification marks it read and opens it on Circle in a new tab; "Mark all as read" clears
 * every unread dot. Signed-out visitors see the bell without a count, and the signed-out
 * message inside the panel, as do configuration problems. Esc or a click outside closes the
 * panel.
 *
 * @tagname circle-notifications
 *
 * @slot signed-out - Replaces the signed-out message in the panel, for example with a sign-in link.
 *
 * @csspart bell - The bell button that opens and closes the panel.
 * @csspart badge - The count of new notifications on the bell.
 * @csspart panel - The panel below the bell.
 * @csspart panel-header - The panel's title and "Mark all as read" button.
 * @csspart base - The wrapper around the panel's content and its states.
 * @csspart list - The list of notifications.
 * @csspart item - One notification.
 * @csspart avatar - The picture of the member who acted.
 * @csspart unread-dot - The dot on an unread notification.
 * @csspart button - Every button inside the panel.
 * @csspart mark-all-button - The "Mark all as read" button.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 *
 * @cssprop [--circle-notifications-panel-width=24rem] - The panel's width, within the viewport.
 * @cssprop [--circle-notifications-panel-height=32rem] - The panel's largest height; it scrolls.
 * @cssprop [--circle-notifications-z-index=1000] - Keeps the panel above the host page.
 * @cssprop [--circle-color-accent=#4353ff] - Links, unread dots and primary buttons.
 * @cssprop [--circle-color-badge=#d92d20] - The count badge's background.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text.
 * @cssprop [--circle-color-surface=#ffffff] - Panel background.
 * @cssprop [--circle-color-border=#dfe1e8] - Panel and button borders.
 * @cssprop [--circle-radius=0.75rem] - Panel corner radius.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 *
 * @fires circle-auth-required - The visitor is signed out; the host may show its sign-in.
 * @fires circle-error - A load or a change failed; `detail` has `kind`, `status` and `message`.
 */
export class CircleNotifications extends CircleElement {
  static override styles = [sharedStyles, notificationsStyles];

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** How many notifications each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  /** Circle's count of notifications since the last reset; unknown until it loads. */
  @state() private newCount?: number;
  @state() private markingAll = false;
  @state() private pendingReads = new Set<number>();

  @query('.bell') private bell?: HTMLButtonElement;

  private readonly list = new PagedList<CircleNotification, number>(this, {
    fetchPage: (page, signal) => this.fetchPage(page, signal),
    onError: (error) => this.dispatchError(error),
  });

  /** Grows on every reset, so a count that was asked for before it can't overwrite it. */
  private countResets = 0;

  // TODO: live updates are not built: the count loads once on connect and on refresh(). It
  // should poll only while the page is visible (document.visibilityState), with one poller per
  // browser (a Web Lock picks the leader; a BroadcastChannel shares the count with other tabs),
  // or follow Circle's WebSocket once that works from browsers.
  private readonly count = new Task(this, {
    // A failed count only hides the badge; opening the panel shows the error of its own load.
    task: async ([api], { signal }) => {
      if (!api) return initialState;

      const resetsBefore = this.countResets;
      const counts = await api.get('/notifications/new_notifications_count', { signal });
      if (this.countResets === resetsBefore) this.newCount = counts?.new_notifications_count ?? 0;
      return counts;
    },
    args: () => [this.sessionController.api, this.sessionController.state.generation] as const,
  });

  private readonly firstPage = new Task(this, {
    task: async ([api, open], { signal }) => {
      if (!api || !open) return initialState;
      return this.list.loadFirst(1, signal);
    },
    args: () =>
      [
        this.sessionController.api,
        this.open,
        this.validPerPage(),
        this.sessionController.state.generation,
      ] as const,
  });

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick, true);
  }

  protected override forgetMemberData(): void {
    this.newCount = undefined;
    this.list.clear();
  }

  /** Opens the panel, which loads the notifications and resets the bell's count. */
  show(): void {
    this.open = true;
  }

  /** Closes the panel. */
  hide(): void {
    this.open = false;
  }

  /** Opens the panel when it is closed, and closes it when it is open. */
  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    // However the panel opened (the bell, show() or the attribute), Circle's count restarts.
    if (changed.has('open') && this.open) void this.resetCount();
  }

  /** Loads the count again, and the notifications when the panel is open. */
  refresh(): void {
    void this.count.run();
    if (this.open) void this.firstPage.run();
  }

  override render(): TemplateResult {
    const signedOut = this.sessionController.state.status === 'signed-out';
    const count = signedOut ? 0 : (this.newCount ?? 0);
    const lang = this.locale;
    // Above 99 the name says "99+" like the badge; the plural rules then pick "other".
    const spokenCount = count > 99 ? formatBadgeCount(count, lang) : count;
    const label = count
      ? this.t('notificationsButtonCount', { count: spokenCount })
      : this.t('notificationsButton');

    return html`
      <button
        class="bell"
        part="bell"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => this.toggle()}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
          <path d="M6 10a6 6 0 0 1 12 0c0 4.5 1.5 6.5 2.5 7.5h-17C4.5 16.5 6 14.5 6 10z" />
          <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
        </svg>
        <span class="visually-hidden">${label}</span>
        ${
          count
            ? html`<span class="badge" part="badge" aria-hidden="true">
                ${formatBadgeCount(count, lang)}</span
              >`
            : nothing
        }
      </button>
      <section
        class="panel"
        part="panel"
        id="panel"
        aria-labelledby="panel-title"
        ?hidden=${!this.open}
      >
        <div class="panel-header" part="panel-header">
          <span class="panel-title" id="panel-title">${this.t('notificationsLabel')}</span>
          ${this.renderMarkAll(signedOut)}
        </div>
        ${this.open ? this.renderFrame(this.renderContent()) : nothing}
      </section>
    `;
  }

  private renderContent(): unknown {
    return this.firstPage.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.list.items.length ? this.renderList() : this.renderSkeleton()),
      complete: () =>
        this.list.items.length ? this.renderList() : this.renderEmpty('notificationsEmpty'),
      error: (error) => this.renderError(error, () => void this.firstPage.run()),
    });
  }

  private renderMarkAll(signedOut: boolean): TemplateResult | typeof nothing {
    const failed = this.firstPage.status === TaskStatus.ERROR;
    if (signedOut || failed || !this.list.items.length) return nothing;

    return html`<button
      class="button mark-all"
      part="button mark-all-button"
      type="button"
      ?disabled=${this.markingAll}
      @click=${() => void this.markAllRead()}
    >
      ${this.t('markAllRead')}
    </button>`;
  }

  private renderList(): TemplateResult {
    return html`
      <ul
        class="list"
        part="list"
        aria-label=${this.t('notificationsLabel')}
        aria-busy=${this.list.loadingMore || this.firstPage.status === TaskStatus.PENDING}
      >
        ${repeat(
          this.list.items,
          (notification) => notification.id,
          (notification) => this.renderNotification(notification),
        )}
      </ul>
      ${this.renderLoadMore(this.list)}
    `;
  }

  private renderNotification(notification: CircleNotification): TemplateResult {
    const url = safeUrl(notification.action_web_url, WEB_PROTOCOLS);
    const unread = notification.read_at == null;
    const content = html`
      ${this.renderAvatar(notification.actor_image, notification.actor_name)}
      <span class="text">
        <span class="sentence">${sentence(notification)}</span>
        <span class="meta">
          ${notification.space_title ? html`${notification.space_title}${this.t('separator')}` : nothing}
          ${this.renderRelativeTime(notification.created_at)}
        </span>
      </span>
      ${
        unread
          ? html`<span class="dot" part="unread-dot"></span>
              <span class="visually-hidden">${this.t('unread')}</span>`
          : nothing
      }
    `;

    return html`<li class="item ${unread ? 'unread' : ''}" part="item">
      ${
        url
          ? html`<a
              class="entry"
              href=${url}
              target="_blank"
              rel="noopener noreferrer"
              @click=${() => void this.markRead(notification)}
              @auxclick=${(event: MouseEvent) => {
                if (event.button === 1) void this.markRead(notification);
              }}
              >${content}</a
            >`
          : html`<div class="entry">${content}</div>`
      }
    </li>`;
  }

  private renderSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="entry skeleton-entry" aria-hidden="true">
        <span class="avatar skeleton"></span>
        <span class="text">
          <span class="skeleton line"></span>
          <span class="skeleton line short"></span>
        </span>
      </div>`,
    );
  }

  /** Esc closes the panel from anywhere inside the element, and gives focus back to the bell. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;

    event.stopPropagation();
    this.hide();
    this.bell?.focus();
  };

  private readonly onDocumentClick = (event: MouseEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.hide();
  };

  /** Zeroes the badge at once, as Circle's bell does when opened; a failed reset restores it. */
  private async resetCount(): Promise<void> {
    const api = this.sessionController.api;
    const signedOut = this.sessionController.state.status === 'signed-out';
    if (!api || signedOut || this.newCount === 0) return;

    const previous = this.newCount;
    this.countResets += 1;
    const reset = this.countResets;
    this.newCount = 0;

    try {
      await api.post('/notifications/reset_new_notifications_count');
    } catch (error) {
      if (this.countResets === reset) this.newCount = previous;
      if (!(error instanceof SignedOutError)) this.dispatchError(error);
    }
  }

  private async fetchPage(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<CircleNotification, number>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    const query = { page, per_page: this.validPerPage(), sort: 'latest', status: 'all' };
    const result = await api.get('/notifications', { query, signal });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  /**
   * Clears one unread dot at once, while the link opens in a new tab; brings the dot back if
   * Circle refuses.
   */
  private async markRead(notification: CircleNotification): Promise<void> {
    const api = this.sessionController.api;
    const id = notification.id;
    if (!api || id === undefined || notification.read_at != null || this.pendingReads.has(id)) {
      return;
    }

    this.updateNotifications([id], () => ({ read_at: new Date().toISOString() }));
    this.pendingReads = new Set(this.pendingReads).add(id);

    try {
      const saved = await api.post('/notifications/{id}/mark_as_read', { params: { id } });
      if (saved?.read_at) this.updateNotifications([id], () => ({ read_at: saved.read_at }));
    } catch (error) {
      this.updateNotifications([id], () => ({ read_at: null }));
      this.reportFailure('markReadFailed', error);
    } finally {
      const pending = new Set(this.pendingReads);
      pending.delete(id);
      this.pendingReads = pending;
    }
  }

  /** Clears every unread dot at once; brings them back, with a message, if Circle refuses. */
  private async markAllRead(): Promise<void> {
    const api = this.sessionController.api;
    if (!api || this.markingAll) return;

    const unreadIds = this.list.items
      .filter((notification) => notification.read_at == null && notification.id !== undefined)
      .map((notification) => notification.id!);
    const readAt = new Date().toISOString();
    this.updateNotifications(unreadIds, () => ({ read_at: readAt }));
    this.markingAll = true;

    try {
      // Circle documents no answer body for this call.
      await api.post('/notifications/mark_all_as_read', { emptyOk: true });
    } catch (error) {
      // Only the dots this call cleared come back; ones read another way since stay read.
      this.updateNotifications(unreadIds, (notification) =>
        notification.read_at === readAt ? { read_at: null } : {},
      );
      this.reportFailure('markAllReadFailed', error);
    } finally {
      this.markingAll = false;
    }
  }

  private updateNotifications(
    ids: number[],
    changes: (notification: CircleNotification) => Partial<CircleNotification>,
  ): void {
    const targets = new Set(ids);
    this.list.updateAll((notification) =>
      notification.id !== undefined && targets.has(notification.id)
        ? { ...notification, ...changes(notification) }
        : notification,
    );
  }

  protected override checkAttributes(): string[] {
    const problem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    return problem ? [problem] : [];
  }

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }
}

/**
 * The notification's sentence: each entry of `notification_text_structure` names a field whose
 * text is shown, names and titles emphasised. Entries that name no text are skipped.
 */
function sentence(notification: CircleNotification): unknown[] {
  const fields = notification as Record<string, unknown>;
  const structure = Array.isArray(notification.notification_text_structure)
    ? notification.notification_text_structure
    : [];

  const build = (names: readonly unknown[]) =>
    names.flatMap((name) => {
      if (typeof name !== 'string' || !Object.hasOwn(fields, name)) return [];

      const value = fields[name];
      if (typeof value !== 'string' || !value.trim()) return [];
      return [EMPHASISED_FIELDS.has(name) ? html`<strong>${value}</strong>` : value];
    });

  const parts = build(structure);
  const shown = parts.length ? parts : build(DEFAULT_TEXT_STRUCTURE);
  return shown.flatMap((part, index) => (index ? [' ', part] : [part]));
}

if (!customElements.get('circle-notifications')) {
  customElements.define('circle-notifications', CircleNotifications);
}

declare global {
  interface HTMLElementTagNameMap {
    'circle-notifications': CircleNotifications;
  }
}
