import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { ApiClient } from '../../api/client.js';
import type { EventPost } from '../../api/types.js';
import { EndWatcher } from '../../controllers/end-watcher.js';
import { LiveClock } from '../../controllers/live-clock.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { CircleEventOpenEvent, CircleRsvpEvent } from '../../events.js';
import type { StringKey } from '../../i18n/strings.js';
import { renderPlainText } from '../../rich-text/plain-text.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formatEventRange, isTimeZone, viewerTimeZone, zoneName } from '../../utils/format.js';
import { retryableImport } from '../../utils/retryable-import.js';
import { safeUrl, WEB_PROTOCOLS } from '../../utils/safe-url.js';
import { CircleElement, validPerPage } from '../circle-element.js';
import { eventsStyles, summaryStyles } from './circle-events.styles.js';
import type { CalendarMenuHost } from './calendar-menu.js';
import type { DetailHost, EventDetail } from './event-detail.js';
import {
  attendeeCount,
  endOf,
  hasEnded,
  isEventPost,
  isFull,
  isInPerson,
  isRecurring,
  locationHidden,
  mapUrl,
  overlaps,
  rsvpChanges,
  rsvpFields,
  startOf,
  titleOf,
} from './event-model.js';
import type { EventSettings } from './event-model.js';
import {
  addDays,
  dayKey,
  formatDayHeading,
  liveState,
  nextChange,
  startOfDay,
} from './event-time.js';
import type { DayKey } from './event-time.js';
import type { MonthHost, MonthView } from './month-view.js';

// The parts a page may never need, each fetched once for every calendar on the page.
const loadMonthView = retryableImport(() => import('./month-view.js'));
const loadEventDetail = retryableImport(() => import('./event-detail.js'));
const loadCalendarMenu = retryableImport(() => import('./calendar-menu.js'));

const DEFAULT_PER_PAGE = 10;
const DEFAULT_LIMIT = 3;

const FILTERS = ['upcoming', 'past', 'all'] as const;
type Filter = (typeof FILTERS)[number];

const VIEWS = ['list', 'month', 'compact'] as const;
type View = (typeof VIEWS)[number];

const PAGING_MODES = ['infinite', 'button'] as const;
type Paging = (typeof PAGING_MODES)[number];

/** Where the next page comes from: the upcoming or the past list, and which page of it. */
interface Cursor {
  past: boolean;
  page: number;
}

/** Pages that turn out empty after filtering are skipped, but only this many in a row. */
const MAX_EMPTY_PAGES = 5;

/** Attendee pictures on a card, before the count says the rest. */
const FACEPILE_SIZE = 5;

/** Cover images are drawn 2:1; the attributes reserve the space before they load. */
const COVER_WIDTH = 640;
const COVER_HEIGHT = 320;

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * @summary Community events as a day-by-day list, a month calendar or a short sidebar list, with
 * RSVP, attendees and "Add to calendar".
 *
 * Times show in the viewer's time zone (or `time-zone`), with the series' own zone when it is
 * known and differs, and labels such as "Happening now" and "Starts in 10 minutes" keep up while
 * the page is open. `view="list"` groups events under sticky day headings and loads more as the
 * reader scrolls (or with a button: `paging="button"`). `view="month"` is a month grid: arrow
 * keys move between days, Enter lists a day's events. `view="compact"` lists the next `limit`
 * events for a sidebar. Opening an event shows its description, cover, host, attendees and, for
 * a recurring series, its next dates to RSVP to one by one or all at once.
 *
 * @tagname circle-events
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around the whole element.
 * @csspart list - A list of events.
 * @csspart day-group - The events of one day in the list view.
 * @csspart day-heading - A day's sticky heading, such as "Today · Thursday, December 3".
 * @csspart item - One event card, or one row of the compact view.
 * @csspart cover - An event's cover image.
 * @csspart date - The calendar-page date block.
 * @csspart title - An event's title; it opens the event.
 * @csspart meta - An event's time, own time zone and location lines (with `time`, `event-zone`
 *   and `location`).
 * @csspart time - An event's time range in the shown time zone.
 * @csspart event-zone - The event's own time zone, when it is known and differs.
 * @csspart live-label - "Happening now" or "Starts in 10 minutes".
 * @csspart location - Where the event happens: online with its join link, or a place.
 * @csspart map-link - The link that finds an in-person event's place on a map.
 * @csspart body - The description: clamped to a few lines on a card, whole in the detail.
 * @csspart facepile - Attendee pictures and count; opens the list of attendees.
 * @csspart avatar - An attendee's or the host's picture.
 * @csspart attendees - The attendee count.
 * @csspart actions - The attendees and the RSVP button or state.
 * @csspart going - "You're going", once the member has RSVPed.
 * @csspart button - Every button.
 * @csspart rsvp-button - An event's RSVP or Cancel RSVP button.
 * @csspart rsvp-state - Why there is no RSVP button: closed, full or ended.
 * @csspart calendar - The "Add to calendar" button and its options.
 * @csspart calendar-button - The "Add to calendar" button that shows or hides the options.
 * @csspart calendar-menu - The list of calendar options.
 * @csspart calendar-option - One option: download an .ics file, Google Calendar or Outlook.
 * @csspart detail - The dialog that shows one event in full.
 * @csspart detail-close - The dialog's close button.
 * @csspart host - Who hosts the event.
 * @csspart attendee-list - The attendees in the detail.
 * @csspart attendee - One attendee.
 * @csspart series - A recurring event's next dates in the detail.
 * @csspart series-date - One date of the series, with its checkbox or state.
 * @csspart series-rsvp - The buttons that RSVP to the chosen dates or to all of them.
 * @csspart day-panel - The events of the day opened in the month view.
 * @csspart month-grid - The month view's grid of days.
 * @csspart header - The month view's header: its name and the buttons that change it (with
 *   `month-header`).
 * @csspart month-header - The month's name and the buttons that change it.
 * @csspart month-title - The month's name.
 * @csspart month-nav - The previous month, next month and today buttons.
 * @csspart weekday - A weekday's column heading.
 * @csspart day - One day of the month grid.
 * @csspart day-today - Today's cell.
 * @csspart day-outside - A day of the month before or after.
 * @csspart day-event - An event's title in a day cell.
 * @csspart day-more - "+2 more" in a day cell.
 * @csspart loading - "Loading…" while the month view fetches a month.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart sign-in - The signed-out state's sign-in link, when `sign-in-url` is set.
 * @csspart config-warning - A message about an attribute value that can't be used.
 *
 * @cssprop [--circle-events-gap=1rem] - Space between event cards.
 * @cssprop [--circle-events-body-lines=3] - How many lines of each card's description show.
 * @cssprop [--circle-events-sticky-top=0px] - Where day headings stick, below a fixed site header.
 * @cssprop [--circle-events-heading-background] - Behind sticky day headings; the card surface.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text: times, counts and hints.
 * @cssprop [--circle-color-background=transparent] - Behind the whole element; dark themes and the
 *   `contrast` preset paint the surface.
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
 * @cssprop [--circle-padding=0] - Room around the content; `--circle-space` where the background is
 *   painted.
 * @cssprop [--circle-radius=0.75rem] - Corner radius of cards, panels and dialogs.
 * @cssprop [--circle-shadow] - Shadow under cards; a faint one in the `circle` preset, none in the
 *   others.
 * @cssprop [--circle-shadow-raised] - Shadow under popovers, menus and dialogs.
 * @cssprop [--circle-font-mono] - Font of code in rich text; the system's monospace by default.
 *
 * @fires {CircleEventOpenEvent} circle-event-open - Before an event opens in the detail dialog;
 *   cancelable.
 * @fires {CircleRsvpEvent} circle-rsvp - Before an RSVP or its cancellation is sent; cancelable.
 * @fires {CircleAuthRequiredEvent} circle-auth-required - The visitor is signed out; the host may
 *   show its sign-in.
 * @fires {CustomEvent<CircleErrorDetail>} circle-error - A load or an RSVP failed; `detail` has
 *   `kind`, `status` and `message`.
 */
