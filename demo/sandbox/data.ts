/**
 * The sandbox community's data: a deterministic, seeded generator that builds a lived-in
 * community relative to a given `now`.
 */
import { eventBody, postBody, Random } from './bodies.js';
import type { BodyContext } from './bodies.js';
import { EVENTS, PEOPLE, SPACES, TITLES } from './content.js';
import type { EventSeed } from './content.js';
import {
  addBookmark,
  addComment,
  authorOf,
  COMMUNITY_ID,
  COMMUNITY_URL,
  CURRENT_MEMBER_ID,
  iso,
  memberById,
  nextId,
  richBody,
  syncEventRsvp,
  syncReplies,
} from './model.js';
import type {
  EventAttendee,
  NotificationSettings,
  Post,
  RecurringSeries,
  SandboxDb,
  SandboxMember,
  Schemas,
  Space,
} from './model.js';
import { addNotifications } from './notifications.js';
import { assetUrl, imageSize } from './svg.js';
import type { TipTapNode } from './tiptap.js';
import { addDays, wallClockAt, zonedTimeToUtc } from './time.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const slugify = (value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const firstName = (name: string): string => name.split(/\s+/)[0];

function buildMembers(rng: Random): SandboxMember[] {
  return PEOPLE.map((person, index) => {
    const id = index + 1;
    const gid = `gid://makers-guild/CommunityMember/${id}?purpose=rich_text_field`;
    const ascii = slugify(person.name).replace(/-/g, '.') || `member${id}`;
    return {
      id,
      user_id: 4000 + id,
      public_uid: rng.hex(8),
      name: person.name,
      headline: person.headline,
      bio: `${person.headline}. Based in ${person.location}.`,
      email: `${ascii}@example.com`,
      location: person.location,
      avatar_url: assetUrl(`/sandbox/avatars/${id}.svg`),
      rich_text_field_sgid: `${btoa(gid)}--${rng.hex(40)}`,
      admin: person.role === 'admin',
      moderator: person.role === 'moderator',
    };
  });
}

function buildSpaces(): { spaces: Space[]; topics: Map<string, Schemas['topic'][]> } {
  const topics = new Map<string, Schemas['topic'][]>();
  let topicId = 0;
  const spaces = SPACES.map((seed, index): Space => {
    topics.set(
      seed.slug,
      seed.topics.map((name) => ({ id: ++topicId, name, admin_only: false })),
    );
    return {
      id: index + 1,
      name: seed.name,
      slug: seed.slug,
      space_group_id: seed.group === 'Start here' ? 1 : seed.group === 'Build' ? 2 : 3,
      community_id: COMMUNITY_ID,
      post_type: seed.spaceType === 'event' ? 'event' : 'basic',
      space_type: seed.spaceType,
      display_view: seed.spaceType === 'event' ? 'list' : 'posts',
      emoji: seed.emoji,
      custom_emoji_url: '',
      custom_emoji_dark_url: '',
      is_private: false,
      space_group_name: seed.group,
      url: `${COMMUNITY_URL}/c/${seed.slug}`,
      is_post_disabled: false,
      hide_post_settings: false,
      is_member: true,
      default_tab: 'posts',
      visible_tabs: { posts: true, members: true },
      default_sort: null,
      hide_sorting: false,
      show_in_spaces_segment: true,
      show_lock_icon_for_non_members: false,
      space_member_id: 100 + index + 1,
      policies: {
        can_manage_space: false,
        can_view_space: true,
        can_leave_space: seed.slug !== 'announcements',
        can_create_post: seed.slug !== 'announcements',
        can_invite_members: true,
      },
      require_topic_selection: false,
      topics_count: seed.topics.length,
      display_space_welcome_banner: false,
      cover_image: null,
      cover_image_url: null,
      lockscreen_site_page_url: null,
    };
  });
  return { spaces, topics };
}

