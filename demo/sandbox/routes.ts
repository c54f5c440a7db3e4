/**
 * The Member API routes of the sandbox (paths relative to `/api/headless/v1`).
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import {
  addBookmark,
  addComment,
  authorOf,
  currentMemberProfile,
  iso,
  memberById,
  nextId,
  richBody,
  syncEventRsvp,
  syncReplies,
} from './model.js';
import type {
  Author,
  Comment,
  EventAttendee,
  Notification,
  NotificationSettings,
  Post,
  SandboxDb,
} from './model.js';
import type { TipTapNode } from './tiptap.js';
import { rubyStartDate, zoneAbbreviation } from './time.js';

/** What the routes need from the sandbox. */
export interface RouteContext {
  memberApi: string;
  db: () => SandboxDb;
  clock: () => Date;
  authenticate: (request: Request) => Response | null;
}

type Params = Record<string, string | readonly string[] | undefined>;
interface Call {
  request: Request;
  url: URL;
  params: Record<string, string>;
  db: SandboxDb;
}
type Route = (call: Call) => Response | Promise<Response>;

/** Circle's 404 body, e.g. `Missing record: post`. */
const notFound = (record: string): Response =>
  HttpResponse.json(
    {
      success: false,
      message: 'Oops! Missing record. Please try again later.',
      error_details: { message: `Missing record: ${record}` },
    },
    { status: 404 },
  );

/** The standard error body with another status (the spec documents no 422s here). */
const failure = (status: number, message: string, details: Record<string, unknown> = {}) =>
  HttpResponse.json({ success: false, message, error_details: details }, { status });

const positiveInt = (value: string | null, fallback: number): number => {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : fallback;
};

/** Circle's offset pagination envelope; `count` is the total number of matching records. */
function paginate<T>(url: URL, items: T[], defaultPerPage: number, withPageCount = false) {
  const page = positiveInt(url.searchParams.get('page'), 1);
  const perPage = Math.min(positiveInt(url.searchParams.get('per_page'), defaultPerPage), 100);
  const start = (page - 1) * perPage;
  return {
    page,
    per_page: perPage,
    has_next_page: start + perPage < items.length,
    count: items.length,
    ...(withPageCount ? { page_count: Math.max(1, Math.ceil(items.length / perPage)) } : {}),
    records: items.slice(start, start + perPage),
  };
}

const time = (value: string | undefined): number => Date.parse(value ?? '');
const byNewest = (a: { created_at?: string }, b: { created_at?: string }) =>
  time(b.created_at) - time(a.created_at);
const startsAt = (post: Post): number => time(post.event_setting_attributes?.starts_at);
const endsAt = (post: Post): number => time(post.event_setting_attributes?.ends_at);

