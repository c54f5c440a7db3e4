import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';

import { CircleApiError } from '../../api/errors.js';
import type { Member, Post } from '../../api/types.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { CircleLikeEvent } from '../../events.js';
import { msgIsolated } from '../../i18n/isolate.js';
import { renderRichText } from '../../rich-text/render.js';
import { richTextStyles } from '../../rich-text/rich-text.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { safeUrl, WEB_PROTOCOLS } from '../../utils/safe-url.js';
import { CommentThreadElement } from './comment-thread.js';
import { postStyles } from './circle-post.styles.js';

const LIKERS_PER_PAGE = 20;

/** Whether `post` is the one that `key` (an id or a slug) names. */
const isPost = (post: Post | undefined, key: string | undefined): boolean =>
  Boolean(post && key && (String(post.id) === key || post.slug === key));

/**
 * @summary One post with its whole conversation: comments, replies, likes and writing.
 *
 * Shows the post's author, space, time, title, cover image and full body, who liked it, and its
 * comments, which a signed-in member can sort, like, answer, edit and delete (their own). Unsent
 * comments are kept as drafts for the tab's session, so a failed send or a reload loses nothing.
 *
 * Name the post with `space` and `post`, or hand over a post already loaded (for example from a
 * feed card) through the `postData` property, which shows it without fetching it again.
 *
 * @tagname circle-post
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around the whole element.
 * @csspart post - The post itself.
 * @csspart header - The post's author line.
 * @csspart meta - The space and time under the post's or a comment's author.
 * @csspart avatar - A member's picture.
 * @csspart title - The post's title.
 * @csspart cover - The post's cover image.
 * @csspart body - The post's rendered body.
 * @csspart actions - The post's like controls and comment count.
 * @csspart button - Every button.
 * @csspart like-button - The post's like button.
 * @csspart likers-button - The button that shows who liked the post.
 * @csspart likers - The list of members who liked the post.
 * @csspart note - A note that liking or commenting is turned off or closed.
 * @csspart comments - The comments section.
 * @csspart sort - The comment order select.
 * @csspart comment-list - The list of comments.
 * @csspart comment - One comment or reply.
 * @csspart item - One comment or reply (also `comment`).
 * @csspart comment-body - A comment's rendered body.
 * @csspart comment-actions - A comment's like, reply, edit and delete controls.
 * @csspart comment-like-button - A comment's like button.
 * @csspart reply-button - The button that opens a reply composer.
 * @csspart edit-button - The button that edits one's own comment.
 * @csspart delete-button - The button that deletes one's own comment.
 * @csspart confirm-delete - The inline "Delete this comment?" question.
 * @csspart confirm-yes - Its confirming button.
 * @csspart confirm-no - Its cancelling button.
 * @csspart replies-toggle - The "Show replies" button.
 * @csspart replies - The replies under a comment.
 * @csspart composer - A comment or reply form.
 * @csspart editor - The form that edits a comment.
 * @csspart textarea - A composer's or editor's text field.
 * @csspart submit-button - A composer's send button.
 * @csspart save-button - The editor's save button.
 * @csspart composer-error - Why the last send or save failed.
 * @csspart load-more - A "Load more" button.
 * @csspart empty - The no-comments state.
 * @csspart not-found - The state shown when the post does not exist.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart sign-in - The signed-out state's sign-in link, when `sign-in-url` is set.
 * @csspart config-warning - A message about an attribute value that can't be used.
 *
 *
 * @cssprop [--circle-post-gap=1rem] - Space between comments, and between replies.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text: times, counts and hints.
 * @cssprop [--circle-color-background=transparent] - Behind the whole element; dark themes and the
 *   `contrast` preset paint the surface.
 * @cssprop [--circle-color-surface=#ffffff] - Cards, panels, dialogs and form fields.
 * @cssprop [--circle-color-surface-2=#f3f4f8] - Chips, hovers and loading placeholders.
 * @cssprop [--circle-color-border=#dfe1e8] - Card, button and divider lines.
 * @cssprop [--circle-color-input-border=#858a9c] - Borders of text fields, selects and switches
 *   (3:1 on the surface).
 * @cssprop [--circle-color-accent=#4353ff] - Links, active states and primary buttons.
 * @cssprop [--circle-color-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--circle-color-danger=#b42318] - Errors, failed changes and destructive actions.
 * @cssprop [--circle-focus-ring-color=#4353ff] - The keyboard focus ring.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 * @cssprop [--circle-font-size=1rem] - Base text size.
 * @cssprop [--circle-line-height=1.5] - Base line height.
 * @cssprop [--circle-heading-weight=600] - Weight of titles and headings.
 * @cssprop [--circle-space=1rem] - The spacing unit that paddings and gaps derive from.
 * @cssprop [--circle-density=comfortable] - `compact` tightens the spacing unit to three quarters.
 * @cssprop [--circle-padding=0] - Room around the content; `--circle-space` where the background is
 *   painted.
 * @cssprop [--circle-radius=0.75rem] - Corner radius of cards, panels and dialogs.
 * @cssprop [--circle-shadow] - Shadow under cards; a faint one in the `circle` preset, none in the
 *   others.
 * @cssprop [--circle-shadow-raised] - Shadow under popovers, menus and dialogs.
 * @cssprop [--circle-font-mono] - Font of code in rich text; the system's monospace by default.
 *
 * @fires {CircleLikeEvent} circle-like - A like or unlike of the post or a comment was saved.
 * @fires {CircleCommentEvent} circle-comment - A comment or reply was created, edited or deleted.
 * @fires {CircleAuthRequiredEvent} circle-auth-required - The visitor is signed out; the host may
 *   show its sign-in.
 * @fires {CustomEvent<CircleErrorDetail>} circle-error - A load or a change failed; `detail` has
 *   `kind`, `status` and `message`.
 */
