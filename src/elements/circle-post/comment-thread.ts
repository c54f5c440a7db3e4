import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';

import type { Comment, Post } from '../../api/types.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { CircleCommentEvent, CircleLikeEvent } from '../../events.js';
import { renderRichText } from '../../rich-text/render.js';
import type { TiptapBody } from '../../rich-text/render.js';
import { retryableImport } from '../../utils/retryable-import.js';
import { CircleElement, validPerPage } from '../circle-element.js';
import type { CommentEditor, EditingHost } from './comment-editing.js';
import { draftKey, isPlainTextComment, readDraft, textToTiptap, writeDraft } from './composer.js';

type CommentEditing = typeof import('./comment-editing.js');

/** The code for editing and deleting one's own comments, fetched once for the page. */
const loadCommentEditing = retryableImport(() => import('./comment-editing.js'));

const DEFAULT_PER_PAGE = 20;
const REPLIES_PER_PAGE = 10;

/** The comment orders of Circle's enum that a reader would pick from. */
export const COMMENT_SORTS = ['oldest', 'latest', 'likes'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

const SORT_LABELS = {
  oldest: 'postSortOldest',
  latest: 'postSortLatest',
  likes: 'postSortLikes',
} as const;

/** One composer's unsent text, whether it is being sent, and why the last send failed. */
interface ComposerState {
  text: string;
  sending: boolean;
  error?: string;
}

/** Edit or Delete pressed on a comment: the editing code opens its editor, or asks to delete. */
interface EditingWanted {
  comment: Comment;
  action: 'startEdit' | 'askDelete';
  /** Where focus was at the press (Safari leaves it where it was when a button is clicked). */
  focusAtPress: Element | null;
}

/** The replies under one comment, loaded on request. */
interface ReplyThread {
  list: PagedList<Comment, number>;
  status: 'loading' | 'error' | 'done';
  error?: unknown;
}

const HEART_PATH =
  'M12 21s-7.5-4.6-9.4-9.1C1.2 8.5 3.4 5 7 5c2 0 3.6 1.1 5 3 1.4-1.9 3-3 5-3 3.6 0 5.8 3.5 4.4 ' +
  '6.9C19.5 16.4 12 21 12 21z';

/**
 * A post's conversation: the paged, sortable comments with their replies, likes, composers,
 * editing and deleting. `<circle-post>` builds on it; not registered as a tag.
 */
export abstract class CommentThreadElement extends CircleElement {
  /** Order of comments: oldest, latest or likes. */
  @property() sort: CommentSort = 'oldest';

  /** How many comments each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  @state() private expanded = new Set<number>();
  @state() private replyOpen = new Set<number>();
  @state() private pendingLikes = new Set<number>();

  /**
   * Edit or Delete pressed while the code for them was on its way: carried out when the code
   * comes, whichever fetch brings it, and kept after a failed fetch for the retry.
   */
  @state() private editingWanted?: EditingWanted;

  private readonly editingPart = this.lazyPart<CommentEditing>(loadCommentEditing);

  /** Editing and deleting comments, once their code has come. */
  private editor?: CommentEditor;

  /** What the editing code works with. */
  private readonly editingHost: EditingHost = {
    element: this,
    api: () => this.sessionController.api,
    postId: () => this.threadPost?.id,
    t: (key) => this.t(key),
    dispatchError: (error) => this.dispatchError(error),
    listOf: (parent) => this.listOf(parent),
    commentCountChanged: (delta) => this.commentCountChanged(delta),
    composerField: () => this.field(this.draftKeyFor(this.threadPost?.id ?? 0)),
  };

  /**
   * A pointer, focus or touch reaching Edit or Delete starts fetching their code, so that a click
   * rarely waits. One listener object for every comment, passive so a touch scrolls at once.
   */
  private readonly prefetchEditing = {
    handleEvent: () => this.editingPart.prefetch(),
    passive: true,
  };

  private readonly composers = new Map<string, ComposerState>();
  private readonly threads = new Map<number, ReplyThread>();

  protected readonly comments = new PagedList<Comment, number>(this, {
    fetchPage: (page, signal) => this.fetchComments(page, signal),
    onError: (error) => this.dispatchError(error),
    onMore: (comments) => this.announceMoreComments(comments),
  });

  protected readonly commentsTask = new Task(this, {
    task: async ([api, postId, enabled, sort, perPage], { signal }) => {
      if (!api || postId === undefined || !enabled) return initialState;
      this.resetThreads();
      return this.comments.loadFirst(1, signal, [postId, sort, perPage]);
    },
    args: () =>
      [
        this.sessionController.api,
        this.threadPost?.id,
        this.threadPost?.is_comments_enabled !== false,
        this.validSort(),
        this.validPerPage(),
        this.sessionController.state.generation,
      ] as const,
  });

  /** The post whose conversation this is, once known. */
  protected abstract get threadPost(): Post | undefined;

  /** Told when comments were added (+) or removed (-), to keep the post's count right. */
  protected abstract commentCountChanged(delta: number): void;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);

    const module = this.editingPart.module;
    if (module) this.editor ??= new module.CommentEditor(this.editingHost);

    const wanted = this.editingWanted;
    if (this.editor && wanted) {
      this.editingWanted = undefined;
      // The editor and the question take focus: not from a member who went on to type elsewhere.
      const comment = this.renderRoot.querySelector(`#comment-${wanted.comment.id}`);
      if (this.stillWhereAsked(wanted.focusAtPress, comment)) {
        void this.editor[wanted.action](wanted.comment);
      }
    }
  }

  protected override forgetMemberData(): void {
    super.forgetMemberData();
    this.comments.clear();
    this.resetThreads();
    this.composers.clear();
  }

  protected override checkAttributes(): string[] {
    const problems = super.checkAttributes();
    if (this.validSort() !== this.sort) {
      problems.push(this.badAttribute('sort', this.sort, COMMENT_SORTS.join(', '), 'oldest'));
    }
    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    return problems;
  }

  /** The comments section of `post`, or the note that says why there is none. */
  protected renderConversation(post: Post): TemplateResult {
    if (post.is_comments_enabled === false) {
      return html`<p class="note" part="note">${this.t('postCommentsDisabled')}</p>`;
    }

    const closed = Boolean(post.is_comments_closed);
    return html`<section class="comments" part="comments" aria-labelledby="comments-title">
      <div class="comments-header">
        ${this.renderHeading(1, this.t('postCommentsTitle'), {
          class: 'comments-title',
          id: 'comments-title',
          tabindex: '-1',
        })}
        <label class="sort">
          <span>${this.t('postCommentsSort')}</span>
          <select part="sort" @change=${this.onSortChange}>
            ${COMMENT_SORTS.map(
              (sort) =>
                html`<option value=${sort} ?selected=${sort === this.validSort()}>
                  ${this.t(SORT_LABELS[sort])}
                </option>`,
            )}
          </select>
        </label>
      </div>
      ${this.commentsTask.render({
        initial: () => this.renderCommentSkeleton(),
        pending: () =>
          this.comments.items.length ? this.renderCommentList() : this.renderCommentSkeleton(),
        complete: () =>
          this.comments.items.length
            ? this.renderCommentList()
            : this.renderEmpty('postCommentsEmpty'),
        error: (error) => this.renderError(error, () => void this.commentsTask.run()),
      })}
      ${
        closed
          ? html`<p class="note" part="note">${this.t('postCommentsClosed')}</p>`
          : this.renderComposer(post)
      }
      ${this.renderLoadedNote()}
    </section>`;
  }

  private announceMoreComments(comments: Comment[]): void {
    void this.announceLoaded(this.t('moreCommentsLoaded', { count: comments.length }));
  }

  /** After "Load more" of comments or replies, focus goes to the first new one. */
  protected override loadedItemTarget(
    list: LoadMore,
    items: unknown[],
  ): HTMLElement | null | Promise<HTMLElement | null> {
    const threads = [...this.threads.values()].map((thread) => thread.list as LoadMore);
    if (list !== this.comments && !threads.includes(list)) {
      return super.loadedItemTarget(list, items);
    }
    return this.query(`#comment-${(items[0] as Comment).id}`);
  }

  private renderCommentList(): TemplateResult {
    return html`<div class="comment-list" part="comment-list">
        ${this.comments.items.map((comment) => this.renderComment(comment))}
      </div>
      ${this.renderLoadMore(this.comments)}`;
  }

  private renderCommentSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="comment skeleton-comment" aria-hidden="true">
        <span class="avatar skeleton"></span>
        <span class="skeleton line"></span>
      </div>`,
    );
  }

  private renderComment(comment: Comment, parent?: Comment): TemplateResult {
    const id = comment.id ?? 0;
    const name = comment.author?.name ?? '';
    const post = this.threadPost;
    const editor = this.editor;
    const editing = editor?.isEditing(id);
    const canReply = !parent && !post?.is_comments_closed;
    const wanted = this.editingWanted?.comment.id === id;
    const waitingForCode = wanted && !this.editingPart.failed;

    return html`<article
      class="comment"
      part="comment item"
      id="comment-${id}"
      tabindex="-1"
      aria-label=${this.t('postCommentBy', { name })}
    >
      <header class="header">
        ${this.renderAvatar(comment.author?.avatar_url, name)}
        <div class="byline">
          <span class="author"><bdi>${name}</bdi></span>
          <span class="meta" part="meta">${this.renderRelativeTime(comment.created_at)}</span>
        </div>
      </header>
      ${
        editor && editing
          ? editor.renderEditor(comment, parent)
          : html`<div class="body rich-text" part="comment-body">
              ${renderRichText(
                comment.tiptap_body as TiptapBody | null | undefined,
                comment.body_text,
                this.richTextOptions(this.headingLevelAt(2)),
              )}
            </div>`
      }
      ${editor?.renderNotice(id)}
      ${wanted && this.editingPart.failed ? this.renderPartStatus(this.editingPart) : nothing}
      <div class="actions" part="comment-actions">
        ${
          post?.is_liking_enabled === false
            ? nothing
            : this.renderLikeButton(
                Boolean(comment.is_liked),
                comment.user_likes_count ?? 0,
                this.pendingLikes.has(id),
                () => void this.toggleLike(comment, parent),
                'comment-like-button',
              )
        }
        ${
          canReply
            ? html`<button
                class="button"
                part="button reply-button"
                type="button"
                aria-expanded=${this.isReplyOpen(comment)}
                @click=${() => this.openReply(comment)}
              >
                ${this.t('postReply')}
              </button>`
            : nothing
        }
        ${
          comment.policies?.can_edit && !editing && isPlainTextComment(comment.tiptap_body)
            ? html`<button
                class="button"
                part="button edit-button"
                type="button"
                data-edit=${id}
                aria-disabled=${waitingForCode ? 'true' : 'false'}
                @pointerenter=${this.prefetchEditing}
                @focusin=${this.prefetchEditing}
                @touchstart=${this.prefetchEditing}
                @click=${() => this.wantEditing(comment, 'startEdit')}
              >
                ${this.t('postEdit')}
              </button>`
            : nothing
        }
        ${
          comment.policies?.can_destroy && !editor?.isAskingToDelete(id)
            ? html`<button
                class="button"
                part="button delete-button"
                type="button"
                data-delete=${id}
                aria-disabled=${waitingForCode ? 'true' : 'false'}
                @pointerenter=${this.prefetchEditing}
                @focusin=${this.prefetchEditing}
                @touchstart=${this.prefetchEditing}
                @click=${() => this.wantEditing(comment, 'askDelete')}
              >
                ${this.t('postDelete')}
              </button>`
            : nothing
        }
      </div>
      ${editor?.renderDeleteConfirm(comment, parent)}
      ${parent ? nothing : this.renderReplies(comment)}
    </article>`;
  }

  private renderLikeButton(
    liked: boolean,
    count: number,
    pending: boolean,
    onClick: () => void,
    part: string,
  ): TemplateResult {
    return html`<button
      class="button like"
      part="button ${part}"
      type="button"
      aria-pressed=${liked}
      aria-disabled=${pending ? 'true' : 'false'}
      @click=${onClick}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
        <path d=${HEART_PATH} />
      </svg>
      <span class="visually-hidden">${this.t('like')}</span>
      <span>${this.t('likes', { count })}</span>
    </button>`;
  }

  /** The post's own like button, shaped like the comments'. */
  protected renderPostLikeButton(post: Post, pending: boolean, onClick: () => void) {
    const count = post.user_likes_count ?? 0;
    return this.renderLikeButton(Boolean(post.is_liked), count, pending, onClick, 'like-button');
  }

  private renderReplies(comment: Comment): TemplateResult {
    const id = comment.id ?? 0;
    const count = comment.replies_count ?? 0;
    const expanded = this.expanded.has(id);
    const thread = this.threads.get(id);
    const repliesId = `replies-${id}`;

    return html`${
      count > 0
        ? html`<button
            class="button link-button"
            part="button replies-toggle"
            type="button"
            aria-expanded=${expanded}
            aria-controls=${expanded ? repliesId : nothing}
            @click=${() => this.toggleReplies(comment)}
          >
            ${expanded ? this.t('postHideReplies') : this.t('postShowReplies', { count })}
          </button>`
        : nothing
    }
    ${
      expanded && thread
        ? html`<div
            class="replies"
            part="replies"
            id=${repliesId}
            aria-label=${this.t('postRepliesTo', { name: comment.author?.name ?? '' })}
            aria-busy=${thread.status === 'loading'}
          >
            ${
              thread.status === 'error'
                ? this.renderError(thread.error, () => void this.loadReplies(comment))
                : thread.status === 'loading'
                  ? html`<p role="status">${this.t('loading')}</p>`
                  : html`${thread.list.items.map((reply) => this.renderComment(reply, comment))}
                    ${this.renderLoadMore(thread.list)}`
            }
          </div>`
        : nothing
    }
    ${this.isReplyOpen(comment) ? this.renderComposer(this.threadPost!, comment) : nothing}`;
  }

  private renderComposer(post: Post, parent?: Comment): TemplateResult {
    const key = this.draftKeyFor(post.id ?? 0, parent?.id);
    const composer = this.composer(key);
    const fieldId = key.replace(/[^\w-]/g, '-');
    const label = parent
      ? this.t('postReplyLabel', { name: parent.author?.name ?? '' })
      : this.t('postCommentLabel');

    return html`<form
      class="composer"
      part="composer"
      @submit=${(event: Event) => {
        event.preventDefault();
        void this.submit(key, parent);
      }}
    >
      <label class="visually-hidden" for=${fieldId}>${label}</label>
      <textarea
        id=${fieldId}
        part="textarea"
        rows="3"
        data-composer=${key}
        placeholder=${label}
        .value=${composer.text}
        aria-invalid=${composer.error ? 'true' : 'false'}
        aria-describedby=${composer.error ? `${fieldId}-error` : nothing}
        @input=${(event: InputEvent) => this.draftChanged(key, event)}
      ></textarea>
      ${
        composer.error
          ? html`<p class="notice" part="composer-error" id="${fieldId}-error" role="alert">
              ${composer.error}
            </p>`
          : nothing
      }
      <div class="composer-actions">
        ${
          parent
            ? html`<button class="button" type="button" @click=${() => this.closeReply(parent)}>
                ${this.t('postCancel')}
              </button>`
            : nothing
        }
        <button
          class="button primary"
          part="button submit-button"
          type="submit"
          aria-disabled=${composer.sending ? 'true' : 'false'}
        >
          ${
            composer.sending
              ? this.t('postSending')
              : this.t(parent ? 'postSendReply' : 'postSendComment')
          }
        </button>
      </div>
    </form>`;
  }

  private async fetchComments(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<Comment, number>> {
    const api = this.sessionController.api;
    const postId = this.threadPost?.id;
    if (!api || postId === undefined) return { items: [] };

    const query = { page, per_page: this.validPerPage(), sort: this.validSort() };
    const result = await api.get('/posts/{post_id}/comments', {
      params: { post_id: postId },
      query,
      signal,
    });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  private async fetchReplies(
    commentId: number,
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<Comment, number>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    const result = await api.get('/comments/{comment_id}/replies', {
      params: { comment_id: commentId },
      query: { page, per_page: REPLIES_PER_PAGE },
      signal,
    });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  private onSortChange(event: Event): void {
    this.sort = (event.target as HTMLSelectElement).value as CommentSort;
  }

  private toggleReplies(comment: Comment): void {
    const id = comment.id ?? 0;
    const expanded = new Set(this.expanded);
    if (expanded.has(id)) {
      expanded.delete(id);
    } else {
      expanded.add(id);
      const thread = this.threads.get(id);
      if (!thread || thread.status === 'error') void this.loadReplies(comment);
    }
    this.expanded = expanded;
  }

  private async loadReplies(comment: Comment): Promise<void> {
    const id = comment.id ?? 0;
    const previous = this.threads.get(id);
    if (previous) this.removeController(previous.list);

    const list = new PagedList<Comment, number>(this, {
      fetchPage: (page, signal) => this.fetchReplies(id, page, signal),
      onError: (error) => this.dispatchError(error),
      onMore: (replies) => this.announceMoreComments(replies),
    });
    const thread: ReplyThread = { list, status: 'loading' };
    this.threads.set(id, thread);
    this.requestUpdate();

    try {
      await list.loadFirst(1, new AbortController().signal);
      thread.status = 'done';
    } catch (error) {
      thread.status = 'error';
      thread.error = error;
      this.dispatchError(error);
    }
    this.requestUpdate();
  }

  private resetThreads(): void {
    for (const thread of this.threads.values()) this.removeController(thread.list);
    this.threads.clear();
    this.expanded = new Set();
    this.replyOpen = new Set();
    this.editor?.reset();
    this.editingWanted = undefined;
  }

  private composer(key: string): ComposerState {
    let composer = this.composers.get(key);
    if (!composer) {
      composer = { text: readDraft(key), sending: false };
      this.composers.set(key, composer);
    }
    return composer;
  }

  /** A reply composer is open when asked for, or when a draft from earlier waits in it. */
  private isReplyOpen(comment: Comment): boolean {
    const postId = this.threadPost?.id;
    if (postId === undefined || this.threadPost?.is_comments_closed) return false;
    return (
      this.replyOpen.has(comment.id ?? 0) ||
      this.composer(this.draftKeyFor(postId, comment.id)).text.trim() !== ''
    );
  }

  private async openReply(comment: Comment): Promise<void> {
    this.replyOpen = new Set(this.replyOpen).add(comment.id ?? 0);
    await this.updateComplete;
    this.field(this.draftKeyFor(this.threadPost?.id ?? 0, comment.id))?.focus();
  }

  private async closeReply(comment: Comment): Promise<void> {
    const key = this.draftKeyFor(this.threadPost?.id ?? 0, comment.id);
    this.composers.set(key, { text: '', sending: false });
    writeDraft(key, '');
    const open = new Set(this.replyOpen);
    open.delete(comment.id ?? 0);
    this.replyOpen = open;
    await this.updateComplete;
    this.query(`#comment-${comment.id} [part~="reply-button"]`)?.focus();
  }

  private draftChanged(key: string, event: InputEvent): void {
    const text = (event.target as HTMLTextAreaElement).value;
    const composer = this.composer(key);
    composer.text = text;
    writeDraft(key, text);
    if (composer.error) {
      composer.error = undefined;
      this.requestUpdate();
    }
  }

  /** Sends a composer's text; one request at a time, and the text stays until it is saved. */
  private async submit(key: string, parent?: Comment): Promise<void> {
    const composer = this.composer(key);
    const api = this.sessionController.api;
    const postId = this.threadPost?.id;
    if (composer.sending || !api || postId === undefined) return;

    const doc = textToTiptap(composer.text);
    if (doc.content.length === 0) {
      composer.error = this.t('postWriteSomething');
      this.requestUpdate();
      return;
    }

    const sent = composer.text;
    composer.sending = true;
    composer.error = undefined;
    this.requestUpdate();
    const body = { comment: { tiptap_body: { body: doc } } };
    try {
      const created = parent
        ? await api.post('/comments/{comment_id}/replies', {
            params: { comment_id: parent.id ?? 0 },
            body,
          })
        : await api.post('/posts/{post_id}/comments', { params: { post_id: postId }, body });

      // Text typed while the comment was on its way is kept for the next one.
      composer.text = composer.text.startsWith(sent) ? composer.text.slice(sent.length).trim() : '';
      writeDraft(key, composer.text);
      if (parent) await this.addReply(parent, created);
      else this.addComment(created);
      this.dispatchEvent(new CircleCommentEvent('create', created));
    } catch (error) {
      composer.error = this.t(parent ? 'postReplyFailed' : 'postCommentFailed');
      this.dispatchError(error);
    } finally {
      composer.sending = false;
      this.requestUpdate();
    }
    await this.updateComplete;
    if (composer.error) this.field(key)?.focus();
  }

  private addComment(comment: Comment): void {
    const items = this.comments.items;
    this.comments.items = this.validSort() === 'latest' ? [comment, ...items] : [...items, comment];
    this.commentCountChanged(1);
    this.requestUpdate();
  }

  /** Shows a new reply in its thread, then closes the reply composer and moves to the reply. */
  private async addReply(parent: Comment, reply: Comment): Promise<void> {
    const parentId = parent.id ?? 0;
    const current = this.comments.items.find((comment) => comment.id === parentId);
    this.comments.update(parentId, { replies_count: (current?.replies_count ?? 0) + 1 });
    this.commentCountChanged(1);

    const thread = this.threads.get(parentId);
    if (thread?.status === 'done') thread.list.items = [...thread.list.items, reply];
    else await this.loadReplies(parent);
    this.expanded = new Set(this.expanded).add(parentId);
    const open = new Set(this.replyOpen);
    open.delete(parentId);
    this.replyOpen = open;

    await this.updateComplete;
    (this.query(`#comment-${reply.id}`) ?? this.query(`#comment-${parentId}`))?.focus();
  }

  /** Likes or unlikes a comment at once, and undoes it visibly if Circle refuses. */
  private async toggleLike(comment: Comment, parent?: Comment): Promise<void> {
    const api = this.sessionController.api;
    const id = comment.id;
    if (!api || id === undefined || this.pendingLikes.has(id)) return;

    const liked = Boolean(comment.is_liked);
    const count = comment.user_likes_count ?? 0;
    this.listOf(parent).update(id, {
      is_liked: !liked,
      user_likes_count: Math.max(0, count + (liked ? -1 : 1)),
    });
    this.pendingLikes = new Set(this.pendingLikes).add(id);

    try {
      const options = { params: { comment_id: id } };
      if (liked) await api.delete('/comments/{comment_id}/user_likes', options);
      else await api.post('/comments/{comment_id}/user_likes', options);
      this.dispatchEvent(new CircleLikeEvent('comment', id, !liked));
      this.withdrawFailure(`comment-like-${id}`);
    } catch (error) {
      this.listOf(parent).update(id, { is_liked: liked, user_likes_count: count });
      this.reportFailure(liked ? 'unlikeFailed' : 'likeFailed', error, `comment-like-${id}`);
    } finally {
      const pending = new Set(this.pendingLikes);
      pending.delete(id);
      this.pendingLikes = pending;
    }
  }

  /**
   * Opens `comment`'s editor or delete question once the code for them is in (see willUpdate),
   * fetching it if need be. Meanwhile its Edit and Delete show busy; a failed fetch shows an
   * error with a retry there.
   */
  private wantEditing(comment: Comment, action: EditingWanted['action']): void {
    this.editingWanted = { comment, action, focusAtPress: this.focusedElement() };
    void this.editingPart.load();
  }

  private listOf(parent?: Comment): PagedList<Comment, number> {
    return (parent && this.threads.get(parent.id ?? 0)?.list) || this.comments;
  }

  private field(key: string): HTMLTextAreaElement | null {
    return this.query<HTMLTextAreaElement>(`textarea[data-composer="${key}"]`);
  }

  private query<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  private draftKeyFor(postId: number, parentCommentId?: number): string {
    const state = this.sessionController.state;
    const memberId = state.status === 'signed-in' ? state.memberId : undefined;
    return draftKey(memberId, postId, parentCommentId);
  }

  private validSort(): CommentSort {
    return (COMMENT_SORTS as readonly string[]).includes(this.sort) ? this.sort : 'oldest';
  }

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }
}
