import { css, html, nothing } from 'lit';
import type { CSSResult, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

import { addDays, formatDayHeading, monthOf } from './event-time.js';
import type { DayKey } from './event-time.js';
import { addMonths, monthWeeks, weekStartDay } from './month-time.js';
import { renderHeading } from '../../utils/heading.js';

/** One event as a day cell shows it. */
export interface MonthGridEvent {
  id: number;
  title: string;
  start: Date;
}

/** The strings the month grid takes from its element's string table. */
export type MonthGridStringKey =
  'previousMonth' | 'nextMonth' | 'today' | 'moreEvents' | 'dayEvents';

/** What one render of the grid needs from its element. */
export interface MonthGridOptions {
  locale: string;
  timeZone: string;
  /** The viewer's today, marked in the grid and shown by the "Today" button. */
  today: DayKey;
  eventsByDay: ReadonlyMap<DayKey, readonly MonthGridEvent[]>;
  /** The element's string lookup. */
  label: (key: MonthGridStringKey, values?: Record<string, string | number>) => string;
  /** The level of the month's name as a heading; 2 by default. */
  headingLevel?: number;
}

/** What the grid tells its element about. */
export interface MonthGridCallbacks {
  /** Another month is shown (`month` 1-12): time to load its events. */
  onMonthChange(year: number, month: number): void;
  /** The reader opened a day with Enter, Space or a click. */
  onDayOpen(day: DayKey): void;
}

/** Event titles a day cell shows before "+N more". */
const VISIBLE_EVENTS = 2;

/** Dots a day shows in a narrow grid, where titles do not fit. */
const MAX_DOTS = 3;

let gridCount = 0;

/**
 * The month view of <circle-events>: a header with month navigation and a keyboard-navigable
 * date grid (the WAI-ARIA date picker grid pattern), rendered into the host's own template.
 * Exactly one day is tabbable; arrow keys, Home/End and PageUp/PageDown move it, and moving
 * into another month shows that month.
 */
export class MonthGrid implements ReactiveController {
  /** The shown year and month (1-12); 0 until a month is shown. */
  year = 0;
  month = 0;

  /** The day that holds the grid's tab stop; always in the shown month. */
  focusedDay: DayKey = '';

  private readonly gridId = `circle-month-grid-${++gridCount}`;
  private today: DayKey = '';
  private firstDay = 1;

  /** Set by keyboard moves: focus the focused day even if its old cell left the page. */
  private moveFocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly callbacks: MonthGridCallbacks,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const root: ParentNode = this.host.shadowRoot ?? this.host;
    const grid = root.querySelector(`#${this.gridId}`);
    const active = this.host.shadowRoot
      ? this.host.shadowRoot.activeElement
      : document.activeElement;
    const focusInGrid = Boolean(grid && active && grid.contains(active));
    if (!this.moveFocus && !focusInGrid) return;

    // The cell that had focus may now show another day, or be gone with a shorter month.
    this.moveFocus = false;
    const cell = grid?.querySelector<HTMLElement>(`[data-day="${this.focusedDay}"]`);
    if (cell && cell !== active) cell.focus();
  }

  /** Shows the month of `day` with `day` as the tab stop; tells the element of a new month. */
  showMonthOf(day: DayKey): void {
    const { year, month } = monthOf(day);
    const monthChanged = year !== this.year || month !== this.month;

    this.focusedDay = day;
    this.year = year;
    this.month = month;
    this.host.requestUpdate();
    if (monthChanged) this.callbacks.onMonthChange(year, month);
  }

  /** The header and the grid of the shown month (today's month before any other). */
  render(options: MonthGridOptions): TemplateResult {
    const { locale, label } = options;
    if (!this.focusedDay) this.adopt(options.today);
    this.today = options.today;
    this.firstDay = weekStartDay(locale);

    const titleId = `${this.gridId}-title`;
    const title = dateFormat(locale, { month: 'long', year: 'numeric' }).format(
      utcDate(dayKeyOf(this.year, this.month, 1)),
    );

    return html`<div class="month-grid" part="month-grid">
      <div class="month-header" part="month-header header">
        ${renderHeading(options.headingLevel ?? 2, title, {
          class: 'month-title',
          part: 'month-title',
          id: titleId,
          'aria-live': 'polite',
        })}
        <button
          type="button"
          class="button month-nav"
          part="button month-nav"
          aria-label=${label('previousMonth')}
          @click=${this.showPreviousMonth}
        >
          <span class="chevron" aria-hidden="true">‹</span>
        </button>
        <button
          type="button"
          class="button month-nav"
          part="button month-nav"
          aria-label=${label('nextMonth')}
          @click=${this.showNextMonth}
        >
          <span class="chevron" aria-hidden="true">›</span>
        </button>
        <button
          type="button"
          class="button month-nav"
          part="button month-nav"
          @click=${this.showToday}
        >
          ${label('today')}
        </button>
      </div>
      <table
        class="grid"
        role="grid"
        id=${this.gridId}
        aria-labelledby=${titleId}
        @keydown=${this.onKeydown}
        @click=${this.onClick}
      >
        <thead>
          <tr>
            ${weekdayNames(locale, this.firstDay).map(
              (name) =>
                html`<th
                  scope="col"
                  class="weekday"
                  part="weekday"
                  abbr=${name.long}
                  aria-label=${name.long}
                >
                  ${name.short}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(this.year, this.month, this.firstDay).map(
            (week) =>
              html`<tr>
                ${week.map((day) => this.renderDay(day, options))}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderDay(day: DayKey, options: MonthGridOptions): TemplateResult {
    const { locale, timeZone, label } = options;
    const events = [...(options.eventsByDay.get(day) ?? [])].sort(
      (first, second) => first.start.getTime() - second.start.getTime(),
    );
    const hiddenCount = events.length - VISIBLE_EVENTS;

    const { year, month } = monthOf(day);
    const outside = year !== this.year || month !== this.month;
    const isToday = day === options.today;
    const parts = ['day', isToday ? 'day-today' : '', outside ? 'day-outside' : '']
      .filter(Boolean)
      .join(' ');

    // The cell's name comes from its content, so it holds the titles a reader sees: first the
    // full date and the count (in place of the bare number), then the titles shown.
    const heading = formatDayHeading(day, locale, timeZone);
    const name = events.length
      ? label('dayEvents', { date: heading, count: events.length })
      : heading;

    const titles = events
      .slice(0, VISIBLE_EVENTS)
      .map(
        (event) =>
          html`<span class="day-event" part="day-event" title=${event.title} dir="auto">
            ${event.title}
          </span>`,
      );
    const more =
      hiddenCount > 0
        ? html`<span class="day-more" part="day-more" aria-hidden="true">
            ${label('moreEvents', { count: hiddenCount })}
          </span>`
        : nothing;
    const dots = events.length
      ? html`<span class="day-dots" aria-hidden="true">
          ${events.slice(0, MAX_DOTS).map(() => html`<span class="day-dot"></span>`)}
        </span>`
      : nothing;

    return html`<td
      role="gridcell"
      class=${parts}
      part=${parts}
      data-day=${day}
      tabindex=${day === this.focusedDay ? 0 : -1}
      aria-current=${isToday ? 'date' : nothing}
    >
      <span class="visually-hidden">${name}</span>
      <span class="day-number" aria-hidden="true">
        ${numberFormat(locale).format(Number(day.slice(8, 10)))}
      </span>
      ${titles} ${more} ${dots}
    </td>`;
  }

  /** Takes `day`'s month as the starting point without telling the element. */
  private adopt(day: DayKey): void {
    const { year, month } = monthOf(day);
    this.focusedDay = day;
    this.year = year;
    this.month = month;
  }

  private readonly showPreviousMonth = () => {
    this.showMonthOf(sameDayMonthsAway(this.focusedDay, -1));
  };

  private readonly showNextMonth = () => {
    this.showMonthOf(sameDayMonthsAway(this.focusedDay, 1));
  };

  private readonly showToday = () => {
    this.showMonthOf(this.today);
  };

  private readonly onClick = (event: MouseEvent) => {
    const day = dayOfCell(event.target);
    if (!day) return;

    this.showMonthOf(day);
    this.callbacks.onDayOpen(day);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    const day = dayOfCell(event.target);
    if (!day || event.altKey || event.ctrlKey || event.metaKey) return;

    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.callbacks.onDayOpen(day);
      return;
    }

    const rtl = getComputedStyle(event.target as Element).direction === 'rtl';
    const target = this.keyTarget(event.key, event.shiftKey, day, rtl);
    if (!target) return;

    event.preventDefault();
    this.moveFocus = true;
    this.showMonthOf(target);
  };

  /** Where a navigation key moves from `day`: by day, week, week edge, month or year. */
  private keyTarget(key: string, shift: boolean, day: DayKey, rtl: boolean): DayKey | undefined {
    const column = (isoWeekday(day) - this.firstDay + 7) % 7;
    switch (key) {
      case 'ArrowLeft':
        return addDays(day, rtl ? 1 : -1);
      case 'ArrowRight':
        return addDays(day, rtl ? -1 : 1);
      case 'ArrowUp':
        return addDays(day, -7);
      case 'ArrowDown':
        return addDays(day, 7);
      case 'Home':
        return addDays(day, -column);
      case 'End':
        return addDays(day, 6 - column);
      case 'PageUp':
        return sameDayMonthsAway(day, shift ? -12 : -1);
      case 'PageDown':
        return sameDayMonthsAway(day, shift ? 12 : 1);
      default:
        return undefined;
    }
  }
}

/** Styles for the month grid; they build on sharedStyles' `.button` and `.visually-hidden`. */
export const monthGridStyles: CSSResult = css`
  .month-grid {
    container-type: inline-size;
  }

  .month-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }

  .month-title {
    margin: 0;
    margin-inline-end: auto;
    font-size: 1.125em;
    font-weight: 600;
  }

  .chevron {
    font-size: 1.25em;
    line-height: 1;
  }

  .chevron:dir(rtl) {
    transform: scaleX(-1);
  }

  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }

  .weekday {
    padding: 0.25rem;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 600;
  }

  .day {
    position: relative;
    height: 5.5rem;
    padding: 0.25rem;
    overflow: hidden;
    vertical-align: top;
    border: 1px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
  }

  .day:hover,
  .day-outside {
    background: var(--_surface-2);
  }

  .day-outside {
    color: var(--_muted);
  }

  .day:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: -3px;
  }

  .day-number {
    display: inline-grid;
    place-items: center;
    min-width: 1.75em;
    height: 1.75em;
    margin-bottom: 0.125rem;
    padding: 0 0.25em;
    /* Transparent, so forced-colors mode still rings today. */
    border: 1px solid transparent;
    border-radius: 999px;
    font-size: 0.875em;
  }

  .day-today .day-number {
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
  }

  .day-event,
  .day-more {
    display: block;
    overflow: hidden;
    font-size: 0.75em;
    white-space: nowrap;
    text-overflow: ellipsis;
  }

  .day-event {
    margin-top: 0.125rem;
    padding: 0 0.25rem;
    border-radius: 0.25rem;
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }

  .day-more {
    color: var(--_muted);
  }

  .day-dots {
    display: none;
    justify-content: center;
    gap: 0.125rem;
  }

  .day-dot {
    width: 0.375rem;
    height: 0.375rem;
    border-radius: 50%;
    background: var(--_accent);
  }

  @container (max-width: 28rem) {
    .day {
      height: 3rem;
      text-align: center;
    }

    .day-event,
    .day-more {
      display: none;
    }

    .day-dots {
      display: flex;
    }
  }
