// <circle-events> as a calendar: day-by-day list, time zones, live labels, compact and month
// views, the detail dialog, RSVPs to one event or to several dates of a series, and attributes.
import { sandbox, worker } from './support/sandbox.js';
import { axeViolations, captureWarnings } from './support/dom.js';
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';

import { nextId, syncEventRsvp } from '../demo/sandbox/model.js';
import { msg } from '../src/i18n/strings.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleEvents } from '../src/elements/circle-events/circle-events.js';
import type { CircleEventOpenEvent, CircleRsvpEvent } from '../src/events.js';
import '../src/elements/circle-events/circle-events.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type SandboxPost = (typeof sandbox.db.posts)[number];

// -------------------------------------------------------------------------------------------
// The element and what it shows

/** A <circle-events> with these attributes, for the sandbox's signed-in member. */
function createCalendar(attributes: Record<string, string | number>): CircleEvents {
  const element = document.createElement('circle-events');
  element.setAttribute('token-endpoint', ENDPOINT);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  return element;
}

async function calendar(attributes: Record<string, string | number> = {}): Promise<CircleEvents> {
  return fixture<CircleEvents>(createCalendar(attributes));
}

/** The same, far enough down the page that the end of its list starts out of view. */
async function calendarBelowTheFold(attributes: Record<string, string>): Promise<CircleEvents> {
  const element = createCalendar(attributes);
  const spacer = document.createElement('div');
  spacer.style.height = '3000px';
  const page = document.createElement('div');
  page.append(spacer, element);
  await fixture(page);
  return element;
}

function scopeOf(root: Element): ParentNode {
  return root.shadowRoot ?? root;
}

function part(root: Element, name: string): HTMLElement | null {
  return scopeOf(root).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(root: Element, name: string): HTMLElement[] {
  return [...scopeOf(root).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The text a screen reader gets: what is not inside an aria-hidden subtree. */
function spokenText(node: Element): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
    acceptNode: (textNode) =>
      textNode.parentElement?.closest('[aria-hidden="true"]')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  let spoken = '';
  while (walker.nextNode()) spoken += ` ${walker.currentNode.textContent}`;
  return spoken.replace(/\s+/g, ' ').trim();
}

// Assertions compare booleans and texts rather than DOM nodes: a failure that carries a node
// disconnects the test runner's browser instead of reporting.

/** Whether `selector` matches inside `root` (its shadow root when it has one). */
function has(root: Element, selector: string): boolean {
  return scopeOf(root).querySelector(selector) !== null;
}

function hasPart(root: Element, name: string): boolean {
  return part(root, name) !== null;
}

function describeNode(node: Element | null | undefined): string {
  return node ? `<${node.localName}> "${text(node).slice(0, 60)}"` : 'nothing';
}

/** Fails unless focus (inside the element's shadow root) is on `target`. */
function expectFocusOn(element: CircleEvents, target: Element | null | undefined, what: string) {
  const focused = element.shadowRoot!.activeElement;
  expect(
    target != null && focused === target,
    `focus should be on ${what}, not on ${describeNode(focused)}`,
  ).to.equal(true);
}

async function loaded(element: CircleEvents): Promise<HTMLElement[]> {
  await waitUntil(() => parts(element, 'item').length > 0, 'no events shown', WAIT);
  return parts(element, 'item');
}

function titles(items: HTMLElement[]): string[] {
  return items.map((item) => text(part(item, 'title')));
}

/** The card of one event post, found by its title's id. */
function card(element: CircleEvents, post: SandboxPost): HTMLElement {
  const title = element.shadowRoot!.getElementById(`event-${post.id}-title`);
  expect(title, `no card for "${post.name}"`).to.exist;
  return title!.closest<HTMLElement>('[part~="item"]')!;
}

function titleLink(element: CircleEvents, post: SandboxPost): HTMLAnchorElement {
  return part(card(element, post), 'title')!.querySelector('a')!;
}

function rsvpButton(root: HTMLElement): HTMLButtonElement | null {
  return part(root, 'rsvp-button') as HTMLButtonElement | null;
}

/** The heading of the day group a card sits in. */
function headingAbove(item: HTMLElement): string {
  return text(part(item.closest<HTMLElement>('[part~="day-group"]')!, 'day-heading'));
}

function dialogOf(element: CircleEvents): HTMLDialogElement {
  return part(element, 'detail') as HTMLDialogElement;
}

/**
 * Opens the detail with a click on the title, and waits for the event to show in it: it comes
 * with the detail's own code, which the click fetches if pointing at the title had not.
 */
async function openDetail(element: CircleEvents, post: SandboxPost): Promise<HTMLDialogElement> {
  titleLink(element, post).click();
  const dialog = dialogOf(element);
  await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
  await waitUntil(() => part(dialog, 'body'), 'the event did not show in the detail', WAIT);
  return dialog;
}

/** Waits for the detail's attendees and dates, which load once it opens. */
async function detailLoaded(dialog: HTMLDialogElement): Promise<void> {
  await waitUntil(
    () =>
      dialog.querySelector('.attendee-section, [part~="series"]') &&
      !text(dialog).includes(msg('loading')),
    'the detail did not finish loading',
    WAIT,
  );
}

/** Keeps a link the element left alone from opening a tab while a test clicks it. */
function preventNavigation(event: Event): void {
  const target = event.composedPath()[0];
  if (target instanceof Element && target.closest('a[href]')) event.preventDefault();
}

// -------------------------------------------------------------------------------------------
// The sandbox's events

const settingsOf = (post: SandboxPost) => post.event_setting_attributes!;
const startOf = (post: SandboxPost) => Date.parse(settingsOf(post).starts_at!);
const endOf = (post: SandboxPost) => Date.parse(settingsOf(post).ends_at!);
const events = () => sandbox.db.posts.filter((post) => post.event_setting_attributes);

function upcomingInSandbox(): SandboxPost[] {
  const now = Date.now();
  return events()
    .filter((post) => endOf(post) > now)
    .sort((a, b) => startOf(a) - startOf(b));
}

/** The next (or only) upcoming event with this name. */
function upcoming(name: string): SandboxPost {
  const post = upcomingInSandbox().find((candidate) => candidate.name === name);
  expect(post, `the sandbox should have an upcoming "${name}"`).to.exist;
  return post!;
}

function attendsInSandbox(post: SandboxPost): boolean {
  const attendees = sandbox.db.eventAttendees.get(post.id) ?? [];
  return attendees.some((attendee) => attendee.community_member_id === sandbox.db.currentMemberId);
}

/** Adds a one-off online event to the sandbox at the given times (ISO or epoch ms). */
function addEvent(name: string, startsAt: string | number, endsAt: string | number): SandboxPost {
  const template = events().find(
    (post) => post.event_type === 'single' && settingsOf(post).location_type === 'virtual',
  )!;
  const post = structuredClone(template);
  post.id = nextId(sandbox.db, 'post');
  post.name = post.display_title = name;
  post.slug = `${template.slug}-${post.id}`;
  post.url = `${template.url}-${post.id}`;
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  post.event_setting_attributes = {
    ...settingsOf(template),
    starts_at: start.toISOString(),
    ends_at: end.toISOString(),
    duration_in_seconds: (end.getTime() - start.getTime()) / 1000,
    rsvp_limit: null,
  };
  sandbox.db.posts.push(post);
  sandbox.db.eventAttendees.set(post.id, []);
  syncEventRsvp(sandbox.db, post);
  return post;
}

/** Makes the member an attendee of `post` in the sandbox, or not. */
function setAttending(post: SandboxPost, attending: boolean): void {
  const me = sandbox.db.members.find((member) => member.id === sandbox.db.currentMemberId)!;
  const others = (sandbox.db.eventAttendees.get(post.id) ?? []).filter(
    (attendee) => attendee.community_member_id !== me.id,
  );
  const mine = {
    id: nextId(sandbox.db, 'attendee'),
    community_member_id: me.id,
    contact_id: me.id,
    contact_type: 'CommunityMember',
    avatar_url: me.avatar_url,
    rsvp_date: new Date().toISOString(),
    rsvp_status: 'yes',
    name: me.name,
  };
  sandbox.db.eventAttendees.set(post.id, attending ? [...others, mine] : others);
  syncEventRsvp(sandbox.db, post);
}

/** Gives `post` this many attendees in all, adding guests with distinct names. */
function fillAttendees(post: SandboxPost, total: number): string[] {
  const attendees = [...(sandbox.db.eventAttendees.get(post.id) ?? [])];
  const avatar = sandbox.db.members[1].avatar_url;
  for (let guest = attendees.length + 1; attendees.length < total; guest += 1) {
    attendees.push({
      id: nextId(sandbox.db, 'attendee'),
      community_member_id: 900 + guest,
      contact_id: 900 + guest,
      contact_type: 'CommunityMember',
      avatar_url: avatar,
      rsvp_date: new Date().toISOString(),
      rsvp_status: 'yes',
      name: `Guest number ${guest}`,
    });
  }
  sandbox.db.eventAttendees.set(post.id, attendees);
  syncEventRsvp(sandbox.db, post);
  return attendees.map((attendee) => attendee.name);
}

// -------------------------------------------------------------------------------------------
// Requests the element makes

interface SentRequest {
  method: string;
  url: URL;
}

const sent: SentRequest[] = [];
const logRequest = ({ request }: { request: Request }) => {
  sent.push({ method: request.method, url: new URL(request.url) });
};

/** Requests with this method to API paths that match `path` (a RegExp on the path). */
function requestsTo(method: string, path: RegExp): SentRequest[] {
  return sent.filter((request) => request.method === method && path.test(request.url.pathname));
}

function eventPages(): SentRequest[] {
  return requestsTo('GET', /\/community_events$/);
}

/** The `event_ids` of each series RSVP, read as the sandbox answers it. */
function recordSeriesRsvps(): number[][] {
  const bodies: number[][] = [];
  worker.use(
    http.put(
      `${API}/spaces/:space_id/events/:event_id/recurring_events/rsvp`,
      async ({ request }) => {
        const body = (await request.clone().json()) as { event_ids: number[] };
        bodies.push(body.event_ids);
        return undefined;
      },
    ),
  );
  return bodies;
}

function serverError(): Response {
  return HttpResponse.json(
    { success: false, message: 'Something went wrong.', error_details: null },
    { status: 500 },
  );
}

/** Long enough for an IntersectionObserver or a request that should not come, to come. */
async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 250));
}