export class CircleEvents extends CircleElement {
  static override styles = [sharedStyles, summaryStyles, eventsStyles];

  /** Which events: `upcoming` (the default), `past`, or `all` (upcoming first, then past). */
  @property() filter: Filter = 'upcoming';

  /** `list` (the default) groups events by day; `month` is a calendar; `compact` is short. */
  @property() view: View = 'list';

  /** An event space's id or slug; without it the list has the whole community's events. */
  @property() space?: string;

  /** The first day of a date window (YYYY-MM-DD); events that end before it are left out. */
  @property({ attribute: 'start-date' }) startDate?: string;

  /** The last day of a date window (YYYY-MM-DD); events that start after it are left out. */
  @property({ attribute: 'end-date' }) endDate?: string;

  /** How many events each page of the list view loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  /** How many events the compact view shows. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

  /** `infinite` (the default) loads the next page near the end; `button` waits for a click. */
  @property() paging: Paging = 'infinite';

  /** The IANA time zone for dates and times, such as "Europe/Berlin"; the viewer's by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  /**
   * Day headings and the compact view's titles are h3 (cards' titles one below); the month's
   * name is h2, its opened day h3. `heading-level` moves them all.
   */
  protected override get defaultHeadingLevel(): number {
    return this.validView() === 'month' ? 2 : 3;
  }

  @state() private pendingRsvps = new Set<number>();

  /** Event zones by event id, known only for recurring events (see `loadEventZones`). */
  @state() private eventZones = new Map<number, string>();

  /** The zone lookups by event id, for a download that must wait for its event's zone. */
  private zoneLookups = new Map<number, Promise<unknown>>();

  /** Whose calendar options are open, by the title they describe: a card's or the detail's. */
  @state() private calendarOpenFor?: string;

  /** The event shown in the detail dialog. */
  @state() private detailId?: number;

  /** A polite announcement of a change the member made, such as an RSVP to several dates. */
  @state() private status = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  private zonesAbort?: AbortController;

  /** What had focus before the detail opened, to return to when it closes. */
  private detailOpener?: HTMLElement;

  /** Whether the detail should open on its attendees rather than at the top. */
  private focusAttendees = false;

  /** The earliest time a shown label changes, gathered while rendering. */
  private nextLabelChange?: number;

  private readonly clock = new LiveClock(this);

  private readonly list = new PagedList<EventPost, Cursor>(this, {
    fetchPage: (cursor, signal) => this.fetchEvents(cursor, signal),
    onError: (error) => this.dispatchError(error),
    onItems: (events) => this.loadEventZones(events),
    onMore: (events) => {
      void this.announceLoaded(this.t('moreEventsLoaded', { count: events.length }));
    },
  });

  private readonly endWatcher = new EndWatcher(
    this,
    this.list,
    () => this.validView() === 'list' && this.validPaging() === 'infinite',
  );

  /** The code of the month view, fetched when the element first shows a month. */
  private readonly monthPart = this.lazyPart(loadMonthView);

  /** The month view, once its code has come. */
  private month?: MonthView;

  /** What the month view's code works with. */
  private readonly monthHost: MonthHost = {
    api: () => this.sessionController.api,
    showsMonth: () => this.validView() === 'month',
    space: () => this.space,
    sessionGeneration: () => this.sessionController.state.generation,
    locale: () => this.locale,
    now: () => this.clock.now,
    displayZone: () => this.displayZone(),
    t: (key, values) => this.t(key, values),
    headingLevelAt: (depth) => this.headingLevelAt(depth),
    renderHeading: (depth, content, attributes) => this.renderHeading(depth, content, attributes),
    renderEvent: (event, depth) => this.renderEvent(event, depth),
    renderEmpty: (key) => this.renderEmpty(key),
    renderMonthError: (error, retry) => this.renderError(error, retry, this.spaceLookup()),
    resetEventZones: () => this.resetEventZones(),
    loadEventZones: (events) => this.loadEventZones(events),
  };

