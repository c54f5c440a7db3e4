import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { addBulkPosts } from './support/feed.js';
import {
  axeViolations,
  captureWarnings,
  shadow,
  shadowAll,
  textOf,
  waitFor,
} from './support/dom.js';
import type { CircleFeed } from '../src/elements/circle-feed/circle-feed.js';
import type { Post } from '../demo/sandbox/model.js';
import { formatEventRange } from '../src/utils/format.js';
import type { CircleBookmarkEvent, CircleLikeEvent, CirclePostOpenEvent } from '../src/events.js';
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

/** Makes the home feed answer with exactly `posts`, in that order. */
function servePosts(posts: Post[]): void {
  worker.use(
    http.get(`${API}/home`, () =>
      HttpResponse.json({
        page: 1,
        per_page: 10,
        has_next_page: false,
        count: posts.length,
        records: posts,
      }),
    ),
  );
}

/** The like button of the first post the member has not liked yet. */
const firstUnlikedButton = (element: Element) =>
  shadowAll<HTMLButtonElement>(element, 'button[part~="like-button"][aria-pressed="false"]')[0];

const cards = (element: Element) => shadowAll(element, 'article[part~="item"]');

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Every post id in the feed, in order, as a reader scrolling through it meets them: the list
 * is windowed, so this scrolls from top to bottom collecting the cards on the way.
 */
