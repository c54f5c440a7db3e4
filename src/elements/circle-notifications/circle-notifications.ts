import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { Notification as CircleNotification } from '../../api/types.js';
import { codeUnreachable } from '../../controllers/lazy-part.js';
import type { LazyModule } from '../../controllers/lazy-part.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { CircleUnreadChangeEvent } from '../../events.js';
import type { StringKey } from '../../i18n/strings.js';
import { SignedOutError } from '../../session/session.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formatBadgeCount } from '../../utils/format.js';
import { retryableImport } from '../../utils/retryable-import.js';
import { CircleElement, validPerPage } from '../circle-element.js';
import { notificationsStyles } from './circle-notifications.styles.js';
import type { LiveCount, LiveCountClock, LiveMessage } from './live-count.js';
import type { PanelContent, PanelHost, Tab } from './notification-panel.js';

const DEFAULT_PER_PAGE = 20;

/** Seconds between count checks while the page is visible, and the range allowed. */
const DEFAULT_POLL_SECONDS = 60;
const MIN_POLL_SECONDS = 15;
const MAX_POLL_SECONDS = 3600;

const VARIANTS = ['bell', 'inline'] as const;
/** `bell`: a bell button with the list in a popover; `inline`: the list in the page. */
export type NotificationsVariant = (typeof VARIANTS)[number];

const PLACEMENTS = ['bottom-end', 'bottom-start', 'top-start', 'top-end'] as const;
/** Where the panel opens, next to the bell; `start` and `end` follow the text direction. */
export type NotificationsPlacement = (typeof PLACEMENTS)[number];

/** A change to the member's notifications, made here and saved by Circle. */
export type NotificationChange =
  { type: 'read'; id: number } | { type: 'all-read' } | { type: 'removed'; id: number };

/** Between the bell and the panel, and between the panel and the viewport's edges, in px. */
const PANEL_GAP = 8;
const VIEWPORT_MARGIN = 8;

/** With less room than this beside the bell, the panel may cover the bell to stay readable. */
const MIN_PANEL_ROOM = 200;

/** How long an announcement stays in the live region. */
const ANNOUNCE_MS = 5000;

/** Signs that the member is about to open the panel: a pointer, a touch or focus on the bell. */
const INTENT_EVENTS = ['pointerenter', 'touchstart', 'focusin'] as const;

// TODO: browsers without the popover attribute (before Safari 17, Firefox 125) get the panel
// positioned inside the element, where an ancestor's overflow or transform can still clip it.
const supportsPopover = 'showPopover' in HTMLElement.prototype;

/** showPopover() with its `source` option, newer than TypeScript's DOM types. */
type PopoverElement = HTMLElement & { showPopover(options?: { source?: HTMLElement }): void };

/**
 * The panel's content (tabs, list, options and changes), fetched once for every bell on the
 * page, when the member is about to open one or a list shows.
 */
const loadPanelContent = retryableImport(() => import('./notification-panel.js'));

/** The poller's module: it has no `styles`, so TypeScript must be told that it fits a LazyPart. */
type LiveCountModule = typeof import('./live-count.js') & LazyModule;

/**
 * The count's poller, fetched once the visitor turns out to be signed in: a signed-out visitor's
 * bell never needs it.
 */
const loadLiveCount = retryableImport<LiveCountModule>(() => import('./live-count.js'));

