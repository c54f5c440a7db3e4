// The whole bundle: registers every element and exposes the page-wide API.
export { configure } from './config.js';
export type { PageConfig } from './config.js';
export { setStrings } from './i18n/strings.js';
export type { StringKey, StringTable } from './i18n/strings.js';
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

export { CircleFeed } from './elements/circle-feed/circle-feed.js';
export { CirclePost } from './elements/circle-post/circle-post.js';
export { CircleEvents } from './elements/circle-events/circle-events.js';
export { CircleNotifications } from './elements/circle-notifications/circle-notifications.js';
export { CircleNotificationPreferences } from './elements/circle-notification-preferences/circle-notification-preferences.js';
