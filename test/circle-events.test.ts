import { sandbox, worker } from './support/sandbox.js';
import { captureWarnings } from './support/dom.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';

import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import type { CircleEvents } from '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-events/circle-events.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 4000 };

type SandboxPost = (typeof sandbox.db.posts)[number];

interface Options {
  filter?: string;
  timeZone?: string;
  perPage?: number;
  space?: string;
}

async function eventList(options: Options = {}): Promise<CircleEvents> {
  const element = document.createElement('circle-events');
  element.setAttribute('token-endpoint', ENDPOINT);
  if (options.filter) element.setAttribute('filter', options.filter);
  if (options.timeZone) element.setAttribute('time-zone', options.timeZone);
  if (options.perPage) element.setAttribute('per-page', String(options.perPage));
  if (options.space) element.setAttribute('space', options.space);
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
function openEvent(inPerson = false): SandboxPost {
  const post = upcomingInSandbox().find((candidate) => {
    const settings = settingsOf(candidate);
    return (
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

      expect(time.querySelector('time')!.getAttribute('datetime')).to.equal(
        new Date(start).toISOString(),
      );
      expect(shown).to.include(clockTime(start, timeZone, lang));
      expect(shown).to.include(clockTime(endOf(post), timeZone, lang));
      expect(shown).to.include(zoneNameAt(start, timeZone, lang, 'short'));
      expect(shown).to.include(formatted(start, timeZone, lang, { weekday: 'short' }));

      const dateBlock = part(item, 'date')!;
      expect(text(dateBlock.querySelector('.month'))).to.equal(
        formatted(start, timeZone, lang, { month: 'short' }),
      );
      expect(text(dateBlock.querySelector('.day'))).to.equal(
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
    const element = await eventList({ perPage: 3 });

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
    const element = await eventList({ perPage: 3 });
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
