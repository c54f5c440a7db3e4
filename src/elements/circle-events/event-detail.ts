// What <circle-events>' detail dialog shows of an event, which most pages never open: the event
// in full with its description as rich text, its attendees and a series' dates. The element
// fetches this module when a reader is about to open an event, and draws the dialog around it.
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Task, initialState } from '@lit/task';

import type { ApiClient } from '../../api/client.js';
import type { EventAttendee, EventPost, RecurringEvent } from '../../api/types.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { msgIsolated } from '../../i18n/isolate.js';
import type { StringKey } from '../../i18n/strings.js';
import { renderRichText } from '../../rich-text/render.js';
import type { RichTextOptions } from '../../rich-text/render.js';
import { richTextStyles } from '../../rich-text/rich-text.styles.js';
import { formatEventRange } from '../../utils/format.js';
import { safeUrl } from '../../utils/safe-url.js';
import { WEB_PROTOCOLS } from '../../utils/safe-url.js';
import { detailStyles } from './event-detail.styles.js';
import {
  attendeeCount,
  isFull,
  isRecurring,
  rsvpChanges,
  rsvpFields,
  startOf,
  titleOf,
  validDate,
} from './event-model.js';
import type { EventSettings } from './event-model.js';

/** The rich text's styles, then the detail's own, after the element's. */
export const styles = [richTextStyles, detailStyles];

const ATTENDEES_PER_PAGE = 20;
const DATES_PER_PAGE = 10;

/**
 * "RSVP to all dates" loads the series' remaining dates first, but no more pages than this.
 * TODO: a series with more than MAX_SERIES_PAGES pages of dates gets RSVPs to the first ones.
 */
const MAX_SERIES_PAGES = 100;

/**
 * What the detail takes from <circle-events>: the shown event, its texts, its RSVPs, and the
 * parts of a card it shows the event with.
 */
export interface DetailHost {
  api(): ApiClient | undefined;
  /** The id of the event the dialog shows. */
  detailId(): number | undefined;
  locale(): string;
  now(): number;
  displayZone(): string;
  t(key: StringKey, values?: Record<string, string | number>): string;
  findEvent(id: number): EventPost | undefined;
  /** Changes an event wherever the element shows it. */
  patchEvent(id: number, changes: Partial<EventPost>): void;
  /** Asks the page with `circle-rsvp`; false if it said no. */
  mayRsvp(event: EventPost, going: boolean, ids: number[]): boolean;
  isPending(id: number): boolean;
  setPending(id: number, pending: boolean): void;
  reportFailure(key: StringKey, error: unknown, subject?: string): void;
  withdrawFailure(subject: string): void;
  dispatchError(error: unknown): void;
  /** Says a change politely to screen readers. */
  announce(message: string): void;
  richTextOptions(headingLevel: number): RichTextOptions;
  renderCover(src: string): TemplateResult;
  /** The time, with the series' own zone when it differs. */
  renderTimes(event: EventPost, start: Date): TemplateResult;
  renderLocation(event: EventPost, settings: EventSettings): TemplateResult | typeof nothing;
  renderRsvp(event: EventPost, settings: EventSettings): TemplateResult;
  /** "Add to calendar" and its options, described by the title with `titleId`. */
  renderCalendar(event: EventPost, titleId: string): TemplateResult | typeof nothing;
  renderAvatar(url: unknown, name: string | undefined): TemplateResult;
  renderError(error: unknown, retry: () => void): TemplateResult;
  renderLoadMore(list: LoadMore): TemplateResult | typeof nothing;
}

/**
 * The event in the detail dialog: it loads the attendees and dates of each event the dialog
 * opens, and RSVPs to one date of a series or to several at once.
 */
export class EventDetail {
  /** The dates of the open series the member ticked to RSVP to. */
  private chosenDates = new Set<number>();

  private seriesSaving = false;

  /** Whether "RSVP to all dates" is loading the series' remaining dates. */
  private loadingAllDates = false;

  private readonly attendees: PagedList<EventAttendee, number>;
  private readonly seriesDates: PagedList<RecurringEvent, number>;

  /** The attendees and series dates, loaded when an event opens. */
  private readonly loads: Task;

