import { sandbox, worker } from './support/sandbox.js';
import { captureWarnings } from './support/dom.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import ICAL from 'ical.js';
import { http, HttpResponse } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { EventPost } from '../src/api/types.js';
import type { CircleEvents } from '../src/elements/circle-events/circle-events.js';
import type { WallClock } from '../src/elements/circle-events/event-time.js';
import {
  googleCalendarUrl,
  icsFor,
  loadIcs,
  outlookUrl,
} from '../src/elements/circle-events/calendar.js';
import '../src/elements/circle-events/circle-events.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };
const DAY = 24 * 60 * 60 * 1000;

type SandboxPost = (typeof sandbox.db.posts)[number];

interface Options {
  filter?: string;
  timeZone?: string;
  perPage?: number;
  space?: string;
  paging?: 'button' | 'infinite';
}

async function eventList(options: Options = {}): Promise<CircleEvents> {
  const element = document.createElement('circle-events');
  element.setAttribute('token-endpoint', ENDPOINT);
  if (options.filter) element.setAttribute('filter', options.filter);
  if (options.timeZone) element.setAttribute('time-zone', options.timeZone);
  if (options.perPage) element.setAttribute('per-page', String(options.perPage));
  if (options.space) element.setAttribute('space', options.space);
  if (options.paging) element.setAttribute('paging', options.paging);
  return fixture<CircleEvents>(element);
}