  /** The code of the detail's description, attendees and series dates, fetched on first use. */
  private readonly detailPart = this.lazyPart(loadEventDetail);

  /** The detail's description, attendees and dates, once their code has come. */
  private detail?: EventDetail;

  /** The code of the "Add to calendar" options, fetched on first use. */
  private readonly calendarPart = this.lazyPart(loadCalendarMenu);

  /** What the calendar options' code works with. */
  private readonly calendarHost: CalendarMenuHost = {
    t: (key, values) => this.t(key, values),
    eventZone: (event) => this.eventZoneOf(event),
    zoneLookup: (event) => this.zoneLookupOf(event),
    reportFailure: (key, error) => this.reportFailure(key, error),
    closeCalendar: (inside) => this.closeCalendar(inside),
    root: () => this.renderRoot,
  };

  /** What the detail's code works with. */
  private readonly detailHost: DetailHost = {
    api: () => this.sessionController.api,
    detailId: () => this.detailId,
    locale: () => this.locale,
    now: () => this.clock.now,
    displayZone: () => this.displayZone(),
    t: (key, values) => this.t(key, values),
    findEvent: (id) => this.findEvent(id),
    patchEvent: (id, changes) => this.patchEvent(id, changes),
    mayRsvp: (event, going, ids) => this.mayRsvp(event, going, ids),
    isPending: (id) => this.pendingRsvps.has(id),
    setPending: (id, pending) => this.setPending(id, pending),
    reportFailure: (key, error, subject) => this.reportFailure(key, error, subject),
    withdrawFailure: (subject) => this.withdrawFailure(subject),
    dispatchError: (error) => this.dispatchError(error),
    announce: (message) => (this.status = message),
    richTextOptions: (headingLevel) => this.richTextOptions(headingLevel),
    renderCover: (src) => this.renderCover(src),
    renderTimes: (event, start) => this.renderTimes(event, start, true),
    renderLocation: (event, settings) => this.renderLocation(event, settings),
    renderRsvp: (event, settings) => this.renderRsvp(event, settings),
    renderCalendar: (event, titleId) => this.renderCalendar(event, titleId),
    renderAvatar: (url, name) => this.renderAvatar(url, name),
    renderError: (error, retry) => this.renderError(error, retry),
    renderLoadMore: (list) => this.renderLoadMore(list),
  };

  private readonly firstPage = new Task(this, {
    task: async ([api, filter, view, ...window], { signal }) => {
      if (!api || view === 'month') return initialState;
      this.resetEventZones();

      // The session's generation (last) is no other source: a reload keeps what is shown.
      const source = [filter, view, ...window.slice(0, -1)];
      return this.list.loadFirst({ past: filter === 'past', page: 1 }, signal, source);
    },
    args: () =>
      [
        this.sessionController.api,
        this.validFilter(),
        this.validView(),
        this.space,
        this.validDay(this.startDate),
        this.validEndDate(),
        // A date window runs from midnight to midnight in the shown zone.
        this.startDate || this.endDate ? this.displayZone() : undefined,
        this.pageSize(),
        this.sessionController.state.generation,
      ] as const,
  });

  constructor() {
    super();
    // A reader about to open an event or its calendar options points at, taps or tabs to its
    // title, attendees or "Add to calendar": the code that shows them is fetched then, so the
    // click rarely waits for it.
    for (const type of ['pointerover', 'focusin', 'touchstart']) {
      this.addEventListener(type, this.onIntent, { passive: true });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.zonesAbort?.abort();
  }

  private readonly onIntent = (intent: Event): void => {
    const target = intent.composedPath()[0];
    if (!(target instanceof Element)) return;

    const part = target.closest('.title, .facepile')
      ? this.detailPart
      : target.closest('.calendar-button')
        ? this.calendarPart
        : undefined;
    part?.prefetch();
  };

  protected override forgetMemberData(): void {
    this.list.clear();
    this.month?.clear();
    this.detail?.clear();
    this.closeDetail();
  }

  /** Loads the events again; a month view whose code could not be fetched asks for it again. */
  refresh(): void {
    if (this.validView() !== 'month') void this.firstPage.run();
    else if (this.month) this.month.reload();
    else if (this.monthPart.failed) void this.monthPart.load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.validView() === 'month') this.prepareMonth();

    const detailModule = this.detailPart.module;
    if (detailModule && !this.detail) {
      this.detail = new detailModule.EventDetail(this, this.detailHost);
    }
  }

