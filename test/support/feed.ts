import { fixture } from '@open-wc/testing';

import type { CircleFeed } from '../../src/elements/circle-feed/circle-feed.js';
import { shadowAll, waitFor } from './dom.js';
import { sandbox } from './sandbox.js';

/** Adds `count` plain posts, older than every sandbox post, to the end of the home feed. */
export function addBulkPosts(count: number): void {
  const template = sandbox.db.posts.find((post) => post.post_type === 'basic')!;
  const base = Date.now() - 1000;
  for (let index = 0; index < count; index += 1) {
    sandbox.db.posts.push({
      ...template,
      id: 100_000 + index,
      slug: `bulk-${index}`,
      name: `Bulk post ${index}`,
      display_title: `Bulk post ${index}`,
      created_at: new Date(base - index * 1000).toISOString(),
    });
  }
}

/** The feed's post cards. */
export const cards = (element: Element) => shadowAll(element, 'article[part~="item"]');

/** Whether the feed shows its windowed list, whose cards are placed absolutely. */
export const windowed = (element: Element) =>
  cards(element).some((card) => card.style.position === 'absolute');

/**
 * A home feed of 30 posts a page with a "Load more" button, in a container so that a test can
 * take it out of the page and put it back; resolves once its first posts show.
 */
export async function buttonPagedFeed(): Promise<{ container: HTMLElement; element: CircleFeed }> {
  const container = await fixture<HTMLDivElement>(
    `<div><circle-feed token-endpoint="/api/circle-token" per-page="30" paging="button">
    </circle-feed></div>`,
  );
  const element = container.querySelector<CircleFeed>('circle-feed')!;
  await waitFor(element, 'article');
  await element.updateComplete;
  return { container, element };
}
