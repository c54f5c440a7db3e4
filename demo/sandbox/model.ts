/**
 * The sandbox's record types and the helpers that keep records consistent. Records are stored in
 * the Member API's response shapes, so handlers return them as they are and tests can read or
 * change them directly.
 */
import type { components } from '../../src/api/schema.js';
import { commentBody } from './bodies.js';
import type { Random } from './bodies.js';
import { mentionedSgids, toHtml, toPlainText } from './tiptap.js';
import type { TipTapNode } from './tiptap.js';

export type Schemas = components['schemas'];
export type WithRequired<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

/** Where the community's own pages live (used in `url` and `action_web_url`). */
export const COMMUNITY_URL = 'https://community.example.com';
export const COMMUNITY_ID = 1;
export const CURRENT_MEMBER_ID = 1;

/** A member as the sandbox keeps it; API shapes are derived from it. */
export interface SandboxMember {
  id: number;
  user_id: number;
  public_uid: string;
  name: string;
  headline: string;
  bio: string;
  email: string;
  location: string;
  avatar_url: string;
  rich_text_field_sgid: string;
  admin: boolean;
  moderator: boolean;
}

/**
 * `shared_community_member` as Circle's examples show it: `id` is the user id and
 * `community_member_id` (missing from the schema) is the member id; `roles` is a string array.
 */
export type Author = WithRequired<
  Schemas['shared_community_member'],
  'id' | 'name' | 'avatar_url' | 'rich_text_field_sgid'
> & { community_member_id: number };

/** Circle's examples carry `lockscreen_site_page_url`, which the schema lacks. */
export type Space = WithRequired<Schemas['space'], 'id' | 'name' | 'slug' | 'space_type'> & {
  lockscreen_site_page_url: string | null;
};

/**
 * `tiptap_body` with the document typed as TipTap nodes (the generated type reads the spec's
 * `items: { type: object }` as an empty record, which no real node fits).
 */
export type RichTextBody = Omit<NonNullable<Schemas['basic_post']['tiptap_body']>, 'body'> & {
  body: TipTapNode;
};

export type Post = WithRequired<
  Omit<Schemas['event_post'], 'tiptap_body'>,
  | 'id'
  | 'name'
  | 'slug'
  | 'post_type'
  | 'created_at'
  | 'comment_count'
  | 'user_likes_count'
  | 'is_liked'
  | 'bookmark_id'
  | 'first_liked_by'
  | 'is_pinned_at_top_of_space'
  | 'url'
  | 'topics'
> & {
  space: WithRequired<NonNullable<Schemas['basic_post']['space']>, 'id' | 'slug' | 'name'>;
  author: Author;
  tiptap_body?: RichTextBody | null;
  /** Image-gallery posts (`post_type: 'image'`) only, as in `image_post`. */
  gallery?: NonNullable<Extract<Schemas['image_post'], { gallery?: unknown }>['gallery']>;
};

export type Comment = WithRequired<
  Omit<Schemas['comment'], 'tiptap_body' | 'replies'>,
  | 'id'
  | 'post_id'
  | 'parent_comment_id'
  | 'created_at'
  | 'updated_at'
  | 'community_member_id'
  | 'replies_count'
  | 'user_likes_count'
  | 'is_liked'
  | 'bookmark_id'
> & { author: Author; replies: Comment[]; tiptap_body?: RichTextBody | null };

/** Circle's example says `bookmark_type` where the schema says `bookmarkable_type`. */
export type Bookmark = WithRequired<
  Omit<Schemas['bookmark'], 'bookmarkable_type'>,
  'id' | 'record_id'
> & {
  bookmark_type: 'post' | 'comment';
};

export type EventAttendee = WithRequired<
  Schemas['event_attendee'],
  'id' | 'community_member_id' | 'rsvp_status' | 'name' | 'rsvp_date'
>;

/** Circle's examples add `second_actor_*` and `notifiable.post_id`, which the schema lacks. */
export type Notification = WithRequired<
  Schemas['notification'],
  'id' | 'created_at' | 'read_at' | 'notifiable_type' | 'notifiable_id' | 'action'
> & {
  second_actor_name: string | null;
  second_actor_image: string | null;
  notifiable: {
    id: number;
    community_id: number;
    space_id: number;
    post_id?: number;
    parent_comment_id?: number | null;
  };
};

/** The notification mediums the sandbox keeps; Circle reads `push` as `mobile`. */
export type NotificationMedium = 'in_app' | 'mobile';

/** A `notification_preference` record as the GET answers it. */
export type NotificationPreference = WithRequired<
  Schemas['notification_preference'],
  'type' | 'name' | 'enabled'
>;

/** A `space_preference` record; `id` is the member's space member id for that space. */
export type SpacePreference = WithRequired<
  Schemas['space_preference'],
  'id' | 'space_id' | 'space_name' | 'choice' | 'is_chat_space'
>;

/** One medium's settings: each type keeps the key the PUT takes (null where it takes none). */
export interface NotificationSettings {
  types: { key: string | null; record: NotificationPreference }[];
  spaces: SpacePreference[];
}

