/**
 * Every piece of text the elements show. A value is either a string with `{name}` placeholders,
 * or plural forms keyed by Intl.PluralRules categories and chosen by the `count` value.
 */
export const en = {
  loading: 'Loading…',
  /** Between pieces of a meta line, such as a space's name and a time. */
  separator: ' · ',
  retry: 'Try again',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  signedOutTitle: 'Sign in to see the community',
  signedOutBody: 'This content is for signed-in members.',
  signIn: 'Sign in',
  errorTitle: 'Something went wrong',
  errorNetwork: 'The community could not be reached. Check your connection and try again.',
  errorServer: 'The community is having trouble right now. Please try again in a moment.',
  errorRateLimited: 'Too many requests. Please wait a moment and try again.',
  errorNotFound: 'This could not be found. It may have been removed.',
  errorForbidden: "You don't have access to this.",
  errorSession: 'Your sign-in could not be checked. Please try again.',
  errorGeneric: 'Please try again.',
  configProblem: 'This widget is not set up correctly: {problem}',
  noTokenEndpoint: 'no token endpoint is configured.',
  badAttribute: '{name}="{value}" is not valid: use {expected}. Using "{fallback}" instead.',
  wholeNumberRange: 'a whole number from {min} to {max}',
  ianaTimeZone: 'an IANA time zone such as Europe/Berlin',
  badUrlAttribute: '{name}="{value}" is not an http or https URL.',

  unknownMember: 'member',
  loadEmbed: 'Load video',
  embedFrameTitle: 'Embedded video',
  attachment: 'Attachment',

  feedLabel: 'Community posts',
  feedEmpty: 'No posts yet.',
  postedIn: 'in {space}',
  like: 'Like',
  likes: { one: '{count} like', other: '{count} likes' },
  comments: { one: '{count} comment', other: '{count} comments' },
  openOnCircle: 'Open post',
  likeFailed: 'Your like could not be saved. Please try again.',
  unlikeFailed: 'Your like could not be removed. Please try again.',
  pinned: 'Pinned',
  edited: 'Edited',
  readMore: 'Read more',
  showLess: 'Show less',
  bookmark: 'Bookmark',
  bookmarkFailed: 'Your bookmark could not be saved. Please try again.',
  unbookmarkFailed: 'Your bookmark could not be removed. Please try again.',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyLinkFailed: 'The link could not be copied.',
  topicsLabel: 'Topics',
  galleryLabel: 'Images in {title}',
  galleryImage: 'Image {index} of {count}',
  openImage: 'Open image {index} of {count}',
  moreImages: { one: '+{count} more', other: '+{count} more' },
  imageViewer: 'Image viewer',
  previousImage: 'Previous image',
  nextImage: 'Next image',
  closeViewer: 'Close',
  eventPost: 'Event',
  coverImage: 'Cover image',
  endOfFeed: "You're all caught up.",
  memberIdExpected: 'a member id (a whole number)',
  topicIdsExpected: 'topic ids such as 12 or 12,14',
  homeFeed: 'the home feed',
  allTopics: 'all topics',

  eventsLabel: 'Community events',
  eventsEmpty: 'No upcoming events.',
  pastEventsEmpty: 'No past events.',
  rsvp: 'RSVP',
  cancelRsvp: 'Cancel RSVP',
  going: "You're going",
  eventFull: 'This event is full',
  rsvpClosed: 'RSVP is closed',
  rsvpFailed: 'Your RSVP could not be saved. Please try again.',
  cancelRsvpFailed: 'Your RSVP could not be cancelled. Please try again.',
  attendees: { one: '{count} attendee', other: '{count} attendees' },
  virtualEvent: 'Online event',
  joinLink: 'Join link',
  inPerson: 'In person',
  inPersonAt: 'In person · {place}',
  eventTimeZone: 'Event time zone: {zone}',
  allEventsEmpty: 'No events yet.',
  rsvpFor: 'RSVP to {title}',
  cancelRsvpFor: 'Cancel RSVP for {title}',
  eventEnded: 'This event has ended',
  locationForAttendees: 'Location shared with attendees',
  addToCalendar: 'Add to calendar',
  calendarOptions: 'Add {title} to a calendar',
  downloadIcs: 'Download .ics file',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook',
  undated: 'Date to be announced',
  happeningNow: 'Happening now',
  /** `relative` is Intl's "in 10 minutes". */
  startsIn: 'Starts {relative}',
  map: 'Map',
  mapFor: 'Find {place} on a map',
  showAttendees: {
    one: 'See the {count} attendee of {title}',
    other: 'See the {count} attendees of {title}',
  },
  close: 'Close',
  hostedBy: 'Hosted by {name}',
  viewOnCircle: 'View on Circle',
  noAttendees: 'No one has RSVPed yet.',
  nextDates: 'Upcoming dates',
  chooseDates: 'Choose the dates to RSVP to',
  noMoreDates: 'No other upcoming dates.',
  rsvpNoDatesChosen: 'RSVP to the chosen dates',
  rsvpChosenDates: {
    one: 'RSVP to {count} date',
    other: 'RSVP to {count} dates',
  },
  rsvpAllDates: 'RSVP to all dates',
  rsvpedToDates: {
    one: "You're going to {count} more date.",
    other: "You're going to {count} more dates.",
  },
  rsvpDatesFailed: 'Your RSVP to those dates could not be saved. Please try again.',
  eventsOn: 'Events on {date}',
  noEventsOnDay: 'No events on this day.',
  dayFormat: 'a date such as 2026-12-31',
  noDateLimit: 'no limit',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  today: 'Today',
  moreEvents: { one: '+{count} more', other: '+{count} more' },
  dayEvents: { one: '{date}, {count} event', other: '{date}, {count} events' },

  notificationsLabel: 'Notifications',
  notificationsButton: 'Notifications',
  notificationsButtonCount: {
    one: 'Notifications, {count} new',
    other: 'Notifications, {count} new',
  },
  notificationsEmpty: "You're all caught up.",
  markAllRead: 'Mark all as read',
  markAllReadFailed: 'Notifications could not be marked as read. Please try again.',
  markReadFailed: 'The notification could not be marked as read. Please try again.',
  unread: 'Unread',
  notificationsFilter: 'Filter notifications',
  notificationsTabAll: 'All',
  notificationsTabUnread: 'Unread',
  notificationsUnreadEmpty: 'No unread notifications.',
  notificationsToday: 'Today',
  notificationsThisWeek: 'This week',
  notificationsEarlier: 'Earlier',
  notificationsNew: { one: '{count} new notification', other: '{count} new notifications' },
  notificationsShowNew: 'Show new notifications',
  notificationOptions: 'Options for {notification}',
  notificationMarkRead: 'Mark as read',
  notificationArchive: 'Archive',
  notificationDelete: 'Delete',
  notificationArchived: 'Notification archived.',
  notificationDeleted: 'Notification deleted.',
  archiveFailed: 'The notification could not be archived, so it was put back. Please try again.',
  deleteFailed: 'The notification could not be deleted, so it was put back. Please try again.',
  notificationsVariantExpected: 'bell or inline',
  notificationsPlacementExpected: 'bottom-end, bottom-start, top-start or top-end',

  // <circle-post>
  postNotFound: 'This post could not be found. It may have been moved or deleted.',
  postMissing: 'set space and post, or the postData property, to choose a post.',
  postWhoLiked: 'See who liked this',
  postHideLikers: 'Hide who liked this',
  postLikersLabel: 'Members who liked this post',
  postLikersEmpty: 'No likes yet.',
  postLikingDisabled: 'Likes are turned off for this post.',
  postCommentsDisabled: 'Comments are turned off for this post.',
  postCommentsClosed: 'Comments are closed for this post.',
  postCommentsTitle: 'Comments',
  postCommentsEmpty: 'No comments yet.',
  postCommentsSort: 'Sort comments',
  postSortOldest: 'Oldest first',
  postSortLatest: 'Newest first',
  postSortLikes: 'Most liked',
  postCommentBy: 'Comment by {name}',
  postRepliesTo: 'Replies to {name}',
  postShowReplies: { one: 'Show {count} reply', other: 'Show {count} replies' },
  postHideReplies: 'Hide replies',
  postReply: 'Reply',
  postCommentLabel: 'Write a comment',
  postReplyLabel: 'Write a reply to {name}',
  postSendComment: 'Comment',
  postSendReply: 'Reply',
  postSending: 'Sending…',
  postCancel: 'Cancel',
  postWriteSomething: 'Write something first.',
  postCommentFailed: 'Your comment could not be posted. Your text is kept; please try again.',
  postReplyFailed: 'Your reply could not be posted. Your text is kept; please try again.',
  postEdit: 'Edit',
  postEditLabel: 'Edit your comment',
  postSave: 'Save',
  postSaving: 'Saving…',
  postEditFailed: 'Your changes could not be saved. Please try again.',
  postDelete: 'Delete',
  postDeleteConfirm: 'Delete this comment?',
  postDeleteYes: 'Yes, delete',
  postDeleteNo: 'No, keep it',
  postDeleting: 'Deleting…',
  postDeleteFailed: 'The comment could not be deleted. Please try again.',

  // <circle-notification-preferences>
  prefsInAppHeading: 'In-app notifications',
  prefsMobileHeading: 'Mobile push notifications',
  prefsTypesIntro: 'Choose what you want to hear about.',
  prefsTypePostComment: 'Comments on my posts',
  prefsTypeCommentReply: 'Replies to my comments',
  prefsTypeMention: 'Mentions',
  prefsTypeDirectMessages: 'Direct messages',
  prefsTypePostLike: 'Likes on my posts',
  prefsTypeCommentLike: 'Likes on my comments',
  prefsTypeNewCourseContent: 'New course content',
  prefsSpacesHeading: 'Spaces',
  prefsSpacesIntro: 'Choose which activity in each space notifies you.',
  prefsAllSpaces: 'All spaces',
  prefsChoiceAll: 'All activity',
  prefsChoiceMention: 'Mentions only',
  prefsChoiceNever: 'Nothing',
  prefsChoiceMixed: 'Varies by space',
  prefsChoiceUnknown: 'Not set',
  prefsChatSpace: 'Chat',
  prefsUnnamedSpace: 'Unnamed space',
  prefsSaving: 'Saving…',
  prefsEmpty: 'There are no notification settings to change here.',
  prefsTypeFailed:
    'A notification setting could not be saved, so it was put back. Please try again.',
  prefsSpaceFailed:
    "A space's notification setting could not be saved, so it was put back. Please try again.",
  prefsAllSpacesFailed:
    'The setting for all spaces could not be saved, so it was put back. Please try again.',
} satisfies Record<string, StringValue>;

