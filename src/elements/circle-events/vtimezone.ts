// Time zone definitions for .ics files, loaded with the iCalendar writer when a member asks for
// a file: RFC 5545 wants a VTIMEZONE for every TZID, and Intl is the only time zone data here.
import { offsetAt } from './event-time.js';

const DAY_MS = 86_400_000;

/** Clock changes are found a week at a time, then to the second. */
const SCAN_STEP_MS = 7 * DAY_MS;

/**
 * A VTIMEZONE for `zone` between two instants: its offset at the start, then each change of
 * offset, as Intl knows them. Each change is its own observance (no RRULE), which RFC 5545
 * allows and which says exactly what the browser's time zone data says.
 */
export function vtimezone(zone: string, fromTime: number, untilTime: number): string {
  // Whole seconds, so the search below always halves a whole number of seconds.
  const from = Math.floor(fromTime / 1000) * 1000;
  const until = Math.ceil(untilTime / 1000) * 1000;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const first = offsetAt(from, zone);
  lines.push(...observance('STANDARD', from + first, first, first));

  let before = first;
  for (let time = from; time < until; time += SCAN_STEP_MS) {
    const next = Math.min(time + SCAN_STEP_MS, until);
    const after = offsetAt(next, zone);
    if (after === before) continue;

    // The first second with the new offset: clocks change on whole seconds.
    let [low, high] = [time, next];
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(middle, zone) === before) low = middle;
      else high = middle;
    }
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    lines.push(...observance(kind, high + before, before, after));
    before = after;
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** One observance: from the local time `localStart` (as UTC fields), offsets in ms. */
function observance(kind: string, localStart: number, from: number, to: number): string[] {
  const local = new Date(localStart).toISOString().replace(/[-:]/g, '').slice(0, 15);
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
}

/** "+0530", "-0400" or "+0000"; "+001525" when the offset has seconds. */
function utcOffset(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const two = (value: number) => String(value).padStart(2, '0');
  const hours = two(Math.floor(seconds / 3600));
  const minutes = two(Math.floor(seconds / 60) % 60);
  const extra = seconds % 60 ? two(seconds % 60) : '';
  return `${ms < 0 ? '-' : '+'}${hours}${minutes}${extra}`;
}
