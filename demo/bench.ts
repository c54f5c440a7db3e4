// A page for scripts/bench-feed.mjs: the sandbox with `?posts=N` posts and one feed that loads
// them all, 100 a page.
import { startSandbox } from './sandbox/browser.js';

const wanted = Number(new URLSearchParams(location.search).get('posts') ?? 200);
const { sandbox } = await startSandbox({ onUnhandledRequest: 'bypass' });

// Clones of the existing posts with new ids, spread over the past, until there are `wanted`.
const originals = sandbox.db.posts.filter((post) => post.post_type !== 'event');
const newest = Date.now();
sandbox.reset = () => {};
for (let index = sandbox.db.posts.length; index < wanted; index += 1) {
  const original = originals[index % originals.length];
  sandbox.db.posts.push({
    ...original,
    id: 1_000_000 + index,
    slug: `${original.slug}-${index}`,
    created_at: new Date(newest - index * 60_000).toISOString(),
  });
}
sandbox.db.posts = sandbox.db.posts.slice(0, wanted);

await import('../src/elements/circle-feed/circle-feed.js');
const feed = document.createElement('circle-feed');
feed.setAttribute('token-endpoint', '/api/circle-token');
feed.setAttribute('per-page', '100');
feed.setAttribute('paging', 'button');
document.querySelector('#bench')!.append(feed);
