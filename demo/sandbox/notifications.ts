/**
 * The signed-in member's notifications, derived from the generated posts, comments, likes and
 * RSVPs so that every notification points at something that exists.
 */
import type { Random } from './bodies.js';
import { COMMUNITY_ID, iso, memberById, nextId } from './model.js';
import type { Comment, Notification, Post, SandboxDb, SandboxMember } from './model.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

interface Draft {
  createdAt: number;
  value: Omit<Notification, 'id' | 'created_at' | 'read_at'>;
}

const ACTOR_FIRST = ['actor_name', 'display_action', 'notifiable_title'];

function about(
  actor: SandboxMember,
  post: Post,
  fields: Pick<Notification, 'action' | 'display_action' | 'notifiable_type'>,
  comment?: Comment,
): Draft['value'] {
  const target = comment ?? post;
  return {
    ...fields,
    notifiable_id: target.id,
    space_title: post.space.name,
    space_id: post.space.id,
    notification_text_structure: ACTOR_FIRST,
    actor_name: actor.name,
    notifiable_title: post.name ?? '',
    actor_image: actor.avatar_url,
    second_actor_name: null,
    second_actor_image: null,
    action_web_url: comment ? `${post.url}#comment_wrapper_${comment.id}` : post.url,
    notifiable: comment
      ? {
          id: comment.id,
          post_id: post.id,
          parent_comment_id: comment.parent_comment_id,
          community_id: COMMUNITY_ID,
          space_id: post.space.id,
        }
      : { id: post.id, community_id: COMMUNITY_ID, space_id: post.space.id },
  };
}

const mentionsMe = (db: SandboxDb, record: Post | Comment): boolean =>
  (record.tiptap_body?.community_members ?? []).some(
    (member) =>
      (member as { community_member_id?: number }).community_member_id === db.currentMemberId,
  );

/** Fills `db.notifications` and the "new" counters. */
export function addNotifications(db: SandboxDb, rng: Random, nowMs: number): void {
  const me = db.currentMemberId;
  const drafts: Draft[] = [];
  const postById = new Map(db.posts.map((post) => [post.id, post]));
  const actorOf = (record: Post | Comment): SandboxMember =>
    memberById(db, record.author.community_member_id)!;

  for (const post of db.posts) {
    const author = actorOf(post);
    const created = Date.parse(post.created_at);
    const isEvent = post.post_type === 'event';
    if (author.id !== me && mentionsMe(db, post)) {
      drafts.push({
        createdAt: created,
        value: about(author, post, {
          action: 'mention',
          display_action: 'mentioned you in',
          notifiable_type: 'Post',
        }),
      });
    } else if (author.id !== me && rng.chance(isEvent ? 0.6 : 0.3)) {
      drafts.push({
        createdAt: created,
        value: about(author, post, {
          action: 'add',
          display_action: 'posted',
          notifiable_type: isEvent ? 'Event' : 'Post',
        }),
      });
    }

    if (author.id === me) {
      const likers = rng.sample(db.members.slice(1), Math.min(post.user_likes_count, 4));
      for (const liker of likers) {
        const at = created + rng.next() * (nowMs - created);
        drafts.push({
          createdAt: at,
          value: about(liker, post, {
            action: 'like',
            display_action: 'liked',
            notifiable_type: 'Post',
          }),
        });
      }
    }

    // Reminders an hour before the events the member said yes to.
    const attending = db.eventAttendees.get(post.id)?.some((a) => a.community_member_id === me);
    const startsAt = Date.parse(post.event_setting_attributes?.starts_at ?? '');
    if (attending && startsAt - 60 * MINUTE <= nowMs) {
      drafts.push({
        createdAt: startsAt - 60 * MINUTE,
        value: {
          ...about(author, post, {
            action: 'reminder',
            display_action: 'starts in 1 hour',
            notifiable_type: 'Event',
          }),
          notification_text_structure: ['notifiable_title', 'display_action'],
        },
      });
    }
  }

  for (const comment of db.comments) {
    const post = postById.get(comment.post_id)!;
    const author = actorOf(comment);
    if (author.id === me) continue;

    const created = Date.parse(comment.created_at);
    const parent = db.comments.find((c) => c.id === comment.parent_comment_id);
    if (mentionsMe(db, comment)) {
      drafts.push({
        createdAt: created,
        value: about(
          author,
          post,
          {
            action: 'mention',
            display_action: 'mentioned you in',
            notifiable_type: 'Comment',
          },
          comment,
        ),
      });
    } else if (parent?.community_member_id === me) {
      drafts.push({
        createdAt: created,
        value: about(
          author,
          post,
          {
            action: 'add',
            display_action: 'replied to your comment on',
            notifiable_type: 'Comment',
          },
          comment,
        ),
      });
    } else if (post.author.community_member_id === me) {
      drafts.push({
        createdAt: created,
        value: about(
          author,
          post,
          {
            action: 'add',
            display_action: 'commented on',
            notifiable_type: 'Comment',
          },
          comment,
        ),
      });
    }
  }

  const recent = drafts
    .filter((draft) => draft.createdAt <= nowMs && draft.createdAt > nowMs - 60 * DAY)
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(-80);

  // Circle's own example shows an untranslated key as display_action; keep one such record.
  const untranslated = recent.find((draft) => draft.value.display_action === 'commented on');
  if (untranslated) {
    untranslated.value.display_action = 'Translation missing: en.notification_actions.comment.add';
  }

  for (const draft of recent) {
    const age = nowMs - draft.createdAt;
    const read = rng.chance(age > 3 * DAY ? 0.9 : 0.3);
    const readAt = Math.min(nowMs, draft.createdAt + rng.int(5, 600) * MINUTE);
    db.notifications.push({
      id: nextId(db, 'notification'),
      created_at: iso(draft.createdAt),
      read_at: read ? iso(readAt) : null,
      ...draft.value,
    });
  }

  const newest = db.notifications.slice(-8).filter((notification) => notification.read_at === null);
  db.counts.new_notifications_count = newest.length;
  db.counts.new_mentions_count = newest.filter((n) => n.action === 'mention').length;
}