/** One recurring series: each occurrence is its own event post. */
export interface RecurringSeries {
  id: number;
  timeZone: string;
  eventIds: number[];
}

/** The whole in-memory community. */
export interface SandboxDb {
  now: Date;
  currentMemberId: number;
  members: SandboxMember[];
  spaces: Space[];
  posts: Post[];
  /** Top-level comments and replies together (replies have `parent_comment_id`). */
  comments: Comment[];
  bookmarks: Bookmark[];
  /** Attendees with `rsvp_status: 'yes'`, by event (post) id. */
  eventAttendees: Map<number, EventAttendee[]>;
  recurringSeries: RecurringSeries[];
  notifications: Notification[];
  archivedNotificationIds: Set<number>;
  /** The signed-in member's notification preferences, by medium. */
  notificationPreferences: Record<NotificationMedium, NotificationSettings>;
  counts: { new_notifications_count: number; new_mentions_count: number; new_inbox_count: number };
  lastIds: {
    post: number;
    comment: number;
    bookmark: number;
    attendee: number;
    notification: number;
  };
}

/** The next id of a kind. */
export function nextId(db: SandboxDb, kind: keyof SandboxDb['lastIds']): number {
  db.lastIds[kind] += 1;
  return db.lastIds[kind];
}

export function memberById(db: SandboxDb, id: number): SandboxMember | undefined {
  return db.members.find((member) => member.id === id);
}

/** A member in the `shared_community_member` shape. */
export function authorOf(member: SandboxMember): Author {
  return {
    id: member.user_id,
    community_member_id: member.id,
    name: member.name,
    headline: member.headline,
    avatar_url: member.avatar_url,
    roles: member.admin ? ['admin'] : member.moderator ? ['moderator'] : [],
    rich_text_field_sgid: member.rich_text_field_sgid,
    member_tags: [],
  };
}

/** `tiptap_body`, `body` and plain text for a TipTap document. */
export function richBody(db: SandboxDb, root: TipTapNode, format: 'post' | 'comment') {
  const sgids = mentionedSgids(root);
  const mentioned = db.members.filter((member) => sgids.includes(member.rich_text_field_sgid));
  const plain = toPlainText(root, mentioned);
  return {
    tiptap_body: {
      body: root,
      circle_ios_fallback_text: plain,
      attachments: [],
      inline_attachments: [],
      sgids_to_object_map: {},
      format,
      community_members: mentioned.map(authorOf),
      entities: [],
      group_mentions: [],
      polls: [],
    },
    body: { attachments: {}, attachments_array: [], html: toHtml(root, mentioned) },
    plain,
  };
}

/** Refreshes an event post's RSVP fields from its attendee list. */
export function syncEventRsvp(db: SandboxDb, post: Post): void {
  const settings = post.event_setting_attributes;
  if (!settings) return;

  const attendees = db.eventAttendees.get(post.id) ?? [];
  const mine = attendees.some((attendee) => attendee.community_member_id === db.currentMemberId);
  settings.rsvp_count = attendees.length;
  post.rsvped_event = mine;
  if (mine) post.rsvp_status = 'yes';
  else if (post.rsvp_status === 'yes') post.rsvp_status = 'no';
  post.event_attendees = settings.hide_attendees
    ? { records: [], count: 0 }
    : { records: attendees.slice(0, 6), count: attendees.length };
}

/** Refreshes a top-level comment's `replies` preview and `replies_count`. */
export function syncReplies(db: SandboxDb, comment: Comment): void {
  const replies = db.comments.filter((reply) => reply.parent_comment_id === comment.id);
  comment.replies_count = replies.length;
  comment.replies = replies.slice(0, 3);
}

/** An ISO timestamp for epoch milliseconds. */
export const iso = (time: number): string => new Date(time).toISOString();

/** Creates a comment or reply record (used by the generator and by the POST handlers). */
export function addComment(
  db: SandboxDb,
  rng: Random | null,
  post: Post,
  author: SandboxMember,
  createdAt: number,
  parent: Comment | null,
  replyTo?: SandboxMember,
  root?: TipTapNode | null,
  html?: string,
): Comment {
  // Generated comments are mostly TipTap, some trix-era (tiptap_body null) like Circle's example.
  let document: TipTapNode | null = root ?? null;
  if (root === undefined && rng) document = rng.chance(0.15) ? null : commentBody(rng, replyTo);
  const rendered = document ? richBody(db, document, 'comment') : null;
  const plainHtml = html ?? (rng ? rng.pick(['Nice one!', 'Thanks for sharing.', '+1']) : '');
  const plainText = plainHtml.replace(/<[^>]*>/g, '');
  const likes = rng ? Math.floor(rng.next() ** 2 * 9) : 0;
  const liked = rng !== null && author.id !== db.currentMemberId && rng.chance(0.15);
  const comment: Comment = {
    id: nextId(db, 'comment'),
    user_id: author.user_id,
    post_id: post.id,
    user_likes_count: likes + (liked ? 1 : 0),
    created_at: iso(createdAt),
    updated_at: iso(createdAt),
    parent_comment_id: parent ? parent.id : null,
    replies_count: 0,
    removed_at: null,
    community_member_id: author.id,
    editor: rendered ? 'tiptap' : 'trix',
    ...(post.topics[0]?.id ? { topic_id: post.topics[0].id } : {}),
    space_id: post.space.id,
    post_name: post.name ?? '',
    body: rendered ? rendered.body : { attachments: {}, attachments_array: [], html: plainHtml },
    tiptap_body: rendered ? rendered.tiptap_body : null,
    body_text: rendered ? rendered.plain : plainText,
    is_liked: liked,
    bookmark_id: null,
    flagged_for_approval_at: null,
    unresolved_flagged_reports_count: 0,
    author: authorOf(author),
    policies: {
      can_bookmark: true,
      can_destroy: author.id === db.currentMemberId,
      can_edit: author.id === db.currentMemberId,
      can_manage: false,
      can_report: author.id !== db.currentMemberId,
    },
    replies: [],
  };
  db.comments.push(comment);
  return comment;
}