  /**
   * A month shows once its view's code has come, fetched as soon as it is wanted (a failed fetch
   * waits for the reader's retry). Its events need the session's token, so that is asked for
   * meanwhile rather than after.
   */
  private prepareMonth(): void {
    const monthModule = this.monthPart.module;
    if (monthModule) {
      this.month ??= new monthModule.MonthView(this, this.monthHost);
      return;
    }

    if (!this.monthPart.failed) void this.monthPart.load();
    if (this.sessionController.state.status === 'idle') {
      void this.sessionController.session?.getToken().catch(() => undefined);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.clock.wakeAt(this.nextLabelChange);
  }

  override render(): TemplateResult {
    this.nextLabelChange = undefined;
    const view = this.validView();

    return this.renderFrame(html`
      ${view === 'month' ? this.renderMonth() : this.renderListView(view)}
      <p class="visually-hidden" role="status">${this.status}</p>
      ${this.renderLoadedNote()} ${this.renderDetail()}
    `);
  }

  // -------------------------------------------------------------------------------------------
  // List and compact views

  private renderListView(view: 'list' | 'compact'): unknown {
    return this.firstPage.render({
      initial: () => this.renderSkeleton(),
      pending: () => (this.list.items.length ? this.renderEvents(view) : this.renderSkeleton()),
      complete: () =>
        this.list.items.length ? this.renderEvents(view) : this.renderEmpty(this.emptyKey()),
      error: (error) => this.renderError(error, () => this.refresh(), this.spaceLookup()),
    });
  }

  /** The `space` attribute, which a "not found" from a space's posts is about. */
  private spaceLookup(): { name: string; value: string } | undefined {
    return this.space ? { name: 'space', value: this.space } : undefined;
  }

  private renderEvents(view: 'list' | 'compact'): TemplateResult {
    const busy = this.list.loadingMore || this.firstPage.status === TaskStatus.PENDING;

    if (view === 'compact') {
      const shown = this.list.items.slice(0, this.validLimit());
      return html`<ul
        class="list compact"
        part="list"
        aria-label=${this.t('eventsLabel')}
        aria-busy=${busy}
      >
        ${repeat(
          shown,
          (event) => event.id,
          (event) => html`<li class="item">${this.renderCompactEvent(event)}</li>`,
        )}
      </ul>`;
    }

    const infinite = this.validPaging() === 'infinite';
    return html`
      <div class="days" aria-label=${this.t('eventsLabel')} aria-busy=${busy} role="region">
        ${this.dayGroups(this.list.items).map(([day, events]) => this.renderDay(day, events))}
      </div>
      ${
        infinite && this.list.hasMore && !this.list.error
          ? html`<div class="sentinel" ${ref(this.endWatcher.watch)}></div>`
          : nothing
      }
      ${this.renderLoadMore(this.list)}
    `;
  }

  /** Consecutive events that start on the same day, in the order the list has them. */
  private dayGroups(events: EventPost[]): [DayKey, EventPost[]][] {
    const zone = this.displayZone();
    const groups: [DayKey, EventPost[]][] = [];

    for (const event of events) {
      const start = startOf(event);
      const day = start ? dayKey(start, zone) : '';
      const last = groups[groups.length - 1];
      if (last && last[0] === day) last[1].push(event);
      else groups.push([day, [event]]);
    }
    return groups;
  }

  private renderDay(day: DayKey, events: EventPost[]): TemplateResult {
    const headingId = `day-${day || 'undated'}`;
    return html`<section class="day-group" part="day-group" aria-labelledby=${headingId}>
      ${this.renderHeading(
        0,
        day ? html`<time datetime=${day}>${this.dayHeading(day)}</time>` : this.t('undated'),
        { class: 'day-heading', part: 'day-heading', id: headingId },
      )}
      <ul class="list" part="list">
        ${repeat(
          events,
          (event) => event.id,
          (event) => html`<li class="item">${this.renderEvent(event, 1)}</li>`,
        )}
      </ul>
    </section>`;
  }

  /** "Today · Thursday, December 3"; a plain date further away. */
  private dayHeading(day: DayKey): string {
    const zone = this.displayZone();
    const lang = this.locale;
    const date = formatDayHeading(day, lang, zone, this.clock.now);
    const today = dayKey(this.clock.now, zone);

    for (const offset of [-1, 0, 1]) {
      if (addDays(today, offset) !== day) continue;
      const words = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(offset, 'day');
      const relative = words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
      return `${relative}${this.t('separator')}${date}`;
    }
    return date;
  }

  private renderCompactEvent(event: EventPost): TemplateResult {
    const titleId = `event-${event.id}-title`;
    const start = startOf(event);

    return html`<article class="row" part="item" aria-labelledby=${titleId}>
      ${start ? this.renderDateBlock(start) : nothing}
      <div class="details">
        ${this.renderTitle(event, titleId, 0)}
        ${start ? this.renderTimes(event, start, false) : nothing}
        ${
          event.rsvped_event && !hasEnded(event, this.clock.now)
            ? html`<span class="going" part="going">${this.t('going')}</span>`
            : nothing
        }
      </div>
    </article>`;
  }

  /** A card whose title is a heading `depth` levels below the element's top headings. */
  private renderEvent(event: EventPost, depth: number): TemplateResult {
    const settings: EventSettings = event.event_setting_attributes ?? {};
    const titleId = `event-${event.id}-title`;
    const cover = safeUrl(event.cover_image, WEB_PROTOCOLS);
    const start = startOf(event);

    return html`<article class="card" part="item" aria-labelledby=${titleId}>
      ${cover ? this.renderCover(cover) : nothing}
      <div class="content">
        ${start ? this.renderDateBlock(start) : nothing}
        <div class="details">
          ${this.renderTitle(event, titleId, depth)}
          ${start ? this.renderTimes(event, start, true) : nothing}
          ${this.renderLocation(event, settings)}
          <div class="body rich-text clamped" part="body">${this.renderSummary(event)}</div>
          <div class="actions" part="actions">
            ${this.renderFacepile(event, settings)} ${this.renderRsvp(event, settings)}
          </div>
          ${this.renderCalendar(event, titleId)}
        </div>
      </div>
    </article>`;
  }

  private renderCover(src: string): TemplateResult {
    return html`<img
      class="cover"
      part="cover"
      src=${src}
      alt=""
      width=${COVER_WIDTH}
      height=${COVER_HEIGHT}
      loading="lazy"
      decoding="async"
    />`;
  }

  /**
   * The title opens the event here; as a link to Circle, it still opens there in a new tab
   * with a modifier key or the context menu.
   */
  private renderTitle(event: EventPost, id: string, depth: number): TemplateResult {
    const title = titleOf(event);
    const url = safeUrl(event.url, WEB_PROTOCOLS);
    const open = (click: MouseEvent) => this.onTitleClick(event, click);
    const content = url
      ? html`<a href=${url} target="_blank" rel="noopener noreferrer" @click=${open}>${title}</a>`
      : html`<button class="title-button" type="button" @click=${open}>${title}</button>`;
    return this.renderHeading(depth, content, { class: 'title', part: 'title', id, dir: 'auto' });
  }

  /**
   * The description as plain text: the card clips it to a few lines, and links, embeds or
   * headings hidden by the clipping would still take keyboard focus and break heading order.
   */
  private renderSummary(event: EventPost): TemplateResult {
    const plain = event.body_plain_text || event.tiptap_body?.circle_ios_fallback_text;
    // Guarded as the rich-text renderer guards it: a non-string here would break the whole list.
    return html`<div class="rich-text">
      ${renderPlainText(typeof plain === 'string' ? plain : '')}
    </div>`;
  }

  /** A calendar-page date; the time range below says the same in words, so it is hidden. */
  private renderDateBlock(start: Date): TemplateResult {
    const timeZone = this.displayZone();
    const lang = this.locale;
    const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone }).format(start);
    const day = new Intl.DateTimeFormat(lang, { day: 'numeric', timeZone }).format(start);

