// Editing and deleting one's own comments: fetched when a member reaches for Edit or Delete, so
// readers who never do don't download it. The functions work on the thread's own state, as its
// methods would (bracket access reaches its private members).

import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

import type { Comment } from '../../api/types.js';
import { CircleCommentEvent } from '../../events.js';
import type { TiptapNode } from '../../rich-text/render.js';
import type { CommentThreadElement, Editing } from './comment-thread.js';
import { textToTiptap } from './composer.js';

export const styles = [
  css`
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: 0.5rem;
      font-size: 0.875em;
    }
  `,
];

/**
 * The text the plain-text editor starts from, for a comment `isPlainTextComment` accepts: the way
 * back from `textToTiptap`, so saving it unchanged keeps its paragraphs and breaks. Circle's
 * `body_text` can't serve, as it joins paragraphs with a single newline.
 */
export function tiptapToText(tiptapBody: unknown): string {
  const doc = (tiptapBody as { body?: TiptapNode } | null | undefined)?.body;
  const inline = (node: TiptapNode): string =>
    node.type === 'hardBreak'
      ? '\n'
      : (node.text ?? '') + (node.content ?? []).map(inline).join('');
  return (doc?.content ?? []).map(inline).join('\n\n');
}

/** The form that edits `comment` in place of its body. */
export function renderEditor(
  thread: CommentThreadElement,
  comment: Comment,
  editing: Editing,
  parent?: Comment,
): TemplateResult {
  const fieldId = `edit-${comment.id}`;
  return html`<form
    class="composer"
    part="editor"
    @submit=${(event: Event) => {
      event.preventDefault();
      void saveEdit(thread, parent);
    }}
  >
    <label class="visually-hidden" for=${fieldId}>${thread['t']('postEditLabel')}</label>
    <textarea
      id=${fieldId}
      part="textarea"
      rows="3"
      .value=${editing.text}
      @input=${(event: InputEvent) => {
        thread['editing'] = { ...editing, text: (event.target as HTMLTextAreaElement).value };
      }}
    ></textarea>
    ${
      editing.error
        ? html`<p class="notice" part="composer-error" role="alert">${editing.error}</p>`
        : nothing
    }
    <div class="composer-actions">
      <button class="button" type="button" @click=${() => cancelEdit(thread)}>
        ${thread['t']('postCancel')}
      </button>
      <button
        class="button primary"
        part="button save-button"
        type="submit"
        aria-disabled=${editing.saving ? 'true' : 'false'}
      >
        ${thread['t'](editing.saving ? 'postSaving' : 'postSave')}
      </button>
    </div>
  </form>`;
}

/** The inline "Delete this comment?" question under `comment`. */
export function renderDeleteConfirm(
  thread: CommentThreadElement,
  comment: Comment,
  parent?: Comment,
): TemplateResult {
  const pending = Boolean(thread['deleting']?.pending);
  const t = (key: Parameters<CommentThreadElement['t']>[0]) => thread['t'](key);
  return html`<div
    class="confirm"
    part="confirm-delete"
    role="group"
    aria-label=${t('postDeleteConfirm')}
  >
    <span>${t(pending ? 'postDeleting' : 'postDeleteConfirm')}</span>
    <button
      class="button primary"
      part="button confirm-yes"
      type="button"
      aria-disabled=${pending ? 'true' : 'false'}
      @click=${() => void confirmDelete(thread, comment, parent)}
    >
      ${t('postDeleteYes')}
    </button>
    <button
      class="button"
      part="button confirm-no"
      type="button"
      ?disabled=${pending}
      @click=${() => void cancelDelete(thread, comment)}
    >
      ${t('postDeleteNo')}
    </button>
  </div>`;
}

export async function startEdit(thread: CommentThreadElement, comment: Comment): Promise<void> {
  thread['editing'] = {
    id: comment.id ?? 0,
    text: tiptapToText(comment.tiptap_body),
    saving: false,
  };
  await thread.updateComplete;
  thread['query']<HTMLTextAreaElement>(`#edit-${comment.id}`)?.focus();
}

async function cancelEdit(thread: CommentThreadElement): Promise<void> {
  const id = thread['editing']?.id;
  thread['editing'] = undefined;
  await thread.updateComplete;
  thread['query'](`[data-edit="${id}"]`)?.focus();
}

