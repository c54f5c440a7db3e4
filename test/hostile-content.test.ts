// Hostile content from the API: every element shows XSS payloads in every field as inert text,
// drops unsafe URLs, and copes with long words, right-to-left text, emoji and huge bodies.
import { sandbox, worker } from './support/sandbox.js';
import { expect, fixture, nextFrame, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';

import { textOf } from './support/dom.js';
import {
  ALL_PAYLOADS_TEXT,
  PAYLOAD_FAMILIES,
  URL_PAYLOADS,
  XSS_PAYLOADS,
  activeContent,
  installCanary,
  payloadsOf,
} from './support/xss-payloads.js';
import type { CanaryReport, LiveSink, XssPayload } from './support/xss-payloads.js';
import { authorOf, iso, nextId, syncEventRsvp, syncReplies } from '../demo/sandbox/model.js';
import type {
  Author,
  Comment,
  EventAttendee,
  Notification,
  Post,
  RichTextBody,
} from '../demo/sandbox/model.js';
import type { TipTapNode } from '../demo/sandbox/tiptap.js';
import type { EventPost } from '../src/api/types.js';
import {
  googleCalendarUrl,
  icsFor,
  loadIcs,
  outlookUrl,
} from '../src/elements/circle-events/calendar.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';
import '../src/elements/circle-notifications/circle-notifications.js';
import '../src/elements/circle-post/circle-post.js';

const API = 'https://app.circle.so/api/headless/v1';
const ENDPOINT = '/api/circle-token';
const WAIT = { timeout: 6000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every payload in one string: what each text field holds in the XSS tests. */
const HOSTILE = ALL_PAYLOADS_TEXT;

/** A link and a picture that must still render beside the hostile ones. */
const SAFE_LINK = 'https://example.com/safe-link';
const SAFE_PICTURE = new URL('/sandbox/images/1.svg', location.href).href;

/** The only web URL among the URL payloads (an attribute breakout), as the browser writes it. */
const BREAKOUT_URL = new URL(URL_PAYLOADS.find((entry) => entry.id === 'a8')!.text).href;

const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The URL a payload leaves in an href or src when it is a usable web address, else undefined. */
function webUrl(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Watching for execution

let canary: CanaryReport;

/** Lets late handlers (image errors, toggles, frame loads) run before anything is checked. */
async function settle(): Promise<void> {
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 150));
  await nextFrame();
}

/** Nothing ran, nothing threw, nothing was clobbered, and nothing active is in the DOM. */
async function expectInert(host: Element): Promise<void> {
  await settle();
  expect(activeContent(host), 'active content in the DOM').to.deep.equal([]);
  expect(canary.calls, 'payloads that ran').to.deep.equal([]);
  expect(canary.errors, 'uncaught errors').to.deep.equal([]);
  expect(canary.intact(), 'window.__xss was clobbered').to.equal(true);
}

// ---------------------------------------------------------------------------------------------
// Reading the shadow DOM

function parts(root: Element, name: string): HTMLElement[] {
  const scope = root.shadowRoot ?? root;
  return [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function part(root: Element, name: string): HTMLElement | undefined {
  return parts(root, name)[0];
}

function within(root: Element, selector: string): HTMLElement[] {
  const scope = root.shadowRoot ?? root;
  return [...scope.querySelectorAll<HTMLElement>(selector)];
}

/** Each payload's text is in `node`'s text, as text. */
function expectEveryPayloadIn(node: Element | undefined, what: string): void {
  expect(Boolean(node), `${what} is missing`).to.equal(true);
  const shown = textOf(node);
  // Plain text shows its line breaks as <br>, which leave no character behind.
  const missing = XSS_PAYLOADS.filter(
    (entry) =>
      !shown.includes(fold(entry.text)) &&
      !shown.includes(fold(entry.text.replace(/\r\n?|\n/g, ''))),
  );
  expect(
    missing.map((entry) => entry.id),
    `payloads missing from ${what}`,
  ).to.deep.equal([]);
}

/** Every link and picture under `node` points at one of `allowed`. */
function expectOnlyUrls(node: Element, allowed: string[], what: string): void {
  const urls = [...node.querySelectorAll('a[href], img[src], iframe[src]')].map(
    (element) => element.getAttribute('href') ?? element.getAttribute('src')!,
  );
  expect(
    urls.filter((url) => !allowed.includes(url)),
    `unexpected URLs in ${what}`,
  ).to.deep.equal([]);
}

// ---------------------------------------------------------------------------------------------
// Hostile records

/** Members mentioned in the hostile body: one per payload, named by it. */
const mentionedMembers = XSS_PAYLOADS.map((entry, index) => ({
  id: 90_000 + index,
  community_member_id: 90_000 + index,
  name: entry.text,
  avatar_url: 'javascript:__xss("mention-avatar")',
  rich_text_field_sgid: `sgid-${entry.id}`,
}));

const textNode = (text: string, marks?: TipTapNode['marks']): TipTapNode =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };
const paragraph = (...content: TipTapNode[]): TipTapNode => ({ type: 'paragraph', content });

/**
 * A TipTap body with every payload wherever a node or mark carries a string, unknown node and
 * mark types, attributes no renderer should copy, and a safe link and picture that must render.
 */
function hostileBody(): RichTextBody {
  const root: TipTapNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: '<img src=x onerror=__xss("level")>' }, content: [] },
      ...XSS_PAYLOADS.map((entry) => ({
        type: 'paragraph',
        attrs: {
          onclick: `__xss('${entry.id}')`,
          id: entry.text,
          class: entry.text,
          style: entry.text,
        },
        content: [
          textNode(entry.text, [
            { type: 'bold' },
            { type: 'link', attrs: { href: entry.text, target: entry.text, onclick: entry.text } },
            { type: 'script', attrs: { src: entry.text } },
            { type: 'italic', attrs: { onmouseover: entry.text } },
          ]),
          {
            type: 'mention',
            attrs: { sgid: `sgid-${entry.id}`, id: entry.text, label: entry.text },
          },
          { type: entry.text, text: entry.text, attrs: { src: entry.text, onload: entry.text } },
        ],
      })),
      ...URL_PAYLOADS.flatMap((entry): TipTapNode[] => [
        {
          type: 'image',
          attrs: { src: entry.text, alt: entry.text, width: entry.text, height: '1" onload="x' },
        },
        { type: 'embed', attrs: { url: entry.text, title: entry.text, html: entry.text } },
        {
          type: 'attachment',
          attrs: {
            url: entry.text,
            filename: entry.text,
            content_type: entry.text,
            byte_size: entry.text,
          },
        },
        paragraph(textNode('a link', [{ type: 'link', attrs: { href: entry.text } }])),
      ]),
      {
        type: 'codeBlock',
        attrs: { language: `"><img src=x onerror=__xss('language')>` },
        content: [textNode(HOSTILE)],
      },
      {
        type: 'orderedList',
        attrs: { start: `1" onclick="__xss('start')` },
        content: [{ type: 'listItem', content: [paragraph(textNode(HOSTILE))] }],
      },
      { type: 'blockquote', content: [paragraph(textNode(HOSTILE))] },
      { type: 'script', attrs: { src: `javascript:__xss('script-node')` }, content: [] },
      { type: 'iframe', attrs: { srcdoc: `<script>parent.__xss('iframe-node')</script>` } },
      { type: 'html', attrs: { html: `<img src=x onerror=__xss('html-node')>` } },
      {
        type: 'paragraph',
        content: [
          { type: 'mention', attrs: { sgid: '__proto__' } },
          { type: 'mention', attrs: { sgid: 'constructor' } },
        ],
      },
      paragraph(textNode('safe link', [{ type: 'link', attrs: { href: SAFE_LINK } }])),
      { type: 'image', attrs: { src: SAFE_PICTURE, alt: 'safe picture' } },
    ],
  };

  // An own "__proto__" key, as JSON from the server would have, to try polluting lookups.
  const sgidObjects = JSON.parse(
    '{"__proto__": {"id": 1, "name": "<img src=x onerror=__xss(\'proto\')>"}}',
  ) as Record<string, unknown>;
  return {
    body: root,
    circle_ios_fallback_text: HOSTILE,
    attachments: [],
    inline_attachments: [],
    sgids_to_object_map: sgidObjects,
    format: 'post',
    community_members: mentionedMembers as unknown as RichTextBody['community_members'],
    entities: [],
    group_mentions: [],
    polls: [],
  } as unknown as RichTextBody;
}

