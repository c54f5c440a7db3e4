import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';
import { http, HttpResponse } from 'msw';

import { LazyPart } from '../src/controllers/lazy-part.js';
import type { LazyModule } from '../src/controllers/lazy-part.js';
import { retryableImport } from '../src/utils/retryable-import.js';
import { worker } from './support/sandbox.js';

interface Greeting extends LazyModule {
  greet(): string;
}

const greeting: Greeting = {
  greet: () => 'Hello from the lazy part',
  styles: [
    css`
      .greeting {
        color: rgb(1, 2, 3);
      }
    `,
  ],
};

/** A fetch the test answers by hand, counting how often it was asked. */
function handFetch() {
  const fetch = {
    calls: 0,
    answers: [] as { resolve: (module: Greeting) => void; reject: (error: Error) => void }[],
    run: () =>
      new Promise<Greeting>((resolve, reject) => {
        fetch.calls += 1;
        fetch.answers.push({ resolve, reject });
      }),
  };
  return fetch;
}

let fetcher = handFetch();

/** Failures the part told its host of, as an element tells the page through circle-error. */
let reported = 0;

class LazyHost extends LitElement {
  readonly extra = new LazyPart(
    this,
    () => fetcher.run(),
    () => (reported += 1),
  );

  override render() {
    if (this.extra.module) return litHtml`<p class="greeting">${this.extra.module.greet()}</p>`;
    return this.extra.failed ? litHtml`<p class="failed">Could not load</p>` : litHtml`<p>…</p>`;
  }
}
customElements.define('lazy-host', LazyHost);

const shown = (host: LazyHost) => host.shadowRoot!.querySelector('p')!;

describe('LazyPart', () => {
  beforeEach(() => {
    fetcher = handFetch();
    reported = 0;
  });

  it('fetches nothing until asked, then once however often it is asked', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
    expect(fetcher.calls).to.equal(0);

    const first = host.extra.load();
    const second = host.extra.load();
    expect(fetcher.calls).to.equal(1);
    fetcher.answers[0]!.resolve(greeting);
    expect(await first).to.equal(greeting);
    expect(await second).to.equal(greeting);
    await host.updateComplete;

    expect(shown(host).textContent).to.equal('Hello from the lazy part');
    expect(getComputedStyle(shown(host)).color).to.equal('rgb(1, 2, 3)');
    await host.extra.load();
    expect(fetcher.calls).to.equal(1);
  });

  it('says a fetch failed, and tries again when asked again', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);

    const failed = host.extra.load();
    fetcher.answers[0]!.reject(new Error('offline'));
    expect(await failed).to.equal(undefined);
    await host.updateComplete;
    expect(shown(host).className).to.equal('failed');

    const retried = host.extra.load();
    expect(fetcher.calls).to.equal(2);
    expect(host.extra.failed, 'failed while trying again').to.equal(false);
    await host.updateComplete;
    expect(shown(host).textContent).to.equal('…');
    fetcher.answers[1]!.resolve(greeting);
    await retried;
    await host.updateComplete;
    expect(host.extra.failed).to.equal(false);
    expect(shown(host).textContent).to.equal('Hello from the lazy part');
  });

  it('reports a failed fetch that a reader asked for, and keeps a failed prefetch quiet', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);

    host.extra.prefetch();
    fetcher.answers[0]!.reject(new Error('offline'));
    await host.updateComplete;
    expect(host.extra.failed).to.equal(true);
    expect(reported, 'a prefetch that failed was reported').to.equal(0);

    host.extra.prefetch();
    expect(fetcher.calls, 'a failed part fetched again by a prefetch').to.equal(1);

    const asked = host.extra.load();
    fetcher.answers[1]!.reject(new Error('offline'));
    await asked;
    expect(reported).to.equal(1);

    // A prefetch still on its way when the reader asks is theirs to hear about.
    const other = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
    other.extra.prefetch();
    const load = other.extra.load();
    expect(fetcher.calls, "the reader's request shares the prefetch").to.equal(3);
    fetcher.answers[2]!.reject(new Error('offline'));
    await load;
    expect(reported).to.equal(2);
  });

  it('keeps a failed part failed while a retry is on its way', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
    const failed = host.extra.load();
    fetcher.answers[0]!.reject(new Error('offline'));
    await failed;

    const retried = host.extra.retry();
    await host.updateComplete;
    expect([host.extra.failed, host.extra.retrying]).to.deep.equal([true, true]);
    expect(shown(host).className, 'the error left while retrying').to.equal('failed');
    expect(host.extra.retry(), 'a second retry shares the first').to.equal(retried);
    expect(fetcher.calls).to.equal(2);

    fetcher.answers[1]!.resolve(greeting);
    await retried;
    await host.updateComplete;
    expect([host.extra.failed, host.extra.retrying]).to.deep.equal([false, false]);
    expect(shown(host).textContent).to.equal('Hello from the lazy part');
  });

  it('styles an element that connects only after its part came in', async () => {
    const host = document.createElement('lazy-host') as LazyHost;
    const loaded = host.extra.load();
    fetcher.answers[0]!.resolve(greeting);
    await loaded;

    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.append(host);
    await host.updateComplete;
    expect(getComputedStyle(shown(host)).color).to.equal('rgb(1, 2, 3)');
    // Connecting again adds the styles no second time.
    host.remove();
    container.append(host);
    expect(host.shadowRoot!.adoptedStyleSheets).to.have.length(1);
  });

  it('fetches a module again after a real import() failed, which Chrome would not', async () => {
    const loadGreeting = retryableImport(() => import('./fixtures/lazy-greeting.js'));
    class ImportHost extends LitElement {
      readonly extra = new LazyPart(this, loadGreeting);

      override render() {
        if (this.extra.module) return litHtml`<p class="greeting">${this.extra.module.greet()}</p>`;
        return litHtml`<p>${this.extra.failed ? 'Could not load' : '…'}</p>`;
      }
    }
    customElements.define('import-host', ImportHost);
    let fetches = 0;
    worker.use(
      http.get('/test/fixtures/lazy-greeting.ts', () => {
        fetches += 1;
        return HttpResponse.error();
      }),
    );
    const host = await fixture<ImportHost>(html`<import-host></import-host>`);

    expect(await host.extra.load()).to.equal(undefined);
    expect(await host.extra.load()).to.equal(undefined);
    expect(fetches).to.equal(2);
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('p')!.textContent).to.equal('Could not load');

    worker.resetHandlers();
    expect((await host.extra.load())?.greet()).to.equal('Hello from a fetched module');
    await host.updateComplete;
    const shown = host.shadowRoot!.querySelector('p')!;
    expect(shown.textContent).to.equal('Hello from a fetched module');
    expect(getComputedStyle(shown).color).to.equal('rgb(4, 5, 6)');
  });
});
