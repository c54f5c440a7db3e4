// A video embed's card comes in its own module, fetched the first time a body shows a video. The
// module is fetched once per page, so this file's tests run in order: the first two see it not
// fetched yet, the next ones find it in.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { http, HttpResponse, passthrough } from 'msw';

import { worker } from './support/sandbox.js';
import { renderRichText } from '../src/rich-text/render.js';
import type { TiptapBody } from '../src/rich-text/render.js';
import { richTextStyles } from '../src/rich-text/rich-text.styles.js';

const EMBED_MODULE = '/src/rich-text/embed.ts';

const video = (url: string, title?: string): TiptapBody => ({
  body: { type: 'doc', content: [{ type: 'embed', attrs: { url, title } }] },
});

/** Shows a body in a shadow root, styled as the elements style theirs. */
class RichTextHost extends LitElement {
  static override styles = [richTextStyles];
  static override properties = { body: { attribute: false } };
  body?: TiptapBody;

  override render() {
    return renderRichText(this.body, null, {
      strings: { loadFailed: 'Could not load.', retry: 'Again' },
    });
  }
}
customElements.define('rich-text-host', RichTextHost);

async function show(body: TiptapBody): Promise<RichTextHost> {
  return fixture<RichTextHost>(html`<rich-text-host .body=${body}></rich-text-host>`);
}

const inside = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<T>(selector);

describe('video cards, fetched on first use', () => {
  it('never fetches the card code for a link to another site', async () => {
    let fetches = 0;
    worker.use(
      http.get(EMBED_MODULE, () => {
        fetches += 1;
        return passthrough();
      }),
    );
    const host = await show(video('https://example.com/talk', 'A talk'));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inside(host, '.embed')).to.equal(null);
    expect(inside(host, '.embed-link a')!.textContent).to.equal('A talk');
    expect(fetches).to.equal(0);
  });

  it('shows the link in a busy box, says when the card could not be fetched, and retries', async () => {
    let fetches = 0;
    worker.use(
      http.get(EMBED_MODULE, () => {
        fetches += 1;
        return HttpResponse.error();
      }),
    );
    const host = await show(video('https://youtu.be/dQw4w9WgXcQ', 'A song'));

    // At once: the box with its link, busy, while the card's code is on its way.
    const box = inside(host, '.embed')!;
    const busyHeight = box.getBoundingClientRect().height;
    expect(box.getAttribute('aria-busy')).to.equal('true');
    expect(inside<HTMLAnchorElement>(host, '.embed a')!.href).to.equal(
      'https://youtu.be/dQw4w9WgXcQ',
    );
    expect(inside(host, '.embed-load')).to.equal(null);

    await waitUntil(() => inside(host, '.embed [role="alert"]'), 'no failure was shown');
    expect(fetches).to.equal(1);
    expect(box.hasAttribute('aria-busy')).to.equal(false);
    expect(inside(host, '.embed [role="alert"]')!.textContent).to.equal('Could not load.');

    // Still offline: trying again fails again, and says so.
    const retry = inside<HTMLButtonElement>(host, '.embed button')!;
    expect(retry.textContent!.trim()).to.equal('Again');
    retry.focus();
    retry.click();
    await waitUntil(() => fetches === 2, 'the retry fetched nothing');
    await host.updateComplete;
    expect(inside(host, '.embed [role="alert"]')).to.exist;

    // Back online: the card replaces the failure, in the same box, and focus moves to its button.
    worker.resetHandlers();
    inside<HTMLButtonElement>(host, '.embed button')!.click();
    await waitUntil(() => inside(host, '.embed-load'), 'the retry did not work');
    expect(inside(host, '.embed')).to.equal(box);
    expect(inside(host, '[role="alert"]')).to.equal(null);
    expect(host.shadowRoot!.activeElement).to.equal(inside(host, '.embed-load'));

    // The card's own styles came with it, and the box kept its size.
    expect(box.getBoundingClientRect().height).to.be.closeTo(busyHeight, 1);
    expect(getComputedStyle(inside(host, '.embed-load')!).borderRadius).to.equal('999px');
    inside<HTMLButtonElement>(host, '.embed-load')!.click();
    await host.updateComplete;
    const frame = inside<HTMLIFrameElement>(host, 'iframe')!;
    expect(frame.src).to.match(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?/);
    expect(getComputedStyle(frame).aspectRatio).to.equal('16 / 9');
    expect(host.shadowRoot!.activeElement).to.equal(frame);
  });

  it('draws later videos as cards at once, styled in every shadow root', async () => {
    const host = await show(video('https://vimeo.com/76979871'));

    expect(inside(host, '.embed')!.hasAttribute('aria-busy')).to.equal(false);
    const load = inside(host, '.embed-load')!;
    expect(getComputedStyle(load).borderRadius).to.equal('999px');
    // Adopted once per shadow root, however many videos it shows.
    host.body = video('https://vimeo.com/1234567');
    await host.updateComplete;
    expect(host.shadowRoot!.adoptedStyleSheets).to.have.length(2);
  });

  it('links a video site address without a video, once the card code tells', async () => {
    const host = await show(video('https://www.youtube.com/@channel', 'A channel'));

    expect(inside(host, '.embed, button')).to.equal(null);
    expect(inside<HTMLAnchorElement>(host, '.embed-link a')!.textContent).to.equal('A channel');
  });
});
