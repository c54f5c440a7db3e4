// The built CDN files on host pages that fight back: aggressive global CSS, a legacy library that
// extends the built-ins, two copies of the bundle beside another Lit, a strict Content Security
// Policy with Trusted Types, late or deferred scripts, a single-page app's churn, and
// configuration mistakes. Each page is a static file in test/fixtures/hostile/, opened in a frame
// of this page, whose sandbox community (msw's worker) answers the frame's requests too.
// Needs `npm run build`.
import { expect, waitUntil } from '@open-wc/testing';
import { bypass, getResponse, http } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { textOf } from './support/dom.js';
import { apiBaseCorrection, apiBaseUrl } from '../src/config.js';

const API = 'https://app.circle.so/api/headless/v1';

/** What probe.js, the first script of every fixture page, recorded. */
interface HostLog {
  errors: string[];
  warnings: string[];
  violations: string[];
}

interface HostPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis & { hostileLog: HostLog };
  document: Document;
}

const openFrames: HTMLIFrameElement[] = [];

/** Opens test/fixtures/hostile/`name`.html in a visible frame, and waits for its load event. */
async function openPage(name: string): Promise<HostPage> {
  const frame = document.createElement('iframe');
  // On screen and large: the feed's virtualizer and the paging sentinels need layout and frames.
  frame.style.cssText = 'display: block; width: 1000px; height: 1200px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/test/fixtures/hostile/${name}.html`;
  document.body.append(frame);
  openFrames.push(frame);
  await loaded;

  const page = frame.contentWindow as HostPage['window'];
  expect(page.hostileLog, `${name}.html did not run probe.js`).to.exist;
  return { frame, window: page, document: frame.contentDocument! };
}

/**
 * Scrolls the element into its page's view (the feed renders only the cards near the viewport),
 * then waits until `selector` matches in its shadow root, once it is upgraded.
 */
async function rendered<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
  timeout = 8000,
): Promise<T> {
  host.scrollIntoView({ block: 'start' });
  const find = () => host.shadowRoot?.querySelector<T>(selector);
  await waitUntil(find, `<${host.localName}> never showed ${selector}`, { timeout });
  return find()!;
}

