// The ::part vocabulary is public API: every part name an element renders, in any state it
// reaches, must be documented for that element in custom-elements.json.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow } from './support/dom.js';
import type { CircleElement } from '../src/elements/circle-element.js';
import type { Manifest } from '../demo/docs/manifest.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-notifications/circle-notifications.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 6000 };

const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;

const taggedDeclarations = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);

/** The part names the manifest documents for `tag`. */
function documentedParts(tag: string): Set<string> {
  const declaration = taggedDeclarations.find((candidate) => candidate.tagName === tag);
  expect(declaration, `${tag} is in the manifest`).to.exist;
  return new Set((declaration!.cssParts ?? []).map((part) => part.name));
}

const documentedTags = new Set(taggedDeclarations.map((declaration) => declaration.tagName));

// -------------------------------------------------------------------------------------------
// Collecting the part names an element renders

/**
 * Every token of every `part` in `root`, and in the shadow roots of its own inner elements.
 * Another documented widget nested inside has a vocabulary of its own, so it is left out.
 */
function partTokens(root: ParentNode, found = new Set<string>()): Set<string> {
  for (const node of root.querySelectorAll('*')) {
    for (const token of node.getAttribute('part')?.split(/\s+/) ?? []) {
      if (token) found.add(token);
    }
    if (node.shadowRoot && !documentedTags.has(node.localName)) partTokens(node.shadowRoot, found);
  }
  return found;
}

/**
 * Watches `element`'s shadow root from the moment it is created, so parts that show only
 * briefly (a skeleton, "Saving…") are seen as well as those present when a test looks.
 */
class PartRecorder {
  readonly seen = new Set<string>();
  private readonly observer = new MutationObserver(() => this.take());

  constructor(private readonly element: Element) {
    this.observer.observe(element.shadowRoot!, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['part'],
    });
    this.take();
  }

  take(): void {
    partTokens(this.element.shadowRoot!, this.seen);
  }

  stop(): Set<string> {
    this.take();
    this.observer.disconnect();
    return this.seen;
  }
}

// -------------------------------------------------------------------------------------------
// Scenes: each puts one element through some of its states

interface Scene {
  name: string;
  tag: string;
  /** Attributes besides the token endpoint, read when the element is created. */
  attributes?: () => string;
  /** Puts the sandbox into shape before the element is created. */
  arrange?: () => void;
  /** Drives the element through its states; the recorder sees every step. */
  play: (element: CircleElement) => Promise<void>;
}

const part = (element: Element, name: string) => shadow(element, `[part~="${name}"]`);

async function shown(element: Element, selector: string): Promise<HTMLElement> {
  await waitUntil(() => shadow(element, selector), `nothing matched ${selector}`, WAIT);
  return shadow<HTMLElement>(element, selector)!;
}

async function click(element: CircleElement, selector: string): Promise<void> {
  (await shown(element, selector)).click();
  await element.updateComplete;
}

const failWith500 = () => HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 });

const signedOut = () => {
  sandbox.auth.signedIn = false;
};

const failGet = (path: string) => () => worker.use(http.get(`${API}${path}`, failWith500));

/** The shared error, signed-out and empty states of one element. */
function sharedScenes(
  tag: string,
  path: string,
  empty: () => void,
  attributes: () => string = () => '',
): Scene[] {
  return [
    {
      name: 'error',
      tag,
      attributes,
      arrange: failGet(path),
      play: async (element) => void (await shown(element, '[part~="retry-button"]')),
    },
    {
      name: 'signed out, with a sign-in link',
      tag,
      attributes: () => `${attributes()} sign-in-url="https://example.com/sign-in"`,
      arrange: signedOut,
      play: async (element) => void (await shown(element, '[part~="sign-in"]')),
    },
    {
      name: 'empty',
      tag,
      attributes,
      arrange: empty,
      play: async (element) => void (await shown(element, '[part~="empty"]')),
    },
  ];
}

