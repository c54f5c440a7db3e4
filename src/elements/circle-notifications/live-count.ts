// Keeps the notification bell's count fresh: polls while the page is visible, with one poller
// for all of a member's tabs, and tells the other tabs about reads made in this one.
//
// How the tabs share the work: only a *visible* tab may hold the Web Lock named after the key.
// The holder (the leader) polls and broadcasts each count on a BroadcastChannel of the same
// name; the other visible tabs queue on the lock and take over when the leader is hidden,
// stopped or closed. Hidden tabs stay on the channel, so they are up to date when they come
// back. Holding the lock only while visible keeps both rules at once: nobody polls when no
// tab is in sight, and a hidden leader can't starve a visible tab of counts.

/** A change that tabs tell each other about; counts are also what the poller reports. */
export type LiveMessage =
  | { type: 'count'; count: number }
  | { type: 'read'; id: number }
  | { type: 'all-read' }
  | { type: 'removed'; id: number };

/** Timers and randomness, replaceable by fakes in tests. */
export interface LiveCountClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** A number in [0, 1), for the jitter of the back-off. */
  random(): number;
}

/** The parts of a window the engine listens to; the current window by default. */
export interface LiveCountHost {
  readonly document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
  readonly navigator: { readonly locks?: LockManager };
  readonly BroadcastChannel?: typeof BroadcastChannel;
  addEventListener(type: string, listener: EventListener): void;
  removeEventListener(type: string, listener: EventListener): void;
}

/** How a {@link LiveCount} gets the count and reports what happens. */
export interface LiveCountOptions {
  /**
   * Names the lock and the channel, so that communities and members sharing one origin keep
   * apart (for example the token endpoint's URL and the member's id). Never put a secret in it:
   * any script of the origin can list lock names.
   */
  key: string;
  /** Asks Circle for the count of new notifications; should give up when `signal` aborts. */
  fetchCount: (signal: AbortSignal) => Promise<number>;
  /** Counts (fetched here or by the leader) and the changes other tabs shared. */
  onMessage: (message: LiveMessage) => void;
  /** A failed fetch; polling goes on, more slowly, until a fetch succeeds or stop(). */
  onError?: (error: unknown) => void;
  /** Time between two polls after a success; 60 s by default. */
  intervalMs?: number;
  /** The longest wait after failures; 15 min by default. */
  maxBackoffMs?: number;
  /** Test seam: timers and randomness. */
  clock?: LiveCountClock;
  /** Test seam: the window whose visibility, events, locks and channels are used. */
  host?: LiveCountHost;
}

/** What travels on the channel: the shared changes, plus requests to the leader. */
type WireMessage = LiveMessage | { type: 'refresh' } | { type: 'sync' };

const DEFAULT_INTERVAL_MS = 60_000;
const DEFAULT_MAX_BACKOFF_MS = 15 * 60_000;

/** Beyond this, doubling the wait again changes nothing but risks overflowing. */
const MAX_DOUBLINGS = 30;

/** @internal The name of the lock and of the channel for a key; tests post on it directly. */
export function liveCountName(key: string): string {
  return `circle-widgets:notifications:${key}`;
}

const realClock: LiveCountClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/**
 * Polls the notification count while the page is visible, with one poller per browser for a
 * given key, and shares counts and read-state changes between tabs.
 */
export class LiveCount {
  private readonly options: LiveCountOptions;
  private readonly clock: LiveCountClock;
  private readonly host: LiveCountHost;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly name: string;

  private running = false;
  /** True when every tab polls for itself, for want of Web Locks or BroadcastChannel. */
  private solo = false;
  private channel?: BroadcastChannel;
  /** The lock request of this run, queued or granted. */
  private lockRequest?: AbortController;
  /** Set while this tab holds the lock; calling it gives the lock back. */
  private releaseLock?: () => void;

  private timer: unknown;
  private inFlight?: AbortController;
  /** An explicit refresh() arrived during a fetch, whose answer may predate the change. */
  private fetchAgain = false;
  private failures = 0;
  private lastCount?: number;
  /** Grows whenever a tab shares a count, so a fetch started before it can't overwrite it. */
  private sharedCounts = 0;

