import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { LoadMore } from './paged-list.js';

/** How far below the viewport the end of a list may be when the next page starts loading. */
const PREFETCH_MARGIN = '600px';

/** Where a list scrolls, for one that scrolls in a box of its own rather than in the page. */
export interface EndWatcherOptions {
  /** The box the list scrolls in, asked for when the sentinel appears; null for the viewport. */
  root?: () => Element | null;
  /** How far below the box's visible end the sentinel may be when the next page starts loading. */
  margin?: string;
}

/**
 * Infinite paging: loads the next page of `list` when an element at its end (the sentinel)
 * comes near the viewport, or near the end of the box the list scrolls in. Render the sentinel
 * with `${ref(watcher.watch)}` while the list has more; `enabled` lets the host switch to a
 * "Load more" button instead.
 */
export class EndWatcher implements ReactiveController {
  private observer?: IntersectionObserver;
  private sentinel?: Element;

  constructor(
    host: ReactiveControllerHost,
    private readonly list: LoadMore,
    private readonly enabled: () => boolean,
    private readonly options: EndWatcherOptions = {},
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.watch(undefined);
  }

  /** The ref callback: Lit passes the sentinel, then undefined when it leaves the DOM. */
  readonly watch = (sentinel: Element | undefined): void => {
    this.observer?.disconnect();
    this.observer = undefined;
    this.sentinel = sentinel;
    if (!sentinel) return;

    const margin = this.options.margin ?? PREFETCH_MARGIN;
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void this.loadMoreNearEnd();
      },
      { root: this.options.root?.() ?? null, rootMargin: `0px 0px ${margin} 0px` },
    );
    this.observer.observe(sentinel);
  };

  private async loadMoreNearEnd(): Promise<void> {
    const list = this.list;
    if (!this.enabled() || list.loadingMore || list.error || !list.hasMore) return;

    await list.loadMore();

    // The observer reports changes only; if the end is still near, ask it to look again once
    // the new items have had a frame to render.
    await new Promise(requestAnimationFrame);
    const { observer, sentinel } = this;
    if (observer && sentinel) {
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    }
  }
}
