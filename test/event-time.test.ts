import { expect } from '@open-wc/testing';

import {
  addDays,
  dayKey,
  formatDayHeading,
  liveState,
  monthOf,
  nextChange,
  startOfDay,
} from '../src/elements/circle-events/event-time.js';
import type { LiveState } from '../src/elements/circle-events/event-time.js';
import {
  addMonths,
  eventDays,
  MAX_EVENT_DAYS,
  monthWeeks,
  weekStartDay,
} from '../src/elements/circle-events/month-time.js';
import { formatEventRange } from '../src/utils/format.js';

const NEW_YORK = 'America/New_York';
const LONDON = 'Europe/London';
const KOLKATA = 'Asia/Kolkata';
const LORD_HOWE = 'Australia/Lord_Howe';

const HOUR = 3_600_000;

const at = (iso: string): Date => new Date(iso);
const time = (iso: string): number => new Date(iso).getTime();

/** Intl puts narrow and thin spaces around times and dashes; tests read them as plain spaces. */
const plain = (text: string): string => text.replace(/\s/g, ' ');

describe('event time: dayKey', () => {
  it('gives the day an instant falls on in each zone', () => {
    const instant = at('2026-05-12T22:30:00-04:00');

    expect(dayKey(instant, NEW_YORK)).to.equal('2026-05-12');
    expect(dayKey(instant, LONDON)).to.equal('2026-05-13');
    expect(dayKey(instant, KOLKATA)).to.equal('2026-05-13');
    expect(dayKey(instant.getTime(), 'UTC')).to.equal('2026-05-13');
  });

  it('turns the day at local midnight, not at UTC midnight', () => {
    expect(dayKey(time('2026-07-01T00:00:00+05:30') - 1, KOLKATA)).to.equal('2026-06-30');
    expect(dayKey(time('2026-07-01T00:00:00+05:30'), KOLKATA)).to.equal('2026-07-01');
    expect(dayKey(time('2026-04-05T00:00:00+11:00') - 1, LORD_HOWE)).to.equal('2026-04-04');
    expect(dayKey(time('2026-04-05T00:00:00+11:00'), LORD_HOWE)).to.equal('2026-04-05');
    expect(dayKey(time('2026-03-08T00:00:00-05:00') - 1, NEW_YORK)).to.equal('2026-03-07');
  });

  it('rejects an unknown zone', () => {
    expect(() => dayKey(0, 'Mars/Olympus_Mons')).to.throw(RangeError);
  });
});