  constructor(options: LiveCountOptions) {
    this.options = options;
    this.clock = options.clock ?? realClock;
    this.host = options.host ?? (globalThis as unknown as Window & typeof globalThis);
    this.intervalMs = positiveOr(options.intervalMs, DEFAULT_INTERVAL_MS);
    this.maxBackoffMs = positiveOr(options.maxBackoffMs, DEFAULT_MAX_BACKOFF_MS);
    this.name = liveCountName(options.key);
  }

  /** Whether this tab is the one that fetches the count (every tab is, without coordination). */
  get leader(): boolean {
    return this.running && (this.solo || this.releaseLock !== undefined);
  }

  /** Whether tabs share one poller; false when the browser lacks Web Locks or BroadcastChannel. */
  get coordinated(): boolean {
    return this.running && !this.solo;
  }

  /** Starts polling (or following the leader); does nothing when already started. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.fetchAgain = false;

    this.host.addEventListener('focus', this.onFocus);
    this.host.addEventListener('online', this.onOnline);
    this.host.document.addEventListener('visibilitychange', this.onVisibilityChange);

    // Fallback: without Web Locks or BroadcastChannel tabs can't agree on a leader or share
    // what they fetch, so every tab polls for itself (still only while it is visible).
    const locks = this.host.navigator.locks;
    const Channel = this.host.BroadcastChannel;
    if (!locks || !Channel) {
      this.goSolo();
      return;
    }

    try {
      this.channel = new Channel(this.name);
    } catch {
      this.goSolo();
      return;
    }
    this.channel.addEventListener('message', this.onChannelMessage);
    this.solo = false;

    // A tab that starts as a follower would otherwise wait up to a whole interval for a count.
    this.post({ type: 'sync' });
    if (this.visible()) this.seekLeadership();
  }

  /** Stops everything: timers, listeners and the fetch under way; gives back the lock. */
  stop(): void {
    if (!this.running) return;
    this.running = false;

    this.host.removeEventListener('focus', this.onFocus);
    this.host.removeEventListener('online', this.onOnline);
    this.host.document.removeEventListener('visibilitychange', this.onVisibilityChange);

    this.stopPolling();
    this.resign();
    this.channel?.removeEventListener('message', this.onChannelMessage);
    this.channel?.close();
    this.channel = undefined;
    this.solo = false;
  }

  /**
   * Gets a fresh count now: fetches it when this tab polls, or asks the leader to. A refresh
   * asked for during a fetch runs once that fetch ends, since its answer may be out of date.
   */
  refresh(): void {
    if (!this.running) return;

    if (this.leader) {
      if (this.inFlight) this.fetchAgain = true;
      else void this.poll();
    } else {
      this.post({ type: 'refresh' });
    }
  }

  /** Tells the other tabs about a change made in this one; this tab's onMessage is not called. */
  share(message: LiveMessage): void {
    if (!this.running) return;

    if (message.type === 'count') this.noteSharedCount(message.count);
    this.post(message);
  }

  private readonly onFocus = (): void => {
    this.nudge();
  };

  private readonly onOnline = (): void => {
    // Every tab hears it, so the leader alone acts on it.
    if (this.leader && this.visible()) void this.poll();
  };

  private readonly onVisibilityChange = (): void => {
    if (!this.visible()) {
      this.stopPolling();
      if (!this.solo) this.resign();
      return;
    }

    if (this.solo) {
      void this.poll();
    } else {
      // Another visible tab may lead already: it refreshes, and this one queues behind it.
      this.post({ type: 'refresh' });
      this.seekLeadership();
    }
  };

  private readonly onChannelMessage = (event: MessageEvent): void => {
    const message = parseWireMessage(event.data);
    if (!message || !this.running) return;

    switch (message.type) {
      case 'refresh':
        if (this.leader) this.nudge();
        break;
      case 'sync':
        if (this.leader && this.lastCount !== undefined) {
          this.post({ type: 'count', count: this.lastCount });
        }
        break;
      case 'count':
        this.noteSharedCount(message.count);
        this.options.onMessage(message);
        break;
      default:
        this.options.onMessage(message);
    }
  };