async function saveEdit(thread: CommentThreadElement, parent?: Comment): Promise<void> {
  const api = thread['sessionController'].api;
  const editing = thread['editing'];
  const postId = thread['threadPost']?.id;
  if (!api || !editing || editing.saving || postId === undefined) return;

  const doc = textToTiptap(editing.text);
  if (doc.content.length === 0) {
    thread['editing'] = { ...editing, error: thread['t']('postWriteSomething') };
    return;
  }

  thread['editing'] = { ...editing, saving: true, error: undefined };
  const body = { comment: { tiptap_body: { body: doc } } };
  try {
    const updated = parent
      ? await api.patch('/comments/{comment_id}/replies/{id}', {
          params: { comment_id: parent.id ?? 0, id: editing.id },
          body,
        })
      : await api.patch('/posts/{post_id}/comments/{id}', {
          params: { post_id: postId, id: editing.id },
          body,
        });
    thread['listOf'](parent).update(editing.id, updated);
    thread['editing'] = undefined;
    thread.dispatchEvent(new CircleCommentEvent('update', updated));
    await thread.updateComplete;
    thread['query'](`[data-edit="${editing.id}"]`)?.focus();
  } catch (error) {
    thread['editing'] = { ...editing, saving: false, error: thread['t']('postEditFailed') };
    thread['dispatchError'](error);
    await thread.updateComplete;
    thread['query']<HTMLTextAreaElement>(`#edit-${editing.id}`)?.focus();
  }
}

export async function askDelete(thread: CommentThreadElement, comment: Comment): Promise<void> {
  thread['deleting'] = { id: comment.id ?? 0, pending: false };
  thread['commentNotice'] = undefined;
  await thread.updateComplete;
  thread['query'](`#comment-${comment.id} [part~="confirm-no"]`)?.focus();
}

async function cancelDelete(thread: CommentThreadElement, comment: Comment): Promise<void> {
  thread['deleting'] = undefined;
  await thread.updateComplete;
  thread['query'](`[data-delete="${comment.id}"]`)?.focus();
}

/** Deletes after the inline confirmation; focus moves to the next comment, or the composer. */
async function confirmDelete(
  thread: CommentThreadElement,
  comment: Comment,
  parent?: Comment,
): Promise<void> {
  const api = thread['sessionController'].api;
  const id = comment.id ?? 0;
  const postId = thread['threadPost']?.id;
  if (!api || thread['deleting']?.pending || postId === undefined) return;

  thread['deleting'] = { id, pending: true };
  try {
    if (parent) {
      const params = { comment_id: parent.id ?? 0, id };
      await api.delete('/comments/{comment_id}/replies/{id}', { params });
    } else {
      await api.delete('/posts/{post_id}/comments/{id}', { params: { post_id: postId, id } });
    }
  } catch (error) {
    thread['deleting'] = undefined;
    thread['commentNotice'] = { id, text: thread['t']('postDeleteFailed') };
    thread['dispatchError'](error);
    await thread.updateComplete;
    thread['query'](`[data-delete="${id}"]`)?.focus();
    return;
  }

  const list = thread['listOf'](parent);
  const index = list.items.findIndex((item) => item.id === id);
  const neighbour = list.items[index + 1] ?? list.items[index - 1];
  list.items = list.items.filter((item) => item.id !== id);
  if (parent) {
    const parentId = parent.id ?? 0;
    const comments = thread['comments'];
    const current = comments.items.find((item) => item.id === parentId);
    comments.update(parentId, {
      replies_count: Math.max(0, (current?.replies_count ?? 1) - 1),
    });
    thread['commentCountChanged'](-1);
  } else {
    thread['commentCountChanged'](-1 - (comment.replies_count ?? 0));
  }
  thread['deleting'] = undefined;
  thread.dispatchEvent(new CircleCommentEvent('delete', comment));

  await thread.updateComplete;
  const target =
    (neighbour && thread['query'](`#comment-${neighbour.id}`)) ||
    (parent && thread['query'](`#comment-${parent.id}`)) ||
    thread['field'](thread['draftKeyFor'](postId)) ||
    thread['query']('#comments-title');
  target?.focus();
}
