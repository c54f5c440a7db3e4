// Dates and numbers, through Intl only.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "5 minutes ago", "yesterday", "in 3 days"; beyond a month, a plain date. */
export function formatRelative(date: Date | string, lang = 'en', now = Date.now()): string {
  const time = new Date(date).getTime();
  if (Number.isNaN(time)) return '';

  const diff = time - now;
  const distance = Math.abs(diff);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });

  if (distance < MINUTE) return relative.format(0, 'second');
  if (distance < HOUR) return relative.format(Math.round(diff / MINUTE), 'minute');
  if (distance < DAY) return relative.format(Math.round(diff / HOUR), 'hour');
  if (distance < 30 * DAY) return relative.format(Math.round(diff / DAY), 'day');
  return formatDate(date, lang);
}

/** A full date such as "March 4, 2026", in the viewer's zone unless one is given. */
export function formatDate(date: Date | string, lang = 'en', timeZone?: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(new Date(date));
}

/** Date and time for a tooltip or `title`, such as "Mar 4, 2026, 3:15 PM". */
export function formatDateTime(date: Date | string, lang = 'en', timeZone?: string): string {
  const format = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return format.format(new Date(date));
}

/**
 * An event's span in one zone: "Thu, Mar 4, 3:00 – 4:30 PM EST" for one day, or both full
 * dates when it runs over several days in that zone.
 */
export function formatEventRange(
  start: Date | string,
  end: Date | string | undefined,
  lang = 'en',
  timeZone?: string,
): string {
  const startDate = new Date(start);
  const endDate = end ? new Date(end) : undefined;
  const format = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: sameYear(startDate, lang, timeZone) ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  });

  if (!endDate || Number.isNaN(endDate.getTime()) || endDate <= startDate) {
    return format.format(startDate);
  }

  // Across a clock change, formatRange names only the end's offset, and can merge two
  // different instants that read the same ("1:30 AM EDT" for 1:30 EDT to 1:30 EST); each end
  // then gets its own zone name.
  const zoneAt = (date: Date) =>
    format.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;
  if (zoneAt(startDate) !== zoneAt(endDate)) {
    return `${format.format(startDate)} – ${format.format(endDate)}`;
  }
  return format.formatRange(startDate, endDate);
}

/** Whether Intl knows `timeZone`, such as "Europe/Berlin" or "UTC". */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.trim() !== '';
  } catch {
    return false;
  }
}

/** The viewer's IANA zone, such as "Europe/Berlin". */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * A name for a zone at a moment: short such as "CET" or "GMT+9", or another Intl style such as
 * 'longGeneric' ("Central European Time").
 */
export function zoneName(
  timeZone: string,
  at: Date | string,
  lang = 'en',
  style: Intl.DateTimeFormatOptions['timeZoneName'] = 'short',
): string {
  const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: style }).formatToParts(
    new Date(at),
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** A compact count for badges: 99+ above 99. */
export function formatBadgeCount(count: number, lang = 'en'): string {
  return count > 99
    ? `${new Intl.NumberFormat(lang).format(99)}+`
    : new Intl.NumberFormat(lang).format(count);
}

function sameYear(date: Date, lang: string, timeZone?: string): boolean {
  const year = new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone });
  return year.format(date) === year.format(new Date());
}
