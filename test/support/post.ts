import { sandbox } from './sandbox.js';

/** A top-level comment of the signed-in member's, on a post open to comments, and that post. */
export function ownCommentAndPost() {
  const comment = sandbox.db.comments.find(
    (candidate) =>
      candidate.community_member_id === sandbox.db.currentMemberId &&
      candidate.parent_comment_id === null &&
      sandbox.db.posts.some((post) => post.id === candidate.post_id && post.is_comments_enabled),
  )!;
  const post = sandbox.db.posts.find((candidate) => candidate.id === comment.post_id)!;
  return { comment, post };
}
