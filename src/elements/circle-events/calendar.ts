import type { ICalEventRepeatingFreq, ICalRepeatingOptions } from 'ical-generator';

import type { EventPost } from '../../api/types.js';
import { retryableImport } from '../../utils/retryable-import.js';
import { safeUrl, WEB_PROTOCOLS } from '../../utils/safe-url.js';
import { isInPerson, locationHidden, validDate } from './event-model.js';
import { wallClock } from './event-time.js';

type IcalGenerator = typeof import('ical-generator');
type ZoneWriter = typeof import('./vtimezone.js');
type Frequency = keyof typeof ICalEventRepeatingFreq;

/** Circle's recurrence frequencies that iCalendar can say, as FREQ and INTERVAL. */
const FREQUENCIES: Record<string, { freq: Frequency; interval?: number }> = {
  daily: { freq: 'DAILY' },
  weekly: { freq: 'WEEKLY' },
  biweekly: { freq: 'WEEKLY', interval: 2 },
  monthly: { freq: 'MONTHLY' },
  yearly: { freq: 'YEARLY' },
};

// Fetched once for the page. After a failure the next call asks again, at an address Chromium
// has not seen fail: it would answer the same import with the failure it remembers.
const loadIcalGenerator = retryableImport(() => import('ical-generator'));
const loadZoneWriter = retryableImport(() => import('./vtimezone.js'));

let icalGenerator: IcalGenerator | undefined;
let zoneWriter: ZoneWriter | undefined;

/**
 * Fetches the iCalendar writer that {@link icsFor} needs: a large library that few members use,
 * so it stays out of the element's code until one of them asks for a file; with it, the
 * writer of time zone definitions. After a failure, the next call fetches again.
 */
export async function loadIcs(): Promise<void> {
  [icalGenerator, zoneWriter] = await Promise.all([loadIcalGenerator(), loadZoneWriter()]);
}

/** The place or join link the card shows this member, as plain text; nothing if hidden. */
export function calendarLocation(event: EventPost): string | undefined {
  const settings = event.event_setting_attributes ?? {};
  if (locationHidden(event)) return undefined;
  if (isInPerson(event)) return settings.in_person_location || undefined;
  if (!settings.location_type) return undefined;
  return safeUrl(settings.virtual_location_url, WEB_PROTOCOLS);
}

/**
 * The event as an iCalendar file (RFC 5545). Times are in UTC, or in `zone` with a TZID and
 * its VTIMEZONE when the organiser's zone is known, so a repeating event keeps its wall-clock
 * time across DST.
 * A recurring event carries an RRULE: `frequency` gives FREQ (biweekly is WEEKLY;INTERVAL=2),
 * the series' `ends_at` gives UNTIL, or `occurrences` gives COUNT when there is no end date.
 * Call {@link loadIcs} first (once is enough).
 */
export function icsFor(event: EventPost, zone?: string): string | undefined {
  const library = icalGenerator;
  const zones = zoneWriter;
  if (!library || !zones) throw new Error('icsFor() needs `await loadIcs()` first');

  const span = times(event);
  if (!span) return undefined;

  const prodId = { company: 'circle-widgets', product: 'circle-events' };
  const calendar = library.default({ prodId });
  // A TZID needs its VTIMEZONE (RFC 5545): the zone's offsets over the series, from Intl.
  // No calendar-wide zone name: with one, the library would write UNTIL in it, not in UTC.
  if (zone) {
    const [from, until] = coveredSpan(event, span);
    calendar.timezone({ name: null, generator: (name) => zones.vtimezone(name, from, until) });
  }
  const eventUrl = safeUrl(event.url, WEB_PROTOCOLS);
  calendar.createEvent({
    id: uid(event, eventUrl),
    start: zone ? wallClockDate(span.start, zone) : span.start,
    end: zone ? wallClockDate(span.end, zone) : span.end,
    timezone: zone ?? null,
    summary: titleOf(event),
    description: description(event) || null,
    location: calendarLocation(event) ?? null,
    url: eventUrl ?? null,
    repeating: recurrence(event, library),
  });
  return calendar.toString();
}

/**
 * A link that opens Google Calendar's "new event" form filled in with the event. A recurring
 * event carries its RRULE in `recur`, and the series' `zone` (when known) goes in `ctz`, so
 * Google repeats it at the same wall-clock time across DST.
 */
export function googleCalendarUrl(event: EventPost, zone?: string): string | undefined {
  const span = times(event);
  if (!span) return undefined;

  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: titleOf(event),
    dates: `${compactUtc(span.start)}/${compactUtc(span.end)}`,
    details: description(event),
    location: calendarLocation(event) ?? '',
  });
  const rule = rruleText(event);
  if (rule) params.set('recur', `RRULE:${rule}`);
  if (zone) params.set('ctz', zone);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/**
 * A link that opens Outlook on the web's "new event" form filled in with the event. Outlook's
 * compose link has no parameter for a recurrence, so a recurring event comes out as its one
 * occurrence; the .ics download carries the whole series.
 */
