// EndWatcher loads the next page of a list as the list's end comes near: near the viewport, or,
// given a `root`, near the end of the box the list scrolls in (the bell's panel is one).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { LitElement, css, html as litHtml, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';

import { EndWatcher } from '../src/controllers/end-watcher.js';
import type { LoadMore } from '../src/controllers/paged-list.js';

/** A list with one page more to load, counting how often it is asked for. */
class OnePageMore implements LoadMore {
  hasMore = true;
  loadingMore = false;
  loads = 0;

  async loadMore(): Promise<unknown> {
    this.loads += 1;
    this.hasMore = false;
    return [];
  }
}

/** A list in a box 100px high that scrolls, its end `gap` px below the top of the box. */
class BoxedList extends LitElement {
  static override styles = css`
    .box {
      height: 100px;
      overflow: auto;
    }

    .sentinel {
      height: 1px;
    }
  `;

  gap = 0;

  /** Whether the end shows; it comes after the box, as a panel's list comes after the panel. */
  showsEnd = false;

  readonly list = new OnePageMore();

  readonly watcher = new EndWatcher(this, this.list, () => true, {
    root: () => this.renderRoot.querySelector('.box'),
    margin: '200px',
  });

  get box(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('.box')!;
  }

  override render() {
    const end = this.showsEnd && this.list.hasMore;
    return litHtml`<div class="box">
      <div style="height: ${this.gap}px"></div>
      ${end ? litHtml`<div class="sentinel" ${ref(this.watcher.watch)}></div>` : nothing}
    </div>`;
  }
}
customElements.define('boxed-list', BoxedList);

async function boxedList(gap: number): Promise<BoxedList> {
  const element = await fixture<BoxedList>(html`<boxed-list></boxed-list>`);
  element.gap = gap;
  element.showsEnd = true;
  element.requestUpdate();
  await element.updateComplete;
  return element;
}

/** Long enough for an observer to report what it sees, which it does with the next frames. */
const observerReports = () => new Promise((resolve) => setTimeout(resolve, 300));

const WAIT = { timeout: 2000 };

describe('EndWatcher', () => {
  // A page in the background gets no frames, and its observers report nothing.
  before(async () => {
    await executeServerCommand('focus-page');
  });

  it("loads when the list's end comes within the margin of the box it scrolls in", async () => {
    // 150px below the box's visible end: near with a margin on the box, hidden by the box's edge
    // for an observer of the viewport, whatever its margin.
    const element = await boxedList(250);
    await waitUntil(() => element.list.loads === 1, 'nothing loaded', WAIT);
  });

  it('waits while the end is farther than the margin, and loads once the box scrolls to it', async () => {
    const element = await boxedList(500);
    await observerReports();
    expect(element.list.loads, 'loaded 400px before the end').to.equal(0);

    element.box.scrollTop = element.box.scrollHeight;
    await waitUntil(() => element.list.loads === 1, 'nothing loaded at the end', WAIT);
  });
});
