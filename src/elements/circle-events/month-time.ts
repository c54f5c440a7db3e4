// The weeks and months of <circle-events>' month view, through Intl only: they come with the
// month view's code rather than the element's.
import { addDays, dayKey, toKey, utcDate } from './event-time.js';
import type { DayKey } from './event-time.js';

/** How many days an event may cover; a longer span is cut, so bad data can't flood a grid. */
export const MAX_EVENT_DAYS = 62;

// Regions whose week starts on Sunday or Saturday (CLDR), for browsers without week info.
const SUNDAY_REGIONS = new Set(
  (
    'AG AS BD BR BS BT BW BZ CA CN CO DM DO ET GT GU HK HN ID IL IN JM JP KE KH KR LA MH MM ' +
    'MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI WS YE ZA ZW'
  ).split(' '),
);
const SATURDAY_REGIONS = new Set('AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY'.split(' '));

/** What `Intl.Locale` offers about weeks, under either of its names; not in ES2022's types. */
interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/**
 * Each day an event touches in `timeZone`, in order. An end exactly at midnight does not touch
 * the next day; without a later end, only the start day. At most MAX_EVENT_DAYS days.
 */
export function eventDays(start: Date, end: Date | undefined, timeZone: string): DayKey[] {
  const startTime = start.getTime();
  if (Number.isNaN(startTime)) return [];

  const first = dayKey(startTime, timeZone);
  const endTime = end?.getTime() ?? Number.NaN;
  if (!(endTime > startTime)) return [first];

  // The end itself is excluded: an event over at 00:00 is not on the day that begins then.
  const last = dayKey(endTime - 1, timeZone);
  const days = [first];
  while (days[days.length - 1] < last && days.length < MAX_EVENT_DAYS) {
    days.push(addDays(days[days.length - 1], 1));
  }
  return days;
}

/** The locale's first day of the week: 1 = Monday … 7 = Sunday (6 = Saturday in some). */
export function weekStartDay(locale: string): number {
  let intlLocale: Intl.Locale;
  try {
    intlLocale = new Intl.Locale(locale);
  } catch {
    return 1;
  }

  const withWeeks = intlLocale as Intl.Locale & WeekInfoLocale;
  const info = withWeeks.getWeekInfo?.() ?? withWeeks.weekInfo;
  if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay;

  // 'en' alone means the United States, so the region comes from the likeliest subtags.
  const region = intlLocale.maximize().region ?? '';
  if (SUNDAY_REGIONS.has(region)) return 7;
  if (SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}

/**
 * Whole weeks of seven days covering `month` (1–12) of `year`, each starting on `firstDay`
 * (1 = Monday … 7 = Sunday); the first and last weeks include days of the months around it.
 */
export function monthWeeks(year: number, month: number, firstDay: number): DayKey[][] {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be 1 to 12, not ${month}`);
  }
  if (!Number.isInteger(firstDay) || firstDay < 1 || firstDay > 7) {
    throw new RangeError(`firstDay must be 1 (Monday) to 7 (Sunday), not ${firstDay}`);
  }

  const firstOfMonth = utcDate(year, month, 1);
  const isoWeekday = firstOfMonth.getUTCDay() || 7;
  const daysBefore = (isoWeekday - firstDay + 7) % 7;
  const daysInMonth = utcDate(year, month + 1, 0).getUTCDate();
  const weekCount = Math.ceil((daysBefore + daysInMonth) / 7);

  const gridStart = addDays(toKey(year, month, 1), -daysBefore);
  const weeks: DayKey[][] = [];
  for (let week = 0; week < weekCount; week++) {
    weeks.push(Array.from({ length: 7 }, (_, weekday) => addDays(gridStart, week * 7 + weekday)));
  }
  return weeks;
}

/** The month `count` months after `month` (1–12) of `year`; before it when negative. */
export function addMonths(
  year: number,
  month: number,
  count: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}
