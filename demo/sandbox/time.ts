/**
 * Wall-clock time in IANA zones, converted with Intl only (no date library).
 */

/** A calendar date and time of day as read on a wall clock somewhere. */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at the instant `date`. */
export function wallClockAt(date: Date, timeZone: string): WallClock & { weekday: string } {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: parts.weekday,
  };
}

/** Minutes that `timeZone` is ahead of UTC at the instant `date`. */
export function offsetMinutes(date: Date, timeZone: string): number {
  const clock = wallClockAt(date, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const instant = Math.floor(date.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - instant) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `clock`. Day and month overflow
 * (day 32, hour 25) roll over like Date.UTC. In a DST gap the later offset wins.
 */
export function zonedTimeToUtc(clock: WallClock, timeZone: string): Date {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);

  // Two passes settle the offset even when the first guess lands across a DST change.
  let offset = offsetMinutes(new Date(naive), timeZone);
  offset = offsetMinutes(new Date(naive - offset * 60_000), timeZone);
  return new Date(naive - offset * 60_000);
}

/** `clock` moved by whole calendar days (on the wall clock, not in elapsed hours). */
export function addDays(clock: WallClock, days: number): WallClock {
  const moved = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + days));
  return {
    ...clock,
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
  };
}

// Rails prints zone abbreviations from tzdata; Intl's short names differ outside the US.
const ABBREVIATIONS: Record<string, Record<number, string>> = {
  'America/New_York': { [-300]: 'EST', [-240]: 'EDT' },
  'America/Los_Angeles': { [-480]: 'PST', [-420]: 'PDT' },
  'Europe/Berlin': { 60: 'CET', 120: 'CEST' },
  'Europe/London': { 0: 'GMT', 60: 'BST' },
  'Asia/Tokyo': { 540: 'JST' },
  'Etc/UTC': { 0: 'UTC' },
};

/** The zone's abbreviation at `date`, e.g. `CEST`. */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const known = ABBREVIATIONS[timeZone]?.[offsetMinutes(date, timeZone)];
  if (known) return known;

  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName');
  return name?.value ?? timeZone;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date as Circle's recurring events print it (`"Thu, May  9 2024"`, Ruby's `%a, %b %e %Y`). */
export function rubyStartDate(date: Date, timeZone: string): string {
  const clock = wallClockAt(date, timeZone);
  return `${clock.weekday}, ${MONTHS[clock.month - 1]} ${String(clock.day).padStart(2, ' ')} ${
    clock.year
  }`;
}