export type StringKey = keyof typeof en;
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type StringValue = string | PluralForms;
export type StringTable = { [K in StringKey]: StringValue };

let overrides: Partial<StringTable> = {};
const checkedLocales = new Map<string, string>();

/**
 * A language tag Intl accepts: `tag` itself when valid, with `en_US`-style underscores mended,
 * else English. Host pages carry all kinds of `lang` values, and Intl throws on bad ones.
 */
export function usableLocale(tag: string | undefined): string {
  if (!tag) return 'en';

  let usable = checkedLocales.get(tag);
  if (!usable) {
    try {
      usable = Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? 'en';
    } catch {
      usable = 'en';
    }
    checkedLocales.set(tag, usable);
  }
  return usable;
}

/** Replaces any of the English strings page-wide, for example to reword or translate them. */
export function setStrings(strings: Partial<StringTable>): void {
  overrides = { ...overrides, ...strings };
}

/** Formats one string, filling `{placeholders}` and choosing plural forms by `count`. */
export function msg(
  key: StringKey,
  values: Record<string, string | number> = {},
  lang = 'en',
): string {
  const value: StringValue = overrides[key] ?? en[key];
  const template = typeof value === 'string' ? value : pluralForm(value, values.count, lang);

  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const filler = values[name];
    if (filler === undefined) return placeholder;
    return typeof filler === 'number' ? new Intl.NumberFormat(lang).format(filler) : filler;
  });
}

function pluralForm(forms: PluralForms, count: string | number | undefined, lang: string) {
  const category = new Intl.PluralRules(lang).select(Number(count ?? 0));
  return forms[category] ?? forms.other;
}
