import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { Page, Post } from '../../api/types.js';
import { renderRichText, safeUrl } from '../../rich-text/render.js';
import { richTextStyles } from '../../rich-text/rich-text.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { PageResult } from '../../controllers/paged-list.js';
import { CircleElement, validPerPage } from '../circle-element.js';
import { feedStyles } from './circle-feed.styles.js';

const DEFAULT_PER_PAGE = 10;

const SORTS = ['latest', 'popular', 'oldest', 'likes', 'alphabetical', 'new_activity'] as const;
type Sort = (typeof SORTS)[number];

/**
 * @summary A community feed: the member's home feed, or the posts of one space.
 *
 * Shows each post with its author, space, time, title and body, and lets a signed-in member
 * like posts. Pages load on demand with "Load more".
 *
 * @tagname circle-feed
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around the whole feed.
 * @csspart list - The list of posts.
 * @csspart item - One post card.
 * @csspart header - A post's author line.
 * @csspart avatar - The author's picture.
 * @csspart title - A post's title.
 * @csspart body - A post's rendered body.
 * @csspart actions - A post's like, comment and open controls.
 * @csspart button - Every button.
 * @csspart like-button - A post's like button.
 * @csspart load-more - The "Load more" button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 *
 * @cssprop [--circle-feed-gap=1rem] - Space between post cards.
 * @cssprop [--circle-color-accent=#4353ff] - Links, the liked state and primary buttons.
 * @cssprop [--circle-color-text=#1f2330] - Body text.
 * @cssprop [--circle-color-muted=#5b6073] - Secondary text.
 * @cssprop [--circle-color-surface=#ffffff] - Card background.
 * @cssprop [--circle-color-border=#dfe1e8] - Card and button borders.
 * @cssprop [--circle-radius=0.75rem] - Card corner radius.
 * @cssprop [--circle-font-family=inherit] - Font; the host page's by default.
 *
 * @fires circle-auth-required - The visitor is signed out; the host may show its sign-in.
 * @fires circle-error - A load or a like failed; `detail` has `kind`, `status` and `message`.
 */
export class CircleFeed extends CircleElement {
  static override styles = [sharedStyles, richTextStyles, feedStyles];

  /** A space's id or slug; without it the feed is the member's home feed. */
  @property() space?: string;

  /** Order of posts: latest, popular, oldest, likes, alphabetical or new_activity. */
  @property() sort: Sort = 'latest';

  /** How many posts each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  @state() private pendingLikes = new Set<number>();

  private readonly list = new PagedList<Post, number>(this, {
    fetchPage: (page, signal) => this.fetchPage(page, signal),
    onError: (error) => this.dispatchError(error),
  });

  private readonly firstPage = new Task(this, {
    task: async ([api], { signal }) => (api ? this.list.loadFirst(1, signal) : initialState),
    args: () =>
      [
        this.sessionController.api,
        this.space,
        this.validSort(),
        this.validPerPage(),
        this.sessionController.state.generation,
      ] as const,
  });

  protected override forgetMemberData(): void {
    this.list.clear();
  }

  /** Loads the feed again from the first page. */
  refresh(): void {
    void this.firstPage.run();
  }

  override render(): TemplateResult {
    return this.renderFrame(
      this.firstPage.render({
        initial: () => this.renderSkeleton(),
        pending: () => (this.list.items.length ? this.renderPosts() : this.renderSkeleton()),
        complete: () =>
          this.list.items.length ? this.renderPosts() : this.renderEmpty('feedEmpty'),
        error: (error) => this.renderError(error, () => this.refresh()),
      }),
    );
  }

  private renderPosts(): TemplateResult {
    return html`
      <div
        class="list"
        part="list"
        role="feed"
        aria-label=${this.t('feedLabel')}
        aria-busy=${this.list.loadingMore || this.firstPage.status === TaskStatus.PENDING}
      >
        ${repeat(
          this.list.items,
          (post) => post.id,
          (post, index) => this.renderPost(post, index),
        )}
      </div>
      ${this.renderLoadMore(this.list)}
    `;
  }

  private renderPost(post: Post, index: number): TemplateResult {
    const titleId = `post-${post.id}-title`;
    const title = post.display_title || post.name;
    const author = post.author;
    const postUrl = safeUrl(post.url);

    return html`<article
      class="card"
      part="item"
      aria-labelledby=${ifDefined(title ? titleId : undefined)}
      aria-posinset=${index + 1}
      aria-setsize=${this.list.hasMore ? -1 : this.list.items.length}
    >
      <header class="header" part="header">
        ${this.renderAvatar(author?.avatar_url, author?.name)}
        <div class="byline">
          <span class="author">${author?.name ?? ''}</span>
          <span class="meta">
            ${
              post.space?.name
                ? html`${this.t('postedIn', { space: post.space.name })} · `
                : nothing
            }
            ${this.renderRelativeTime(post.created_at)}
            ${
              post.is_pinned_at_top_of_space
                ? html` · <span class="pinned">${this.t('pinned')}</span>`
                : nothing
            }
          </span>
        </div>
      </header>
      ${title ? html`<h3 class="title" part="title" id=${titleId}>${title}</h3>` : nothing}
      <div class="body rich-text" part="body">
        ${renderRichText(post.tiptap_body, post.body_plain_text, this.richTextOptions())}
      </div>
      ${this.renderActions(post, postUrl)}
    </article>`;
  }

