import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';

import { axeViolations, shadow, shadowAll, textOf } from './support/dom.js';
import { sharedStyles } from '../src/styles/shared.styles.js';
import type { DayKey } from '../src/elements/circle-events/event-time.js';
import { MonthGrid, monthGridStyles } from '../src/elements/circle-events/month-grid.js';
import type {
  MonthGridEvent,
  MonthGridStringKey,
} from '../src/elements/circle-events/month-grid.js';

/** The English texts the element's string table will hold for the grid. */
const STRINGS: Record<MonthGridStringKey, string | { one: string; other: string }> = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  today: 'Today',
  moreEvents: { one: '+{count} more', other: '+{count} more' },
  dayEvents: { one: '{date}, {count} event', other: '{date}, {count} events' },
};

function label(key: MonthGridStringKey, values: Record<string, string | number> = {}): string {
  const value = STRINGS[key];
  const template =
    typeof value === 'string'
      ? value
      : new Intl.PluralRules('en').select(Number(values.count)) === 'one'
        ? value.one
        : value.other;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}

/** A Thursday; 1 December 2026 is a Tuesday and 31 December a Thursday. */
const TODAY = '2026-12-10';

function at(day: DayKey, time: string): Date {
  return new Date(`${day}T${time}:00Z`);
}

/** Three events on 3 December (listed out of time order) and one on the 15th. */
function sampleEvents(): Map<DayKey, MonthGridEvent[]> {
  return new Map([
    [
      '2026-12-03',
      [
        { id: 1, title: 'Evening meetup', start: at('2026-12-03', '18:00') },
        { id: 2, title: 'Morning yoga', start: at('2026-12-03', '07:00') },
        { id: 3, title: 'Lunch and learn', start: at('2026-12-03', '12:00') },
      ],
    ],
    ['2026-12-15', [{ id: 4, title: 'Book club', start: at('2026-12-15', '17:00') }]],
  ]);
}

/** A bare element that shows the month grid, as <circle-events> does. */
class MonthGridHost extends LitElement {
  static override styles = [sharedStyles, monthGridStyles];

  locale = 'en-US';
  eventsByDay = sampleEvents();
  monthChanges: [number, number][] = [];
  openedDays: DayKey[] = [];

  readonly grid = new MonthGrid(this, {
    onMonthChange: (year, month) => this.monthChanges.push([year, month]),
    onDayOpen: (day) => this.openedDays.push(day),
  });

  override render() {
    return this.grid.render({
      locale: this.locale,
      timeZone: 'UTC',
      today: TODAY,
      eventsByDay: this.eventsByDay,
      label,
    });
  }
}
customElements.define('month-grid-host', MonthGridHost);

interface MountOptions {
  locale?: string;
  /** A day whose month is shown first, instead of today's. */
  showing?: DayKey;
  width?: string;
}

async function mount(options: MountOptions = {}): Promise<MonthGridHost> {
  const host = document.createElement('month-grid-host') as MonthGridHost;
  host.locale = options.locale ?? 'en-US';
  if (options.showing) host.grid.showMonthOf(options.showing);

  await fixture(html`<div style="width: ${options.width ?? '48rem'}">${host}</div>`);
  await host.updateComplete;
  return host;
}

function title(host: MonthGridHost): string {
  return textOf(shadow(host, '[part~="month-title"]'));
}

function cells(host: MonthGridHost): HTMLElement[] {
  return shadowAll(host, '[role="gridcell"]');
}