/** A post as the sandbox stores it. */
type SandboxPost = (typeof sandbox.db.posts)[number];

function homeFeedOf(posts: SandboxPost[]) {
  return http.get(`${API}/home`, () =>
    HttpResponse.json({
      page: 1,
      per_page: 10,
      has_next_page: false,
      count: posts.length,
      records: posts,
    }),
  );
}

/** A post with comments, some of the member's own and some with replies, open to comment. */
const discussedPost = () =>
  sandbox.db.posts.find(
    (post) =>
      post.name &&
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      sandbox.db.comments.some(
        (comment) => comment.post_id === post.id && comment.community_member_id === 1,
      ) &&
      sandbox.db.comments.some(
        (comment) => comment.post_id === post.id && comment.replies_count > 0,
      ),
  )!;

/** Every post answered as having no comments. */
const emptyComments = () =>
  http.get(`${API}/posts/:post/comments`, () =>
    HttpResponse.json({ page: 1, per_page: 20, has_next_page: false, count: 0, records: [] }),
  );

const postAttributes = (post: SandboxPost) => `space="${post.space.slug}" post="${post.slug}"`;

const SCENES: Scene[] = [
  // <circle-feed>
  {
    name: 'loaded, with a bad attribute, a copied link and "Load more"',
    tag: 'circle-feed',
    attributes: () => 'paging="button" per-page="2" sort="newest"',
    play: async (element) => {
      await shown(element, '[part~="item"] [part~="title"]');
      await shown(element, '[part~="config-warning"]');
      await shown(element, '[part~="load-more"]');
      await click(element, '[part~="copy-link"]');
    },
  },
  {
    name: 'an image post with its viewer open, an event post, a long post and the end',
    tag: 'circle-feed',
    attributes: () => 'per-page="2"',
    arrange: () => {
      const gallery = sandbox.db.posts.find(
        (post) => post.post_type === 'image' && post.gallery!.images!.length > 4,
      )!;
      const event = sandbox.db.posts.find((post) => post.post_type === 'event')!;
      const long = [...sandbox.db.posts]
        .filter((post) => post.post_type !== 'image' && post.post_type !== 'event')
        .sort(
          (a, b) => JSON.stringify(b.tiptap_body).length - JSON.stringify(a.tiptap_body).length,
        )[0]!;
      worker.use(homeFeedOf([gallery, event, long]));
    },
    play: async (element) => {
      // Tall enough that the windowed list draws all three cards and the line after them.
      await setViewport({ width: 1000, height: 4000 });
      await shown(element, '[part~="event-item"]');
      await shown(element, '[part~="read-more"]');
      await shown(element, '[part~="end"]');
      await click(element, '[part~="gallery-item"]');
      await shown(element, 'dialog[part~="viewer"] [part~="next-image"]');
      await click(element, '[part~="next-image"]');
    },
  },
  {
    name: 'a like that could not be saved',
    tag: 'circle-feed',
    arrange: () =>
      worker.use(
        http.post(`${API}/posts/:post/user_likes`, failWith500),
        http.delete(`${API}/posts/:post/user_likes`, failWith500),
      ),
    play: async (element) => {
      await click(element, '[part~="like-button"]');
      await shown(element, '[part~="notice"]');
    },
  },
  ...sharedScenes('circle-feed', '/home', () => (sandbox.db.posts = [])),

  // <circle-post>
  {
    name: 'loaded, with replies, likers, a reply composer, an editor and a delete question',
    tag: 'circle-post',
    attributes: () => `${postAttributes(discussedPost())} per-page="60" sort="sideways"`,
    play: async (element) => {
      const post = discussedPost();
      await shown(element, '[part~="comment"]');
      await shown(element, '[part~="config-warning"]');

      const parent = sandbox.db.comments.find(
        (comment) => comment.post_id === post.id && comment.replies_count > 0,
      )!;
      await click(element, `#comment-${parent.id} [part~="replies-toggle"]`);
      await shown(element, `#comment-${parent.id} [part~="replies"] [part~="comment"]`);
      await click(element, `#comment-${parent.id} [part~="reply-button"]`);
      await shown(element, '[part~="comment"] [part~="composer"]');

      await click(element, '[part~="likers-button"]');
      await shown(element, '[part~="likers"] > :not([role="status"])');

      const mine = sandbox.db.comments.find(
        (comment) =>
          comment.post_id === post.id &&
          comment.community_member_id === 1 &&
          !comment.parent_comment_id,
      )!;
      await click(element, `#comment-${mine.id} [part~="edit-button"]`);
      await shown(element, `#comment-${mine.id} [part~="editor"] [part~="save-button"]`);
      await click(element, `#comment-${mine.id} [part~="delete-button"]`);
      await shown(element, `#comment-${mine.id} [part~="confirm-delete"]`);

      // An empty send says why it was refused.
      shadow<HTMLFormElement>(element, 'section [part~="composer"]')!.requestSubmit();
      await shown(element, '[part~="composer-error"]');
    },
  },
  {
    name: 'a post with comments and likes turned off',
    tag: 'circle-post',
    attributes: () => postAttributes(sandbox.db.posts.find((post) => !post.is_comments_enabled)!),
    play: async (element) => void (await shown(element, '[part~="note"]')),
  },
  {
    name: 'a post that does not exist',
    tag: 'circle-post',
    attributes: () => `space="${discussedPost().space.slug}" post="no-such-post"`,
    play: async (element) => void (await shown(element, '[part~="not-found"]')),
  },
  ...sharedScenes(
    'circle-post',
    '/spaces/:space/posts/:post',
    () => worker.use(emptyComments()),
    () => postAttributes(discussedPost()),
  ),

  // <circle-events>
  ...(['list', 'compact'] as const).map((view): Scene => ({
    name: `view="${view}" with its calendar menu and an event's detail open`,
    tag: 'circle-events',
    attributes: () => `view="${view}" paging="button" per-page="3" filter="someday"`,
    play: async (element) => {
      await shown(element, '[part~="item"] [part~="title"] a');
      await shown(element, '[part~="config-warning"]');
      const calendar = part(element, 'calendar-button');
      if (calendar) {
        calendar.click();
        await shown(element, '[part~="calendar-menu"]:not([hidden]) [part~="calendar-option"]');
      }
      await click(element, '[part~="item"] [part~="title"] a');
      const dialog = (await shown(element, '[part~="detail"]')) as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
      await waitUntil(
        () => dialog.querySelector('.attendee-section, [part~="series"]'),
        'the detail did not finish loading',
        WAIT,
      );
    },
  })),
  {
    name: 'a recurring event with its series open',
    tag: 'circle-events',
    play: async (element) => {
      const recurring = sandbox.db.posts.find((post) => post.event_type === 'recurring');
      await shown(element, '[part~="item"] [part~="title"] a');
      const link = [
        ...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>(
          '[part~="item"] [part~="title"] a',
        ),
      ].find((candidate) => candidate.textContent?.includes(recurring?.name ?? '\u0000'));
      (link ?? shadow<HTMLAnchorElement>(element, '[part~="item"] [part~="title"] a')!).click();
      const dialog = (await shown(element, '[part~="detail"]')) as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
      await waitUntil(
        () => dialog.querySelector('.attendee-section, [part~="series"]'),
        'the detail did not finish loading',
        WAIT,
      );
    },
  },
  {
    name: 'view="month" with a day opened',
    tag: 'circle-events',
    attributes: () => 'view="month"',
    play: async (element) => {
      const event = await shown(element, '[part~="day-event"]');
      event.closest<HTMLElement>('[part~="day"]')!.click();
      await shown(element, '[part~="day-panel"] [part~="item"]');
    },
  },
  ...sharedScenes(
    'circle-events',
    '/community_events',
    () => (sandbox.db.posts = sandbox.db.posts.filter((post) => !post.event_setting_attributes)),
  ),

  // <circle-notifications>
  {
    name: 'a bell with its count, its panel and an item menu open',
    tag: 'circle-notifications',
    attributes: () => 'placement="sideways"',
    play: async (element) => {
      await shown(element, '[part~="badge"]');
      await click(element, '[part~="bell"]');
      await shown(element, '[part~="config-warning"]');
      await shown(element, '[part~="item"] [part~="menu-button"]');
      await click(element, '[part~="menu-button"]');
      await shown(element, '[part~="menu-option"]');
    },
  },
  {
    name: 'variant="inline"',
    tag: 'circle-notifications',
    attributes: () => 'variant="inline" per-page="2"',
    play: async (element) => {
      await shown(element, '[part~="item"] [part~="meta"]');
      await shown(element, '[part~="load-more"]');
    },
  },
  ...sharedScenes(
    'circle-notifications',
    '/notifications',
    () => (sandbox.db.notifications = []),
    () => 'variant="inline"',
  ),

  // <circle-notification-preferences>
  {
    name: 'loaded, with a setting saving and a change that could not be saved',
    tag: 'circle-notification-preferences',
    arrange: () => worker.use(http.put(`${API}/notification_preferences/:medium`, failWith500)),
    play: async (element) => {
      await shown(element, '[part~="space-item"]');
      await click(element, '[part~="switch"]');
      await shown(element, '[part~="notice"]');
    },
  },
  {
    name: 'a medium it does not know',
    tag: 'circle-notification-preferences',
    attributes: () => 'medium="pigeon"',
    play: async (element) => void (await shown(element, '[part~="config-warning"]')),
  },
  ...sharedScenes('circle-notification-preferences', '/notification_preferences/:medium', () =>
    worker.use(
      http.get(`${API}/notification_preferences/:medium`, () =>
        HttpResponse.json({ notification_preference: [], space_preferences: [] }),
      ),
    ),
  ),
];