  constructor(
    private readonly element: ReactiveControllerHost,
    private readonly host: DetailHost,
  ) {
    this.attendees = new PagedList(element, {
      fetchPage: (page, signal) => this.fetchAttendees(page, signal),
      onError: (error) => host.dispatchError(error),
    });
    this.seriesDates = new PagedList(element, {
      fetchPage: (page, signal) => this.fetchSeriesDates(page, signal),
      // While "RSVP to all dates" loads the rest, its own failure message reports the error.
      onError: (error) => (this.loadingAllDates ? undefined : host.dispatchError(error)),
    });
    this.loads = new Task(element, {
      task: async ([api, id], { signal }) => {
        const event = id === undefined ? undefined : host.findEvent(id);
        // Each opening starts with no dates ticked.
        this.chosenDates = new Set();
        if (!api || !event) return initialState;

        const loads: Promise<unknown>[] = [];
        if (event.event_setting_attributes?.hide_attendees) this.attendees.clear();
        else loads.push(this.attendees.loadFirst(1, signal));
        if (isRecurring(event) && event.space?.id !== undefined) {
          loads.push(this.seriesDates.loadFirst(1, signal));
        } else {
          this.seriesDates.clear();
        }
        await Promise.all(loads);
        return true;
      },
      args: () => [host.api(), host.detailId()] as const,
    });
  }

  /** Settles once the open event's attendees and dates have loaded or failed. */
  get loaded(): Promise<unknown> {
    return this.loads.taskComplete.catch(() => undefined);
  }

  /** Drops the last member's attendees and dates. */
  clear(): void {
    this.attendees.clear();
    this.seriesDates.clear();
  }

  /** Loads the attendees of the open event again, after the member's RSVP changed them. */
  reloadAttendees(): void {
    void this.attendees.loadFirst(1, new AbortController().signal).catch(() => undefined);
  }

  /**
   * After "Load more", focus goes to the first new date's control, or to the attendee list,
   * whose names are not controls.
   */
  loadedItemTarget(root: ParentNode, list: LoadMore, items: unknown[]): HTMLElement | null {
    if (list === this.seriesDates) {
      const id = (items[0] as { id?: number }).id;
      const date = root.querySelector(`[data-date="${id}"]`);
      return date?.querySelector<HTMLElement>('input:not([disabled]), button') ?? null;
    }
    if (list === this.attendees) return root.querySelector<HTMLElement>('.attendee-list');
    return null;
  }

  /**
   * The cover, the event as its card has it, the whole description, then the series' dates and
   * the attendees once they have loaded.
   */
  render(event: EventPost): TemplateResult {
    const host = this.host;
    const settings: EventSettings = event.event_setting_attributes ?? {};
    const cover = safeUrl(event.cover_image, WEB_PROTOCOLS);
    const start = startOf(event);
    const url = safeUrl(event.url, WEB_PROTOCOLS);
    const author = event.author;
    const titleId = 'detail-title';

    return html`${cover ? host.renderCover(cover) : nothing}
      <div class="details">
        <h2 class="title" part="title" id=${titleId} dir="auto">${titleOf(event)}</h2>
        ${start ? host.renderTimes(event, start) : nothing} ${host.renderLocation(event, settings)}
        ${
          author?.name
            ? html`<p class="host" part="host">
                ${host.renderAvatar(author.avatar_url, author.name)}
                <span>${msgIsolated('hostedBy', { name: author.name }, host.locale())}</span>
              </p>`
            : nothing
        }
        <div class="actions" part="actions">${host.renderRsvp(event, settings)}</div>
        ${host.renderCalendar(event, titleId)}
        <div class="body rich-text" part="body">
          ${renderRichText(event.tiptap_body, event.body_plain_text, host.richTextOptions(2))}
        </div>
        ${this.loads.render({
          pending: () => html`<p class="detail-loading">${host.t('loading')}</p>`,
          error: (error) => host.renderError(error, () => void this.loads.run()),
          complete: () => html`${this.renderSeries(event)}${this.renderAttendees(event, settings)}`,
        })}
        ${
          url
            ? html`<a class="open-link" href=${url} target="_blank" rel="noopener noreferrer"
                >${host.t('viewOnCircle')}</a
              >`
            : nothing
        }
      </div>`;
  }

  private renderAttendees(
    event: EventPost,
    settings: EventSettings,
  ): TemplateResult | typeof nothing {
    if (settings.hide_attendees) return nothing;

    const host = this.host;
    const count = attendeeCount(event);
    return html`<section class="attendee-section" aria-labelledby="detail-attendees">
      <h3 id="detail-attendees" tabindex="-1">${host.t('attendees', { count })}</h3>
      ${
        this.attendees.items.length
          ? html`<ul class="attendee-list" part="attendee-list" tabindex="-1">
              ${repeat(
                this.attendees.items,
                (attendee) => attendee.id,
                (attendee) =>
                  html`<li class="attendee" part="attendee">
                    ${host.renderAvatar(attendee.avatar_url, attendee.name)}
                    <bdi>${attendee.name || host.t('unknownMember')}</bdi>
                  </li>`,
              )}
            </ul>`
          : html`<p class="muted">${host.t('noAttendees')}</p>`
      }
      ${host.renderLoadMore(this.attendees)}
    </section>`;
  }