// -------------------------------------------------------------------------------------------
// Dates, computed with Intl

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function calendarDayIn(time: number, timeZone: string): CalendarDay {
  const pieces = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(time);
  const field = (type: string) => Number(pieces.find((piece) => piece.type === type)!.value);
  return { year: field('year'), month: field('month'), day: field('day') };
}

/** "2026-12-03": the day `time` falls on in `timeZone`. */
function dayKeyIn(time: number, timeZone: string): string {
  const { year, month, day } = calendarDayIn(time, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function utcNoonOf(dayKey: string): number {
  const [year, month, day] = dayKey.split('-').map(Number);
  return Date.UTC(year, month - 1, day, 12);
}

/** A day as a heading: "Thursday, December 3", with the year when it is not this year's. */
function longDate(dayKey: string, timeZone: string, lang: string): string {
  const thisYear = calendarDayIn(Date.now(), timeZone).year;
  const year = Number(dayKey.slice(0, 4));
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: year === thisYear ? undefined : 'numeric',
    timeZone: 'UTC',
  }).format(utcNoonOf(dayKey));
}

/** The list view's heading for the day `time` falls on: "Today · Thursday, December 3". */
function dayHeading(time: number, timeZone: string, lang: string): string {
  const day = dayKeyIn(time, timeZone);
  const date = longDate(day, timeZone, lang);
  const daysAway = Math.round((utcNoonOf(day) - utcNoonOf(dayKeyIn(Date.now(), timeZone))) / DAY);
  if (Math.abs(daysAway) > 1) return date;

  const words = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(daysAway, 'day');
  return `${words.charAt(0).toLocaleUpperCase(lang)}${words.slice(1)}${msg('separator')}${date}`;
}

/** "3:00", the hour and minute as Intl writes them in a zone, without the day period. */
function clockTime(time: number, timeZone: string, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone });
  const pieces = format.formatToParts(time);
  const hour = pieces.find((piece) => piece.type === 'hour')!.value;
  const minute = pieces.find((piece) => piece.type === 'minute')!.value;
  return `${hour}:${minute}`;
}

function zoneNameAt(time: number, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'short' })
    .formatToParts(time)
    .find((piece) => piece.type === 'timeZoneName')!.value;
}

function monthAndDay(time: number, timeZone: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone }).format(time);
}

/** Every day an event touches in `timeZone`; an end at midnight does not touch the next day. */
function daysTouched(post: SandboxPost, timeZone: string): Set<string> {
  const start = startOf(post);
  const end = Math.max(endOf(post), start + 1);
  const days = new Set<string>();
  for (let time = start; time < end; time += HOUR) days.add(dayKeyIn(time, timeZone));
  days.add(dayKeyIn(end - 1, timeZone));
  return days;
}

/** Fails unless `pieces` appear in `shown` in this order. */
function expectInOrder(shown: string, pieces: string[]): void {
  let from = 0;
  for (const piece of pieces) {
    const at = shown.indexOf(piece, from);
    expect(
      at,
      `"${piece}" should follow in "${shown}" (pieces: ${pieces.join(' | ')})`,
    ).to.be.at.least(0);
    from = at + piece.length;
  }
}

/** The day groups of the list view as a reader sees them. */
function shownDays(element: CircleEvents): { heading: string; titles: string[] }[] {
  return parts(element, 'day-group').map((group) => ({
    heading: text(part(group, 'day-heading')),
    titles: titles(parts(group, 'item')),
  }));
}

/** The groups `posts` should make, in order: consecutive events that start on the same day. */
function expectedDays(posts: SandboxPost[], timeZone: string, lang: string) {
  const groups: { heading: string; titles: string[] }[] = [];
  let lastDay = '';
  for (const post of posts) {
    const day = dayKeyIn(startOf(post), timeZone);
    if (day !== lastDay) {
      groups.push({ heading: dayHeading(startOf(post), timeZone, lang), titles: [] });
    }
    groups[groups.length - 1].titles.push(post.name!);
    lastDay = day;
  }
  return groups;
}

// -------------------------------------------------------------------------------------------

