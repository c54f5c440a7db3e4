// The whole bundle: registers every element and exposes the page-wide API.
export { configure } from './config.js';
export type { PageConfig } from './config.js';
export { loadLocale, setStrings } from './i18n/strings.js';
export type { PluralForms, StringKey, StringTable, StringValue } from './i18n/strings.js';
export { getSession, SessionError, SignedOutError } from './session/session.js';
export type { Session, SessionState } from './session/session.js';
export { ApiClient } from './api/client.js';
export { CircleApiError } from './api/errors.js';
export type { ApiErrorKind } from './api/errors.js';
export {
  CircleAuthRequiredEvent,
  CircleBookmarkEvent,
  CircleCommentEvent,
  CircleEventOpenEvent,
  CircleLikeEvent,
  CircleNotificationOpenEvent,
  CirclePostOpenEvent,
  CircleUnreadChangeEvent,
  CircleRsvpEvent,
} from './events.js';
export type { CircleErrorDetail } from './events.js';

// The registering modules, so importing the package defines every tag.
export { CircleFeed } from './define/circle-feed.js';
export { CirclePost } from './define/circle-post.js';
export { CircleEvents } from './define/circle-events.js';
export { CircleNotifications } from './define/circle-notifications.js';
export { CircleNotificationPreferences } from './define/circle-notification-preferences.js';