function part(root: CircleEvents | Element, name: string): HTMLElement | null {
  const scope = root instanceof HTMLElement && root.shadowRoot ? root.shadowRoot : root;
  return scope.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(root: CircleEvents | Element, name: string): HTMLElement[] {
  const scope = root instanceof HTMLElement && root.shadowRoot ? root.shadowRoot : root;
  return [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function loaded(element: CircleEvents): Promise<HTMLElement[]> {
  await waitUntil(() => parts(element, 'item').length > 0, 'no events shown', WAIT);
  return parts(element, 'item');
}

/** The card of one event post, found by its title's id. */
function card(element: CircleEvents, post: SandboxPost): HTMLElement {
  const title = element.shadowRoot!.getElementById(`event-${post.id}-title`);
  expect(title, `no card for "${post.name}"`).to.exist;
  return title!.closest<HTMLElement>('[part~="item"]')!;
}

function rsvpButton(element: CircleEvents, post: SandboxPost): HTMLButtonElement {
  return part(card(element, post), 'rsvp-button') as HTMLButtonElement;
}

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

function pastInSandbox(): SandboxPost[] {
  const now = Date.now();
  return events()
    .filter((post) => endOf(post) <= now)
    .sort((a, b) => startOf(b) - startOf(a));
}

const isFull = (post: SandboxPost) => {
  const { rsvp_limit: limit, rsvp_count: count = 0 } = settingsOf(post);
  return typeof limit === 'number' && count >= limit;
};

/** An upcoming event the member can RSVP to, online unless `inPerson`. */
/**
 * The first upcoming single event the member can still RSVP to. Which one that is depends on the
 * hour, as the sandbox lays its events out around now; a series is left out, since the tests that
 * use this expect one date, no recurrence rule and no zone of its own.
 */
function openEvent(inPerson = false): SandboxPost {
  const post = upcomingInSandbox().find((candidate) => {
    const settings = settingsOf(candidate);
    return (
      candidate.event_type !== 'recurring' &&
      !candidate.rsvped_event &&
      !settings.rsvp_disabled &&
      !isFull(candidate) &&
      (settings.location_type === 'in_person') === inPerson
    );
  });
  expect(post, 'the sandbox should have an open upcoming event').to.exist;
  return post!;
}

function attendsInSandbox(post: SandboxPost): boolean {
  const attendees = sandbox.db.eventAttendees.get(post.id) ?? [];
  return attendees.some((attendee) => attendee.community_member_id === sandbox.db.currentMemberId);
}

/** "3:00", the hour and minute as Intl writes them in a zone, without the day period. */
function clockTime(date: number, timeZone: string, lang: string): string {
  const format = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone });
  const pieces = format.formatToParts(date);
  const hour = pieces.find((piece) => piece.type === 'hour')!.value;
  const minute = pieces.find((piece) => piece.type === 'minute')!.value;
  return `${hour}:${minute}`;
}

function zoneNameAt(date: number, timeZone: string, lang: string, style: 'short' | 'longGeneric') {
  return new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((piece) => piece.type === 'timeZoneName')!.value;
}

function formatted(
  date: number,
  timeZone: string,
  lang: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(lang, { ...options, timeZone }).format(date);
}

/** Holds requests to a route until `release()`; then the sandbox answers them. */
function holdRequests(method: 'post' | 'delete', path: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls = { count: 0, release };
  worker.use(
    http[method](`${API}${path}`, async () => {
      calls.count += 1;
      await gate;
    }),
  );
  return calls;
}

function serverError(): Response {
  return HttpResponse.json(
    { success: false, message: 'Something went wrong.', error_details: null },
    { status: 500 },
  );
}

/** Keeps a link's default action from opening a tab while a test presses keys on it. */
function preventNavigation(event: Event): void {
  event.preventDefault();
}

describe('<circle-events>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    document.removeEventListener('click', preventNavigation, true);
  });

  it('shows a skeleton, then the upcoming events in the chosen time zone', async () => {
    const timeZone = 'Asia/Kolkata';
    const element = await eventList({ timeZone });
    const skeleton = element.shadowRoot!.querySelector('[role="status"][aria-busy="true"]');
    expect(skeleton, 'no loading skeleton').to.exist;
    expect(text(skeleton)).to.include(msg('loading'));

    const cards = await loaded(element);
    const expected = upcomingInSandbox().slice(0, 10);
    expect(cards.map((item) => text(part(item, 'title')))).to.deep.equal(
      expected.map((post) => post.name),
    );

    const lang = element.locale;
    for (const post of expected) {
      const item = card(element, post);
      const start = startOf(post);
      const time = part(item, 'time')!;
      const shown = text(time);
      expect(parts(item, 'meta').includes(time), 'the time is not a meta part').to.equal(true);

      expect(time.querySelector('time')!.getAttribute('datetime')).to.equal(
        new Date(start).toISOString(),
      );
      expect(shown).to.include(clockTime(start, timeZone, lang));
      expect(shown).to.include(clockTime(endOf(post), timeZone, lang));
      expect(shown).to.include(zoneNameAt(start, timeZone, lang, 'short'));
      expect(shown).to.include(formatted(start, timeZone, lang, { weekday: 'short' }));

      const dateBlock = part(item, 'date')!;
      expect(text(dateBlock.querySelector('.date-month'))).to.equal(
        formatted(start, timeZone, lang, { month: 'short' }),
      );
      expect(text(dateBlock.querySelector('.date-day'))).to.equal(
        formatted(start, timeZone, lang, { day: 'numeric' }),
      );
    }
    expect(part(element, 'list')!.tagName).to.equal('UL');
  });

  it("shows a recurring event's own time zone when it differs from the one shown", async () => {
    const timeZone = 'America/Los_Angeles';
    const upcoming = upcomingInSandbox();
    const recurring = upcoming.find((post) => post.event_type === 'recurring');
    const single = upcoming.find((post) => post.event_type === 'single');
    expect(recurring && single, 'the sandbox should have recurring and single events').to.be.ok;

    const element = await eventList({ timeZone, perPage: 50 });
    await loaded(element);
    const item = card(element, recurring!);
    await waitUntil(() => part(item, 'event-zone'), 'no event time zone shown', WAIT);

    const series = sandbox.db.recurringSeries.find((entry) =>
      entry.eventIds.includes(recurring!.id),
    );
    const eventZone = series!.timeZone;
    const lang = element.locale;
    const start = startOf(recurring!);
    const zoneText = text(part(item, 'event-zone'));
    expect(zoneText).to.include(zoneNameAt(start, eventZone, lang, 'longGeneric'));
    expect(zoneText).to.include(clockTime(start, eventZone, lang));
    expect(zoneText).to.include(zoneNameAt(start, eventZone, lang, 'short'));
    expect(part(card(element, single!), 'event-zone')).to.equal(null);
  });

  it('lists past events, newest first, without RSVP buttons', async () => {
    const element = await eventList({ filter: 'past', perPage: 5 });
    const cards = await loaded(element);

    const expected = pastInSandbox().slice(0, 5);
    expect(cards.map((item) => text(part(item, 'title')))).to.deep.equal(
      expected.map((post) => post.name),
    );
    for (const item of cards) {
      expect(part(item, 'rsvp-button')).to.equal(null);
      expect(text(part(item, 'rsvp-state'))).to.equal(msg('eventEnded'));
    }
  });

  it('with filter="all", lists the upcoming events, then the past ones', async () => {
    const upcoming = upcomingInSandbox();
    expect(upcoming.length).to.be.below(100);
    const element = await eventList({ filter: 'all', perPage: 100 });
    const cards = await loaded(element);
    expect(cards.length).to.equal(upcoming.length);

    part(element, 'load-more')!.click();
    const past = pastInSandbox();
    await waitUntil(
      () => parts(element, 'item').length === upcoming.length + past.length,
      'past events were not added',
      WAIT,
    );
    const titles = parts(element, 'item').map((item) => text(part(item, 'title')));
    expect(titles).to.deep.equal([...upcoming, ...past].map((post) => post.name));
    expect(part(element, 'load-more')).to.equal(null);
  });

  it('lists the events of one event space', async () => {
    const eventSpace = sandbox.db.spaces.find((space) => space.space_type === 'event')!;
    const element = await eventList({ space: eventSpace.slug, perPage: 4 });
    const cards = await loaded(element);

    const expected = upcomingInSandbox()
      .filter((post) => post.space.id === eventSpace.id)
      .slice(0, 4);
    expect(cards.map((item) => text(part(item, 'title')))).to.deep.equal(
      expected.map((post) => post.name),
    );
  });

  it('says so when there are no events', async () => {
    worker.use(
      http.get(`${API}/community_events`, () =>
        HttpResponse.json({ page: 1, per_page: 10, has_next_page: false, count: 0, records: [] }),
      ),
    );
    const element = await eventList();
    await waitUntil(() => part(element, 'empty'), 'no empty state', WAIT);

    expect(text(part(element, 'empty'))).to.equal(msg('eventsEmpty'));
    expect(parts(element, 'item')).to.have.length(0);
  });

  it('shows an error with a retry button that recovers', async () => {
    let failing = true;
    worker.use(http.get(`${API}/community_events`, () => (failing ? serverError() : undefined)));
    // With the button, no second page loads by itself when three short cards leave the end near.
    const element = await eventList({ perPage: 3, paging: 'button' });

    await waitUntil(() => part(element, 'error'), 'no error state', WAIT);
    expect(text(part(element, 'error'))).to.include(msg('errorServer'));
    expect(part(element, 'error')!.getAttribute('role')).to.equal('alert');

    failing = false;
    part(element, 'retry-button')!.click();
    const cards = await loaded(element);
    expect(cards).to.have.length(3);
    expect(part(element, 'error')).to.equal(null);
  });

  it('asks the visitor to sign in, and tells the host page, when signed out', async () => {
    sandbox.auth.signedIn = false;
    let announced = 0;
    const element = await fixture<CircleEvents>(
      html`<circle-events
        token-endpoint=${ENDPOINT}
        @circle-auth-required=${() => (announced += 1)}
      ></circle-events>`,
    );

    await waitUntil(() => part(element, 'signed-out'), 'no signed-out state', WAIT);
    expect(text(part(element, 'signed-out'))).to.include(msg('signedOutTitle'));
    expect(announced).to.equal(1);
    expect(parts(element, 'item')).to.have.length(0);
  });

  it('RSVPs at once, keeps the button busy until saved, and the RSVP persists', async () => {
    const post = openEvent();
    const before = settingsOf(post).rsvp_count ?? 0;
    const held = holdRequests('post', '/events/:event_id/event_attendees');
    const element = await eventList({ perPage: 50 });
    await loaded(element);

    const item = card(element, post);
    expect(text(rsvpButton(element, post))).to.equal(msg('rsvp'));
    expect(rsvpButton(element, post).getAttribute('aria-label')).to.equal(
      msg('rsvpFor', { title: post.name! }),
    );
    rsvpButton(element, post).click();
    await element.updateComplete;

    expect(text(rsvpButton(element, post))).to.equal(msg('cancelRsvp'));
    expect(rsvpButton(element, post).getAttribute('aria-disabled')).to.equal('true');
    expect(text(part(item, 'going'))).to.equal(msg('going'));
    expect(text(part(item, 'attendees'))).to.equal(msg('attendees', { count: before + 1 }));

    // A second press while the first is in flight sends nothing.
    rsvpButton(element, post).click();
    await waitUntil(() => held.count === 1, 'the RSVP was not sent', WAIT);
    held.release();
    await waitUntil(
      () => rsvpButton(element, post).getAttribute('aria-disabled') === 'false',
      'the button stayed busy',
      WAIT,
    );
    expect(held.count).to.equal(1);
    expect(attendsInSandbox(post)).to.equal(true);

    const reloaded = await eventList({ perPage: 50 });
    await loaded(reloaded);
    expect(text(rsvpButton(reloaded, post))).to.equal(msg('cancelRsvp'));
    expect(text(part(card(reloaded, post), 'attendees'))).to.equal(
      msg('attendees', { count: before + 1 }),
    );
  });

  it('cancels an RSVP', async () => {
    const post = upcomingInSandbox().find(
      (candidate) => candidate.rsvped_event && !settingsOf(candidate).rsvp_disabled,
    );
    expect(post, 'the member should be going to an upcoming event').to.exist;
    const element = await eventList({ perPage: 50 });
    await loaded(element);

    expect(rsvpButton(element, post!).getAttribute('aria-label')).to.equal(
      msg('cancelRsvpFor', { title: post!.name! }),
    );
    rsvpButton(element, post!).click();
    await waitUntil(() => !attendsInSandbox(post!), 'the RSVP was not cancelled', WAIT);
    await waitUntil(
      () => rsvpButton(element, post!).getAttribute('aria-disabled') === 'false',
      'the button stayed busy',
      WAIT,
    );
    expect(text(rsvpButton(element, post!))).to.equal(msg('rsvp'));
  });

  it('undoes a failed RSVP and says so', async () => {
    const post = openEvent();
    const before = settingsOf(post).rsvp_count ?? 0;
    worker.use(http.post(`${API}/events/:event_id/event_attendees`, serverError));
    const errors: CustomEvent[] = [];
    const element = await eventList({ perPage: 50 });
    element.addEventListener('circle-error', (event) => errors.push(event));
    await loaded(element);

    rsvpButton(element, post).click();
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);

    expect(text(part(element, 'notice'))).to.equal(msg('rsvpFailed'));
    expect(part(element, 'notice')!.getAttribute('role')).to.equal('alert');
    expect(text(rsvpButton(element, post))).to.equal(msg('rsvp'));
    expect(rsvpButton(element, post).getAttribute('aria-disabled')).to.equal('false');
    expect(text(part(card(element, post), 'going'))).to.equal('');
    expect(text(part(card(element, post), 'attendees'))).to.equal(
      msg('attendees', { count: before }),
    );
    expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
    expect(attendsInSandbox(post)).to.equal(false);
  });

  it('keeps the RSVP and says so when cancelling it fails', async () => {
    const post = upcomingInSandbox().find(
      (candidate) => candidate.rsvped_event && !settingsOf(candidate).rsvp_disabled,
    );
    expect(post, 'the member should be going to an upcoming event').to.exist;
    const count = settingsOf(post!).rsvp_count ?? 0;
    worker.use(http.delete(`${API}/events/:event_id/event_attendees`, serverError));
    const errors: CustomEvent[] = [];
    const element = await eventList({ perPage: 50 });
    element.addEventListener('circle-error', (event) => errors.push(event));
    await loaded(element);
    expect(text(part(card(element, post!), 'going'))).to.equal(msg('going'));

    rsvpButton(element, post!).click();
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);

    expect(text(part(element, 'notice'))).to.equal(msg('cancelRsvpFailed'));
    expect(part(element, 'notice')!.getAttribute('role')).to.equal('alert');
    await element.updateComplete;
    expect(text(rsvpButton(element, post!))).to.equal(msg('cancelRsvp'));
    expect(rsvpButton(element, post!).getAttribute('aria-disabled')).to.equal('false');
    expect(text(part(card(element, post!), 'going'))).to.equal(msg('going'));
    expect(text(part(card(element, post!), 'attendees'))).to.equal(msg('attendees', { count }));
    expect(errors.map((event) => event.detail.status)).to.deep.equal([500]);
    expect(attendsInSandbox(post!)).to.equal(true);
  });

  it("takes back a failed RSVP's message once its retry goes through, and only then", async () => {
    let failing = true;
    worker.use(
      http.post(`${API}/events/:event_id/event_attendees`, () =>
        failing ? serverError() : undefined,
      ),
    );
    const [first, second] = upcomingInSandbox().filter(
      (post) => !post.rsvped_event && !settingsOf(post).rsvp_disabled && !isFull(post),
    );
    expect(second, 'the sandbox should have two open upcoming events').to.exist;
    const element = await eventList({ perPage: 50 });
    await loaded(element);
    const saved = (post: SandboxPost) =>
      waitUntil(
        () =>
          attendsInSandbox(post) &&
          rsvpButton(element, post).getAttribute('aria-disabled') === 'false',
        `the RSVP to "${post.name}" was not saved`,
        WAIT,
      );

    rsvpButton(element, first).click();
    await waitUntil(() => part(element, 'notice'), 'no failure message', WAIT);
    expect(text(rsvpButton(element, first))).to.equal(msg('rsvp'));
    // Another event's RSVP going through says nothing about the first one.
    failing = false;
    rsvpButton(element, second).click();
    await saved(second);
    await element.updateComplete;
    expect(text(rsvpButton(element, second))).to.equal(msg('cancelRsvp'));
    expect(part(element, 'notice'), 'withdrawn by another event').to.exist;

    rsvpButton(element, first).click();
    await saved(first);
    await element.updateComplete;
    expect(text(rsvpButton(element, first))).to.equal(msg('cancelRsvp'));
    expect(part(element, 'notice')).to.equal(null);
  });

  it('shows full and closed events without an RSVP button', async () => {
    const upcoming = upcomingInSandbox();
    const full = upcoming.find((post) => isFull(post) && !post.rsvped_event);
    const closed = upcoming.find((post) => settingsOf(post).rsvp_disabled);
    expect(full && closed, 'the sandbox should have a full and a closed event').to.be.ok;

    const element = await eventList({ perPage: 50 });
    await loaded(element);

    expect(part(card(element, full!), 'rsvp-button')).to.equal(null);
    expect(text(part(card(element, full!), 'rsvp-state'))).to.equal(msg('eventFull'));
    expect(part(card(element, closed!), 'rsvp-button')).to.equal(null);
    expect(text(part(card(element, closed!), 'rsvp-state'))).to.equal(msg('rsvpClosed'));
  });

  it('hides the join link from non-attendees when the event asks, until they RSVP', async () => {
    const post = openEvent();
    settingsOf(post).hide_location_from_non_attendees = true;
    const joinUrl = settingsOf(post).virtual_location_url!;
    const element = await eventList({ perPage: 50 });
    await loaded(element);

    const location = () => part(card(element, post), 'location')!;
    expect(text(location())).to.include(msg('virtualEvent'));
    expect(text(location())).to.include(msg('locationForAttendees'));
    expect(location().querySelector('a')).to.equal(null);

    rsvpButton(element, post).click();
    await element.updateComplete;
    expect(location().querySelector('a')!.href).to.equal(new URL(joinUrl).href);
    expect(text(location().querySelector('a'))).to.equal(msg('joinLink'));
  });

  it("shows an in-person event's place and a cover image that loads lazily", async () => {
    const post = openEvent(true);
    post.cover_image = new URL('/sandbox/images/1.svg', location.href).href;
    const element = await eventList({ perPage: 50 });
    await loaded(element);

    const item = card(element, post);
    expect(text(part(item, 'location'))).to.include(msg('inPerson'));
    expect(text(part(item, 'location'))).to.include(settingsOf(post).in_person_location!);
    const cover = part(item, 'cover') as HTMLImageElement;
    expect(cover.src).to.equal(post.cover_image);
    expect(cover.loading).to.equal('lazy');
    expect(cover.getAttribute('width')).to.match(/^\d+$/);
    expect(cover.getAttribute('height')).to.match(/^\d+$/);
    expect(cover.alt).to.equal('');
  });

  it('loads more events on demand', async () => {
    const element = await eventList({ perPage: 3, paging: 'button' });
    expect(await loaded(element)).to.have.length(3);

    part(element, 'load-more')!.click();
    await waitUntil(() => parts(element, 'item').length === 6, 'no more events loaded', WAIT);

    const titles = parts(element, 'item').map((item) => text(part(item, 'title')));
    expect(titles).to.deep.equal(
      upcomingInSandbox()
        .slice(0, 6)
        .map((post) => post.name),
    );
  });

  it('explains attribute values it cannot use and goes on with defaults', async () => {
    let element!: CircleEvents;
    const logged = await captureWarnings(async () => {
      element = await eventList({ filter: 'soon', timeZone: 'Mars/Olympus' });
      await loaded(element);
    });

    const warnings = parts(element, 'config-warning').map((warning) => text(warning));
    expect(warnings.some((warning) => warning.includes('filter="soon"'))).to.equal(true);
    expect(warnings.some((warning) => warning.includes('time-zone="Mars/Olympus"'))).to.equal(true);
    expect(logged.filter((line) => line.includes('filter="soon"'))).to.have.length(1);
    expect(parts(element, 'item').map((item) => text(part(item, 'title')))).to.deep.equal(
      upcomingInSandbox()
        .slice(0, 10)
        .map((post) => post.name),
    );
  });

  it('can be used with the keyboard: Tab reaches the links and button, Enter RSVPs', async () => {
    document.addEventListener('click', preventNavigation, true);
    const post = openEvent();
    const element = await eventList({ perPage: 50 });
    await loaded(element);
    const item = card(element, post);
    const shadow = element.shadowRoot!;

    part(item, 'title')!.querySelector('a')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(part(item, 'location')!.querySelector('a'));
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(part(item, 'facepile'));
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(rsvpButton(element, post));

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => attendsInSandbox(post), 'Enter did not RSVP', WAIT);
    await waitUntil(
      () => rsvpButton(element, post).getAttribute('aria-disabled') === 'false',
      'the button stayed busy',
      WAIT,
    );
    expect(shadow.activeElement, 'focus left the button').to.equal(rsvpButton(element, post));
    expect(text(rsvpButton(element, post))).to.equal(msg('cancelRsvp'));
  });

  it('has no accessibility violations', async () => {
    const element = await eventList({ perPage: 50 });
    await loaded(element);

    const results = await axe.run(element);
    expect(results.violations, JSON.stringify(results.violations, null, 2)).to.deep.equal([]);
    // A target inside a shadow root is a chain [host, inner selector]: proof axe looked inside.
    const checkedButtons = results.passes.some((rule) =>
      rule.nodes.some((node) => {
        const [chain] = node.target as unknown[];
        return Array.isArray(chain) && chain.length > 1 && String(chain.at(-1)).includes('rsvp');
      }),
    );
    expect(checkedButtons, 'axe did not inspect the RSVP buttons').to.equal(true);
  });
});

