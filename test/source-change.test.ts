// When an attribute names something else to show (another space, post, filter or sort), what
// was shown goes at once and a skeleton holds its place until the new answer is in: nobody
// reads or acts on old items under the new heading. A plain reload keeps them on screen.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { delay, http } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { shadow, shadowAll } from './support/dom.js';
import type { Post } from '../demo/sandbox/model.js';
import { resetSessions } from '../src/session/session.js';
import '../src/elements/circle-events/circle-events.js';
import '../src/elements/circle-feed/circle-feed.js';
import '../src/elements/circle-post/circle-post.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 5000 };

/** Releases every held answer, also when a test fails before it lets them go. */
const releases: Array<() => void> = [];

/** Holds every answer to `path` back until the returned function is called. */
function holdAnswers(path: string): () => void {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  releases.push(release);
  worker.use(
    http.get(`${API}${path}`, async () => {
      await released;
      return undefined;
    }),
  );
  return release;
}

const skeleton = (element: Element) => shadow(element, '.skeleton, [part~="skeleton"]');
const feedPostIds = (element: Element) =>
  shadowAll(element, 'article[data-post-id]').map((card) => Number(card.dataset.postId));

/** Records uncaught errors and rejections while `act` runs and the element settles. */
async function uncaughtDuring(act: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const onRejection = (event: PromiseRejectionEvent) => seen.push(String(event.reason));
  const onError = (event: ErrorEvent) => {
    // Chrome's notice that a ResizeObserver skipped a frame is harmless (README).
    if (!/ResizeObserver loop/.test(event.message)) seen.push(event.message);
  };
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  try {
    await act();
    await delay(300);
  } finally {
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
  }
  return seen;
}

describe('A change of source', function () {
  this.timeout(15_000);

  beforeEach(() => resetSessions());
  afterEach(() => releases.splice(0).forEach((release) => release()));

  it("<circle-feed>: another space's posts replace the old ones, never mixed with them", async () => {
    const spaces = [...new Map(sandbox.db.posts.map((post) => [post.space.slug, post.space]))];
    const [[firstSlug], [secondSlug, second]] = spaces;
    const element = await fixture(
      `<circle-feed token-endpoint="/api/circle-token" space="${firstSlug}"></circle-feed>`,
    );
    await waitUntil(() => feedPostIds(element).length > 0, 'no posts', WAIT);

    const release = holdAnswers('/spaces/:space_id/posts');
    element.setAttribute('space', secondSlug);
    await waitUntil(() => skeleton(element), 'no skeleton while the new space loads', WAIT);
    expect(feedPostIds(element), 'old posts still shown').to.deep.equal([]);
    expect(shadow(element, '[part~="load-more"]'), 'a Load more for the old space').to.equal(null);

    release();
    await waitUntil(() => feedPostIds(element).length > 0, 'no posts of the new space', WAIT);
    const spaceOf = new Map(sandbox.db.posts.map((post) => [post.id, post.space.id]));
    for (const id of feedPostIds(element)) expect(spaceOf.get(id)).to.equal(second.id);
  });

  it('<circle-feed>: a shorter first page after "Load more" throws nothing', async () => {
    const element = await fixture<HTMLElement & { refresh(): void }>(
      '<circle-feed token-endpoint="/api/circle-token" per-page="2" paging="button"></circle-feed>',
    );
    const more = () => shadow<HTMLButtonElement>(element, '[part~="load-more"]');
    const moreReady = () => Boolean(more() && more()!.getAttribute('aria-disabled') !== 'true');
    // The feed windows its cards, so the pages asked for tell how long the list has grown.
    const pagesAsked: string[] = [];
    const record = ({ request }: { request: Request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/home')) pagesAsked.push(url.searchParams.get('page') ?? '1');
    };
    worker.events.on('request:start', record);
    try {
      for (const page of ['2', '3']) {
        await waitUntil(moreReady, 'no Load more', WAIT);
        more()!.click();
        await waitUntil(() => pagesAsked.includes(page), `page ${page} not asked for`, WAIT);
      }
      await waitUntil(moreReady, 'still loading', WAIT);
    } finally {
      worker.events.removeListener('request:start', record);
    }
    const firstPage = () => feedPostIds(element).length <= 2;

    const refreshed = await uncaughtDuring(async () => {
      element.refresh();
      await waitUntil(firstPage, 'not back to one page', WAIT);
    });
    expect(refreshed).to.deep.equal([]);

    const resorted = await uncaughtDuring(async () => {
      element.setAttribute('sort', 'oldest');
      await waitUntil(firstPage, 'no sorted page', WAIT);
    });
    expect(resorted).to.deep.equal([]);
  });

  it("<circle-post>: another post never shows the old post's comments", async () => {
    const withComments = (post: Post) =>
      sandbox.db.comments.some((comment) => comment.post_id === post.id);
    const [first, second] = sandbox.db.posts.filter(
      (post) => post.is_comments_enabled && !post.is_comments_closed && withComments(post),
    );
    const element = await fixture(
      `<circle-post token-endpoint="/api/circle-token" space="${first.space.slug}"
        post="${first.slug}"></circle-post>`,
    );
    await waitUntil(() => shadow(element, '[part~="comment"]'), 'no comments', WAIT);

    const release = holdAnswers('/posts/:post_id/comments');
    element.setAttribute('space', second.space.slug);
    element.setAttribute('post', second.slug);
    await waitUntil(
      () => shadow(element, '[part~="title"]')?.textContent?.includes(second.name!),
      'the new post did not show',
      WAIT,
    );
    expect(shadow(element, '[part~="comment"]'), "the old post's comments").to.equal(null);
    expect(skeleton(element), 'no skeleton in their place').to.exist;

    release();
    await waitUntil(() => shadow(element, '[part~="comment"]'), 'no new comments', WAIT);
    const postOf = new Map(sandbox.db.comments.map((comment) => [comment.id, comment.post_id]));
    for (const comment of shadowAll(element, '[part~="comment-list"] > [part~="comment"]')) {
      expect(postOf.get(Number(comment.id.replace('comment-', '')))).to.equal(second.id);
    }
  });

  it('<circle-events>: past events replace the upcoming ones, with no RSVP left to press', async () => {
    const element = await fixture(
      '<circle-events token-endpoint="/api/circle-token"></circle-events>',
    );
    await waitUntil(() => shadowAll(element, '[part~="item"]').length > 0, 'no events', WAIT);
    expect(shadowAll(element, '[part~="rsvp-button"]').length).to.be.greaterThan(0);

    const release = holdAnswers('/community_events');
    element.setAttribute('filter', 'past');
    await waitUntil(() => skeleton(element), 'no skeleton while past events load', WAIT);
    expect(shadowAll(element, '[part~="item"]'), 'upcoming events still shown').to.deep.equal([]);
    expect(shadowAll(element, '[part~="rsvp-button"]')).to.deep.equal([]);

    release();
    await waitUntil(() => shadowAll(element, '[part~="item"]').length > 0, 'no past events', WAIT);
  });
});
