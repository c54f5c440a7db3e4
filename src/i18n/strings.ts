import { warnOnce } from '../utils/warn.js';

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
  morePostsLoaded: { one: '{count} more post loaded', other: '{count} more posts loaded' },
  moreCommentsLoaded: {
    one: '{count} more comment loaded',
    other: '{count} more comments loaded',
  },
  moreEventsLoaded: { one: '{count} more event loaded', other: '{count} more events loaded' },
  moreNotificationsLoaded: {
    one: '{count} more notification loaded',
    other: '{count} more notifications loaded',
  },
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
  attributeNotFound:
    '{name}="{value}" was not found: check the value, and that this member can see it.',

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
  icsFailed: 'The calendar file could not be prepared. Please try again.',
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
  dayOnOrAfter: 'a date on or after {date}',
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
  /** Stands in for an action Circle sent untranslated ("Translation missing: …"). */
  notificationActionFallback: 'interacted with',
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

/**
 * A complete translation of the English table: every key and no other, and each plural string
 * with exactly the forms in `Category`, the ones Intl.PluralRules picks from in that language.
 */
export type Translation<Category extends Intl.LDMLPluralRule> = {
  [K in StringKey]: (typeof en)[K] extends string ? string : Record<Category, string>;
};

/**
 * The shipped translations by language tag. Each is a chunk of its own, fetched the first time
 * an element shows that language, so a page only downloads the ones it uses.
 */
const TRANSLATIONS: Readonly<Record<string, () => Promise<{ strings: Partial<StringTable> }>>> = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  ja: () => import('./locales/ja.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
};

/** The shipped translations, for tests and docs that must cover each of them. */
export const shippedTranslations = TRANSLATIONS;

/** The languages the elements show without help: English and every shipped translation. */
export const SHIPPED_LOCALES: readonly string[] = ['en', ...Object.keys(TRANSLATIONS)];

/** The key of `setStrings()` overrides given without a language. */
const EVERY_LANGUAGE = '*';

/** How a locale finds its text. */
interface LookupOrder {
  /** The tags whose page-wide overrides apply, most specific first: `de-AT`, then `de`. */
  tags: string[];
  /** The shipped translation that serves the locale, if one does. */
  translation?: string;
  /** Whether the locale is a kind of English, which needs no translation. */
  english: boolean;
}

const pageStrings = new Map<string, Partial<StringTable>>();
const translations = new Map<string, Partial<StringTable>>();
const translationLoads = new Map<string, Promise<void>>();
const checkedLocales = new Map<string, string>();
const lookupOrders = new Map<string, LookupOrder>();
const directions = new Map<string, 'ltr' | 'rtl'>();
const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const textListeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

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

/**
 * Replaces any of the strings page-wide, to reword or translate them. Without `lang` they apply
 * in every language; with it (`'de'`) only where that language shows (`de`, `de-AT` …), and they
 * win over the ones without a language. Strings that are not given keep their current text.
 */
export function setStrings(strings: Partial<StringTable>, lang?: string): void {
  const tag = lang ? usableLocale(lang) : EVERY_LANGUAGE;
  pageStrings.set(tag, { ...pageStrings.get(tag), ...checkStrings(strings, 'setStrings()') });
  textChanged();
}

/**
 * The usable part of a table of overrides: unknown keys and values that are neither a string
 * nor plural forms with `other` are left out, each with a warning naming `source`.
 */
export function checkStrings(strings: object, source: string): Partial<StringTable> {
  const usable: Partial<Record<StringKey, StringValue>> = {};
  for (const [key, value] of Object.entries(strings) as [string, unknown][]) {
    if (!Object.hasOwn(en, key)) {
      warnOnce(`${source}: there is no string "${key}"; see the keys of src/i18n/strings.ts.`);
    } else if (isStringValue(value)) {
      usable[key as StringKey] = value;
    } else {
      warnOnce(`${source}: "${key}" must be a string or plural forms with "other"; ignored.`);
    }
  }
  return usable;
}

/**
 * Fetches the shipped translation that serves `lang`, once: `es-MX` gets Spanish, `pt` and
 * `pt-PT` Brazilian Portuguese. English and languages with no translation need nothing. Never
 * rejects: a translation that can't be fetched leaves English, with a warning.
 */
export function loadLocale(lang: string): Promise<void> {
  const { translation } = lookupOrder(usableLocale(lang));
  if (!translation) return Promise.resolve();

  let load = translationLoads.get(translation);
  if (!load) {
    load = TRANSLATIONS[translation]!().then(
      (module) => {
        translations.set(translation, module.strings);
        textChanged();
      },
      (error: unknown) => {
        warnOnce(`The ${translation} text could not be loaded, so it shows in English: ${error}`);
      },
    );
    translationLoads.set(translation, load);
  }
  return load;
}

