// Accessibility across every element and state: axe in every preset, light and dark, heading
// levels, target sizes, focus rings, reduced motion, and nothing said by colour alone.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import { http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { captureWarnings, shadow, shadowAll, textOf } from './support/dom.js';
import { PRESETS } from '../src/controllers/theme-controller.js';
import type { CircleElement } from '../src/elements/circle-element.js';
import { msg } from '../src/i18n/strings.js';
import { resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-notifications/circle-notifications.js';
import '../src/elements/circle-notification-preferences/circle-notification-preferences.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 6000 };
const THEMES = ['light', 'dark'] as const;

// -------------------------------------------------------------------------------------------
// Reading the shadow tree

const part = (root: Element, name: string) =>
  (root.shadowRoot ?? root).querySelector<HTMLElement>(`[part~="${name}"]`);

const parts = (root: Element, name: string) => [
  ...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** A short name for a node in a failure message. */
function describeNode(node: Element): string {
  const partName = node.getAttribute('part');
  const label = node.getAttribute('aria-label') ?? textOf(node).slice(0, 30);
  return `<${node.localName}${partName ? ` part="${partName}"` : ''}> "${label}"`;
}

/**
 * Axe's violations in `host` and its shadow tree, each with the nodes it found. Fails when axe
 * passed no node inside the shadow root (a selector chain), as it would then have seen nothing.
 */
async function violations(host: Element): Promise<string[]> {
  const results = await axe.run(host);
  const lookedInside = results.passes.some((rule) =>
    rule.nodes.some((node) => node.target.some((selector) => Array.isArray(selector))),
  );
  expect(lookedInside, 'axe did not inspect the shadow root').to.equal(true);
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} at ${violation.nodes
        .map((node) => JSON.stringify(node.target))
        .join(', ')}`,
  );
}

// -------------------------------------------------------------------------------------------
// Elements in each state

type State = 'loading' | 'loaded' | 'empty' | 'error' | 'signed-out';
const STATES: State[] = ['loading', 'loaded', 'empty', 'error', 'signed-out'];

/** Requests to `path` never get an answer, so the element keeps its loading state. */
const holdRequests = (path: string) =>
  worker.use(http.get(`${API}${path}`, () => new Promise<Response>(() => {})));

/** Requests to `path` fail with a server error, retries included. */
const failRequests = (path: string) =>
  worker.use(
    http.get(`${API}${path}`, () =>
      HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 }),
    ),
  );

async function mount<T extends CircleElement = CircleElement>(
  tag: string,
  attributes = '',
): Promise<T> {
  const container = await fixture<HTMLDivElement>(
    `<div><${tag} token-endpoint="/api/circle-token" ${attributes}></${tag}></div>`,
  );
  return container.querySelector<T>(tag)!;
}

/** A post with comments that are open, whose page shows a comment composer. */
const discussedPost = () =>
  sandbox.db.posts.find(
    (post) =>
      post.name &&
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      sandbox.db.comments.some((comment) => comment.post_id === post.id),
  )!;

const postAttributes = () => {
  const post = discussedPost();
  return `space="${post.space.slug}" post="${post.slug}"`;
};

const isEvent = (post: (typeof sandbox.db.posts)[number]) => Boolean(post.event_setting_attributes);

/** Waits for `selector` with a longer wait than the shared helper's, for retried errors. */
async function shown(element: Element, selector: string): Promise<void> {
  await waitUntil(() => shadow(element, selector), `nothing matched ${selector}`, WAIT);
}

interface Subject {
  name: string;
  tag: string;
  attributes?: () => string;
  /** Puts the sandbox into `state` before the element is created. */
  arrange: (state: State) => void;
  /** Waits until the element shows `state`, opening what must be opened. */
  reach: (element: CircleElement, state: State) => Promise<void>;
}

/** What every element shows for the shared states. */
async function sharedState(element: CircleElement, state: State): Promise<boolean> {
  const selector = {
    loading: '[aria-busy="true"] .skeleton',
    empty: '[part~="empty"]',
    error: '[part~="retry-button"]',
    'signed-out': '[part~="signed-out"]',
    loaded: '',
  }[state];
  if (!selector) return false;
  await shown(element, selector);
  return true;
}

function arrangeSignedOut(state: State): boolean {
  if (state !== 'signed-out') return false;
  sandbox.auth.signedIn = false;
  return true;
}

const EVENT_VIEWS = ['list', 'compact'] as const;

const SUBJECTS: Subject[] = [
  {
    name: 'circle-feed',
    tag: 'circle-feed',
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/home');
      if (state === 'error') failRequests('/home');
      if (state === 'empty') sandbox.db.posts = [];
    },
    reach: async (element, state) => {
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="item"] [part~="title"]');
    },
  },
  {
    name: 'circle-post',
    tag: 'circle-post',
    attributes: postAttributes,
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/spaces/:space/posts/:post');
      if (state === 'error') failRequests('/spaces/:space/posts/:post');
      // A post nobody has answered yet.
      if (state === 'empty') worker.use(emptyComments());
    },
    reach: async (element, state) => {
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="comment"]');
      await shown(element, '[part~="textarea"]');
    },
  },
  ...EVENT_VIEWS.map((view): Subject => ({
    name: `circle-events view="${view}"`,
    tag: 'circle-events',
    attributes: () => `view="${view}"`,
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/community_events');
      if (state === 'error') failRequests('/community_events');
      if (state === 'empty') sandbox.db.posts = sandbox.db.posts.filter((post) => !isEvent(post));
    },
    reach: async (element, state) => {
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="item"] [part~="title"]');
    },
  })),
  {
    name: 'circle-events view="month"',
    tag: 'circle-events',
    attributes: () => 'view="month"',
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/community_events');
      if (state === 'error') failRequests('/community_events');
      if (state === 'empty') sandbox.db.posts = sandbox.db.posts.filter((post) => !isEvent(post));
    },
    reach: async (element, state) => {
      // The grid stays while its month loads, and an empty month is a grid of empty days.
      if (state === 'loading') return shown(element, '[part~="loading"]');
      if (state === 'empty') {
        await shown(element, '[part~="day"]');
        await waitUntil(() => !part(element, 'loading'), 'the month kept loading', WAIT);
        return;
      }
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="day-event"]');
    },
  },
  {
    name: 'circle-notifications (open panel)',
    tag: 'circle-notifications',
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/notifications');
      if (state === 'error') failRequests('/notifications');
      if (state === 'empty') sandbox.db.notifications = [];
    },
    reach: async (element, state) => {
      await shown(element, '[part~="bell"]');
      part(element, 'bell')!.click();
      await waitUntil(() => part(element, 'panel')!.matches(':popover-open'), 'closed', WAIT);
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="item"] [part~="meta"]');
    },
  },
  {
    name: 'circle-notifications variant="inline"',
    tag: 'circle-notifications',
    attributes: () => 'variant="inline"',
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/notifications');
      if (state === 'error') failRequests('/notifications');
      if (state === 'empty') sandbox.db.notifications = [];
    },
    reach: async (element, state) => {
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="item"] [part~="meta"]');
    },
  },
  {
    name: 'circle-notification-preferences',
    tag: 'circle-notification-preferences',
    arrange: (state) => {
      if (arrangeSignedOut(state)) return;
      if (state === 'loading') holdRequests('/notification_preferences/:medium');
      if (state === 'error') failRequests('/notification_preferences/:medium');
      if (state === 'empty') {
        worker.use(
          http.get(`${API}/notification_preferences/:medium`, () =>
            HttpResponse.json({ notification_preference: [], space_preferences: [] }),
          ),
        );
      }
    },
    reach: async (element, state) => {
      if (await sharedState(element, state)) return;
      await shown(element, '[part~="space-item"]');
    },
  },
];

/** The comments of every post, answered as none. */
function emptyComments() {
  return http.get(`${API}/posts/:post/comments`, () =>
    HttpResponse.json({ page: 1, per_page: 20, has_next_page: false, count: 0, records: [] }),
  );
}

async function inState(subject: Subject, state: State, extra = ''): Promise<CircleElement> {
  subject.arrange(state);
  const element = await mount(subject.tag, `${subject.attributes?.() ?? ''} ${extra}`);
  await subject.reach(element, state);
  return element;
}

/** Shows `element` in each preset and theme and collects axe's findings, by both. */
async function violationsInThemes(element: CircleElement): Promise<string[]> {
  const found: string[] = [];
  for (const preset of PRESETS) {
    for (const theme of THEMES) {
      element.setAttribute('preset', preset);
      element.setAttribute('theme', theme);
      await element.updateComplete;
      expect(element.dataset.circleTheme).to.equal(theme);
      const key = `${preset} ${theme}`;
      found.push(...(await violations(element)).map((violation) => `${key}: ${violation}`));
    }
  }
  return found;
}

describe('accessibility', function () {
  // Errors come after the client's retries, and axe runs once per preset and theme.
  this.timeout(30_000);

  beforeEach(async () => {
    resetSessions();
    resetWarnings();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  describe('axe, in every state, preset and theme', () => {
    for (const subject of SUBJECTS) {
      for (const state of STATES) {
        it(`<${subject.name}> ${state}`, async () => {
          const element = await inState(subject, state);
          expect(await violationsInThemes(element)).to.deep.equal([]);
        });
      }
    }

    it('<circle-notifications> closed, with its count on the bell', async () => {
      const element = await mount('circle-notifications');
      await shown(element, '[part~="badge"]');
      expect(await violationsInThemes(element)).to.deep.equal([]);
    });

    it('<circle-events> detail dialog, open', async () => {
      const element = await mount('circle-events');
      await shown(element, '[part~="item"] [part~="title"] a');
      shadow<HTMLAnchorElement>(element, '[part~="item"] [part~="title"] a')!.click();
      const dialog = part(element, 'detail') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
      await waitUntil(
        () => dialog.querySelector('.attendee-section, [part~="series"]'),
        'the detail did not finish loading',
        WAIT,
      );
      expect(await violationsInThemes(element)).to.deep.equal([]);
    });

    it('<circle-events> month view with a day opened', async () => {
      const element = await mount('circle-events', 'view="month"');
      await shown(element, '[part~="day-event"]');
      const day = shadow(element, '[part~="day-event"]')!.closest<HTMLElement>('[part~="day"]')!;
      day.click();
      await shown(element, '[part~="day-panel"] [part~="item"]');
      expect(await violationsInThemes(element)).to.deep.equal([]);
    });
  });

  describe('heading levels', () => {
    /** The tag names of the headings `selector` finds, without repeats: ['h3'], say. */
    const tagsOf = (element: Element, selector: string) => [
      ...new Set(shadowAll(element, selector).map((node) => node.localName)),
    ];

    it('<circle-feed>: card titles are h3, or the heading-level asked for', async () => {
      // A post whose body has headings of its own, which must follow below its title.
      const post = sandbox.db.posts.find((candidate) =>
        JSON.stringify(candidate.tiptap_body ?? {}).includes('"type":"heading"'),
      )!;
      const page = { page: 1, per_page: 10, has_next_page: false, count: 1, records: [post] };
      worker.use(http.get(`${API}/home`, () => HttpResponse.json(page)));

      const element = await inState(SUBJECTS[0], 'loaded');
      expect(tagsOf(element, '[part~="item"] [part~="title"]')).to.deep.equal(['h3']);
      expect(tagsOf(element, '[part~="body"] :is(h2, h3, h4, h5, h6)')).to.not.include('h3');
      element.parentElement!.remove();

      const moved = await inState(SUBJECTS[0], 'loaded', 'heading-level="2"');
      expect(tagsOf(moved, '[part~="item"] [part~="title"]')).to.deep.equal(['h2']);
      const bodyLevels = tagsOf(moved, '[part~="body"] :is(h2, h3, h4, h5, h6)');
      expect(bodyLevels).to.include('h3');
      expect(bodyLevels).to.not.include('h2');
    });

    it('<circle-post>: the title and the comments heading one below it', async () => {
      const post = SUBJECTS.find((subject) => subject.tag === 'circle-post')!;
      const element = await inState(post, 'loaded');
      expect(tagsOf(element, '[part~="title"]')).to.deep.equal(['h2']);
      expect(tagsOf(element, '.comments-title')).to.deep.equal(['h3']);

      element.setAttribute('heading-level', '4');
      await element.updateComplete;
      expect(tagsOf(element, '[part~="title"]')).to.deep.equal(['h4']);
      expect(tagsOf(element, '.comments-title')).to.deep.equal(['h5']);
      expect(textOf(shadow(element, 'h5'))).to.equal(msg('postCommentsTitle'));
    });

    it('<circle-events>: day headings, then event titles one below', async () => {
      const list = SUBJECTS.find((subject) => subject.name === 'circle-events view="list"')!;
      const element = await inState(list, 'loaded');
      expect(tagsOf(element, '[part~="day-heading"]')).to.deep.equal(['h3']);
      expect(tagsOf(element, '[part~="item"] [part~="title"]')).to.deep.equal(['h4']);

      element.setAttribute('heading-level', '2');
      await element.updateComplete;
      expect(tagsOf(element, '[part~="day-heading"]')).to.deep.equal(['h2']);
      expect(tagsOf(element, '[part~="item"] [part~="title"]')).to.deep.equal(['h3']);
    });

    it('<circle-events view="compact">: titles at the heading-level', async () => {
      const compact = SUBJECTS.find((subject) => subject.name === 'circle-events view="compact"')!;
      const element = await inState(compact, 'loaded', 'heading-level="5"');
      expect(tagsOf(element, '[part~="item"] [part~="title"]')).to.deep.equal(['h5']);
    });

    it('<circle-events view="month">: the month, the opened day, its events', async () => {
      const month = SUBJECTS.find((subject) => subject.name === 'circle-events view="month"')!;
      const element = await inState(month, 'loaded');
      expect(tagsOf(element, '[part~="month-title"]')).to.deep.equal(['h2']);

      element.setAttribute('heading-level', '3');
      await element.updateComplete;
      expect(tagsOf(element, '[part~="month-title"]')).to.deep.equal(['h3']);
      const day = shadow(element, '[part~="day-event"]')!.closest<HTMLElement>('[part~="day"]')!;
      day.click();
      await shown(element, '[part~="day-panel"] [part~="item"]');
      expect(tagsOf(element, '[part~="day-panel"] .day-heading')).to.deep.equal(['h4']);
      expect(tagsOf(element, '[part~="day-panel"] [part~="title"]')).to.deep.equal(['h5']);
    });

    it('<circle-notifications>: the panel title, then the day groups', async () => {
      const inline = SUBJECTS.find((subject) => subject.name.includes('inline'))!;
      const element = await inState(inline, 'loaded');
      expect(tagsOf(element, '[part~="panel"] [part~="title"]')).to.deep.equal(['h2']);
      expect(tagsOf(element, '[part~="group-heading"]')).to.deep.equal(['h3']);

      element.setAttribute('heading-level', '3');
      await element.updateComplete;
      expect(tagsOf(element, '[part~="panel"] [part~="title"]')).to.deep.equal(['h3']);
      expect(tagsOf(element, '[part~="group-heading"]')).to.deep.equal(['h4']);
    });

    it('<circle-notification-preferences>: section headings', async () => {
      const preferences = SUBJECTS.find((subject) => subject.tag.endsWith('preferences'))!;
      const element = await inState(preferences, 'loaded');
      expect(tagsOf(element, '[part~="heading"]')).to.deep.equal(['h3']);

      element.setAttribute('heading-level', '6');
      await element.updateComplete;
      expect(tagsOf(element, '[part~="heading"]')).to.deep.equal(['h6']);
    });

    it('warns about a level it cannot use, and keeps its default', async () => {
      for (const value of ['7', '1', 'two', '2.5']) {
        resetWarnings();
        let element: CircleElement | undefined;
        const warnings = await captureWarnings(async () => {
          element = await inState(SUBJECTS[0], 'loaded', `heading-level="${value}"`);
        });
        expect(
          warnings.filter((line) => line.includes(`heading-level="${value}"`)),
          value,
        ).to.have.length(1);
        expect(textOf(part(element!, 'config-warning')), value).to.contain('heading-level');
        expect(tagsOf(element!, '[part~="item"] [part~="title"]'), value).to.deep.equal(['h3']);
        element!.parentElement!.remove();
      }
    });
  });

  describe('target sizes', () => {
    const CONTROLS =
      'button, a[href], select, input, textarea, summary, [role="switch"], [role="tab"], ' +
      '[role="gridcell"][tabindex]';

    /**
     * Controls under 24 × 24 CSS pixels. Links inside running text (bodies, a place's line) are
     * exempt, as WCAG's "inline" exception allows; hidden ones take no room and are skipped.
     */
    function smallTargets(element: Element): string[] {
      return [...(element.shadowRoot ?? element).querySelectorAll(CONTROLS)]
        .filter((control) => !control.closest('.rich-text, [part~="body"], .location'))
        .map((control) => [control, control.getBoundingClientRect()] as const)
        .filter(([, box]) => box.width > 0 && box.height > 0)
        .filter(([, box]) => box.width < 24 || box.height < 24)
        .map(([control, box]) => {
          const size = `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
          return `${describeNode(control)} ${size}`;
        });
    }

    for (const subject of SUBJECTS) {
      it(`<${subject.name}> loaded: every control is at least 24 × 24`, async () => {
        const element = await inState(subject, 'loaded');
        expect(shadowAll(element, CONTROLS).length).to.be.above(2);
        expect(smallTargets(element)).to.deep.equal([]);
      });
    }

    it('<circle-events>: the detail dialog and the calendar options', async () => {
      const element = await mount('circle-events');
      await shown(element, '[part~="calendar-button"]');
      part(element, 'calendar-button')!.click();
      await shown(element, '[part~="calendar-menu"]:not([hidden]) [part~="calendar-option"]');
      expect(smallTargets(element)).to.deep.equal([]);

      shadow<HTMLAnchorElement>(element, '[part~="item"] [part~="title"] a')!.click();
      const dialog = part(element, 'detail') as HTMLDialogElement;
      await waitUntil(() => dialog.open, 'the detail did not open', WAIT);
      await waitUntil(() => dialog.querySelector('.attendee-section, [part~="series"]'), '', WAIT);
      expect(smallTargets(dialog)).to.deep.equal([]);
    });

    it("<circle-notifications>: the bell and an item's options", async () => {
      const element = await mount('circle-notifications');
      await shown(element, '[part~="badge"]');
      expect(smallTargets(element)).to.deep.equal([]);

      part(element, 'bell')!.click();
      await shown(element, '[part~="item"] [part~="menu-button"]');
      part(element, 'menu-button')!.click();
      await shown(element, '[part~="menu-option"]');
      expect(smallTargets(element)).to.deep.equal([]);
    });

    it("<circle-post>: a comment's own controls and the reply composer", async () => {
      const post = SUBJECTS.find((subject) => subject.tag === 'circle-post')!;
      const element = await inState(post, 'loaded');
      await shown(element, '[part~="reply-button"]');
      part(element, 'reply-button')!.click();
      await shown(element, '[part~="comment"] [part~="composer"]');
      const toggle = part(element, 'replies-toggle');
      toggle?.click();
      expect(smallTargets(element)).to.deep.equal([]);
    });
  });

  describe('focus ring', () => {
    /** What has focus inside `element`'s shadow tree, if anything. */
    const focusedIn = (element: Element) => element.shadowRoot!.activeElement as HTMLElement | null;

    /** How a focused control shows it has focus, or why it does not. */
    function ringProblem(control: HTMLElement): string | undefined {
      if (!control.matches(':focus-visible')) return 'not :focus-visible';
      const style = getComputedStyle(control);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      if (outline || style.boxShadow !== 'none') return undefined;
      return `no ring (outline ${style.outlineStyle} ${style.outlineWidth})`;
    }

    /**
     * Tabs through `element` from its first control, up to `limit` stops, and lists the stops
     * that showed no ring.
     */
    async function stopsWithoutRing(element: CircleElement, limit = 25): Promise<string[]> {
      // Focus arrives from the page by Tab, as a keyboard user's would.
      const before = document.createElement('button');
      before.textContent = 'Before';
      element.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });

      const problems: string[] = [];
      const seen = new Set<Element>();
      for (let stop = 0; stop < limit; stop++) {
        const control = focusedIn(element);
        if (!control || seen.has(control)) break;
        seen.add(control);
        const problem = ringProblem(control);
        if (problem) problems.push(`${describeNode(control)}: ${problem}`);
        await sendKeys({ press: 'Tab' });
      }
      before.remove();
      expect(seen.size, 'Tab reached too few controls').to.be.above(2);
      return problems;
    }

    for (const subject of SUBJECTS) {
      it(`<${subject.name}>: every tab stop shows a ring, light and dark`, async () => {
        const element = await inState(subject, 'loaded');
        const problems: string[] = [];
        for (const theme of THEMES) {
          element.setAttribute('theme', theme);
          await element.updateComplete;
          problems.push(...(await stopsWithoutRing(element)).map((line) => `${theme}: ${line}`));
        }
        expect(problems).to.deep.equal([]);
      });
    }
  });

  describe('nothing said by colour alone', () => {
    it('<circle-notifications>: unread items have a dot and say "Unread"; read ones neither', async () => {
      const inline = SUBJECTS.find((subject) => subject.name.includes('inline'))!;
      const element = await inState(inline, 'loaded');
      const items = parts(element, 'item');
      const unread = items.filter((item) => item.matches('[part~="unread-item"]'));
      const read = items.filter((item) => !item.matches('[part~="unread-item"]'));
      expect(unread.length, 'the sandbox has unread notifications').to.be.above(0);
      expect(read.length, 'the sandbox has read notifications').to.be.above(0);

      for (const item of unread) {
        expect(textOf(item)).to.contain(msg('unread'));
        // A shape as well as a colour: the dot takes room, and only unread items have it.
        const dot = part(item, 'unread-dot')!.getBoundingClientRect();
        expect(dot.width * dot.height).to.be.above(0);
      }
      for (const item of read) {
        expect(textOf(item)).to.not.contain(msg('unread'));
        expect(part(item, 'unread-dot')).to.equal(null);
      }
    });

    it('<circle-events>: live labels say what they mean in words', async () => {
      const element = await mount('circle-events');
      await shown(element, '[part~="live-label"]');
      const labels = parts(element, 'live-label').map((label) => textOf(label));
      const startsIn = new RegExp(`^${msg('startsIn').replace('{relative}', '.+')}$`);
      for (const label of labels) {
        expect(label === msg('happeningNow') || startsIn.test(label), label).to.equal(true);
      }
      expect(labels).to.include(msg('happeningNow'));
    });

    it('a liked post fills its heart, not just its colour', async () => {
      const element = await inState(SUBJECTS[0], 'loaded');
      const fillOf = (pressed: boolean) => {
        const button = shadow(element, `[part~="like-button"][aria-pressed="${pressed}"] svg`)!;
        return getComputedStyle(button).fill;
      };
      expect(fillOf(false)).to.equal('none');
      expect(fillOf(true)).to.not.equal('none');
    });

    it('errors are written out: the error state, a failed send, a failed change', async () => {
      const feed = await inState(SUBJECTS[0], 'error');
      expect(textOf(part(feed, 'error'))).to.contain(msg('errorTitle'));
      expect(textOf(part(feed, 'error'))).to.contain(msg('errorServer'));
      feed.parentElement!.remove();

      const post = SUBJECTS.find((subject) => subject.tag === 'circle-post')!;
      const element = await inState(post, 'loaded');
      const form = shadow<HTMLFormElement>(element, 'section [part~="composer"]')!;
      form.requestSubmit();
      await shown(element, '[part~="composer-error"]');
      const field = form.querySelector('textarea')!;
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      const error = element.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!);
      expect(textOf(error)).to.equal(msg('postWriteSomething'));

      const refuse = () => HttpResponse.json({ success: false, message: 'No' }, { status: 403 });
      worker.use(
        http.post(`${API}/posts/:post/user_likes`, refuse),
        http.delete(`${API}/posts/:post/user_likes`, refuse),
      );
      const like = part(element, 'like-button')!;
      const liked = like.getAttribute('aria-pressed') === 'true';
      like.click();
      await shown(element, '[part~="notice"]');
      expect(textOf(part(element, 'notice'))).to.equal(msg(liked ? 'unlikeFailed' : 'likeFailed'));
    });
  });

  describe('reduced motion', () => {
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

    /** Nodes of the shadow tree that animate or transition. */
    function moving(element: Element): string[] {
      return [...element.shadowRoot!.querySelectorAll('*')]
        .filter((node) => {
          const style = getComputedStyle(node);
          const durations = `${style.transitionDuration},${style.animationDuration}`;
          return style.animationName !== 'none' || /[1-9]/.test(durations);
        })
        .map(describeNode);
    }

    for (const subject of SUBJECTS) {
      it(`<${subject.name}> holds still, loading and loaded`, async () => {
        const loading = await inState(subject, 'loading');
        // The month view keeps its grid while loading, with a line of text and no skeleton.
        if (shadow(loading, '.skeleton')) {
          expect(loading.shadowRoot!.getAnimations().length, 'no shimmer').to.be.above(0);
        }

        await emulateMedia({ reducedMotion: 'reduce' });
        expect(loading.shadowRoot!.getAnimations()).to.deep.equal([]);
        expect(moving(loading)).to.deep.equal([]);
        loading.parentElement!.remove();
        worker.resetHandlers();

        resetSessions();
        const loaded = await inState(subject, 'loaded');
        expect(moving(loaded)).to.deep.equal([]);
      });
    }
  });

  describe('semantic structure', () => {
    /** The text of the node an `aria-labelledby` points at, in the same shadow root. */
    const labelOf = (node: Element) =>
      textOf(
        (node.getRootNode() as ShadowRoot).getElementById(node.getAttribute('aria-labelledby')!),
      );

    it('<circle-feed>: a feed of articles, each named by its title, in order', async () => {
      const element = await inState(SUBJECTS[0], 'loaded');
      const feed = part(element, 'list')!;
      expect(feed.getAttribute('role')).to.equal('feed');
      expect(feed.getAttribute('aria-label')).to.equal(msg('feedLabel'));
      const cards = [...feed.querySelectorAll('article')];
      expect(cards.length).to.be.above(1);
      for (const card of cards) {
        expect(labelOf(card)).to.equal(textOf(part(card, 'title')));
      }
      const positions = cards.map((card) => Number(card.getAttribute('aria-posinset')));
      expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
      expect(positions[0]).to.equal(1);
    });

    it('<circle-post>: an article named by its title, and a comments section', async () => {
      const post = SUBJECTS.find((subject) => subject.tag === 'circle-post')!;
      const element = await inState(post, 'loaded');
      const article = part(element, 'post')!;
      expect(article.localName).to.equal('article');
      expect(labelOf(article)).to.equal(textOf(part(element, 'title')));
      const comments = part(element, 'comments')!;
      expect(comments.localName).to.equal('section');
      expect(labelOf(comments)).to.equal(msg('postCommentsTitle'));
      for (const comment of parts(element, 'comment')) {
        expect(comment.localName).to.equal('article');
        expect(comment.getAttribute('aria-label')).to.match(/\S/);
      }
    });

    it('<circle-events>: days are sections named by their heading, events a list', async () => {
      const list = SUBJECTS.find((subject) => subject.name === 'circle-events view="list"')!;
      const element = await inState(list, 'loaded');
      const days = parts(element, 'day-group');
      expect(days.length).to.be.above(1);
      for (const day of days) {
        expect(day.localName).to.equal('section');
        expect(labelOf(day)).to.equal(textOf(part(day, 'day-heading')));
        const items = [...day.querySelectorAll(':scope > ul > li > article')];
        expect(items.length).to.equal(day.querySelectorAll('article').length);
        expect(items.length).to.be.above(0);
      }
    });

    it('<circle-events view="compact">: a labelled list', async () => {
      const compact = SUBJECTS.find((subject) => subject.name === 'circle-events view="compact"')!;
      const element = await inState(compact, 'loaded');
      const list = part(element, 'list')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-label')).to.equal(msg('eventsLabel'));
      expect(list.querySelectorAll(':scope > li > article').length).to.be.above(0);
    });

    it('<circle-notifications>: lists named by their day headings', async () => {
      const inline = SUBJECTS.find((subject) => subject.name.includes('inline'))!;
      const element = await inState(inline, 'loaded');
      const lists = parts(element, 'list');
      expect(lists.length).to.be.above(0);
      for (const list of lists) {
        expect(list.localName).to.equal('ul');
        expect(labelOf(list)).to.match(/\S/);
        expect(list.querySelectorAll(':scope > li').length).to.be.above(0);
      }
    });

    it('<circle-notification-preferences>: lists of rows, each control named', async () => {
      const preferences = SUBJECTS.find((subject) => subject.tag.endsWith('preferences'))!;
      const element = await inState(preferences, 'loaded');
      for (const name of ['type-list', 'space-list']) {
        expect(part(element, name)!.localName).to.equal('ul');
      }
      // Each switch and select has a <label> of its own that says what it sets.
      const controls = shadowAll<HTMLButtonElement | HTMLSelectElement>(
        element,
        '[role="switch"], select',
      );
      expect(controls.length).to.be.above(2);
      for (const control of controls) {
        const labels = [...(control.labels ?? [])].map((label) => textOf(label));
        expect(labels.join(' '), describeNode(control)).to.match(/\S/);
      }
    });
  });
});