/**
 * The notification types, in the order and with the names of Circle's example answer, plus
 * direct messages, which the PUT accepts but the example leaves out. Circle's schema says `type`
 * is an integer without listing the numbers, so these numbers are the sandbox's own; `key` is
 * what the PUT takes (live streams and polls have none). Settings: in-app, then mobile.
 */
const NOTIFICATION_TYPES: [key: string | null, name: string, inApp: boolean, mobile: boolean][] = [
  ['post_comment', 'Comments on my posts', true, true],
  ['comment_reply', 'Replies to my comments', true, true],
  ['mention', 'Mentions', true, true],
  ['direct_messages', 'Direct messages', true, false],
  ['post_like', 'Likes on my posts', false, false],
  ['comment_like', 'Likes on my comments', true, false],
  [null, 'Live streams/rooms', true, true],
  ['new_course_content', 'New course content', true, false],
  [null, 'Polls', false, false],
];

/** Each space's notification choice, in-app then mobile; spaces not listed use "all". */
const SPACE_CHOICES: Record<string, [inApp: string, mobile: string]> = {
  general: ['mention', 'mention'],
  'show-and-tell': ['all', 'mention'],
  help: ['mention', 'never'],
  resources: ['never', 'never'],
};

/** The signed-in member's notification preferences for every space they belong to. */
function buildNotificationPreferences(spaces: Space[]): SandboxDb['notificationPreferences'] {
  const settings = (medium: 0 | 1): NotificationSettings => ({
    types: NOTIFICATION_TYPES.map(([key, name, ...enabled], index) => ({
      key,
      record: { type: index + 1, name, enabled: enabled[medium] },
    })),
    spaces: spaces
      .filter((space) => space.is_member && space.space_member_id !== undefined)
      .map((space) => ({
        id: space.space_member_id!,
        space_id: space.id,
        space_name: space.name,
        choice: SPACE_CHOICES[space.slug]?.[medium] ?? 'all',
        is_chat_space: space.space_type === 'chat',
      })),
  });
  return { in_app: settings(0), mobile: settings(1) };
}

/** Titles that the signed-in member wrote, so that notifications have something to point at. */
const MY_TITLES = new Set([
  'What did you learn this week?',
  'Web component for star ratings (accessible!)',
  'How to announce route changes to screen readers?',
  'Best way to handle dark mode in web components?',
  'Storing JWTs safely in a single-page app',
  'Template: weekly update for clients',
]);
const PINNED = new Set([
  'Welcome to Makers Guild 👋 Start here',
  'Community guidelines (please read)',
  'Introduce yourself! Who are you and what are you building?',
]);
const PLAIN_TEXT_ONLY = new Set(['Coffee or tea while coding ☕🍵', 'Weekend plans thread']);
const WITH_COVER = new Set([
  'Welcome to Makers Guild 👋 Start here',
  'Launch day: my first paid product 🚀',
  'My portfolio redesign, feedback welcome',
  'Generative posters with SVG',
]);

/** One post of each kind that limits the conversation, for `<circle-post>` and its tests. */
const COMMENTS_OFF = new Set(['Moderator team update']);
const COMMENTS_CLOSED = new Set(['Changes to the Show & Tell format']);
const LIKES_OFF = new Set(['Survey results: what you want next']);

interface Draft {
  post: Omit<Post, 'id' | 'slug' | 'url'>;
  slugBase: string;
  root: TipTapNode | null;
  event?: { seed: EventSeed; startsAt: number; endsAt: number; seriesKey?: string };
}

