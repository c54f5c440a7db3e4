// The DOM events the elements dispatch. All bubble and cross shadow roots, and all are prefixed
// so they can't clash with a host page's own events.

/** Fired when an element needs a signed-in member and the visitor is signed out. */
export class CircleAuthRequiredEvent extends Event {
  constructor() {
    super('circle-auth-required', { bubbles: true, composed: true });
  }
}

/** Fired when an element could not load or save something; `detail` says what kind of failure. */
export type CircleErrorDetail = { kind: string; status: number; message: string };

declare global {
  interface GlobalEventHandlersEventMap {
    'circle-auth-required': CircleAuthRequiredEvent;
    'circle-error': CustomEvent<CircleErrorDetail>;
  }
}