/** A short body with one link to `href`. */
function linkBody(href: string): RichTextBody {
  return {
    body: {
      type: 'doc',
      content: [paragraph(textNode('a link', [{ type: 'link', attrs: { href } }]))],
    },
    circle_ios_fallback_text: 'a link',
  } as RichTextBody;
}

/** A member in the `shared_community_member` shape, with a hostile name and picture. */
function hostileAuthor(template: Author, name = HOSTILE, avatar = URL_PAYLOADS[0].text): Author {
  return { ...template, name, headline: HOSTILE, avatar_url: avatar };
}

function basicPost(): Post {
  return sandbox.db.posts.find((post) => post.post_type === 'basic' && post.tiptap_body)!;
}

function eventTemplate(): Post {
  return sandbox.db.posts.find(
    (post) => post.post_type === 'event' && !post.recurring_setting_attributes,
  )!;
}

/** A copy of `template` with new values; the copy shares nothing with it. */
function copyOf<T>(template: T, changes: Partial<T>): T {
  return { ...structuredClone(template), ...structuredClone(changes) };
}

/** Makes the home feed answer with exactly `posts`. */
function serveHomeFeed(posts: Post[]): void {
  worker.use(
    http.get(`${API}/home`, () =>
      HttpResponse.json({
        page: 1,
        per_page: posts.length,
        has_next_page: false,
        count: posts.length,
        records: posts,
      }),
    ),
  );
}

/**
 * Replaces the sandbox's events with `events` (single events, none recurring), each with its
 * attendees, so every list and grid shows exactly these.
 */
function replaceEvents(events: { post: Post; attendees: EventAttendee[] }[]): void {
  const db = sandbox.db;
  db.posts = db.posts.filter((post) => post.post_type !== 'event');
  db.recurringSeries = [];
  for (const { post, attendees } of events) {
    db.posts.push(post);
    db.eventAttendees.set(post.id, attendees);
    syncEventRsvp(db, post);
  }
}

/** An upcoming single event starting `minutesAhead` from now, built on a sandbox event. */
function eventPost(minutesAhead: number, changes: Partial<Post>, settings = {}): Post {
  const template = eventTemplate();
  const id = nextId(sandbox.db, 'post');
  const startsAt = Date.now() + minutesAhead * MINUTE;
  const event = copyOf(template, {
    id,
    slug: `hostile-event-${id}`,
    event_type: 'single',
    rsvped_event: false,
    rsvp_status: null,
    ...changes,
  });
  delete event.recurring_setting_attributes;
  event.event_setting_attributes = {
    ...template.event_setting_attributes!,
    starts_at: iso(startsAt),
    ends_at: iso(startsAt + HOUR),
    duration_in_seconds: HOUR / 1000,
    rsvp_disabled: false,
    hide_attendees: false,
    hide_location_from_non_attendees: false,
    rsvp_limit: null,
    ...settings,
  };
  return event;
}

function attendee(eventId: number, index: number, name: string, avatar: string): EventAttendee {
  return {
    id: nextId(sandbox.db, 'attendee'),
    community_member_id: 100 + index,
    contact_id: 100 + index,
    contact_type: 'CommunityMember',
    avatar_url: avatar,
    rsvp_date: iso(Date.now() - (eventId + index) * MINUTE),
    rsvp_status: 'yes',
    name,
  };
}

/** Replaces the signed-in member's notifications with copies of a sandbox one. */
function replaceNotifications(changes: Partial<Notification>[]): Notification[] {
  const template = sandbox.db.notifications[0];
  const notifications = changes.map((change, index) =>
    copyOf(template, {
      id: 5000 - index,
      created_at: iso(Date.now() - (index + 1) * MINUTE),
      read_at: index % 2 ? iso(Date.now()) : null,
      ...change,
    }),
  );
  sandbox.db.notifications = notifications;
  sandbox.db.archivedNotificationIds = new Set();
  sandbox.db.counts.new_notifications_count = 1;
  return notifications;
}

// ---------------------------------------------------------------------------------------------
// Putting elements on the page

async function place<T extends HTMLElement>(markup: string, width?: number): Promise<T> {
  const style = width ? ` style="width: ${width}px"` : '';
  const container = await fixture<HTMLDivElement>(`<div${style}>${markup}</div>`);
  return container.firstElementChild as T;
}

const feed = (attributes = '', width?: number) =>
  place(`<circle-feed token-endpoint="${ENDPOINT}" ${attributes}></circle-feed>`, width);

async function postView(post: Post, width?: number): Promise<HTMLElement> {
  const element = await place(
    `<circle-post token-endpoint="${ENDPOINT}" space="${post.space.slug}" post="${post.id}">
    </circle-post>`,
    width,
  );
  await waitUntil(() => part(element, 'comment') || part(element, 'empty'), 'no comments', WAIT);
  return element;
}

const eventsView = (attributes = '', width?: number) =>
  place(
    `<circle-events token-endpoint="${ENDPOINT}" per-page="50" ${attributes}></circle-events>`,
    width,
  );

async function notificationsView(variant: 'bell' | 'inline', width?: number) {
  const element = await place(
    `<circle-notifications token-endpoint="${ENDPOINT}" variant="${variant}" per-page="50">
    </circle-notifications>`,
    width,
  );
  if (variant === 'bell') {
    await waitUntil(() => part(element, 'bell'), 'no bell', WAIT);
    part(element, 'bell')!.click();
  }
  await waitUntil(() => parts(element, 'item').length > 0, 'no notifications', WAIT);
  return element;
}