const inShadow = (host: Element, selector: string) => [
  ...(host.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

/** What each element shows once its data is in. */
const CONTENT: Record<string, string> = {
  'circle-feed': 'article h3',
  // An event, or the month view's grid (the month may have none).
  'circle-events': '[part~="item"], [role="grid"]',
  // The bell, or the whole list when inline.
  'circle-notifications': '[part~="item"], button[part~="bell"]',
  'circle-notification-preferences': 'input, select',
  'circle-post': '[part~="post"] [part~="title"]',
};

/** Waits for every widget on the page to show its content, and returns them. */
async function allRendered(page: HostPage): Promise<Element[]> {
  const widgets = [...page.document.querySelectorAll(Object.keys(CONTENT).join(','))];
  expect(widgets.length).to.be.greaterThan(0);
  for (const widget of widgets) {
    const content = await rendered(widget, CONTENT[widget.localName]!);
    expect(textOf(content) || content.localName, widget.localName).not.to.equal('');
  }
  return widgets;
}

/** Our own console warnings on the page. */
const ownWarnings = (page: HostPage) =>
  page.window.hostileLog.warnings.filter((warning) => warning.includes('[circle-widgets]'));

/** No console error, uncaught error or rejection, no CSP report and no warning of ours. */
function expectClean(page: HostPage): void {
  const log = page.window.hostileLog;
  expect(log.errors, 'console errors and uncaught errors').to.deep.equal([]);
  expect(log.violations, 'Content Security Policy reports').to.deep.equal([]);
  expect(ownWarnings(page), 'warnings from the widgets').to.deep.equal([]);
}

/** Member API requests (method and path with query) since the test began. */
const apiRequests: string[] = [];
worker.events.on('request:start', ({ request }) => {
  if (request.url.startsWith(API)) {
    apiRequests.push(`${request.method} ${request.url.slice(API.length)}`);
  }
});

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no Member API request has started for `ms`. */
async function quiet(ms = 600): Promise<void> {
  let seen = -1;
  while (seen !== apiRequests.length) {
    seen = apiRequests.length;
    await settle(ms);
  }
}

/** A post open for comments, with an embedded video when `withEmbed`. */
function openPost(withEmbed = false) {
  return sandbox.db.posts.find(
    (post) =>
      post.is_comments_enabled &&
      !post.is_comments_closed &&
      (!withEmbed || JSON.stringify(post.tiptap_body ?? '').includes('"type":"embed"')),
  )!;
}

/** Adds a <circle-post> for `post` to the page, created by the page's own document. */
function addPost(page: HostPage, post: ReturnType<typeof openPost>, parent: Element): Element {
  const element = page.document.createElement('circle-post');
  element.setAttribute('space', post.space.slug);
  element.setAttribute('post', post.slug);
  parent.append(element);
  return element;
}

beforeEach(() => {
  apiRequests.length = 0;
});

afterEach(async () => {
  for (const frame of openFrames.splice(0)) frame.remove();
  // Requests a closed page had started still reach the worker for a moment.
  await settle(200);
});

describe('hostile host pages, with the built CDN files', function () {
  this.timeout(30_000);

  describe('aggressive global CSS', () => {
    /** Computed styles of the parts a reader looks at, in the feed's first card. */
    async function feedStyles(page: HostPage) {
      const feed = page.document.querySelector('circle-feed')!;
      await rendered(feed, 'article h3');
      const like = await rendered(feed, 'button[part~="like-button"]');
      const link = await rendered(feed, 'article a[href]');
      const styleOf = (element: Element) => page.window.getComputedStyle(element);
      return {
        feed,
        host: styleOf(feed),
        like: styleOf(like),
        link: styleOf(link),
        title: styleOf(inShadow(feed, 'article h3')[0]!),
        body: styleOf(inShadow(feed, 'article p')[0]!),
      };
    }

    it('keeps the widgets looking like themselves, scaled with the root font size', async () => {
      const plain = await feedStyles(await openPage('plain'));
      const page = await openPage('css');
      const hostile = await feedStyles(page);
      await allRendered(page);

      // The theme's button and link rules stop at the shadow root.
      for (const property of [
        'display',
        'background-color',
        'color',
        'border-top-style',
        'border-top-color',
        'cursor',
        'font-family',
        'box-sizing',
      ]) {
        const value = hostile.like.getPropertyValue(property);
        expect(value, `the like button's ${property}`).to.equal(
          plain.like.getPropertyValue(property),
        );
      }
      expect(hostile.like.backgroundColor).not.to.equal('rgb(255, 0, 0)');
      expect(hostile.link.color).to.equal(plain.link.color);
      expect(hostile.link.color).not.to.equal('rgb(255, 192, 203)');

      // `* { line-height: 1; box-sizing: content-box }` matches the host element itself: its own
      // line height and box model must still reach the text inside.
      expect(hostile.host.boxSizing).to.equal('border-box');
      const lineRatio = (style: CSSStyleDeclaration) =>
        parseFloat(style.lineHeight) / parseFloat(style.fontSize);
      expect(lineRatio(hostile.body)).to.be.closeTo(lineRatio(plain.body), 0.01);
      expect(lineRatio(hostile.title)).to.be.closeTo(lineRatio(plain.title), 0.01);

      // Sizes are in rem: `html { font-size: 62.5% }` scales the whole widget alike.
      for (const [part, property] of [
        ['like', 'font-size'],
        ['like', 'padding-left'],
        ['like', 'min-height'],
        ['body', 'font-size'],
        ['title', 'font-size'],
      ] as const) {
        const ratio =
          parseFloat(hostile[part].getPropertyValue(property)) /
          parseFloat(plain[part].getPropertyValue(property));
        expect(ratio, `${part} ${property}`).to.be.closeTo(0.625, 0.01);
      }
      expectClean(page);
    });

    it('takes its text size back from --circle-font-size on a 62.5% page', async () => {
      const plain = await feedStyles(await openPage('plain'));
      const page = await openPage('css');
      const { feed } = await feedStyles(page);

      (feed as HTMLElement).style.setProperty('--circle-font-size', '1.6rem');
      const body = inShadow(feed, 'article p')[0]!;
      expect(page.window.getComputedStyle(body).fontSize).to.equal(plain.body.fontSize);
    });
  });

  describe('a legacy library that extends Object.prototype and Array.prototype', () => {
    it('renders every element and sends arrays as arrays', async () => {
      const page = await openPage('prototype');
      const { Array: PageArray, JSON: PageJSON } = page.window;
      expect(PageJSON.stringify(PageArray.of(1)), 'the library is in place').to.equal('"[1]"');
      await allRendered(page);

      // A comment's body is a TipTap document: a tree of arrays.
      const post = openPost();
      const element = addPost(page, post, page.document.getElementById('later')!);
      const composer = '[part~="comments"] > [part~="composer"]';
      const textarea = await rendered<HTMLTextAreaElement>(element, `${composer} textarea`);
      textarea.value = 'Works with old libraries too';
      textarea.dispatchEvent(new page.window.InputEvent('input', { bubbles: true }));
      await settle(50);
      inShadow(element, `${composer} [part~="submit-button"]`)[0]!.click();

      const saved = () =>
        sandbox.db.comments.find((comment) => comment.body_text === 'Works with old libraries too');
      await waitUntil(saved, 'the comment was not saved', { timeout: 4000 });
      expect(saved()!.tiptap_body!.body.content).to.be.an('array');
      await waitUntil(
        () =>
          inShadow(element, '[part~="comment"]').some((comment) =>
            textOf(comment).includes('Works with old libraries too'),
          ),
        'the new comment is not shown',
      );
      expectClean(page);
    });
  });

  describe('the bundle twice, with the loader, beside another copy of Lit', () => {
    it('defines each tag once, asks for one token, and both Lits render', async () => {
      const page = await openPage('twice');
      await allRendered(page);

      const card = page.document.querySelector('host-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('h2'), 'the host app never rendered');
      expect(textOf(card.shadowRoot!.querySelector('h2'))).to.equal('From the community');
      expect(sandbox.auth.tokenRequests).to.equal(1);

      // The loader found every tag defined, so it fetched no chunk.
      const chunks = page.window.performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/dist/cdn/chunks/'));
      expect(chunks).to.deep.equal([]);
      expect(apiRequests.filter((request) => request.startsWith('GET /home'))).to.have.length(1);
      expectClean(page);
    });
  });

  describe('a strict Content Security Policy with Trusted Types', () => {
    it('runs the classic bundle under it, with Lit’s policy only', async () => {
      const page = await openPage('csp');
      await allRendered(page);

      // Pictures (img-src): the avatars of the feed's first cards.
      const feed = page.document.querySelector('circle-feed')!;
      const avatar = await rendered<HTMLImageElement>(feed, 'article img');
      await waitUntil(() => avatar.complete && avatar.naturalWidth > 0, 'no picture loaded');

      // The bell's popover, and a post whose video player loads on request.
      const bell = page.document.querySelector('circle-notifications')!;
      (await rendered(bell, 'button')).click();
      await rendered(bell, '[part~="item"]');
      const post = addPost(page, openPost(true), page.document.getElementById('later')!);
      (await rendered(post, '.embed-load')).click();
      const player = await rendered<HTMLIFrameElement>(post, 'iframe');
      expect(new URL(player.src).origin).to.be.oneOf([
        'https://www.youtube-nocookie.com',
        'https://player.vimeo.com',
      ]);

      // Reports arrive asynchronously.
      await settle(500);
      expectClean(page);
      await expectEnforced(page);
    });

    it('runs the module loader and its chunks under it', async () => {
      const page = await openPage('csp-loader');
      await allRendered(page);

      // The calendar export's code is a chunk of its own, fetched when its menu first opens.
      const events = page.document.querySelector('circle-events')!;
      (await rendered(events, 'button[part~="calendar-button"]')).click();
      const menu = await rendered(events, 'ul[part~="calendar-menu"]');
      await waitUntil(() => !menu.hidden, 'the calendar menu did not open');
      (await rendered(events, 'button[part~="calendar-option"]')).click();
      await waitUntil(() => menu.hidden, 'the .ics download did not go through');
      expect(inShadow(events, '[part~="notice"]')).to.deep.equal([]);

      // So is the detail's, with the rich text's styles, adopted rather than inlined.
      (await rendered(events, '[part~="item"] [part~="title"] :is(a, button)')).click();
      const body = await rendered(events, 'dialog[open] [part~="body"] .rich-text');
      expect(page.window.getComputedStyle(body).lineHeight).to.equal(
        `${parseFloat(page.window.getComputedStyle(body).fontSize) * 1.6}px`,
      );
      expect(inShadow(events, 'style')).to.deep.equal([]);
      events.shadowRoot!.querySelector('dialog')!.close();

      // And the month view's, once the element shows a month.
      events.setAttribute('view', 'month');
      await rendered(events, '[role="grid"] [part~="day"]');

      await settle(300);
      expectClean(page);
      await expectEnforced(page);
    });

    /**
     * Checks that the server sent `name`.html with the policy in `name`.csp as a real
     * Content-Security-Policy header, then opens it.
     */
    async function openWithPolicyHeader(name: string): Promise<HostPage> {
      // Straight from the test server: the sandbox's worker answers only Circle's and the
      // endpoint's URLs.
      const fromServer = (file: string) =>
        fetch(bypass(new Request(`/test/fixtures/hostile/${file}`, { cache: 'no-store' })));
      const policy = (await (await fromServer(`${name}.csp`)).text()).trim();
      const served = await fromServer(`${name}.html`);
      expect(
        served.headers.get('Content-Security-Policy'),
        `${name}.html came without its policy header: the test server's middleware for ` +
          'test/fixtures/hostile/*.csp (web-test-runner.config.mjs) is missing',
      ).to.equal(policy);
      return openPage(name);
    }

    /**
     * The policy is in force in the page: eval, which neither `script-src` nor Trusted Types
     * allows, is refused and reported.
     */
    async function expectEnforced(page: HostPage): Promise<void> {
      expect(() => page.window.eval('1'), 'eval ran').to.throw();
      await waitUntil(() => page.window.hostileLog.violations.length > 0, 'no report of eval');
      expect(page.window.hostileLog.violations).to.have.length(1);
      expect(page.window.hostileLog.violations[0]).to.contain('eval');
    }

    it('runs the classic bundle under the same policy sent as a response header', async () => {
      const page = await openWithPolicyHeader('csp-header');
      await allRendered(page);
      const bell = page.document.querySelector('circle-notifications')!;
      (await rendered(bell, 'button')).click();
      await rendered(bell, '[part~="item"]');
      const post = addPost(page, openPost(true), page.document.getElementById('later')!);
      (await rendered(post, '.embed-load')).click();
      await rendered<HTMLIFrameElement>(post, 'iframe');

      await settle(500);
      expectClean(page);
      await expectEnforced(page);
    });

    it('runs the module loader and its chunks under the policy sent as a header', async () => {
      const page = await openWithPolicyHeader('csp-loader-header');
      await allRendered(page);
      const events = page.document.querySelector('circle-events')!;
      (await rendered(events, 'button[part~="calendar-button"]')).click();
      const menu = await rendered(events, 'ul[part~="calendar-menu"]');
      await waitUntil(() => !menu.hidden, 'the calendar menu did not open');

      await settle(300);
      expectClean(page);
      await expectEnforced(page);
    });

    it("runs two copies and the loader when the policy adds 'allow-duplicates'", async () => {
      const page = await openPage('csp-twice');
      await allRendered(page);
      await settle(300);
      expect(sandbox.auth.tokenRequests).to.equal(1);
      expectClean(page);
    });

    it("stops a second copy without 'allow-duplicates'; the first still works", async () => {
      const page = await openPage('csp-duplicates-refused');
      await allRendered(page);

      const errors = page.window.hostileLog.errors;
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('lit-html');
    });

    it('cannot run at all when no Trusted Types policy is allowed', async () => {
      const page = await openPage('csp-no-policy');
      await settle(500);

      expect(page.window.customElements.get('circle-feed')).to.equal(undefined);
      expect(page.window.hostileLog.errors.join('\n')).to.contain('lit-html');
    });
  });

  describe('the script at the end of the body, deferred, async or injected late', () => {
    for (const name of ['end-of-body', 'defer', 'async-loader']) {
      it(`upgrades the tags on the ${name} page`, async () => {
        const page = await openPage(name);
        await allRendered(page);
        expect(sandbox.auth.tokenRequests).to.equal(1);
        expectClean(page);
      });
    }

    it('upgrades tags parsed long before, keeping attributes and properties set meanwhile', async () => {
      const page = await openPage('late');
      const feed = page.document.querySelector('circle-feed')!;
      expect(page.window.customElements.get('circle-feed'), 'defined too early').to.equal(
        undefined,
      );

      await allRendered(page);

      // The properties a framework set before the upgrade win over the parsed attribute.
      await rendered(feed, 'button[part~="load-more"]');
      expect(inShadow(feed, 'article')).to.have.length(2);
      expect(apiRequests.filter((request) => request.startsWith('GET /home'))).to.deep.equal([
        'GET /home?page=1&per_page=2&sort=latest',
      ]);
      const events = page.document.querySelector('circle-events')!;
      await rendered(events, 'button[part~="load-more"]');
      const eventPages = apiRequests.filter((request) =>
        request.startsWith('GET /community_events'),
      );
      expect(eventPages).to.have.length(1);
      expect(eventPages[0]).to.contain('per_page=2');
      expectClean(page);
    });
  });

  describe('a single-page app that adds, moves and removes elements', () => {
    it('renders tags added after the script, by markup or by constructor', async () => {
      const page = await openPage('spa');
      const main = page.document.getElementById('main')!;
      main.innerHTML = '<circle-feed per-page="3" paging="button"></circle-feed>';
      const Events = page.window.customElements.get('circle-events')!;
      const events = new Events();
      events.setAttribute('per-page', '3');
      page.document.getElementById('aside')!.append(events);

      await allRendered(page);
      expectClean(page);
    });

    it('keeps its data when moved or re-added, with no new requests', async () => {
      const page = await openPage('spa');
      const main = page.document.getElementById('main')!;
      const aside = page.document.getElementById('aside')!;
      // Button paging: an infinite list would rightly load more as a move gives it room.
      main.innerHTML = `<circle-notifications></circle-notifications>
        <circle-feed per-page="3" paging="button"></circle-feed>
        <circle-events per-page="3" paging="button"></circle-events>`;
      const widgets = [...main.children];
      const feed = widgets[1]!;
      await allRendered(page);
      await quiet();
      const loaded = apiRequests.length;
      const title = textOf(inShadow(feed, 'article h3')[0]);

      // A layout change moves the feed; route changes take them all away and bring them back.
      aside.append(feed);
      await settle(100);
      for (let round = 0; round < 10; round++) {
        for (const widget of widgets) widget.remove();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        main.append(...widgets);
      }
      await quiet();

      expect(textOf(inShadow(feed, 'article h3')[0])).to.equal(title);
      await allRendered(page);
      // Back on the page, the bell's live count may ask once for the latest number.
      const since = apiRequests.slice(loaded);
      const reloads = since.filter((request) => !request.includes('new_notifications_count'));
      expect(reloads, 'requests after the data was in').to.deep.equal([]);
      expect(since.length, since.join('\n')).to.be.at.most(1);
      expect(sandbox.auth.tokenRequests).to.equal(1);
      expectClean(page);
    });

    it('recovers when taken away mid-load and put back', async () => {
      const page = await openPage('spa');
      const main = page.document.getElementById('main')!;
      const feed = page.document.createElement('circle-feed');
      feed.setAttribute('per-page', '3');
      feed.setAttribute('paging', 'button');
      main.append(feed);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      feed.remove();
      await settle(50);
      page.document.getElementById('aside')!.append(feed);

      await rendered(feed, 'article h3');
      expect(inShadow(feed, '[part~="error"]')).to.deep.equal([]);
      const homeRequests = apiRequests.filter((request) => request.startsWith('GET /home'));
      expect(homeRequests.length).to.be.within(1, 2);
      expectClean(page);
    });
  });
});

describe('apiBaseUrl', () => {
  it("keeps a proxy's path and drops what the client adds itself", () => {
    expect(apiBaseUrl('https://app.circle.so')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('https://app.circle.so//')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('https://www.example.com/circle/')).to.equal(
      'https://www.example.com/circle',
    );
    expect(apiBaseUrl('/circle-proxy')).to.equal(`${location.origin}/circle-proxy`);
    expect(apiBaseUrl('https://www.example.com/circle/api/headless/v1')).to.equal(
      'https://www.example.com/circle',
    );
    expect(apiBaseUrl('https://app.circle.so/api/headless/v1/')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('https://app.circle.so/?a=1#b')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('ftp://app.circle.so')).to.equal(undefined);
    expect(apiBaseUrl('')).to.equal(undefined);
  });

  it("drops any path on Circle's own host, which serves the API at its root only", () => {
    expect(apiBaseUrl('https://app.circle.so/c/general')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('https://APP.circle.so/c/general/')).to.equal('https://app.circle.so');
    expect(apiBaseUrl('https://circle.so/anything')).to.equal('https://circle.so');
    // Only Circle's own domain: a look-alike is someone's proxy.
    expect(apiBaseUrl('https://notcircle.so/circle')).to.equal('https://notcircle.so/circle');
  });
});

describe('apiBaseCorrection', () => {
  it('names what was used instead of a trailing slash, a query, a fragment or a dropped path', () => {
    for (const [written, used] of [
      ['https://app.circle.so/', 'https://app.circle.so'],
      ['https://app.circle.so//', 'https://app.circle.so'],
      ['  https://app.circle.so/  ', 'https://app.circle.so'],
      ['https://www.example.com/circle/', 'https://www.example.com/circle'],
      ['/circle-proxy/', `${location.origin}/circle-proxy`],
      ['https://app.circle.so?community=1', 'https://app.circle.so'],
      ['https://app.circle.so#feed', 'https://app.circle.so'],
      ['https://app.circle.so/api/headless/v1', 'https://app.circle.so'],
      ['https://app.circle.so/c/general', 'https://app.circle.so'],
      ['https://www.example.com/circle/api/headless/v1', 'https://www.example.com/circle'],
    ]) {
      expect(apiBaseCorrection(written), written).to.equal(used);
    }
  });

  it("says nothing about a value used as written, a proxy's path included", () => {
    for (const written of [
      'https://app.circle.so',
      'https://APP.circle.so',
      'https://www.example.com/circle',
      '/circle-proxy',
      `${location.origin}/circle-proxy`,
    ]) {
      expect(apiBaseCorrection(written), written).to.equal(undefined);
    }
  });

  it('leaves a value that is not a web URL to the session controller', () => {
    for (const written of ['ftp://app.circle.so/', 'javascript:alert(1)//', '', undefined]) {
      expect(apiBaseCorrection(written), String(written)).to.equal(undefined);
    }
  });
});

describe('bad configuration, with the built CDN file', function () {
  this.timeout(30_000);

  let page: HostPage;
  before(async () => {
    page = await openPage('config');
    // openFrames is emptied after each test; this page serves the whole group.
    openFrames.splice(openFrames.indexOf(page.frame), 1);
  });
  after(() => page.frame.remove());

  const element = (id: string) => page.document.getElementById(id)!;

  /** The warnings of ours that mention `text`. */
  const warningsAbout = (text: string) =>
    ownWarnings(page).filter((warning) => warning.includes(text));

  it('says an unknown space was not found, naming the attribute', async () => {
    for (const id of ['unknown-space', 'events-unknown-space']) {
      const error = await rendered(element(id), '[part~="error"]');
      expect(textOf(error)).to.contain('space="no-such-space" was not found');
      expect(inShadow(element(id), '[part~="retry-button"]')).to.deep.equal([]);
    }
    const warnings = warningsAbout('space="no-such-space" was not found');
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain('<circle-feed>');
    expect(warnings[1]).to.contain('<circle-events>');
  });

  it('says an unknown member was not found', async () => {
    const error = await rendered(element('unknown-member'), '[part~="error"]');
    expect(textOf(error)).to.contain('member="999999" was not found');
    expect(warningsAbout('member="999999"')).to.have.length(1);
  });

  it('falls back from a per-page that is not a number, and says so', async () => {
    const feed = element('bad-per-page');
    await rendered(feed, 'article h3');
    const note = await rendered(feed, '[part~="config-warning"]');
    expect(textOf(note)).to.contain('per-page="ten" is not valid');
    expect(warningsAbout('per-page="ten"')).to.have.length(1);
  });

  it('falls back from an unknown variant, and says so', async () => {
    // It falls back to the bell, whose panel shows the warning.
    const bell = element('bad-variant');
    (await rendered(bell, 'button[part~="bell"], button')).click();
    expect(textOf(await rendered(bell, '[part~="config-warning"]'))).to.contain(
      'variant="popup" is not valid',
    );
    expect(warningsAbout('variant="popup"')).to.have.length(1);
  });

  /**
   * Checks that `id`'s feed loads from Circle and shows one note saying `written` was replaced by
   * `used`, and that exactly one console warning names the attribute and its value.
   */
  async function expectCorrected(id: string, written: string, used: string): Promise<void> {
    const feed = element(id);
    await rendered(feed, 'article h3');
    const notes = inShadow(feed, '[part~="config-warning"]');
    expect(notes, 'notes in the widget').to.have.length(1);
    expect(textOf(notes[0])).to.contain(`api-base="${written}" is not valid`);
    expect(textOf(notes[0])).to.contain(`Using "${used}" instead.`);
    const warnings = warningsAbout(`api-base="${written}"`);
    expect(warnings, 'console warnings').to.have.length(1);
    expect(warnings[0]).to.contain('<circle-feed>');
    expect(warnings[0]).to.contain(`Using "${used}" instead.`);
  }

  it('trims a trailing slash from api-base, and says so once', async () => {
    await expectCorrected('trailing-slash', 'https://app.circle.so/', 'https://app.circle.so');
  });

  it("drops Circle's API path pasted into api-base, and says so", async () => {
    await expectCorrected(
      'copied-api-path',
      'https://app.circle.so/api/headless/v1',
      'https://app.circle.so',
    );
  });

  it("drops a community page's path on Circle's host from api-base, and says so", async () => {
    await expectCorrected(
      'circle-page-path',
      'https://app.circle.so/c/general',
      'https://app.circle.so',
    );
  });

  it('drops a query from api-base, and says so', async () => {
    await expectCorrected(
      'api-base-query',
      'https://app.circle.so?community=1',
      'https://app.circle.so',
    );
  });

  it("keeps a same-origin proxy's path in api-base, without a note", async () => {
    // The site's proxy passes /circle-proxy/api/headless/v1/… on to Circle.
    const proxied: string[] = [];
    const proxy = `${location.origin}/circle-proxy`;
    worker.use(
      http.all(`${proxy}/api/headless/v1/*`, ({ request }) => {
        proxied.push(request.url);
        const upstream = new Request(request.url.replace(proxy, 'https://app.circle.so'), request);
        return getResponse(sandbox.handlers, upstream);
      }),
    );
    const feed = page.document.createElement('circle-feed');
    feed.setAttribute('api-base', '/circle-proxy');
    feed.setAttribute('per-page', '2');
    feed.setAttribute('paging', 'button');
    page.document.body.append(feed);

    await rendered(feed, 'article h3');
    expect(proxied.some((url) => url.startsWith(`${proxy}/api/headless/v1/home?`))).to.equal(true);
    expect(inShadow(feed, '[part~="config-warning"]')).to.deep.equal([]);
    expect(warningsAbout('api-base="/circle-proxy"')).to.deep.equal([]);
    feed.remove();
  });

  it('refuses a token endpoint that is not a web URL', async () => {
    const error = await rendered(element('script-endpoint'), '[part~="error"]');
    expect(textOf(error)).to.contain('token-endpoint="javascript:alert(1)"');
    expect(warningsAbout('token-endpoint="javascript:alert(1)"')).to.have.length(1);
  });

  it('threw nothing and logged no error', () => {
    expect(page.window.hostileLog.errors).to.deep.equal([]);
  });

  it('says when no token endpoint is configured, naming the attribute once per tag', async () => {
    const bare = await openPage('no-endpoint');
    for (const widget of bare.document.querySelectorAll('circle-feed, circle-events')) {
      const error = await rendered(widget, '[part~="error"]');
      expect(textOf(error)).to.contain('no token endpoint is configured');
    }
    const warnings = ownWarnings(bare);
    expect(warnings).to.have.length(2);
    for (const warning of warnings) expect(warning).to.contain('data-token-endpoint');
    expect(bare.window.hostileLog.errors).to.deep.equal([]);
  });
});
