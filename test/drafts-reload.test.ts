// Unsent text survives a real page reload, not only a new element: the page is a same-origin
// frame that loads the library on its own, and the frame's document is reloaded for real. The
// sandbox's service worker controls the frame, so its requests reach this page's community.
import { expect, waitUntil } from '@open-wc/testing';
import { http } from 'msw';

import { sandbox, worker } from './support/sandbox.js';
import { conversationPost, serverError } from './support/faults.js';
import { msg } from '../src/i18n/strings.js';
import { draftKey } from '../src/elements/circle-post/composer.js';

const API = 'https://app.circle.so/api/headless/v1';
const WAIT = { timeout: 6000 };
const ELEMENT_URL = '/src/elements/circle-post/circle-post.ts';

type PageWindow = Window & { elementReady?: boolean };

/** Resolves once the frame has (re)loaded its page and the element module in it. */
async function pageReady(frame: HTMLIFrameElement): Promise<HTMLElement> {
  await waitUntil(
    () => (frame.contentWindow as PageWindow | null)?.elementReady,
    'the page did not load the element',
    WAIT,
  );
  return frame.contentDocument!.querySelector<HTMLElement>('circle-post')!;
}

function composerOf(element: HTMLElement): HTMLTextAreaElement | null {
  return (
    element.shadowRoot?.querySelector<HTMLTextAreaElement>(
      '[part~="comments"] > [part~="composer"] textarea',
    ) ?? null
  );
}

describe('Drafts across a page reload', function () {
  this.timeout(20_000);

  let frame: HTMLIFrameElement;

  beforeEach(() => sessionStorage.clear());
  afterEach(() => frame?.remove());

  it('puts a comment whose send failed back in the box after the page reloads', async () => {
    const post = conversationPost();
    let sends = 0;
    worker.use(
      http.post(`${API}/posts/:post_id/comments`, () => {
        sends += 1;
        return serverError(500)();
      }),
    );

    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 600px; border: 0;';
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <circle-post token-endpoint="/api/circle-token" space="${post.space.slug}"
        post="${post.slug}"></circle-post>
      <script type="module">
        import '${ELEMENT_URL}';
        window.elementReady = true;
      </script>
    </body></html>`;
    document.body.append(frame);

    const element = await pageReady(frame);
    await waitUntil(() => composerOf(element), 'no comment box', WAIT);
    const text = 'Written before the reload.\n\nAnd a second paragraph.';
    const field = composerOf(element)!;
    field.focus();
    field.value = text;
    field.dispatchEvent(new InputEvent('input', { bubbles: true }));
    field.form!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await waitUntil(
      () => element.shadowRoot!.querySelector('[part~="composer-error"]'),
      'no error shown',
      WAIT,
    );
    expect(
      element.shadowRoot!.querySelector('[part~="composer-error"]')!.textContent!.trim(),
    ).to.equal(msg('postCommentFailed'));
    expect(sends).to.equal(1);

    // A real reload: the frame's document, its module graph and the element are all new.
    const before = frame.contentDocument;
    frame.contentWindow!.location.reload();
    await waitUntil(() => frame.contentDocument !== before, 'the page did not reload', WAIT);
    const again = await pageReady(frame);
    expect(again).not.to.equal(element);

    await waitUntil(() => composerOf(again)?.value === text, 'the draft did not come back', WAIT);
    expect(sessionStorage.getItem(draftKey(sandbox.db.currentMemberId, post.id!))).to.equal(text);
    expect(sends, 'the reload sent nothing by itself').to.equal(1);
  });
});
