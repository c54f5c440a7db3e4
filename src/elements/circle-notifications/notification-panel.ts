// The panel's content: the tabs, the notifications with their options, and the changes they
// make. The element fetches this file when the member is about to open the panel (a pointer or
// focus on the bell) or a list shows, so a page with only the bell downloads the bell. The first
// page's request stays in the element and starts at open, alongside this file.
//
// The classic CDN file wraps every module this file imports so that it runs when the import
// does; shared helpers come from their own small modules, as one from circle-element.ts would
// wrap the whole core.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';

import type { ApiClient } from '../../api/client.js';
import type { Notification as CircleNotification } from '../../api/types.js';
import { EndWatcher } from '../../controllers/end-watcher.js';
import type { LoadMore, PagedList } from '../../controllers/paged-list.js';
import { CircleNotificationOpenEvent } from '../../events.js';
import type { StringKey } from '../../i18n/strings.js';
import type { HeadingAttributes } from '../../utils/heading.js';
import { viewerTimeZone } from '../../utils/format.js';
import { safeUrl, WEB_PROTOCOLS } from '../../utils/safe-url.js';
import type { CircleNotifications, NotificationChange } from './circle-notifications.js';
import { panelStyles } from './notification-panel.styles.js';

/** @internal Adopted into the element's shadow root once this file is in. */
export const styles = [panelStyles];

const TABS = ['all', 'unread'] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, StringKey> = {
  all: 'notificationsTabAll',
  unread: 'notificationsTabUnread',
};

type Group = 'today' | 'week' | 'earlier';
const GROUP_HEADINGS: Record<Group, StringKey> = {
  today: 'notificationsToday',
  week: 'notificationsThisWeek',
  earlier: 'notificationsEarlier',
};

/** How far past the visible end of the list the next page starts loading. */
const PREFETCH_MARGIN = '200px';

const DAY_MS = 86_400_000;

/** Fields whose values are names or titles, shown emphasised in a notification's sentence. */
const EMPHASISED_FIELDS = new Set(['actor_name', 'notifiable_title']);

/** Rails' placeholder for a text nobody translated, as Circle sometimes sends it. */
const UNTRANSLATED = /^\s*translation missing:/i;

/** The sentence's parts when Circle sends no usable `notification_text_structure`. */
const DEFAULT_TEXT_STRUCTURE = ['actor_name', 'display_action', 'notifiable_title'];

/**
 * What the content reads and changes in its element, which keeps the list, the first page's
 * request, the tab and the count (the bell and other tabs use them before this file is in).
 */
export interface PanelHost {
  /** For what the element offers anyone: updates, events, its shadow root. */
  readonly element: CircleNotifications;
  /** The element's list, the same one for its whole life. */
  readonly list: PagedList<CircleNotification, number>;
  api(): ApiClient | undefined;
  tab(): Tab;
  /** The notification whose options are open. */
  menuFor(): number | undefined;
  /** Opens the options of notification `id`, or closes them with undefined. */
  setMenuFor(id: number | undefined): void;
  /** Whether more notifications arrived while the list was on screen. */
  newWhileShown(): boolean;
  /** Grows whenever the list is replaced, so a late rollback can't land in another list. */
  listEpoch(): number;
  /** What scrolls the list: the popover, or the page (null) inline. */
  scroller(): HTMLElement | null;
  t(key: StringKey, values?: Record<string, string | number>): string;
  renderHeading(depth: number, content: unknown, attributes?: HeadingAttributes): TemplateResult;
  renderAvatar(url: unknown, name: string | undefined): TemplateResult;
  renderRelativeTime(date: string | undefined): TemplateResult | typeof nothing;
  renderLoadMore(list: LoadMore): TemplateResult | typeof nothing;
  selectTab(tab: Tab): void;
  showNew(): void;
  announce(message: string): void;
  reportFailure(key: StringKey, error: unknown, subject: string): void;
  withdrawFailure(subject: string): void;
  onLocalChange(change: NotificationChange): void;
  setItems(items: CircleNotification[]): void;
  updateNotifications(
    ids: number[],
    changes: (notification: CircleNotification) => Partial<CircleNotification>,
  ): void;
  itemElement(id: number | undefined): HTMLElement | null;
}

/**
 * @internal The tabs, the notifications grouped by day with their options, "Mark all as read",
 * and the reads, archives and deletes, each shown at once and undone with a message if Circle
 * refuses.
 */
