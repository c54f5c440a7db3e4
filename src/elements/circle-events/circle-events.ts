import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { ApiClient } from '../../api/client.js';
import type { EventPost } from '../../api/types.js';
import type { StringKey } from '../../i18n/strings.js';
import { renderRichText, safeUrl } from '../../rich-text/render.js';
import { richTextStyles } from '../../rich-text/rich-text.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { formatEventRange, isTimeZone, viewerTimeZone, zoneName } from '../../utils/format.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { PageResult } from '../../controllers/paged-list.js';
import { CircleElement, validPerPage, WEB_PROTOCOLS } from '../circle-element.js';
import { eventsStyles } from './circle-events.styles.js';
import {
  googleCalendarUrl,
  hasCalendarTimes,
  icsFileName,
  icsFor,
  isInPerson,
  locationHidden,
  outlookUrl,
} from './calendar.js';

const DEFAULT_PER_PAGE = 10;

const FILTERS = ['upcoming', 'past', 'all'] as const;
type Filter = (typeof FILTERS)[number];

type EventSettings = NonNullable<EventPost['event_setting_attributes']>;

/** Where the next page comes from: the upcoming or the past list, and which page of it. */
interface Cursor {
  past: boolean;
  page: number;
}

/** Pages that turn out empty after filtering are skipped, but only this many in a row. */
const MAX_EMPTY_PAGES = 5;

/** Cover images are drawn 2:1; the attributes reserve the space before they load. */
const COVER_WIDTH = 640;
const COVER_HEIGHT = 320;

/**
 * @summary A list of community events with their times, places and RSVP buttons.
 *
 * Shows each event's date, time range in the viewer's time zone (or `time-zone`), location,
 * cover image and attendee count, and lets a signed-in member RSVP or cancel. With
 * `filter="all"`, upcoming events come first (soonest first) and past events follow as
 * "Load more" reaches them. Pages load on demand with "Load more". "Add to calendar" offers an
 * .ics file (with the series' recurrence) and Google Calendar and Outlook on the web.
 *
 * @tagname circle-events
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around the whole list.
 * @csspart list - The list of events.
 * @csspart item - One event card.
 * @csspart cover - An event's cover image.
 * @csspart date - The calendar-page date block.
 * @csspart title - An event's title, linked to the event on Circle.
 * @csspart time - An event's time range in the shown time zone.
 * @csspart event-zone - The event's own time zone, when it is known and differs.
 * @csspart location - Where the event happens: online with its join link, or a place.
 * @csspart body - The event's description, clamped to a few lines.
 * @csspart attendees - The attendee count.
 * @csspart actions - The attendee count and the RSVP button or state.
 * @csspart going - "You're going", once the member has RSVPed.
 * @csspart button - Every button.
 * @csspart rsvp-button - An event's RSVP or Cancel RSVP button.
 * @csspart rsvp-state - Why there is no RSVP button: closed, full or ended.
 * @csspart calendar - The "Add to calendar" button and its options.
 * @csspart calendar-button - The "Add to calendar" button that shows or hides the options.
 * @csspart calendar-menu - The list of calendar options.
 * @csspart calendar-option - One option: download an .ics file, Google Calendar or Outlook.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 *
 * @cssprop [--circle-events-gap=1rem] - Space between event cards.
 * @cssprop [--circle-events-body-lines=3] - How many lines of each description show.
 * @cssprop [--circle-color-accent=#4353ff] - Links, the date block and primary buttons.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text.
 * @cssprop [--circle-color-surface=#ffffff] - Card background.
 * @cssprop [--circle-color-border=#dfe1e8] - Card and button borders.
 * @cssprop [--circle-radius=0.75rem] - Card corner radius.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 *
 * @fires circle-auth-required - The visitor is signed out; the host may show its sign-in.
 * @fires circle-error - A load or an RSVP failed; `detail` has `kind`, `status` and `message`.
 */
