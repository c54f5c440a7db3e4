// <circle-events view="month">: the grid of a month, its events and the panel of the day a reader
// opens. Only month pages need it, so the element fetches this module when it first shows a
// month, alongside the session's token, and shows its loading skeleton until then.
import { css, html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { ApiClient } from '../../api/client.js';
import type { EventPost } from '../../api/types.js';
import type { StringKey } from '../../i18n/strings.js';
import type { HeadingAttributes } from '../../utils/heading.js';
import { endOf, overlaps, startOf, titleOf } from './event-model.js';
import { addDays, dayKey, formatDayHeading, startOfDay } from './event-time.js';
import type { DayKey } from './event-time.js';
import { eventDays, monthWeeks, weekStartDay } from './month-time.js';
import { MonthGrid, monthGridStyles } from './month-grid.js';
import type { MonthGridEvent, MonthGridStringKey } from './month-grid.js';

/** A month asks for this many events a page, and stops after this many pages. */
const MONTH_PAGE_SIZE = 50;
const MAX_MONTH_PAGES = 10;

export const styles = [
  monthGridStyles,
  css`
    /* The day opened from the grid lists its events below it. */
    .day-panel {
      margin-top: var(--_space);
    }
  `,
];

/** What the month view takes from <circle-events>: its settings, texts and event cards. */
export interface MonthHost {
  api(): ApiClient | undefined;
  /** Whether the element shows a month now, rather than a list. */
  showsMonth(): boolean;
  /** The `space` attribute: only that space's events show. */
  space(): string | undefined;
  /** Counts the session's reloads: another member's month is loaded afresh. */
  sessionGeneration(): number;
  locale(): string;
  now(): number;
  displayZone(): string;
  t(key: StringKey, values?: Record<string, string | number>): string;
  headingLevelAt(depth?: number): number;
  renderHeading(depth: number, content: unknown, attributes?: HeadingAttributes): TemplateResult;
  /** An event's card, its title `depth` levels below the element's top headings. */
  renderEvent(event: EventPost, depth: number): TemplateResult;
  renderEmpty(key: StringKey): TemplateResult;
  /** The error and its retry; a "not found" blames the `space` attribute. */
  renderMonthError(error: unknown, retry: () => void): TemplateResult;
  /** Forgets the time zones of the events shown before. */
  resetEventZones(): void;
  /** Asks for the time zones of recurring events. */
  loadEventZones(events: EventPost[]): void;
}

/**
 * The month view: a grid of the shown month with each day's events, which load a month at a
 * time, and under it the events of the day opened from the grid.
 */
export class MonthView {
  /** The events of the shown month's weeks. */
  events: EventPost[] = [];

  /** The day whose events show under the grid. */
  private openDay?: DayKey;

  private readonly grid = new MonthGrid(this.element, {
    onMonthChange: () => (this.openDay = undefined),
    onDayOpen: (day) => void this.openDayPanel(day),
  });

  /** The shown month's events. */
  private readonly loads = new Task(this.element, {
    task: async ([api, showsMonth, year, month, firstDay], { signal }) => {
      if (!api || !showsMonth || !year) return initialState;
      this.host.resetEventZones();

      const events = await this.fetchMonth(api, year, month, firstDay, signal);
      this.events = events;
      this.host.loadEventZones(events);
      return events;
    },
    args: () =>
      [
        this.host.api(),
        this.host.showsMonth(),
        this.grid.year,
        this.grid.month,
        weekStartDay(this.host.locale()),
        this.host.space(),
        // The grid's days run from midnight to midnight in the shown zone.
        this.host.displayZone(),
        this.host.sessionGeneration(),
      ] as const,
  });

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly host: MonthHost,
  ) {
    // Today's month comes first.
    this.grid.showMonthOf(dayKey(host.now(), host.displayZone()));
  }

  /** Loads the month's events again. */
  reload(): void {
    void this.loads.run();
  }

  /** Drops the last member's events, and the day they had open. */
  clear(): void {
    this.events = [];
    this.openDay = undefined;
  }

  /** Changes an event, if the month shows it. */
  patch(id: number, changes: Partial<EventPost>): void {
    if (!this.events.some((event) => event.id === id)) return;
    this.events = this.events.map((event) => (event.id === id ? { ...event, ...changes } : event));
    this.element.requestUpdate();
  }

  /** The grid, "Loading…" or the error under it, and the opened day's events. */
  render(): TemplateResult {
    const host = this.host;
    const zone = host.displayZone();
    const byDay = eventsByDay(this.events, zone);
    const loading = this.loads.status === TaskStatus.PENDING;
    const failed = this.loads.status === TaskStatus.ERROR;

    return html`<div class="month-view" aria-busy=${loading}>
      ${this.grid.render({
        locale: host.locale(),
        timeZone: zone,
        today: dayKey(host.now(), zone),
        eventsByDay: byDay,
        label: (key: MonthGridStringKey, values) => host.t(key, values),
        headingLevel: host.headingLevelAt(),
      })}
      ${
        failed
          ? host.renderMonthError(this.loads.error, () => this.reload())
          : loading
            ? html`<p class="part-loading" part="loading">${host.t('loading')}</p>`
            : nothing
      }
      ${this.openDay ? this.renderDayPanel(this.openDay, byDay.get(this.openDay) ?? []) : nothing}
    </div>`;
  }

  private renderDayPanel(day: DayKey, shown: MonthGridEvent[]): TemplateResult {
    const host = this.host;
    const ids = new Set(shown.map((event) => event.id));
    const events = this.events.filter((event) => ids.has(event.id ?? -1));
    const headingId = `day-panel-${day}`;

    return html`<section class="day-panel" part="day-panel" aria-labelledby=${headingId}>
      ${host.renderHeading(
        1,
        html`<time datetime=${day}>
          ${host.t('eventsOn', {
            date: formatDayHeading(day, host.locale(), host.displayZone(), host.now()),
          })}
        </time>`,
        { class: 'day-heading', id: headingId, tabindex: '-1' },
      )}
      ${
        events.length
          ? html`<ul class="list" part="list">
              ${repeat(
                events,
                (event) => event.id,
                (event) => html`<li class="item">${host.renderEvent(event, 2)}</li>`,
              )}
            </ul>`
          : host.renderEmpty('noEventsOnDay')
      }
    </section>`;
  }

  private async openDayPanel(day: DayKey): Promise<void> {
    this.openDay = day;
    this.element.requestUpdate();
    await this.element.updateComplete;
    const root = this.element.shadowRoot ?? this.element;
    root.querySelector<HTMLElement>('.day-panel .day-heading')?.focus();
  }

  /**
   * Every event that touches the grid's weeks. The date window is widened by a day each way,
   * as the spec does not say in which zone Circle reads its dates; the grid sorts them by day.
   */
  private async fetchMonth(
    api: ApiClient,
    year: number,
    month: number,
    firstDay: number,
    signal: AbortSignal,
  ): Promise<EventPost[]> {
    const weeks = monthWeeks(year, month, firstDay);
    const first = weeks[0][0];
    const last = weeks[weeks.length - 1][6];
    const zone = this.host.displayZone();
    const from = startOfDay(first, zone).getTime();
    const until = startOfDay(addDays(last, 1), zone).getTime();

    const found = new Map<number, EventPost>();
    // TODO: a month with more than MAX_MONTH_PAGES pages of events shows only the first ones.
    for (let page = 1; page <= MAX_MONTH_PAGES; page++) {
      const result = await api.get('/community_events', {
        query: {
          page,
          per_page: MONTH_PAGE_SIZE,
          'filter_date[start_date]': addDays(first, -1),
          'filter_date[end_date]': addDays(last, 1),
        },
        signal,
      });
      for (const event of result.records ?? []) {
        if (event.id !== undefined && this.inSpace(event) && overlaps(event, from, until)) {
          found.set(event.id, event);
        }
      }
      if (!result.has_next_page) break;
    }
    return [...found.values()].sort(
      (a, b) => (startOf(a)?.getTime() ?? 0) - (startOf(b)?.getTime() ?? 0),
    );
  }

  private inSpace(event: EventPost): boolean {
    const space = this.host.space();
    if (!space) return true;
    return String(event.space?.id) === space || event.space?.slug === space;
  }
}

/** Each day's events, an event spanning several days under each of them. */
function eventsByDay(events: EventPost[], zone: string): Map<DayKey, MonthGridEvent[]> {
  const byDay = new Map<DayKey, MonthGridEvent[]>();
  for (const event of events) {
    const start = startOf(event);
    if (!start || event.id === undefined) continue;

    const shown = { id: event.id, title: titleOf(event), start };
    for (const day of eventDays(start, endOf(event), zone)) {
      const list = byDay.get(day) ?? [];
      list.push(shown);
      byDay.set(day, list);
    }
  }
  return byDay;
}