export class CirclePost extends CommentThreadElement {
  static override styles = [sharedStyles, richTextStyles, postStyles];

  /** The space's id or slug. */
  @property() space?: string;

  /** The post's id or slug within `space`. */
  @property() post?: string;

  /**
   * A post object already loaded, such as one from `<circle-feed>`: shown at once, without a
   * request. When `post` is also set it must name the same post, else `space`/`post` win.
   */
  @property({ attribute: false }) postData?: Post;

  /** The post as shown, with the member's likes and new comments applied. */
  @state() private shown?: Post;
  @state() private likePending = false;
  @state() private likersOpen = false;
  @state() private likersStatus: 'idle' | 'loading' | 'error' | 'done' = 'idle';

  private likersError?: unknown;

  private likersAbort?: AbortController;
  private readonly likers = new PagedList<Member, number>(this, {
    fetchPage: (page, signal) => this.fetchLikers(page, signal),
    onError: (error) => this.dispatchError(error),
  });

  private readonly postTask = new Task(this, {
    task: async ([api, space, key, given], { signal }) => {
      if (given && (!key || isPost(given, key))) return given;
      if (!api || !space || !key) return initialState;
      return api.get('/spaces/{space_id}/posts/{id}', {
        params: { space_id: space, id: key },
        signal,
      });
    },
    args: () =>
      [
        this.sessionController.api,
        this.space,
        this.post,
        this.postData,
        this.sessionController.state.generation,
      ] as const,
    onComplete: (post) => {
      if (post.id !== this.shown?.id) this.resetLikers();
      this.shown = post;
    },
  });

  protected override get threadPost(): Post | undefined {
    return this.shown;
  }

  /** Loads the post and its comments again. */
  refresh(): void {
    void this.postTask.run();
    void this.commentsTask.run();
  }

  protected override forgetMemberData(): void {
    super.forgetMemberData();
    this.shown = undefined;
    this.resetLikers();
  }

