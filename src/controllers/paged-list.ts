import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One page of items, and where the next page starts (undefined at the end). */
export interface PageResult<T, Cursor> {
  items: T[];
  next?: Cursor;
}

export interface PagedListOptions<T, Cursor> {
  fetchPage: (cursor: Cursor, signal: AbortSignal) => Promise<PageResult<T, Cursor>>;
  /** Told about a failed "load more", after the list has recorded it. */
  onError?: (error: unknown) => void;
  /** Told about the items each page added, the first page included. */
  onItems?: (items: T[]) => void;
  /** Told about the items a "load more" added, for example to announce them. */
  onMore?: (items: T[]) => void;
}

/** What a "Load more" button needs to know about a list. */
export interface LoadMore {
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly error?: unknown;
  loadMore(): Promise<unknown>;
}

/**
 * A list that grows a page at a time: the items so far, where the next page starts, and the
 * state of the "load more" in flight. The first page is the element's Task's job (it owns the
 * loading, empty and error states); this controller takes it from there.
 */
export class PagedList<T extends { id?: number }, Cursor> implements ReactiveController, LoadMore {
  items: T[] = [];
  next?: Cursor;
  loadingMore = false;

  /** Why the last "load more" failed, until the next attempt. */
  error?: unknown;

  private abort?: AbortController;

  /** The "load more" on its way, which a second call waits for rather than starting another. */
  private inFlight?: Promise<T[]>;

  /** What the items shown came from, as `loadFirst` was told. */
  private sourceKey?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagedListOptions<T, Cursor>,
  ) {
    host.addController(this);
  }

  get hasMore(): boolean {
    return this.next !== undefined;
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /**
   * Replaces the list with the page at `cursor`, cancelling any "load more". `source` names what
   * the list shows (a space, a sort, a filter): while a page of another source loads, the old
   * items go at once, so nobody reads or acts on them under the new heading. Reloading the same
   * source keeps them on screen until the fresh page is in.
   */
  async loadFirst(
    cursor: Cursor,
    signal: AbortSignal,
    source?: readonly unknown[],
  ): Promise<PageResult<T, Cursor>> {
    this.abort?.abort();

    const sourceKey = source && JSON.stringify(source);
    if (sourceKey !== this.sourceKey) {
      this.sourceKey = sourceKey;
      this.clear();
    }

    const page = await this.options.fetchPage(cursor, signal);
    this.items = page.items;
    this.next = page.next;
    this.error = undefined;
    this.host.requestUpdate();
    this.options.onItems?.(page.items);
    return page;
  }

  /**
   * Appends the next page, skipping items already shown; resolves with the new ones. While a
   * page is on its way, resolves with that page's.
   */
  loadMore(): Promise<T[]> {
    if (this.loadingMore && this.inFlight) return this.inFlight;
    if (this.next === undefined) return Promise.resolve([]);

    this.inFlight = this.loadNext(this.next);
    return this.inFlight;
  }

  private async loadNext(cursor: Cursor): Promise<T[]> {
    const abort = (this.abort = new AbortController());
    this.loadingMore = true;
    this.error = undefined;
    this.host.requestUpdate();

    try {
      const page = await this.options.fetchPage(cursor, abort.signal);
      const shown = new Set(this.items.map((item) => item.id));
      const fresh = page.items.filter((item) => !shown.has(item.id));
      this.items = [...this.items, ...fresh];
      this.next = page.next;
      this.options.onItems?.(fresh);
      if (fresh.length > 0) this.options.onMore?.(fresh);
      return fresh;
    } catch (error) {
      if (abort.signal.aborted) return [];
      this.error = error;
      this.options.onError?.(error);
      return [];
    } finally {
      if (this.abort === abort) this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Empties the list, for example when another member signs in. */
  clear(): void {
    this.abort?.abort();
    this.loadingMore = false;
    this.items = [];
    this.next = undefined;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** Changes the item with `id` in place, keeping its position. */
  update(id: number, changes: Partial<T>): void {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...changes } : item));
    this.host.requestUpdate();
  }

  /** Applies `change` to every item. */
  updateAll(change: (item: T) => T): void {
    this.items = this.items.map(change);
    this.host.requestUpdate();
  }
}