/**
 * @summary A notification center for the signed-in member: a bell with a popover, or a list in
 * the page.
 *
 * The bell shows how many notifications arrived since the member last looked; opening it
 * resets that count as Circle's own bell does. The panel opens in the top layer next to the
 * bell (so no ancestor's `overflow`, `transform` or stacking context can clip it), and Esc, a
 * click outside or the bell close it again. `variant="inline"` shows the same list in the page,
 * for a notifications page of its own.
 *
 * The list has All and Unread tabs, groups notifications under Today, This week (the six days
 * before today, in the viewer's time zone) and Earlier, and loads more as it scrolls. Opening a
 * notification marks it read and opens it on Circle in a new tab; each one has a menu to mark
 * it read, archive or delete it. Changes show at once and are undone, with a message, if Circle
 * refuses. Signed-out visitors see the bell without a count and the signed-out message inside.
 *
 * @tagname circle-notifications
 *
 * @slot signed-out - Replaces the signed-out message in the panel, for example with a sign-in link.
 *
 * @csspart bell - The bell button that opens and closes the panel.
 * @csspart badge - The count of new notifications on the bell.
 * @csspart panel - The popover next to the bell, or the whole list when inline.
 * @csspart panel-header - The panel's title and "Mark all as read" button.
 * @csspart header - The panel's title and "Mark all as read" button (also `panel-header`).
 * @csspart title - The panel's title.
 * @csspart tabs - The All and Unread tabs.
 * @csspart tab - One tab; the selected one also has `selected-tab`.
 * @csspart selected-tab - The selected tab.
 * @csspart base - The wrapper around the panel's content and its states.
 * @csspart group-heading - "Today", "This week" or "Earlier" above a group of notifications.
 * @csspart list - The notifications of one group.
 * @csspart item - One notification; unread ones also have `unread-item`.
 * @csspart unread-item - An unread notification.
 * @csspart avatar - The picture of the member who acted.
 * @csspart meta - A notification's space and time.
 * @csspart unread-dot - The dot on an unread notification.
 * @csspart menu-button - The ⋯ button that opens a notification's options.
 * @csspart menu - A notification's options.
 * @csspart menu-option - One option: mark as read, archive or delete.
 * @csspart button - Every button inside the panel.
 * @csspart mark-all-button - The "Mark all as read" button.
 * @csspart show-new-button - Loads notifications that arrived while the list was open.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart sign-in - The signed-out state's sign-in link, when `sign-in-url` is set.
 * @csspart config-warning - A message about an attribute value that can't be used.
 *
 * @cssprop [--circle-notifications-panel-width=24rem] - The panel's width, within the viewport.
 * @cssprop [--circle-notifications-panel-height=32rem] - The panel's largest height; it scrolls.
 * @cssprop [--circle-notifications-z-index=1000] - Keeps the panel above the host page in
 *   browsers without the popover attribute (elsewhere the top layer does).
 * @cssprop [--circle-color-badge=#d92d20] - The count badge's background.
 * @cssprop [--circle-color-badge-text=#ffffff] - The count on the badge.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text: times, counts and hints.
 * @cssprop [--circle-color-surface=#ffffff] - Cards, panels, dialogs and form fields.
 * @cssprop [--circle-color-surface-2=#f3f4f8] - Chips, hovers and loading placeholders.
 * @cssprop [--circle-color-border=#dfe1e8] - Card, button and divider lines.
 * @cssprop [--circle-color-input-border=#858a9c] - Borders of text fields, selects and switches
 *   (3:1 on the surface).
 * @cssprop [--circle-color-accent=#4353ff] - Links, active states and primary buttons.
 * @cssprop [--circle-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--circle-color-danger=#b42318] - Errors, failed changes and destructive actions.
 * @cssprop [--circle-focus-ring-color=#4353ff] - The keyboard focus ring.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 * @cssprop [--circle-font-size=1rem] - Base text size.
 * @cssprop [--circle-line-height=1.5] - Base line height.
 * @cssprop [--circle-heading-weight=600] - Weight of titles and headings.
 * @cssprop [--circle-space=1rem] - The spacing unit that paddings and gaps derive from.
 * @cssprop [--circle-density=comfortable] - `compact` tightens the spacing unit to three quarters.
 * @cssprop [--circle-radius=0.75rem] - Corner radius of cards, panels and dialogs.
 * @cssprop [--circle-shadow] - Shadow under cards; a faint one in the `circle` preset, none in the
 *   others.
 * @cssprop [--circle-shadow-raised] - Shadow under popovers, menus and dialogs.
 *
 * @fires {CircleAuthRequiredEvent} circle-auth-required - The visitor is signed out; the host may
 *   show its sign-in.
 * @fires {CustomEvent<CircleErrorDetail>} circle-error - A load or a change failed; `detail` has
 *   `kind`, `status` and `message`.
 * @fires {CircleNotificationOpenEvent} circle-notification-open - A notification is about to
 *   open (`notification`, `url`); cancel it to navigate yourself. It is marked read either way.
 * @fires {CircleUnreadChangeEvent} circle-unread-change - The count of new notifications
 *   changed; `count` has it.
 */
export class CircleNotifications extends CircleElement {
  static override styles = [sharedStyles, notificationsStyles];

  /** `bell` (default): a bell that opens a popover; `inline`: the list in the page. */
  @property({ reflect: true }) variant: NotificationsVariant = 'bell';

  /** Where the panel opens: bottom-end (default), bottom-start, top-start or top-end. */
  @property() placement: NotificationsPlacement = 'bottom-end';