  protected override commentCountChanged(delta: number): void {
    if (!this.shown) return;
    this.shown = {
      ...this.shown,
      comment_count: Math.max(0, (this.shown.comment_count ?? 0) + delta),
    };
  }

  protected override checkAttributes(): string[] {
    const problems = super.checkAttributes();
    if (!this.postData && !(this.space && this.post)) problems.push(this.t('postMissing'));
    return problems;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A post handed over shows in this very update, without waiting for the task.
    if (changed.has('postData') && this.postData && !this.post) this.shown = this.postData;
  }

  override render(): TemplateResult {
    const current =
      this.shown && (isPost(this.shown, this.post) || !this.post) ? this.shown : undefined;
    return this.renderFrame(
      this.postTask.render({
        initial: () => (current ? this.renderPost(current) : this.renderSkeleton()),
        pending: () => (current ? this.renderPost(current) : this.renderSkeleton()),
        complete: () => (current ? this.renderPost(current) : this.renderSkeleton()),
        error: (error) =>
          error instanceof CircleApiError && error.kind === 'not-found'
            ? html`<div class="state" part="not-found" role="alert">
                <p class="state-title">${this.t('postNotFound')}</p>
              </div>`
            : this.renderError(error, () => this.refresh()),
      }),
    );
  }

  private renderPost(post: Post): TemplateResult {
    const title = post.display_title || post.name;
    const author = post.author;
    const cover = safeUrl(post.cover_image, WEB_PROTOCOLS);
    const space = post.space?.name;
    const postedIn = space ? msgIsolated('postedIn', { space }, this.locale) : undefined;

    return html`<article class="post" part="post" aria-labelledby=${title ? 'post-title' : nothing}>
        <header class="header" part="header">
          ${this.renderAvatar(author?.avatar_url, author?.name)}
          <div class="byline">
            <span class="author"><bdi>${author?.name ?? ''}</bdi></span>
            <span class="meta" part="meta">
              ${postedIn ? html`${postedIn}${this.t('separator')}` : nothing}
              ${this.renderRelativeTime(post.created_at)}
            </span>
          </div>
        </header>
        ${
          title
            ? this.renderHeading(0, title, {
                class: 'title',
                part: 'title',
                id: 'post-title',
                dir: 'auto',
              })
            : nothing
        }
        ${
          cover
            ? html`<img class="cover" part="cover" src=${cover} alt="" decoding="async" />`
            : nothing
        }
        <div class="body rich-text" part="body">
          ${renderRichText(
            post.tiptap_body,
            post.body_plain_text,
            this.richTextOptions(this.headingLevelAt()),
          )}
        </div>
        ${this.renderActions(post)} ${this.likersOpen ? this.renderLikers() : nothing}
      </article>
      ${this.renderConversation(post)}`;
  }

  private renderActions(post: Post): TemplateResult {
    const toggleLike = () => void this.togglePostLike();
    return html`<div class="actions" part="actions">
      ${
        post.is_liking_enabled === false
          ? html`<p class="note" part="note">${this.t('postLikingDisabled')}</p>`
          : html`${this.renderPostLikeButton(post, this.likePending, toggleLike)}
              <button
                class="button"
                part="button likers-button"
                type="button"
                aria-expanded=${this.likersOpen}
                aria-controls=${this.likersOpen ? 'likers' : nothing}
                @click=${() => this.toggleLikers()}
              >
                ${this.t(this.likersOpen ? 'postHideLikers' : 'postWhoLiked')}
              </button>`
      }
      <span class="comment-count">${this.t('comments', { count: post.comment_count ?? 0 })}</span>
    </div>`;
  }