async function preferencesView(width?: number): Promise<HTMLElement> {
  const element = await place(
    `<circle-notification-preferences token-endpoint="${ENDPOINT}">
    </circle-notification-preferences>`,
    width,
  );
  await waitUntil(() => part(element, 'space-item'), 'no space settings', WAIT);
  return element;
}

/**
 * Scrolls a feed from top to bottom, calling `visit` once for each card as it renders (the
 * list is windowed) and scanning the DOM for active content at every step.
 */
async function visitFeedCards(
  element: HTMLElement,
  visit: (card: HTMLElement) => void,
): Promise<Set<string>> {
  const seen = new Set<string>();
  const findings = new Set<string>();
  const list = part(element, 'list')!;
  const bottom = () => list.getBoundingClientRect().bottom + window.scrollY;
  for (let y = 0; y <= bottom(); y += 300) {
    window.scrollTo(0, y);
    await nextFrame();
    await nextFrame();
    for (const finding of activeContent(element)) findings.add(finding);
    for (const card of parts(element, 'item')) {
      const id = card.dataset.postId!;
      if (seen.has(id)) continue;
      seen.add(id);
      visit(card);
    }
  }
  window.scrollTo(0, 0);
  expect([...findings], 'active content while scrolling').to.deep.equal([]);
  return seen;
}

// ---------------------------------------------------------------------------------------------

