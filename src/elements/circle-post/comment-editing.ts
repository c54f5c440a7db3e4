// Editing and deleting one's own comments: fetched when a member reaches for Edit or Delete, so
// readers who never do don't download it. The comment thread draws each comment and asks this
// code for the editor, the delete question and their messages.

import { css, html, nothing } from 'lit';
import type { ReactiveElement, TemplateResult } from 'lit';

import type { ApiClient } from '../../api/client.js';
import type { Comment } from '../../api/types.js';
import type { PagedList } from '../../controllers/paged-list.js';
import { CircleCommentEvent } from '../../events.js';
import type { StringKey } from '../../i18n/strings.js';
import type { TiptapNode } from '../../rich-text/render.js';
import { textToTiptap } from './composer.js';

/** @internal Adopted into the thread's shadow root once this file is in. */
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

/** What editing and deleting take from the comment thread. */
export interface EditingHost {
  /** The thread's element: its shadow root, updates and events. */
  readonly element: ReactiveElement;
  api(): ApiClient | undefined;
  postId(): number | undefined;
  t(key: StringKey): string;
  dispatchError(error: unknown): void;
  /** The replies to `parent`, or the post's comments without it. */
  listOf(parent?: Comment): PagedList<Comment, number>;
  /** Keeps the post's comment count right: comments added (+) or removed (-). */
  commentCountChanged(delta: number): void;
  /** The field for a new comment, where focus goes when no comment is left to go to. */
  composerField(): HTMLElement | null;
}

/** What the comments show of editing and deleting, one comment at a time. */
interface EditorState {
  /** The comment being edited: its text so far, whether it is being saved, and why that failed. */
  editing?: { id: number; text: string; saving: boolean; error?: string };
  /** The comment whose deletion is asked about, and whether it is on its way to Circle. */
  deleting?: { id: number; pending: boolean };
  /** Why the last change to a comment failed. */
  notice?: { id: number; text: string };
}

/**
 * @internal A member's own comments, edited in place of their body or deleted after a question
 * under them, one at a time; a change Circle refuses says so under its comment.
 */
export class CommentEditor {
  private state: EditorState = {};

  constructor(private readonly host: EditingHost) {}

  /** Whether comment `id` shows its editor in place of its body. */
  isEditing(id: number): boolean {
    return this.state.editing?.id === id;
  }

  /** Whether comment `id` shows the delete question in place of its Delete. */
  isAskingToDelete(id: number): boolean {
    return this.state.deleting?.id === id;
  }

  /** Forgets every editor, question and message, as the comments load afresh. */
  reset(): void {
    this.state = {};
    this.host.element.requestUpdate();
  }

  /** Opens `comment`'s editor, focused. */
  async startEdit(comment: Comment): Promise<void> {
    const text = tiptapToText(comment.tiptap_body);
    this.change({ editing: { id: comment.id ?? 0, text, saving: false } });
    await this.focusAfterUpdate(`#edit-${comment.id}`);
  }

  /** Asks under `comment` whether to delete it, with focus on "No". */
  async askDelete(comment: Comment): Promise<void> {
    this.change({ deleting: { id: comment.id ?? 0, pending: false }, notice: undefined });
    await this.focusAfterUpdate(`#comment-${comment.id} [part~="confirm-no"]`);
  }

  /** The form that edits `comment` in place of its body. */
  renderEditor(comment: Comment, parent?: Comment): TemplateResult | typeof nothing {
    const { host } = this;
    const editing = this.state.editing;
    if (!editing || editing.id !== comment.id) return nothing;

    const fieldId = `edit-${comment.id}`;
    return html`<form
      class="composer"
      part="editor"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.saveEdit(parent);
      }}
    >
      <label class="visually-hidden" for=${fieldId}>${host.t('postEditLabel')}</label>
      <textarea
        id=${fieldId}
        part="textarea"
        rows="3"
        .value=${editing.text}
        @input=${(event: InputEvent) => {
          this.change({
            editing: { ...editing, text: (event.target as HTMLTextAreaElement).value },
          });
        }}
      ></textarea>
      ${
        editing.error
          ? html`<p class="notice" part="composer-error" role="alert">${editing.error}</p>`
          : nothing
      }
      <div class="composer-actions">
        <button class="button" type="button" @click=${() => this.cancelEdit()}>
          ${host.t('postCancel')}
        </button>
        <button
          class="button primary"
          part="button save-button"
          type="submit"
          aria-disabled=${editing.saving ? 'true' : 'false'}
        >
          ${host.t(editing.saving ? 'postSaving' : 'postSave')}
        </button>
      </div>
    </form>`;
  }

  /** Why the last change to comment `id` failed, if it did. */
  renderNotice(id: number): TemplateResult | typeof nothing {
    const notice = this.state.notice;
    return notice?.id === id ? html`<p class="notice" role="alert">${notice.text}</p>` : nothing;
  }

