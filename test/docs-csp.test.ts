// The Content Security Policy the docs recommend, enforced on a page of its own: the widgets
// must run under it without a single violation.
import { expect, waitUntil } from '@open-wc/testing';

import { sandbox } from './support/sandbox.js';
import { shadow, shadowAll, waitFor } from './support/dom.js';

/** The policy exactly as the CSP guide writes it. */
async function recommendedPolicy(): Promise<string> {
  const html = await (await fetch('/demo/docs/csp.html')).text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  const blocks = ['#csp-policy', '#csp-trusted-types'].map(
    (selector) => page.querySelector(selector)?.textContent ?? '',
  );
  expect(blocks.every((block) => block.includes('-src') || block.includes('trusted-types'))).to.be
    .true;
  return blocks.join('\n').replace(/\s+/g, ' ').trim();
}

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});

describe('docs: the recommended Content Security Policy', () => {
  before(async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = await recommendedPolicy();
    document.head.append(meta);
  });

  it('is enforced on this page', async () => {
    // An inline style element and an HTML string sink are what the policy forbids.
    const style = document.createElement('style');
    style.textContent = 'body { outline: 1px solid red; }';
    document.head.append(style);
    await waitUntil(() => violations.some((entry) => entry.startsWith('style-src')));
    style.remove();

    expect(() => {
      document.createElement('div').innerHTML = '<b>markup</b>';
    }).to.throw(TypeError);
    await waitUntil(() => violations.some((entry) => entry.startsWith('require-trusted-types')));
    violations.length = 0;
  });

  it('lets every widget load, render, show images and open a video player', async function () {
    this.timeout(20_000);
    const { configure } = await import('../src/index.js');
    configure({ tokenEndpoint: '/api/circle-token' });

    const withEmbed = sandbox.db.posts.find((post) =>
      JSON.stringify(post.tiptap_body ?? '').includes('"type":"embed"'),
    )!;
    expect(withEmbed, 'a sandbox post with an embedded video').to.exist;

    const page = document.createElement('div');
    page.append(
      Object.assign(document.createElement('circle-notifications')),
      Object.assign(document.createElement('circle-feed'), { perPage: 3 }),
      Object.assign(document.createElement('circle-events'), { view: 'month' }),
      Object.assign(document.createElement('circle-events'), { view: 'compact' }),
      Object.assign(document.createElement('circle-notification-preferences')),
    );
    const post = document.createElement('circle-post');
    post.setAttribute('space', withEmbed.space.slug);
    post.setAttribute('post', withEmbed.slug);
    page.append(post);
    document.body.append(page);

    const [notifications, feed, month, compact, preferences] = [...page.children];
    await waitFor(feed!, 'article img');
    await waitFor(month!, '[part~="item"], [role="grid"]');
    await waitFor(compact!, '[part~="item"]');
    await waitFor(preferences!, 'input, select');
    await waitFor(notifications!, 'button');

    // The bell's panel, with its avatars.
    shadow(notifications!, 'button')!.click();
    await waitFor(notifications!, '[part~="item"]');

    // The post's video player, which loads only on request.
    const load = await waitFor<HTMLButtonElement>(post, '.embed-load');
    load.click();
    const player = await waitFor<HTMLIFrameElement>(post, 'iframe');
    expect(new URL(player.src).origin).to.be.oneOf([
      'https://www.youtube-nocookie.com',
      'https://player.vimeo.com',
    ]);

    // Violations are reported asynchronously; give the images and the frame time to start.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shadowAll(feed!, 'img').length).to.be.greaterThan(0);
    expect(violations).to.deep.equal([]);
    page.remove();
  });
});