describe('event time: startOfDay', () => {
  const cases: [string, string, string][] = [
    // [zone, day, its first instant written by hand]
    [NEW_YORK, '2026-03-08', '2026-03-08T00:00:00-05:00'],
    [NEW_YORK, '2026-03-09', '2026-03-09T00:00:00-04:00'],
    [NEW_YORK, '2026-11-01', '2026-11-01T00:00:00-04:00'],
    [NEW_YORK, '2026-11-02', '2026-11-02T00:00:00-05:00'],
    [LONDON, '2026-03-29', '2026-03-29T00:00:00+00:00'],
    [LONDON, '2026-03-30', '2026-03-30T00:00:00+01:00'],
    [LONDON, '2026-10-25', '2026-10-25T00:00:00+01:00'],
    [LONDON, '2026-10-26', '2026-10-26T00:00:00+00:00'],
    [KOLKATA, '2026-03-08', '2026-03-08T00:00:00+05:30'],
    [KOLKATA, '2026-07-01', '2026-07-01T00:00:00+05:30'],
    [LORD_HOWE, '2026-04-05', '2026-04-05T00:00:00+11:00'],
    [LORD_HOWE, '2026-04-06', '2026-04-06T00:00:00+10:30'],
    [LORD_HOWE, '2026-10-04', '2026-10-04T00:00:00+10:30'],
    [LORD_HOWE, '2026-10-05', '2026-10-05T00:00:00+11:00'],
  ];

  for (const [zone, day, expected] of cases) {
    it(`starts ${day} in ${zone} at ${expected}`, () => {
      expect(startOfDay(day, zone).toISOString()).to.equal(at(expected).toISOString());
    });
  }

  it('makes DST days 23, 24.5 or 25 hours long', () => {
    const length = (day: string, zone: string): number =>
      (startOfDay(addDays(day, 1), zone).getTime() - startOfDay(day, zone).getTime()) / HOUR;

    expect(length('2026-03-08', NEW_YORK)).to.equal(23);
    expect(length('2026-11-01', NEW_YORK)).to.equal(25);
    expect(length('2026-03-29', LONDON)).to.equal(23);
    expect(length('2026-10-25', LONDON)).to.equal(25);
    expect(length('2026-04-05', LORD_HOWE)).to.equal(24.5);
    expect(length('2026-10-04', LORD_HOWE)).to.equal(23.5);
    expect(length('2026-03-08', KOLKATA)).to.equal(24);
  });

  it('starts a day whose midnight is skipped when the clocks jump into it', () => {
    // Santiago and Havana move from 00:00 straight to 01:00 on these days.
    expect(startOfDay('2026-09-06', 'America/Santiago').toISOString()).to.equal(
      at('2026-09-06T01:00:00-03:00').toISOString(),
    );
    expect(startOfDay('2026-03-08', 'America/Havana').toISOString()).to.equal(
      at('2026-03-08T01:00:00-04:00').toISOString(),
    );
    expect(dayKey(at('2026-09-06T01:00:00-03:00').getTime() - 1, 'America/Santiago')).to.equal(
      '2026-09-05',
    );
  });

  it('takes the first of two midnights, and skips a midnight the clocks turn back from', () => {
    // Havana goes from 01:00 back to 00:00 on November 1: midnight happens twice.
    expect(startOfDay('2026-11-01', 'America/Havana').toISOString()).to.equal(
      at('2026-11-01T00:00:00-04:00').toISOString(),
    );

    // Santiago turns 00:00 (-03) back to 23:00 on April 4, so April 5 starts at 00:00 -04.
    expect(startOfDay('2026-04-05', 'America/Santiago').toISOString()).to.equal(
      at('2026-04-05T00:00:00-04:00').toISOString(),
    );
  });

  it('rejects something that is not a day', () => {
    expect(() => startOfDay('12/03/2026', NEW_YORK)).to.throw(RangeError);
  });
});

describe('event time: addDays', () => {
  it('counts calendar days across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2026-03-08', 1)).to.equal('2026-03-09');
    expect(addDays('2026-05-12', 0)).to.equal('2026-05-12');
    expect(addDays('2026-01-01', 365)).to.equal('2027-01-01');
  });
});