function postSorter(db: SandboxDb, sort: string): (a: Post, b: Post) => number {
  const lastActivity = new Map<number, number>();
  for (const post of db.posts) lastActivity.set(post.id, time(post.created_at));
  for (const comment of db.comments) {
    const latest = Math.max(lastActivity.get(comment.post_id) ?? 0, time(comment.created_at));
    lastActivity.set(comment.post_id, latest);
  }
  const popularity = (post: Post) => post.user_likes_count + 2 * post.comment_count;

  switch (sort) {
    case 'oldest':
      return (a, b) => -byNewest(a, b);
    case 'popular':
      return (a, b) => popularity(b) - popularity(a) || byNewest(a, b);
    case 'likes':
      return (a, b) => b.user_likes_count - a.user_likes_count || byNewest(a, b);
    case 'alphabetical':
      return (a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id;
    case 'new_activity':
      return (a, b) => lastActivity.get(b.id)! - lastActivity.get(a.id)! || byNewest(a, b);
    default:
      return byNewest;
  }
}

const POST_SORTS = ['latest', 'popular', 'oldest', 'likes', 'alphabetical', 'new_activity'];
const COMMENT_SORTS = [
  'oldest',
  'latest',
  'alphabetical',
  'likes',
  'latest_updated',
  'oldest_updated',
];

function commentSorter(sort: string): (a: Comment, b: Comment) => number {
  switch (sort) {
    case 'latest':
      return byNewest;
    case 'alphabetical':
      return (a, b) => (a.body_text ?? '').localeCompare(b.body_text ?? '');
    case 'likes':
      return (a, b) => b.user_likes_count - a.user_likes_count || -byNewest(a, b);
    case 'latest_updated':
      return (a, b) => time(b.updated_at) - time(a.updated_at);
    case 'oldest_updated':
      return (a, b) => time(a.updated_at) - time(b.updated_at);
    default:
      return (a, b) => -byNewest(a, b);
  }
}

const findById = <T extends { id: number }>(items: T[], id: string): T | undefined =>
  /^\d+$/.test(id) ? items.find((item) => item.id === Number(id)) : undefined;

const readJson = async (request: Request): Promise<Record<string, unknown> | null> => {
  const source = await request.text();
  if (source.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(source);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** Upcoming (not ended) events by start, or past events newest first. */
function eventWindow(events: Post[], past: boolean, nowMs: number): Post[] {
  return past
    ? events.filter((post) => endsAt(post) <= nowMs).sort((a, b) => startsAt(b) - startsAt(a))
    : events.filter((post) => endsAt(post) > nowMs).sort((a, b) => startsAt(a) - startsAt(b));
}

/** RSVPs the signed-in member; returns an error response when the event does not allow it. */
function rsvp(db: SandboxDb, post: Post, nowMs: number): EventAttendee | Response {
  const settings = post.event_setting_attributes!;
  const attendees = db.eventAttendees.get(post.id) ?? [];
  const existing = attendees.find((a) => a.community_member_id === db.currentMemberId);
  if (existing) return existing;

  if (settings.rsvp_disabled) return failure(422, 'RSVP is disabled for this event.');
  if (endsAt(post) <= nowMs) return failure(422, 'This event has already ended.');
  if (settings.rsvp_limit != null && attendees.length >= settings.rsvp_limit) {
    return failure(422, 'This event is full.');
  }

  const me = memberById(db, db.currentMemberId)!;
  const attendee: EventAttendee = {
    id: nextId(db, 'attendee'),
    community_member_id: me.id,
    contact_id: me.id,
    contact_type: 'CommunityMember',
    avatar_url: me.avatar_url,
    rsvp_date: iso(nowMs),
    rsvp_status: 'yes',
    name: me.name,
  };
  db.eventAttendees.set(post.id, [...attendees, attendee]);
  syncEventRsvp(db, post);
  return attendee;
}

/** The comment text a client sent: `{ comment: { body?, tiptap_body? } }`. */
function commentInput(
  json: Record<string, unknown> | null,
): { root: TipTapNode | null; html: string } | null {
  const comment = json?.comment as { body?: unknown; tiptap_body?: { body?: unknown } } | undefined;
  const root = comment?.tiptap_body?.body as TipTapNode | undefined;
  if (root && typeof root === 'object' && root.type === 'doc' && Array.isArray(root.content)) {
    const hasContent = JSON.stringify(root.content).includes('"type"');
    return hasContent ? { root, html: '' } : null;
  }
  if (typeof comment?.body === 'string' && comment.body.trim() !== '') {
    return { root: null, html: comment.body };
  }
  return null;
}

function setLike(record: Post | Comment, liked: boolean, db: SandboxDb): void {
  if (record.is_liked === liked) return;
  record.is_liked = liked;
  record.user_likes_count = Math.max(0, record.user_likes_count + (liked ? 1 : -1));

  if ('first_liked_by' in record && Array.isArray(record.first_liked_by)) {
    const me = db.currentMemberId;
    const others = record.first_liked_by.filter(
      (author) => (author as { community_member_id?: number }).community_member_id !== me,
    );
    const mine = memberById(db, me)!;
    record.first_liked_by = liked ? [authorOf(mine), ...others].slice(0, 3) : others;
  }
}

/** Circle's answer when a member may not change a record. */
const notAllowed = () => failure(401, 'You cannot perform this action.');

/** A top-level comment of a post, or the 404 Circle would send. */
function findTopLevel(db: SandboxDb, postId: string, id: string): Comment | Response {
  const post = findById(db.posts, postId);
  if (!post) return notFound('post');
  const comment = findById(db.comments, id);
  if (!comment || comment.post_id !== post.id || comment.parent_comment_id !== null) {
    return notFound('comment');
  }
  return comment;
}

/** A reply in a comment's thread, or the 404 Circle would send. */
function findReply(db: SandboxDb, parentId: string, id: string): Comment | Response {
  const parent = findById(db.comments, parentId);
  const reply = findById(db.comments, id);
  if (!parent || !reply || reply.parent_comment_id !== parent.id) return notFound('comment');
  return reply;
}

/** Replaces a comment's body with the sent one, when its author asks. */
function editComment(
  db: SandboxDb,
  comment: Comment,
  json: Record<string, unknown> | null,
  failedMessage: string,
): Response {
  if (!comment.policies?.can_edit) return notAllowed();
  const input = commentInput(json);
  if (!input) return failure(400, failedMessage, { body: ["can't be blank"] });

  if (input.root) {
    const rendered = richBody(db, input.root, 'comment');
    comment.tiptap_body = rendered.tiptap_body;
    comment.body = rendered.body;
    comment.body_text = rendered.plain;
    comment.editor = 'tiptap';
  } else {
    comment.tiptap_body = null;
    comment.body = { attachments: {}, attachments_array: [], html: input.html };
    comment.body_text = input.html.replace(/<[^>]*>/g, '');
    comment.editor = 'trix';
  }
  comment.updated_at = new Date().toISOString();
  return HttpResponse.json(comment);
}

/** Deletes a comment with its replies, keeping the counts right. */
function removeComment(db: SandboxDb, comment: Comment, message: string): Response {
  if (!comment.policies?.can_destroy) return notAllowed();
  const gone = new Set(
    db.comments
      .filter((candidate) => candidate === comment || candidate.parent_comment_id === comment.id)
      .map((candidate) => candidate.id),
  );
  db.comments = db.comments.filter((candidate) => !gone.has(candidate.id));

  const post = db.posts.find((candidate) => candidate.id === comment.post_id);
  if (post) post.comment_count = Math.max(0, post.comment_count - gone.size);
  const parent = db.comments.find((candidate) => candidate.id === comment.parent_comment_id);
  if (parent) syncReplies(db, parent);
  return HttpResponse.json({ success: true, message });
}

/**
 * Everyone who liked a post, as many as `user_likes_count` says: the members in
 * `first_liked_by`, the signed-in member when `is_liked`, then others picked by the post's id.
 */
function likersOf(db: SandboxDb, post: Post): Author[] {
  const me = db.currentMemberId;
  const firstIds = post.first_liked_by.map(
    (liker) => (liker as { community_member_id?: number }).community_member_id,
  );
  const ids = firstIds.filter((id): id is number => typeof id === 'number' && id !== me);
  if (post.is_liked) ids.unshift(me);

  const others = db.members.filter((member) => member.id !== me && !ids.includes(member.id));
  for (let index = 0; ids.length < post.user_likes_count && index < others.length; index += 1) {
    ids.push(others[(post.id + index) % others.length].id);
  }
  return ids.map((id) => authorOf(memberById(db, id)!));
}

const PREFERENCE_MEDIUMS = ['in_app', 'push', 'mobile'];
const PREFERENCE_TYPES = [
  'post_comment',
  'comment_reply',
  'mention',
  'direct_messages',
  'post_like',
  'comment_like',
  'new_course_content',
];
const SPACE_CHOICES = ['all', 'never', 'mention'];
const PREFERENCE_CHANGED = {
  success: true,
  message: 'Notification preference changed successfully',
};

/** Circle's 400 for a parameter value it does not support (its `page_name` wording). */
const unsupported = (name: string, supported: string[]): Response =>
  failure(400, `Unsupported ${name} param, supported values are ${supported.join(', ')}`);

/** A required query parameter's value, or the 400 Circle sends when it is missing or unknown. */
function requiredParam(url: URL, name: string, supported: string[]): string | Response {
  const value = url.searchParams.get(name);
  if (!value) return failure(400, `param is missing or the value is empty: ${name}`);
  return supported.includes(value) ? value : unsupported(name, supported);
}

/** One medium's notification settings; `push` and `mobile` are the same ones. */
function preferencesFor(db: SandboxDb, medium: string): NotificationSettings | undefined {
  if (medium === 'in_app') return db.notificationPreferences.in_app;
  if (medium === 'push' || medium === 'mobile') return db.notificationPreferences.mobile;
  return undefined;
}

/** All Member API handlers; each checks the bearer token first. */
export function memberApiRoutes(context: RouteContext): HttpHandler[] {
  const route = (
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    handle: Route,
  ) =>
    http[method](`${context.memberApi}${path}`, async ({ request, params }) => {
      const denied = context.authenticate(request);
      if (denied) return denied;
      const flat: Record<string, string> = {};
      for (const [key, value] of Object.entries(params as Params)) flat[key] = String(value);
      return handle({ request, url: new URL(request.url), params: flat, db: context.db() });
    });
  const nowMs = () => context.clock().getTime();

  const findPost = (db: SandboxDb, id: string) => findById(db.posts, id);
  const findComment = (db: SandboxDb, id: string) => findById(db.comments, id);
  const findNotification = (db: SandboxDb, id: string) => findById(db.notifications, id);
  const findSpace = (db: SandboxDb, key: string) =>
    findById(db.spaces, key) ?? db.spaces.find((space) => space.slug === key);

  return [
    // Feed and posts.
    route('get', '/home', ({ url, db }) => {
      const requested = url.searchParams.get('sort') ?? 'latest';
      const sort = POST_SORTS.includes(requested) ? requested : 'latest';
      const posts = db.posts.filter((post) => post.status === 'published');
      const envelope = paginate(url, posts.sort(postSorter(db, sort)), 10);
      return HttpResponse.json({ ...envelope, sort });
    }),

    route('get', '/spaces', ({ db }) => HttpResponse.json(db.spaces)),

    route('get', '/spaces/:id', ({ params, db }) => {
      const space = findById(db.spaces, params.id);
      return space ? HttpResponse.json(space) : notFound('space');
    }),

    route('get', '/spaces/:space_id/posts', ({ url, params, db }) => {
      const space = findSpace(db, params.space_id);
      if (!space) return notFound('space');

      const requested = url.searchParams.get('sort') ?? 'latest';
      const sort = POST_SORTS.includes(requested) ? requested : 'latest';
      let posts = db.posts.filter((post) => post.space.id === space.id);
      if (url.searchParams.get('status') === 'draft') posts = [];

      const topicIds = [
        ...url.searchParams.getAll('topics[]'),
        ...url.searchParams.getAll('topics'),
      ]
        .flatMap((value) => value.split(','))
        .map(Number);
      if (topicIds.length > 0) {
        posts = posts.filter((post) =>
          post.topics.some((topic) => topicIds.includes(topic.id ?? 0)),
        );
      }
      const postIds = [
        ...url.searchParams.getAll('post_ids[]'),
        ...url.searchParams.getAll('post_ids'),
      ]
        .flatMap((value) => value.split(','))
        .map(Number);
      if (postIds.length > 0) posts = posts.filter((post) => postIds.includes(post.id));

      // Event spaces list upcoming events; `past_events=true` lists past ones instead, as
      // /community_events does (the spec only says "Include past events").
      if (space.space_type === 'event' && !url.searchParams.has('sort')) {
        posts = eventWindow(posts, url.searchParams.get('past_events') === 'true', nowMs());
      } else {
        const sorter = postSorter(db, sort);
        const pinnedFirst = sort === 'latest';
        posts = [...posts].sort(
          (a, b) =>
            (pinnedFirst
              ? Number(b.is_pinned_at_top_of_space) - Number(a.is_pinned_at_top_of_space)
              : 0) || sorter(a, b),
        );
      }
      return HttpResponse.json({ ...paginate(url, posts, 10), sort });
    }),

    route('get', '/spaces/:space_id/posts/:id', ({ params, db }) => {
      const space = findSpace(db, params.space_id);
      if (!space) return notFound('space');
      const post =
        findById(db.posts, params.id) ?? db.posts.find((candidate) => candidate.slug === params.id);
      if (!post || post.space.id !== space.id) return notFound('post');
      return HttpResponse.json(post);
    }),

    // A member's published posts, newest first (the spec gives this route no sort).
    route('get', '/community_members/:community_member_id/posts', ({ url, params, db }) => {
      const member = findById(db.members, params.community_member_id);
      if (!member) return notFound('community_member');
      const posts = db.posts
        .filter((post) => post.status === 'published')
        .filter((post) => post.author.community_member_id === member.id)
        .sort(byNewest);
      return HttpResponse.json({ ...paginate(url, posts, 10), sort: 'latest' });
    }),

    // Likes.
    route('post', '/posts/:post_id/user_likes', ({ params, db }) => {
      const post = findPost(db, params.post_id);
      if (!post) return notFound('post');
      setLike(post, true, db);
      return HttpResponse.json({ success: true, message: 'Post has been liked' });
    }),
    route('delete', '/posts/:post_id/user_likes', ({ params, db }) => {
      const post = findPost(db, params.post_id);
      if (!post) return notFound('post');
      setLike(post, false, db);
      return HttpResponse.json({ success: true, message: 'Post has been unliked' });
    }),
    route('post', '/comments/:comment_id/user_likes', ({ params, db }) => {
      const comment = findComment(db, params.comment_id);
      if (!comment) return notFound('comment');
      setLike(comment, true, db);
      return HttpResponse.json({ success: true, message: 'Comment has been liked' });
    }),
    route('delete', '/comments/:comment_id/user_likes', ({ params, db }) => {
      const comment = findComment(db, params.comment_id);
      if (!comment) return notFound('comment');
      setLike(comment, false, db);
      return HttpResponse.json({ success: true, message: 'Comment has been unliked' });
    }),

    // Comments and replies. Circle's example omits `sort` from these envelopes.
    route('get', '/posts/:post_id/comments', ({ url, params, db }) => {
      const post = findPost(db, params.post_id);
      if (!post) return notFound('post');
      const requested = url.searchParams.get('sort') ?? 'oldest';
      const sort = COMMENT_SORTS.includes(requested) ? requested : 'oldest';
      const comments = db.comments
        .filter((comment) => comment.post_id === post.id && comment.parent_comment_id === null)
        .sort(commentSorter(sort));
      return HttpResponse.json(paginate(url, comments, 60));
    }),
    route('post', '/posts/:post_id/comments', async ({ request, params, db }) => {
      const post = findPost(db, params.post_id);
      if (!post) return notFound('post');
      const input = commentInput(await readJson(request));
      if (!input) return failure(400, 'Failed to create comment!', { body: ["can't be blank"] });

      const me = memberById(db, db.currentMemberId)!;
      const comment = addComment(
        db,
        null,
        post,
        me,
        nowMs(),
        null,
        undefined,
        input.root,
        input.html,
      );
      post.comment_count += 1;
      return HttpResponse.json(comment, { status: 201 });
    }),
    route('get', '/comments/:comment_id/replies', ({ url, params, db }) => {
      const parent = findComment(db, params.comment_id);
      if (!parent) return notFound('comment');
      const requested = url.searchParams.get('sort') ?? 'oldest';
      const sort = COMMENT_SORTS.includes(requested) ? requested : 'oldest';
      const replies = db.comments
        .filter((comment) => comment.parent_comment_id === parent.id)
        .sort(commentSorter(sort));
      return HttpResponse.json(paginate(url, replies, 60));
    }),
    route('post', '/comments/:comment_id/replies', async ({ request, params, db }) => {
      const target = findComment(db, params.comment_id);
      if (!target) return notFound('comment');
      const input = commentInput(await readJson(request));
      if (!input) return failure(400, 'Failed to create reply!', { body: ["can't be blank"] });

      // Threads are one level deep: a reply to a reply joins the same thread.
      const parent = findById(db.comments, String(target.parent_comment_id ?? target.id))!;
      const post = findPost(db, String(parent.post_id))!;
      const me = memberById(db, db.currentMemberId)!;
      const reply = addComment(
        db,
        null,
        post,
        me,
        nowMs(),
        parent,
        undefined,
        input.root,
        input.html,
      );
      syncReplies(db, parent);
      post.comment_count += 1;
      return HttpResponse.json(reply, { status: 201 });
    }),
    route('get', '/posts/:post_id/comments/:id', ({ params, db }) => {
      const comment = findTopLevel(db, params.post_id, params.id);
      return comment instanceof Response ? comment : HttpResponse.json(comment);
    }),
    route('patch', '/posts/:post_id/comments/:id', async ({ request, params, db }) => {
      const comment = findTopLevel(db, params.post_id, params.id);
      if (comment instanceof Response) return comment;
      return editComment(db, comment, await readJson(request), 'Failed to update comment!');
    }),
    route('delete', '/posts/:post_id/comments/:id', ({ params, db }) => {
      const comment = findTopLevel(db, params.post_id, params.id);
      if (comment instanceof Response) return comment;
      return removeComment(db, comment, 'This comment has been removed from the post.');
    }),
    route('get', '/comments/:comment_id/replies/:id', ({ params, db }) => {
      const reply = findReply(db, params.comment_id, params.id);
      return reply instanceof Response ? reply : HttpResponse.json(reply);
    }),
    route('patch', '/comments/:comment_id/replies/:id', async ({ request, params, db }) => {
      const reply = findReply(db, params.comment_id, params.id);
      if (reply instanceof Response) return reply;
      return editComment(db, reply, await readJson(request), 'Failed to update reply!');
    }),
    route('delete', '/comments/:comment_id/replies/:id', ({ params, db }) => {
      const reply = findReply(db, params.comment_id, params.id);
      if (reply instanceof Response) return reply;
      return removeComment(db, reply, 'This reply has been removed from the comment.');
    }),

    // Who liked a post: `shared_community_member` records, with `page_count` (Circle's example).
    route('get', '/posts/:post_id/user_likes', ({ url, params, db }) => {
      const post = findPost(db, params.post_id);
      if (!post) return notFound('post');
      return HttpResponse.json(paginate(url, likersOf(db, post), 10, true));
    }),

    // Bookmarks.
    route('post', '/bookmarks', async ({ request, db }) => {
      const json = await readJson(request);
      const type = json?.bookmark_type;
      const recordId = json?.record_id;
      if ((type !== 'post' && type !== 'comment') || typeof recordId !== 'number') {
        return failure(400, 'Failed to create bookmark!', { record_id: ["can't be blank"] });
      }
      const record =
        type === 'post' ? findPost(db, String(recordId)) : findComment(db, String(recordId));
      if (!record) return notFound(type);

      const existing = db.bookmarks.find((bookmark) => bookmark.id === record.bookmark_id);
      const bookmark = existing ?? addBookmark(db, type, record, nowMs());
      return HttpResponse.json(bookmark, { status: 201 });
    }),
    route('delete', '/bookmarks/:id', ({ params, db }) => {
      const bookmark = findById(db.bookmarks, params.id);
      if (!bookmark) return notFound('bookmark');
      db.bookmarks = db.bookmarks.filter((candidate) => candidate !== bookmark);
      const records: (Post | Comment)[] = [...db.posts, ...db.comments];
      for (const record of records)
        if (record.bookmark_id === bookmark.id) record.bookmark_id = null;
      return new HttpResponse(null, { status: 204 });
    }),

    // Events.
    route('get', '/community_events', ({ url, db }) => {
      let events = db.posts.filter((post) => post.post_type === 'event');
      const from = url.searchParams.get('filter_date[start_date]');
      const to = url.searchParams.get('filter_date[end_date]');
      // Dates are read as UTC days; an event matches when it overlaps the range.
      if (from) events = events.filter((post) => endsAt(post) > time(`${from}T00:00:00Z`));
      if (to)
        events = events.filter((post) => startsAt(post) < time(`${to}T00:00:00Z`) + 86_400_000);

      const past = url.searchParams.get('past_events');
      if (past === null && (from || to)) events.sort((a, b) => startsAt(a) - startsAt(b));
      else events = eventWindow(events, past === 'true', nowMs());
      // Circle's example labels this envelope `sort: "latest"`.
      return HttpResponse.json({ ...paginate(url, events, 10), sort: 'latest' });
    }),

    route('post', '/events/:event_id/event_attendees', ({ params, db }) => {
      const post = findPost(db, params.event_id);
      if (!post?.event_setting_attributes) return notFound('event');
      const result = rsvp(db, post, nowMs());
      return result instanceof Response ? result : HttpResponse.json(result);
    }),
    route('delete', '/events/:event_id/event_attendees', ({ params, db }) => {
      const post = findPost(db, params.event_id);
      if (!post?.event_setting_attributes) return notFound('event');
      const attendees = db.eventAttendees.get(post.id) ?? [];
      const mine = attendees.find((a) => a.community_member_id === db.currentMemberId);
      if (!mine) return notFound('event_attendee');

      db.eventAttendees.set(
        post.id,
        attendees.filter((attendee) => attendee !== mine),
      );
      syncEventRsvp(db, post);
      // As in Circle's example, the cancelled record comes back without contact fields.
      const { contact_id: _contactId, contact_type: _contactType, ...cancelled } = mine;
      return HttpResponse.json({ ...cancelled, rsvp_date: iso(nowMs()), rsvp_status: 'no' });
    }),
    route('get', '/events/:event_id/event_attendees', ({ url, params, db }) => {
      const post = findPost(db, params.event_id);
      if (!post?.event_setting_attributes) return notFound('event');
      const hidden = post.event_setting_attributes.hide_attendees;
      const attendees = hidden ? [] : [...(db.eventAttendees.get(post.id) ?? [])].reverse();
      return HttpResponse.json({ ...paginate(url, attendees, 10, true), meta: {} });
    }),

    route('get', '/spaces/:space_id/events/:event_id/recurring_events', ({ url, params, db }) => {
      const space = findById(db.spaces, params.space_id);
      if (!space) return notFound('space');
      const post = findPost(db, params.event_id);
      if (!post?.event_setting_attributes || post.space.id !== space.id) return notFound('event');

      // The other occurrences of the series that have not ended yet.
      const series = db.recurringSeries.find((record) => record.eventIds.includes(post.id));
      const occurrences = (series?.eventIds ?? [])
        .filter((id) => id !== post.id)
        .map((id) => findById(db.posts, String(id))!)
        .filter((occurrence) => endsAt(occurrence) > nowMs())
        .sort((a, b) => startsAt(a) - startsAt(b))
        .map((occurrence) => {
          const starts = new Date(startsAt(occurrence));
          return {
            id: occurrence.id,
            name: occurrence.name ?? '',
            starts_at: occurrence.event_setting_attributes!.starts_at,
            ends_at: occurrence.event_setting_attributes!.ends_at,
            start_date: rubyStartDate(starts, series!.timeZone),
            time_zone_abbreviations: zoneAbbreviation(starts, series!.timeZone),
            time_zone: series!.timeZone,
            rsvped_event: occurrence.rsvped_event ?? false,
            rsvp_limit: occurrence.event_setting_attributes!.rsvp_limit ?? null,
            rsvp_count: occurrence.event_setting_attributes!.rsvp_count ?? 0,
          };
        });
      return HttpResponse.json({ ...paginate(url, occurrences, 10, true), meta: {} });
    }),
    route('put', '/spaces/:space_id/events/:event_id/recurring_events/rsvp', async (call) => {
      const { params, db } = call;
      const space = findById(db.spaces, params.space_id);
      if (!space) return notFound('space');
      const post = findPost(db, params.event_id);
      if (!post?.event_setting_attributes || post.space.id !== space.id) return notFound('event');

      const json = await readJson(call.request);
      const ids = json?.event_ids;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every(Number.isInteger)) {
        return failure(400, 'param is missing or the value is empty: event_ids');
      }
      const series = db.recurringSeries.find((record) => record.eventIds.includes(post.id));
      const targets = (ids as number[]).map((id) =>
        series?.eventIds.includes(id) ? findById(db.posts, String(id)) : undefined,
      );
      if (targets.some((target) => !target)) return notFound('event');

      for (const target of targets) {
        const result = rsvp(db, target!, nowMs());
        if (result instanceof Response) return result;
      }
      const count = targets.length;
      return HttpResponse.json({
        message:
          `You’ve RSVP’d to ${count} event${count === 1 ? '' : 's'}. ` +
          'We’ll send you a reminder before an event starts.',
      });
    }),

    // Notifications.
    route('get', '/notifications', ({ url, db }) => {
      const status = url.searchParams.get('status');
      let notifications = db.notifications.filter((n) => !db.archivedNotificationIds.has(n.id));
      if (status === 'read') notifications = notifications.filter((n) => n.read_at !== null);
      if (status === 'unread') notifications = notifications.filter((n) => n.read_at === null);
      const oldestFirst = url.searchParams.get('sort') === 'oldest';
      notifications.sort((a, b) => (oldestFirst ? a.id - b.id : b.id - a.id));
      return HttpResponse.json(paginate(url, notifications, 20, true));
    }),
    route('get', '/notifications/new_notifications_count', ({ db }) =>
      HttpResponse.json({ ...db.counts }),
    ),
    route('post', '/notifications/reset_new_notifications_count', ({ db }) => {
      db.counts.new_notifications_count = 0;
      db.counts.new_mentions_count = 0;
      return HttpResponse.json({ new_notifications_count: 0 });
    }),
    route('post', '/notifications/mark_all_as_read', async ({ request, db }) => {
      const json = (await readJson(request)) ?? {};
      const type = typeof json.notification_type === 'string' ? json.notification_type : null;
      const parent = json.parent_notifiable as { type?: string; id?: number } | undefined;
      const matches = (n: Notification) =>
        (!type || n.notifiable_type.toLowerCase() === type.toLowerCase() || n.action === type) &&
        (!parent?.id ||
          (n.notifiable_type === parent.type && n.notifiable_id === parent.id) ||
          (parent.type === 'Post' && n.notifiable.post_id === parent.id));
      const readAt = iso(nowMs());
      for (const n of db.notifications) if (n.read_at === null && matches(n)) n.read_at = readAt;
      // The spec's example body is null: answer 200 with no body.
      return new HttpResponse(null, { status: 200 });
    }),
    route('post', '/notifications/:id/mark_as_read', ({ params, db }) => {
      const notification = findNotification(db, params.id);
      if (!notification) return notFound('notification');
      notification.read_at ??= iso(nowMs());
      return HttpResponse.json(notification);
    }),
    route('post', '/notifications/:id/archive', ({ params, db }) => {
      const notification = findNotification(db, params.id);
      if (!notification) return notFound('notification');
      db.archivedNotificationIds.add(notification.id);
      return HttpResponse.json(notification);
    }),
    route('delete', '/notifications/:id', ({ params, db }) => {
      const notification = findNotification(db, params.id);
      if (!notification) return notFound('notification');
      db.notifications = db.notifications.filter((candidate) => candidate !== notification);
      return HttpResponse.json(notification);
    }),

    // Notification preferences. Circle reads `push` as `mobile`; settings change in place.
    route('get', '/notification_preferences/:medium', ({ params, db }) => {
      const settings = preferencesFor(db, params.medium);
      if (!settings) return unsupported('medium', PREFERENCE_MEDIUMS);
      return HttpResponse.json({
        notification_preference: settings.types.map(({ record }) => ({ ...record })),
        space_preferences: settings.spaces.map((preference) => ({ ...preference })),
      });
    }),
    route('put', '/notification_preferences/:medium', ({ url, params, db }) => {
      const settings = preferencesFor(db, params.medium);
      if (!settings) return unsupported('medium', PREFERENCE_MEDIUMS);
      const type = requiredParam(url, 'type', PREFERENCE_TYPES);
      if (type instanceof Response) return type;
      const enabled = requiredParam(url, 'enabled', ['true', 'false']);
      if (enabled instanceof Response) return enabled;

      const setting = settings.types.find((candidate) => candidate.key === type);
      if (!setting) return notFound('notification_preference');
      setting.record.enabled = enabled === 'true';
      return HttpResponse.json(PREFERENCE_CHANGED);
    }),
    route('put', '/notification_preferences/:medium/spaces', ({ url, params, db }) => {
      const settings = preferencesFor(db, params.medium);
      if (!settings) return unsupported('medium', PREFERENCE_MEDIUMS);
      const choice = requiredParam(url, 'choice', SPACE_CHOICES);
      if (choice instanceof Response) return choice;

      for (const preference of settings.spaces) preference.choice = choice;
      return HttpResponse.json(PREFERENCE_CHANGED);
    }),
    route('put', '/notification_preferences/:medium/spaces/:id', ({ url, params, db }) => {
      const settings = preferencesFor(db, params.medium);
      if (!settings) return unsupported('medium', PREFERENCE_MEDIUMS);
      const preference = findById(settings.spaces, params.id);
      if (!preference) return notFound('space_member');
      const choice = requiredParam(url, 'choice', SPACE_CHOICES);
      if (choice instanceof Response) return choice;

      preference.choice = choice;
      return HttpResponse.json(PREFERENCE_CHANGED);
    }),
    route('get', '/notification_preferences/space_members/:id', ({ params, db }) => {
      const { in_app: inApp, mobile } = db.notificationPreferences;
      const preference = findById(inApp.spaces, params.id);
      if (!preference) return notFound('space_member');
      const push = findById(mobile.spaces, params.id)?.choice ?? 'all';
      return HttpResponse.json({ in_app: preference.choice, push });
    }),

    // The signed-in member.
    route('get', '/community_member', ({ db }) => HttpResponse.json(currentMemberProfile(db))),
  ];
}