/** "20250301T170000Z": a time as iCalendar and Google Calendar write it in UTC. */
function utcStamp(time: number): string {
  const date = new Date(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`
  );
}

/** The one VEVENT of an iCalendar text, as ical.js (an independent parser) reads it back. */
function parsedEvent(ics: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const found = calendar.getAllSubcomponents('vevent');
  expect(found.length, 'the file should hold one event').to.equal(1);
  return { calendar, event: found[0] };
}

function propertyValue(event: ICAL.Component, name: string): unknown {
  return event.getFirstPropertyValue(name);
}

/** A DATE-TIME property in UTC, as epoch milliseconds. */
function utcTime(event: ICAL.Component, name: string): number {
  const property = event.getFirstProperty(name);
  expect(property, `no ${name}`).to.exist;
  expect(property!.getParameter('tzid'), `${name} should have no TZID`).to.equal(undefined);
  const time = property!.getFirstValue() as ICAL.Time;
  expect(time.isDate, `${name} should be a date-time`).to.equal(false);
  expect(time.zone === ICAL.Timezone.utcTimezone, `${name} should be in UTC`).to.equal(true);
  return time.toUnixTime() * 1000;
}

/** A DATE-TIME property with a TZID: the zone and the wall-clock time written. */
function zonedTime(event: ICAL.Component, name: string): { zone: string; clock: WallClock } {
  const property = event.getFirstProperty(name);
  expect(property, `no ${name}`).to.exist;
  const time = property!.getFirstValue() as ICAL.Time;
  expect(time.isDate, `${name} should be a date-time`).to.equal(false);
  const { year, month, day, hour, minute, second } = time;
  return {
    zone: String(property!.getParameter('tzid')),
    clock: { year, month, day, hour, minute, second },
  };
}

/** The wall-clock time of `time` in `timeZone`, computed with Intl. */
function wallClockIn(time: number, timeZone: string): WallClock {
  const pieces = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(time);
  const field = (type: string) => Number(pieces.find((piece) => piece.type === type)!.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

/** How far a zone's clocks are ahead of UTC at `time`, in ms, read from Intl's "GMT+5:30". */
function offsetIn(time: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(time)
    .find((piece) => piece.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

/** The instant when the clocks in `timeZone` show this date and time (day may overflow). */
function instantAt(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const guess = asUtc - offsetIn(asUtc, timeZone);
  return asUtc - offsetIn(guess, timeZone);
}

/** Whole seconds: iCalendar times have no milliseconds. */
const toSeconds = (time: number) => Math.floor(time / 1000) * 1000;

const asEvent = (post: SandboxPost) => structuredClone(post) as unknown as EventPost;

function recurringInSandbox(): { post: SandboxPost; timeZone: string } {
  const post = upcomingInSandbox().find((candidate) => candidate.event_type === 'recurring');
  expect(post, 'the sandbox should have a recurring event').to.exist;
  const series = sandbox.db.recurringSeries.find((entry) => entry.eventIds.includes(post!.id))!;
  return { post: post!, timeZone: series.timeZone };
}

function calendarButton(item: HTMLElement): HTMLButtonElement {
  return part(item, 'calendar-button') as HTMLButtonElement;
}

/** Waits for the options to show, with their own code, after their button was pressed. */
async function optionsShown(item: HTMLElement): Promise<void> {
  const menu = part(item, 'calendar-menu')!;
  await waitUntil(() => !menu.hidden, 'the calendar options did not show', WAIT);
}

/** Records the Blobs handed out as object URLs and the URLs revoked, until `restore()`. */
function recordObjectUrls() {
  const created: { url: string; blob: Blob }[] = [];
  const revoked: string[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = (blob: Blob) => {
    const url = createObjectURL(blob);
    created.push({ url, blob });
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    revoked.push(url);
    revokeObjectURL(url);
  };
  const restore = () => {
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  };
  return { created, revoked, restore };
}

describe('add to calendar', () => {
  before(() => loadIcs());

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => {
    document.removeEventListener('click', preventNavigation, true);
  });

  it('exports an .ics file that reads back field by field, with escaped text in UTC', () => {
    const post = openEvent();
    const event = asEvent(post);
    const title = 'Makers, menders; and friends: a "long" evening\\night';
    event.name = event.display_title = title;
    const body =
      'Bring tools, tea; and patience.\nSecond line: C:\\repairs\\list, part 2; done.\n' +
      `${'Bring your broken radios and lamps. '.repeat(6)}Tea is on us.\n` +
      // Folding counts octets, and must not split a character's bytes.
      `${'Crème brûlée, 日本語の説明 — '.repeat(5)}fin.`;
    event.body_plain_text = `  ${body}\n`;
    const ics = icsFor(event)!;

    const { calendar, event: vevent } = parsedEvent(ics);
    expect(calendar.name).to.equal('vcalendar');
    expect(propertyValue(calendar, 'version')).to.equal('2.0');
    expect(String(propertyValue(calendar, 'prodid'))).to.include('circle-widgets');
    expect(propertyValue(vevent, 'summary')).to.equal(title);
    expect(propertyValue(vevent, 'description')).to.equal(`${body}\n\n${post.url}`);
    expect(propertyValue(vevent, 'location')).to.equal(settingsOf(post).virtual_location_url);
    expect(propertyValue(vevent, 'url')).to.equal(post.url);
    expect(propertyValue(vevent, 'uid')).to.equal(`event-${post.id}@${new URL(post.url!).host}`);
    expect(utcTime(vevent, 'dtstart')).to.equal(toSeconds(startOf(post)));
    expect(utcTime(vevent, 'dtend')).to.equal(toSeconds(endOf(post)));
    expect(vevent.hasProperty('rrule')).to.equal(false);
    expect(calendar.getAllSubcomponents('vtimezone')).to.have.length(0);

    // RFC 5545 folds lines longer than 75 octets; the long description had to be folded.
    const physical = ics.split('\r\n');
    const octets = physical.map((line) => new TextEncoder().encode(line).length);
    expect(Math.max(...octets)).to.be.at.most(75);
    expect(
      physical.some((line) => line.startsWith(' ')),
      'no line was folded',
    ).to.equal(true);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).to.equal(true);
  });

  it('leaves out a join link the member may not see yet', () => {
    const event = asEvent(openEvent());
    event.event_setting_attributes!.hide_location_from_non_attendees = true;
    const joinUrl = event.event_setting_attributes!.virtual_location_url!;

    expect(parsedEvent(icsFor(event)!).event.hasProperty('location')).to.equal(false);
    expect(icsFor(event)).not.to.include(joinUrl.slice(8));
    expect(googleCalendarUrl(event)).not.to.include(encodeURIComponent(joinUrl));
    expect(new URL(outlookUrl(event)!).searchParams.get('location')).to.equal('');

    event.rsvped_event = true;
    expect(propertyValue(parsedEvent(icsFor(event)!).event, 'location')).to.equal(joinUrl);
    expect(new URL(outlookUrl(event)!).searchParams.get('location')).to.equal(joinUrl);
  });

  it("exports a recurring event's recurrence, in UTC or the series' time zone", () => {
    const { post, timeZone } = recurringInSandbox();
    const recurrence = post.recurring_setting_attributes!;
    const interval = recurrence.frequency === 'biweekly' ? 2 : 1;
    const until = toSeconds(Date.parse(recurrence.ends_at!));

    const inUtc = parsedEvent(icsFor(asEvent(post))!).event;
    expect(utcTime(inUtc, 'dtstart')).to.equal(toSeconds(startOf(post)));
    expect(utcTime(inUtc, 'dtend')).to.equal(toSeconds(endOf(post)));
    const rule = propertyValue(inUtc, 'rrule') as ICAL.Recur;
    expect(rule.freq).to.equal('WEEKLY');
    expect(rule.interval).to.equal(interval);
    expect(rule.until!.toUnixTime() * 1000).to.equal(until);
    expect(rule.count).to.equal(null);

    const zoned = parsedEvent(icsFor(asEvent(post), timeZone)!).event;
    expect(zonedTime(zoned, 'dtstart')).to.deep.equal({
      zone: timeZone,
      clock: wallClockIn(startOf(post), timeZone),
    });
    expect(zonedTime(zoned, 'dtend')).to.deep.equal({
      zone: timeZone,
      clock: wallClockIn(endOf(post), timeZone),
    });
    const zonedRule = propertyValue(zoned, 'rrule') as ICAL.Recur;
    expect(zonedRule.freq).to.equal('WEEKLY');
    expect(zonedRule.interval).to.equal(interval);
    // UNTIL stays in UTC with a TZID start, as RFC 5545 asks.
    expect(zonedRule.until!.zone === ICAL.Timezone.utcTimezone).to.equal(true);
    expect(zonedRule.until!.toUnixTime() * 1000).to.equal(until);
  });

  it('exports a series with a number of dates and no end as a COUNT', () => {
    const { post } = recurringInSandbox();
    const event = asEvent(post);
    event.recurring_setting_attributes = {
      ...event.recurring_setting_attributes,
      frequency: 'weekly',
      ends_at: undefined,
      occurrences: 6,
    };

    const vevent = parsedEvent(icsFor(event)!).event;
    const rule = propertyValue(vevent, 'rrule') as ICAL.Recur;
    expect(rule.freq).to.equal('WEEKLY');
    expect(rule.count).to.equal(6);
    expect(rule.until).to.equal(null);

    // Expanded by ical.js: six weekly dates from the first.
    const iterator = new ICAL.Event(vevent).iterator();
    const starts: number[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      starts.push(next.toUnixTime() * 1000);
    }
    const first = toSeconds(startOf(post));
    expect(starts).to.deep.equal([0, 1, 2, 3, 4, 5].map((week) => first + week * 7 * DAY));
  });

  for (const timeZone of [
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ]) {
    it(`writes a VTIMEZONE for ${timeZone} that keeps a weekly time across DST`, () => {
      // Twelve Mondays from late September 2026: past the autumn change in New York and
      // London, and Lord Howe's half-hour spring change; Kolkata has none.
      const first = instantAt(2026, 9, 21, 18, 30, timeZone);
      const event = asEvent(openEvent());
      const hour = 60 * 60 * 1000;
      event.event_setting_attributes = {
        ...event.event_setting_attributes,
        starts_at: new Date(first).toISOString(),
        ends_at: new Date(first + hour).toISOString(),
      };
      event.recurring_setting_attributes = { frequency: 'weekly', occurrences: 12 };

      const { calendar, event: vevent } = parsedEvent(icsFor(event, timeZone)!);
      const zones = calendar.getAllSubcomponents('vtimezone');
      expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).to.deep.equal([timeZone]);
      expect(zonedTime(vevent, 'dtstart').zone).to.equal(timeZone);

      // ical.js reads the times through the file's own VTIMEZONE.
      const iterator = new ICAL.Event(vevent).iterator();
      const starts: number[] = [];
      for (let next = iterator.next(); next; next = iterator.next()) {
        starts.push(next.toUnixTime() * 1000);
      }
      const expected = [...Array(12).keys()].map((week) =>
        instantAt(2026, 9, 21 + 7 * week, 18, 30, timeZone),
      );
      expect(starts.map((time) => new Date(time).toISOString())).to.deep.equal(
        expected.map((time) => new Date(time).toISOString()),
      );
      const end = propertyValue(vevent, 'dtend') as ICAL.Time;
      expect(end.toUnixTime() * 1000).to.equal(first + hour);
    });
  }

  it('builds Google Calendar and Outlook links with the right times and title', () => {
    const post = openEvent(true);
    const event = asEvent(post);

    const google = new URL(googleCalendarUrl(event)!);
    expect(google.origin + google.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('action')).to.equal('TEMPLATE');
    expect(google.searchParams.get('text')).to.equal(post.name);
    expect(google.searchParams.get('dates')).to.equal(
      `${utcStamp(startOf(post))}/${utcStamp(endOf(post))}`,
    );
    expect(google.searchParams.get('location')).to.equal(settingsOf(post).in_person_location);
    expect(google.searchParams.get('details')).to.include(post.body_plain_text!.trim());
    expect(google.searchParams.has('recur')).to.equal(false);

    const outlook = new URL(outlookUrl(event)!);
    expect(outlook.origin + outlook.pathname).to.equal(
      'https://outlook.live.com/calendar/0/deeplink/compose',
    );
    expect(outlook.searchParams.get('subject')).to.equal(post.name);
    expect(Date.parse(outlook.searchParams.get('startdt')!)).to.equal(startOf(post));
    expect(Date.parse(outlook.searchParams.get('enddt')!)).to.equal(endOf(post));
    expect(outlook.searchParams.get('body')).to.include(post.body_plain_text!.trim());

    // A recurring event repeats in Google Calendar too, in the series' zone when known.
    const { post: repeating, timeZone } = recurringInSandbox();
    const recurrence = repeating.recurring_setting_attributes!;
    const freq = recurrence.frequency === 'biweekly' ? 'WEEKLY;INTERVAL=2' : 'WEEKLY';
    const until = utcStamp(Date.parse(recurrence.ends_at!));
    const series = new URL(googleCalendarUrl(asEvent(repeating), timeZone)!);
    expect(series.searchParams.get('recur')).to.equal(`RRULE:FREQ=${freq};UNTIL=${until}`);
    expect(series.searchParams.get('ctz')).to.equal(timeZone);
    const counted = asEvent(repeating);
    counted.recurring_setting_attributes = {
      frequency: 'weekly',
      ends_at: undefined,
      occurrences: 6,
    };
    expect(new URL(googleCalendarUrl(counted)!).searchParams.get('recur')).to.equal(
      'RRULE:FREQ=WEEKLY;COUNT=6',
    );
    expect(new URL(googleCalendarUrl(counted)!).searchParams.has('ctz')).to.equal(false);
  });

  it('opens and closes the options with the keyboard; Esc returns focus to the button', async () => {
    const post = openEvent();
    const element = await eventList({ perPage: 50 });
    await loaded(element);
    const item = card(element, post);
    const button = calendarButton(item);
    const menu = part(item, 'calendar-menu')!;
    const shadow = element.shadowRoot!;

    expect(text(button)).to.equal(msg('addToCalendar'));
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.hidden).to.equal(true);
    expect(button.getAttribute('aria-controls')).to.equal(menu.id);

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    await optionsShown(item);
    expect(menu.hidden).to.equal(false);
    const options = parts(menu, 'calendar-option');
    expect(options.map(text)).to.deep.equal([
      msg('downloadIcs'),
      msg('googleCalendar'),
      msg('outlookCalendar'),
    ]);

    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(options[0]);
    await sendKeys({ press: 'Tab' });
    expect(shadow.activeElement).to.equal(options[1]);
    const google = options[1] as HTMLAnchorElement;
    expect(google.href).to.equal(googleCalendarUrl(asEvent(post)));
    expect(google.target).to.equal('_blank');
    expect(google.rel).to.equal('noopener noreferrer');
    expect((options[2] as HTMLAnchorElement).href).to.equal(outlookUrl(asEvent(post)));

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(menu.hidden).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(shadow.activeElement).to.equal(button);

    await sendKeys({ press: ' ' });
    await element.updateComplete;
    expect(menu.hidden, 'Space did not open the options').to.equal(false);
  });

  it('downloads a text/calendar file in the series time zone and frees its URL', async () => {
    document.addEventListener('click', preventNavigation, true);
    const { post, timeZone } = recurringInSandbox();
    const element = await eventList({ perPage: 50 });
    await loaded(element);
    const item = card(element, post);
    await waitUntil(() => part(item, 'event-zone'), 'the series zone did not load', WAIT);

    const urls = recordObjectUrls();
    try {
      calendarButton(item).click();
      await optionsShown(item);
      part(item, 'calendar-option')!.click();
      await waitUntil(() => urls.revoked.length > 0, 'the Blob URL was not revoked', WAIT);
    } finally {
      urls.restore();
    }

    const { created, revoked } = urls;
    expect(created).to.have.length(1);
    expect(revoked).to.deep.equal([created[0].url]);
    expect(created[0].blob.type).to.match(/^text\/calendar/);
    const vevent = parsedEvent(await created[0].blob.text()).event;
    expect(zonedTime(vevent, 'dtstart')).to.deep.equal({
      zone: timeZone,
      clock: wallClockIn(startOf(post), timeZone),
    });
    expect((propertyValue(vevent, 'rrule') as ICAL.Recur).freq).to.equal('WEEKLY');
    expect(part(item, 'calendar-menu')!.hidden).to.equal(true);
    expect(element.shadowRoot!.activeElement).to.equal(calendarButton(item));
  });

  it("waits for the series' time zone before writing a recurring event's file", async () => {
    document.addEventListener('click', preventNavigation, true);
    const { post, timeZone } = recurringInSandbox();
    // Hold the zone lookups (one date a page) until the download has been asked for.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    worker.use(
      http.get(`${API}/spaces/:space_id/events/:event_id/recurring_events`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('per_page') !== '1') return undefined;
        held += 1;
        await gate;
        return undefined;
      }),
    );
    const element = await eventList({ perPage: 50 });
    await loaded(element);
    await waitUntil(() => held > 0, 'the series zone was not asked for', WAIT);
    const item = card(element, post);
    expect(part(item, 'event-zone'), 'the zone showed before it loaded').to.equal(null);

    const urls = recordObjectUrls();
    try {
      calendarButton(item).click();
      await optionsShown(item);
      part(item, 'calendar-option')!.click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(urls.created, 'the file was written before the zone was known').to.have.length(0);

      release();
      await waitUntil(() => urls.revoked.length > 0, 'the Blob URL was not revoked', WAIT);
    } finally {
      urls.restore();
    }
    expect(urls.created).to.have.length(1);
    const vevent = parsedEvent(await urls.created[0].blob.text()).event;
    expect(zonedTime(vevent, 'dtstart')).to.deep.equal({
      zone: timeZone,
      clock: wallClockIn(startOf(post), timeZone),
    });
    expect(vevent.hasProperty('rrule')).to.equal(true);
  });

  it('has no accessibility violations with the options open', async () => {
    const element = await eventList({ perPage: 50 });
    const [item] = await loaded(element);
    calendarButton(item).click();
    await optionsShown(item);
    expect(part(item, 'calendar-menu')!.hidden).to.equal(false);

    const results = await axe.run(element);
    expect(results.violations, JSON.stringify(results.violations, null, 2)).to.deep.equal([]);
  });
});