  /** A refresh that events ask for: it joins a fetch under way instead of queueing another. */
  private nudge(): void {
    if (!this.visible()) return;

    if (this.leader) {
      if (!this.inFlight) void this.poll();
    } else {
      this.post({ type: 'refresh' });
    }
  }

  private goSolo(): void {
    this.solo = true;
    if (this.visible()) void this.poll();
  }

  /** Queues for the lock; the callback runs when this tab becomes the leader. */
  private seekLeadership(): void {
    const locks = this.host.navigator.locks;
    if (!locks || this.lockRequest) return;

    const request = new AbortController();
    this.lockRequest = request;
    locks
      .request(this.name, { mode: 'exclusive', signal: request.signal }, () => {
        // Granted after this tab gave up on it (stop or hidden): hand it straight back.
        if (this.lockRequest !== request) return undefined;

        return new Promise<void>((release) => {
          this.releaseLock = release;
          this.failures = 0;
          void this.poll();
        });
      })
      .catch((error: unknown) => {
        if (request.signal.aborted) return;

        // An origin without locks (a sandboxed frame, for one) still deserves a count.
        if (this.lockRequest === request && this.running) {
          this.lockRequest = undefined;
          this.channel?.close();
          this.channel = undefined;
          this.goSolo();
        }
        this.options.onError?.(error);
      });
  }

  /** Leaves the queue, or gives back the lock so that another visible tab takes over. */
  private resign(): void {
    this.lockRequest?.abort();
    this.lockRequest = undefined;
    this.releaseLock?.();
    this.releaseLock = undefined;
  }

  private stopPolling(): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.fetchAgain = false;
  }

  /** Fetches the count once (never two at a time), then plans the next fetch. */
  private async poll(): Promise<void> {
    if (this.inFlight) return;
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;

    const controller = new AbortController();
    this.inFlight = controller;
    const sharedBefore = this.sharedCounts;
    let count: number;
    try {
      count = await this.options.fetchCount(controller.signal);
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new TypeError('The notification count is not a whole number.');
      }
    } catch (error) {
      // Stopped or hidden meanwhile: whoever aborted it decides what comes next.
      if (this.inFlight !== controller) return;
      this.inFlight = undefined;

      this.failures += 1;
      this.fetchAgain = false;
      this.schedule(this.backoffDelay());
      this.options.onError?.(error);
      return;
    }
    if (this.inFlight !== controller) return;
    this.inFlight = undefined;
    this.failures = 0;

    if (this.fetchAgain) {
      this.fetchAgain = false;
      void this.poll();
    } else {
      this.schedule(this.intervalMs);
    }

    // A tab shared a count (after a reset, say) while this fetch was out: its answer is older.
    if (this.sharedCounts !== sharedBefore) return;
    this.lastCount = count;
    this.post({ type: 'count', count });
    this.options.onMessage({ type: 'count', count });
  }

  private schedule(delay: number): void {
    this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.leader || !this.visible()) return;

    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, delay);
  }

  /** Exponential, capped, with "equal jitter": between half and all of the doubled wait. */
  private backoffDelay(): number {
    const doublings = Math.min(this.failures, MAX_DOUBLINGS);
    const ceiling = Math.min(this.maxBackoffMs, this.intervalMs * 2 ** doublings);
    return ceiling / 2 + (this.clock.random() * ceiling) / 2;
  }

  private noteSharedCount(count: number): void {
    this.sharedCounts += 1;
    this.lastCount = count;
  }

  private post(message: WireMessage): void {
    this.channel?.postMessage(message);
  }

  private visible(): boolean {
    return this.host.document.visibilityState === 'visible';
  }
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Any script of the origin can post on the channel, so only well-formed messages count. */
function parseWireMessage(data: unknown): WireMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;

  const { type, id, count } = data as Record<string, unknown>;
  switch (type) {
    case 'refresh':
    case 'sync':
    case 'all-read':
      return { type };
    case 'read':
    case 'removed':
      return Number.isSafeInteger(id) ? { type, id: id as number } : undefined;
    case 'count':
      return Number.isSafeInteger(count) && (count as number) >= 0
        ? { type, count: count as number }
        : undefined;
    default:
      return undefined;
  }
}