/** What a screen reader takes a day cell's name from: its text, less what is aria-hidden. */
function spokenName(node: Element | null | undefined): string {
  if (!node) return '';
  const parts = [...node.childNodes].map((child) => {
    if (child instanceof Element) {
      return child.getAttribute('aria-hidden') === 'true' ? '' : spokenName(child);
    }
    return child.nodeType === Node.TEXT_NODE ? (child.textContent ?? '') : '';
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The day cell whose name has `date`, such as "December 3" or "3 December". */
function cell(host: MonthGridHost, date: string): HTMLElement {
  const name = new RegExp(`\\b${date}(,|$| )`);
  const match = cells(host).find((day) => name.test(spokenName(day)));
  if (!match) throw new Error(`no cell for ${date}`);
  return match;
}

function button(host: MonthGridHost, name: string): HTMLButtonElement {
  const match = shadowAll<HTMLButtonElement>(host, '[part~="month-nav"]').find(
    (candidate) => (candidate.getAttribute('aria-label') ?? textOf(candidate)) === name,
  );
  if (!match) throw new Error(`no button named ${name}`);
  return match;
}

function focusedName(host: MonthGridHost): string {
  return spokenName(host.shadowRoot!.activeElement);
}

function tabbable(host: MonthGridHost): HTMLElement[] {
  return cells(host).filter((day) => day.tabIndex === 0);
}

async function press(host: MonthGridHost, key: string): Promise<void> {
  await sendKeys({ press: key });
  await host.updateComplete;
}

/** Focuses a day with the keyboard's focus ring, as a reader arriving with Tab would. */
async function focusDay(host: MonthGridHost, date: string): Promise<void> {
  cell(host, date).focus();
  await host.updateComplete;
}

describe('month grid', () => {
  it('heads the month with its name, year and navigation buttons', async () => {
    const host = await mount();

    expect(title(host)).to.equal('December 2026');
    const names = shadowAll(host, '[part~="month-nav"]').map(
      (nav) => nav.getAttribute('aria-label') ?? textOf(nav),
    );
    expect(names).to.deep.equal(['Previous month', 'Next month', 'Today']);
    const grid = shadow(host, '[role="grid"]')!;
    const titleId = shadow(host, '[part~="month-title"]')!.id;
    expect(grid.getAttribute('aria-labelledby')).to.equal(titleId);
  });

  it('starts the week on Sunday in en-US', async () => {
    const host = await mount({ locale: 'en-US' });
    const weekdays = shadowAll(host, '[part~="weekday"]');

    expect(weekdays.map(textOf)).to.deep.equal(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(weekdays.map((weekday) => weekday.getAttribute('aria-label'))).to.deep.equal([
      'Sunday',
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
    ]);
    expect(weekdays[0].getAttribute('abbr')).to.equal('Sunday');
  });

  it('starts the week on Monday in en-GB and German', async () => {
    const british = await mount({ locale: 'en-GB' });
    expect(shadowAll(british, '[part~="weekday"]').map(textOf)).to.deep.equal([
      'Mon',
      'Tue',
      'Wed',
      'Thu',
      'Fri',
      'Sat',
      'Sun',
    ]);

    const german = await mount({ locale: 'de' });
    expect(title(german)).to.equal('Dezember 2026');
    expect(
      shadowAll(german, '[part~="weekday"]').map((weekday) => weekday.getAttribute('aria-label')),
    ).to.deep.equal([
      'Montag',
      'Dienstag',
      'Mittwoch',
      'Donnerstag',
      'Freitag',
      'Samstag',
      'Sonntag',
    ]);
  });

  it('lays out whole weeks and dims the days of the months around', async () => {
    const host = await mount();
    const days = cells(host);

    // Sunday 29 November to Saturday 2 January: five weeks.
    expect(shadowAll(host, '[role="grid"] tbody tr')).to.have.length(5);
    expect(days).to.have.length(35);
    expect(textOf(days[0].querySelector('.day-number'))).to.equal('29');
    expect(textOf(days[34].querySelector('.day-number'))).to.equal('2');

    const outside = shadowAll(host, '[part~="day-outside"]');
    expect(outside.map((day) => textOf(day.querySelector('.day-number')))).to.deep.equal([
      '29',
      '30',
      '1',
      '2',
    ]);
    const inMonth = getComputedStyle(cell(host, 'December 2'));
    const dimmed = getComputedStyle(outside[0]);
    expect(dimmed.color).not.to.equal(inMonth.color);
    expect(dimmed.backgroundColor).not.to.equal(inMonth.backgroundColor);

    // February 2026 begins on a Sunday and fills exactly four weeks.
    const february = await mount({ showing: '2026-02-14' });
    expect(cells(february)).to.have.length(28);
    expect(shadowAll(february, '[part~="day-outside"]')).to.have.length(0);

    // August 2026 begins on a Saturday and needs six.
    const august = await mount({ showing: '2026-08-14' });
    expect(cells(august)).to.have.length(42);
  });

  it('marks today', async () => {
    const host = await mount();
    const current = shadowAll(host, '[aria-current="date"]');

    expect(current).to.have.length(1);
    expect(current[0]).to.equal(cell(host, 'December 10'));
    expect(current[0].getAttribute('part')).to.contain('day-today');
  });

  it('shows the first two event titles of a day, then how many more', async () => {
    const host = await mount();
    const busy = cell(host, 'December 3');

    expect([...busy.querySelectorAll('[part~="day-event"]')].map(textOf)).to.deep.equal([
      'Morning yoga',
      'Lunch and learn',
    ]);
    expect(textOf(busy.querySelector('[part~="day-more"]'))).to.equal('+1 more');
    expect(spokenName(busy)).to.match(
      /^Thursday, December 3(, 2026)?, 3 events Morning yoga Lunch and learn$/,
    );

    const single = cell(host, 'December 15');
    expect([...single.querySelectorAll('[part~="day-event"]')].map(textOf)).to.deep.equal([
      'Book club',
    ]);
    expect(single.querySelector('[part~="day-more"]')).to.equal(null);
    expect(spokenName(single)).to.match(/^Tuesday, December 15(, 2026)?, 1 event Book club$/);
    expect(spokenName(cell(host, 'December 4'))).to.match(/^Friday, December 4(, 2026)?$/);
  });

  it('hides event titles in a narrow column and leaves a dot per event', async () => {
    const wide = await mount();
    const wideDay = cell(wide, 'December 3');
    expect(wideDay.querySelector('[part~="day-event"]')!.checkVisibility()).to.equal(true);
    expect(wideDay.querySelector('.day-dots')!.checkVisibility()).to.equal(false);

    const narrow = await mount({ width: '20rem' });
    const narrowDay = cell(narrow, 'December 3');
    expect(narrowDay.querySelector('[part~="day-event"]')!.checkVisibility()).to.equal(false);
    expect(narrowDay.querySelector('[part~="day-more"]')!.checkVisibility()).to.equal(false);
    expect(narrowDay.querySelector('.day-dots')!.checkVisibility()).to.equal(true);
    expect(narrowDay.querySelectorAll('.day-dot')).to.have.length(3);

    // All seven columns still fit.
    const grid = shadow(narrow, '[role="grid"]')!;
    expect(grid.getBoundingClientRect().width).to.be.at.most(narrow.getBoundingClientRect().width);
  });

  it('has one tab stop in the grid, on today, right after the header buttons', async () => {
    const host = await mount();

    expect(tabbable(host)).to.deep.equal([cell(host, 'December 10')]);
    button(host, 'Today').focus();
    await press(host, 'Tab');
    expect(host.shadowRoot!.activeElement).to.equal(cell(host, 'December 10'));
  });

  it('moves by day with the left and right arrows and by week with up and down', async () => {
    const host = await mount();
    await focusDay(host, 'December 10');

    await press(host, 'ArrowRight');
    expect(focusedName(host)).to.match(/^Friday, December 11/);
    await press(host, 'ArrowDown');
    expect(focusedName(host)).to.match(/^Friday, December 18/);
    await press(host, 'ArrowLeft');
    expect(focusedName(host)).to.match(/^Thursday, December 17/);
    await press(host, 'ArrowUp');
    expect(focusedName(host)).to.match(/^Thursday, December 10/);

    expect(tabbable(host)).to.deep.equal([cell(host, 'December 10')]);
    expect(host.monthChanges).to.deep.equal([]);
  });

  it('moves to the start and end of the week with Home and End', async () => {
    const american = await mount({ locale: 'en-US' });
    await focusDay(american, 'December 10');
    await press(american, 'Home');
    expect(focusedName(american)).to.match(/^Sunday, December 6/);
    await press(american, 'End');
    expect(focusedName(american)).to.match(/^Saturday, December 12/);

    const british = await mount({ locale: 'en-GB' });
    await focusDay(british, '10 December');
    await press(british, 'Home');
    expect(focusedName(british)).to.match(/^Monday 7 December/);
    await press(british, 'End');
    expect(focusedName(british)).to.match(/^Sunday 13 December/);
  });

  it('crosses into the next or previous month with the arrow keys', async () => {
    const host = await mount({ showing: '2026-12-31' });
    host.monthChanges = [];
    await focusDay(host, 'December 31');

    await press(host, 'ArrowRight');
    expect(title(host)).to.equal('January 2027');
    expect(focusedName(host)).to.match(/^Friday, January 1, 2027/);
    expect(host.monthChanges).to.deep.equal([[2027, 1]]);

    await press(host, 'ArrowUp');
    expect(title(host)).to.equal('December 2026');
    expect(focusedName(host)).to.match(/^Friday, December 25/);
    expect(host.monthChanges).to.deep.equal([
      [2027, 1],
      [2026, 12],
    ]);
    expect(tabbable(host)).to.deep.equal([cell(host, 'December 25')]);
  });

  it('turns the month with PageUp and PageDown, keeping the day where it exists', async () => {
    const host = await mount({ showing: '2026-12-31' });
    host.monthChanges = [];
    await focusDay(host, 'December 31');

    await press(host, 'PageDown');
    expect(title(host)).to.equal('January 2027');
    expect(focusedName(host)).to.match(/^Sunday, January 31, 2027/);

    await press(host, 'PageDown');
    expect(title(host)).to.equal('February 2027');
    expect(focusedName(host)).to.match(/^Sunday, February 28, 2027/);

    await press(host, 'PageUp');
    expect(title(host)).to.equal('January 2027');
    expect(focusedName(host)).to.match(/^Thursday, January 28, 2027/);

    expect(host.monthChanges).to.deep.equal([
      [2027, 1],
      [2027, 2],
      [2027, 1],
    ]);
    expect(tabbable(host)).to.have.length(1);
  });

  it('keeps focus on the day when its old cell leaves the grid', async () => {
    // August 2026 has six weeks and September five; the 31st sits in the sixth row.
    const host = await mount({ showing: '2026-08-31' });
    await focusDay(host, 'August 31');

    await press(host, 'PageDown');
    expect(title(host)).to.equal('September 2026');
    expect(shadowAll(host, '[role="grid"] tbody tr')).to.have.length(5);
    expect(focusedName(host)).to.match(/^Wednesday, September 30/);
  });

  it('opens the focused day with Enter or Space, and a day on click', async () => {
    const host = await mount();
    await focusDay(host, 'December 10');

    await press(host, 'ArrowLeft');
    await press(host, 'Enter');
    expect(host.openedDays).to.deep.equal(['2026-12-09']);

    await press(host, 'ArrowDown');
    await press(host, 'Space');
    expect(host.openedDays).to.deep.equal(['2026-12-09', '2026-12-16']);

    const busy = cell(host, 'December 3');
    const box = busy.getBoundingClientRect();
    const x = Math.round(box.x + box.width / 2);
    const y = Math.round(box.y + box.height / 2);
    await sendMouse({ type: 'click', position: [x, y] });
    await host.updateComplete;
    expect(host.openedDays).to.deep.equal(['2026-12-09', '2026-12-16', '2026-12-03']);
    expect(tabbable(host)).to.deep.equal([busy]);
  });

  it('shows another month with the buttons, keeping focus on the button', async () => {
    const host = await mount();

    const next = button(host, 'Next month');
    next.focus();
    await press(host, 'Enter');
    expect(title(host)).to.equal('January 2027');
    expect(host.shadowRoot!.activeElement).to.equal(next);
    expect(tabbable(host)).to.deep.equal([cell(host, 'January 10, 2027')]);
    expect(shadowAll(host, '[aria-current="date"]')).to.deep.equal([]);

    button(host, 'Previous month').click();
    button(host, 'Previous month').click();
    await host.updateComplete;
    expect(title(host)).to.equal('November 2026');

    button(host, 'Today').click();
    await host.updateComplete;
    expect(title(host)).to.equal('December 2026');
    expect(tabbable(host)).to.deep.equal([cell(host, 'December 10')]);
    expect(host.monthChanges).to.deep.equal([
      [2027, 1],
      [2026, 12],
      [2026, 11],
      [2026, 12],
    ]);
  });

  it('rings the focused day in the accent colour', async () => {
    const host = await mount();
    host.style.setProperty('--circle-color-accent', 'rgb(200, 0, 100)');
    await focusDay(host, 'December 10');
    await press(host, 'ArrowRight');

    const focused = cell(host, 'December 11');
    expect(host.shadowRoot!.activeElement).to.equal(focused);
    expect(focused.matches(':focus-visible')).to.equal(true);
    const style = getComputedStyle(focused);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    expect(style.outlineColor).to.equal('rgb(200, 0, 100)');
  });

  it('has no axe violations, wide or narrow', async () => {
    const wide = await mount();
    expect(await axeViolations(wide)).to.deep.equal([]);

    const narrow = await mount({ width: '20rem', locale: 'de' });
    expect(await axeViolations(narrow)).to.deep.equal([]);
  });
});
