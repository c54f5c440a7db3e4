// Editing and deleting one's own comments come in their own module, fetched when a member reaches
// for Edit or Delete. A page keeps a module once it has it, so the fetch can only fail before any
// test has edited: this file has the post's only such test.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';

import { worker } from './support/sandbox.js';
import { ownCommentAndPost } from './support/post.js';
import { shadow, textOf, waitFor } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CirclePost } from '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-post/circle-post.js';

const EDITING_MODULE = '/src/elements/circle-post/comment-editing.ts';

describe('<circle-post> comment editing, fetched on first use', () => {
  beforeEach(() => {
    resetSessions();
    sessionStorage.clear();
  });

  it('fetches on intent, shows a click waiting, says a failed fetch, and edits on retry', async () => {
    const { comment: mine, post } = ownCommentAndPost();
    let fetches = 0;
    worker.use(
      http.get(EDITING_MODULE, async () => {
        fetches += 1;
        await delay(300);
        return HttpResponse.error();
      }),
    );
    const container = await fixture<HTMLDivElement>(
      `<div><circle-post token-endpoint="/api/circle-token" space="${post.space.slug}"
        post="${post.slug}" per-page="60"></circle-post></div>`,
    );
    const element = container.querySelector<CirclePost>('circle-post')!;
    const edit = await waitFor<HTMLButtonElement>(
      element,
      `#comment-${mine.id} [part~="edit-button"]`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetches, 'fetched before anyone reached for Edit').to.equal(0);

    // Focusing Edit starts the fetch; a click meanwhile shows Edit and Delete busy.
    edit.focus();
    await waitUntil(() => fetches === 1, 'focusing Edit fetched nothing');
    edit.click();
    await element.updateComplete;
    expect(edit.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(element, `#edit-${mine.id}`)).to.equal(null);

    // The fetch fails: the element's error, with its retry, in the comment; Edit works again.
    const error = await waitFor(element, `#comment-${mine.id} > [part~="error"]`);
    expect(error.getAttribute('role')).to.equal('alert');
    expect(textOf(error)).to.contain('could not be reached');
    expect(edit.getAttribute('aria-disabled')).to.equal('false');
    expect(element.shadowRoot!.activeElement).to.equal(edit);

    // Back online, the retry fetches again and opens the editor it was asked for, focused.
    worker.resetHandlers();
    error.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    const editor = await waitFor<HTMLTextAreaElement>(element, `#edit-${mine.id}`);
    await element.updateComplete;
    expect(editor.value).to.equal(mine.body_text);
    expect(element.shadowRoot!.activeElement).to.equal(editor);
    expect(shadow(element, `#comment-${mine.id} > [part~="error"]`)).to.equal(null);

    // Delete's confirmation brings its own styles.
    shadow<HTMLButtonElement>(element, `#comment-${mine.id} [part~="delete-button"]`)!.click();
    const confirm = await waitFor(element, `#comment-${mine.id} [part~="confirm-delete"]`);
    expect(getComputedStyle(confirm).display).to.equal('flex');
  });
});
