// What a long feed fetches to window its list, as one module: the virtualizer and its layout
// together, so the layout is there when the list first draws rather than one request later, and
// the code that keeps the reader's place and focus at the switch and after it.
export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
export type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
export { flow } from '@lit-labs/virtualizer/layouts/flow.js';

/** The card the windowed list starts at, for its first drawing only. */
export interface Pin {
  index: number;
  block: ScrollLogicalPosition;
}

/** Where the reader was in a plain list: a card, and its distance from the viewport's top. */
interface ScrollAnchor {
  index: number;
  top: number;
}

/**
 * Swaps the plain `list` for the windowed one that `swap` draws (starting at `pin`), keeping the
 * reader's place: the card at the top of the viewport stays where it is, and so does keyboard
 * focus. `swap` resolves with the windowed list, or nothing if the feed is gone.
 */
export async function switchToWindowed(
  root: ShadowRoot,
  list: HTMLElement,
  swap: (pin?: Pin) => Promise<HTMLElement | undefined>,
): Promise<void> {
  const anchor = scrollAnchor(list);
  const focus = focusInCard(root, list);
  const windowed = await swap(anchor && { index: anchor.index, block: 'start' });
  if (!windowed) return;

  if (anchor) {
    // The windowed list first brings the pinned card to the top, over a few frames; the browser
    // then moves it back to where the reader had it, which also releases the pin.
    // TODO: the card shows at the top for those frames; a pin with an offset would avoid that,
    // but the virtualizer's pin only takes `block`.
    const card = await settledCard(windowed, anchor.index);
    if (card) {
      card.style.scrollMarginTop = `${anchor.top}px`;
      card.scrollIntoView({ block: 'start' });
      card.style.scrollMarginTop = '';
    }
  }

  if (focus) {
    const card = windowed.querySelector<HTMLElement>(`article[aria-posinset="${focus.index + 1}"]`);
    const control = focus.part && card?.querySelector<HTMLElement>(`[part="${focus.part}"]`);
    (control || card || windowed).focus({ preventScroll: true });
  }
}

/**
 * The card at `index` once it has stopped moving for three frames: the windowed list treats a
 * scroll within two frames of its own corrections as one of them, and would keep its pin.
 * Undefined if the card doesn't settle within a second.
 */
async function settledCard(list: HTMLElement, index: number): Promise<HTMLElement | undefined> {
  let lastTop: number | undefined;
  let stillFrames = 0;
  for (let frame = 0; frame < 60; frame += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const card = list.querySelector<HTMLElement>(`article[aria-posinset="${index + 1}"]`);
    const top = card?.getBoundingClientRect().top;
    stillFrames = card && top === lastTop ? stillFrames + 1 : 0;
    if (card && stillFrames === 3) return card;
    lastTop = top;
  }
  return undefined;
}

/** Which card holds keyboard focus, and which of its controls by `part`, if any. */
function focusInCard(
  root: ShadowRoot,
  list: HTMLElement,
): { index: number; part: string | null } | undefined {
  const active = root.activeElement;
  const card = active?.closest('article');
  if (!active || !card || !list.contains(card)) return undefined;

  const index = Number(card.getAttribute('aria-posinset')) - 1;
  return { index, part: active === card ? null : active.getAttribute('part') };
}

/** The first card whose top the reader can see, once the list starts above the viewport. */
function scrollAnchor(list: HTMLElement): ScrollAnchor | undefined {
  const cards = [...list.querySelectorAll('article')];
  if (!cards[0] || cards[0].getBoundingClientRect().top >= 0) return undefined;

  const index = cards.findIndex((card) => card.getBoundingClientRect().top >= 0);
  if (index < 0) return undefined;
  return { index, top: cards[index]!.getBoundingClientRect().top };
}

/**
 * The virtualizer removes cards that scroll far away, focused or not. When that takes the focus
 * with it, the feed's list takes focus, so the next Tab continues from the cards on screen rather
 * than from the top of the page. Its handlers go on the windowed list.
 */
export class FocusKeeper {
  /** The card that held keyboard focus. */
  private focusedPostId?: number;

  constructor(
    private readonly root: ShadowRoot,
    private readonly list: () => HTMLElement | undefined,
  ) {}

  readonly focusIn = (event: FocusEvent): void => {
    const card = (event.target as Element).closest?.('article');
    this.focusedPostId = card ? Number(card.getAttribute('data-post-id')) : undefined;
  };

  readonly focusOut = (event: FocusEvent): void => {
    const target = event.target as Element;
    if (event.relatedTarget) {
      if (!this.root.contains(event.relatedTarget as Node)) this.focusedPostId = undefined;
      return;
    }
    requestAnimationFrame(() => {
      if (target.isConnected) this.focusedPostId = undefined;
      else this.keepFocusInFeed();
    });
  };

  readonly keepFocusInFeed = (): void => {
    if (this.focusedPostId === undefined || this.root.activeElement) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    this.list()?.focus({ preventScroll: true });
  };
}