  private renderActions(post: Post, postUrl: string | undefined): TemplateResult {
    const likes = post.user_likes_count ?? 0;
    const liked = Boolean(post.is_liked);
    const comments = post.comment_count ?? 0;

    return html`<div class="actions" part="actions">
      ${
        post.is_liking_enabled === false
          ? nothing
          : html`<button
              class="button like"
              part="button like-button"
              aria-pressed=${liked}
              aria-disabled=${this.pendingLikes.has(post.id ?? -1) ? 'true' : 'false'}
              @click=${() => this.toggleLike(post)}
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
                <path
                  d="M12 21s-7.5-4.6-9.4-9.1C1.2 8.5 3.4 5 7 5c2 0 3.6 1.1 5 3 1.4-1.9 3-3 5-3
                3.6 0 5.8 3.5 4.4 6.9C19.5 16.4 12 21 12 21z"
                />
              </svg>
              <span class="visually-hidden">${this.t('like')}</span>
              <span>${this.t('likes', { count: likes })}</span>
            </button>`
      }
      <span class="comments">${this.t('comments', { count: comments })}</span>
      ${
        postUrl
          ? html`<a
              class="button open"
              part="button open-link"
              href=${postUrl}
              target="_blank"
              rel="noopener noreferrer"
              >${this.t('openOnCircle')}</a
            >`
          : nothing
      }
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    return this.renderSkeletonList(
      html`<div class="card skeleton-card" aria-hidden="true">
        <div class="header">
          <span class="avatar skeleton"></span>
          <span class="skeleton line short"></span>
        </div>
        <span class="skeleton line title-line"></span>
        <span class="skeleton line"></span>
        <span class="skeleton line"></span>
        <span class="skeleton line medium"></span>
      </div>`,
    );
  }

  private async fetchPage(page: number, signal: AbortSignal): Promise<PageResult<Post, number>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    const space = this.space;
    const sort = this.validSort();
    const perPage = this.validPerPage();
    let result: Page<Post>;
    if (space) {
      // A space's posts are latest-first by default, and Circle's enum has no 'latest'.
      const query = { page, per_page: perPage, sort: sort === 'latest' ? undefined : sort };
      result = await api.get('/spaces/{space_id}/posts', {
        params: { space_id: space },
        query,
        signal,
      });
    } else {
      result = await api.get('/home', { query: { page, per_page: perPage, sort }, signal });
    }
    return { items: result.records ?? [], next: result.has_next_page ? page + 1 : undefined };
  }

  /** Likes or unlikes at once, then undoes it visibly if Circle refuses. */
  private async toggleLike(post: Post): Promise<void> {
    const api = this.sessionController.api;
    const id = post.id;
    if (!api || id === undefined || this.pendingLikes.has(id)) return;

    const liked = Boolean(post.is_liked);
    const count = post.user_likes_count ?? 0;
    this.list.update(id, {
      is_liked: !liked,
      user_likes_count: Math.max(0, count + (liked ? -1 : 1)),
    });
    this.pendingLikes = new Set(this.pendingLikes).add(id);

    try {
      const options = { params: { post_id: id } };
      if (liked) await api.delete('/posts/{post_id}/user_likes', options);
      else await api.post('/posts/{post_id}/user_likes', options);
    } catch (error) {
      this.list.update(id, { is_liked: liked, user_likes_count: count });
      this.reportFailure(liked ? 'unlikeFailed' : 'likeFailed', error);
    } finally {
      const pending = new Set(this.pendingLikes);
      pending.delete(id);
      this.pendingLikes = pending;
    }
  }

  protected override checkAttributes(): string[] {
    const problems = [];
    if (this.validSort() !== this.sort) {
      problems.push(this.badAttribute('sort', this.sort, SORTS.join(', '), 'latest'));
    }
    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    return problems;
  }

  private validSort(): Sort {
    return (SORTS as readonly string[]).includes(this.sort) ? this.sort : 'latest';
  }

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }
}

if (!customElements.get('circle-feed')) customElements.define('circle-feed', CircleFeed);

declare global {
  interface HTMLElementTagNameMap {
    'circle-feed': CircleFeed;
  }
}