/** Builds the whole community for `now`; the same seed and `now` always give the same data. */
export function createSandboxDb(now: Date, seed = 20_240_611): SandboxDb {
  const rng = new Random(seed);
  const nowMs = now.getTime();
  const members = buildMembers(rng);
  const { spaces, topics } = buildSpaces();
  const db: SandboxDb = {
    now,
    currentMemberId: CURRENT_MEMBER_ID,
    members,
    spaces,
    posts: [],
    comments: [],
    bookmarks: [],
    eventAttendees: new Map(),
    recurringSeries: [],
    notifications: [],
    archivedNotificationIds: new Set(),
    notificationPreferences: buildNotificationPreferences(spaces),
    counts: { new_notifications_count: 0, new_mentions_count: 0, new_inbox_count: 2 },
    lastIds: { post: 0, comment: 0, bookmark: 0, attendee: 0, notification: 0 },
  };
  const me = members[0];
  const staff = members.filter((member) => member.admin || member.moderator);
  const others = members.slice(1);
  let imageNumber = 0;

  const draftPost = (
    space: Space,
    title: string,
    author: SandboxMember,
    createdAt: number,
    root: TipTapNode | null,
  ): Draft['post'] => {
    const liked = author.id !== me.id && rng.chance(0.3);
    const likes = Math.floor(rng.next() ** 2 * 45) + (liked ? 1 : 0);
    const likers = rng.sample(
      others.filter((m) => m.id !== author.id),
      Math.min(likes, 3),
    );
    const spaceTopics = topics.get(space.slug) ?? [];
    const rendered = root ? richBody(db, root, 'post') : null;
    const fallbackText = `${rng.pick(TITLES.general)} ${rng.pick(['Discuss below.', 'Thoughts?'])}`;
    return {
      post_type: space.space_type === 'event' ? 'event' : 'basic',
      space_type: space.space_type,
      status: 'published',
      name: title,
      display_title: title,
      cover_image: WITH_COVER.has(title) ? assetUrl(`/sandbox/images/${++imageNumber}.svg`) : null,
      cardview_image: null,
      is_comments_closed: COMMENTS_CLOSED.has(title),
      is_comments_enabled: !COMMENTS_OFF.has(title),
      is_liking_enabled: !LIKES_OFF.has(title),
      is_pinned_at_top_of_space: PINNED.has(title),
      comment_count: 0,
      user_likes_count: likes,
      hide_meta_info: false,
      is_liked: liked,
      is_truncation_disabled: false,
      bookmark_id: null,
      flagged_for_approval_at: null,
      unresolved_flagged_reports_count: 0,
      first_liked_by: (liked ? [me, ...likers.slice(0, 2)] : likers).map(authorOf),
      editor: rendered ? 'tiptap' : 'trix',
      body: rendered
        ? rendered.body
        : {
            attachments: {},
            attachments_array: [],
            html: `<div><!--block-->${fallbackText}</div>`,
          },
      tiptap_body: rendered ? rendered.tiptap_body : null,
      body_plain_text: rendered ? rendered.plain : fallbackText,
      body_plain_text_without_attachments: rendered ? rendered.plain : fallbackText,
      created_at: iso(createdAt),
      updated_at: iso(createdAt + rng.int(0, 120) * 60_000),
      space: {
        id: space.id,
        slug: space.slug,
        name: space.name,
        emoji: space.emoji ?? null,
        custom_emoji_url: '',
        custom_emoji_dark_url: '',
      },
      post_follower_id: null,
      topic_follower_id: null,
      author: authorOf(author),
      topics: spaceTopics.length > 0 && rng.chance(0.6) ? [rng.pick(spaceTopics)] : [],
      action: { user_name: firstName(author.name), created_at: iso(createdAt), type: 'posted' },
      custom_html: null,
      policies: {
        can_destroy_post: author.id === me.id,
        can_duplicate_post: false,
        can_manage_post: false,
        can_report_post: author.id !== me.id,
        can_update_post: author.id === me.id,
      },
    };
  };

  const context = (title: string, slug: string, author: SandboxMember): BodyContext => ({
    rng,
    title,
    spaceSlug: slug,
    author,
    me,
    others: rng.sample(
      others.filter((m) => m.id !== author.id),
      4,
    ),
    nextImage: () => ++imageNumber,
  });

  // Ordinary posts over the last ~60 days.
  const drafts: Draft[] = [];
  for (const space of spaces.filter((s) => s.space_type !== 'event')) {
    for (const title of TITLES[space.slug] ?? []) {
      const author = MY_TITLES.has(title)
        ? me
        : space.slug === 'announcements'
          ? rng.pick(staff)
          : rng.pick(others);
      const createdAt = PINNED.has(title)
        ? nowMs - rng.int(55, 60) * DAY
        : nowMs - rng.int(20, 60 * 24 * 60) * 60_000;
      const root = PLAIN_TEXT_ONLY.has(title) ? null : postBody(context(title, space.slug, author));
      drafts.push({
        post: draftPost(space, title, author, createdAt, root),
        slugBase: title,
        root,
      });
    }
  }

  // Event posts: one per occurrence, times chosen on the organiser's wall clock.
  const eventSpace = spaces.find((space) => space.space_type === 'event')!;
  for (const seedEvent of EVENTS) {
    const occurrences = seedEvent.repeat?.occurrences ?? 1;
    const host = rng.pick(staff.concat(others.slice(3, 9)));
    for (let index = 0; index < occurrences; index += 1) {
      const [hour, minute] = seedEvent.start.split(':').map(Number);
      const today = { ...wallClockAt(now, seedEvent.timeZone), hour, minute };
      const days = seedEvent.dayOffset + index * (seedEvent.repeat?.everyDays ?? 0);
      const startsAt = seedEvent.liveNow
        ? Math.floor((nowMs - 30 * 60_000) / (15 * 60_000)) * 15 * 60_000
        : zonedTimeToUtc(addDays(today, days), seedEvent.timeZone).getTime();
      const endsAt = startsAt + seedEvent.durationMinutes * 60_000;
      const createdAt = Math.min(startsAt - rng.int(7, 30) * DAY, nowMs - rng.int(1, 48) * HOUR);
      const where = seedEvent.place ? `at ${seedEvent.place.split(',')[0]}` : 'online';
      const root = eventBody(context(seedEvent.name, eventSpace.slug, host), where);
      const post = draftPost(eventSpace, seedEvent.name, host, createdAt, root);
      if (seedEvent.cover) post.cover_image = assetUrl(`/sandbox/images/${++imageNumber}.svg`);
      drafts.push({
        post,
        slugBase: seedEvent.name,
        root,
        event: { seed: seedEvent, startsAt, endsAt, seriesKey: seedEvent.repeat && seedEvent.name },
      });
    }
  }

  // Ids follow creation order, as in a real database.
  drafts.sort((a, b) => Date.parse(a.post.created_at) - Date.parse(b.post.created_at));
  const usedSlugs = new Set<string>();
  const series = new Map<string, RecurringSeries>();
  for (const draft of drafts) {
    let slug = slugify(draft.slugBase) || 'post';
    for (let n = 2; usedSlugs.has(slug); n += 1) slug = `${slugify(draft.slugBase)}-${n}`;
    usedSlugs.add(slug);

    const id = nextId(db, 'post');
    const post: Post = {
      ...draft.post,
      id,
      slug,
      url: `${COMMUNITY_URL}/c/${draft.post.space.slug}/${slug}`,
    };
    if (draft.event) addEventFields(db, rng, post, draft.event, series);
    db.posts.push(post);
  }
  db.recurringSeries = [...series.values()];

  addComments(db, rng, nowMs);
  addBookmarks(db, rng);
  addNotifications(db, rng, nowMs);
  // Added last and without the generator, so the rest of the community stays as it was.
  addImagePosts(db, nowMs, imageNumber);
  return db;
}