  /** A series' next dates: tick some and RSVP to them, RSVP to all, or cancel one. */
  private renderSeries(event: EventPost): TemplateResult | typeof nothing {
    if (!isRecurring(event)) return nothing;

    const host = this.host;
    const now = host.now();
    const dates = this.seriesDates.items.filter((date) => date.id !== event.id);
    const open = dates.filter((date) => canRsvpOccurrence(date, now) && date.id !== undefined);
    const chosen = open.filter((date) => this.chosenDates.has(date.id!));
    const settings = event.event_setting_attributes ?? {};
    const canRsvp = !settings.rsvp_disabled;

    return html`<section class="series" part="series" aria-labelledby="detail-series">
      <h3 id="detail-series">${host.t('nextDates')}</h3>
      ${
        dates.length
          ? html`<fieldset class="series-dates" ?disabled=${!canRsvp}>
              <legend class="visually-hidden">${host.t('chooseDates')}</legend>
              <ul>
                ${repeat(
                  dates,
                  (date) => date.id,
                  (date) => this.renderSeriesDate(date, now),
                )}
              </ul>
            </fieldset>`
          : html`<p class="muted">${host.t('noMoreDates')}</p>`
      }
      ${host.renderLoadMore(this.seriesDates)}
      ${
        canRsvp && open.length
          ? html`<div class="series-actions" part="series-rsvp">
              <button
                class="button primary"
                part="button"
                type="button"
                aria-disabled=${this.seriesSaving || !chosen.length ? 'true' : 'false'}
                @click=${() => void this.rsvpToDates(event, chosen)}
              >
                ${
                  chosen.length
                    ? host.t('rsvpChosenDates', { count: chosen.length })
                    : host.t('rsvpNoDatesChosen')
                }
              </button>
              <button
                class="button"
                part="button"
                type="button"
                aria-disabled=${this.seriesSaving ? 'true' : 'false'}
                @click=${() => void this.rsvpToAllDates(event)}
              >
                ${host.t('rsvpAllDates')}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  private renderSeriesDate(date: RecurringEvent, now: number): TemplateResult {
    const host = this.host;
    const id = date.id ?? -1;
    const start = validDate(date.starts_at);
    const end = validDate(date.ends_at);
    const when = start ? formatEventRange(start, end, host.locale(), host.displayZone()) : '';
    const inputId = `series-date-${id}`;
    const full = isFull(date.rsvp_limit, date.rsvp_count ?? 0);

    if (date.rsvped_event) {
      return html`<li class="series-date" part="series-date" data-date=${id}>
        <span>${when}</span>
        <span class="going" part="going">${host.t('going')}</span>
        <button
          class="button"
          part="button"
          type="button"
          aria-label=${host.t('cancelRsvpFor', { title: when })}
          aria-disabled=${host.isPending(id) ? 'true' : 'false'}
          @click=${() => void this.cancelDate(date)}
        >
          ${host.t('cancelRsvp')}
        </button>
      </li>`;
    }

    return html`<li class="series-date" part="series-date" data-date=${id}>
      <input
        type="checkbox"
        id=${inputId}
        .checked=${this.chosenDates.has(id)}
        ?disabled=${!canRsvpOccurrence(date, now)}
        @change=${(change: Event) =>
          this.chooseDate(id, (change.target as HTMLInputElement).checked)}
      />
      <label for=${inputId}>${when}</label>
      ${
        full
          ? html`<span class="rsvp-state" part="rsvp-state">${host.t('eventFull')}</span>`
          : nothing
      }
    </li>`;
  }

  private chooseDate(id: number, chosen: boolean): void {
    const next = new Set(this.chosenDates);
    if (chosen) next.add(id);
    else next.delete(id);
    this.chosenDates = next;
    this.element.requestUpdate();
  }

  private setSaving(saving: boolean): void {
    this.seriesSaving = saving;
    this.element.requestUpdate();
  }

  private async fetchAttendees(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<EventAttendee, number>> {
    const api = this.host.api();
    const id = this.host.detailId();
    if (!api || id === undefined) return { items: [] };

    const result = await api.get('/events/{event_id}/event_attendees', {
      params: { event_id: id },
      query: { page, per_page: ATTENDEES_PER_PAGE },
      signal,
    });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  private async fetchSeriesDates(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<RecurringEvent, number>> {
    const api = this.host.api();
    const id = this.host.detailId();
    const event = id === undefined ? undefined : this.host.findEvent(id);
    const spaceId = event?.space?.id;
    if (!api || event?.id === undefined || spaceId === undefined) return { items: [] };

    const result = await api.get('/spaces/{space_id}/events/{event_id}/recurring_events', {
      params: { space_id: spaceId, event_id: event.id },
      query: { page, per_page: DATES_PER_PAGE },
      signal,
    });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  /**
   * RSVPs to every upcoming date of the series the member can still RSVP to, not just the
   * dates shown so far: the remaining pages of dates load first, and show once they have.
   */
  private async rsvpToAllDates(event: EventPost): Promise<void> {
    if (this.seriesSaving) return;
    this.setSaving(true);
    this.loadingAllDates = true;
    try {
      for (let page = 0; this.seriesDates.hasMore && page < MAX_SERIES_PAGES; page++) {
        await this.seriesDates.loadMore();
        if (this.seriesDates.error) {
          this.host.reportFailure('rsvpDatesFailed', this.seriesDates.error, `series-${event.id}`);
          return;
        }
      }
    } finally {
      this.loadingAllDates = false;
      this.setSaving(false);
    }
    // The member may have closed the detail, or opened another event, while the dates loaded.
    if (this.host.detailId() !== event.id) return;

    const now = this.host.now();
    const open = this.seriesDates.items.filter(
      (date) => date.id !== event.id && date.id !== undefined && canRsvpOccurrence(date, now),
    );
    await this.rsvpToDates(event, open);
  }

  /** RSVPs to several dates of a series in one request, through the series' RSVP endpoint. */
  private async rsvpToDates(event: EventPost, dates: RecurringEvent[]): Promise<void> {
    const host = this.host;
    const api = host.api();
    const spaceId = event.space?.id;
    const ids = dates.map((date) => date.id).filter((id): id is number => id !== undefined);
    if (!api || spaceId === undefined || event.id === undefined || !ids.length) return;
    if (this.seriesSaving || !host.mayRsvp(event, true, ids)) return;

    const before = new Map(dates.map((date) => [date.id!, { ...date }]));
    const listed = ids.map((id) => host.findEvent(id)).filter((found) => found !== undefined);
    const listedBefore = listed.map((found) => [found.id!, rsvpFields(found)] as const);

    for (const date of dates) this.seriesDates.update(date.id!, occurrenceGoing(date));
    for (const found of listed) host.patchEvent(found.id!, rsvpChanges(found, true));
    this.setSaving(true);

    try {
      await api.put('/spaces/{space_id}/events/{event_id}/recurring_events/rsvp', {
        params: { space_id: spaceId, event_id: event.id },
        body: { event_ids: ids },
      });
      this.chosenDates = new Set();
      host.withdrawFailure(`series-${event.id}`);
      host.announce(host.t('rsvpedToDates', { count: ids.length }));
    } catch (error) {
      for (const [id, date] of before) this.seriesDates.update(id, date);
      for (const [id, fields] of listedBefore) host.patchEvent(id, fields);
      host.reportFailure('rsvpDatesFailed', error, `series-${event.id}`);
    } finally {
      this.setSaving(false);
    }
  }

  /** Cancels the RSVP to one date of a series. */
  private async cancelDate(date: RecurringEvent): Promise<void> {
    const host = this.host;
    const api = host.api();
    const id = date.id;
    const detailId = host.detailId();
    const event = detailId === undefined ? undefined : host.findEvent(detailId);
    if (!api || !event || id === undefined || host.isPending(id)) return;
    if (!host.mayRsvp(event, false, [id])) return;

    const before = { ...date };
    this.seriesDates.update(id, {
      rsvped_event: false,
      rsvp_count: Math.max(0, (date.rsvp_count ?? 0) - 1),
    });
    host.setPending(id, true);

    try {
      await api.delete('/events/{event_id}/event_attendees', { params: { event_id: id } });
      const listed = host.findEvent(id);
      if (listed?.rsvped_event) host.patchEvent(id, rsvpChanges(listed, false));
      host.withdrawFailure(`rsvp-${id}`);
    } catch (error) {
      this.seriesDates.update(id, before);
      host.reportFailure('cancelRsvpFailed', error, `rsvp-${id}`);
    } finally {
      host.setPending(id, false);
    }
  }
}

/** An occurrence of a series as it will be once the member's RSVP to it is saved. */
function occurrenceGoing(occurrence: RecurringEvent): Partial<RecurringEvent> {
  return { rsvped_event: true, rsvp_count: (occurrence.rsvp_count ?? 0) + 1 };
}

/** Whether the member may RSVP to an occurrence of a series now. */
function canRsvpOccurrence(occurrence: RecurringEvent, now: number): boolean {
  const end = validDate(occurrence.ends_at) ?? validDate(occurrence.starts_at);
  const ended = end !== undefined && end.getTime() <= now;
  return (
    !ended && !occurrence.rsvped_event && !isFull(occurrence.rsvp_limit, occurrence.rsvp_count ?? 0)
  );
}