export class PanelContent {
  /** Notifications with a change on its way to Circle. */
  private pending = new Set<number>();
  private markingAll = false;

  /** Loads the next page as the end of the list comes near. */
  private readonly endWatcher: EndWatcher;

  constructor(private readonly host: PanelHost) {
    this.endWatcher = new EndWatcher(host.element, host.list, () => true, {
      root: () => host.scroller(),
      margin: PREFETCH_MARGIN,
    });
  }

  renderTabs(): TemplateResult {
    const { host } = this;
    return html`<div
      class="tabs"
      part="tabs"
      role="tablist"
      aria-label=${host.t('notificationsFilter')}
      @keydown=${this.onTabKeydown}
    >
      ${TABS.map((tab) => {
        const selected = tab === host.tab();
        return html`<button
          class="tab"
          part=${selected ? 'tab selected-tab' : 'tab'}
          type="button"
          role="tab"
          id=${`tab-${tab}`}
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="tabpanel"
          tabindex=${selected ? '0' : '-1'}
          @click=${() => host.selectTab(tab)}
        >
          ${host.t(TAB_LABELS[tab])}
        </button>`;
      })}
    </div>`;
  }

  renderMarkAll(): TemplateResult {
    return html`<button
      class="button mark-all"
      part="button mark-all-button"
      type="button"
      ?disabled=${this.markingAll}
      @click=${() => void this.markAllRead()}
    >
      ${this.host.t('markAllRead')}
    </button>`;
  }

  renderList(): TemplateResult {
    const { host } = this;
    const groups = groupByDay(host.list.items);

    return html`
      ${
        host.newWhileShown()
          ? html`<div class="show-new">
              <button
                class="button primary"
                part="button show-new-button"
                type="button"
                @click=${() => host.showNew()}
              >
                ${host.t('notificationsShowNew')}
              </button>
            </div>`
          : nothing
      }
      ${groups.map(
        ({ group, notifications }) => html`
          ${host.renderHeading(1, host.t(GROUP_HEADINGS[group]), {
            class: 'group-heading',
            part: 'group-heading',
            id: `group-${group}`,
          })}
          <ul class="list" part="list" aria-labelledby=${`group-${group}`}>
            ${repeat(
              notifications,
              (notification) => notification.id,
              (notification) => this.renderNotification(notification),
            )}
          </ul>
        `,
      )}
      ${
        host.list.hasMore && !host.list.error
          ? html`<div class="sentinel" ${ref(this.endWatcher.watch)}></div>`
          : nothing
      }
      ${host.renderLoadMore(host.list)}
    `;
  }

  private renderNotification(notification: CircleNotification): TemplateResult {
    const { host } = this;
    const url = safeUrl(notification.action_web_url, WEB_PROTOCOLS);
    const unread = notification.read_at == null;
    const words = sentenceParts(notification, host.t('notificationActionFallback'));
    const space = notification.space_title;
    const content = html`
      ${host.renderAvatar(notification.actor_image, notification.actor_name)}
      <span class="text">
        <span class="sentence">${renderSentence(words)}</span>
        <span class="meta" part="meta">
          ${space ? html`<bdi>${space}</bdi>${host.t('separator')}` : nothing}
          ${host.renderRelativeTime(notification.created_at)}
        </span>
      </span>
      ${
        unread
          ? html`<span class="dot" part="unread-dot"></span>
              <span class="visually-hidden">${host.t('unread')}</span>`
          : nothing
      }
    `;

    return html`<li
      class="item ${unread ? 'unread' : ''}"
      part=${unread ? 'item unread-item' : 'item'}
      data-id=${notification.id ?? ''}
    >
      ${
        url
          ? html`<a
              class="entry"
              href=${url}
              target="_blank"
              rel="noopener noreferrer"
              @click=${(click: MouseEvent) => this.openNotification(click, notification, url)}
              @auxclick=${(click: MouseEvent) => {
                if (click.button === 1) void this.markRead(notification);
              }}
              >${content}</a
            >`
          : html`<div class="entry">${content}</div>`
      }
      ${this.renderItemMenu(notification, plainSentence(words))}
    </li>`;
  }