async function shownIds(element: Element): Promise<string[]> {
  const byPosition = new Map<number, string>();
  const start = window.scrollY;
  const list = shadow(element, '[part~="list"]')!;
  const bottom = () => list.getBoundingClientRect().bottom + window.scrollY;
  for (let y = 0; y <= bottom(); y += 300) {
    window.scrollTo(0, y);
    await nextFrame();
    await nextFrame();
    for (const card of cards(element)) {
      byPosition.set(Number(card.getAttribute('aria-posinset')), card.dataset.postId!);
    }
  }
  window.scrollTo(0, start);
  await nextFrame();
  return [...byPosition.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

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
    const element = await feed('per-page="5" paging="button"');
    await waitFor(element, 'article');

    const expected = [...sandbox.db.posts]
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
      .slice(0, 5);
    // Only the cards near the viewport are in the DOM; the first ones are.
    const shown = cards(element);
    expect(shown.length).to.be.within(1, 5);
    expect(shown.map((card) => card.getAttribute('aria-posinset'))).to.include('1');

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
    const element = await feed('per-page="4" paging="button"');
    await waitFor(element, 'article');
    const firstIds = await shownIds(element);
    expect(firstIds).to.have.length(4);

    shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
    await waitUntil(
      () => !shadow(element, '[part~="load-more"][aria-disabled="true"]'),
      'the second page did not arrive',
    );

    const ids = await shownIds(element);
    expect(ids).to.have.length(8);
    expect(ids.slice(0, 4)).to.deep.equal(firstIds);
    expect(new Set(ids).size).to.equal(8);
  });

  it('likes a post at once and keeps it liked', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    const button = firstUnlikedButton(element);
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
    const button = firstUnlikedButton(element);
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

  it('takes back a failure message once the retry goes through, and only then', async () => {
    let failing = true;
    worker.use(
      http.post(`${API}/posts/:id/user_likes`, () =>
        failing ? HttpResponse.json({ message: 'Boom' }, { status: 500 }) : undefined,
      ),
    );
    const element = await feed();
    await waitFor(element, 'article');
    const [first, second] = shadowAll<HTMLButtonElement>(
      element,
      'button[part~="like-button"][aria-pressed="false"]',
    );

    first.click();
    await waitFor(element, '[part~="notice"]');
    // Another post's like succeeding says nothing about the first one.
    failing = false;
    const secondLiked = oneEvent(element, 'circle-like');
    second.click();
    await secondLiked;
    await element.updateComplete;
    expect(shadow(element, '[part~="notice"]'), 'withdrawn by another post').to.exist;

    const liked = oneEvent(element, 'circle-like');
    first.click();
    await liked;
    await element.updateComplete;
    expect(first.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element, '[part~="notice"]')).to.equal(null);
  });

  it('likes from the keyboard', async () => {
    const element = await feed();
    await waitFor(element, 'article');
    const button = firstUnlikedButton(element);

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
    const button = firstUnlikedButton(element);

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

  it("shows one member's posts, and refetches when the member changes", async () => {
    const authors = [...new Set(sandbox.db.posts.map((post) => post.author.community_member_id))];
    const [first, second] = authors;
    const requests: string[] = [];
    worker.events.on('request:start', ({ request }) => requests.push(request.url));
    const element = await feed(`member="${first}" paging="button"`);
    await waitFor(element, 'article');

    const authorsShown = async () =>
      new Set(
        (await shownIds(element)).map(
          (id) =>
            sandbox.db.posts.find((post) => String(post.id) === id)!.author.community_member_id,
        ),
      );
    expect([...(await authorsShown())]).to.deep.equal([first]);
    expect(requests.some((url) => url.includes(`/community_members/${first}/posts`))).to.equal(
      true,
    );

    element.member = String(second);
    await waitUntil(
      () => requests.some((url) => url.includes(`/community_members/${second}/posts`)),
      'the feed did not refetch',
    );
    await waitUntil(async () => (await authorsShown()).has(second));
    expect([...(await authorsShown())]).to.deep.equal([second]);
  });

  it("filters a space by topic with the spec's topics[] query", async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.topics.length > 0)!;
    const topic = post.topics[0];
    const requests: string[] = [];
    worker.events.on('request:start', ({ request }) => requests.push(request.url));
    const element = await feed(`space="${post.space.slug}" topic="${topic.id}" paging="button"`);
    await waitFor(element, 'article');

    expect(requests.some((url) => url.includes(`topics%5B%5D=${topic.id}`))).to.equal(true);
    for (const card of cards(element)) {
      const chips = [...card.querySelectorAll('[part~="topic"]')].map((chip) => textOf(chip));
      expect(chips).to.include(topic.name);
    }
  });

  it('loads the next page by itself as the reader nears the end', async () => {
    const element = await feed('per-page="3"');
    await waitFor(element, 'article');
    window.scrollTo(0, document.body.scrollHeight);

    const positions = () =>
      cards(element).map((card) => Number(card.getAttribute('aria-posinset')));
    await waitUntil(() => Math.max(...positions()) > 3, 'no page loaded by itself');
    expect(shadow(element, '[part~="load-more"]'), 'the fallback button stays').not.to.equal(null);
    window.scrollTo(0, 0);
  });

  it('waits for the button with paging="button"', async () => {
    const element = await feed('per-page="3" paging="button"');
    await waitFor(element, 'article');
    window.scrollTo(0, document.body.scrollHeight);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(await shownIds(element)).to.have.length(3);
    expect(shadow(element, '[part~="load-more"]')).not.to.equal(null);
  });

  it('explains a bad paging value and carries on with infinite paging', async () => {
    let element!: CircleFeed;
    const warnings = await captureWarnings(async () => {
      element = await feed('paging="pages" member="abc"');
      await waitFor(element, 'article');
    });
    const text = textOf(shadow(element, '[part~="config-warning"]'));
    expect(text).to.contain('paging="pages" is not valid: use infinite, button');
    expect(warnings.join('\n')).to.contain('member="abc" is not valid');
  });

  it('draws a short feed plainly, and windows it in place once it grows long', async () => {
    addBulkPosts(60);
    const element = await feed('per-page="30" paging="button"');
    await waitFor(element, 'article');
    await element.updateComplete;
    // Plain: every card is drawn in the page's flow, none placed by the virtualizer.
    expect(cards(element)).to.have.length(30);
    expect(cards(element).every((card) => card.style.position === '')).to.equal(true);

    // The reader has card 21 near the top of the screen, with focus on its like button.
    const card21 = () => shadow<HTMLElement>(element, 'article[aria-posinset="21"]')!;
    window.scrollTo(0, card21().getBoundingClientRect().top + window.scrollY - 120);
    await nextFrame();
    const topBefore = card21().getBoundingClientRect().top;
    card21().querySelector<HTMLButtonElement>('[part~="like-button"]')!.focus();

    shadow<HTMLButtonElement>(element, '[part~="load-more"]')!.click();
    await waitUntil(
      () => cards(element).some((card) => card.style.position === 'absolute'),
      'the long list was not windowed',
    );
    await waitUntil(
      () => Math.abs(card21().getBoundingClientRect().top - topBefore) <= 2,
      `card 21 moved from ${topBefore}px`,
    );
    const active = element.shadowRoot!.activeElement!;
    expect(active.closest('article')!.getAttribute('aria-posinset')).to.equal('21');
    expect(active.getAttribute('part')).to.contain('like-button');
    expect(cards(element).length).to.be.below(60);
    window.scrollTo(0, 0);
  });

  it('keeps at most ~100 cards in the DOM with 2,000 posts, and keeps focus in the feed', async () => {
    addBulkPosts(2000);
    const total = sandbox.db.posts.length;
    const element = await feed('per-page="100" paging="button"');
    await waitFor(element, 'article');
    while (shadow(element, '[part~="load-more"]')) {
      shadow<HTMLButtonElement>(
        element,
        '[part~="load-more"]:not([aria-disabled="true"])',
      )?.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await element.updateComplete;
    expect(cards(element)[0].getAttribute('aria-setsize')).to.equal(String(total));
    expect(cards(element).length).to.be.within(1, 100);

    const like = shadow<HTMLButtonElement>(element, 'article [part~="like-button"]')!;
    like.focus();
    const list = shadow(element, '[part~="list"]')!;
    window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY + 200_000);
    await waitUntil(() => !like.isConnected, 'the first card stayed in the DOM');
    await waitUntil(
      () => element.shadowRoot!.activeElement === list,
      'focus did not stay in the feed',
    );
    expect(cards(element).length).to.be.within(1, 100);
    const positions = cards(element).map((card) => Number(card.getAttribute('aria-posinset')));
    expect(Math.min(...positions)).to.be.greaterThan(100);

    // A like far down the list changes nothing about where the reader is.
    const scrolled = window.scrollY;
    shadow<HTMLButtonElement>(element, 'article [part~="like-button"]')!.click();
    await element.updateComplete;
    expect(window.scrollY).to.equal(scrolled);
    window.scrollTo(0, 0);
  });

  it('shows an image post as a grid that opens a viewer', async () => {
    const post = sandbox.db.posts.find(
      (candidate) => candidate.post_type === 'image' && candidate.gallery!.images!.length > 4,
    )!;
    servePosts([post]);
    const element = await feed();
    const grid = await waitFor(element, '[part~="gallery"]');
    const thumbnails = [...grid.querySelectorAll<HTMLButtonElement>('[part~="gallery-item"]')];
    expect(thumbnails).to.have.length(4);
    const image = thumbnails[0].querySelector('img')!;
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('width')).to.equal(String(post.gallery!.images![0].width));
    expect(image.getAttribute('height')).to.equal(String(post.gallery!.images![0].height));
    const extra = post.gallery!.images!.length - 4;
    expect(textOf(thumbnails[3])).to.equal(`+${extra} more`);

    thumbnails[1].focus();
    thumbnails[1].click();
    const dialog = await waitFor<HTMLDialogElement>(element, 'dialog[part~="viewer"]');
    await element.updateComplete;
    expect(dialog.open).to.equal(true);
    const count = post.gallery!.images!.length;
    expect(textOf(dialog.querySelector('.viewer-count'))).to.equal(`Image 2 of ${count}`);

    dialog.querySelector<HTMLButtonElement>('[part~="next-image"]')!.click();
    await element.updateComplete;
    expect(textOf(dialog.querySelector('.viewer-count'))).to.equal(`Image 3 of ${count}`);
    expect(dialog.querySelector('img')!.src).to.equal(post.gallery!.images![2].url);
    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    expect(textOf(dialog.querySelector('.viewer-count'))).to.equal(`Image 2 of ${count}`);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(element, 'dialog'), 'Esc did not close the viewer');
    expect(element.shadowRoot!.activeElement).to.equal(thumbnails[1]);
  });

  it('shows an event post as a compact event card', async () => {
    const post = sandbox.db.posts.find(
      (candidate) =>
        candidate.post_type === 'event' &&
        candidate.event_setting_attributes!.location_type === 'in_person',
    )!;
    servePosts([post]);
    const element = await feed();
    const card = await waitFor(element, 'article[part~="event-item"]');
    const settings = post.event_setting_attributes!;
    const start = new Date(settings.starts_at!);

    expect(textOf(card.querySelector('[part~="event-date"]'))).to.equal(
      `${start.toLocaleString('en', { month: 'short' })} ${start.getDate()}`,
    );
    expect(textOf(card.querySelector('.event-time'))).to.equal(
      formatEventRange(settings.starts_at!, settings.ends_at, 'en'),
    );
    expect(textOf(card.querySelector('.event-location'))).to.equal(
      `In person · ${settings.in_person_location}`,
    );
  });

  it('shows pinned, edited, cover, topics, and clamps long bodies behind "Read more"', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.cover_image)!;
    post.is_pinned_at_top_of_space = true;
    post.topics = [{ id: 77, name: 'Typography', admin_only: false }];
    post.updated_at = new Date(Date.parse(post.created_at) + 3 * 3_600_000).toISOString();
    post.tiptap_body = null;
    post.body_plain_text = 'A long story. '.repeat(200);
    const short = sandbox.db.posts.find(
      (candidate) => candidate.id !== post.id && !candidate.cover_image,
    )!;
    short.tiptap_body = null;
    short.body_plain_text = 'Short.';
    short.updated_at = short.created_at;
    servePosts([post, short]);
    const element = await feed();
    await waitFor(element, 'article');
    const [card, shortCard] = cards(element);

    expect(textOf(card.querySelector('.meta')))
      .to.contain('Pinned')
      .and.to.contain('Edited');
    expect(textOf(shortCard.querySelector('.meta'))).not.to.contain('Edited');
    const cover = card.querySelector<HTMLImageElement>('img[part~="cover"]')!;
    expect(cover.src).to.equal(post.cover_image);
    expect(cover.getAttribute('loading')).to.equal('lazy');
    expect(cover.getAttribute('width')).to.match(/^\d+$/);
    expect(cover.getAttribute('height')).to.match(/^\d+$/);
    expect(textOf(card.querySelector('[part~="topics"]'))).to.equal('Typography');

    const body = card.querySelector<HTMLElement>('[part~="body"]')!;
    const readMore = card.querySelector<HTMLButtonElement>('[part~="read-more"]')!;
    expect(body.scrollHeight).to.be.greaterThan(body.clientHeight);
    expect(readMore.getAttribute('aria-expanded')).to.equal('false');
    expect(shortCard.querySelector('[part~="read-more"]')).to.equal(null);

    readMore.click();
    await element.updateComplete;
    expect(readMore.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(readMore)).to.equal('Show less');
    expect(body.scrollHeight).to.equal(body.clientHeight);
  });

  it('bookmarks and un-bookmarks at once, and tells the host page', async () => {
    const post = sandbox.db.posts.find((candidate) => candidate.bookmark_id === null)!;
    servePosts([post]);
    const element = await feed();
    const button = await waitFor<HTMLButtonElement>(element, '[part~="bookmark-button"]');
    expect(button.getAttribute('aria-pressed')).to.equal('false');

    const saved = oneEvent(element, 'circle-bookmark') as Promise<CircleBookmarkEvent>;
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    const event = await saved;
    expect([event.postId, event.bookmarked]).to.deep.equal([post.id, true]);
    expect(post.bookmark_id).to.be.a('number');

    await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
    const removed = oneEvent(element, 'circle-bookmark') as Promise<CircleBookmarkEvent>;
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect((await removed).bookmarked).to.equal(false);
    expect(post.bookmark_id).to.equal(null);
  });

  it('undoes a bookmark that fails, visibly, keeping focus', async () => {
    worker.use(
      http.post(`${API}/bookmarks`, async () => {
        await delay(100);
        return HttpResponse.json({ success: false, message: 'Boom' }, { status: 500 });
      }),
    );
    const post = sandbox.db.posts.find((candidate) => candidate.bookmark_id === null)!;
    servePosts([post]);
    const element = await feed();
    const button = await waitFor<HTMLButtonElement>(element, '[part~="bookmark-button"]');

    button.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(element.shadowRoot!.activeElement).to.equal(button);

    await waitUntil(() => shadow(element, '[part~="notice"]'), 'no rollback notice');
    expect(textOf(shadow(element, '[part~="notice"]'))).to.equal(
      'Your bookmark could not be saved. Please try again.',
    );
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(element.shadowRoot!.activeElement).to.equal(button);
  });

  it("keeps a failed bookmark's message until that post's bookmark goes through", async () => {
    let failing = true;
    worker.use(
      http.post(`${API}/bookmarks`, () =>
        failing ? HttpResponse.json({ message: 'Boom' }, { status: 500 }) : undefined,
      ),
    );
    const posts = sandbox.db.posts.filter((candidate) => candidate.bookmark_id === null);
    servePosts(posts.slice(0, 2));
    const element = await feed();
    await waitUntil(() => cards(element).length === 2, 'the two posts were not shown');
    const [first, second] = shadowAll<HTMLButtonElement>(element, '[part~="bookmark-button"]');

    first.click();
    await waitFor(element, '[part~="notice"]');
    expect(first.getAttribute('aria-pressed')).to.equal('false');
    // Another post's bookmark going through says nothing about the first one.
    failing = false;
    const secondSaved = oneEvent(element, 'circle-bookmark');
    second.click();
    await secondSaved;
    await element.updateComplete;
    expect(second.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(element, '[part~="notice"]'), 'withdrawn by another post').to.exist;

    const saved = oneEvent(element, 'circle-bookmark');
    first.click();
    await saved;
    await element.updateComplete;
    expect(first.getAttribute('aria-pressed')).to.equal('true');
    expect(posts[0].bookmark_id).to.be.a('number');
    expect(shadow(element, '[part~="notice"]')).to.equal(null);
  });

  it('fires circle-like after a like is saved', async () => {
    const post = sandbox.db.posts.find((candidate) => !candidate.is_liked)!;
    servePosts([post]);
    const element = await feed();
    const button = await waitFor<HTMLButtonElement>(element, '[part~="like-button"]');
    const liked = oneEvent(element, 'circle-like') as Promise<CircleLikeEvent>;
    button.click();
    const event = await liked;
    expect([event.kind, event.id, event.liked]).to.deep.equal(['post', post.id, true]);
  });

  it('opens a post through a cancelable circle-post-open, else in a new tab', async () => {
    const post = sandbox.db.posts[2];
    servePosts([post]);
    const element = await feed();
    const link = await waitFor<HTMLAnchorElement>(element, 'a[part~="title-link"]');
    expect(link.href).to.equal(post.url);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');

    // The host takes over: the link does not navigate.
    let navigationPrevented: boolean | undefined;
    const stopNavigation = (event: Event) => {
      navigationPrevented = event.defaultPrevented;
      event.preventDefault();
    };
    document.addEventListener('click', stopNavigation);
    const takeOver = (event: Event) => event.preventDefault();
    element.addEventListener('circle-post-open', takeOver);
    const opened = oneEvent(element, 'circle-post-open') as Promise<CirclePostOpenEvent>;
    link.click();
    const event = await opened;
    expect(event.post.id).to.equal(post.id);
    expect(event.url).to.equal(post.url);
    expect(navigationPrevented).to.equal(true);

    // Nobody takes over: the link opens Circle as usual.
    element.removeEventListener('circle-post-open', takeOver);
    link.click();
    expect(navigationPrevented).to.equal(false);
    document.removeEventListener('click', stopNavigation);
  });

  it('copies a post link and says so politely, or says it failed', async () => {
    const post = sandbox.db.posts[1];
    servePosts([post]);
    const copied: string[] = [];
    let failing = false;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => {
          if (failing) throw new DOMException('Denied', 'NotAllowedError');
          copied.push(text);
        },
      },
    });
    try {
      const element = await feed();
      const button = await waitFor<HTMLButtonElement>(element, '[part~="copy-link"]');
      const status = shadow(element, '[part~="status"]')!;
      expect(status.getAttribute('role')).to.equal('status');

      button.click();
      await waitUntil(() => textOf(status) === 'Link copied', 'no announcement');
      expect(copied).to.deep.equal([post.url]);

      failing = true;
      button.click();
      await waitUntil(() => textOf(status) === 'The link could not be copied.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('shows oddly shaped posts as cards instead of failing the whole feed', async () => {
    const [first, second, third] = sandbox.db.posts
      .slice(0, 3)
      .map((post) => structuredClone(post));
    const odd = [
      { ...first, post_type: 'event', event_setting_attributes: { starts_at: 'TBD' } },
      { ...second, topics: [null], gallery: { images: [null] }, post_type: 'image' },
      {
        ...third,
        event_setting_attributes: { starts_at: first.created_at, in_person_location: 42 },
      },
    ] as unknown as Post[];
    servePosts(odd);

    const element = await feed('paging="button"');
    await waitFor(element, 'article');
    await waitUntil(() => cards(element).length === 3, 'a card went missing');
    expect(cards(element).map((card) => textOf(card.querySelector('h3')))).to.deep.equal(
      odd.map((post) => post.display_title || post.name),
    );
  });

  it('links mentions to member profiles with profile-url', async () => {
    const post = sandbox.db.posts.find(
      (candidate) => (candidate.tiptap_body?.community_members?.length ?? 0) > 0,
    )!;
    servePosts([post]);
    // Circle's examples carry the member id beside the user id in `id`; profiles use the former.
    const member = post.tiptap_body!.community_members![0] as { community_member_id: number };
    const element = await feed('profile-url="https://community.example.com/u/{id}"');
    await waitFor(element, 'article');
    const mention = cards(element)[0].querySelector<HTMLAnchorElement>('a.mention')!;
    expect(mention.href).to.equal(`https://community.example.com/u/${member.community_member_id}`);
    expect(textOf(mention)).to.equal(`@${post.tiptap_body!.community_members![0].name}`);
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