describe('<circle-events> calendar', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
    sent.length = 0;
    worker.events.on('request:start', logRequest);
    document.addEventListener('click', preventNavigation);
  });

  afterEach(() => {
    worker.events.removeListener('request:start', logRequest);
    document.removeEventListener('click', preventNavigation);
    window.scrollTo(0, 0);
  });

  describe('list view', () => {
    it('groups events under headings for the day they start in the shown zone', async () => {
      const timeZone = 'America/New_York';
      // Starting now, so it is today's whatever the time.
      const startingNow = addEvent('Starting now', Date.now(), Date.now() + HOUR);
      const element = await calendar({ 'time-zone': timeZone, 'per-page': 50 });
      await loaded(element);
      const lang = element.locale;

      expect(shownDays(element)).to.deep.equal(
        expectedDays(upcomingInSandbox().slice(0, 50), timeZone, lang),
      );

      const today = new Intl.DateTimeFormat(lang, {
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        timeZone,
      }).format(Date.now());
      const todayWord = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(0, 'day');
      const capitalised = todayWord.charAt(0).toUpperCase() + todayWord.slice(1);
      expect(headingAbove(card(element, startingNow))).to.equal(
        `${capitalised}${msg('separator')}${today}`,
      );

      const heading = part(element, 'day-heading')!;
      expect(heading.tagName).to.equal('H3');
      expect(heading.querySelector('time')!.getAttribute('datetime')).to.equal(
        dayKeyIn(startOf(upcomingInSandbox()[0]), timeZone),
      );
    });

    it('keeps the day heading in view while its events scroll under it', async () => {
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const [firstDay] = parts(element, 'day-group');
      const heading = part(firstDay, 'day-heading')!;
      expect(getComputedStyle(heading).position).to.equal('sticky');

      const dayTop = firstDay.getBoundingClientRect().top + window.scrollY;
      const dayHeight = firstDay.getBoundingClientRect().height;
      expect(dayHeight, 'the first day should be taller than its heading').to.be.above(
        heading.offsetHeight + 60,
      );
      window.scrollTo(0, dayTop + 40);
      await nextFrame();

      expect(firstDay.getBoundingClientRect().top).to.be.below(-30);
      expect(heading.getBoundingClientRect().top).to.be.closeTo(0, 1);
    });

    it('loads the next page when the end of the list scrolls into view', async () => {
      const element = await calendarBelowTheFold({ 'per-page': '3' });
      expect((await loaded(element)).length).to.equal(3);
      await settle();
      expect(parts(element, 'item').length, 'loaded more before the end came near').to.equal(3);
      expect(eventPages().map((request) => request.url.searchParams.get('page'))).to.deep.equal([
        '1',
      ]);

      element.shadowRoot!.querySelector('.sentinel')!.scrollIntoView();
      await waitUntil(
        () => parts(element, 'item').length >= 6,
        'scrolling to the end loaded nothing',
        WAIT,
      );
      expect(titles(parts(element, 'item')).slice(0, 6)).to.deep.equal(
        upcomingInSandbox()
          .slice(0, 6)
          .map((post) => post.name),
      );
    });

    it('with paging="button", waits for the Load more button', async () => {
      const element = await calendarBelowTheFold({ 'per-page': '3', paging: 'button' });
      expect((await loaded(element)).length).to.equal(3);
      expect(has(element, '.sentinel'), 'a sentinel is there').to.equal(false);

      const loadMore = part(element, 'load-more')!;
      expect(text(loadMore)).to.equal(msg('loadMore'));
      loadMore.scrollIntoView();
      await settle();
      expect(parts(element, 'item').length, 'loaded without a click').to.equal(3);

      loadMore.click();
      await waitUntil(() => parts(element, 'item').length === 6, 'the click loaded nothing', WAIT);
      expect(titles(parts(element, 'item'))).to.deep.equal(
        upcomingInSandbox()
          .slice(0, 6)
          .map((post) => post.name),
      );
    });
  });

  describe('time zones', () => {
    // An event across each zone's clock change (Kolkata has none); times in UTC.
    const weekends = [
      // 1:00 EST to 4:00 EDT: clocks go forward at 2:00.
      {
        timeZone: 'America/New_York',
        day: '2027-03-14',
        from: '2027-03-14T06:00Z',
        to: '2027-03-14T08:00Z',
      },
      // 0:30 GMT to 3:00 BST: clocks go forward at 1:00.
      {
        timeZone: 'Europe/London',
        day: '2027-03-28',
        from: '2027-03-28T00:30Z',
        to: '2027-03-28T02:00Z',
      },
      // 1:00 (UTC+11) to 3:00 (UTC+10:30): clocks go back half an hour at 2:00.
      {
        timeZone: 'Australia/Lord_Howe',
        day: '2027-04-04',
        from: '2027-04-03T14:00Z',
        to: '2027-04-03T16:30Z',
      },
      // 2:00 to 3:30 IST, on a day that has begun in Kolkata but not yet in UTC.
      {
        timeZone: 'Asia/Kolkata',
        day: '2027-03-14',
        from: '2027-03-13T20:30Z',
        to: '2027-03-13T22:00Z',
      },
    ];

    for (const { timeZone, day, from, to } of weekends) {
      it(`shows an event on ${day} in ${timeZone} with each end's own time and zone`, async () => {
        const post = addEvent(`Weekend session in ${timeZone}`, from, to);
        const element = await calendar({
          'time-zone': timeZone,
          'start-date': day,
          'end-date': day,
        });
        const items = await loaded(element);
        expect(titles(items)).to.deep.equal([post.name]);

        const lang = element.locale;
        const start = startOf(post);
        const end = endOf(post);
        const startZone = zoneNameAt(start, timeZone, lang);
        const endZone = zoneNameAt(end, timeZone, lang);
        expect(startZone !== endZone, 'the clocks should change during the event').to.equal(
          timeZone !== 'Asia/Kolkata',
        );

        const shown = text(part(items[0], 'time'));
        if (startZone === endZone) {
          expectInOrder(shown, [
            clockTime(start, timeZone, lang),
            clockTime(end, timeZone, lang),
            endZone,
          ]);
        } else {
          expectInOrder(shown, [
            clockTime(start, timeZone, lang),
            startZone,
            clockTime(end, timeZone, lang),
            endZone,
          ]);
        }
        expect(dayKeyIn(start, timeZone)).to.equal(day);
        expect(headingAbove(items[0])).to.equal(dayHeading(start, timeZone, lang));
      });
    }

    it('keeps a date window to the days of the zone shown, when the zone changes too', async () => {
      // 1:00 on Sunday 4 April 2027 on Lord Howe Island; still Saturday in UTC.
      const post = addEvent('Island breakfast', '2027-04-03T14:00Z', '2027-04-03T15:00Z');
      const element = await calendar({
        'time-zone': 'Australia/Lord_Howe',
        'start-date': '2027-04-04',
        'end-date': '2027-04-04',
      });
      expect(titles(await loaded(element))).to.deep.equal([post.name]);

      element.setAttribute('time-zone', 'UTC');
      await waitUntil(() => hasPart(element, 'empty'), 'the event stayed in the window', WAIT);
      expect(text(part(element, 'empty'))).to.equal(msg('eventsEmpty'));
    });

    it('puts a multi-day and a midnight-crossing event under the day each starts on', async () => {
      const summit = upcoming('Makers Summit Berlin');
      const party = upcoming('Midnight launch party 🚀');
      const zones = [
        'America/New_York',
        'Europe/London',
        'Asia/Kolkata',
        'Australia/Lord_Howe',
        'Pacific/Honolulu',
      ];
      for (const post of [summit, party]) {
        const days = new Set(zones.map((zone) => dayKeyIn(startOf(post), zone)));
        expect(days.size, `"${post.name}" should start on different days`).to.be.above(1);
      }
      expect(daysTouched(summit, 'Europe/Berlin').size).to.equal(3);

      const element = await calendar({ 'time-zone': zones[0], 'per-page': 50 });
      await loaded(element);
      const lang = element.locale;
      for (const timeZone of zones) {
        element.setAttribute('time-zone', timeZone);
        const expected = dayHeading(startOf(party), timeZone, lang);
        await waitUntil(
          () => {
            const title = element.shadowRoot!.getElementById(`event-${party.id}-title`);
            return (
              title && headingAbove(title.closest<HTMLElement>('[part~="item"]')!) === expected
            );
          },
          `"${party.name}" is not under "${expected}" in ${timeZone}`,
          WAIT,
        );
        expect(headingAbove(card(element, summit)), timeZone).to.equal(
          dayHeading(startOf(summit), timeZone, lang),
        );

        // A multi-day event names both its days.
        expectInOrder(text(part(card(element, summit), 'time')), [
          monthAndDay(startOf(summit), timeZone, lang),
          clockTime(startOf(summit), timeZone, lang),
          monthAndDay(endOf(summit), timeZone, lang),
          clockTime(endOf(summit), timeZone, lang),
        ]);
      }
    });
  });

  describe('live labels', () => {
    it('says "Happening now" and "Starts in 10 minutes"', async () => {
      const live = upcoming('Live: building a web component from scratch');
      const soon = addEvent('Starting soon', Date.now() + 10 * MINUTE, Date.now() + HOUR);
      const later = upcoming('Makers Summit Berlin');
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      const relative = new Intl.RelativeTimeFormat(element.locale, { numeric: 'auto' });
      expect(text(part(card(element, live), 'live-label'))).to.equal(msg('happeningNow'));
      expect(text(part(card(element, soon), 'live-label'))).to.equal(
        msg('startsIn', { relative: relative.format(10, 'minute') }),
      );
      expect(hasPart(card(element, later), 'live-label')).to.equal(false);
    });

    it('turns "Starts in 1 minute" into "Happening now" when the event starts', async function () {
      this.timeout(12_000);
      const startsAt = Date.now() + 4000;
      const post = addEvent('Starting any second', startsAt, startsAt + HOUR);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      const relative = new Intl.RelativeTimeFormat(element.locale, { numeric: 'auto' });
      const label = () => text(part(card(element, post), 'live-label'));
      expect(Date.now(), 'the list took too long to load').to.be.below(startsAt);
      expect(label()).to.equal(msg('startsIn', { relative: relative.format(1, 'minute') }));

      await waitUntil(() => label() === msg('happeningNow'), 'the label did not change', {
        timeout: 6000,
      });
      expect(Date.now()).to.be.at.least(startsAt);
    });

    it('catches up when the page becomes visible again', async () => {
      const startsAt = Date.now() + 10 * MINUTE;
      const post = addEvent('Starting in a while', startsAt, startsAt + HOUR);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const relative = new Intl.RelativeTimeFormat(element.locale, { numeric: 'auto' });
      const label = () => text(part(card(element, post), 'live-label'));
      expect(label()).to.equal(msg('startsIn', { relative: relative.format(10, 'minute') }));

      const realNow = Date.now;
      const skipped = 5 * MINUTE;
      Date.now = () => realNow() + skipped;
      try {
        document.dispatchEvent(new Event('visibilitychange'));
        await element.updateComplete;
        expect(label()).to.equal(msg('startsIn', { relative: relative.format(5, 'minute') }));

        Date.now = () => realNow() + 11 * MINUTE;
        document.dispatchEvent(new Event('visibilitychange'));
        await element.updateComplete;
        expect(label()).to.equal(msg('happeningNow'));
      } finally {
        Date.now = realNow;
      }
    });
  });

  describe('compact view', () => {
    it('shows the next three events without descriptions or paging', async () => {
      const element = await calendar({ view: 'compact' });
      const items = await loaded(element);

      expect(titles(items)).to.deep.equal(
        upcomingInSandbox()
          .slice(0, 3)
          .map((post) => post.name),
      );
      expect(parts(element, 'body').length, 'descriptions are shown').to.equal(0);
      expect(hasPart(element, 'load-more')).to.equal(false);
      expect(has(element, '.sentinel'), 'a sentinel is there').to.equal(false);
      expect(parts(element, 'day-heading').length, 'day headings are shown').to.equal(0);
    });

    it('shows `limit` events, and a click on a title opens the event', async () => {
      const element = await calendar({ view: 'compact', limit: 5 });
      const items = await loaded(element);
      const expected = upcomingInSandbox().slice(0, 5);
      expect(titles(items)).to.deep.equal(expected.map((post) => post.name));

      const dialog = await openDetail(element, expected[2]);
      expect(text(part(dialog, 'title'))).to.equal(expected[2].name);
    });
  });

  describe('month view', () => {
    const timeZone = 'America/New_York';

    function cells(element: CircleEvents): HTMLElement[] {
      return parts(element, 'day');
    }

    function tabbable(element: CircleEvents): HTMLElement[] {
      return cells(element).filter((cell) => cell.tabIndex === 0);
    }

    /** Checks every cell's name against the sandbox: its date and how many events it has. */
    function expectCellNames(element: CircleEvents, lang: string): void {
      const touched = events().map((post) => daysTouched(post, timeZone));
      for (const cell of cells(element)) {
        const day = cell.dataset.day!;
        const date = longDate(day, timeZone, lang);
        const count = touched.filter((days) => days.has(day)).length;
        const spoken = spokenText(cell);
        if (count === 0) {
          expect(spoken, day).to.equal(date);
        } else {
          const name = msg('dayEvents', { date, count });
          expect(spoken.slice(0, name.length), day).to.equal(name);
          expect(spoken.charAt(name.length), day).to.be.oneOf(['', ' ']);
        }
      }
    }

    async function monthLoaded(element: CircleEvents): Promise<void> {
      await waitUntil(
        () => cells(element).length > 0 && parts(element, 'day-event').length > 0,
        'the month shows no events',
        WAIT,
      );
      await waitUntil(() => !part(element, 'loading'), 'the month is still loading', WAIT);
    }

    it("shows this month's grid with each day's events", async () => {
      const element = await calendar({ view: 'month', 'time-zone': timeZone });
      await monthLoaded(element);
      const lang = element.locale;

      expect(text(part(element, 'month-title'))).to.equal(
        new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone }).format(
          Date.now(),
        ),
      );
      // The house `header` part names the month's header too.
      expect(hasPart(part(element, 'header')!, 'month-title')).to.equal(true);
      expect(part(element, 'header') === part(element, 'month-header')).to.equal(true);
      expect(part(element, 'day-today')!.dataset.day).to.equal(dayKeyIn(Date.now(), timeZone));
      expectCellNames(element, lang);

      const summit = upcoming('Makers Summit Berlin');
      const summitDays = cells(element)
        .filter((cell) => parts(cell, 'day-event').some((title) => text(title) === summit.name))
        .map((cell) => cell.dataset.day);
      expect(summitDays).to.deep.equal([...daysTouched(summit, timeZone)]);
      expect(summitDays).to.have.length(3);
    });

    it('moves the one tabbable day with the arrow keys, with a visible focus ring', async () => {
      const element = await calendar({ view: 'month', 'time-zone': timeZone });
      await monthLoaded(element);
      const today = dayKeyIn(Date.now(), timeZone);
      const dayAfter = (day: string, count: number) =>
        dayKeyIn(utcNoonOf(day) + count * DAY, 'UTC');

      expect(tabbable(element).map((cell) => cell.dataset.day)).to.deep.equal([today]);
      tabbable(element)[0].focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(tabbable(element).map((cell) => cell.dataset.day)).to.deep.equal([dayAfter(today, 1)]);
      expectFocusOn(element, tabbable(element)[0], 'the tabbable day');

      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(tabbable(element).map((cell) => cell.dataset.day)).to.deep.equal([dayAfter(today, 8)]);
      const focused = tabbable(element)[0];
      expectFocusOn(element, focused, 'the tabbable day');
      expect(focused.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(focused);
      expect(style.outlineStyle).not.to.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.above(0);
    });

    it("opens a day's events with Enter and moves focus to them", async () => {
      const element = await calendar({ view: 'month', 'time-zone': timeZone });
      await monthLoaded(element);
      const lang = element.locale;
      const today = dayKeyIn(Date.now(), timeZone);

      tabbable(element)[0].focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(element, 'day-panel'), 'no day panel', WAIT);
      const panel = part(element, 'day-panel')!;

      const expected = events()
        .filter((post) => daysTouched(post, timeZone).has(today))
        .sort((a, b) => startOf(a) - startOf(b));
      expect(expected.length, 'the sandbox should have events today').to.be.above(0);
      expect(titles(parts(panel, 'item'))).to.deep.equal(expected.map((post) => post.name));

      const heading = panel.querySelector('h3')!;
      expect(text(heading)).to.equal(msg('eventsOn', { date: longDate(today, timeZone, lang) }));
      expectFocusOn(element, heading, "the day panel's heading");
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('shows the next member no day the last one had open', async () => {
      const element = await calendar({ view: 'month', 'time-zone': timeZone });
      await monthLoaded(element);
      tabbable(element)[0].focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(element, 'day-panel'), 'no day panel', WAIT);

      const session = getSession(element.getAttribute('token-endpoint')!);
      await session.signOut();
      await waitUntil(() => part(element, 'signed-out'), 'still signed in', WAIT);
      session.reload();
      await monthLoaded(element);
      expect(part(element, 'day-panel'), "the last member's day is open").to.equal(null);
    });

    it("shows the next month with PageDown and loads that month's events", async () => {
      const element = await calendar({ view: 'month', 'time-zone': timeZone });
      await monthLoaded(element);
      const lang = element.locale;
      const [year, month] = dayKeyIn(Date.now(), timeZone).split('-').map(Number);
      const nextMonth = new Date(Date.UTC(year, month, 1, 12));

      sent.length = 0;
      tabbable(element)[0].focus();
      await sendKeys({ press: 'PageDown' });
      const title = new Intl.DateTimeFormat(lang, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(nextMonth);
      await waitUntil(() => text(part(element, 'month-title')) === title, 'no next month', WAIT);
      await waitUntil(() => eventPages().length > 0, 'no events requested', WAIT);
      await waitUntil(() => !part(element, 'loading'), 'the month is still loading', WAIT);

      const shown = cells(element).map((cell) => cell.dataset.day!);
      const [first, last] = [shown[0], shown[shown.length - 1]];
      const query = eventPages()[0].url.searchParams;
      const from = query.get('filter_date[start_date]')!;
      const until = query.get('filter_date[end_date]')!;
      const range = `${from} to ${until} for the grid's ${first} to ${last}`;
      const nearFirst = dayKeyIn(utcNoonOf(first) - 3 * DAY, 'UTC');
      const nearLast = dayKeyIn(utcNoonOf(last) + 3 * DAY, 'UTC');
      expect(from <= first && from >= nearFirst, range).to.equal(true);
      expect(until >= last && until <= nearLast, range).to.equal(true);

      expectFocusOn(element, tabbable(element)[0], 'the tabbable day');
      expectCellNames(element, lang);
    });

    it("shows the grid's days of another zone when the zone changes", async () => {
      const element = await calendar({ view: 'month', 'time-zone': 'Pacific/Kiritimati' });
      await monthLoaded(element);
      const lastCell = () => cells(element)[cells(element).length - 1];
      const lastDay = lastCell().dataset.day!;
      const titlesOn = (cell: HTMLElement) => parts(cell, 'day-event').map(text);

      // 20:00 in Honolulu on the grid's last day: the next evening in Kiritimati, off the grid.
      const startsAt = Date.parse(`${lastDay}T20:00:00-10:00`);
      const post = addEvent('Late luau', startsAt, startsAt + HOUR);
      element.refresh();
      await waitUntil(() => !part(element, 'loading'), 'the month is still loading', WAIT);
      expect(titlesOn(lastCell())).not.to.include(post.name);

      element.setAttribute('time-zone', 'Pacific/Honolulu');
      await waitUntil(
        () => titlesOn(lastCell()).includes(post.name!),
        `"${post.name}" is not on ${lastDay} in Honolulu`,
        WAIT,
      );
      expect(lastCell().dataset.day).to.equal(lastDay);
    });
  });

  describe('detail dialog', () => {
    it('opens a modal dialog with the whole event, after telling the host', async () => {
      const post = upcoming('Midnight launch party 🚀');
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const opened: CircleEventOpenEvent[] = [];
      const openBeforeEvent: boolean[] = [];
      element.addEventListener('circle-event-open', (event) => {
        opened.push(event);
        openBeforeEvent.push(dialogOf(element).open);
      });

      const dialog = await openDetail(element, post);
      expect(opened.length).to.equal(1);
      expect(openBeforeEvent).to.deep.equal([false]);
      expect(opened[0].cancelable).to.equal(true);
      expect(opened[0].event.id).to.equal(post.id);
      expect(opened[0].url).to.equal(post.url);
      expect(dialog.matches(':modal')).to.equal(true);

      expect(text(part(dialog, 'title'))).to.equal(post.name);
      expect((part(dialog, 'cover') as HTMLImageElement).src).to.equal(post.cover_image);
      expect(text(part(dialog, 'host'))).to.equal(msg('hostedBy', { name: post.author.name! }));

      // The whole description, as rich text: the card's is plain and clamped.
      const body = part(dialog, 'body')!;
      expect(has(body, 'ul li'), 'no list in the description').to.equal(true);
      expect(text(body)).to.include('Bring questions!');
      expect(getComputedStyle(body).webkitLineClamp).to.equal('none');
      expect(body.scrollHeight).to.be.at.most(body.clientHeight + 1);
      expect(has(part(card(element, post), 'body')!, 'ul')).to.equal(false);

      await detailLoaded(dialog);
      const names = (sandbox.db.eventAttendees.get(post.id) ?? []).map((a) => a.name);
      expect(names.length, 'the event should have attendees').to.be.above(0);
      expect(parts(dialog, 'attendee').map(text).sort()).to.deep.equal([...names].sort());
      expect(hasPart(dialog, 'load-more')).to.equal(false);
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('closes with Esc and puts focus back on the title', async () => {
      const post = upcoming('Midnight launch party 🚀');
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const link = titleLink(element, post);
      const dialog = dialogOf(element);

      link.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open, 'Enter did not open the detail', WAIT);
      const inDialog = dialog.contains(element.shadowRoot!.activeElement);
      expect(inDialog, 'focus is not in the dialog').to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
      expectFocusOn(element, link, 'the title link');

      // Opened by a tap, which focuses nothing, focus still comes back to the title.
      link.blur();
      await openDetail(element, post);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'Esc did not close the detail', WAIT);
      expectFocusOn(element, link, 'the title link');
    });

    it('stays closed when the host cancels circle-event-open', async () => {
      const post = upcoming('Midnight launch party 🚀');
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const opened: CircleEventOpenEvent[] = [];
      element.addEventListener('circle-event-open', (event) => {
        opened.push(event);
        event.preventDefault();
      });

      titleLink(element, post).click();
      await element.updateComplete;
      await settle();
      expect(opened.map((event) => event.event.id)).to.deep.equal([post.id]);
      expect(dialogOf(element).open).to.equal(false);
      expect(text(dialogOf(element))).to.equal('');
    });

    it('opens and throws nothing when the element leaves before the detail opens', async () => {
      const post = upcoming('Midnight launch party 🚀');
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const dialog = dialogOf(element);
      const thrown: string[] = [];
      const onError = (event: ErrorEvent) => thrown.push(event.message);
      const onRejection = (event: PromiseRejectionEvent) => thrown.push(String(event.reason));
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);

      // A page that swaps its content on the same click takes the element away with it.
      try {
        titleLink(element, post).click();
        element.remove();
        await settle();
      } finally {
        window.removeEventListener('error', onError);
        window.removeEventListener('unhandledrejection', onRejection);
      }
      expect(thrown, 'thrown or unhandled').to.deep.equal([]);
      expect(dialog.open).to.equal(false);
    });

    it('shows the event opened in the same task as the last one closed', async () => {
      const [first, second] = [
        upcoming('Midnight launch party 🚀'),
        upcoming('Writing for developers workshop'),
      ];
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const dialog = await openDetail(element, first);

      // The closed dialog's `close` event comes in a later task, once the second event is open.
      dialog.close();
      titleLink(element, second).click();
      await waitUntil(() => dialog.open, 'the second event did not open', WAIT);
      await settle();
      expect(dialog.open, 'the dialog closed again').to.equal(true);
      expect(text(part(dialog, 'title'))).to.equal(second.name);
      const inDialog = dialog.contains(element.shadowRoot!.activeElement);
      expect(inDialog, 'focus left the dialog').to.equal(true);
      dialog.close();
    });

    it('lists attendees 20 at a time, and the facepile opens them', async () => {
      const post = upcoming('Writing for developers workshop');
      const names = fillAttendees(post, 26);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      const facepile = part(card(element, post), 'facepile')!;
      expect(parts(facepile, 'avatar').length).to.equal(5);
      expect(text(facepile)).to.equal(msg('attendees', { count: 26 }));
      facepile.click();
      const dialog = dialogOf(element);
      await waitUntil(() => dialog.open, 'the facepile did not open the detail', WAIT);
      await waitUntil(
        () => parts(dialog, 'attendee').length === 20,
        'the first 20 attendees did not show',
        WAIT,
      );
      const heading = dialog.querySelector('#detail-attendees');
      await waitUntil(
        () => heading !== null && element.shadowRoot!.activeElement === heading,
        'focus is not on the attendees heading',
        WAIT,
      );
      expect(text(heading)).to.equal(msg('attendees', { count: 26 }));

      part(dialog, 'load-more')!.click();
      await waitUntil(() => parts(dialog, 'attendee').length === 26, 'no more attendees', WAIT);
      expect(parts(dialog, 'attendee').map(text).sort()).to.deep.equal([...names].sort());
      expect(hasPart(dialog, 'load-more')).to.equal(false);
    });

    it('shows no attendees for an event that hides them', async () => {
      const post = upcoming('Founders breakfast (invite only)');
      expect(settingsOf(post).hide_attendees).to.equal(true);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      expect(hasPart(card(element, post), 'facepile')).to.equal(false);
      expect(hasPart(card(element, post), 'attendees')).to.equal(false);

      const dialog = await openDetail(element, post);
      await waitUntil(() => !text(dialog).includes(msg('loading')), 'still loading', WAIT);
      expect(hasPart(dialog, 'attendee-list')).to.equal(false);
      expect(has(dialog, '#detail-attendees')).to.equal(false);
      const attendeeRequests = requestsTo('GET', new RegExp(`/events/${post.id}/event_attendees$`));
      expect(attendeeRequests.length, 'the attendees were asked for').to.equal(0);
    });
  });

  describe('RSVP', () => {
    it('asks the host with circle-rsvp before sending anything', async () => {
      const post = upcoming('Writing for developers workshop');
      setAttending(post, false);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const asked: { event: CircleRsvpEvent; postsSoFar: number }[] = [];
      const rsvps = () => requestsTo('POST', /\/event_attendees$/);
      element.addEventListener('circle-rsvp', (event) => {
        asked.push({ event, postsSoFar: rsvps().length });
      });

      rsvpButton(card(element, post))!.click();
      await waitUntil(() => attendsInSandbox(post), 'the RSVP was not saved', WAIT);
      expect(asked.length).to.equal(1);
      expect(asked[0].postsSoFar).to.equal(0);
      expect(asked[0].event.cancelable).to.equal(true);
      expect(asked[0].event.event.id).to.equal(post.id);
      expect(asked[0].event.going).to.equal(true);
      expect(asked[0].event.eventIds).to.deep.equal([post.id]);
      expect(rsvps().length).to.equal(1);
    });

    it('sends nothing and changes nothing when the host cancels circle-rsvp', async () => {
      const post = upcoming('Writing for developers workshop');
      setAttending(post, false);
      const count = settingsOf(post).rsvp_count;
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      element.addEventListener('circle-rsvp', (event) => event.preventDefault());

      const item = card(element, post);
      rsvpButton(item)!.click();
      await element.updateComplete;
      await settle();

      expect(requestsTo('POST', /\/event_attendees$/).length, 'an RSVP was sent').to.equal(0);
      expect(text(rsvpButton(item))).to.equal(msg('rsvp'));
      expect(text(part(item, 'going'))).to.equal('');
      expect(text(part(item, 'attendees'))).to.equal(msg('attendees', { count: count! }));
      expect(attendsInSandbox(post)).to.equal(false);
    });

    it('says a full event is full, on its card and in its detail', async () => {
      const post = upcoming('Design critique circle');
      expect(post.rsvped_event).to.equal(false);
      expect(settingsOf(post).rsvp_count).to.equal(settingsOf(post).rsvp_limit);
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      expect(hasPart(card(element, post), 'rsvp-button')).to.equal(false);
      expect(text(part(card(element, post), 'rsvp-state'))).to.equal(msg('eventFull'));
      const dialog = await openDetail(element, post);
      expect(hasPart(dialog, 'rsvp-button')).to.equal(false);
      expect(text(part(dialog, 'rsvp-state'))).to.equal(msg('eventFull'));
    });
  });

  describe('recurring series', () => {
    const SERIES = 'Co-working hour (CET)';

    /** The series' upcoming occurrences, the member going to none unless `going` says so. */
    function seriesSetup(going: number[] = []): SandboxPost[] {
      const first = upcoming(SERIES);
      const series = sandbox.db.recurringSeries.find((entry) => entry.eventIds.includes(first.id))!;
      const dates = upcomingInSandbox().filter((post) => series.eventIds.includes(post.id));
      dates.forEach((post, index) => setAttending(post, going.includes(index)));
      expect(dates.length, 'the series should have at least 4 upcoming dates').to.be.at.least(4);
      return dates;
    }

    async function openSeries(dates: SandboxPost[]) {
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const dialog = await openDetail(element, dates[0]);
      await waitUntil(
        () => parts(dialog, 'series-date').length === dates.length - 1,
        'the next dates did not show',
        WAIT,
      );
      return { element, dialog };
    }

    function seriesButton(dialog: HTMLElement, label: string): HTMLButtonElement {
      const button = parts(part(dialog, 'series-rsvp')!, 'button').find((b) => text(b) === label);
      expect(button !== undefined, `no "${label}" button`).to.equal(true);
      return button as HTMLButtonElement;
    }

    it('lists the next dates of the series in the detail', async () => {
      const dates = seriesSetup();
      const { element, dialog } = await openSeries(dates);
      const lang = element.locale;
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

      const rows = parts(dialog, 'series-date');
      dates.slice(1).forEach((post, index) => {
        expectInOrder(text(rows[index]), [
          monthAndDay(startOf(post), timeZone, lang),
          clockTime(startOf(post), timeZone, lang),
        ]);
        expect(has(rows[index], 'input[type="checkbox"]')).to.equal(true);
      });
    });

    it('RSVPs to the ticked dates in one request', async () => {
      const dates = seriesSetup();
      const bodies = recordSeriesRsvps();
      const { element, dialog } = await openSeries(dates);
      const [, second, third, fourth] = dates;
      const box = (post: SandboxPost) =>
        dialog.querySelector<HTMLInputElement>(`#series-date-${post.id}`)!;

      box(second).click();
      box(fourth).click();
      await element.updateComplete;
      seriesButton(dialog, msg('rsvpChosenDates', { count: 2 })).click();

      await waitUntil(() => bodies.length === 1, 'no series RSVP sent', WAIT);
      await waitUntil(() => attendsInSandbox(fourth), 'the RSVP was not saved', WAIT);
      expect(bodies[0].slice().sort()).to.deep.equal([second.id, fourth.id].sort());
      expect(requestsTo('PUT', /\/recurring_events\/rsvp$/).length).to.equal(1);
      expect(requestsTo('POST', /\/event_attendees$/).length).to.equal(0);
      expect([second, third, fourth].map(attendsInSandbox)).to.deep.equal([true, false, true]);

      await element.updateComplete;
      // How many dates the series has left depends on the hour; the ticked ones are going.
      const rows = parts(dialog, 'series-date');
      expect(rows.map((row) => text(part(row, 'going')))).to.deep.equal(
        dates.slice(1).map((post) => ([second, fourth].includes(post) ? msg('going') : '')),
      );
      expect(box(third) !== null, 'the third date lost its checkbox').to.equal(true);
      expect(text(part(card(element, fourth), 'going'))).to.equal(msg('going'));
    });

    it('RSVPs to all open dates', async () => {
      const dates = seriesSetup([2]);
      const bodies = recordSeriesRsvps();
      const { dialog } = await openSeries(dates);
      const open = dates.slice(1).filter((_, index) => index !== 1);

      seriesButton(dialog, msg('rsvpAllDates')).click();
      await waitUntil(() => bodies.length === 1, 'no series RSVP sent', WAIT);
      expect(bodies[0].slice().sort()).to.deep.equal(open.map((post) => post.id).sort());
      await waitUntil(() => open.every(attendsInSandbox), 'the RSVPs were not saved', WAIT);
      await waitUntil(
        () =>
          parts(dialog, 'series-date').every((row) => text(part(row, 'going')) === msg('going')),
        'not every date says "You\'re going"',
        WAIT,
      );
    });

    /** Adds weekly dates after the series' last one until it has `total` upcoming dates. */
    function extendSeries(dates: SandboxPost[], total: number): SandboxPost[] {
      const series = sandbox.db.recurringSeries.find((entry) =>
        entry.eventIds.includes(dates[0].id),
      )!;
      const all = [...dates];
      while (all.length < total) {
        const last = all[all.length - 1];
        const post = structuredClone(last);
        post.id = nextId(sandbox.db, 'post');
        post.slug = `${dates[0].slug}-${post.id}`;
        post.url = `${dates[0].url}-${post.id}`;
        post.event_setting_attributes = {
          ...settingsOf(last),
          starts_at: new Date(startOf(last) + 7 * DAY).toISOString(),
          ends_at: new Date(endOf(last) + 7 * DAY).toISOString(),
        };
        sandbox.db.posts.push(post);
        sandbox.db.eventAttendees.set(post.id, []);
        syncEventRsvp(sandbox.db, post);
        series.eventIds.push(post.id);
        all.push(post);
      }
      return all;
    }

    it('RSVPs to every upcoming date of a long series, not only those loaded', async function () {
      // The rest of the dates load before the RSVP is sent, on a machine that may be busy.
      this.timeout(15_000);
      const dates = extendSeries(seriesSetup(), 14);
      const others = dates.slice(1);
      const bodies = recordSeriesRsvps();
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);
      const dialog = await openDetail(element, dates[0]);
      // The dates load ten at a time: the first page shows, and "Load more" offers the rest.
      await waitUntil(() => parts(dialog, 'series-date').length === 10, 'no dates', WAIT);
      expect(hasPart(part(dialog, 'series')!, 'load-more')).to.equal(true);

      seriesButton(dialog, msg('rsvpAllDates')).click();
      await waitUntil(() => bodies.length === 1, 'no series RSVP sent', WAIT);
      expect(bodies[0].slice().sort()).to.deep.equal(others.map((post) => post.id).sort());
      await waitUntil(() => others.every(attendsInSandbox), 'the RSVPs were not saved', WAIT);

      await element.updateComplete;
      const rows = parts(dialog, 'series-date');
      expect(rows.length).to.equal(others.length);
      expect(rows.map((row) => text(part(row, 'going')))).to.deep.equal(
        others.map(() => msg('going')),
      );
      expect(hasPart(part(dialog, 'series')!, 'load-more')).to.equal(false);
      expect(text(part(card(element, dates[13]), 'going'))).to.equal(msg('going'));
      expect(requestsTo('PUT', /\/recurring_events\/rsvp$/).length).to.equal(1);
    });

    it('sends no RSVP and says so when the remaining dates fail to load', async function () {
      // The client retries a failed page twice, with backoff, before giving up.
      this.timeout(15_000);
      const dates = extendSeries(seriesSetup(), 14);
      const bodies = recordSeriesRsvps();
      const errors: CustomEvent[] = [];
      const element = await calendar({ 'per-page': 50 });
      element.addEventListener('circle-error', (event) => errors.push(event as CustomEvent));
      await loaded(element);
      const dialog = await openDetail(element, dates[0]);
      await waitUntil(() => parts(dialog, 'series-date').length === 10, 'no dates', WAIT);
      worker.use(
        http.get(`${API}/spaces/:space_id/events/:event_id/recurring_events`, serverError),
      );

      seriesButton(dialog, msg('rsvpAllDates')).click();
      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
      expect(text(part(element, 'notice'))).to.equal(msg('rsvpDatesFailed'));
      await settle();
      expect(bodies).to.deep.equal([]);
      expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
      expect(parts(dialog, 'series-date').map((row) => text(part(row, 'going')))).to.deep.equal(
        dates.slice(1, 11).map(() => ''),
      );
    });

    it('undoes the dates and says so when the RSVP fails', async () => {
      const dates = seriesSetup();
      worker.use(
        http.put(`${API}/spaces/:space_id/events/:event_id/recurring_events/rsvp`, serverError),
      );
      const { element, dialog } = await openSeries(dates);
      const box = (post: SandboxPost) =>
        dialog.querySelector<HTMLInputElement>(`#series-date-${post.id}`);

      box(dates[1])!.click();
      await element.updateComplete;
      seriesButton(dialog, msg('rsvpChosenDates', { count: 1 })).click();
      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);

      expect(text(part(element, 'notice'))).to.equal(msg('rsvpDatesFailed'));
      expect(parts(dialog, 'series-date').map((row) => text(part(row, 'going')))).to.deep.equal(
        dates.slice(1).map(() => ''),
      );
      expect(box(dates[1]) !== null, 'the date lost its checkbox').to.equal(true);
      expect(attendsInSandbox(dates[1])).to.equal(false);
    });

    it('cancels the RSVP to one date', async () => {
      const dates = seriesSetup([1]);
      const { element, dialog } = await openSeries(dates);
      const going = parts(dialog, 'series-date')[0];
      expect(text(part(going, 'going'))).to.equal(msg('going'));

      const cancel = parts(going, 'button').find((button) => text(button) === msg('cancelRsvp'))!;
      cancel.click();
      await waitUntil(() => !attendsInSandbox(dates[1]), 'the RSVP was not cancelled', WAIT);
      expect(
        requestsTo('DELETE', /\/event_attendees$/).map((request) => request.url.pathname),
      ).to.deep.equal([`/api/headless/v1/events/${dates[1].id}/event_attendees`]);
      await element.updateComplete;
      expect(has(dialog, `#series-date-${dates[1].id}`), 'no checkbox for the date').to.equal(true);
      expect(text(part(parts(dialog, 'series-date')[0], 'going'))).to.equal('');
    });

    it('keeps the date and says so when cancelling one date fails', async () => {
      const dates = seriesSetup([1]);
      worker.use(http.delete(`${API}/events/:event_id/event_attendees`, serverError));
      const { element, dialog } = await openSeries(dates);
      const row = () => parts(dialog, 'series-date')[0];

      const cancel = parts(row(), 'button').find((button) => text(button) === msg('cancelRsvp'))!;
      cancel.click();
      await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);

      expect(text(part(element, 'notice'))).to.equal(msg('cancelRsvpFailed'));
      await element.updateComplete;
      expect(text(part(row(), 'going'))).to.equal(msg('going'));
      const button = parts(row(), 'button').find((b) => text(b) === msg('cancelRsvp'));
      expect(button !== undefined, 'the Cancel RSVP button went away').to.equal(true);
      expect(button!.getAttribute('aria-disabled')).to.equal('false');
      expect(has(dialog, `#series-date-${dates[1].id}`), 'the date got a checkbox').to.equal(false);
      expect(attendsInSandbox(dates[1])).to.equal(true);
    });
  });

  describe('locations', () => {
    it('links an in-person event to a map search for its place', async () => {
      const post = upcoming('Makers Summit Berlin');
      const place = settingsOf(post).in_person_location!;
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      const link = part(card(element, post), 'map-link') as HTMLAnchorElement;
      const prefix = 'https://www.google.com/maps/search/?api=1&query=';
      expect(link.getAttribute('href')).to.equal(`${prefix}${encodeURIComponent(place)}`);
      expect(new URL(link.href).searchParams.get('query')).to.equal(place);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      const online = card(element, upcoming('Writing for developers workshop'));
      expect(hasPart(online, 'map-link'), 'an online event has a map link').to.equal(false);
    });

    it('keeps a hidden join link out of the detail until the member RSVPs', async () => {
      const post = upcoming('Writing for developers workshop');
      setAttending(post, false);
      settingsOf(post).hide_location_from_non_attendees = true;
      const joinUrl = settingsOf(post).virtual_location_url!;
      const element = await calendar({ 'per-page': 50 });
      await loaded(element);

      const dialog = await openDetail(element, post);
      const joinLinks = () =>
        [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="location"] a')].filter(
          (link) => link.href === new URL(joinUrl).href,
        );
      expect(text(part(dialog, 'location'))).to.include(msg('locationForAttendees'));
      expect(joinLinks().length).to.equal(0);

      rsvpButton(dialog)!.click();
      await waitUntil(() => attendsInSandbox(post), 'the RSVP was not saved', WAIT);
      await element.updateComplete;
      expect(joinLinks().length, 'the card and the detail should show the link').to.equal(2);
      expect(text(part(dialog, 'location')!.querySelector('a'))).to.equal(msg('joinLink'));
    });
  });

  describe('attribute values it cannot use', () => {
    const firstTitles = (count: number) =>
      upcomingInSandbox()
        .slice(0, count)
        .map((post) => post.name);

    const cases: {
      attributes: Record<string, string>;
      name: string;
      /** Checks that the element went on with the default. */
      goesOn: (element: CircleEvents) => void;
    }[] = [
      {
        attributes: { view: 'grid' },
        name: 'view',
        goesOn: (element) => {
          expect(parts(element, 'day-heading').length, 'no day headings').to.be.above(0);
          expect(titles(parts(element, 'item'))).to.deep.equal(firstTitles(10));
        },
      },
      {
        attributes: { paging: 'endless', 'per-page': '3' },
        name: 'paging',
        goesOn: (element) => expect(has(element, '.sentinel'), 'no sentinel').to.equal(true),
      },
      {
        attributes: { view: 'compact', limit: '0' },
        name: 'limit',
        goesOn: (element) => expect(titles(parts(element, 'item'))).to.deep.equal(firstTitles(3)),
      },
      {
        attributes: { view: 'compact', limit: '-1' },
        name: 'limit',
        goesOn: (element) => expect(titles(parts(element, 'item'))).to.deep.equal(firstTitles(3)),
      },
      {
        attributes: { 'start-date': '2000-01-02', 'end-date': '2000-01-01' },
        name: 'end-date',
        goesOn: (element) => {
          const query = eventPages()[0].url.searchParams;
          expect(query.has('filter_date[end_date]'), 'the reversed end was sent').to.equal(false);
          expect(titles(parts(element, 'item'))).to.deep.equal(firstTitles(10));
        },
      },
      {
        attributes: { 'start-date': '2026-02-30' },
        name: 'start-date',
        goesOn: (element) => {
          const query = eventPages()[0].url.searchParams;
          expect(query.has('filter_date[start_date]'), 'the date was sent').to.equal(false);
          expect(titles(parts(element, 'item'))).to.deep.equal(firstTitles(10));
        },
      },
    ];

    for (const { attributes, name, goesOn } of cases) {
      const named = `${name}="${attributes[name]}"`;
      it(`warns once about ${named} and goes on with the default`, async () => {
        let element!: CircleEvents;
        const logged = await captureWarnings(async () => {
          element = await calendar(attributes);
          await loaded(element);
          await settle();
        });

        expect(logged.filter((line) => line.includes(named)).length, 'console warnings').to.equal(
          1,
        );
        const warnings = parts(element, 'config-warning').map(text);
        expect(warnings.filter((warning) => warning.includes(named)).length).to.equal(1);
        goesOn(element);
      });
    }
  });
});