`;

/** The day a grid cell stands for, when `target` is in one. */
function dayOfCell(target: EventTarget | null): DayKey | undefined {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[data-day]') : null;
  return cell?.dataset.day;
}

/** Short and long weekday names in the week order that starts on `firstDay` (1 is Monday). */
function weekdayNames(locale: string, firstDay: number): { short: string; long: string }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const weekday = ((firstDay - 1 + index) % 7) + 1;
    // 1 January 2024 was a Monday, so the Nth of that month is ISO weekday N.
    const date = new Date(Date.UTC(2024, 0, weekday));
    return {
      short: dateFormat(locale, { weekday: 'short' }).format(date),
      long: dateFormat(locale, { weekday: 'long' }).format(date),
    };
  });
}

/** The same day of the month `count` months away, or that month's last day if it is shorter. */
function sameDayMonthsAway(day: DayKey, count: number): DayKey {
  const { year, month } = monthOf(day);
  const target = addMonths(year, month, count);
  const lastDay = new Date(Date.UTC(target.year, target.month, 0)).getUTCDate();
  return dayKeyOf(target.year, target.month, Math.min(Number(day.slice(8, 10)), lastDay));
}

function dayKeyOf(year: number, month: number, dayOfMonth: number): DayKey {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** Midnight UTC of `day`; formatted in UTC, it reads as that calendar date everywhere. */
function utcDate(day: DayKey): Date {
  const { year, month } = monthOf(day);
  return new Date(Date.UTC(year, month - 1, Number(day.slice(8, 10))));
}

/** 1 for Monday through 7 for Sunday. */
function isoWeekday(day: DayKey): number {
  return utcDate(day).getUTCDay() || 7;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A cached formatter for calendar dates (always UTC, see utcDate). */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(cacheKey, format);
  }
  return format;
}

/** Plain numbers for day cells: a date format's `day` adds text in some languages ("3日"). */
function numberFormat(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false });
    numberFormats.set(locale, format);
  }
  return format;
}