describe('event time: eventDays', () => {
  it('lists each day of a three-day event', () => {
    const start = at('2026-05-12T10:00:00-04:00');
    const end = at('2026-05-14T16:00:00-04:00');

    expect(eventDays(start, end, NEW_YORK)).to.deep.equal([
      '2026-05-12',
      '2026-05-13',
      '2026-05-14',
    ]);

    // 19:30 on the 12th to 01:30 on the 15th in Kolkata.
    expect(eventDays(start, end, KOLKATA)).to.deep.equal([
      '2026-05-12',
      '2026-05-13',
      '2026-05-14',
      '2026-05-15',
    ]);
  });

  it('spans midnight in New York but not in Kolkata, and the other way round', () => {
    // 22:00–01:00 in New York is 07:30–10:30 the next morning in Kolkata.
    const late = [at('2026-05-12T22:00:00-04:00'), at('2026-05-13T01:00:00-04:00')] as const;
    expect(eventDays(...late, NEW_YORK)).to.deep.equal(['2026-05-12', '2026-05-13']);
    expect(eventDays(...late, KOLKATA)).to.deep.equal(['2026-05-13']);

    // 12:00–15:00 in New York is 21:30–00:30 in Kolkata.
    const noon = [at('2026-05-12T12:00:00-04:00'), at('2026-05-12T15:00:00-04:00')] as const;
    expect(eventDays(...noon, NEW_YORK)).to.deep.equal(['2026-05-12']);
    expect(eventDays(...noon, KOLKATA)).to.deep.equal(['2026-05-12', '2026-05-13']);
  });

  it('does not put an event that ends at midnight on the next day', () => {
    const start = at('2026-05-12T20:00:00-04:00');
    const end = at('2026-05-13T00:00:00-04:00');

    expect(eventDays(start, end, NEW_YORK)).to.deep.equal(['2026-05-12']);
    expect(eventDays(start, end, LONDON)).to.deep.equal(['2026-05-13']);

    // London's short day: the clocks jump at 01:00, midnight itself is still GMT.
    const beforeJump = [at('2026-03-28T22:00:00+00:00'), at('2026-03-29T00:00:00+00:00')] as const;
    expect(eventDays(...beforeJump, LONDON)).to.deep.equal(['2026-03-28']);
    expect(eventDays(at('2026-05-12T23:59:00-04:00'), end, NEW_YORK)).to.deep.equal(['2026-05-12']);
  });

  it('covers both days of a Lord Howe event over its half-hour clock change', () => {
    const start = at('2026-04-04T20:00:00+11:00');
    const end = at('2026-04-05T20:00:00+10:30');
    expect(eventDays(start, end, LORD_HOWE)).to.deep.equal(['2026-04-04', '2026-04-05']);
  });

  it('gives the start day alone without a later end', () => {
    const start = at('2026-11-01T23:30:00-05:00');

    expect(eventDays(start, undefined, NEW_YORK)).to.deep.equal(['2026-11-01']);
    expect(eventDays(start, start, NEW_YORK)).to.deep.equal(['2026-11-01']);
    expect(eventDays(start, at('2026-10-01T10:00:00-04:00'), NEW_YORK)).to.deep.equal([
      '2026-11-01',
    ]);
    expect(eventDays(start, new Date(Number.NaN), NEW_YORK)).to.deep.equal(['2026-11-01']);
    expect(eventDays(new Date(Number.NaN), start, NEW_YORK)).to.deep.equal([]);
  });

  it('cuts an absurdly long event short', () => {
    const days = eventDays(at('2026-01-01T09:00:00Z'), at('2027-06-01T09:00:00Z'), 'UTC');

    expect(days).to.have.length(MAX_EVENT_DAYS);
    expect(days[0]).to.equal('2026-01-01');
    expect(days[61]).to.equal('2026-03-03');
  });
});

describe('event time: weekStartDay', () => {
  it("follows the locale's week", () => {
    expect(weekStartDay('en-US')).to.equal(7);
    expect(weekStartDay('en')).to.equal(7);
    expect(weekStartDay('en-GB')).to.equal(1);
    expect(weekStartDay('de-DE')).to.equal(1);
    expect(weekStartDay('fr')).to.equal(1);
    expect(weekStartDay('ar-EG')).to.equal(6);
    expect(weekStartDay('not a locale!')).to.equal(1);
  });

  it('falls back on the region where the browser has no week info', () => {
    const prototype = Intl.Locale.prototype;
    const saved = ['getWeekInfo', 'weekInfo'].map(
      (name) => [name, Object.getOwnPropertyDescriptor(prototype, name)] as const,
    );
    for (const [name] of saved) {
      Object.defineProperty(prototype, name, { value: undefined, configurable: true });
    }

    try {
      expect(weekStartDay('en-US')).to.equal(7);
      expect(weekStartDay('en')).to.equal(7);
      expect(weekStartDay('pt-BR')).to.equal(7);
      expect(weekStartDay('en-GB')).to.equal(1);
      expect(weekStartDay('de')).to.equal(1);
      expect(weekStartDay('ar-EG')).to.equal(6);
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(prototype, name, descriptor);
        else delete (prototype as unknown as Record<string, unknown>)[name];
      }
    }
  });
});

