import type { ICalEventRepeatingFreq, ICalRepeatingOptions } from 'ical-generator';

import type { EventPost } from '../../api/types.js';
import { safeUrl } from '../../utils/safe-url.js';
import { WEB_PROTOCOLS } from '../circle-element.js';
import { validDate } from './event-model.js';
import { wallClock } from './event-time.js';

type IcalGenerator = typeof import('ical-generator');
type Frequency = keyof typeof ICalEventRepeatingFreq;

/** Circle's recurrence frequencies that iCalendar can say, as FREQ and INTERVAL. */
const FREQUENCIES: Record<string, { freq: Frequency; interval?: number }> = {
  daily: { freq: 'DAILY' },
  weekly: { freq: 'WEEKLY' },
  biweekly: { freq: 'WEEKLY', interval: 2 },
  monthly: { freq: 'MONTHLY' },
  yearly: { freq: 'YEARLY' },
};

let icalGenerator: IcalGenerator | undefined;

/**
 * Fetches the iCalendar writer that {@link icsFor} needs: a large library that few members use,
 * so it stays out of the element's code until one of them asks for a file.
 */
export async function loadIcs(): Promise<void> {
  icalGenerator ??= await import('ical-generator');
}

/** Whether the event keeps its place or join link from this member (until they RSVP). */
export function locationHidden(event: EventPost): boolean {
  const settings = event.event_setting_attributes;
  return Boolean(settings?.hide_location_from_non_attendees) && !event.rsvped_event;
}

/** Whether the event takes place in person rather than online. */
export function isInPerson(event: EventPost): boolean {
  const settings = event.event_setting_attributes ?? {};
  return (
    settings.location_type === 'in_person' ||
    (!settings.location_type && Boolean(settings.in_person_location))
  );
}

/** The place or join link the card shows this member, as plain text; nothing if hidden. */
export function calendarLocation(event: EventPost): string | undefined {
  const settings = event.event_setting_attributes ?? {};
  if (locationHidden(event)) return undefined;
  if (isInPerson(event)) return settings.in_person_location || undefined;
  if (!settings.location_type) return undefined;
  return safeUrl(settings.virtual_location_url, WEB_PROTOCOLS);
}

/** Whether the event has a start time, without which no calendar entry can be made. */
export function hasCalendarTimes(event: EventPost): boolean {
  return times(event) !== undefined;
}

/**
 * The event as an iCalendar file (RFC 5545). Times are in UTC, or in `zone` with a TZID when
 * the organiser's zone is known, so a repeating event keeps its wall-clock time across DST.
 * A recurring event carries an RRULE: `frequency` gives FREQ (biweekly is WEEKLY;INTERVAL=2),
 * the series' `ends_at` gives UNTIL, or `occurrences` gives COUNT when there is no end date.
 * Call {@link loadIcs} first (once is enough).
 */
export function icsFor(event: EventPost, zone?: string): string | undefined {
  const library = icalGenerator;
  if (!library) throw new Error('icsFor() needs `await loadIcs()` first');

  const span = times(event);
  if (!span) return undefined;

  // TODO: a TZID comes without its VTIMEZONE block (RFC 5545 asks for one); the common
  // calendars know IANA zone names, but stricter readers may fall back to floating time.

  const prodId = { company: 'circle-widgets', product: 'circle-events' };
  const calendar = library.default({ prodId });
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

/** A link that opens Google Calendar's "new event" form filled in with the event. */
export function googleCalendarUrl(event: EventPost): string | undefined {
  const span = times(event);
  if (!span) return undefined;

  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: titleOf(event),
    dates: `${compactUtc(span.start)}/${compactUtc(span.end)}`,
    details: description(event),
    location: calendarLocation(event) ?? '',
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** A link that opens Outlook on the web's "new event" form filled in with the event. */
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

function recurrence(event: EventPost, library: IcalGenerator): ICalRepeatingOptions | null {
  const settings = event.recurring_setting_attributes;
  const frequency = settings?.frequency ? FREQUENCIES[settings.frequency] : undefined;
  if (!frequency) return null;

  // Every occurrence is its own post, so a COUNT would run past the series when the exported
  // occurrence is not the first; the series' end date is right from any of them.
  const until = validDate(settings?.ends_at);
  const count = settings?.occurrences;
  return {
    freq: library.ICalEventRepeatingFreq[frequency.freq],
    ...(frequency.interval ? { interval: frequency.interval } : {}),
    ...(until ? { until } : count && count > 0 ? { count } : {}),
  };
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