/** Image-gallery posts in Show and tell: title, caption, author index, age, picture count. */
const IMAGE_POSTS = [
  {
    title: 'Workshop photos from the meetup',
    caption: 'A few shots from Saturday.',
    by: 4,
    hours: 5,
    images: 5,
  },
  {
    title: 'Sketchbook: landing page ideas',
    caption: 'Three directions, which one?',
    by: 6,
    hours: 30,
    images: 3,
  },
  { title: 'My desk setup, 2024 edition', caption: 'Finally tidy.', by: 9, hours: 75, images: 1 },
];

function addImagePosts(db: SandboxDb, nowMs: number, lastImage: number): void {
  const space = db.spaces.find((candidate) => candidate.slug === 'show-and-tell')!;
  const template = db.posts.find((post) => post.space.id === space.id)!;
  let imageNumber = lastImage;

  for (const seed of IMAGE_POSTS) {
    const author = db.members[seed.by];
    const createdAt = iso(nowMs - seed.hours * HOUR);
    const root: TipTapNode = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: seed.caption }] }],
    };
    const rendered = richBody(db, root, 'post');
    const id = nextId(db, 'post');
    const slug = slugify(seed.title);
    const images = Array.from({ length: seed.images }, (_, index) => {
      const n = ++imageNumber;
      return {
        id: 500 + n,
        signed_id: `sandbox-image-${n}`,
        url: assetUrl(`/sandbox/images/${n}.svg`),
        filename: `photo-${index + 1}.svg`,
        ...imageSize(n),
      };
    });
    db.posts.push({
      ...template,
      id,
      slug,
      url: `${COMMUNITY_URL}/c/${space.slug}/${slug}`,
      post_type: 'image',
      name: seed.title,
      display_title: seed.title,
      cover_image: null,
      is_pinned_at_top_of_space: false,
      comment_count: 0,
      user_likes_count: seed.images,
      is_liked: false,
      bookmark_id: null,
      first_liked_by: [],
      editor: 'tiptap',
      body: rendered.body,
      tiptap_body: rendered.tiptap_body,
      body_plain_text: rendered.plain,
      body_plain_text_without_attachments: rendered.plain,
      created_at: createdAt,
      updated_at: createdAt,
      author: authorOf(author),
      topics: [],
      action: { user_name: firstName(author.name), created_at: createdAt, type: 'posted' },
      policies: { ...template.policies, can_destroy_post: false, can_update_post: false },
      post_follower_id: null,
      gallery: { id: 700 + id, downloadable_images: false, images },
    });
  }
}

