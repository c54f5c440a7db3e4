import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import {
  axeViolations,
  captureWarnings,
  shadow,
  shadowAll,
  textOf,
  waitFor,
} from './support/dom.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import { getSession, resetSessions } from '../src/session/session.js';
import { resetWarnings } from '../src/utils/warn.js';
import '../src/elements/circle-feed/circle-feed.js';

const API = 'https://app.circle.so/api/headless/v1';

async function feed(attributes = ''): Promise<CircleFeed> {
  const container = await fixture<HTMLDivElement>(
    `<div><circle-feed token-endpoint="/api/circle-token" ${attributes}></circle-feed></div>`,
  );
  return container.querySelector('circle-feed')!;
}

const cards = (element: Element) => shadowAll(element, 'article[part~="item"]');

describe('<circle-feed>', () => {
  beforeEach(() => {
    resetSessions();
    resetWarnings();
  });

  it('shows a skeleton that reserves space while the first page loads', async () => {
    worker.use(
      http.get(`${API}/home`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const element = await feed();

    const skeleton = await waitFor(element, '[aria-busy="true"]');
    expect(skeleton.getBoundingClientRect().height).to.be.greaterThan(300);
    expect(cards(element)).to.have.length(0);
  });

  it('shows the home feed: author, space, time, title and body from Circle', async () => {
    const element = await feed('per-page="5"');
    await waitFor(element, 'article');

    const expected = [...sandbox.db.posts]
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
      .slice(0, 5);
    const shown = cards(element);
    expect(shown).to.have.length(5);

    const first = shown[0];
    const post = expected[0];
    expect(textOf(first.querySelector('[part~="title"]'))).to.equal(
      post.display_title || post.name,
    );
    expect(textOf(first.querySelector('.author'))).to.equal(post.author.name);
    expect(textOf(first.querySelector('.meta'))).to.contain(post.space.name);
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(post.created_at);
    expect(textOf(first.querySelector('[part~="body"]'))).to.contain(
      post.body_plain_text!.split('\n')[0].slice(0, 20),
    );
    expect(first.querySelector<HTMLAnchorElement>('a[part~="open-link"]')!.href).to.equal(post.url);
  });

  it('shows one space by slug, and refetches when the attribute changes', async () => {
    const [first, second] = sandbox.db.spaces.filter((space) =>
      sandbox.db.posts.some((post) => post.space.id === space.id),
    );
    const element = await feed(`space="${first.slug}"`);
    const spacesShown = () =>
      new Set(cards(element).map((card) => textOf(card.querySelector('.meta')).split(' · ')[0]));
    await waitFor(element, 'article');
    expect([...spacesShown()]).to.deep.equal([`in ${first.name}`]);

    element.space = String(second.id);
    await waitUntil(() => spacesShown().has(`in ${second.name}`), 'the feed did not refetch');
    expect([...spacesShown()]).to.deep.equal([`in ${second.name}`]);
  });

  it('loads more posts on request, keeping the ones shown', async () => {
    const element = await feed('per-page="4"');
    await waitFor(element, 'article');
    const postIds = () => cards(element).map((card) => card.getAttribute('aria-labelledby'));
    const firstIds = postIds();

    shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
    await waitUntil(() => cards(element).length === 8, 'the second page did not arrive');

    expect(postIds().slice(0, 4)).to.deep.equal(firstIds);
    expect(new Set(postIds()).size).to.equal(8);
  });

  it('likes a post at once and keeps it liked', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    const button = shadowAll<HTMLButtonElement>(element, 'button[aria-pressed="false"]')[0];
    const card = button.closest('article')!;
    const post = sandbox.db.posts.find(
      (item) => `post-${item.id}-title` === card.getAttribute('aria-labelledby'),
    )!;
    const before = post.user_likes_count;

    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(textOf(button)).to.equal(`Like ${before + 1} likes`);

    await waitUntil(() => post.is_liked, 'the like never reached the community');
    expect(post.user_likes_count).to.equal(before + 1);
  });

  it('undoes a like that fails, visibly, and tells the host page', async () => {
    worker.use(
      http.post(`${API}/posts/:id/user_likes`, () =>
        HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 }),
      ),
    );
    const element = await feed();
    await waitFor(element, 'article');
    const button = shadowAll<HTMLButtonElement>(element, 'button[aria-pressed="false"]')[0];
    const countBefore = textOf(button);

    const failed = oneEvent(element, 'circle-error');
    button.click();
    const event = await failed;
    await element.updateComplete;

    expect(event.detail.kind).to.equal('server');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(textOf(button)).to.equal(countBefore);
    expect(textOf(shadow(element, '[part~="notice"]'))).to.equal(
      'Your like could not be saved. Please try again.',
    );
  });

  it('likes from the keyboard', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    const button = shadowAll<HTMLButtonElement>(element, 'button[aria-pressed="false"]')[0];

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    expect(button.getAttribute('aria-pressed')).to.equal('true');
  });

  it('keeps keyboard focus on the like button while the like is saved', async () => {
    worker.use(
      http.post(`${API}/posts/:id/user_likes`, async () => {
        await delay(200);
        return HttpResponse.json({ success: true, message: 'Post has been liked' });
      }),
    );
    const element = await feed();
    await waitFor(element, 'article');
    const button = shadowAll<HTMLButtonElement>(element, 'button[aria-pressed="false"]')[0];

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;

    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(element.shadowRoot!.activeElement).to.equal(button);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
    expect(button.getAttribute('aria-pressed'), 'a second press while saving').to.equal('true');
  });

  it('renders on pages whose lang Intl rejects, such as en_US', async () => {
    const container = await fixture<HTMLDivElement>(
      '<div lang="en_US"><circle-feed token-endpoint="/api/circle-token"></circle-feed></div>',
    );
    const element = container.querySelector('circle-feed')!;
    await waitFor(element, 'article');
    expect(textOf(shadow(element, '.actions'))).to.match(/\d+ comments?/);
  });

  it('moves around the page (single-page apps) and catches up with a sign-out', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    const home = element.parentElement!;

    element.remove();
    sandbox.auth.signedIn = false;
    getSession('/api/circle-token').reload();
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(element);

    await waitFor(element, '[part~="signed-out"]');
    expect(cards(element)).to.have.length(0);
    elsewhere.remove();
    home.remove();
  });

  it("drops the previous member's posts as soon as the session changes", async () => {
    const element = await feed();
    await waitFor(element, 'article');
    worker.use(
      http.get(`${API}/home`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );

    getSession('/api/circle-token').reload();
    await element.updateComplete;

    expect(cards(element)).to.have.length(0);
    expect(shadow(element, '[aria-busy="true"]')).not.to.equal(null);
  });

  it('links the sign-in button only to web pages', async () => {
    sandbox.auth.signedIn = false;
    const element = await feed('sign-in-url="javascript:alert(1)"');
    await waitFor(element, '[part~="signed-out"]');
    expect(shadow(element, 'a[part~="sign-in"]')).to.equal(null);

    element.signInUrl = '/login';
    await element.updateComplete;
    expect(shadow<HTMLAnchorElement>(element, 'a[part~="sign-in"]')!.href).to.equal(
      new URL('/login', location.href).href,
    );
  });

  it('says so when there are no posts', async () => {
    worker.use(
      http.get(`${API}/home`, () =>
        HttpResponse.json({ page: 1, per_page: 10, has_next_page: false, count: 0, records: [] }),
      ),
    );
    const element = await feed();
    const empty = await waitFor(element, '[part~="empty"]');
    expect(textOf(empty)).to.equal('No posts yet.');
  });

  it('shows an error with a retry that recovers', async () => {
    let failing = true;
    worker.use(
      http.get(`${API}/home`, () =>
        failing ? HttpResponse.json({ message: 'Down' }, { status: 503 }) : undefined,
      ),
    );
    const element = await feed();
    const error = await waitFor(element, '[part~="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('having trouble');

    failing = false;
    shadow<HTMLButtonElement>(element, '[part~="retry-button"]')!.click();
    await waitFor(element, 'article');
    expect(shadow(element, '[part~="error"]')).to.equal(null);
  });

  it('explains a bad attribute once, in the widget and the console, and carries on', async () => {
    let element!: CircleFeed;
    const warnings = await captureWarnings(async () => {
      element = await feed('sort="newest"');
      await waitFor(element, 'article');
      element.requestUpdate();
      await element.updateComplete;
    });

    const message = 'sort="newest" is not valid';
    expect(warnings.filter((warning) => warning.includes(message))).to.have.length(1);
    expect(textOf(shadow(element, '[part~="config-warning"]'))).to.contain(message);
    expect(cards(element).length).to.be.greaterThan(0);
  });

  it('explains a missing token endpoint instead of loading', async () => {
    const warnings = await captureWarnings(async () => {
      const container = await fixture<HTMLDivElement>('<div><circle-feed></circle-feed></div>');
      const element = container.querySelector('circle-feed')!;
      const error = await waitFor(element, '[part~="error"]');
      expect(textOf(error)).to.contain('no token endpoint is configured');
    });
    expect(warnings.join('\n')).to.contain('no token endpoint is configured');
  });

  it('renders hostile post content as inert text and drops unsafe links', async () => {
    const post = sandbox.db.posts[0];
    post.name = post.display_title = '<img src=x onerror="window.__xss=true">';
    post.tiptap_body = {
      body: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'click me',
                marks: [{ type: 'link', attrs: { href: 'javascript:window.__xss=true' } }],
              },
            ],
          },
        ],
      },
    };
    post.created_at = new Date(Date.now() + 60_000).toISOString();
    (window as { __xss?: boolean }).__xss = false;

    const element = await feed();
    await waitFor(element, 'article');
    const card = cards(element)[0];

    expect(textOf(card.querySelector('h3'))).to.equal('<img src=x onerror="window.__xss=true">');
    expect(card.querySelector('img[src="x"]')).to.equal(null);
    expect(textOf(card.querySelector('[part~="body"]'))).to.equal('click me');
    expect(card.querySelector('a[href^="javascript"]')).to.equal(null);
    expect((window as { __xss?: boolean }).__xss).to.equal(false);
  });

  it('passes an axe check with posts, and when signed out', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    expect(await axeViolations(element)).to.deep.equal([]);

    sandbox.auth.signedIn = false;
    resetSessions();
    const signedOut = await feed();
    await waitFor(signedOut, '[part~="signed-out"]');
    expect(await axeViolations(signedOut)).to.deep.equal([]);
  });
});
