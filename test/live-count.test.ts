import { expect, waitUntil } from '@open-wc/testing';

import { FakeClock, settle } from './support/fake-clock.js';
import { LiveCount, liveCountName } from '../src/elements/circle-notifications/live-count.js';
import type {
  LiveCountHost,
  LiveCountOptions,
  LiveMessage,
} from '../src/elements/circle-notifications/live-count.js';

const INTERVAL = 1000;
const MAX_BACKOFF = 5000;
const WAIT = { timeout: 4000 };
const MODULE_URL = '/src/elements/circle-notifications/live-count.ts';

/** Stands in for GET /notifications/new_notifications_count. */
class FakeCountEndpoint {
  count = 3;
  failWith?: unknown;
  /** When true, requests wait for release() (or their abort). */
  hold = false;
  calls = 0;
  active = 0;
  mostAtOnce = 0;
  readonly signals: AbortSignal[] = [];
  private readonly held: Array<() => void> = [];

  readonly fetchCount = (signal: AbortSignal): Promise<number> => {
    this.calls += 1;
    this.active += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.active);
    this.signals.push(signal);

    return new Promise<number>((resolve, reject) => {
      const answer = () => {
        if (signal.aborted) return;
        this.active -= 1;
        if (this.failWith !== undefined) reject(this.failWith);
        else resolve(this.count);
      };
      signal.addEventListener('abort', () => {
        this.active -= 1;
        reject(new DOMException('Aborted', 'AbortError'));
      });

      if (this.hold) this.held.push(answer);
      else queueMicrotask(answer);
    });
  };

  /** Answers every request that is waiting. */
  release(): void {
    this.hold = false;
    this.held.splice(0).forEach((answer) => answer());
  }
}

/** What one LiveCount reported. */
class Recorder {
  readonly messages: LiveMessage[] = [];
  readonly errors: unknown[] = [];
  readonly onMessage = (message: LiveMessage) => this.messages.push(message);
  readonly onError = (error: unknown) => this.errors.push(error);

  get counts(): number[] {
    return this.messages.flatMap((message) => (message.type === 'count' ? [message.count] : []));
  }
}

let keyNumber = 0;
/** A key no earlier test used, so that locks and channels never leak between tests. */
const freshKey = () => `/api/circle-token|member-${Date.now()}-${++keyNumber}`;

const started: LiveCount[] = [];
const frames: HTMLIFrameElement[] = [];

function setVisibility(target: Document, state: DocumentVisibilityState): void {
  Object.defineProperty(target, 'visibilityState', { configurable: true, get: () => state });
  target.dispatchEvent(new Event('visibilitychange'));
}

interface Setup {
  live: LiveCount;
  clock: FakeClock;
  endpoint: FakeCountEndpoint;
  recorder: Recorder;
}

/** A started LiveCount in this page, with fakes around it. */
function startLive(overrides: Partial<LiveCountOptions> = {}): Setup {
  const clock = new FakeClock();
  const endpoint = new FakeCountEndpoint();
  const recorder = new Recorder();
  const live = new LiveCount({
    key: freshKey(),
    fetchCount: endpoint.fetchCount,
    onMessage: recorder.onMessage,
    onError: recorder.onError,
    intervalMs: INTERVAL,
    maxBackoffMs: MAX_BACKOFF,
    clock,
    ...overrides,
  });
  live.start();
  started.push(live);
  return { live, clock, endpoint, recorder };
}

/** Starts one in this page and waits until it leads (it is alone with its key). */
async function startLeader(overrides: Partial<LiveCountOptions> = {}): Promise<Setup> {
  const setup = startLive(overrides);
  await waitUntil(() => setup.live.leader, 'never became the leader', WAIT);
  await waitUntil(() => setup.endpoint.calls === 1, 'no first fetch', WAIT);
  await settle();
  return setup;
}

/** This window, without Web Locks and BroadcastChannel, as in browsers that lack them. */
function hostWithoutCoordination(): LiveCountHost {
  return {
    document,
    navigator: {},
    BroadcastChannel: undefined,
    addEventListener: (type, listener) => window.addEventListener(type, listener),
    removeEventListener: (type, listener) => window.removeEventListener(type, listener),
  };
}

type FrameWindow = Window & { LiveCount?: typeof LiveCount };