function addEventFields(
  db: SandboxDb,
  rng: Random,
  post: Post,
  event: NonNullable<Draft['event']>,
  series: Map<string, RecurringSeries>,
): void {
  const { seed, startsAt, endsAt } = event;
  const nowMs = db.now.getTime();
  post.event_setting_attributes = {
    starts_at: iso(startsAt),
    ends_at: iso(endsAt),
    in_person_location: seed.place ?? null,
    hide_location_from_non_attendees: false,
    duration_in_seconds: (endsAt - startsAt) / 1000,
    rsvp_disabled: seed.rsvpDisabled ?? false,
    hide_attendees: seed.hideAttendees ?? false,
    send_email_reminder: true,
    send_in_app_notification_reminder: true,
    send_email_confirmation: true,
    send_in_app_notification_confirmation: true,
    enable_custom_thank_you_message: false,
    confirmation_message_title: `Registration confirmed for ${post.name}`,
    confirmation_message_description: "We'll send you a reminder before the event.",
    confirmation_message_button_title: 'Done',
    confirmation_message_button_link: '',
    location_type: seed.place ? 'in_person' : 'virtual',
    virtual_location_url: seed.place ? '' : `https://meet.example.com/makers/${post.slug}`,
    live_stream_recording_url:
      seed.recording && endsAt < nowMs ? `https://video.example.com/recordings/${post.slug}` : '',
    rsvp_limit: seed.rsvpLimit ?? null,
    rsvp_count: 0,
  };
  post.event_type = event.seriesKey ? 'recurring' : 'single';
  post.rsvp_status = null;
  post.invited_attendee = null;

  if (event.seriesKey) {
    let record = series.get(event.seriesKey);
    if (!record) {
      record = { id: series.size + 1, timeZone: seed.timeZone, eventIds: [] };
      series.set(event.seriesKey, record);
    }
    record.eventIds.push(post.id);
    const { everyDays = 7, occurrences = 1 } = seed.repeat ?? {};
    const first = startsAt - (record.eventIds.length - 1) * everyDays * DAY;
    post.recurring_setting_attributes = {
      frequency: everyDays === 7 ? 'weekly' : 'biweekly',
      ends_at: iso(first + (occurrences - 1) * everyDays * DAY + (endsAt - startsAt)),
      occurrences,
      range_type: 'occurrences',
    };
  }

  // Attendees: the full event is full without the signed-in member, so RSVPing fails.
  const attendees: EventAttendee[] = [];
  if (!seed.rsvpDisabled) {
    const limit = seed.rsvpLimit ?? 40;
    const count = seed.full ? limit : rng.int(1, Math.min(limit - 1, 18));
    const meToo = !seed.full && rng.chance(0.45) && count < limit;
    const guests = rng.sample(db.members.slice(1), meToo ? count - 1 : count);
    const people = meToo ? [db.members[0], ...guests] : guests;
    const createdAt = Date.parse(post.created_at);
    for (const member of people) {
      attendees.push({
        id: nextId(db, 'attendee'),
        community_member_id: member.id,
        contact_id: member.id,
        contact_type: 'CommunityMember',
        avatar_url: member.avatar_url,
        rsvp_date: iso(createdAt + rng.next() * (Math.min(startsAt, nowMs) - createdAt)),
        rsvp_status: 'yes',
        name: member.name,
      });
    }
  }
  db.eventAttendees.set(post.id, attendees);
  syncEventRsvp(db, post);
}