  /** A disclosure: the ⋯ button shows a short list of buttons; arrows move, Esc closes. */
  private renderItemMenu(
    notification: CircleNotification,
    sentence: string,
  ): TemplateResult | typeof nothing {
    const { host } = this;
    const id = notification.id;
    if (id === undefined) return nothing;

    const open = host.menuFor() === id;
    const menuId = `menu-${id}`;
    const label = host.t('notificationOptions', { notification: sentence });
    const busy = this.pending.has(id);
    const option = (key: StringKey, action: () => void, tone = '') =>
      html`<li>
        <button
          class="menu-option ${tone}"
          part="menu-option"
          type="button"
          ?disabled=${busy}
          @click=${action}
        >
          ${host.t(key)}
        </button>
      </li>`;

    return html`<div
      class="item-menu"
      @keydown=${this.onMenuKeydown}
      @focusout=${this.onMenuFocusOut}
    >
      <button
        class="menu-button"
        part="menu-button"
        type="button"
        aria-label=${label}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? menuId : nothing}
        @click=${() => void this.toggleMenu(id)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
          <circle cx="5" cy="12" r="1.75" />
          <circle cx="12" cy="12" r="1.75" />
          <circle cx="19" cy="12" r="1.75" />
        </svg>
      </button>
      ${
        open
          ? html`<ul class="menu" part="menu" id=${menuId} aria-label=${label}>
              ${
                notification.read_at == null
                  ? option('notificationMarkRead', () => this.chooseMarkRead(notification))
                  : nothing
              }
              ${option('notificationArchive', () => void this.discard(id, 'archive'))}
              ${option('notificationDelete', () => void this.discard(id, 'delete'), 'danger')}
            </ul>`
          : nothing
      }
    </div>`;
  }

  // -------------------------------------------------------------------------------------------
  // Tabs, paging and menus