describe('Hostile content', function () {
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
    canary = installCanary();
    // Pictures at the breakout URL are web addresses, so the browser asks for them.
    worker.use(
      http.get(/^https:\/\/example\.com\//, () => new HttpResponse(null, { status: 404 })),
    );
  });

  afterEach(() => {
    canary.restore();
    document.querySelectorAll('iframe.xss-control').forEach((frame) => frame.remove());
  });

  describe('the payload corpus', () => {
    it('has at least 60 payloads in twelve families, each with its own id', () => {
      expect(XSS_PAYLOADS.length).to.be.at.least(60);
      expect(PAYLOAD_FAMILIES).to.have.length(12);
      for (const family of PAYLOAD_FAMILIES) expect(payloadsOf(family), family).not.to.be.empty;
      expect(new Set(XSS_PAYLOADS.map((entry) => entry.id)).size).to.equal(XSS_PAYLOADS.length);
      expect(URL_PAYLOADS.length).to.be.at.least(20);
    });

    it('is caught by the DOM scan when it reaches markup (control)', () => {
      // A detached shadow tree: nothing in it loads or runs.
      const root = document.createElement('div').attachShadow({ mode: 'open' });
      root.innerHTML = [
        '<script>x()</script>',
        '<a href="javascript:x()" onclick="x()">a</a>',
        '<iframe srcdoc="<b>x</b>"></iframe>',
        '<div style="background:url(javascript:x)"></div>',
        '<form id="__xss"></form>',
        '<svg><a href="data:text/html,x"><text>t</text></a></svg>',
      ].join('');

      expect(activeContent(root)).to.deep.equal([
        '<script> element',
        '<a> href="javascript:x()"',
        '<a> onclick="x()"',
        '<iframe> srcdoc',
        '<div> style="background:url(javascript:x)"',
        '<form#__xss> id="__xss"',
        '<form#__xss> clobbering id="__xss"',
        '<a> href="data:text/html,x"',
      ]);
    });

    it('runs through unsafe sinks, so the tests below would notice a leak (control)', async () => {
      const live = XSS_PAYLOADS.filter((entry) => entry.live);
      expect(live.length).to.be.at.least(30);
      const fired = new Set<string>();

      // One frame per payload: payloads that clobber names would break their neighbours.
      for (const entry of live) runInFrame(entry, entry.live!, fired);
      await waitUntil(() => fired.size === live.length, 'some payloads never ran', WAIT).catch(
        () => undefined,
      );

      expect(
        live.filter((entry) => !fired.has(entry.id)).map((entry) => entry.id),
        'live payloads that did not run through an unsafe sink',
      ).to.deep.equal([]);
      expect(canary.calls, 'the page itself').to.deep.equal([]);
    });
  });

  describe('XSS payloads in every field', () => {
    it('<circle-feed>: titles, names, spaces, topics, bodies, places are inert text', async () => {
      const template = basicPost();
      const rich = copyOf(template, {
        id: 71,
        display_title: HOSTILE,
        name: HOSTILE,
        author: hostileAuthor(template.author),
        space: { ...template.space, name: HOSTILE },
        topics: [{ id: 1, name: HOSTILE, admin_only: false }],
        tiptap_body: hostileBody(),
        body: { attachments: {}, attachments_array: [], html: HOSTILE },
        body_plain_text: HOSTILE,
        cover_image: URL_PAYLOADS[1].text,
        url: URL_PAYLOADS[2].text,
        is_pinned_at_top_of_space: false,
        post_type: 'image',
      });
      rich.gallery = {
        id: 1,
        downloadable_images: false,
        images: [
          { id: 1, url: URL_PAYLOADS[0].text, filename: HOSTILE, width: 10, height: 10 },
          { id: 2, url: SAFE_PICTURE, filename: HOSTILE, width: 10, height: 10 },
        ],
      };
      const plain = copyOf(template, {
        id: 72,
        display_title: '',
        name: HOSTILE,
        tiptap_body: null,
        body: { attachments: {}, attachments_array: [], html: HOSTILE },
        body_plain_text: XSS_PAYLOADS.map((entry) => entry.text).join('\n\n'),
      });
      const event = eventPost(
        90,
        { id: 73, name: HOSTILE, display_title: HOSTILE, url: URL_PAYLOADS[3].text },
        { in_person_location: HOSTILE, location_type: 'in_person' },
      );
      serveHomeFeed([rich, plain, event]);

      const element = await feed();
      await waitUntil(() => part(element, 'item'), 'no posts', WAIT);
      const checked: string[] = [];
      const seen = await visitFeedCards(element, (card) => {
        const id = card.dataset.postId;
        const title = part(card, 'title')!;
        expect(fold(textOf(title)), `title of ${id}`).to.equal(fold(HOSTILE));
        // Without a safe URL the title is a button; the plain post keeps its own link.
        const link = title.querySelector('a')?.getAttribute('href') ?? null;
        expect(link, `title link of ${id}`).to.equal(id === '72' ? template.url : null);

        if (id === '71') {
          expect(textOf(card.querySelector('.author'))).to.equal(fold(HOSTILE));
          expect(textOf(card.querySelector('.meta'))).to.include(
            fold(msg('postedIn', { space: HOSTILE })),
          );
          expect(parts(card, 'topic').map(textOf)).to.deep.equal([fold(HOSTILE)]);
          expect(Boolean(part(card, 'cover')), 'cover').to.equal(false);
          expect(part(card, 'avatar')!.localName, 'avatar').to.equal('span');
          const body = part(card, 'body')!;
          expectEveryPayloadIn(body, 'the rich body');
          expect(within(body, '.mention').map(textOf).slice(0, XSS_PAYLOADS.length)).to.deep.equal(
            XSS_PAYLOADS.map((entry) => fold(`@${entry.text}`)),
          );
          expectOnlyUrls(body, [SAFE_LINK, SAFE_PICTURE, BREAKOUT_URL], 'the rich body');
          expect(Boolean(body.querySelector(`a[href="${SAFE_LINK}"]`)), 'the safe link').to.equal(
            true,
          );
          expect(Boolean(body.querySelector(`img[src="${SAFE_PICTURE}"]`)), 'the picture').to.equal(
            true,
          );
        }
        if (id === '72') {
          const paragraphs = within(part(card, 'body')!, 'p').map(textOf);
          expect(paragraphs).to.deep.equal(
            XSS_PAYLOADS.map((entry) => fold(entry.text.replace(/\r\n?|\n/g, ''))),
          );
        }
        if (id === '73') {
          expect(textOf(card.querySelector('.event-location'))).to.equal(
            fold(msg('inPersonAt', { place: HOSTILE })),
          );
        }
        checked.push(id!);
      });

      expect([...seen].sort()).to.deep.equal(['71', '72', '73']);
      expect(checked).to.have.length(3);
      await expectInert(element);

      // The picture viewer names the picture after the hostile title and file name.
      window.scrollTo(0, 0);
      await waitUntil(() => part(element, 'gallery-item'), 'no gallery', WAIT);
      expect(parts(element, 'gallery-item')).to.have.length(1);
      part(element, 'gallery-item')!.click();
      await waitUntil(() => part(element, 'viewer-image'), 'no viewer', WAIT);
      const picture = part(element, 'viewer-image') as HTMLImageElement;
      expect(picture.getAttribute('src')).to.equal(SAFE_PICTURE);
      expect(fold(picture.alt)).to.equal(fold(`${HOSTILE} (${HOSTILE})`));
      await expectInert(element);
      (part(element, 'viewer') as HTMLDialogElement).close();
    });

    it('<circle-feed>: unsafe cover, avatar, post, picture and link URLs are dropped', async () => {
      const template = basicPost();
      const probes = URL_PAYLOADS.map((entry, index) => {
        const post = copyOf(template, {
          id: 800 + index,
          display_title: `Probe ${entry.id}`,
          name: `Probe ${entry.id}`,
          url: entry.text,
          cover_image: entry.text,
          author: hostileAuthor(template.author, `Probe ${entry.id}`, entry.text),
          tiptap_body: linkBody(entry.text),
          body_plain_text: 'a link',
          post_type: 'image',
          topics: [],
        });
        post.gallery = {
          id: 900 + index,
          downloadable_images: false,
          images: [
            { id: 1, url: entry.text, filename: 'hostile.png', width: 10, height: 10 },
            { id: 2, url: SAFE_PICTURE, filename: 'safe.svg', width: 10, height: 10 },
          ],
        };
        return post;
      });
      serveHomeFeed(probes);

      const element = await feed();
      await waitUntil(() => part(element, 'item'), 'no posts', WAIT);
      const seen = await visitFeedCards(element, (card) => {
        const probe = URL_PAYLOADS[Number(card.dataset.postId) - 800];
        const web = webUrl(probe.text);
        const allowed = [SAFE_PICTURE, ...(web ? [web] : [])];
        expectOnlyUrls(card, allowed, `the card of ${probe.id}`);

        // The safe picture stays; the hostile one goes, unless it is a web URL.
        expect(parts(card, 'gallery-item'), probe.id).to.have.length(web ? 2 : 1);
        const titleLink = part(card, 'title')!.querySelector('a');
        expect(titleLink?.getAttribute('href') ?? null, `title of ${probe.id}`).to.equal(
          web ?? null,
        );
        expect(part(card, 'avatar')!.localName, `avatar of ${probe.id}`).to.equal(
          web ? 'img' : 'span',
        );
        expect(Boolean(part(card, 'cover')), `cover of ${probe.id}`).to.equal(Boolean(web));
        expect(textOf(part(card, 'body')), `body of ${probe.id}`).to.equal('a link');
      });

      expect(seen.size).to.equal(URL_PAYLOADS.length);
      await expectInert(element);
    });

    it('<circle-post>: the post, its comments, replies and likers are inert text', async () => {
      const db = sandbox.db;
      const post = db.posts.find(
        (candidate) =>
          candidate.is_comments_enabled &&
          !candidate.is_comments_closed &&
          candidate.is_liking_enabled &&
          candidate.post_type === 'basic',
      )!;
      Object.assign(post, {
        display_title: HOSTILE,
        name: HOSTILE,
        author: hostileAuthor(post.author),
        space: { ...post.space, name: HOSTILE },
        tiptap_body: hostileBody(),
        body_plain_text: HOSTILE,
        cover_image: URL_PAYLOADS[4].text,
        user_likes_count: 3,
        is_liked: false,
      });
      for (const member of db.members) {
        member.name = HOSTILE;
        member.avatar_url = URL_PAYLOADS[5].text;
      }
      post.first_liked_by = db.members.slice(1, 4).map(authorOf);

      // One rich comment, one trix-era comment with only HTML and text, and a reply.
      db.comments = db.comments.filter((comment) => comment.post_id !== post.id);
      const base = sandbox.db.comments[0];
      const comment = (id: number, changes: Partial<Comment>): Comment =>
        copyOf(base, {
          id,
          post_id: post.id,
          parent_comment_id: null,
          replies: [],
          replies_count: 0,
          author: hostileAuthor(base.author, HOSTILE, URL_PAYLOADS[6].text),
          created_at: iso(Date.now() - id * MINUTE),
          ...changes,
        });
      const rich = comment(9001, { tiptap_body: hostileBody(), body_text: HOSTILE });
      const trix = comment(9002, {
        tiptap_body: null,
        editor: 'trix',
        body: { attachments: {}, attachments_array: [], html: HOSTILE },
        body_text: HOSTILE,
      });
      const reply = comment(9003, { parent_comment_id: 9001, tiptap_body: hostileBody() });
      db.comments.push(rich, trix, reply);
      syncReplies(db, rich);
      post.comment_count = 3;

      const element = await postView(post);
      const title = part(element, 'title')!;
      expect(textOf(title)).to.equal(fold(HOSTILE));
      const header = part(element, 'header')!;
      expect(textOf(header.querySelector('.author'))).to.equal(fold(HOSTILE));
      expect(textOf(header.querySelector('.meta'))).to.include(
        fold(msg('postedIn', { space: HOSTILE })),
      );
      expect(Boolean(part(element, 'cover')), 'cover').to.equal(false);
      expectEveryPayloadIn(part(element, 'body'), 'the post body');
      expectOnlyUrls(part(element, 'body')!, [SAFE_LINK, SAFE_PICTURE, BREAKOUT_URL], 'the body');

      // The replies and the likers load on request.
      part(element, 'replies-toggle')!.click();
      await waitUntil(() => part(element, 'replies')?.querySelector('[part~="comment"]'), '', WAIT);
      part(element, 'likers-button')!.click();
      await waitUntil(
        () => element.shadowRoot!.querySelector('.likers-list li'),
        'no likers',
        WAIT,
      );

      const comments = parts(element, 'comment');
      expect(comments).to.have.length(3);
      for (const shown of comments) {
        expect(textOf(shown.querySelector('.author'))).to.equal(fold(HOSTILE));
        expect(shown.querySelector('[part~="avatar"]')!.localName).to.equal('span');
      }
      const bodyOf = (id: number) => within(element, `#comment-${id} [part~="comment-body"]`)[0];
      expectEveryPayloadIn(bodyOf(9001), 'a rich comment');
      expectEveryPayloadIn(bodyOf(9002), 'a plain-text comment');
      expectEveryPayloadIn(bodyOf(9003), 'a reply');
      const likers = within(element, '.likers-list li > :last-child');
      expect(likers.length).to.be.at.least(3);
      for (const liker of likers) expect(textOf(liker)).to.equal(fold(HOSTILE));

      await expectInert(element);
    });

    it('<circle-post>: a comment typed with payloads comes back as inert text', async () => {
      const post = sandbox.db.posts.find(
        (candidate) => candidate.is_comments_enabled && !candidate.is_comments_closed,
      )!;
      const element = await postView(post);
      const before = parts(element, 'comment').length;
      const textarea = within(element, '[part~="comments"] > [part~="composer"] textarea')[0] as
        HTMLTextAreaElement | undefined;
      expect(Boolean(textarea), 'the composer').to.equal(true);
      const typed = XSS_PAYLOADS.map((entry) => entry.text.replace(/[\r\n]/g, ' ')).join('\n');
      textarea!.value = typed;
      textarea!.dispatchEvent(new InputEvent('input', { bubbles: true }));
      part(element, 'submit-button')!.click();

      await waitUntil(() => parts(element, 'comment').length > before, 'not posted', WAIT);
      const posted = parts(element, 'comment').find((shown) =>
        textOf(shown.querySelector('[part~="comment-body"]')).includes('__xss'),
      );
      expect(Boolean(posted), 'the posted comment').to.equal(true);
      expectEveryPayloadIn(posted!.querySelector('[part~="comment-body"]')!, 'the new comment');
      await expectInert(element);
    });

    it('<circle-events>: list, detail dialog and month day panel show inert text', async () => {
      const hostile = eventPost(
        1,
        {
          name: HOSTILE,
          display_title: HOSTILE,
          author: hostileAuthor(eventTemplate().author),
          tiptap_body: hostileBody(),
          body_plain_text: HOSTILE,
          cover_image: URL_PAYLOADS[7].text,
          url: URL_PAYLOADS[8].text,
        },
        { in_person_location: HOSTILE, location_type: 'in_person' },
      );
      const guests = [0, 1, 2].map((index) =>
        attendee(hostile.id, index, HOSTILE, URL_PAYLOADS[index].text),
      );
      replaceEvents([{ post: hostile, attendees: guests }]);

      // The list.
      const list = await eventsView();
      await waitUntil(() => part(list, 'item'), 'no events', WAIT);
      const card = part(list, 'item')!;
      expect(textOf(part(card, 'title'))).to.equal(fold(HOSTILE));
      expect(Boolean(part(card, 'title')!.querySelector('a')), 'title link').to.equal(false);
      expect(textOf(part(card, 'location'))).to.include(fold(HOSTILE));
      expectEveryPayloadIn(part(card, 'body'), 'the summary');
      expect(parts(card, 'avatar').every((avatar) => avatar.localName === 'span')).to.equal(true);
      await expectInert(list);

      // The detail dialog, opened from the title.
      (part(card, 'title')!.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => part(list, 'attendee'), 'no attendees in the dialog', WAIT);
      const dialog = part(list, 'detail')!;
      expect(textOf(part(dialog, 'title'))).to.equal(fold(HOSTILE));
      const host = part(dialog, 'host')!.querySelector(':scope > :not([part~="avatar"])');
      expect(textOf(host)).to.equal(fold(msg('hostedBy', { name: HOSTILE })));
      expect(textOf(part(dialog, 'location'))).to.include(fold(HOSTILE));
      expectEveryPayloadIn(part(dialog, 'body'), 'the description');
      expectOnlyUrls(part(dialog, 'body')!, [SAFE_LINK, SAFE_PICTURE, BREAKOUT_URL], 'the body');
      const names = parts(dialog, 'attendee').map((shown) => shown.querySelector(':scope > bdi'));
      expect(names.map(textOf)).to.deep.equal(guests.map(() => fold(HOSTILE)));
      await expectInert(list);
      (dialog as HTMLDialogElement).close();

      // The month view and the panel of the event's day.
      const month = await eventsView('view="month"');
      await waitUntil(() => part(month, 'day-event'), 'no events in the month', WAIT);
      const dayEvent = part(month, 'day-event')!;
      expect(textOf(dayEvent)).to.equal(fold(HOSTILE));
      (dayEvent.closest('[part~="day"]') as HTMLElement).click();
      await waitUntil(() => part(month, 'day-panel')?.querySelector('[part~="item"]'), '', WAIT);
      const panelItem = part(part(month, 'day-panel')!, 'item')!;
      expect(textOf(part(panelItem, 'title'))).to.equal(fold(HOSTILE));
      expectEveryPayloadIn(part(panelItem, 'body'), "the day panel's summary");
      await expectInert(month);
    });

    it('<circle-events>: unsafe event, cover, join and attendee URLs are dropped', async () => {
      const events = URL_PAYLOADS.map((entry, index) => {
        const post = eventPost(
          5 + index,
          { name: `Probe ${entry.id}`, display_title: `Probe ${entry.id}` },
          { location_type: 'virtual', virtual_location_url: entry.text, in_person_location: null },
        );
        post.url = entry.text;
        post.cover_image = entry.text;
        return { post, attendees: [attendee(post.id, index, `Guest ${entry.id}`, entry.text)] };
      });
      replaceEvents(events);

      const element = await eventsView();
      await waitUntil(() => parts(element, 'item').length === events.length, 'not all', WAIT);
      for (const card of parts(element, 'item')) {
        const id = /Probe (\w+)/.exec(textOf(part(card, 'title')))![1];
        const probe = URL_PAYLOADS.find((entry) => entry.id === id)!;
        const web = webUrl(probe.text);
        const calendarLinks = within(card, '[part~="calendar"] a[href]').map((link) =>
          link.getAttribute('href')!,
        );
        expectOnlyUrls(card, [...(web ? [web] : []), ...calendarLinks], `the card of ${id}`);
        expect(Boolean(part(card, 'title')!.querySelector('a')), `title of ${id}`).to.equal(
          Boolean(web),
        );
        expect(Boolean(part(card, 'cover')), `cover of ${id}`).to.equal(Boolean(web));
        const join = part(card, 'location')!.querySelector('a');
        expect(join?.getAttribute('href') ?? null, `join link of ${id}`).to.equal(web ?? null);
      }
      await expectInert(element);
    });

    it('<circle-events>: calendar files and links keep hostile text in its field', async () => {
      const injected = `Launch\r\nATTENDEE:mailto:evil@example.com\r\nBEGIN:VALARM\n${HOSTILE}`;
      const event = eventPost(
        60,
        { name: injected, display_title: injected, body_plain_text: `x\nEND:VEVENT\nBEGIN:VEVENT` },
        {
          in_person_location: `Room 1\r\nORGANIZER:mailto:evil@example.com`,
          location_type: 'in_person',
        },
      ) as EventPost;

      await loadIcs();
      const lines = icsFor(event)!
        .replace(/\r\n[ \t]/g, '')
        .split('\r\n');
      expect(lines.filter((line) => line === 'BEGIN:VEVENT')).to.have.length(1);
      expect(lines.filter((line) => /^(ATTENDEE|ORGANIZER|BEGIN:VALARM)/.test(line))).to.deep.equal(
        [],
      );
      expect(lines.filter((line) => line.startsWith('SUMMARY'))).to.have.length(1);

      for (const link of [googleCalendarUrl(event)!, outlookUrl(event)!]) {
        const url = new URL(link);
        expect(url.protocol).to.equal('https:');
        expect([...url.searchParams.values()]).to.include(injected);
      }
    });

    for (const variant of ['bell', 'inline'] as const) {
      it(`<circle-notifications variant="${variant}">: inert text, no unsafe URL`, async () => {
        const structure = [
          'actor_name',
          '__proto__',
          'constructor',
          'toString',
          'display_action',
          'notifiable_title',
        ];
        replaceNotifications([
          {
            actor_name: HOSTILE,
            display_action: HOSTILE,
            notifiable_title: HOSTILE,
            space_title: HOSTILE,
            notification_text_structure: structure,
            action_web_url: URL_PAYLOADS[0].text,
            actor_image: URL_PAYLOADS[1].text,
          },
          {
            actor_name: HOSTILE,
            notification_text_structure: HOSTILE as unknown as string[],
            action_web_url: HOSTILE,
            actor_image: HOSTILE,
          },
          ...URL_PAYLOADS.map((entry) => ({
            actor_name: `Probe ${entry.id}`,
            display_action: 'posted',
            notifiable_title: 'a post',
            action_web_url: entry.text,
            actor_image: entry.text,
          })),
        ]);

        const element = await notificationsView(variant);
        const items = parts(element, 'item');
        expect(items).to.have.length(URL_PAYLOADS.length + 2);

        const [first, second, ...probes] = items;
        expect(textOf(first.querySelector('.sentence'))).to.equal(
          fold(`${HOSTILE} ${HOSTILE} ${HOSTILE}`),
        );
        expect(textOf(first.querySelector('.meta'))).to.include(fold(HOSTILE));
        expect(Boolean(first.querySelector('a.entry')), 'link from an unsafe URL').to.equal(false);
        expect(part(first, 'avatar')!.localName).to.equal('span');
        expect(textOf(second.querySelector('.sentence'))).to.include(fold(HOSTILE));
        expect(Boolean(second.querySelector('a.entry')), 'link from text').to.equal(false);

        for (const item of probes) {
          const id = /Probe (\w+)/.exec(textOf(item))![1];
          const web = webUrl(URL_PAYLOADS.find((entry) => entry.id === id)!.text);
          expectOnlyUrls(item, web ? [web] : [], `notification ${id}`);
          expect(item.querySelector('a.entry')?.getAttribute('href') ?? null, id).to.equal(
            web ?? null,
          );
        }
        await expectInert(element);
      });
    }

    it('<circle-notification-preferences>: space names are inert text', async () => {
      const settings = sandbox.db.notificationPreferences.in_app;
      settings.spaces = XSS_PAYLOADS.map((entry, index) => ({
        id: 700 + index,
        space_id: 700 + index,
        space_name: entry.text,
        choice: 'all',
        is_chat_space: false,
      }));
      settings.types.push({
        key: null,
        record: { type: HOSTILE as unknown as number, name: HOSTILE, enabled: true },
      });

      const element = await preferencesView();
      expect(parts(element, 'space-label').map(textOf)).to.deep.equal(
        XSS_PAYLOADS.map((entry) => fold(entry.text)),
      );
      for (const label of parts(element, 'type-label')) {
        expect(textOf(label)).not.to.include('__xss');
      }
      await expectInert(element);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Awkward but harmless content: long words, right-to-left text, emoji and huge bodies

/** What one scenario puts in the fields every element shows. */
interface FieldValues {
  /** Member names: authors, hosts, attendees, notification actors. */
  name: string;
  /** Post, event and notification titles. */
  title: string;
  /** Space names, also used as the topic. */
  space: string;
  /** An event's place. */
  place: string;
  /** The paragraphs of every body. */
  paragraphs: string[];
}

function bodyOf(paragraphs: string[]): RichTextBody {
  return {
    body: { type: 'doc', content: paragraphs.map((text) => paragraph(textNode(text))) },
    circle_ios_fallback_text: paragraphs.join('\n\n'),
  } as RichTextBody;
}

/** Fills the sandbox so that every element shows `values` in each field it has. */
function seed(values: FieldValues): { post: Post; feedPosts: Post[] } {
  const db = sandbox.db;
  const body = bodyOf(values.paragraphs);
  const author = (template: Author) => ({ ...template, name: values.name, avatar_url: '' });

  const post = db.posts.find(
    (candidate) =>
      candidate.post_type === 'basic' &&
      candidate.is_comments_enabled &&
      !candidate.is_comments_closed,
  )!;
  Object.assign(post, {
    display_title: values.title,
    name: values.title,
    author: author(post.author),
    space: { ...post.space, name: values.space },
    topics: [{ id: 1, name: values.space, admin_only: false }],
    tiptap_body: body,
    body_plain_text: values.paragraphs.join('\n\n'),
    cover_image: null,
  });
  const base = db.comments[0];
  db.comments = db.comments.filter((comment) => comment.post_id !== post.id);
  db.comments.push(
    copyOf(base, {
      id: 9100,
      post_id: post.id,
      parent_comment_id: null,
      replies: [],
      replies_count: 0,
      author: author(base.author),
      tiptap_body: body,
      body_text: values.paragraphs.join('\n\n'),
    }),
  );
  post.comment_count = 1;

  const event = eventPost(
    30,
    {
      name: values.title,
      display_title: values.title,
      author: author(eventTemplate().author),
      tiptap_body: body,
      body_plain_text: values.paragraphs.join('\n\n'),
      cover_image: null,
    },
    { in_person_location: values.place, location_type: 'in_person' },
  );
  replaceEvents([{ post: event, attendees: [attendee(event.id, 0, values.name, '')] }]);

  replaceNotifications([
    {
      actor_name: values.name,
      display_action: 'posted',
      notifiable_title: values.title,
      space_title: values.space,
      notification_text_structure: ['actor_name', 'display_action', 'notifiable_title'],
      actor_image: '',
    },
  ]);
  db.notificationPreferences.in_app.spaces = [
    { id: 701, space_id: 701, space_name: values.space, choice: 'all', is_chat_space: false },
  ];
  return { post, feedPosts: [post, event] };
}

/** One rendered view of each element, and the field values it should show. */
interface View {
  name: string;
  element: HTMLElement;
  /** Where to look: the element, or the part of it that holds the content. */
  scope: () => Element;
  shows: (keyof FieldValues)[];
}

/**
 * Renders every element (the feed's cards are visited as they scroll by) with `values` and calls
 * `check` on each view.
 */
async function everyView(
  values: FieldValues,
  check: (view: View) => void | Promise<void>,
  width?: number,
): Promise<void> {
  const { post, feedPosts } = seed(values);
  serveHomeFeed(feedPosts);

  const feedElement = await feed('', width);
  await waitUntil(() => part(feedElement, 'item'), 'no posts', WAIT);
  const cards: HTMLElement[] = [];
  await visitFeedCards(feedElement, (card) => cards.push(card));
  expect(cards).to.have.length(2);
  // The windowed list may have dropped a card: check each one where it is rendered.
  for (const id of feedPosts.map((feedPost) => String(feedPost.id))) {
    const event = id !== String(post.id);
    await scrollToCard(feedElement, id);
    await check({
      name: `<circle-feed> ${event ? 'event' : 'post'} card`,
      element: feedElement,
      scope: () => within(feedElement, `[data-post-id="${id}"]`)[0],
      shows: event ? ['name', 'title', 'place'] : ['name', 'title', 'space', 'paragraphs'],
    });
  }

  const postElement = await postView(post, width);
  await check({
    name: '<circle-post>',
    element: postElement,
    scope: () => postElement.shadowRoot!.querySelector('[part~="base"]')!,
    shows: ['name', 'title', 'space', 'paragraphs'],
  });

  const events = await eventsView('', width);
  await waitUntil(() => part(events, 'item'), 'no events', WAIT);
  await check({
    name: '<circle-events> card',
    element: events,
    scope: () => part(events, 'item')!,
    shows: ['title', 'place'],
  });
  (part(part(events, 'item')!, 'title')!.querySelector('a, button') as HTMLElement).click();
  await waitUntil(() => part(events, 'attendee'), 'no attendees in the dialog', WAIT);
  await check({
    name: '<circle-events> dialog',
    element: events,
    scope: () => part(events, 'detail')!,
    shows: ['name', 'title', 'place', 'paragraphs'],
  });
  (part(events, 'detail') as HTMLDialogElement).close();

  const month = await eventsView('view="month"', width);
  await waitUntil(() => part(month, 'day-event'), 'no events in the month', WAIT);
  (part(month, 'day-event')!.closest('[part~="day"]') as HTMLElement).click();
  await waitUntil(() => part(month, 'day-panel')?.querySelector('[part~="item"]'), '', WAIT);
  await check({
    name: '<circle-events> month day panel',
    element: month,
    scope: () => part(month, 'day-panel')!,
    shows: ['title', 'place'],
  });

  for (const variant of ['bell', 'inline'] as const) {
    const notifications = await notificationsView(variant, width);
    await check({
      name: `<circle-notifications variant="${variant}">`,
      element: notifications,
      scope: () => part(notifications, 'item')!,
      shows: ['name', 'title', 'space'],
    });
  }

  const preferences = await preferencesView(width);
  await check({
    name: '<circle-notification-preferences>',
    element: preferences,
    scope: () => part(preferences, 'space-list')!,
    shows: ['space'],
  });
}

async function scrollToCard(element: HTMLElement, id: string): Promise<void> {
  const list = part(element, 'list')!;
  const bottom = () => list.getBoundingClientRect().bottom + window.scrollY;
  for (let y = 0; y <= bottom(); y += 200) {
    window.scrollTo(0, y);
    await nextFrame();
    await nextFrame();
    if (within(element, `[data-post-id="${id}"]`)[0]) return;
  }
  throw new Error(`card ${id} never rendered`);
}

/** The values a view shows, one string each (bodies give one per paragraph). */
function shownValues(values: FieldValues, view: View): string[] {
  return view.shows.flatMap((field) => {
    const value = values[field];
    return Array.isArray(value) ? value : [value];
  });
}

/**
 * The element that shows `value` on its own: the innermost one whose text is just that value
 * (aria-hidden initials aside).
 */
function holderOf(scope: Element, value: string): HTMLElement | undefined {
  const wanted = fold(value);
  const matches = [...scope.querySelectorAll<HTMLElement>('*')].filter(
    (element) => !element.closest('[aria-hidden="true"]') && textOf(element) === wanted,
  );
  return matches.find(
    (element) => !matches.some((other) => other !== element && element.contains(other)),
  );
}

/** Whether `holder`, or an ancestor showing the same text, isolates its direction. */
function isolates(holder: HTMLElement): boolean {
  const text = textOf(holder);
  for (
    let node: HTMLElement | null = holder;
    node && textOf(node) === text;
    node = node.parentElement
  ) {
    if (node.localName === 'bdi' || node.getAttribute('dir') === 'auto') return true;
  }
  return false;
}

/**
 * Elements under `host` that stick out to its right, outside any scrolling box. A dialog or
 * popover shows in the top layer: it must fit in the window, and its content in it.
 */
function overflowing(host: HTMLElement): string[] {
  const found: string[] = [];
  if (host.scrollWidth > host.clientWidth + 1) {
    found.push(`${host.localName} scrolls: ${host.scrollWidth} > ${host.clientWidth}`);
  }
  const hostRight = host.getBoundingClientRect().right;
  for (const element of host.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    if (element.closest('.visually-hidden, dialog:not([open]), [popover]:not(:popover-open)')) {
      continue;
    }
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || insideScroller(element)) continue;

    const layer = element.parentElement?.closest('dialog[open], :popover-open');
    const onTop = element.matches('dialog[open], :popover-open');
    const right = onTop
      ? document.documentElement.clientWidth
      : (layer?.getBoundingClientRect().right ?? hostRight);
    if (rect.right > right + 1) {
      found.push(`<${element.localName} class="${element.className}"> ends at ${rect.right}`);
    }
  }
  return found;
}

function insideScroller(element: HTMLElement): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') return true;
  }
  return false;
}

/** A 5 MB string of words, so it can wrap. */
function hugeText(): string {
  const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';
  return words.repeat(Math.ceil((5 * 1024 * 1024) / words.length));
}

describe('Awkward but harmless content', function () {
  this.timeout(30_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  it('shows an event whose description is not text, with the description left out', async () => {
    const odd = eventPost(1, {
      name: 'Description of the wrong type',
      display_title: 'Description of the wrong type',
      body_plain_text: 42 as unknown as string,
      tiptap_body: null,
    });
    const plain = eventPost(2, { name: 'Plain event', display_title: 'Plain event' });
    replaceEvents([
      { post: odd, attendees: [] },
      { post: plain, attendees: [] },
    ]);

    const list = await eventsView();
    await waitUntil(() => parts(list, 'item').length === 2, 'the events did not show', WAIT);
    const card = parts(list, 'item')[0]!;
    expect(textOf(part(card, 'title'))).to.equal('Description of the wrong type');
    expect(textOf(part(card, 'body'))).to.equal('');
  });

  it('wraps very long unbroken words without widening any element', async () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(12);
    const url = `https://example.com/${'very-long-path-segment'.repeat(20)}`;
    const values: FieldValues = {
      name: word,
      title: `${word} ${url}`,
      space: word,
      place: word,
      paragraphs: [word, url],
    };
    const problems: string[] = [];
    await everyView(
      values,
      (view) => {
        problems.push(...overflowing(view.element).map((problem) => `${view.name}: ${problem}`));
      },
      320,
    );
    expect(problems).to.deep.equal([]);
  });

  it('isolates right-to-left and mixed-direction names and titles', async () => {
    const values: FieldValues = {
      name: 'مريم الحسيني',
      title: 'מפגש קהילה: React ו-TypeScript!',
      space: 'مجتمع الصنّاع (Berlin)',
      place: 'תל אביב, Rothschild 1',
      paragraphs: ['مرحبا بالجميع! Welcome, all.', 'An English paragraph with שלום inside.'],
    };
    const rightToLeft = new Set([
      values.name,
      values.title,
      values.space,
      values.place,
      values.paragraphs[0],
    ]);
    const problems: string[] = [];
    await everyView(values, (view) => {
      for (const value of shownValues(values, view)) {
        const holder = holderOf(view.scope(), value);
        const direction = rightToLeft.has(value) ? 'rtl' : 'ltr';
        if (!holder) problems.push(`${view.name}: "${value}" is not on its own`);
        else if (!isolates(holder)) problems.push(`${view.name}: "${value}" is not isolated`);
        else if (!holder.matches(`:dir(${direction})`)) {
          problems.push(`${view.name}: "${value}" is not ${direction}`);
        }
      }
      // The widget's own words around them stay left-to-right.
      if (!view.scope().matches(':dir(ltr)')) problems.push(`${view.name} is not ltr`);
    });
    expect(problems).to.deep.equal([]);
  });

  it('keeps emoji sequences intact, also in initials', async () => {
    const values: FieldValues = {
      name: '👩🏽‍💻 Zoë',
      title: '👨‍👩‍👧‍👦 Family day 🏳️‍🌈🇯🇵',
      space: '🇩🇪 Berlin makers',
      place: '📍 Café ☕️',
      paragraphs: ['✊🏿 🧑🏻‍🤝‍🧑🏿 👋🏽 and 🇺🇦'],
    };
    const problems: string[] = [];
    await everyView(values, (view) => {
      for (const value of shownValues(values, view)) {
        const shown = holderOf(view.scope(), value)?.textContent?.trim();
        if (shown !== value) problems.push(`${view.name}: "${shown}" instead of "${value}"`);
      }
      if (view.shows.includes('name')) {
        const initials = within(view.scope(), '.initials').map((avatar) => avatar.textContent);
        if (initials.length === 0) problems.push(`${view.name}: no initials`);
        for (const shown of initials) {
          if (shown !== '👩🏽‍💻Z') problems.push(`${view.name}: initials "${shown}"`);
        }
      }
    });
    expect(problems).to.deep.equal([]);
  });

  it('renders a 20,000-node body in a few seconds', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.post_type === 'basic')!;
    const paragraphs = Array.from({ length: 10_000 }, (_, index) => `Paragraph ${index + 1}`);
    post.tiptap_body = bodyOf(paragraphs);
    post.body_plain_text = paragraphs.join('\n\n');

    const started = performance.now();
    const element = await postView(post);
    const body = part(element, 'body')!;
    await nextFrame();
    const elapsed = performance.now() - started;

    expect(elapsed, 'milliseconds to render').to.be.below(3000);
    const shown = within(body, 'p');
    expect(textOf(shown[0])).to.equal('Paragraph 1');
    // The body is cut off, visibly, before it gets too long to lay out.
    expect(textOf(shown.at(-1)).endsWith('…'), 'an ellipsis at the end').to.equal(true);
  });

  it('renders a 5 MB body in a few seconds, in a post and in the feed', async () => {
    const text = hugeText();
    const post = sandbox.db.posts.find((candidate) => candidate.post_type === 'basic')!;
    post.tiptap_body = bodyOf([text]);
    post.body_plain_text = text;
    const plain = copyOf(post, { id: 99_001, tiptap_body: null });

    let started = performance.now();
    const element = await postView(post);
    await nextFrame();
    expect(performance.now() - started, 'milliseconds for <circle-post>').to.be.below(3000);
    const shown = textOf(part(element, 'body'));
    expect(shown.startsWith('lorem ipsum dolor')).to.equal(true);
    expect(shown.endsWith('…'), 'an ellipsis at the end').to.equal(true);
    expect(shown.length, 'characters shown').to.be.below(text.length / 10);

    // The feed only draws the cards in view, so the long post must not push it down.
    element.parentElement!.remove();
    serveHomeFeed([post, plain]);
    started = performance.now();
    const feedElement = await feed();
    await waitUntil(() => parts(feedElement, 'item').length === 2, 'not both posts', WAIT);
    await nextFrame();
    expect(performance.now() - started, 'milliseconds for <circle-feed>').to.be.below(3000);
    for (const card of parts(feedElement, 'item')) {
      expect(textOf(part(card, 'body')).endsWith('…'), 'an ellipsis at the end').to.equal(true);
    }
  });
});

/** Puts `entry` through an unsafe sink in a frame of its own, recording the canary's calls. */
function runInFrame(entry: XssPayload, sink: LiveSink, fired: Set<string>): void {
  const frame = document.createElement('iframe');
  frame.className = 'xss-control';
  document.body.append(frame);
  const frameWindow = frame.contentWindow!;
  (frameWindow as unknown as { __xss: unknown }).__xss = (id: string) => fired.add(id);

  const body = frameWindow.document.body;
  if (sink === 'innerHTML') {
    body.innerHTML = entry.text;
    return;
  }
  const link = frameWindow.document.createElement('a');
  link.setAttribute('href', entry.text);
  body.append(link);
  link.click();
}