// -------------------------------------------------------------------------------------------

async function mount(scene: Scene): Promise<{ element: CircleElement; recorder: PartRecorder }> {
  scene.arrange?.();
  const container = await fixture<HTMLDivElement>('<div></div>');
  const element = document.createElement(scene.tag) as CircleElement;
  element.setAttribute('token-endpoint', '/api/circle-token');
  const attributes = new DOMParser().parseFromString(
    `<div ${scene.attributes?.() ?? ''}></div>`,
    'text/html',
  ).body.firstElementChild!;
  for (const { name, value } of attributes.attributes) element.setAttribute(name, value);
  container.append(element);
  // Lit opens the shadow root when the element connects; watch it before the first render.
  const recorder = new PartRecorder(element);
  return { element, recorder };
}

describe('::part names', function () {
  // Errors come after the client's retries.
  this.timeout(20_000);

  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  afterEach(() => setViewport({ width: 800, height: 600 }));

  const seenByTag = new Map<string, Set<string>>();

  for (const scene of SCENES) {
    it(`<${scene.tag}> ${scene.name}: every part it renders is documented`, async () => {
      const { element, recorder } = await mount(scene);
      try {
        await scene.play(element);
      } finally {
        const seen = recorder.stop();
        const all = seenByTag.get(scene.tag) ?? new Set<string>();
        for (const token of seen) all.add(token);
        seenByTag.set(scene.tag, all);
      }
      const documented = documentedParts(scene.tag);
      const undocumented = [...recorder.seen].filter((token) => !documented.has(token)).sort();
      expect(undocumented, `parts of <${scene.tag}> missing from its cssParts`).to.deep.equal([]);
    });
  }

  it('saw the core names in each element, so the scenes above reached real content', () => {
    for (const tag of new Set(SCENES.map((scene) => scene.tag))) {
      const seen = seenByTag.get(tag) ?? new Set<string>();
      for (const core of ['base', 'item', 'button', 'empty', 'error', 'signed-out']) {
        expect(seen.has(core), `<${tag}> rendered part "${core}"`).to.equal(true);
      }
    }
  });
});