  /** Arrow keys, Home and End move between the tabs and select them. */
  private readonly onTabKeydown = async (event: KeyboardEvent): Promise<void> => {
    const { element } = this.host;
    const index = TABS.indexOf(this.host.tab());
    const forward = getComputedStyle(element).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const targets: Record<string, number> = {
      [forward]: (index + 1) % TABS.length,
      [backward]: (index - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;

    event.preventDefault();
    this.host.selectTab(TABS[next]);
    await element.updateComplete;
    element.renderRoot.querySelector<HTMLElement>(`#tab-${TABS[next]}`)?.focus();
  };

  private async toggleMenu(id: number, focus: 'first' | 'last' = 'first'): Promise<void> {
    const { host } = this;
    if (host.menuFor() === id) {
      host.setMenuFor(undefined);
      return;
    }

    host.setMenuFor(id);
    await host.element.updateComplete;
    const menu = host.element.renderRoot.querySelector<HTMLElement>(`#menu-${id}`);
    const options = menuOptions(menu);
    (focus === 'last' ? options.at(-1) : options[0])?.focus();
    // Near the end of the panel the options would open below the fold.
    menu?.scrollIntoView({ block: 'nearest' });
  }

  private closeMenu(): void {
    const id = this.host.menuFor();
    if (id === undefined) return;

    this.host.setMenuFor(undefined);
    this.host.itemElement(id)?.querySelector<HTMLElement>('.menu-button')?.focus();
  }

  private readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const { host } = this;
    const wrapper = event.currentTarget as HTMLElement;
    const button = wrapper.querySelector<HTMLElement>('.menu-button');
    const options = menuOptions(wrapper);
    const id = Number(wrapper.closest<HTMLElement>('.item')?.dataset.id);
    const focused = options.indexOf(host.element.shadowRoot?.activeElement as HTMLButtonElement);

    if (event.key === 'Escape' && host.menuFor() === id) {
      event.preventDefault();
      event.stopPropagation();
      this.closeMenu();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();

    // From the closed button, the arrows open the options on their first or last one.
    if (host.menuFor() !== id) {
      if (event.target === button) {
        void this.toggleMenu(id, event.key === 'ArrowUp' ? 'last' : 'first');
      }
      return;
    }

    const last = options.length - 1;
    const moves: Record<string, number> = {
      Home: 0,
      End: last,
      ArrowDown: focused >= last ? 0 : focused + 1,
      ArrowUp: focused <= 0 ? last : focused - 1,
    };
    options[moves[event.key]]?.focus();
  };

  /** Tabbing out of the options closes them. */
  private readonly onMenuFocusOut = (event: FocusEvent): void => {
    const wrapper = event.currentTarget as HTMLElement;
    const next = event.relatedTarget as Node | null;
    if (next && wrapper.contains(next)) return;

    // Without a next element (a click on nothing focusable), the document's click handler
    // decides; closing here would swallow a click on an option in some browsers.
    const id = Number(wrapper.closest<HTMLElement>('.item')?.dataset.id);
    if (this.host.menuFor() === id && next) this.host.setMenuFor(undefined);
  };

  // -------------------------------------------------------------------------------------------
  // Changes

  /** Tells the host page; unless it takes over, the link opens Circle in a new tab. */
  private openNotification(click: MouseEvent, notification: CircleNotification, url: string): void {
    const opening = new CircleNotificationOpenEvent(notification, url);
    this.host.element.dispatchEvent(opening);
    if (opening.defaultPrevented) click.preventDefault();

    void this.markRead(notification);
  }

  private chooseMarkRead(notification: CircleNotification): void {
    this.closeMenu();
    void this.markRead(notification);
  }

  /** Clears one unread dot at once; brings the dot back, with a message, if Circle refuses. */
  private async markRead(notification: CircleNotification): Promise<void> {
    const { host } = this;
    const api = host.api();
    const id = notification.id;
    if (!api || id === undefined || notification.read_at != null || this.pending.has(id)) return;

    host.updateNotifications([id], () => ({ read_at: new Date().toISOString() }));
    this.setPending(id, true);

    try {
      const saved = await api.post('/notifications/{id}/mark_as_read', { params: { id } });
      if (saved?.read_at) host.updateNotifications([id], () => ({ read_at: saved.read_at }));
      host.onLocalChange({ type: 'read', id });
      host.withdrawFailure(`read-${id}`);
    } catch (error) {
      host.updateNotifications([id], () => ({ read_at: null }));
      host.reportFailure('markReadFailed', error, `read-${id}`);
    } finally {
      this.setPending(id, false);
    }
  }

  /** Clears every unread dot at once; brings them back, with a message, if Circle refuses. */
  private async markAllRead(): Promise<void> {
    const { host } = this;
    const api = host.api();
    if (!api || this.markingAll) return;

    const unreadIds = host.list.items
      .filter((notification) => notification.read_at == null && notification.id !== undefined)
      .map((notification) => notification.id!);
    const readAt = new Date().toISOString();
    host.updateNotifications(unreadIds, () => ({ read_at: readAt }));
    this.setMarkingAll(true);

    try {
      // Circle documents no answer body for this call.
      await api.post('/notifications/mark_all_as_read', { emptyOk: true });
      host.onLocalChange({ type: 'all-read' });
      host.withdrawFailure('all-read');
      // A notification whose own mark-read failed before is read now as well.
      for (const id of unreadIds) host.withdrawFailure(`read-${id}`);
    } catch (error) {
      // Only the dots this call cleared come back; ones read another way since stay read.
      host.updateNotifications(unreadIds, (notification) =>
        notification.read_at === readAt ? { read_at: null } : {},
      );
      host.reportFailure('markAllReadFailed', error, 'all-read');
    } finally {
      this.setMarkingAll(false);
    }
  }

  /**
   * Archives or deletes at once, moving focus to a neighbour; puts the notification back where
   * it was, with a message, if Circle refuses.
   */
  private async discard(id: number, action: 'archive' | 'delete'): Promise<void> {
    const { host } = this;
    const api = host.api();
    const index = host.list.items.findIndex((notification) => notification.id === id);
    if (!api || index < 0 || this.pending.has(id)) return;

    // TODO: Circle pages by offset, so each removal (and, on the Unread tab, each read) shifts
    // the next page by one and "Load more" skips a notification until the list reloads.
    const notification = host.list.items[index];
    const epoch = host.listEpoch();
    host.setMenuFor(undefined);
    void this.moveFocusFrom(id);
    host.setItems(host.list.items.filter((item) => item.id !== id));
    this.setPending(id, true);

    try {
      if (action === 'archive') await api.post('/notifications/{id}/archive', { params: { id } });
      else await api.delete('/notifications/{id}', { params: { id } });
      host.announce(host.t(action === 'archive' ? 'notificationArchived' : 'notificationDeleted'));
      host.onLocalChange({ type: 'removed', id });
      host.withdrawFailure(`remove-${id}`);
    } catch (error) {
      const items = host.list.items;
      if (epoch === host.listEpoch() && !items.some((item) => item.id === id)) {
        host.setItems([...items.slice(0, index), notification, ...items.slice(index)]);
      }
      const key = action === 'archive' ? 'archiveFailed' : 'deleteFailed';
      host.reportFailure(key, error, `remove-${id}`);
    } finally {
      this.setPending(id, false);
    }
  }

  /** When focus is inside the item about to go: the next item, else the previous, else the tabs. */
  private async moveFocusFrom(id: number): Promise<void> {
    const { host } = this;
    const item = host.itemElement(id);
    const focused = host.element.shadowRoot?.activeElement;
    if (!item || !focused || !item.contains(focused)) return;

    const items = host.list.items;
    const index = items.findIndex((notification) => notification.id === id);
    const neighbour = items[index + 1] ?? items[index - 1];
    await host.element.updateComplete;

    const target =
      host.itemElement(neighbour?.id)?.querySelector<HTMLElement>('a.entry, .menu-button') ??
      host.element.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    target?.focus();
  }

  private setPending(id: number, present: boolean): void {
    const pending = new Set(this.pending);
    if (present) pending.add(id);
    else pending.delete(id);
    this.pending = pending;
    this.host.element.requestUpdate();
  }

  private setMarkingAll(marking: boolean): void {
    this.markingAll = marking;
    this.host.element.requestUpdate();
  }
}

/** One piece of a notification's sentence, and whether it is a name or a title. */
interface Word {
  text: string;
  emphasised: boolean;
}

/**
 * The notification's sentence: each entry of `notification_text_structure` names a field whose
 * text is shown, names and titles emphasised. Entries that name no text are skipped.
 */
function sentenceParts(notification: CircleNotification, fallbackAction: string): Word[] {
  const fields = notification as Record<string, unknown>;
  const structure = Array.isArray(notification.notification_text_structure)
    ? notification.notification_text_structure
    : [];

  const build = (names: readonly unknown[]): Word[] =>
    names.flatMap((name) => {
      if (typeof name !== 'string' || !Object.hasOwn(fields, name)) return [];

      const value = fields[name];
      if (typeof value !== 'string' || !value.trim()) return [];

      // Circle sometimes sends the action as an untranslated key; members see a plain verb.
      const text = UNTRANSLATED.test(value) ? fallbackAction : value;
      return [{ text, emphasised: EMPHASISED_FIELDS.has(name) }];
    });

  const words = build(structure);
  return words.length ? words : build(DEFAULT_TEXT_STRUCTURE);
}

function renderSentence(words: Word[]): unknown[] {
  return words.flatMap((word, index) => {
    // Names and titles keep their own direction without reordering the words around them.
    const shown = word.emphasised ? html`<strong><bdi>${word.text}</bdi></strong>` : word.text;
    return index ? [' ', shown] : [shown];
  });
}

function plainSentence(words: Word[]): string {
  return words.map((word) => word.text.trim()).join(' ');
}

// TODO: groups and relative times are worked out when the list renders; a list left open over
// midnight moves its notifications to the next group only on its next update.
/**
 * The notifications under Today, This week (the six calendar days before today) and Earlier,
 * by calendar day in the viewer's time zone. Order within a group is kept; empty groups go.
 */
function groupByDay(
  notifications: CircleNotification[],
  now = Date.now(),
): { group: Group; notifications: CircleNotification[] }[] {
  const days = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone: viewerTimeZone(),
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const today = calendarDay(now, days);
  const groups: Record<Group, CircleNotification[]> = { today: [], week: [], earlier: [] };

  for (const notification of notifications) {
    const time = Date.parse(notification.created_at ?? '');
    const daysAgo = Number.isNaN(time) ? Infinity : today - calendarDay(time, days);
    // A time slightly in the future (clocks differ) counts as today.
    const group: Group = daysAgo <= 0 ? 'today' : daysAgo <= 6 ? 'week' : 'earlier';
    groups[group].push(notification);
  }

  return (['today', 'week', 'earlier'] as const)
    .filter((group) => groups[group].length > 0)
    .map((group) => ({ group, notifications: groups[group] }));
}

/** Days since 1970-01-01 to the calendar date of `time` in `format`'s time zone. */
function calendarDay(time: number, format: Intl.DateTimeFormat): number {
  const parts = format.formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
}

function menuOptions(menu: Element | null | undefined): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('.menu-option:not([disabled])') ?? [])];
}
