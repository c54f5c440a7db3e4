// The DOM events the elements dispatch. All bubble and cross shadow roots, and all are prefixed
// so they can't clash with a host page's own events. Cancelable ones let the host take over.

import type { Comment, EventPost, Notification, Post } from './api/types.js';

/** Fired when an element needs a signed-in member and the visitor is signed out. */
export class CircleAuthRequiredEvent extends Event {
  constructor() {
    super('circle-auth-required', { bubbles: true, composed: true });
  }
}

/** Fired when an element could not load or save something; `detail` says what kind of failure. */
export type CircleErrorDetail = { kind: string; status: number; message: string };

/**
 * Fired before a post opens, from a feed card or a link. Cancel it (`preventDefault()`) to
 * navigate yourself, for example to a page of the host site that shows `<circle-post>`.
 */
export class CirclePostOpenEvent extends Event {
  constructor(
    readonly post: Post,
    /** Where the post lives on Circle, when it has a safe web address. */
    readonly url: string | undefined,
  ) {
    super('circle-post-open', { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired after a like or unlike of a post or comment was saved. */
export class CircleLikeEvent extends Event {
  constructor(
    readonly kind: 'post' | 'comment',
    readonly id: number,
    readonly liked: boolean,
  ) {
    super('circle-like', { bubbles: true, composed: true });
  }
}

/** Fired after a comment or reply was created, edited or deleted. */
export class CircleCommentEvent extends Event {
  constructor(
    readonly action: 'create' | 'update' | 'delete',
    readonly comment: Comment,
  ) {
    super('circle-comment', { bubbles: true, composed: true });
  }
}

/** Fired after a post was bookmarked or its bookmark removed. */
export class CircleBookmarkEvent extends Event {
  constructor(
    readonly postId: number,
    readonly bookmarked: boolean,
  ) {
    super('circle-bookmark', { bubbles: true, composed: true });
  }
}

/**
 * Fired before an event opens in the element's detail view. Cancel it to show the event
 * yourself, for example on a page of the host site.
 */
export class CircleEventOpenEvent extends Event {
  constructor(
    readonly event: EventPost,
    /** Where the event lives on Circle, when it has a safe web address. */
    readonly url: string | undefined,
  ) {
    super('circle-event-open', { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * Fired before an RSVP or its cancellation is sent. Cancel it to stop the request, for example
 * to ask the member something first.
 */
export class CircleRsvpEvent extends Event {
  constructor(
    readonly event: EventPost,
    /** True to RSVP, false to cancel. */
    readonly going: boolean,
    /** The occurrences concerned: the event itself, or the dates chosen in a recurring series. */
    readonly eventIds: number[],
  ) {
    super('circle-rsvp', { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * Fired before a notification opens. Cancel it (`preventDefault()`) to navigate yourself; the
 * notification is marked read either way.
 */
export class CircleNotificationOpenEvent extends Event {
  constructor(
    readonly notification: Notification,
    /** Where the notification points on Circle, when it has a safe web address. */
    readonly url: string | undefined,
  ) {
    super('circle-notification-open', { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the count of new notifications (the bell's badge) changes. */
export class CircleUnreadChangeEvent extends Event {
  constructor(readonly count: number) {
    super('circle-unread-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'circle-auth-required': CircleAuthRequiredEvent;
    'circle-error': CustomEvent<CircleErrorDetail>;
    'circle-post-open': CirclePostOpenEvent;
    'circle-like': CircleLikeEvent;
    'circle-comment': CircleCommentEvent;
    'circle-bookmark': CircleBookmarkEvent;
    'circle-notification-open': CircleNotificationOpenEvent;
    'circle-unread-change': CircleUnreadChangeEvent;
    'circle-event-open': CircleEventOpenEvent;
    'circle-rsvp': CircleRsvpEvent;
  }
}