export function outlookUrl(event: EventPost): string | undefined {
  const span = times(event);
  if (!span) return undefined;

  const params = new URLSearchParams({
    subject: titleOf(event),
    startdt: span.start.toISOString(),
    enddt: span.end.toISOString(),
    body: description(event),
    location: calendarLocation(event) ?? '',
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}

/** A file name for the event's .ics download. */
export function icsFileName(event: EventPost): string {
  const slug = (event.slug ?? '').replace(/[^\w-]+/g, '');
  return `${slug || `event-${event.id ?? 'circle'}`}.ics`;
}

function titleOf(event: EventPost): string {
  return event.display_title || event.name || '';
}

/** The plain-text description, then the event's page on Circle on a line of its own. */
function description(event: EventPost): string {
  const body = (event.body_plain_text || event.tiptap_body?.circle_ios_fallback_text || '').trim();
  const eventUrl = safeUrl(event.url, WEB_PROTOCOLS);
  return [body, eventUrl].filter(Boolean).join('\n\n');
}

/** Start and end; an event without an end lasts no time, as RFC 5545 reads a missing DTEND. */
function times(event: EventPost): { start: Date; end: Date } | undefined {
  const settings = event.event_setting_attributes;
  const start = validDate(settings?.starts_at);
  if (!start) return undefined;

  const end = validDate(settings?.ends_at);
  return { start, end: end && end >= start ? end : start };
}

/** The series' repetition: how often, and until when or how many times. */
function repetition(event: EventPost) {
  const settings = event.recurring_setting_attributes;
  const frequency = settings?.frequency ? FREQUENCIES[settings.frequency] : undefined;
  if (!frequency) return undefined;

  // Every occurrence is its own post, so a COUNT would run past the series when the exported
  // occurrence is not the first; the series' end date is right from any of them.
  const until = validDate(settings?.ends_at);
  const count = settings?.occurrences;
  return { ...frequency, until, count: !until && count && count > 0 ? count : undefined };
}

function recurrence(event: EventPost, library: IcalGenerator): ICalRepeatingOptions | null {
  const rule = repetition(event);
  if (!rule) return null;
  return {
    freq: library.ICalEventRepeatingFreq[rule.freq],
    ...(rule.interval ? { interval: rule.interval } : {}),
    ...(rule.until ? { until: rule.until } : rule.count ? { count: rule.count } : {}),
  };
}

/** "FREQ=WEEKLY;INTERVAL=2;UNTIL=20250301T170000Z": the RRULE value, for Google's `recur`. */
function rruleText(event: EventPost): string | undefined {
  const rule = repetition(event);
  if (!rule) return undefined;
  return [
    `FREQ=${rule.freq}`,
    rule.interval ? `INTERVAL=${rule.interval}` : '',
    rule.until ? `UNTIL=${compactUtc(rule.until)}` : rule.count ? `COUNT=${rule.count}` : '',
  ]
    .filter(Boolean)
    .join(';');
}

const DAY_MS = 86_400_000;

/** The longest a step of each frequency can be, to reach past a series' last date by COUNT. */
const LONGEST_STEP_DAYS: Record<Frequency, number> = {
  DAILY: 1,
  WEEKLY: 7,
  MONTHLY: 31,
  YEARLY: 366,
  HOURLY: 1,
  MINUTELY: 1,
  SECONDLY: 1,
};

/** A series with neither end date nor count gets its zone's changes for this many years. */
const OPEN_SERIES_YEARS = 10;

/** From a day before the event to a day after it ends or its series does, as epoch ms. */
function coveredSpan(event: EventPost, span: { start: Date; end: Date }): [number, number] {
  const rule = repetition(event);
  const start = span.start;
  const from = start.getTime() - DAY_MS;
  const longest = from + (OPEN_SERIES_YEARS * 366 + 2) * DAY_MS;
  if (!rule) return [from, span.end.getTime() + DAY_MS];
  if (rule.until) return [from, Math.min(rule.until.getTime() + DAY_MS, longest)];
  if (rule.count) {
    const steps = rule.count * (rule.interval ?? 1) * LONGEST_STEP_DAYS[rule.freq];
    return [from, Math.min(start.getTime() + (steps + 1) * DAY_MS, longest)];
  }
  // TODO: an open-ended series' dates after OPEN_SERIES_YEARS keep the zone's last offset.
  return [from, longest];
}

/** A UID that stays the same across exports, so calendars update rather than duplicate. */
function uid(event: EventPost, eventUrl: string | undefined): string {
  const host = eventUrl ? new URL(eventUrl).host : 'circle.so';
  return `event-${event.id ?? titleOf(event)}@${host}`;
}

/** "20250301T170000Z", the form Google Calendar's `dates` takes. */
function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * A Date whose local fields read as the wall-clock time in `zone`: with a TZID the library
 * writes a plain Date's local fields, and the browser's own zone is not the event's.
 * TODO: a wall time that falls in the viewer's own DST gap (say 02:30 on the night clocks go
 * forward where the viewer is) comes out an hour late; no zone-aware date type is bundled.
 */
function wallClockDate(date: Date, zone: string): Date {
  const clock = wallClock(date.getTime(), zone);
  return new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}