  /** Whether the panel is open (the bell variant). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** How many notifications each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  /**
   * Seconds between checks for new notifications while the page is visible (15 to 3600). One
   * tab polls for the whole browser and shares what it finds.
   */
  @property({ attribute: 'poll-interval', type: Number }) pollInterval = DEFAULT_POLL_SECONDS;

  /** Puts the count in front of the page's title, as in "(3) My site". */
  @property({ attribute: 'title-badge', type: Boolean }) titleBadge = false;

  /** Circle's count of notifications since the last reset; unknown until it loads. */
  @state() private newCount?: number;
  @state() private tab: Tab = 'all';
  /** The notification whose options are open. */
  @state() private menuFor?: number;
  /** Whether more notifications arrived while the list was on screen. */
  @state() private newWhileShown = false;
  @state() private announcement = '';

  @query('.bell') private bell?: HTMLButtonElement;
  @query('.panel') private panel?: HTMLElement;

  private readonly list = new PagedList<CircleNotification, number>(this, {
    fetchPage: (page, signal) => this.fetchPage(page, signal),
    onError: (error) => this.dispatchError(error),
    onMore: (added) => this.announce(this.t('moreNotificationsLoaded', { count: added.length })),
  });

  /** Grows on every reset, so a count that was asked for before it can't overwrite it. */
  private countResets = 0;
  private resetting = false;

  /** Grows whenever the list is replaced, so a late rollback can't land in another list. */
  private listEpoch = 0;

  /** The code of the panel's content, and the content once that code is in. */
  private readonly panelPart = this.lazyPart(loadPanelContent);
  private panelContent?: PanelContent;

  /**
   * What the panel's content works with. Its code is this element's own, fetched apart: it gets
   * the element's state and helpers through these, which private members would not allow.
   */
  private readonly panelHost: PanelHost = {
    element: this,
    list: this.list,
    api: () => this.sessionController.api,
    tab: () => this.tab,
    menuFor: () => this.menuFor,
    setMenuFor: (id) => {
      this.menuFor = id;
    },
    newWhileShown: () => this.newWhileShown,
    listEpoch: () => this.listEpoch,
    // In the panel the list scrolls inside it; inline, the page scrolls.
    scroller: () => (this.isInline() ? null : (this.panel ?? null)),
    t: (key, values) => this.t(key, values),
    renderHeading: (depth, content, attributes) => this.renderHeading(depth, content, attributes),
    renderAvatar: (url, name) => this.renderAvatar(url, name),
    renderRelativeTime: (date) => this.renderRelativeTime(date),
    renderLoadMore: (list) => this.renderLoadMore(list),
    selectTab: (tab) => this.selectTab(tab),
    showNew: () => this.showNew(),
    announce: (message) => this.announce(message),
    reportFailure: (key, error, subject) => this.reportFailure(key, error, subject),
    withdrawFailure: (subject) => this.withdrawFailure(subject),
    onLocalChange: (change) => this.onLocalChange(change),
    setItems: (items) => this.setItems(items),
    updateNotifications: (ids, changes) => this.updateNotifications(ids, changes),
    itemElement: (id) => this.itemElement(id),
  };

  private resizeObserver?: ResizeObserver;
  private positionFrame?: number;
  private watchingPosition = false;
  /** Whether the popover is showing or about to, as its last `beforetoggle` said. */
  private popoverOpen = false;
  private announceTimer?: ReturnType<typeof setTimeout>;

  /** The code of the count's poller, fetched once the visitor turns out to be signed in. */
  private readonly pollerPart = this.lazyPart(loadLiveCount);

  /** Polls the count, one tab for the whole browser, and shares changes between tabs. */
  private live?: LiveCount;

  /** The session, sign-in and interval the poller runs for; another one starts a new poller. */
  private liveFor?: string;

