// Timers for the notification poller that move only when a test says so.
import type { LiveCountClock } from '../../src/elements/circle-notifications/live-count.js';

/** Lets promise callbacks and queued tasks (lock grants, channel messages) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Timers that only move when a test says so. */
export class FakeClock implements LiveCountClock {
  randomValue = 1 - Number.EPSILON;
  /** The delays asked for, in order, so tests can read the back-off. */
  readonly delays: number[] = [];
  private time = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): number {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, callback });
    this.delays.push(ms);
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  random(): number {
    return this.randomValue;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time on by `ms`, firing every timer that falls due on the way, in order. */
  async tick(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const [next] = [...this.timers]
        .filter(([, timer]) => timer.at <= end)
        .sort(([, a], [, b]) => a.at - b.at);
      if (!next) break;

      const [handle, timer] = next;
      this.timers.delete(handle);
      this.time = timer.at;
      timer.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}