describe('event time: monthWeeks', () => {
  // February 2026 starts on a Sunday, June 2026 on a Monday, August 2026 on a Saturday.

  it('fills a month starting on Sunday with four Sunday-first weeks', () => {
    const weeks = monthWeeks(2026, 2, 7);

    expect(weeks).to.have.length(4);
    expect(weeks[0]).to.deep.equal([
      '2026-02-01',
      '2026-02-02',
      '2026-02-03',
      '2026-02-04',
      '2026-02-05',
      '2026-02-06',
      '2026-02-07',
    ]);
    expect(weeks[3][6]).to.equal('2026-02-28');
  });

  it('pads the same month with the days around it in Monday-first weeks', () => {
    const weeks = monthWeeks(2026, 2, 1);

    expect(weeks).to.have.length(5);
    expect(weeks[0]).to.deep.equal([
      '2026-01-26',
      '2026-01-27',
      '2026-01-28',
      '2026-01-29',
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
    ]);
    expect(weeks[4]).to.deep.equal([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });

  it('starts a month that begins on Monday on its first day, or earlier for other weeks', () => {
    const mondayFirst = monthWeeks(2026, 6, 1);
    expect(mondayFirst).to.have.length(5);
    expect(mondayFirst[0][0]).to.equal('2026-06-01');
    expect(mondayFirst[4][6]).to.equal('2026-07-05');

    const sundayFirst = monthWeeks(2026, 6, 7);
    expect(sundayFirst).to.have.length(5);
    expect(sundayFirst[0][0]).to.equal('2026-05-31');
    expect(sundayFirst[4][6]).to.equal('2026-07-04');

    expect(monthWeeks(2026, 6, 6)[0][0]).to.equal('2026-05-30');
  });

  it('takes six weeks when the month needs them', () => {
    const weeks = monthWeeks(2026, 8, 1);

    expect(weeks).to.have.length(6);
    expect(weeks[0][0]).to.equal('2026-07-27');
    expect(weeks[0][5]).to.equal('2026-08-01');
    expect(weeks[5][6]).to.equal('2026-09-06');
    expect(weeks.every((week) => week.length === 7)).to.equal(true);
  });

  it('rejects a month or first day out of range', () => {
    expect(() => monthWeeks(2026, 0, 1)).to.throw(RangeError);
    expect(() => monthWeeks(2026, 13, 1)).to.throw(RangeError);
    expect(() => monthWeeks(2026, 5, 0)).to.throw(RangeError);
    expect(() => monthWeeks(2026, 5, 8)).to.throw(RangeError);
  });
});

describe('event time: monthOf and addMonths', () => {
  it('reads the month of a day', () => {
    expect(monthOf('2026-12-03')).to.deep.equal({ year: 2026, month: 12 });
    expect(monthOf('2027-01-31')).to.deep.equal({ year: 2027, month: 1 });
  });

  it('moves by months across years both ways', () => {
    expect(addMonths(2026, 12, 1)).to.deep.equal({ year: 2027, month: 1 });
    expect(addMonths(2026, 1, -1)).to.deep.equal({ year: 2025, month: 12 });
    expect(addMonths(2026, 3, -15)).to.deep.equal({ year: 2024, month: 12 });
    expect(addMonths(2026, 11, 14)).to.deep.equal({ year: 2028, month: 1 });
    expect(addMonths(2026, 5, 0)).to.deep.equal({ year: 2026, month: 5 });
  });
});

describe('event time: liveState and nextChange', () => {
  // 19:00–20:30 in New York on May 12, 2026; 04:30–06:00 on May 13 in Kolkata.
  const start = at('2026-05-12T19:00:00-04:00');
  const end = at('2026-05-12T20:30:00-04:00');

  const state = (now: string, zone = NEW_YORK): LiveState => liveState(start, end, time(now), zone);
  const change = (now: string, zone = NEW_YORK): string | undefined => {
    const next = nextChange(start, end, time(now), zone);
    return next === undefined ? undefined : new Date(next).toISOString();
  };
  const iso = (value: string): string => at(value).toISOString();

  it('reads later before the day of the event, until its midnight', () => {
    expect(state('2026-05-11T19:00:00-04:00')).to.deep.equal({ kind: 'later' });
    expect(change('2026-05-11T19:00:00-04:00')).to.equal(iso('2026-05-12T00:00:00-04:00'));
  });

  it('reads today on the day, until an hour before the start', () => {
    expect(state('2026-05-12T00:00:00-04:00')).to.deep.equal({ kind: 'today' });
    expect(state('2026-05-12T17:59:59-04:00')).to.deep.equal({ kind: 'today' });
    expect(change('2026-05-12T09:00:00-04:00')).to.equal(iso('2026-05-12T18:00:00-04:00'));
  });

  it('counts down the minutes in the last hour, rounding up', () => {
    expect(state('2026-05-12T18:00:00-04:00')).to.deep.equal({ kind: 'soon', minutes: 60 });
    expect(change('2026-05-12T18:00:00-04:00')).to.equal(iso('2026-05-12T18:01:00-04:00'));

    expect(state('2026-05-12T18:30:30-04:00')).to.deep.equal({ kind: 'soon', minutes: 30 });
    expect(change('2026-05-12T18:30:30-04:00')).to.equal(iso('2026-05-12T18:31:00-04:00'));
    expect(state('2026-05-12T18:31:00-04:00')).to.deep.equal({ kind: 'soon', minutes: 29 });

    expect(state('2026-05-12T18:59:59.999-04:00')).to.deep.equal({ kind: 'soon', minutes: 1 });
    expect(change('2026-05-12T18:59:30-04:00')).to.equal(iso('2026-05-12T19:00:00-04:00'));
  });

  it('reads live from the start until the end, then ended for good', () => {
    expect(state('2026-05-12T19:00:00-04:00')).to.deep.equal({ kind: 'live' });
    expect(state('2026-05-12T20:29:59-04:00')).to.deep.equal({ kind: 'live' });
    expect(change('2026-05-12T19:00:00-04:00')).to.equal(iso('2026-05-12T20:30:00-04:00'));

    expect(state('2026-05-12T20:30:00-04:00')).to.deep.equal({ kind: 'ended' });
    expect(change('2026-05-12T20:30:00-04:00')).to.equal(undefined);
  });

  it("takes 'today' in the zone given", () => {
    // 18:30 on May 12 in Kolkata; the event starts there at 04:30 on May 13.
    expect(state('2026-05-12T09:00:00-04:00', KOLKATA)).to.deep.equal({ kind: 'later' });
    expect(change('2026-05-12T09:00:00-04:00', KOLKATA)).to.equal(iso('2026-05-13T00:00:00+05:30'));
  });

  it('counts down an event just after midnight before its day begins', () => {
    const early = at('2026-05-13T00:30:00-04:00');
    const now = time('2026-05-12T22:00:00-04:00');

    expect(liveState(early, undefined, now, NEW_YORK)).to.deep.equal({ kind: 'later' });
    expect(new Date(nextChange(early, undefined, now, NEW_YORK)!).toISOString()).to.equal(
      iso('2026-05-12T23:30:00-04:00'),
    );
    expect(liveState(early, undefined, time('2026-05-12T23:45:00-04:00'), NEW_YORK)).to.deep.equal({
      kind: 'soon',
      minutes: 45,
    });
  });

  it('takes an event without a later end to last an hour', () => {
    const justStarted = time('2026-05-12T19:59:00-04:00');

    expect(liveState(start, undefined, justStarted, NEW_YORK)).to.deep.equal({ kind: 'live' });
    expect(liveState(start, start, justStarted, NEW_YORK)).to.deep.equal({ kind: 'live' });
    expect(nextChange(start, undefined, justStarted, NEW_YORK)).to.equal(
      time('2026-05-12T20:00:00-04:00'),
    );
    expect(liveState(start, undefined, time('2026-05-12T20:00:00-04:00'), NEW_YORK)).to.deep.equal({
      kind: 'ended',
    });
  });

  it('changes the label at each nextChange and never between two of them', () => {
    let now = time('2026-05-10T12:00:00-04:00');
    const labels: string[] = [];

    for (let step = 0; step < 100; step++) {
      const current = liveState(start, end, now, NEW_YORK);
      labels.push(current.kind === 'soon' ? `soon ${current.minutes}` : current.kind);
      const next = nextChange(start, end, now, NEW_YORK);
      if (next === undefined) break;

      expect(next).to.be.greaterThan(now);
      expect(liveState(start, end, next - 1, NEW_YORK)).to.deep.equal(current);
      expect(liveState(start, end, next, NEW_YORK)).not.to.deep.equal(current);
      now = next;
    }

    const countdown = Array.from({ length: 60 }, (_, index) => `soon ${60 - index}`);
    expect(labels).to.deep.equal(['later', 'today', ...countdown, 'live', 'ended']);
  });
});

describe('event time: formatDayHeading', () => {
  const now = time('2026-12-03T12:00:00Z');

  it('names the day without the current year', () => {
    expect(formatDayHeading('2026-12-03', 'en-US', NEW_YORK, now)).to.equal('Thursday, December 3');
    expect(formatDayHeading('2026-12-03', 'de-DE', 'Europe/Berlin', now)).to.equal(
      'Donnerstag, 3. Dezember',
    );
  });

  it('adds the year when it is not the current one', () => {
    expect(formatDayHeading('2027-03-08', 'en-US', NEW_YORK, now)).to.equal(
      'Monday, March 8, 2027',
    );
    expect(formatDayHeading('2025-12-31', 'en-US', KOLKATA, now)).to.equal(
      'Wednesday, December 31, 2025',
    );
  });

  it("decides the current year in the zone's own time", () => {
    // 20:00 UTC on December 31 is already 10:00 on January 1, 2027 in Kiritimati (+14).
    const newYearsEve = time('2026-12-31T20:00:00Z');

    expect(formatDayHeading('2026-12-31', 'en-US', NEW_YORK, newYearsEve)).to.equal(
      'Thursday, December 31',
    );
    expect(formatDayHeading('2026-12-31', 'en-US', 'Pacific/Kiritimati', newYearsEve)).to.equal(
      'Thursday, December 31, 2026',
    );
  });

  it('keeps the date on clock-change days and far from UTC', () => {
    const heading = (day: string, zone: string): string =>
      formatDayHeading(day, 'en-US', zone, now);

    expect(heading('2026-03-08', NEW_YORK)).to.equal('Sunday, March 8');
    expect(heading('2026-03-29', LONDON)).to.equal('Sunday, March 29');
    expect(heading('2026-04-05', LORD_HOWE)).to.equal('Sunday, April 5');
    expect(heading('2026-10-04', LORD_HOWE)).to.equal('Sunday, October 4');
    expect(heading('2026-09-06', 'America/Santiago')).to.equal('Sunday, September 6');
    expect(heading('2026-07-01', KOLKATA)).to.equal('Wednesday, July 1');
    expect(heading('2026-07-01', 'Pacific/Kiritimati')).to.equal('Wednesday, July 1');
    expect(heading('2026-07-01', 'Pacific/Pago_Pago')).to.equal('Wednesday, July 1');
  });
});

describe('formatEventRange over several days', () => {
  // The year shows or not depending on the day the tests run, so only parts are checked.

  it('shows both dates of a three-day event', () => {
    const start = '2026-05-12T10:00:00-04:00';
    const end = '2026-05-14T16:00:00-04:00';

    const english = plain(formatEventRange(start, end, 'en', NEW_YORK));
    expect(english).to.contain('May 12').and.contain('May 14');
    expect(english).to.contain('10:00 AM').and.contain('4:00 PM');

    const german = plain(formatEventRange(start, end, 'de', NEW_YORK));
    expect(german).to.contain('12. Mai').and.contain('14. Mai');
    expect(german).to.contain('10:00').and.contain('16:00');
  });

  it('shows both dates of an event over midnight, and one where it is not', () => {
    const start = '2026-05-12T22:00:00-04:00';
    const end = '2026-05-13T01:00:00-04:00';

    const english = plain(formatEventRange(start, end, 'en', NEW_YORK));
    expect(english).to.contain('May 12').and.contain('May 13');
    expect(english).to.contain('10:00 PM').and.contain('1:00 AM');

    const german = plain(formatEventRange(start, end, 'de', NEW_YORK));
    expect(german).to.contain('12. Mai').and.contain('13. Mai');
    expect(german).to.contain('22:00').and.contain('01:00');

    const inKolkata = plain(formatEventRange(start, end, 'en', KOLKATA));
    expect(inKolkata).to.contain('May 13').and.not.contain('May 12');
    expect(inKolkata).to.contain('7:30').and.contain('10:30 AM');
  });
});

describe('formatEventRange across a clock change', () => {
  it('names each end with its own offset when the clocks go back', () => {
    // 1:30 EDT to 1:30 EST: an hour apart, though the clock reads the same.
    const shown = plain(
      formatEventRange('2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00', 'en', NEW_YORK),
    );
    expect(shown).to.contain('1:30 AM EDT').and.contain('1:30 AM EST');
  });

  it('names each end with its own offset when the clocks go forward', () => {
    const shown = plain(
      formatEventRange('2026-03-08T01:00:00-05:00', '2026-03-08T04:00:00-04:00', 'en', NEW_YORK),
    );
    expect(shown).to.contain('1:00 AM EST').and.contain('4:00 AM EDT');
  });
});