  private readonly firstPage = new Task(this, {
    task: async ([api, shown], { signal }) => {
      if (!api || !shown) return initialState;

      const page = await this.list.loadFirst(1, signal);
      this.listEpoch += 1;
      // On a page of its own, the list is seen as soon as it shows.
      if (this.isInline()) void this.resetCount();
      return page;
    },
    args: () =>
      [
        this.sessionController.api,
        this.listShown(),
        this.tab,
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
    this.syncLiveCount();

    // Passive, so that a touch scrolls the page without waiting for them.
    for (const type of INTENT_EVENTS) {
      this.addEventListener(type, this.prefetchPanelContent, { passive: true });
    }

    // Leaving the page hid the popover without a `beforetoggle`; show it again if still open.
    this.popoverOpen = false;
    if (this.hasUpdated) void this.updateComplete.then(() => this.syncPopover());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick, true);
    for (const type of INTENT_EVENTS) this.removeEventListener(type, this.prefetchPanelContent);
    this.watchPosition(false);
    clearTimeout(this.announceTimer);
    setTitleBadge(this, 0, '');
    this.stopLiveCount();
  }

  protected override forgetMemberData(): void {
    const hadCount = Boolean(this.newCount);
    this.newCount = undefined;
    this.list.clear();
    this.listEpoch += 1;
    this.menuFor = undefined;
    this.newWhileShown = false;
    if (hadCount) this.dispatchEvent(new CircleUnreadChangeEvent(0));
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

  /** Loads the count again, and the notifications when they are on screen. */
  refresh(): void {
    this.live?.refresh();
    if (this.listShown()) void this.firstPage.run();
  }

  /**
   * Shows `count` as the number of new notifications: the badge, the title badge,
   * `circle-unread-change` and, when it grew, an announcement. For a live-update poller.
   */
  applyCount(count: number): void {
    if (!Number.isInteger(count) || count < 0) return;

    // A count fetched before a reset finished would bring the old badge back.
    if (this.resetting) return;
    this.setCount(count);
  }

  /** Shows notification `id` as read without asking Circle, for example after another tab did. */
  markReadLocally(id: number): void {
    const readAt = new Date().toISOString();
    this.updateNotifications([id], (notification) =>
      notification.read_at == null ? { read_at: readAt } : {},
    );
  }

  /** Shows every loaded notification as read without asking Circle. */
  markAllReadLocally(): void {
    const readAt = new Date().toISOString();
    this.list.updateAll((notification) =>
      notification.read_at == null ? { ...notification, read_at: readAt } : notification,
    );
  }

  /** Takes notification `id` out of the list without asking Circle. */
  removeLocally(id: number): void {
    if (!this.list.items.some((notification) => notification.id === id)) return;

    if (this.menuFor === id) this.menuFor = undefined;
    this.setItems(this.list.items.filter((notification) => notification.id !== id));
  }

  /**
   * Called after Circle saved a change made here (a read, all read, an archive or a delete), so
   * that other tabs can repeat it with the `…Locally` methods.
   */
  protected onLocalChange(change: NotificationChange): void {
    this.live?.share(change);
  }

  /**
   * Starts the count's poller once the member is known (tabs agree on one poller per member),
   * and replaces it after a sign-in, a sign-out or a new interval. When its code can't be
   * fetched, the next session or the browser coming back online asks for it again.
   */
  private syncLiveCount(): void {
    const { session, api, state } = this.sessionController;
    const usable = session && api && this.isConnected && state.status !== 'signed-out';
    const wanted = usable
      ? `${session.endpoint}|${state.generation}|${this.validPollInterval()}`
      : undefined;
    if (wanted === this.liveFor) return;

    this.stopLiveCount();
    this.liveFor = wanted;
    if (!session || !api || !wanted) return;

    session.getToken().then(
      async () => {
        // A failed fetch leaves `liveFor` as it is, so that updates don't ask again.
        const liveCode = await this.pollerPart.load();
        const current = session.$state.get();
        // A bell that left the page and came back while this was pending asked again for the
        // same poller; whichever answer comes first starts it.
        if (!liveCode || this.live || this.liveFor !== wanted) return;
        if (current.status !== 'signed-in') return;

        this.live = new liveCode.LiveCount({
          key: `${session.endpoint}|${current.memberId ?? 'member'}`,
          intervalMs: this.validPollInterval() * 1000,
          clock: this.liveCountClock(),
          fetchCount: async (signal) => {
            const counts = await api.get('/notifications/new_notifications_count', { signal });
            // An answer without the count says nothing about it: keep the badge, and back off.
            const count: unknown = counts?.new_notifications_count;
            if (typeof count !== 'number') {
              throw new TypeError('The answer has no new_notifications_count.');
            }
            return count;
          },
          onMessage: (message) => this.onLiveMessage(message),
          // A failed count only keeps the last badge; the poller backs off and tries again.
          onError: () => undefined,
        });
        this.live.start();
      },
      // The session's own state (signed out or failed) is what the element shows.
      () => undefined,
    );
  }

  /** Fetches the poller's code again after a failed fetch, and starts the poller once it is in. */
  private readonly retryLiveCount = (): void => {
    this.stopLiveCount();
    this.syncLiveCount();
  };

  /** @internal The poller's timers: the real ones, unless a subclass (a test) brings its own. */
  protected liveCountClock(): LiveCountClock | undefined {
    return undefined;
  }

  private stopLiveCount(): void {
    this.live?.stop();
    this.live = undefined;
    this.liveFor = undefined;
  }

  private onLiveMessage(message: LiveMessage): void {
    if (message.type === 'count') this.applyCount(message.count);
    else if (message.type === 'read') this.markReadLocally(message.id);
    else if (message.type === 'all-read') this.markAllReadLocally();
    else this.removeLocally(message.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    // The list's code, when the panel opens or a list shows; a failure waits for a retry.
    const shows = changed.has('open') || changed.has('variant');
    if (shows && this.listShown()) void this.panelPart.load();
    const module = this.panelPart.module;
    if (module && !this.panelContent) {
      this.panelContent = new module.PanelContent(this.panelHost);
    }

    if (changed.has('open')) {
      // However the panel opened (the bell, show() or the attribute), Circle's count restarts.
      if (this.open && !this.isInline()) void this.resetCount();
      if (!this.open) {
        this.menuFor = undefined;
        this.newWhileShown = false;
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncPopover();
    this.syncLiveCount();

    const signedOut = this.sessionController.state.status === 'signed-out';
    const titleCount = this.titleBadge && !signedOut ? (this.newCount ?? 0) : 0;
    setTitleBadge(this, titleCount, formatBadgeCount(titleCount, this.locale));
  }

  override render(): TemplateResult {
    const inline = this.isInline();
    const signedOut = this.sessionController.state.status === 'signed-out';

    // A poller whose code could not be fetched tries again once the browser is back online;
    // every render asks anew, as each update forgets the retries asked for before it.
    if (this.pollerPart.failed) {
      this.sessionController.retryWhenOnline(codeUnreachable, this.retryLiveCount);
    }

    return html`
      ${inline ? nothing : this.renderBell(signedOut)}
      <section
        class="panel ${inline ? 'inline' : 'popup'}"
        part="panel"
        id="panel"
        popover=${!inline && supportsPopover ? 'auto' : nothing}
        tabindex=${inline ? nothing : '-1'}
        aria-labelledby="panel-title"
        ?hidden=${!inline && !supportsPopover && !this.open}
        @beforetoggle=${this.onPanelToggle}
      >
        <div class="panel-header" part="panel-header header">
          ${this.renderHeading(0, this.t('notificationsLabel'), {
            class: 'panel-title',
            part: 'title',
            id: 'panel-title',
          })}
          ${this.renderMarkAll(signedOut)}
        </div>
        ${this.listShown() ? this.renderBody(signedOut) : nothing}
      </section>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  private renderBell(signedOut: boolean): TemplateResult {
    const count = signedOut ? 0 : (this.newCount ?? 0);
    const lang = this.locale;
    const label = count
      ? this.t('notificationsButtonCount', { count: spokenCount(count, lang) })
      : this.t('notificationsButton');

    // With `popovertarget`, a click on the bell is not taken for a click outside the panel.
    return html`<button
      class="bell"
      part="bell"
      type="button"
      popovertarget=${supportsPopover ? 'panel' : nothing}
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="panel"
      @click=${this.onBellClick}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
        <path d="M6 10a6 6 0 0 1 12 0c0 4.5 1.5 6.5 2.5 7.5h-17C4.5 16.5 6 14.5 6 10z" />
        <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
      </svg>
      <span class="visually-hidden">${label}</span>
      ${
        count
          ? html`<span class="badge" part="badge" aria-hidden="true"
              >${formatBadgeCount(count, lang)}</span
            >`
          : nothing
      }
    </button>`;
  }

  private renderBody(signedOut: boolean): TemplateResult {
    const blocked = signedOut || Boolean(this.sessionController.problem);
    const tabs = blocked ? undefined : this.panelContent?.renderTabs();
    const busy =
      this.list.loadingMore ||
      this.firstPage.status === TaskStatus.PENDING ||
      (!this.panelContent && !this.panelPart.failed);

    return html`
      ${tabs ?? nothing}
      <div
        class="tabpanel"
        id="tabpanel"
        role=${tabs ? 'tabpanel' : nothing}
        aria-labelledby=${tabs ? `tab-${this.tab}` : nothing}
        aria-busy=${busy ? 'true' : 'false'}
      >
        ${this.renderFrame(this.renderContent())}
      </div>
    `;
  }

  private renderContent(): unknown {
    const content = this.panelContent;
    if (!content) {
      // While the list's code is on its way, the skeleton holds the list's place.
      return this.panelPart.failed ? this.renderPartStatus(this.panelPart) : this.renderSkeleton();
    }

    const empty: StringKey =
      this.tab === 'unread' ? 'notificationsUnreadEmpty' : 'notificationsEmpty';
    // After removals the loaded items can run out while Circle has more.
    const hasList = () => this.list.items.length > 0 || this.list.hasMore;

    return this.firstPage.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.list.items.length ? content.renderList() : this.renderSkeleton()),
      complete: () => (hasList() ? content.renderList() : this.renderEmpty(empty)),
      error: (error) => this.renderError(error, () => void this.firstPage.run()),
    });
  }

  private renderMarkAll(signedOut: boolean): TemplateResult | typeof nothing {
    const failed = this.firstPage.status === TaskStatus.ERROR;
    const content = this.panelContent;
    if (!content || signedOut || failed || !this.list.items.length || !this.listShown()) {
      return nothing;
    }
    return content.renderMarkAll();
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

  // -------------------------------------------------------------------------------------------
  // The popover

  private isInline(): boolean {
    return this.variant === 'inline';
  }

  /** Whether the list is on screen: always inline, while open for the bell. */
  private listShown(): boolean {
    return this.isInline() || this.open;
  }

  private validPlacement(): NotificationsPlacement {
    return PLACEMENTS.includes(this.placement) ? this.placement : 'bottom-end';
  }

  /**
   * Toggles the panel here rather than through `popovertarget`'s own action, which any click
   * handler of the host page that calls preventDefault() would cancel.
   */
  private readonly onBellClick = (event: MouseEvent): void => {
    event.preventDefault();
    this.toggle();
  };

  /**
   * A pointer, a touch or focus reaching the element (the bell, until the panel opens) starts
   * fetching the list's code before the click; after a failed fetch only opening the panel, or
   * its retry, asks again.
   */
  private readonly prefetchPanelContent = (): void => {
    this.panelPart.prefetch();
  };

  /** Keeps `open` in step with the popover, whoever showed or hid it (light dismiss included). */
  private readonly onPanelToggle = (event: ToggleEvent): void => {
    if (event.target !== this.panel) return;

    // The state the popover is moving to: this update may run before the move is over.
    this.popoverOpen = event.newState === 'open';
    if (this.open !== this.popoverOpen) this.open = this.popoverOpen;
  };

  /** Shows or hides the popover to match `open`, and places it next to the bell. */
  private syncPopover(): void {
    const panel = this.panel as PopoverElement | undefined;
    if (!panel || !supportsPopover || this.isInline() || !panel.isConnected) {
      // Losing the popover attribute hid it without a `beforetoggle`.
      this.popoverOpen = false;
      this.watchPosition(false);
      return;
    }

    // `source` makes the bell the invoker, so clicking the bell closes rather than reopens.
    if (this.open && !this.popoverOpen) panel.showPopover({ source: this.bell });
    else if (!this.open && this.popoverOpen) panel.hidePopover();

    // Now if it is showing; and before the next paint in case the browser is still showing it.
    if (this.open) {
      this.positionPanel();
      this.schedulePosition();
    }
    this.watchPosition(this.open);
  }

  /**
   * Places the open panel beside the bell in viewport coordinates (the top layer is fixed to
   * the viewport): on the preferred side when it fits, else on the side with more room, and
   * always inside the viewport.
   */
  private positionPanel(): void {
    const panel = this.panel;
    const bell = this.bell;
    if (!panel || !bell || !panel.matches(':popover-open')) return;

    const viewportWidth = document.documentElement.clientWidth;
    const viewportHeight = document.documentElement.clientHeight;
    const anchor = bell.getBoundingClientRect();
    const [side, align] = this.validPlacement().split('-');

    // The panel's own height, as its content and CSS allow, before any room limit.
    const fullRoom = viewportHeight - 2 * VIEWPORT_MARGIN;
    panel.style.setProperty('--_room', `${fullRoom}px`);
    const { width, height } = panel.getBoundingClientRect();

    const roomBelow = viewportHeight - VIEWPORT_MARGIN - anchor.bottom - PANEL_GAP;
    const roomAbove = anchor.top - PANEL_GAP - VIEWPORT_MARGIN;
    const preferBelow = side === 'bottom';
    const preferredRoom = preferBelow ? roomBelow : roomAbove;
    const otherRoom = preferBelow ? roomAbove : roomBelow;
    const below =
      height <= preferredRoom || preferredRoom >= otherRoom ? preferBelow : !preferBelow;
    const room = below ? roomBelow : roomAbove;

    // With too little room on both sides, the panel keeps a usable height and covers the bell.
    const cramped = room < Math.min(height, MIN_PANEL_ROOM);
    const shownHeight = Math.min(height, cramped ? fullRoom : room);
    if (!cramped) panel.style.setProperty('--_room', `${room}px`);

    const top = below ? anchor.bottom + PANEL_GAP : anchor.top - PANEL_GAP - shownHeight;
    const rightAligned = (align === 'end') !== (getComputedStyle(this).direction === 'rtl');
    const left = rightAligned ? anchor.right - width : anchor.left;

    const lowest = viewportHeight - VIEWPORT_MARGIN - shownHeight;
    const rightmost = viewportWidth - VIEWPORT_MARGIN - width;
    panel.style.top = `${clamp(top, VIEWPORT_MARGIN, lowest)}px`;
    panel.style.left = `${clamp(left, VIEWPORT_MARGIN, rightmost)}px`;
  }

  /** Follows the bell while the panel is open: page scrolls, resizes and the panel's own growth. */
  private watchPosition(on: boolean): void {
    if (on === this.watchingPosition) return;
    this.watchingPosition = on;

    if (on) {
      window.addEventListener('scroll', this.schedulePosition, { capture: true, passive: true });
      window.addEventListener('resize', this.schedulePosition, { passive: true });
      this.resizeObserver ??= new ResizeObserver(this.schedulePosition);
      if (this.panel) this.resizeObserver.observe(this.panel);
      if (this.bell) this.resizeObserver.observe(this.bell);
    } else {
      window.removeEventListener('scroll', this.schedulePosition, { capture: true });
      window.removeEventListener('resize', this.schedulePosition);
      this.resizeObserver?.disconnect();
      if (this.positionFrame !== undefined) cancelAnimationFrame(this.positionFrame);
      this.positionFrame = undefined;
    }
  }

  /** One placement per frame, however many scroll or resize events came. */
  private readonly schedulePosition = (): void => {
    if (this.positionFrame !== undefined) return;
    this.positionFrame = requestAnimationFrame(() => {
      this.positionFrame = undefined;
      this.positionPanel();
    });
  };

  /** Esc closes the panel from anywhere inside the element, and gives focus back to the bell. */
  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || !this.open || this.isInline()) return;

    event.preventDefault();
    event.stopPropagation();
    this.hide();
    this.bell?.focus();
  };

  /**
   * Clicks outside close the open options and the panel. The popover's light dismiss already
   * does the latter for real pointer clicks; this covers synthetic clicks and older browsers.
   */
  private readonly onDocumentClick = (event: MouseEvent): void => {
    const path = event.composedPath();
    const inMenu = path.some(
      (target) => target instanceof Element && target.classList.contains('item-menu'),
    );
    if (this.menuFor !== undefined && !inMenu) this.menuFor = undefined;
    if (this.open && !this.isInline() && !path.includes(this)) this.hide();
  };

  // -------------------------------------------------------------------------------------------
  // Tabs, paging and the panel's content

  private selectTab(tab: Tab): void {
    if (tab === this.tab) return;

    // The other tab's items would show under this one's name while it loads.
    this.list.clear();
    this.listEpoch += 1;
    this.menuFor = undefined;
    this.newWhileShown = false;
    this.tab = tab;
  }

  /** Loads the notifications that arrived while the list was on screen. */
  private showNew(): void {
    this.newWhileShown = false;
    void this.firstPage.run();
    void this.resetCount();
  }

  /** After "Load more", focus goes to the first new notification. */
  protected override loadedItemTarget(_list: LoadMore, items: unknown[]): HTMLElement | null {
    const id = (items[0] as CircleNotification).id;
    return this.itemElement(id)?.querySelector<HTMLElement>('a.entry, .menu-button') ?? null;
  }

  private itemElement(id: number | undefined): HTMLElement | null {
    if (id === undefined) return null;
    return this.renderRoot.querySelector<HTMLElement>(`.item[data-id="${id}"]`);
  }

  // -------------------------------------------------------------------------------------------
  // Count and changes

  /** The count, told to the host page and, when it grew after the first load, announced. */
  private setCount(count: number, announce = true): void {
    const previous = this.newCount;
    if (previous === count) return;

    this.newCount = count;
    this.dispatchEvent(new CircleUnreadChangeEvent(count));

    if (announce && previous !== undefined && count > previous) {
      const lang = this.locale;
      this.announce(this.t('notificationsNew', { count: spokenCount(count, lang) }));
      if (this.listShown()) this.newWhileShown = true;
    }
  }

  /** Says something politely through the live region, then clears it. */
  private announce(message: string): void {
    clearTimeout(this.announceTimer);
    this.announcement = message;
    this.announceTimer = setTimeout(() => (this.announcement = ''), ANNOUNCE_MS);
  }

  /** Zeroes the badge at once, as Circle's bell does when opened; a failed reset restores it. */
  private async resetCount(): Promise<void> {
    const api = this.sessionController.api;
    const signedOut = this.sessionController.state.status === 'signed-out';
    if (!api || signedOut || this.newCount === 0 || this.resetting) return;

    const previous = this.newCount;
    this.countResets += 1;
    const reset = this.countResets;
    this.resetting = true;
    this.setCount(0);

    try {
      await api.post('/notifications/reset_new_notifications_count');
      this.live?.share({ type: 'count', count: 0 });
    } catch (error) {
      if (this.countResets === reset && previous !== undefined) this.setCount(previous, false);
      if (!(error instanceof SignedOutError)) this.dispatchError(error);
    } finally {
      this.resetting = false;
    }
  }

  private async fetchPage(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<CircleNotification, number>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    const query = { page, per_page: this.validPerPage(), sort: 'latest', status: this.tab };
    const result = await api.get('/notifications', { query, signal });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  private setItems(items: CircleNotification[]): void {
    this.list.items = items;
    this.requestUpdate();
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
    const problems: string[] = [];
    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    if (!VARIANTS.includes(this.variant)) {
      const expected = this.t('notificationsVariantExpected');
      problems.push(this.badAttribute('variant', String(this.variant), expected, 'bell'));
    }
    if (!PLACEMENTS.includes(this.placement)) {
      const expected = this.t('notificationsPlacementExpected');
      problems.push(this.badAttribute('placement', String(this.placement), expected, 'bottom-end'));
    }
    if (this.validPollInterval() !== this.pollInterval) {
      const expected = this.t('wholeNumberRange', { min: MIN_POLL_SECONDS, max: MAX_POLL_SECONDS });
      const fallback = String(DEFAULT_POLL_SECONDS);
      problems.push(
        this.badAttribute('poll-interval', String(this.pollInterval), expected, fallback),
      );
    }
    return problems;
  }

  private validPollInterval(): number {
    const seconds = this.pollInterval;
    const valid =
      Number.isInteger(seconds) && seconds >= MIN_POLL_SECONDS && seconds <= MAX_POLL_SECONDS;
    return valid ? seconds : DEFAULT_POLL_SECONDS;
  }

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }
}

/** Above 99 a name says "99+" like the badge; the plural rules then pick "other". */
function spokenCount(count: number, lang: string): number | string {
  return count > 99 ? formatBadgeCount(count, lang) : count;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/** What each element wants document.title to show; one prefix for all, so none stack. */
const titleCounts = new Map<object, { count: number; label: string }>();
let titleBase: string | undefined;
let titleWritten: string | undefined;

/** Puts "(label) " before the page's title while any element has a count, then restores it. */
function setTitleBadge(owner: object, count: number, label: string): void {
  if (count > 0) titleCounts.set(owner, { count, label });
  else titleCounts.delete(owner);

  // A title other than the one last written is the host page's own, new one.
  if (titleWritten === undefined || document.title !== titleWritten) titleBase = document.title;

  const shown = [...titleCounts.values()].sort((a, b) => b.count - a.count)[0];
  if (!shown) {
    if (titleWritten !== undefined && document.title === titleWritten) {
      document.title = titleBase ?? '';
    }
    titleWritten = titleBase = undefined;
    return;
  }

  const title = `(${shown.label}) ${titleBase}`;
  if (document.title !== title) document.title = title;
  // Read back: the browser folds white space in titles.
  titleWritten = document.title;
}

if (!customElements.get('circle-notifications')) {
  customElements.define('circle-notifications', CircleNotifications);
}

declare global {
  interface HTMLElementTagNameMap {
    'circle-notifications': CircleNotifications;
  }
}
