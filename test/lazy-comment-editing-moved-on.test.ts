// A member who pressed Edit and went on to write elsewhere before its code came. A page keeps a
// module once it has it, so this test, which needs the code still missing, has a page of its own.
import { expect, fixture, waitUntil } from '@open-wc/testing';

import './support/sandbox.js';
import { holdModule } from './support/held-module.js';
import { ownCommentAndPost } from './support/post.js';
import { shadow, waitFor } from './support/dom.js';
import { resetSessions } from '../src/session/session.js';
import type { CirclePost } from '../src/elements/circle-post/circle-post.js';
import '../src/elements/circle-post/circle-post.js';

const EDITING_MODULE = '/src/elements/circle-post/comment-editing.ts';

describe('<circle-post> comment editing that comes after the member moved on', () => {
  beforeEach(() => {
    resetSessions();
    sessionStorage.clear();
  });

  it('leaves the member where they are typing, and edits at the next press', async () => {
    const { comment: mine, post } = ownCommentAndPost();
    const code = holdModule(EDITING_MODULE);
    const element = await fixture<CirclePost>(
      `<circle-post token-endpoint="/api/circle-token" space="${post.space.slug}"
        post="${post.slug}" per-page="60"></circle-post>`,
    );
    const edit = await waitFor<HTMLButtonElement>(
      element,
      `#comment-${mine.id} [part~="edit-button"]`,
    );
    const composer = await waitFor<HTMLTextAreaElement>(element, 'textarea');

    // Edit waits for its code; meanwhile the member starts a new comment.
    edit.focus();
    edit.click();
    await element.updateComplete;
    expect(edit.getAttribute('aria-disabled')).to.equal('true');
    composer.focus();

    code.release();
    await waitUntil(code.answered, 'the code was not sent');
    await waitUntil(() => edit.getAttribute('aria-disabled') === 'false', 'Edit stayed busy');
    expect(shadow(element, `#edit-${mine.id}`), 'the editor opened unasked').to.equal(null);
    expect(element.shadowRoot!.activeElement, 'focus left the new comment').to.equal(composer);

    edit.click();
    const editor = await waitFor<HTMLTextAreaElement>(element, `#edit-${mine.id}`);
    await element.updateComplete;
    expect(element.shadowRoot!.activeElement).to.equal(editor);
  });
});