export class CircleEvents extends CircleElement {
  static override styles = [sharedStyles, richTextStyles, eventsStyles];

  /** Which events: `upcoming` (the default), `past`, or `all` (upcoming first, then past). */
  @property() filter: Filter = 'upcoming';

  /** An event space's id or slug; without it the list has the whole community's events. */
  @property() space?: string;

  /** How many events each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  /** The IANA time zone for dates and times, such as "Europe/Berlin"; the viewer's by default. */
  @property({ attribute: 'time-zone' }) timeZone?: string;

  @state() private pendingRsvps = new Set<number>();

  /** Event zones by event id, known only for recurring events (see `loadEventZones`). */
  @state() private eventZones = new Map<number, string>();

  /** The event whose calendar options are open; one at a time. */
  @state() private calendarOpenFor?: number;

  private zonesAbort?: AbortController;

  private readonly list = new PagedList<EventPost, Cursor>(this, {
    fetchPage: (cursor, signal) => this.fetchEvents(cursor, signal),
    onError: (error) => this.dispatchError(error),
    onItems: (events) => this.loadEventZones(events),
  });

  private readonly firstPage = new Task(this, {
    task: async ([api, filter], { signal }) => {
      if (!api) return initialState;
      this.zonesAbort?.abort();
      this.zonesAbort = new AbortController();
      this.eventZones = new Map();

      return this.list.loadFirst({ past: filter === 'past', page: 1 }, signal);
    },
    args: () =>
      [
        this.sessionController.api,
        this.validFilter(),
        this.space,
        this.validPerPage(),
        this.sessionController.state.generation,
      ] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.zonesAbort?.abort();
  }

  protected override forgetMemberData(): void {
    this.list.clear();
  }

  /** Loads the events again from the first page. */
  refresh(): void {
    void this.firstPage.run();
  }

  override render(): TemplateResult {
    return this.renderFrame(
      this.firstPage.render({
        initial: () => this.renderSkeleton(),
        pending: () => (this.list.items.length ? this.renderEvents() : this.renderSkeleton()),
        complete: () =>
          this.list.items.length ? this.renderEvents() : this.renderEmpty(this.emptyKey()),
        error: (error) => this.renderError(error, () => this.refresh()),
      }),
    );
  }

  private renderEvents(): TemplateResult {
    const now = Date.now();
    const busy = this.list.loadingMore || this.firstPage.status === TaskStatus.PENDING;

    return html`
      <ul class="list" part="list" aria-label=${this.t('eventsLabel')} aria-busy=${busy}>
        ${repeat(
          this.list.items,
          (event) => event.id,
          (event) => html`<li class="item">${this.renderEvent(event, now)}</li>`,
        )}
      </ul>
      ${this.renderLoadMore(this.list)}
    `;
  }

  private renderEvent(event: EventPost, now: number): TemplateResult {
    const settings: EventSettings = event.event_setting_attributes ?? {};
    const titleId = `event-${event.id}-title`;
    const title = event.display_title || event.name || '';
    const eventUrl = safeUrl(event.url, WEB_PROTOCOLS);
    const cover = safeUrl(event.cover_image, WEB_PROTOCOLS);
    const start = validDate(settings.starts_at);
    const ended = hasEnded(event, now);

    return html`<article class="card" part="item" aria-labelledby=${titleId}>
      ${
        cover
          ? html`<img
              class="cover"
              part="cover"
              src=${cover}
              alt=""
              width=${COVER_WIDTH}
              height=${COVER_HEIGHT}
              loading="lazy"
              decoding="async"
            />`
          : nothing
      }
      <div class="content">
        ${start ? this.renderDateBlock(start) : nothing}
        <div class="details">
          <h3 class="title" part="title" id=${titleId}>
            ${
              eventUrl
                ? html`<a href=${eventUrl} target="_blank" rel="noopener noreferrer">${title}</a>`
                : title
            }
          </h3>
          ${start ? this.renderTimes(event, settings, start) : nothing}
          ${this.renderLocation(event, settings)}
          <div class="body rich-text" part="body">${this.renderDescription(event)}</div>
          <div class="actions" part="actions">
            ${
              settings.hide_attendees
                ? nothing
                : html`<span class="attendees" part="attendees">
                    ${this.t('attendees', { count: attendeeCount(event) })}
                  </span>`
            }
            ${this.renderRsvp(event, settings, title, ended)}
          </div>
          ${this.renderCalendar(event, title, titleId)}
        </div>
      </div>
    </article>`;
  }

  /**
   * The description as plain text: the card clips it to a few lines, and links, embeds or
   * headings hidden by the clipping would still take keyboard focus and break heading order.
   */
  private renderDescription(event: EventPost): TemplateResult {
    const plain = event.body_plain_text || event.tiptap_body?.circle_ios_fallback_text;
    return renderRichText(undefined, plain, this.richTextOptions());
  }

  /** A calendar-page date; the time range below says the same in words, so it is hidden. */
  private renderDateBlock(start: Date): TemplateResult {
    const timeZone = this.displayZone();
    const lang = this.locale;
    const month = new Intl.DateTimeFormat(lang, { month: 'short', timeZone }).format(start);
    const day = new Intl.DateTimeFormat(lang, { day: 'numeric', timeZone }).format(start);

    return html`<time class="date" part="date" datetime=${start.toISOString()} aria-hidden="true">
      <span class="month">${month}</span>
      <span class="day">${day}</span>
    </time>`;
  }

  private renderTimes(event: EventPost, settings: EventSettings, start: Date): TemplateResult {
    const lang = this.locale;
    const timeZone = this.displayZone();
    const end = validDate(settings.ends_at);
    const shown = formatEventRange(start, end, lang, timeZone);

    // Circle's event posts carry no time zone; only a recurring series' occurrences say which
    // zone the organiser uses, so single events show the viewer's zone alone.
    // TODO: show the event's own zone for single events once the Member API returns it.
    const eventZone = event.id === undefined ? undefined : this.eventZones.get(event.id);
    const inEventZone = eventZone ? formatEventRange(start, end, lang, eventZone) : undefined;

    return html`<p class="time" part="time">
        <time datetime=${start.toISOString()}>${shown}</time>
      </p>
      ${
        eventZone && inEventZone && inEventZone !== shown
          ? html`<p class="event-zone" part="event-zone">
              ${this.t('eventTimeZone', { zone: zoneName(eventZone, start, lang, 'longGeneric') })}
              ${this.t('separator')}<time datetime=${start.toISOString()}>${inEventZone}</time>
            </p>`
          : nothing
      }`;
  }

  private renderLocation(
    event: EventPost,
    settings: EventSettings,
  ): TemplateResult | typeof nothing {
    const inPerson = isInPerson(event);
    const hidden = locationHidden(event);

    if (inPerson) {
      return html`<p class="location" part="location">
        <span class="location-type">${this.t('inPerson')}</span>
        ${
          hidden
            ? html`${this.t('separator')}<span>${this.t('locationForAttendees')}</span>`
            : settings.in_person_location
              ? html`${this.t('separator')}<span>${settings.in_person_location}</span>`
              : nothing
        }
      </p>`;
    }
    if (!settings.location_type) return nothing;

    const joinUrl = safeUrl(settings.virtual_location_url, WEB_PROTOCOLS);
    return html`<p class="location" part="location">
      <span class="location-type">${this.t('virtualEvent')}</span>
      ${
        hidden
          ? html`${this.t('separator')}<span>${this.t('locationForAttendees')}</span>`
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

  private renderRsvp(
    event: EventPost,
    settings: EventSettings,
    title: string,
    ended: boolean,
  ): TemplateResult {
    const going = Boolean(event.rsvped_event);
    const limit = settings.rsvp_limit;
    const full = typeof limit === 'number' && limit > 0 && attendeeCount(event) >= limit;

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

  /** A disclosure: the button shows or hides the options; Esc hides them again. */
  private renderCalendar(
    event: EventPost,
    title: string,
    titleId: string,
  ): TemplateResult | typeof nothing {
    const id = event.id;
    if (id === undefined || !hasCalendarTimes(event)) return nothing;

    const open = this.calendarOpenFor === id;
    const menuId = `event-${id}-calendar`;
    const google = googleCalendarUrl(event);
    const outlook = outlookUrl(event);

    return html`<div class="calendar" part="calendar" @keydown=${this.onCalendarKeydown}>
      <button
        class="button calendar-button"
        part="button calendar-button"
        type="button"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${menuId}
        aria-describedby=${titleId}
        @click=${() => (this.calendarOpenFor = open ? undefined : id)}
      >
        ${this.t('addToCalendar')}
      </button>
      <ul
        class="calendar-menu"
        part="calendar-menu"
        id=${menuId}
        aria-label=${this.t('calendarOptions', { title })}
        ?hidden=${!open}
      >
        <li>
          <button
            class="calendar-option"
            part="calendar-option"
            type="button"
            @click=${(click: Event) => this.downloadIcs(event, click)}
          >
            ${this.t('downloadIcs')}
          </button>
        </li>
        ${[[google, 'googleCalendar'] as const, [outlook, 'outlookCalendar'] as const].map(
          ([href, key]) =>
            href
              ? html`<li>
                  <a
                    class="calendar-option"
                    part="calendar-option"
                    href=${href}
                    target="_blank"
                    rel="noopener noreferrer"
                    @click=${this.closeCalendar}
                    >${this.t(key)}</a
                  >
                </li>`
              : nothing,
        )}
      </ul>
    </div>`;
  }

  private onCalendarKeydown(keydown: KeyboardEvent): void {
    if (keydown.key !== 'Escape' || this.calendarOpenFor === undefined) return;

    keydown.preventDefault();
    keydown.stopPropagation();
    this.closeCalendar(keydown);
  }

  /** Hides the options and puts focus back on their button, as the option is about to hide. */
  private closeCalendar(cause: Event): void {
    const wrapper = (cause.currentTarget as Element | null)?.closest('.calendar');
    this.calendarOpenFor = undefined;
    wrapper?.querySelector<HTMLElement>('.calendar-button')?.focus();
  }

  /** Saves the event as an .ics file through a short-lived Blob URL. */
  private downloadIcs(event: EventPost, click: Event): void {
    const zone = event.id === undefined ? undefined : this.eventZones.get(event.id);
    const ics = icsFor(event, zone);
    if (!ics) return;

    const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = icsFileName(event);
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    this.closeCalendar(click);

    // The download has started by the next task; revoking sooner can cancel it in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
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
    let current: Cursor | undefined = cursor;
    let events: EventPost[] = [];

    for (let tries = 0; current && events.length === 0 && tries < MAX_EMPTY_PAGES; tries++) {
      const { records, hasNextPage } = await this.requestPage(api, current, signal);
      const now = Date.now();
      const past = current.past;
      events = records.filter((event) => hasEnded(event, now) === past);
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
    const query = { page: cursor.page, per_page: this.validPerPage(), past_events: cursor.past };

    if (space) {
      const page = await api.get('/spaces/{space_id}/posts', {
        params: { space_id: space },
        query,
        signal,
      });
      const records = (page.records ?? []).filter(isEventPost);
      return { records, hasNextPage: Boolean(page.has_next_page) };
    }

    const page = await api.get('/community_events', { query, signal });
    return { records: page.records ?? [], hasNextPage: Boolean(page.has_next_page) };
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
      api
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
    }
  }

  /** RSVPs or cancels at once, then undoes it visibly if Circle refuses. */
  private async toggleRsvp(event: EventPost): Promise<void> {
    const api = this.sessionController.api;
    const id = event.id;
    if (!api || id === undefined || this.pendingRsvps.has(id)) return;

    const going = Boolean(event.rsvped_event);
    const before = pick(event);
    this.list.update(id, rsvpChanges(event, !going));
    this.pendingRsvps = new Set(this.pendingRsvps).add(id);

    try {
      const options = { params: { event_id: id } };
      const attendee = going
        ? await api.delete('/events/{event_id}/event_attendees', options)
        : await api.post('/events/{event_id}/event_attendees', options);
      if (attendee?.rsvp_status) this.list.update(id, { rsvp_status: attendee.rsvp_status });
    } catch (error) {
      this.list.update(id, before);
      this.reportFailure(going ? 'cancelRsvpFailed' : 'rsvpFailed', error);
    } finally {
      const pending = new Set(this.pendingRsvps);
      pending.delete(id);
      this.pendingRsvps = pending;
    }
  }

  protected override checkAttributes(): string[] {
    const problems = [];
    if (this.validFilter() !== this.filter) {
      problems.push(this.badAttribute('filter', this.filter, FILTERS.join(', '), 'upcoming'));
    }
    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    if (this.timeZone !== undefined && !isTimeZone(this.timeZone)) {
      const expected = this.t('ianaTimeZone');
      problems.push(this.badAttribute('time-zone', this.timeZone, expected, viewerTimeZone()));
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

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }

  private displayZone(): string {
    return this.timeZone && isTimeZone(this.timeZone) ? this.timeZone : viewerTimeZone();
  }
}

/** With `filter="all"` the upcoming pages are read first, then the past ones. */
function cursorAfter(cursor: Cursor, hasNextPage: boolean, filter: Filter): Cursor | undefined {
  if (hasNextPage) return { ...cursor, page: cursor.page + 1 };
  if (filter === 'all' && !cursor.past) return { past: true, page: 1 };
  return undefined;
}

function validDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Over once its end (or, without one, its start) has passed. */
function hasEnded(event: EventPost, now: number): boolean {
  const settings = event.event_setting_attributes;
  const end = validDate(settings?.ends_at) ?? validDate(settings?.starts_at);
  return end !== undefined && end.getTime() <= now;
}

function isEventPost(post: object): post is EventPost {
  return 'event_setting_attributes' in post && Boolean(post.event_setting_attributes);
}

function isRecurring(event: EventPost): boolean {
  return event.event_type === 'recurring' || Boolean(event.recurring_setting_attributes?.frequency);
}

function attendeeCount(event: EventPost): number {
  return event.event_setting_attributes?.rsvp_count ?? event.event_attendees?.count ?? 0;
}

/** The fields an RSVP changes, as they are now, to roll back to. */
function pick(event: EventPost): Partial<EventPost> {
  const { rsvped_event, rsvp_status, event_setting_attributes, event_attendees } = event;
  return { rsvped_event, rsvp_status, event_setting_attributes, event_attendees };
}

function rsvpChanges(event: EventPost, going: boolean): Partial<EventPost> {
  const step = going ? 1 : -1;
  const settings = event.event_setting_attributes ?? {};
  const attendees = event.event_attendees;

  return {
    rsvped_event: going,
    rsvp_status: going ? 'yes' : 'no',
    event_setting_attributes: {
      ...settings,
      rsvp_count: Math.max(0, attendeeCount(event) + step),
    },
    event_attendees:
      attendees?.count === undefined
        ? attendees
        : { ...attendees, count: Math.max(0, attendees.count + step) },
  };
}

if (!customElements.get('circle-events')) customElements.define('circle-events', CircleEvents);

declare global {
  interface HTMLElementTagNameMap {
    'circle-events': CircleEvents;
  }
}