    return html`<time class="date" part="date" datetime=${start.toISOString()} aria-hidden="true">
      <span class="date-month">${month}</span>
      <span class="date-day">${day}</span>
    </time>`;
  }

  private renderTimes(event: EventPost, start: Date, withZone: boolean): TemplateResult {
    const lang = this.locale;
    const timeZone = this.displayZone();
    const end = endOf(event);
    const shown = formatEventRange(start, end, lang, timeZone);

    // Circle's event posts carry no time zone; only a recurring series' occurrences say which
    // zone the organiser uses, so single events show the viewer's zone alone.
    // TODO: show the event's own zone for single events once the Member API returns it.
    const eventZone = withZone ? this.eventZoneOf(event) : undefined;
    const inEventZone = eventZone ? formatEventRange(start, end, lang, eventZone) : undefined;

    return html`<p class="time" part="time meta">
        <time datetime=${start.toISOString()}>${shown}</time>
        ${this.renderLiveLabel(start, end)}
      </p>
      ${
        eventZone && inEventZone && inEventZone !== shown
          ? html`<p class="event-zone" part="event-zone meta">
              ${this.t('eventTimeZone', { zone: zoneName(eventZone, start, lang, 'longGeneric') })}
              ${this.t('separator')}<time datetime=${start.toISOString()}>${inEventZone}</time>
            </p>`
          : nothing
      }`;
  }

  /** "Happening now" or "Starts in 10 minutes", redrawn when it next changes. */
  private renderLiveLabel(start: Date, end: Date | undefined): TemplateResult | typeof nothing {
    const now = this.clock.now;
    const zone = this.displayZone();
    const change = nextChange(start, end, now, zone);
    if (change !== undefined) {
      this.nextLabelChange = Math.min(this.nextLabelChange ?? Infinity, change);
    }

    const live = liveState(start, end, now, zone);
    if (live.kind === 'live') {
      return html`<span class="live now" part="live-label">${this.t('happeningNow')}</span>`;
    }
    if (live.kind !== 'soon') return nothing;

    const relative = new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' });
    return html`<span class="live soon" part="live-label">
      ${this.t('startsIn', { relative: relative.format(live.minutes, 'minute') })}
    </span>`;
  }

  private renderLocation(
    event: EventPost,
    settings: EventSettings,
  ): TemplateResult | typeof nothing {
    const hidden = locationHidden(event);
    const forAttendees = html`${this.t('separator')}<span>${this.t('locationForAttendees')}</span>`;

    if (isInPerson(event)) {
      const place = settings.in_person_location;
      return html`<p class="location" part="location meta">
        <span class="location-type">${this.t('inPerson')}</span>
        ${
          hidden
            ? forAttendees
            : place
              ? html`${this.t('separator')}<bdi>${place}</bdi>
                  <a
                    class="map-link"
                    part="map-link"
                    href=${mapUrl(place)}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label=${this.t('mapFor', { place })}
                    >${this.t('map')}</a
                  >`
              : nothing
        }
      </p>`;
    }
    if (!settings.location_type) return nothing;

    const joinUrl = safeUrl(settings.virtual_location_url, WEB_PROTOCOLS);
    return html`<p class="location" part="location meta">
      <span class="location-type">${this.t('virtualEvent')}</span>
      ${
        hidden
          ? forAttendees
          : joinUrl
            ? html`${this.t('separator')}
                <a
                  href=${joinUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-describedby=${`event-${event.id}-title`}
                  >${this.t('joinLink')}</a
                >`
            : nothing
      }
    </p>`;
  }

  /** Up to five attendees' pictures and the count; a button that lists them all. */
  private renderFacepile(
    event: EventPost,
    settings: EventSettings,
  ): TemplateResult | typeof nothing {
    if (settings.hide_attendees) return nothing;

    const count = attendeeCount(event);
    const faces = (event.event_attendees?.records ?? []).slice(0, FACEPILE_SIZE);
    const label = html`<span class="attendees" part="attendees"
      >${this.t('attendees', { count })}</span
    >`;
    if (count === 0) return label;

    return html`<button
      class="facepile"
      part="facepile"
      type="button"
      aria-label=${this.t('showAttendees', { count, title: titleOf(event) })}
      @click=${(click: Event) => this.openEvent(event, click, true)}
    >
      <span class="faces" aria-hidden="true">
        ${faces.map((attendee) => this.renderAvatar(attendee.avatar_url, attendee.name))}
      </span>
      ${label}
    </button>`;
  }

  private renderRsvp(event: EventPost, settings: EventSettings): TemplateResult {
    const going = Boolean(event.rsvped_event);
    const ended = hasEnded(event, this.clock.now);
    const full = isFull(settings.rsvp_limit, attendeeCount(event));

    let reason: string | undefined;
    if (ended) reason = this.t('eventEnded');
    else if (settings.rsvp_disabled) reason = this.t('rsvpClosed');
    else if (full && !going) reason = this.t('eventFull');

    // Always present when RSVP is possible, so screen readers announce the change it shows.
    const status = html`<span class="going" part="going" role="status">
      ${going && !ended ? this.t('going') : ''}</span
    >`;
    if (reason) {
      return html`${going && !ended ? status : nothing}
        <span class="rsvp-state" part="rsvp-state">${reason}</span>`;
    }

    // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
    const pending = this.pendingRsvps.has(event.id ?? -1);
    const title = titleOf(event);
    return html`${status}
      <button
        class="button rsvp ${going ? '' : 'primary'}"
        part="button rsvp-button"
        type="button"
        aria-disabled=${pending ? 'true' : 'false'}
        aria-label=${this.t(going ? 'cancelRsvpFor' : 'rsvpFor', { title })}
        @click=${() => void this.toggleRsvp(event)}
      >
        ${this.t(going ? 'cancelRsvp' : 'rsvp')}
      </button>`;
  }

  /**
   * A disclosure: the button shows or hides the options; Esc hides them again. The options come
   * with their own code, so the list stays hidden until it has come.
   */
  private renderCalendar(event: EventPost, titleId: string): TemplateResult | typeof nothing {
    if (event.id === undefined || !startOf(event)) return nothing;

    const open = this.calendarOpenFor === titleId;
    const menu = this.calendarPart.module;
    const menuId = `${titleId}-calendar`;
    const waiting = open && !menu;
    const failed = waiting && this.calendarPart.failed;

    return html`<div
      class="calendar"
      part="calendar"
      aria-busy=${waiting && !failed ? 'true' : nothing}
      @keydown=${this.onCalendarKeydown}
    >
      <button
        class="button calendar-button"
        part="button calendar-button"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${menuId}
        aria-describedby=${titleId}
        @click=${() => this.toggleCalendar(titleId, open)}
      >
        ${this.t('addToCalendar')}
      </button>
      <ul
        class="calendar-menu"
        part="calendar-menu"
        id=${menuId}
        aria-label=${this.t('calendarOptions', { title: titleOf(event) })}
        ?hidden=${!open || !menu}
      >
        ${open && menu ? menu.renderCalendarOptions(event, this.calendarHost) : nothing}
      </ul>
      ${waiting ? this.renderPartStatus(this.calendarPart) : nothing}
    </div>`;
  }

  private onCalendarKeydown(keydown: KeyboardEvent): void {
    if (keydown.key !== 'Escape' || this.calendarOpenFor === undefined) return;

    keydown.preventDefault();
    keydown.stopPropagation();
    this.closeCalendar(keydown.currentTarget as Element | null);
  }

  /** Hides the options and puts focus back on their button, as the option is about to hide. */
  private closeCalendar(inside: Element | null): void {
    const wrapper = inside?.closest('.calendar');
    this.calendarOpenFor = undefined;
    wrapper?.querySelector<HTMLElement>('.calendar-button')?.focus();
  }

  /**
   * Opens or closes a calendar menu; opening fetches the options' code if it has not come yet,
   * and starts fetching the .ics writer they may need.
   */
  private toggleCalendar(titleId: string, open: boolean): void {
    this.calendarOpenFor = open ? undefined : titleId;
    if (open) return;

    void this.calendarPart.load().then((menu) => menu?.loadIcs().catch(() => undefined));
  }

  private renderSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="card skeleton-card" aria-hidden="true">
        <div class="content">
          <span class="date skeleton"></span>
          <div class="details">
            <span class="skeleton line title-line"></span>
            <span class="skeleton line medium"></span>
            <span class="skeleton line short"></span>
            <span class="skeleton line"></span>
          </div>
        </div>
      </div>`,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Month view

  /** The month, once its code has come; the list's skeleton until then. */
  private renderMonth(): TemplateResult {
    if (this.month) return this.month.render();
    return this.monthPart.failed ? this.renderPartStatus(this.monthPart) : this.renderSkeleton();
  }

  // -------------------------------------------------------------------------------------------
  // Detail

  private onTitleClick(event: EventPost, click: MouseEvent): void {
    const newTab = click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey;
    if (click.defaultPrevented || newTab) return;
    this.openEvent(event, click, false);
  }

  /** Tells the host, then shows the event in the dialog unless the host took over. */
  private openEvent(event: EventPost, cause: Event, atAttendees: boolean): void {
    cause.preventDefault();
    const opening = new CircleEventOpenEvent(event, safeUrl(event.url, WEB_PROTOCOLS));
    this.dispatchEvent(opening);
    if (opening.defaultPrevented || event.id === undefined) return;

    this.detailOpener =
      cause.currentTarget instanceof HTMLElement ? cause.currentTarget : undefined;
    this.focusAttendees = atAttendees;
    this.detailId = event.id;
    void this.detailPart.load();
    void this.showDialog();
  }

  private async showDialog(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;

    // A page may take the element away on the same click, and a dialog out of the document can't
    // open: the event is dropped rather than left to load for a dialog nobody sees.
    if (!dialog.isConnected) {
      this.detailId = undefined;
      this.detailOpener = undefined;
      return;
    }

    dialog.showModal();
    const close = dialog.querySelector<HTMLElement>('.detail-close');
    close?.focus();
    if (!this.focusAttendees) return;

    // The attendees show once their code and they have loaded; focus goes there unless the
    // reader moved it.
    if (!(await this.detailPart.load())) return;
    await this.updateComplete;
    await this.detail?.loaded;
    await this.updateComplete;
    if (dialog.open && (this.renderRoot as ShadowRoot).activeElement === close) {
      dialog.querySelector<HTMLElement>('.attendee-section h3')?.focus();
    }
  }

  private closeDetail(): void {
    if (this.dialog?.open) this.dialog.close();
    this.detailId = undefined;
  }

  /** After Esc, the close button or a click on the backdrop: focus goes back to the opener. */
  private onDialogClose(): void {
    // The event comes a task after the dialog closed: by then another event may have opened it.
    if (this.dialog?.open) return;

    this.detailId = undefined;
    this.calendarOpenFor = undefined;
    const opener = this.detailOpener;
    this.detailOpener = undefined;
    if (opener?.isConnected) opener.focus();
  }

  private onDialogClick(click: MouseEvent): void {
    // A click on the dialog itself, not its content, is on the backdrop.
    if (click.target === this.dialog) this.dialog?.close();
  }

  /**
   * The dialog, empty until an event opens. The event shows once the detail's code has come:
   * until then, its title over "Loading…", or the error with its retry.
   */
  private renderDetail(): TemplateResult {
    const event = this.detailId === undefined ? undefined : this.findEvent(this.detailId);

    return html`<dialog
      class="detail"
      part="detail"
      aria-labelledby="detail-title"
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
    >
      ${
        event
          ? html`<div class="detail-body">
              <button
                class="button detail-close"
                part="button detail-close"
                type="button"
                aria-label=${this.t('close')}
                @click=${() => this.dialog?.close()}
              >
                <span aria-hidden="true">×</span>
              </button>
              ${
                this.detail
                  ? this.detail.render(event)
                  : html`<div
                      class="details"
                      aria-busy=${this.detailPart.failed ? nothing : 'true'}
                    >
                      <h2 class="title" part="title" id="detail-title" dir="auto">
                        ${titleOf(event)}
                      </h2>
                      ${this.renderPartStatus(this.detailPart)}
                    </div>`
              }
            </div>`
          : nothing
      }
    </dialog>`;
  }

  /**
   * After "Load more", focus goes to the first new event's title, or where the detail says for
   * its attendees and dates.
   */
  protected override loadedItemTarget(list: LoadMore, items: unknown[]): HTMLElement | null {
    const root = this.renderRoot;
    if (list !== this.list) return this.detail?.loadedItemTarget(root, list, items) ?? null;

    const id = (items[0] as { id?: number }).id;
    return root.querySelector<HTMLElement>(`#event-${id}-title :is(a, button)`);
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  /**
   * One page of events from `cursor`, and where the next one starts. Events on the wrong side
   * of now for the list being read are dropped: the spec does not say whether `past_events`
   * lists only past events or adds them (for spaces it says "Include past events").
   */
  private async fetchEvents(
    cursor: Cursor,
    signal: AbortSignal,
  ): Promise<PageResult<EventPost, Cursor>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    const filter = this.validFilter();
    const [from, until] = this.window();
    let current: Cursor | undefined = cursor;
    let events: EventPost[] = [];

    for (let tries = 0; current && events.length === 0 && tries < MAX_EMPTY_PAGES; tries++) {
      const { records, hasNextPage } = await this.requestPage(api, current, signal);
      const now = Date.now();
      const past = current.past;
      events = records.filter(
        (event) => hasEnded(event, now) === past && overlaps(event, from, until),
      );
      current = cursorAfter(current, hasNextPage, filter);
    }
    return { items: events, next: current };
  }

  private async requestPage(
    api: ApiClient,
    cursor: Cursor,
    signal: AbortSignal,
  ): Promise<{ records: EventPost[]; hasNextPage: boolean }> {
    const space = this.space;
    const query = { page: cursor.page, per_page: this.pageSize(), past_events: cursor.past };

    if (space) {
      const page = await api.get('/spaces/{space_id}/posts', {
        params: { space_id: space },
        query,
        signal,
      });
      const records = (page.records ?? []).filter(isEventPost);
      return { records, hasNextPage: Boolean(page.has_next_page) };
    }

    // Widened by a day each way, as the month view's: the spec does not say in which zone
    // Circle reads these dates, and `overlaps` trims the answer to the shown zone's days.
    const startDate = this.validDay(this.startDate);
    const endDate = this.validEndDate();
    const page = await api.get('/community_events', {
      query: {
        ...query,
        ...(startDate ? { 'filter_date[start_date]': addDays(startDate, -1) } : {}),
        ...(endDate ? { 'filter_date[end_date]': addDays(endDate, 1) } : {}),
      },
      signal,
    });
    return { records: page.records ?? [], hasNextPage: Boolean(page.has_next_page) };
  }

  private resetEventZones(): void {
    this.zonesAbort?.abort();
    this.zonesAbort = new AbortController();
    this.eventZones = new Map();
    this.zoneLookups = new Map();
  }

  /**
   * Asks each recurring series for its time zone: event posts carry none, the occurrences of
   * a series do. Failures only mean the zone is not shown.
   */
  private loadEventZones(events: EventPost[]): void {
    const api = this.sessionController.api;
    const signal = this.zonesAbort?.signal;
    if (!api) return;

    for (const event of events) {
      const spaceId = event.space?.id;
      if (!isRecurring(event) || event.id === undefined || spaceId === undefined) continue;

      const eventId = event.id;
      const lookup = api
        .get('/spaces/{space_id}/events/{event_id}/recurring_events', {
          params: { space_id: spaceId, event_id: eventId },
          query: { page: 1, per_page: 1 },
          signal,
        })
        .then((page) => {
          const timeZone = page.records?.[0]?.time_zone;
          if (signal?.aborted || !timeZone || !isTimeZone(timeZone)) return;
          this.eventZones = new Map(this.eventZones).set(eventId, timeZone);
        })
        .catch(() => undefined);
      this.zoneLookups.set(eventId, lookup);
    }
  }

  // -------------------------------------------------------------------------------------------
  // RSVP

  /** RSVPs or cancels at once, then undoes it visibly if Circle refuses. */
  private async toggleRsvp(event: EventPost): Promise<void> {
    const api = this.sessionController.api;
    const id = event.id;
    if (!api || id === undefined || this.pendingRsvps.has(id)) return;

    const going = Boolean(event.rsvped_event);
    if (!this.mayRsvp(event, !going, [id])) return;

    const before = rsvpFields(event);
    this.patchEvent(id, rsvpChanges(event, !going));
    this.setPending(id, true);

    try {
      const options = { params: { event_id: id } };
      const attendee = going
        ? await api.delete('/events/{event_id}/event_attendees', options)
        : await api.post('/events/{event_id}/event_attendees', options);
      if (attendee?.rsvp_status) this.patchEvent(id, { rsvp_status: attendee.rsvp_status });
      this.withdrawFailure(`rsvp-${id}`);
      if (this.detailId === id && !event.event_setting_attributes?.hide_attendees) {
        this.detail?.reloadAttendees();
      }
    } catch (error) {
      this.patchEvent(id, before);
      this.reportFailure(going ? 'cancelRsvpFailed' : 'rsvpFailed', error, `rsvp-${id}`);
    } finally {
      this.setPending(id, false);
    }
  }

  /** Asks the host first; a host that cancels `circle-rsvp` stops the request. */
  private mayRsvp(event: EventPost, going: boolean, ids: number[]): boolean {
    const asking = new CircleRsvpEvent(event, going, ids);
    this.dispatchEvent(asking);
    return !asking.defaultPrevented;
  }

  private setPending(id: number, pending: boolean): void {
    const next = new Set(this.pendingRsvps);
    if (pending) next.add(id);
    else next.delete(id);
    this.pendingRsvps = next;
  }

  /** Changes an event wherever it is shown: the list, the month and the detail. */
  private patchEvent(id: number, changes: Partial<EventPost>): void {
    this.list.update(id, changes);
    this.month?.patch(id, changes);
  }

  private findEvent(id: number): EventPost | undefined {
    const match = (event: EventPost) => event.id === id;
    return this.list.items.find(match) ?? this.month?.events.find(match);
  }

  // -------------------------------------------------------------------------------------------
  // Attributes

  protected override checkAttributes(): string[] {
    const problems = [];
    const choices = [
      ['filter', this.filter, FILTERS, 'upcoming'],
      ['view', this.view, VIEWS, 'list'],
      ['paging', this.paging, PAGING_MODES, 'infinite'],
    ] as const;
    for (const [name, value, allowed, fallback] of choices) {
      if (!(allowed as readonly string[]).includes(value)) {
        problems.push(this.badAttribute(name, String(value), allowed.join(', '), fallback));
      }
    }

    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    if (validPerPage(this.limit, Number.NaN) !== this.limit) {
      const expected = this.t('wholeNumberRange', { min: 1, max: 100 });
      problems.push(
        this.badAttribute('limit', String(this.limit), expected, String(DEFAULT_LIMIT)),
      );
    }

    if (this.timeZone !== undefined && !isTimeZone(this.timeZone)) {
      const expected = this.t('ianaTimeZone');
      problems.push(this.badAttribute('time-zone', this.timeZone, expected, viewerTimeZone()));
    }

    for (const [name, value] of [
      ['start-date', this.startDate],
      ['end-date', this.endDate],
    ] as const) {
      if (value !== undefined && !this.validDay(value)) {
        problems.push(this.badAttribute(name, value, this.t('dayFormat'), this.t('noDateLimit')));
      }
    }

    // Day keys compare as text; a window that ends before it starts would match nothing.
    const startDate = this.validDay(this.startDate);
    const endDate = this.validDay(this.endDate);
    if (startDate && endDate && endDate < startDate) {
      const expected = this.t('dayOnOrAfter', { date: startDate });
      problems.push(this.badAttribute('end-date', endDate, expected, this.t('noDateLimit')));
    }
    return problems;
  }

  private emptyKey(): StringKey {
    const filter = this.validFilter();
    if (filter === 'past') return 'pastEventsEmpty';
    return filter === 'all' ? 'allEventsEmpty' : 'eventsEmpty';
  }

  private validFilter(): Filter {
    return (FILTERS as readonly string[]).includes(this.filter) ? this.filter : 'upcoming';
  }

  private validView(): View {
    return (VIEWS as readonly string[]).includes(this.view) ? this.view : 'list';
  }

  private validPaging(): Paging {
    return (PAGING_MODES as readonly string[]).includes(this.paging) ? this.paging : 'infinite';
  }

  private validLimit(): number {
    return validPerPage(this.limit, DEFAULT_LIMIT);
  }

  /** The compact view loads just the events it shows; the list view a page at a time. */
  private pageSize(): number {
    return this.validView() === 'compact'
      ? this.validLimit()
      : validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }

  /** The window's last day, unless it comes before the first (then there is no end). */
  private validEndDate(): DayKey | undefined {
    const startDate = this.validDay(this.startDate);
    const endDate = this.validDay(this.endDate);
    return startDate && endDate && endDate < startDate ? undefined : endDate;
  }

  private validDay(value: string | undefined): DayKey | undefined {
    if (!value || !DAY_PATTERN.test(value)) return undefined;
    return addDays(value, 0) === value ? value : undefined;
  }

  /** The date window as times in the shown zone: from the first day's start to the last's end. */
  private window(): [number, number] {
    const zone = this.displayZone();
    const startDate = this.validDay(this.startDate);
    const endDate = this.validEndDate();
    return [
      startDate ? startOfDay(startDate, zone).getTime() : -Infinity,
      endDate ? startOfDay(addDays(endDate, 1), zone).getTime() : Infinity,
    ];
  }

  private displayZone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : viewerTimeZone();
  }

  private eventZoneOf(event: EventPost): string | undefined {
    return event.id === undefined ? undefined : this.eventZones.get(event.id);
  }

  /** The lookup of the event's zone, if one is on its way; it never fails. */
  private zoneLookupOf(event: EventPost): Promise<unknown> | undefined {
    return event.id === undefined ? undefined : this.zoneLookups.get(event.id);
  }
}

/** With `filter="all"` the upcoming pages are read first, then the past ones. */
function cursorAfter(cursor: Cursor, hasNextPage: boolean, filter: Filter): Cursor | undefined {
  if (hasNextPage) return { ...cursor, page: cursor.page + 1 };
  if (filter === 'all' && !cursor.past) return { past: true, page: 1 };
  return undefined;
}

if (!customElements.get('circle-events')) customElements.define('circle-events', CircleEvents);

declare global {
  interface HTMLElementTagNameMap {
    'circle-events': CircleEvents;
  }
}
