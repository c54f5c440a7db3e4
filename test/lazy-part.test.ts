import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, html as litHtml } from 'lit';

import { LazyPart } from '../src/controllers/lazy-part.js';
import type { LazyModule } from '../src/controllers/lazy-part.js';

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

class LazyHost extends LitElement {
  readonly extra = new LazyPart(this, () => fetcher.run());

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
    await host.updateComplete;
    expect(host.extra.failed, 'still failed while fetching again').to.equal(false);
    expect(shown(host).textContent).to.equal('…');
    fetcher.answers[1]!.resolve(greeting);
    await retried;
    await host.updateComplete;
    expect(host.extra.failed).to.equal(false);
    expect(shown(host).textContent).to.equal('Hello from the lazy part');
  });

  it('asks nothing of the network while the browser is offline, and fetches once it is back', async () => {
    const host = await fixture<LazyHost>(html`<lazy-host></lazy-host>`);
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      expect(await host.extra.load()).to.equal(undefined);
      expect(fetcher.calls, 'fetched while offline').to.equal(0);
      await host.updateComplete;
      expect(shown(host).className).to.equal('failed');
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }

    const retried = host.extra.load();
    expect(fetcher.calls).to.equal(1);
    fetcher.answers[0]!.resolve(greeting);
    await retried;
    await host.updateComplete;
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
});
