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