function addComments(db: SandboxDb, rng: Random, nowMs: number): void {
  const me = db.members[0];
  for (const post of db.posts) {
    const mine = post.author.community_member_id === me.id;
    if (!mine && !rng.chance(0.7)) continue;

    const postCreated = Date.parse(post.created_at);
    const topLevel = (mine ? 2 : 1) + Math.floor(rng.next() ** 1.5 * 6);
    for (let index = 0; index < topLevel; index += 1) {
      const author = rng.pick(db.members.slice(mine ? 1 : 0));
      const createdAt = postCreated + rng.next() * (nowMs - postCreated) * 0.6;
      const parent = addComment(db, rng, post, author, createdAt, null);

      const parentAuthor = memberById(db, parent.community_member_id)!;
      const replies =
        parentAuthor.id === me.id ? rng.int(1, 3) : rng.chance(0.35) ? rng.int(1, 3) : 0;
      let replyTime = createdAt;
      for (let reply = 0; reply < replies; reply += 1) {
        replyTime += rng.next() * (nowMs - replyTime) * 0.5;
        const replier = rng.pick(db.members.filter((m) => m.id !== parentAuthor.id));
        addComment(db, rng, post, replier, replyTime, parent, parentAuthor);
      }
      syncReplies(db, parent);
    }
    post.comment_count = db.comments.filter((comment) => comment.post_id === post.id).length;
    if (mine || db.comments.some((c) => c.post_id === post.id && c.community_member_id === me.id)) {
      post.post_follower_id = 9000 + post.id;
    }
  }
}

function addBookmarks(db: SandboxDb, rng: Random): void {
  for (const post of db.posts) {
    if (rng.chance(0.1)) addBookmark(db, 'post', post, Date.parse(post.created_at) + HOUR);
  }
  for (const comment of rng.sample(db.comments, 2)) {
    addBookmark(db, 'comment', comment, Date.parse(comment.created_at) + HOUR);
  }
}
