// A snippet from the docs' builder, pasted into a page that has nothing else: on a page of its
// own, so that only the snippet's script defines the elements.
import { expect, waitUntil } from '@open-wc/testing';

import './support/sandbox.js';
import { shadowAll, textOf } from './support/dom.js';
import type { Manifest } from '../demo/docs/manifest.js';
import { mountSnippetBuilder } from '../demo/docs/snippet-builder.js';

const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
const { version } = (await (await fetch('/package.json')).json()) as { version: string };

/** The builder's snippet for a feed of two posts, with the sandbox's endpoint. */
function builtSnippet(): string {
  const root = document.createElement('div');
  const builder = mountSnippetBuilder(root, { manifest, version });

  const select = root.querySelector<HTMLSelectElement>('#snippet-element')!;
  select.value = 'circle-feed';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  const fill = (selector: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  fill('#snippet-token-endpoint', '/api/circle-token');
  fill('[data-attribute="per-page"]', '2');
  fill('[data-attribute="paging"]', 'button');

  return builder.snippet;
}

describe('docs: a pasted snippet', () => {
  it('shows the community on a blank page', async () => {
    expect(customElements.get('circle-feed')).to.equal(undefined);

    const template = document.createElement('template');
    template.innerHTML = builtSnippet();
    const [pastedScript, feed] = [...template.content.children] as [HTMLScriptElement, Element];
    expect(pastedScript.src).to.equal(
      `https://cdn.jsdelivr.net/npm/circle-widgets@${version}/dist/cdn/loader.js`,
    );

    // The same tag, loading the source instead of the CDN, which this machine can't reach.
    const script = document.createElement('script');
    for (const { name, value } of pastedScript.attributes) script.setAttribute(name, value);
    script.src = '/src/index.ts';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = () => reject(new Error('/src/index.ts did not load'));
    });
    document.body.append(feed, script);
    await loaded;

    await waitUntil(() => shadowAll(feed, 'article h3').length > 0, 'the feed showed no posts', {
      timeout: 5000,
    });
    const titles = shadowAll(feed, 'article h3').map((title) => textOf(title));
    expect(titles.length).to.be.within(1, 2);
    expect(titles.every((title) => title.length > 0)).to.equal(true);
    expect(shadowAll(feed, 'button').some((button) => textOf(button) === 'Load more')).to.equal(
      true,
    );
    feed.remove();
  });
});
