import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Even a far-off change is checked at least this often, so a sleeping laptop catches up. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/** Changes due within this much of each other are drawn in one update. */
const SHORTEST_WAIT_MS = 1000;

/**
 * The time labels such as "starts in 5 minutes" are drawn with. Rather than ticking every
 * second, the host says after each render when its labels next change (`wakeAt`), and the clock
 * updates the host once, then. It also catches up when the page becomes visible again, as
 * background tabs' timers are throttled.
 */
export class LiveClock implements ReactiveController {
  /** The time to draw with; it only moves when the host is about to update. */
  now = Date.now();

  private timer?: ReturnType<typeof setTimeout>;
  private wakeTime?: number;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.tick();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    clearTimeout(this.timer);
    this.timer = this.wakeTime = undefined;
  }

  /** Asks for an update at `time` (a Date.now() value); the earliest request wins. */
  wakeAt(time: number | undefined): void {
    if (time === undefined || !Number.isFinite(time)) return;
    if (this.wakeTime !== undefined && this.wakeTime <= time && this.timer !== undefined) return;

    clearTimeout(this.timer);
    this.wakeTime = time;
    const wait = Math.min(Math.max(time - Date.now(), SHORTEST_WAIT_MS), LONGEST_WAIT_MS);
    this.timer = setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    clearTimeout(this.timer);
    this.timer = this.wakeTime = undefined;
    this.now = Date.now();
    this.host.requestUpdate();
  }

  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.tick();
  };
}