/** `rtl` for languages written from right to left, such as Arabic and Hebrew. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  let direction = directions.get(lang);
  if (!direction) {
    direction = 'ltr';
    try {
      const locale = new Intl.Locale(usableLocale(lang)) as LocaleWithTextInfo;
      const info = locale.getTextInfo?.() ?? locale.textInfo;
      const rtl = info
        ? info.direction === 'rtl'
        : RTL_SCRIPTS.test(locale.maximize().script ?? '');
      if (rtl) direction = 'rtl';
    } catch {
      // An unusable tag reads as English.
    }
    directions.set(lang, direction);
  }
  return direction;
}

/** Scripts written from right to left, for browsers without Intl.Locale's text info. */
const RTL_SCRIPTS = /^(Adlm|Arab|Hebr|Mand|Nkoo|Rohg|Samr|Syrc|Thaa)$/;

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
};

/**
 * Calls `listener` whenever the text may have changed: setStrings(), a translation arriving, or
 * a `lang` attribute changing anywhere in the page. Returns the function that stops it.
 */
export function watchText(listener: () => void): () => void {
  textListeners.add(listener);
  if (!langObserver) {
    // One observer for every element: `lang` changes are rare, so all of them simply update.
    langObserver = new MutationObserver(textChanged);
    langObserver.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  }

  return () => {
    textListeners.delete(listener);
    if (textListeners.size > 0) return;
    langObserver?.disconnect();
    langObserver = undefined;
  };
}

/**
 * Formats one string in `lang`, filling `{placeholders}` and choosing plural forms by `count`.
 * The text comes from `strings` (an element's own overrides), else `setStrings()`, else the
 * language's translation once loaded, else English.
 */
export function msg(
  key: StringKey,
  values: Record<string, string | number> = {},
  lang = 'en',
  strings?: Partial<StringTable>,
): string {
  const locale = usableLocale(lang);
  const { value, language } = lookUp(key, locale, strings);
  const template = typeof value === 'string' ? value : pluralForm(value, values.count, language);

  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const filler = values[name];
    if (filler === undefined) return placeholder;
    return typeof filler === 'number' ? numberFormat(locale).format(filler) : filler;
  });
}

/** `key`'s text for `locale`, and the language whose plural rules fit it. */
function lookUp(
  key: StringKey,
  locale: string,
  strings: Partial<StringTable> | undefined,
): { value: StringValue; language: string } {
  const order = lookupOrder(locale);
  const translation = order.translation ? translations.get(order.translation) : undefined;

  let value = strings?.[key];
  for (const tag of order.tags) value ??= pageStrings.get(tag)?.[key];
  value ??= pageStrings.get(EVERY_LANGUAGE)?.[key] ?? translation?.[key];
  if (value !== undefined) return { value, language: locale };

  if (!order.english) warnMissing(key, locale, order, Boolean(translation));
  return { value: en[key], language: 'en' };
}

/** Says once that `locale` shows English for `key`, unless its translation is still on the way. */
function warnMissing(key: StringKey, locale: string, order: LookupOrder, loaded: boolean): void {
  if (order.translation) {
    if (loaded) warnOnce(`The ${order.translation} text has no "${key}": showing it in English.`);
  } else if (order.tags.some((tag) => pageStrings.has(tag))) {
    warnOnce(`setStrings() gave no "${key}" for ${locale}: showing it in English.`);
  } else {
    warnOnce(`There is no ${locale} text, so it shows in English. setStrings() can supply it.`);
  }
}

function lookupOrder(locale: string): LookupOrder {
  let order = lookupOrders.get(locale);
  if (!order) {
    const subtags = locale.split('-');
    const tags = subtags.map((_, index) => subtags.slice(0, subtags.length - index).join('-'));
    const language = subtags[0]!;
    // The closest translation: the same tag or a shorter one, else any of the same language.
    const translation =
      tags.find((tag) => Object.hasOwn(TRANSLATIONS, tag)) ??
      Object.keys(TRANSLATIONS).find((tag) => tag.split('-')[0] === language);
    if (translation && !tags.includes(translation)) tags.push(translation);

    order = { tags, translation, english: language === 'en' };
    lookupOrders.set(locale, order);
  }
  return order;
}

function isStringValue(value: unknown): value is StringValue {
  if (typeof value === 'string') return true;
  if (!value || typeof value !== 'object') return false;
  const hasOther = typeof (value as PluralForms).other === 'string';
  return hasOther && Object.values(value).every((form) => typeof form === 'string');
}

/** @internal Drops every setStrings() override, for tests. */
export function resetStrings(): void {
  pageStrings.clear();
  textChanged();
}

function textChanged(): void {
  for (const listener of [...textListeners]) listener();
}

function pluralForm(forms: PluralForms, count: string | number | undefined, lang: string) {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return forms[rules.select(Number(count ?? 0))] ?? forms.other;
}

function numberFormat(lang: string): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang);
    numberFormats.set(lang, format);
  }
  return format;
}