/** Creates a bookmark of the signed-in member (used by the generator and the POST handler). */
export function addBookmark(
  db: SandboxDb,
  type: 'post' | 'comment',
  record: Post | Comment,
  createdAt: number,
): Bookmark {
  const post =
    type === 'post'
      ? (record as Post)
      : db.posts.find((p) => p.id === (record as Comment).post_id)!;
  const author = memberById(db, record.author.community_member_id)!;
  const bookmark: Bookmark = {
    id: nextId(db, 'bookmark'),
    record_id: record.id,
    bookmark_type: type,
    created_at: iso(createdAt),
    community_id: COMMUNITY_ID,
    community_member_id: db.currentMemberId,
    bookmark_record: {
      id: record.id,
      name: post.name ?? '',
      slug: post.slug,
      created_at: record.created_at,
      url: type === 'post' ? post.url : `${post.url}#comment_wrapper_${record.id}`,
      body: type === 'post' ? (post.body_plain_text ?? '') : ((record as Comment).body_text ?? ''),
      attachment_count: 0,
      author: { name: author.name, avatar_url: author.avatar_url, community_member_id: author.id },
      space: { ...post.space },
    },
    is_deleted: false,
  };
  db.bookmarks.push(bookmark);
  record.bookmark_id = bookmark.id;
  return bookmark;
}

/** The signed-in member in the `current_community_member` shape. */
export function currentMemberProfile(db: SandboxDb) {
  const me = memberById(db, db.currentMemberId)!;
  return {
    id: me.id,
    user_id: me.user_id,
    public_uid: me.public_uid,
    // Circle's example includes `email`, which the schema lacks.
    email: me.email,
    name: me.name,
    avatar_url: me.avatar_url,
    large_avatar_url: me.avatar_url,
    bio: me.bio,
    headline: me.headline,
    posts_count: db.posts.filter((post) => post.author.community_member_id === me.id).length,
    comments_count: db.comments.filter((comment) => comment.community_member_id === me.id).length,
    spaces_count: db.spaces.filter((space) => space.is_member).length,
    bookmarks_count: db.bookmarks.length,
    default_space_id: db.spaces[0]?.id ?? 0,
    active: true,
    profile_info: {
      website: 'https://alex.example.com',
      location: me.location,
      twitter_url: '',
      facebook_url: '',
      instagram_url: '',
      linkedin_url: '',
    },
    roles: { admin: me.admin, moderator: me.moderator },
    features: {
      messaging_enabled: true,
      can_create_live_streams: false,
      display_home_page: true,
      profile_fields_feature_flag_enabled: false,
      voice_messages_enabled: false,
      chat_reactions_enabled: true,
      tiptap_webview_editor_enabled: true,
    },
    mobile_home_segments: [
      { id: 1, kind: 'feed', name: null },
      { id: 2, kind: 'spaces', name: null },
      { id: 3, kind: 'events', name: null },
    ],
    live_stream_limits: {
      live_stream_max_host_capacity: 30,
      live_stream_max_spectator_capacity: 100,
      live_room_participants_capacity: 30,
      live_stream_monthly_stream_hours: 20,
      live_stream_recording_hours: 50,
    },
    profile_fields: { visible: [], not_visible: [] },
    member_tags: [],
  };
}

// Compile-time check that the stored records still fit the spec's response types.
type Fits<Record, Spec> = Record extends Spec ? true : never;
const recordsFitTheSpec: [
  Fits<Omit<Post, 'tiptap_body'>, Omit<Schemas['event_post'], 'tiptap_body'>>,
  Fits<
    Omit<Comment, 'tiptap_body' | 'replies'>,
    Omit<Schemas['comment'], 'tiptap_body' | 'replies'>
  >,
  Fits<Space, Schemas['space']>,
  Fits<Author, Schemas['shared_community_member']>,
  Fits<EventAttendee, Schemas['event_attendee']>,
  Fits<Notification, Schemas['notification']>,
  Fits<NotificationPreference, Schemas['notification_preference']>,
  Fits<SpacePreference, Schemas['space_preference']>,
] = [true, true, true, true, true, true, true, true];
void recordsFitTheSpec;