/** A second page of this origin that loads the module on its own, like another tab. */
async function openPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><script type="module">
    import { LiveCount } from '${MODULE_URL}';
    window.LiveCount = LiveCount;
  </script>`;
  document.body.append(frame);
  frames.push(frame);
  await waitUntil(
    () => (frame.contentWindow as FrameWindow | null)?.LiveCount,
    'the page did not load the module',
    WAIT,
  );
  return frame;
}

/** Starts a LiveCount inside `frame`, using that page's own copy of the module. */
function startInPage(frame: HTMLIFrameElement, key: string): Setup {
  const PageLiveCount = (frame.contentWindow as FrameWindow).LiveCount!;
  const clock = new FakeClock();
  const endpoint = new FakeCountEndpoint();
  const recorder = new Recorder();
  const live = new PageLiveCount({
    key,
    fetchCount: endpoint.fetchCount,
    onMessage: recorder.onMessage,
    onError: recorder.onError,
    intervalMs: INTERVAL,
    clock,
  });
  live.start();
  started.push(live);
  return { live, clock, endpoint, recorder };
}

/** Two pages with the same key, the first one leading; returns [leader, follower]. */
async function twoPages(): Promise<[Setup, Setup, HTMLIFrameElement, HTMLIFrameElement]> {
  const key = freshKey();
  const [firstFrame, secondFrame] = await Promise.all([openPage(), openPage()]);
  const first = startInPage(firstFrame, key);
  await waitUntil(() => first.recorder.counts.length === 1, 'the first page never led', WAIT);
  const second = startInPage(secondFrame, key);
  await waitUntil(() => second.recorder.counts.length > 0, 'no count reached page two', WAIT);
  return [first, second, firstFrame, secondFrame];
}

beforeEach(() => {
  // Headless tabs are visible, but a test must not depend on it.
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
});

afterEach(() => {
  started.splice(0).forEach((live) => live.stop());
  frames.splice(0).forEach((frame) => frame.remove());
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe('LiveCount polling', () => {
  it('fetches at once, then once per interval while the page is visible', async () => {
    const { clock, endpoint, recorder } = await startLeader();
    expect(recorder.counts).to.deep.equal([3]);

    endpoint.count = 5;
    await clock.tick(INTERVAL - 1);
    expect(endpoint.calls).to.equal(1);

    await clock.tick(1);
    expect(endpoint.calls).to.equal(2);
    expect(recorder.counts).to.deep.equal([3, 5]);

    await clock.tick(INTERVAL * 3);
    expect(endpoint.calls).to.equal(5);
    expect(recorder.errors).to.deep.equal([]);
  });

  it('uses 60 seconds between polls unless told otherwise', async () => {
    const { clock, endpoint } = await startLeader({ intervalMs: undefined });

    await clock.tick(59_999);
    expect(endpoint.calls).to.equal(1);
    await clock.tick(1);
    expect(endpoint.calls).to.equal(2);
  });

  it('does not poll while the page is hidden, and refreshes when it shows again', async () => {
    const { live, clock, endpoint, recorder } = await startLeader();

    setVisibility(document, 'hidden');
    await clock.tick(INTERVAL * 10);
    expect(endpoint.calls).to.equal(1);
    expect(clock.pendingTimers).to.equal(0);
    expect(live.leader).to.equal(false);

    endpoint.count = 8;
    setVisibility(document, 'visible');
    await waitUntil(() => endpoint.calls === 2, 'no refresh on showing', WAIT);
    await settle();
    expect(recorder.counts).to.deep.equal([3, 8]);

    await clock.tick(INTERVAL);
    expect(endpoint.calls).to.equal(3);
  });

  it('waits for the page to show before its first fetch', async () => {
    setVisibility(document, 'hidden');
    const { live, clock, endpoint } = startLive();
    await settle();
    await clock.tick(INTERVAL * 5);
    expect(endpoint.calls).to.equal(0);
    expect(live.leader).to.equal(false);

    setVisibility(document, 'visible');
    await waitUntil(() => endpoint.calls === 1, 'no fetch on showing', WAIT);
  });

  it('refreshes at once on focus and when the browser comes back online', async () => {
    const { clock, endpoint } = await startLeader();

    await clock.tick(INTERVAL / 2);
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(endpoint.calls).to.equal(2);

    // The interval starts again from the refresh.
    await clock.tick(INTERVAL - 1);
    expect(endpoint.calls).to.equal(2);
    await clock.tick(1);
    expect(endpoint.calls).to.equal(3);

    window.dispatchEvent(new Event('online'));
    await settle();
    expect(endpoint.calls).to.equal(4);
  });

  it('waits longer after each failure, up to the cap, and back to normal after a success', async () => {
    const clock = new FakeClock();
    const failure = new Error('503');
    const endpoint = new FakeCountEndpoint();
    endpoint.failWith = failure;
    const { recorder } = startLive({ clock, fetchCount: endpoint.fetchCount });
    await waitUntil(() => endpoint.calls === 1, 'no first fetch', WAIT);
    await settle();

    // Each wait is the interval doubled per failure, capped; a poll comes only once it ends.
    const expectedWaits = [2, 4, 5, 5].map((seconds) => seconds * 1000);
    for (const [index, wait] of expectedWaits.entries()) {
      await clock.tick(wait - 1);
      expect(endpoint.calls, `before wait ${index + 1} ended`).to.equal(index + 1);
      await clock.tick(1);
      expect(endpoint.calls, `after wait ${index + 1}`).to.equal(index + 2);
    }
    expect(recorder.errors).to.have.length(5);
    expect(recorder.errors[0]).to.equal(failure);
    expect(recorder.counts).to.deep.equal([]);

    endpoint.failWith = undefined;
    await clock.tick(MAX_BACKOFF);
    expect(recorder.counts).to.deep.equal([3]);

    const callsAfterSuccess = endpoint.calls;
    await clock.tick(INTERVAL);
    expect(endpoint.calls).to.equal(callsAfterSuccess + 1);

    // The next failure starts the doubling over, from the first step.
    endpoint.failWith = failure;
    await clock.tick(INTERVAL);
    expect(endpoint.calls).to.equal(callsAfterSuccess + 2);
    await clock.tick(2 * INTERVAL - 1);
    expect(endpoint.calls).to.equal(callsAfterSuccess + 2);
    await clock.tick(1);
    expect(endpoint.calls).to.equal(callsAfterSuccess + 3);
  });

  it('fetches at once when the browser comes back online during a back-off', async () => {
    const clock = new FakeClock();
    const endpoint = new FakeCountEndpoint();
    endpoint.failWith = new TypeError('Failed to fetch');
    const { recorder } = startLive({ clock, fetchCount: endpoint.fetchCount });
    await waitUntil(() => endpoint.calls === 1, 'no first fetch', WAIT);
    await settle();
    await clock.tick(2 * INTERVAL);
    expect(endpoint.calls, 'the first back-off ended in a second try').to.equal(2);

    // A back-off of 4 s is pending; the network returns long before it ends.
    expect(clock.delays.at(-1)).to.be.closeTo(4 * INTERVAL, 1);
    expect(clock.pendingTimers).to.equal(1);
    await clock.tick(INTERVAL);
    endpoint.failWith = undefined;
    endpoint.count = 4;
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(endpoint.calls, 'no fetch on coming back online').to.equal(3);
    expect(recorder.counts).to.deep.equal([4]);

    // The back-off is gone: the next poll comes one normal interval later, and only then.
    expect(clock.pendingTimers).to.equal(1);
    expect(clock.delays.at(-1)).to.equal(INTERVAL);
    await clock.tick(INTERVAL - 1);
    expect(endpoint.calls).to.equal(3);
    await clock.tick(1);
    expect(endpoint.calls).to.equal(4);
    await clock.tick(4 * INTERVAL);
    expect(endpoint.calls, 'the old back-off timer fired too').to.equal(8);
  });

  it('spreads the waits after failures between half and all of the doubled wait', async () => {
    const clock = new FakeClock();
    clock.randomValue = 0;
    const endpoint = new FakeCountEndpoint();
    endpoint.failWith = new Error('offline');
    startLive({ clock, fetchCount: endpoint.fetchCount });
    await waitUntil(() => endpoint.calls === 1, 'no first fetch', WAIT);
    await settle();
    await clock.tick(INTERVAL * 3);

    // Ceilings of 2 s, 4 s, then the 5 s cap, of which the jitter kept the lower half.
    const ceilings = [2000, 4000, MAX_BACKOFF];
    expect(clock.delays.slice(0, 3)).to.deep.equal(ceilings.map((ceiling) => ceiling / 2));
  });

  it('never sends a request while another is out, but refreshes after it when asked', async () => {
    const clock = new FakeClock();
    const endpoint = new FakeCountEndpoint();
    endpoint.hold = true;
    const { live, recorder } = startLive({ clock, fetchCount: endpoint.fetchCount });
    await waitUntil(() => endpoint.calls === 1, 'no first fetch', WAIT);

    await clock.tick(INTERVAL * 5);
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    live.refresh();
    await settle();
    expect(endpoint.calls).to.equal(1);

    // The explicit refresh() may have followed a change the answer under way predates.
    endpoint.count = 0;
    endpoint.release();
    endpoint.hold = true;
    await waitUntil(() => endpoint.calls === 2, 'no fetch after the refresh', WAIT);
    expect(endpoint.mostAtOnce).to.equal(1);

    endpoint.release();
    await settle();
    expect(recorder.counts).to.deep.equal([0, 0]);
    expect(endpoint.mostAtOnce).to.equal(1);
  });

  it('rejects an answer that is not a count', async () => {
    const clock = new FakeClock();
    const endpoint = new FakeCountEndpoint();
    endpoint.count = Number.NaN;
    const { recorder } = startLive({ clock, fetchCount: endpoint.fetchCount });
    await waitUntil(() => recorder.errors.length === 1, 'no error reported', WAIT);

    expect(recorder.errors[0]).to.be.instanceOf(TypeError);
    expect(recorder.counts).to.deep.equal([]);
  });

  it('stop() aborts the request under way and stops timers, listeners and leadership', async () => {
    const key = freshKey();
    const { live, clock, endpoint, recorder } = await startLeader({ key });
    endpoint.hold = true;
    await clock.tick(INTERVAL);
    expect(endpoint.calls).to.equal(2);

    live.stop();
    expect(endpoint.signals[1].aborted).to.equal(true);
    expect(live.leader).to.equal(false);
    expect(clock.pendingTimers).to.equal(0);

    endpoint.release();
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    setVisibility(document, 'hidden');
    setVisibility(document, 'visible');
    live.refresh();
    await clock.tick(INTERVAL * 10);
    expect(endpoint.calls).to.equal(2);
    expect(recorder.counts).to.deep.equal([3]);

    const locks = await navigator.locks.query();
    const names = [...(locks.held ?? []), ...(locks.pending ?? [])].map((lock) => lock.name);
    expect(names).not.to.include(liveCountName(key));
  });

  it('starts again after stop(), as when the bell is moved in the page', async () => {
    const { live, clock, endpoint } = await startLeader();
    live.stop();

    live.start();
    await waitUntil(() => live.leader, 'not leading again', WAIT);
    await waitUntil(() => endpoint.calls === 2, 'no fetch after restarting', WAIT);
    await settle();
    await clock.tick(INTERVAL);
    expect(endpoint.calls).to.equal(3);
  });

  it('keeps a count shared by a tab over an answer fetched before it', async () => {
    const key = freshKey();
    const { clock, endpoint, recorder } = await startLeader({ key });
    const otherTab = startLive({ key });
    endpoint.hold = true;
    await clock.tick(INTERVAL);

    // Another tab opened the panel, which reset the count while this fetch was out.
    otherTab.live.share({ type: 'count', count: 0 });
    await waitUntil(() => recorder.counts.length === 2, 'the shared count never came', WAIT);
    endpoint.release();
    await settle();

    expect(recorder.counts).to.deep.equal([3, 0]);
  });

  it('ignores malformed messages on the channel', async () => {
    const key = freshKey();
    const { recorder } = await startLeader({ key });
    const otherScript = new BroadcastChannel(liveCountName(key));
    otherScript.postMessage({ type: 'read', id: '7' });
    otherScript.postMessage({ type: 'count', count: -1 });
    otherScript.postMessage({ type: 'unknown' });
    otherScript.postMessage('all-read');
    otherScript.postMessage({ type: 'removed', id: 7 });
    await waitUntil(() => recorder.messages.length === 2, 'the valid message never came', WAIT);
    await settle();
    otherScript.close();

    expect(recorder.messages).to.deep.equal([
      { type: 'count', count: 3 },
      { type: 'removed', id: 7 },
    ]);
  });

  it('lets every tab poll for itself without Web Locks or BroadcastChannel', async () => {
    const key = freshKey();
    const first = startLive({ key, host: hostWithoutCoordination() });
    const second = startLive({ key, host: hostWithoutCoordination() });
    await settle();

    expect([first.live.leader, second.live.leader]).to.deep.equal([true, true]);
    expect([first.live.coordinated, second.live.coordinated]).to.deep.equal([false, false]);
    expect([first.endpoint.calls, second.endpoint.calls]).to.deep.equal([1, 1]);

    await first.clock.tick(INTERVAL);
    await second.clock.tick(INTERVAL);
    expect([first.endpoint.calls, second.endpoint.calls]).to.deep.equal([2, 2]);

    setVisibility(document, 'hidden');
    await first.clock.tick(INTERVAL * 3);
    expect(first.endpoint.calls).to.equal(2);

    // Asked for explicitly, a hidden tab fetches once, but does not start polling again.
    first.live.refresh();
    await settle();
    expect(first.endpoint.calls).to.equal(3);
    await first.clock.tick(INTERVAL * 3);
    expect(first.endpoint.calls).to.equal(3);
  });
});

describe('LiveCount across tabs', () => {
  it('has one page poll and share its counts with the other', async () => {
    const [leader, follower] = await twoPages();

    expect(leader.live.leader).to.equal(true);
    expect(follower.live.leader).to.equal(false);
    expect(follower.live.coordinated).to.equal(true);
    // The follower got the leader's last count without fetching one.
    expect(follower.recorder.counts).to.deep.equal([3]);

    leader.endpoint.count = 12;
    await leader.clock.tick(INTERVAL * 3);
    await follower.clock.tick(INTERVAL * 3);
    await waitUntil(() => follower.recorder.counts.length === 4, 'counts did not arrive', WAIT);

    expect(leader.endpoint.calls).to.equal(4);
    expect(follower.endpoint.calls).to.equal(0);
    expect(follower.recorder.counts).to.deep.equal([3, 12, 12, 12]);
  });

  it('passes read changes from either page to the other', async () => {
    const [leader, follower] = await twoPages();

    follower.live.share({ type: 'read', id: 41 });
    follower.live.share({ type: 'removed', id: 42 });
    leader.live.share({ type: 'all-read' });
    leader.live.share({ type: 'count', count: 0 });
    await waitUntil(() => leader.recorder.messages.length === 3, 'changes did not arrive', WAIT);
    await waitUntil(() => follower.recorder.messages.length === 3, 'changes did not arrive', WAIT);

    expect(leader.recorder.messages.slice(1)).to.deep.equal([
      { type: 'read', id: 41 },
      { type: 'removed', id: 42 },
    ]);
    expect(follower.recorder.messages.slice(1)).to.deep.equal([
      { type: 'all-read' },
      { type: 'count', count: 0 },
    ]);
  });

  it('lets a follower that gains focus ask the leader for a fresh count', async () => {
    const [leader, follower, , followerFrame] = await twoPages();

    leader.endpoint.count = 9;
    followerFrame.contentWindow!.dispatchEvent(new Event('focus'));
    await waitUntil(() => leader.endpoint.calls === 2, 'the leader did not refresh', WAIT);
    await waitUntil(() => follower.recorder.counts.includes(9), 'no fresh count', WAIT);
    expect(follower.endpoint.calls).to.equal(0);
  });

  it('hands polling over when the leader stops', async () => {
    const [leader, follower] = await twoPages();

    leader.live.stop();
    await waitUntil(() => follower.live.leader, 'the follower never took over', WAIT);
    await waitUntil(() => follower.endpoint.calls === 1, 'the new leader did not fetch', WAIT);
    await settle();
    await follower.clock.tick(INTERVAL);
    expect(follower.endpoint.calls).to.equal(2);
  });

  it('hands polling over when the leader page goes away', async () => {
    const [, follower, leaderFrame] = await twoPages();

    leaderFrame.remove();
    await waitUntil(() => follower.live.leader, 'the follower never took over', WAIT);
    await waitUntil(() => follower.endpoint.calls === 1, 'the new leader did not fetch', WAIT);
  });

  it('hands polling over to a visible page when the leader page is hidden', async () => {
    const [leader, follower, leaderFrame] = await twoPages();

    setVisibility(leaderFrame.contentDocument!, 'hidden');
    await waitUntil(() => follower.live.leader, 'the visible page never took over', WAIT);
    await waitUntil(() => follower.endpoint.calls === 1, 'the new leader did not fetch', WAIT);
    await leader.clock.tick(INTERVAL * 3);
    expect(leader.endpoint.calls).to.equal(1);

    // The hidden page still hears the counts, so it is current when it shows again.
    follower.endpoint.count = 6;
    await follower.clock.tick(INTERVAL);
    await waitUntil(() => leader.recorder.counts.includes(6), 'the hidden page missed it', WAIT);
  });
});