  private renderLikers(): TemplateResult {
    let content: TemplateResult;
    if (this.likersStatus === 'error') {
      content = this.renderError(this.likersError, () => void this.loadLikers());
    } else if (this.likersStatus !== 'done') {
      content = html`<p role="status">${this.t('loading')}</p>`;
    } else if (this.likers.items.length === 0) {
      content = html`<p>${this.t('postLikersEmpty')}</p>`;
    } else {
      content = html`<ul class="likers-list" aria-label=${this.t('postLikersLabel')} tabindex="-1">
          ${this.likers.items.map(
            (member) =>
              html`<li>
                ${this.renderAvatar(member.avatar_url, member.name)}<bdi>${member.name}</bdi>
              </li>`,
          )}
        </ul>
        ${this.renderLoadMore(this.likers)}`;
    }
    return html`<div class="likers" part="likers" id="likers">${content}</div>`;
  }

  /** After "Load more" of likers, whose names are not controls, focus goes to their list. */
  protected override loadedItemTarget(
    list: LoadMore,
    items: unknown[],
  ): HTMLElement | null | Promise<HTMLElement | null> {
    if (list !== this.likers) return super.loadedItemTarget(list, items);
    return this.renderRoot.querySelector<HTMLElement>('.likers-list');
  }

  private renderSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="post skeleton-post" aria-hidden="true">
        <div class="header">
          <span class="avatar skeleton"></span>
          <span class="skeleton line short"></span>
        </div>
        <span class="skeleton line title-line"></span>
        <span class="skeleton line"></span>
        <span class="skeleton line medium"></span>
      </div>`,
    );
  }

  /** Likes or unlikes the post at once, then undoes it visibly if Circle refuses. */
  private async togglePostLike(): Promise<void> {
    const api = this.sessionController.api;
    const post = this.shown;
    const id = post?.id;
    if (!api || !post || id === undefined || this.likePending) return;

    const liked = Boolean(post.is_liked);
    const count = post.user_likes_count ?? 0;
    this.shown = {
      ...post,
      is_liked: !liked,
      user_likes_count: Math.max(0, count + (liked ? -1 : 1)),
    };
    this.likePending = true;

    try {
      const options = { params: { post_id: id } };
      if (liked) await api.delete('/posts/{post_id}/user_likes', options);
      else await api.post('/posts/{post_id}/user_likes', options);
      this.dispatchEvent(new CircleLikeEvent('post', id, !liked));
      this.withdrawFailure(`like-${id}`);
      if (this.likersStatus !== 'idle') void this.loadLikers();
    } catch (error) {
      if (this.shown?.id === id)
        this.shown = { ...this.shown, is_liked: liked, user_likes_count: count };
      this.reportFailure(liked ? 'unlikeFailed' : 'likeFailed', error, `like-${id}`);
    } finally {
      this.likePending = false;
    }
  }

  private toggleLikers(): void {
    this.likersOpen = !this.likersOpen;
    if (this.likersOpen && (this.likersStatus === 'idle' || this.likersStatus === 'error')) {
      void this.loadLikers();
    }
  }

  private async loadLikers(): Promise<void> {
    this.likersAbort?.abort();
    const abort = (this.likersAbort = new AbortController());
    this.likersStatus = 'loading';
    try {
      await this.likers.loadFirst(1, abort.signal);
      this.likersStatus = 'done';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.likersError = error;
      this.likersStatus = 'error';
      this.dispatchError(error);
    }
  }

  private resetLikers(): void {
    // A list still loading belongs to the post shown before.
    this.likersAbort?.abort();
    this.likers.clear();
    this.likersOpen = false;
    this.likersStatus = 'idle';
  }

  private async fetchLikers(
    page: number,
    signal: AbortSignal,
  ): Promise<PageResult<Member, number>> {
    const api = this.sessionController.api;
    const id = this.shown?.id;
    if (!api || id === undefined) return { items: [] };

    const result = await api.get('/posts/{post_id}/user_likes', {
      params: { post_id: id },
      query: { page, per_page: LIKERS_PER_PAGE },
      signal,
    });
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }
}

if (!customElements.get('circle-post')) customElements.define('circle-post', CirclePost);

declare global {
  interface HTMLElementTagNameMap {
    'circle-post': CirclePost;
  }
}
