// Calendar days and live labels for <circle-events>, through Intl only; month-time.ts builds the
// month view's weeks on them.

/** A calendar day in some zone, as 'YYYY-MM-DD'. */
export type DayKey = string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long an event without a (valid) end is taken to last. */
export const ASSUMED_DURATION = HOUR;

/** How early before its start an event reads "in N minutes". */
export const SOON_WINDOW = HOUR;

/** The longest delay `setTimeout` keeps; a longer one fires at once. */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** The calendar fields a zone's clocks show at an instant; `month` is 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

/** The day an instant falls on in `timeZone`. Throws a RangeError for an unknown zone. */
export function dayKey(instant: Date | number, timeZone: string): DayKey {
  const clock = wallClock(Number(instant), timeZone);
  return toKey(clock.year, clock.month, clock.day);
}

/**
 * The first instant of `day` in `timeZone`: its midnight, or when midnight is skipped by a
 * clock change, the moment the clocks jump into the day.
 */
export function startOfDay(day: DayKey, timeZone: string): Date {
  const [year, month, date] = parseDay(day);
  const guess = zonedInstant(year, month, date, 0, timeZone);
  if (dayKey(guess, timeZone) === day && dayKey(guess - 1, timeZone) < day) return new Date(guess);

  // Midnight fell in a gap (or was repeated): find the first instant whose day is `day` or later,
  // between two instants that lie before and after it in every zone.
  const utcMidnight = Date.UTC(year, month - 1, date);
  let before = utcMidnight - 2 * DAY;
  let after = utcMidnight + 2 * DAY;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (dayKey(middle, timeZone) < day) before = middle;
    else after = middle;
  }
  return new Date(after);
}

/** The day `count` days after `day` (before it when negative); plain calendar arithmetic. */
export function addDays(day: DayKey, count: number): DayKey {
  const [year, month, date] = parseDay(day);
  const moved = utcDate(year, month, date + count);
  return toKey(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The month a day belongs to; `month` is 1–12. */
export function monthOf(day: DayKey): { year: number; month: number } {
  const [year, month] = parseDay(day);
  return { year, month };
}

/** Where an event stands from the viewer's point of view, for its live label. */
export type LiveState =
  | { kind: 'live' }
  | { kind: 'soon'; minutes: number }
  | { kind: 'today' }
  | { kind: 'later' }
  | { kind: 'ended' };

/**
 * Whether the event is on now ('live', from its start until its end), starts within the hour
 * ('soon', in whole minutes rounded up), starts later on today's date in `timeZone` ('today'),
 * on a later day ('later'), or is over ('ended'). An event without a later end is taken to
 * last ASSUMED_DURATION; one without a valid start reads 'later', which shows no label.
 */
export function liveState(
  start: Date,
  end: Date | undefined,
  now: number,
  timeZone: string,
): LiveState {
  const startTime = start.getTime();
  if (Number.isNaN(startTime)) return { kind: 'later' };

  const endTime = effectiveEnd(startTime, end);
  if (now >= endTime) return { kind: 'ended' };
  if (now >= startTime) return { kind: 'live' };
  if (startTime - now <= SOON_WINDOW) {
    return { kind: 'soon', minutes: Math.max(1, Math.ceil((startTime - now) / MINUTE)) };
  }
  return dayKey(startTime, timeZone) === dayKey(now, timeZone)
    ? { kind: 'today' }
    : { kind: 'later' };
}

/**
 * The time (ms) at which `liveState` would next give another answer, so one timer can wait for
 * it; undefined once the event has ended. It may be weeks away: clamp the delay to
 * MAX_TIMER_DELAY before handing it to `setTimeout`.
 */
export function nextChange(
  start: Date,
  end: Date | undefined,
  now: number,
  timeZone: string,
): number | undefined {
  const startTime = start.getTime();
  if (Number.isNaN(startTime)) return undefined;

  const state = liveState(start, end, now, timeZone);
  switch (state.kind) {
    case 'ended':
      return undefined;
    case 'live':
      return effectiveEnd(startTime, end);
    case 'soon':
      // The count drops by one each time another whole minute before the start has passed.
      return startTime - (state.minutes - 1) * MINUTE;
    case 'today':
      return startTime - SOON_WINDOW;
    case 'later':
      // An event just after midnight is already 'soon' before its day begins.
      return Math.min(
        startOfDay(dayKey(startTime, timeZone), timeZone).getTime(),
        startTime - SOON_WINDOW,
      );
  }
}

/**
 * A day as a heading, such as "Thursday, December 3", with the year when it isn't the current
 * year in `timeZone`. The day's noon is formatted, so no clock change can move it to another day.
 */
export function formatDayHeading(
  day: DayKey,
  locale: string,
  timeZone: string,
  now: number = Date.now(),
): string {
  const [year, month, date] = parseDay(day);
  const withYear = year !== monthOf(dayKey(now, timeZone)).year;

  // A month grid formats some forty days a render; building a formatter is the costly part.
  const cacheKey = `${locale}|${timeZone}|${withYear}`;
  let format = headingFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      month: 'long',
      day: 'numeric',
      year: withYear ? 'numeric' : undefined,
      timeZone,
    });
    headingFormats.set(cacheKey, format);
  }
  return format.format(zonedInstant(year, month, date, 12, timeZone));
}

const headingFormats = new Map<string, Intl.DateTimeFormat>();

/** The instant (ms) when the clocks in `timeZone` show `hour`:00 on that date, near enough. */
function zonedInstant(
  year: number,
  month: number,
  date: number,
  hour: number,
  timeZone: string,
): number {
  const asUtc = utcDate(year, month, date, hour).getTime();

  // The offset at the wall-clock time read as UTC is off by at most one clock change; a second
  // look, at the first guess, settles on the offset in force then.
  const firstGuess = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(firstGuess, timeZone);
}

/** How far `timeZone`'s clocks are ahead of UTC at an instant, in ms. */
export function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  const clock = wallClock(wholeSecond, timeZone);
  const shown = utcDate(clock.year, clock.month, clock.day, clock.hour, clock.minute, clock.second);
  return shown.getTime() - wholeSecond;
}

/** What the clocks in `timeZone` show at `instant`, as Gregorian numbers. */
export function wallClock(instant: number, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    // A fixed locale and calendar, so the parts are always Gregorian numbers in Latin digits.
    format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }

  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** A UTC date from calendar fields, without Date.UTC's mapping of years 0–99 to 1900–1999. */
export function utcDate(
  year: number,
  month: number,
  date: number,
  hour = 0,
  minute = 0,
  second = 0,
) {
  const result = new Date(0);
  result.setUTCFullYear(year, month - 1, date);
  result.setUTCHours(hour, minute, second, 0);
  return result;
}

function effectiveEnd(startTime: number, end: Date | undefined): number {
  const endTime = end?.getTime() ?? Number.NaN;
  return endTime > startTime ? endTime : startTime + ASSUMED_DURATION;
}

// Keys compare as strings in calendar order, which holds for the years 1000–9999 used here.
export function toKey(year: number, month: number, date: number): DayKey {
  return `${year}-${pad(month)}-${pad(date)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function parseDay(day: DayKey): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a day such as 2026-12-03: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