  /** The inline "Delete this comment?" question under `comment`, while it is asked. */
  renderDeleteConfirm(comment: Comment, parent?: Comment): TemplateResult | typeof nothing {
    const deleting = this.state.deleting;
    if (!deleting || deleting.id !== comment.id) return nothing;

    const pending = deleting.pending;
    const t = (key: StringKey) => this.host.t(key);
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
        @click=${() => void this.confirmDelete(comment, parent)}
      >
        ${t('postDeleteYes')}
      </button>
      <button
        class="button"
        part="button confirm-no"
        type="button"
        ?disabled=${pending}
        @click=${() => void this.cancelDelete(comment)}
      >
        ${t('postDeleteNo')}
      </button>
    </div>`;
  }

  private async cancelEdit(): Promise<void> {
    const id = this.state.editing?.id;
    this.change({ editing: undefined });
    await this.focusAfterUpdate(`[data-edit="${id}"]`);
  }

  private async saveEdit(parent?: Comment): Promise<void> {
    const { host } = this;
    const editing = this.state.editing;
    const api = host.api();
    const postId = host.postId();
    if (!api || !editing || editing.saving || postId === undefined) return;

    const doc = textToTiptap(editing.text);
    if (doc.content.length === 0) {
      this.change({ editing: { ...editing, error: host.t('postWriteSomething') } });
      return;
    }

    this.change({ editing: { ...editing, saving: true, error: undefined } });
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
      host.listOf(parent).update(editing.id, updated);
      this.change({ editing: undefined });
      host.element.dispatchEvent(new CircleCommentEvent('update', updated));
      await this.focusAfterUpdate(`[data-edit="${editing.id}"]`);
    } catch (error) {
      // The text stays in the editor, to save again.
      this.change({ editing: { ...editing, saving: false, error: host.t('postEditFailed') } });
      host.dispatchError(error);
      await this.focusAfterUpdate(`#edit-${editing.id}`);
    }
  }

  private async cancelDelete(comment: Comment): Promise<void> {
    this.change({ deleting: undefined });
    await this.focusAfterUpdate(`[data-delete="${comment.id}"]`);
  }

  /** Deletes after the inline question; focus moves to the next comment, or the composer. */
  private async confirmDelete(comment: Comment, parent?: Comment): Promise<void> {
    const { host } = this;
    const api = host.api();
    const id = comment.id ?? 0;
    const postId = host.postId();
    if (!api || this.state.deleting?.pending || postId === undefined) return;

    this.change({ deleting: { id, pending: true } });
    try {
      if (parent) {
        const params = { comment_id: parent.id ?? 0, id };
        await api.delete('/comments/{comment_id}/replies/{id}', { params });
      } else {
        await api.delete('/posts/{post_id}/comments/{id}', { params: { post_id: postId, id } });
      }
    } catch (error) {
      this.change({ deleting: undefined, notice: { id, text: host.t('postDeleteFailed') } });
      host.dispatchError(error);
      await this.focusAfterUpdate(`[data-delete="${id}"]`);
      return;
    }

    const list = host.listOf(parent);
    const index = list.items.findIndex((item) => item.id === id);
    const neighbour = list.items[index + 1] ?? list.items[index - 1];
    list.items = list.items.filter((item) => item.id !== id);
    if (parent) {
      const parentId = parent.id ?? 0;
      const comments = host.listOf();
      const current = comments.items.find((item) => item.id === parentId);
      comments.update(parentId, {
        replies_count: Math.max(0, (current?.replies_count ?? 1) - 1),
      });
      host.commentCountChanged(-1);
    } else {
      host.commentCountChanged(-1 - (comment.replies_count ?? 0));
    }
    this.change({ deleting: undefined });
    host.element.dispatchEvent(new CircleCommentEvent('delete', comment));

    await host.element.updateComplete;
    const target =
      (neighbour && this.find(`#comment-${neighbour.id}`)) ||
      (parent && this.find(`#comment-${parent.id}`)) ||
      host.composerField() ||
      this.find('#comments-title');
    target?.focus();
  }

  /** Changes what the comments show, and redraws them. */
  private change(changes: EditorState): void {
    this.state = { ...this.state, ...changes };
    this.host.element.requestUpdate();
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.element.updateComplete;
    this.find(selector)?.focus();
  }

  /** An element in the thread's shadow root. */
  private find(selector: string): HTMLElement | null {
    return this.host.element.renderRoot.querySelector<HTMLElement>(selector);
  }
}

/**
 * The text the plain-text editor starts from, for a comment `isPlainTextComment` accepts: the way
 * back from `textToTiptap`, so saving it unchanged keeps its paragraphs and breaks. Circle's
 * `body_text` can't serve, as it joins paragraphs with a single newline.
 */
function tiptapToText(tiptapBody: unknown): string {
  const doc = (tiptapBody as { body?: TiptapNode } | null | undefined)?.body;
  const inline = (node: TiptapNode): string =>
    node.type === 'hardBreak'
      ? '\n'
      : (node.text ?? '') + (node.content ?? []).map(inline).join('');
  return (doc?.content ?? []).map(inline).join('\n\n');
}
