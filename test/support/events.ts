// What the tests of <circle-events>' lazily fetched parts share: the element on the sandbox's
// events, its parts as a reader finds them, the page's requests for the parts' code, and the
// error a part shows when its code could not be fetched.
import { sandbox, worker } from './sandbox.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';

import { msg } from '../../src/i18n/strings.js';
import type { CircleEvents } from '../../src/elements/circle-events/circle-events.js';
import '../../src/elements/circle-events/circle-events.js';

export const ENDPOINT = '/api/circle-token';
export const WAIT = { timeout: 4000 };

export type SandboxPost = (typeof sandbox.db.posts)[number];

/** The element on the sandbox's events, 50 to a page so that a test rarely needs a second. */
export async function calendar(attributes = ''): Promise<CircleEvents> {
  return fixture<CircleEvents>(
    `<circle-events token-endpoint="${ENDPOINT}" per-page="50" ${attributes}></circle-events>`,
  );
}

/** The first node with the part `name`, inside an element's shadow root or under a node. */
export function part(root: Element, name: string): HTMLElement | null {
  return (root.shadowRoot ?? root).querySelector<HTMLElement>(`[part~="${name}"]`);
}

export function parts(root: Element, name: string): HTMLElement[] {
  return [...(root.shadowRoot ?? root).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** Visible text with runs of white space folded, as a reader would see it. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The element's focused node, as a short description for a failure message. */
export function focusOf(element: CircleEvents): string {
  const focused = element.shadowRoot!.activeElement;
  return focused ? `<${focused.localName}> ${focused.getAttribute('part') ?? ''}` : 'nothing';
}

export async function loaded(element: CircleEvents): Promise<void> {
  await waitUntil(() => part(element, 'item'), 'no events shown', WAIT);
}

/** The upcoming events in the sandbox, soonest first, as the list shows them. */
export function upcoming(): SandboxPost[] {
  const now = Date.now();
  const startOf = (post: SandboxPost) => Date.parse(post.event_setting_attributes!.starts_at!);
  return sandbox.db.posts
    .filter((post) => Date.parse(post.event_setting_attributes?.ends_at ?? '') > now)
    .sort((a, b) => startOf(a) - startOf(b));
}

/** The next upcoming event in the sandbox, which the list shows first. */
export function firstUpcoming(): SandboxPost {
  return upcoming()[0];
}

/** The card of one event post, found by its title's id. */
export function card(element: CircleEvents, post: SandboxPost): HTMLElement {
  const title = element.shadowRoot!.getElementById(`event-${post.id}-title`)!;
  return title.closest<HTMLElement>('[part~="item"]')!;
}

/** The link or button in an event's title, which opens the event. */
export function titleLink(element: CircleEvents, post: SandboxPost): HTMLElement {
  return part(card(element, post), 'title')!.querySelector<HTMLElement>('a, button')!;
}

/** Fails unless `error` is the element's error state for an unreachable part, with its retry. */
export function expectUnreachable(error: HTMLElement | null, where: string): void {
  expect(error !== null, `no error in ${where}`).to.equal(true);
  expect(error!.getAttribute('role')).to.equal('alert');
  expect(text(error)).to.include(msg('errorTitle'));
  expect(text(error)).to.include(msg('errorNetwork'));
  expect(text(part(error!, 'retry-button'))).to.equal(msg('retry'));
}

/** Where the test server serves the element's modules, such as `event-detail.ts`. */
export const CODE = '/src/elements/circle-events/';

/**
 * Records the page's requests for the element's modules by file name (`event-detail.ts`, once
 * for each attempt, whatever its query), until `stop()`.
 */
export function recordCodeRequests(): { asked: string[]; stop: () => void } {
  const asked: string[] = [];
  const record = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith(CODE)) asked.push(path.slice(CODE.length));
  };
  worker.events.on('request:start', record);
  return { asked, stop: () => worker.events.removeListener('request:start', record) };
}
