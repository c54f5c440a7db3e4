import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';

import type { EventPost, Page, Post } from '../../api/types.js';
import { renderRichText } from '../../rich-text/render.js';
import type { RichTextOptions } from '../../rich-text/render.js';
import { richTextStyles } from '../../rich-text/rich-text.styles.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { EndWatcher } from '../../controllers/end-watcher.js';
import { PagedList } from '../../controllers/paged-list.js';
import type { LoadMore, PageResult } from '../../controllers/paged-list.js';
import { CircleBookmarkEvent, CircleLikeEvent, CirclePostOpenEvent } from '../../events.js';
import { msgIsolated } from '../../i18n/isolate.js';
import { pageUrl } from '../../config.js';
import { formatDateTime, formatEventRange } from '../../utils/format.js';
import { toJson } from '../../utils/json.js';
import { retryableImport } from '../../utils/retryable-import.js';
import { safeUrl, WEB_PROTOCOLS } from '../../utils/safe-url.js';
import { CircleElement, validPerPage } from '../circle-element.js';
import { feedStyles } from './circle-feed.styles.js';
import type { GalleryImage, Viewer, ViewerHost } from './picture-viewer.js';

const DEFAULT_PER_PAGE = 10;

const SORTS = ['latest', 'popular', 'oldest', 'likes', 'alphabetical', 'new_activity'] as const;
type Sort = (typeof SORTS)[number];

const PAGING_MODES = ['infinite', 'button'] as const;
type Paging = (typeof PAGING_MODES)[number];

/** How far below the viewport the end of the list starts the next page, in infinite mode. */

/**
 * Past this many posts the list is windowed: cards far off screen leave the DOM. Shorter lists,
 * which is what most readers see, render plainly and never fetch the virtualizer's code.
 */
const WINDOW_AFTER = 50;

/** An edit later than this after posting counts as "Edited"; quick fixes don't. */
const EDIT_GRACE_MS = 15 * 60_000;

/** Bodies longer than this (in characters or lines) start clamped, with "Read more". */
const LONG_BODY_CHARS = 480;
const LONG_BODY_LINES = 8;

/** Gallery thumbnails shown on a card; the rest open from the last one. */
const GALLERY_THUMBNAILS = 4;

/** How long "Link copied" stays. */
const STATUS_MS = 4000;

type EventSettings = NonNullable<EventPost['event_setting_attributes']>;

// The directive rather than <lit-virtualizer>: that element registers its tag unguarded, which
// throws when a page loads two copies of the bundle.
type Virtualize = typeof import('./windowing.js');
type FocusKeeper = InstanceType<Virtualize['FocusKeeper']>;
type Pin = import('./windowing.js').Pin;
type PictureViewer = typeof import('./picture-viewer.js');

/** The picture viewer's code, fetched once for every feed on the page. */
const loadPictureViewer = retryableImport(() => import('./picture-viewer.js'));

/** The virtualizer's code, fetched once for every feed on the page. */
const loadVirtualizer = retryableImport(() => import('./windowing.js'));

/**
 * @summary A community feed: the member's home feed, one space, or one member's posts.
 *
 * Shows each post with its author, space, time, topics, cover, title and body (long bodies are
 * clamped with "Read more"), image galleries with a viewer, and event posts as compact event
 * cards. A signed-in member can like and bookmark posts, copy a post's link and open it. Only
 * the cards near the viewport are in the DOM, so feeds of thousands of posts stay fast. Pages
 * load as the reader nears the end, or with "Load more".
 *
 * @tagname circle-feed
 *
 * @slot signed-out - Replaces the signed-out message, for example with the host's sign-in link.
 *
 * @csspart base - The wrapper around the whole feed.
 * @csspart list - The list of posts (`role="feed"`).
 * @csspart item - One post card.
 * @csspart event-item - An event post's card (also `item`).
 * @csspart header - A post's author line.
 * @csspart meta - A post's space and time, under the author's name.
 * @csspart avatar - The author's picture.
 * @csspart cover - A post's cover image.
 * @csspart title - A post's title.
 * @csspart title-link - The link or button in a post's title that opens the post.
 * @csspart topics - A post's topic chips.
 * @csspart topic - One topic chip.
 * @csspart body - A post's rendered body.
 * @csspart read-more - The "Read more" / "Show less" button of a long body.
 * @csspart gallery - An image post's picture grid.
 * @csspart gallery-item - One picture button in the grid.
 * @csspart event - An event post's date block, time and place.
 * @csspart event-date - The date block of an event post.
 * @csspart actions - A post's like, bookmark, comment, copy and open controls.
 * @csspart button - Every button.
 * @csspart like-button - A post's like button.
 * @csspart bookmark-button - A post's bookmark button.
 * @csspart copy-link - A post's "Copy link" button.
 * @csspart open-link - A post's "Open post" link.
 * @csspart load-more - The "Load more" button.
 * @csspart end - The "all caught up" line under the last post.
 * @csspart viewer - The picture viewer dialog.
 * @csspart viewer-image - The picture in the viewer.
 * @csspart close-viewer - The viewer's "Close" button.
 * @csspart previous-image - The viewer's "Previous image" button, when a post has several.
 * @csspart next-image - The viewer's "Next image" button, when a post has several.
 * @csspart status - The polite announcement, such as "Link copied".
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart signed-out - The signed-out state.
 * @csspart notice - A message about a change that could not be saved.
 * @csspart retry-button - The error state's "Try again" button.
 * @csspart sign-in - The signed-out state's sign-in link, when `sign-in-url` is set.
 * @csspart config-warning - A message about an attribute value that can't be used.
 *
 * @cssprop [--circle-feed-gap=1rem] - Space between post cards.
 * @cssprop [--circle-feed-clamp-height=14em] - Height of a long body before "Read more".
 * @cssprop [--circle-feed-gallery-columns=2] - Columns of an image post's grid.
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
 * @fires {CircleAuthRequiredEvent} circle-auth-required - The visitor is signed out; the host may
 *   show its sign-in.
 * @fires {CustomEvent<CircleErrorDetail>} circle-error - A load, like or bookmark failed; `detail`
 *   has `kind`, `status`, `message`.
 * @fires {CirclePostOpenEvent} circle-post-open - A post is about to open on Circle; cancel it to
 *   open it yourself.
 * @fires {CircleLikeEvent} circle-like - A like or unlike was saved.
 * @fires {CircleBookmarkEvent} circle-bookmark - A bookmark was saved or removed.
 */
export class CircleFeed extends CircleElement {
  static override styles = [sharedStyles, richTextStyles, feedStyles];

  /** A space's id or slug; without it (and without `member`) the feed is the home feed. */
  @property() space?: string;

  /** A community member's id: the feed shows that member's posts (`space` is then ignored). */
  @property() member?: string;

  /** Topic ids, comma-separated, to show only those topics of `space`. */
  @property() topic?: string;

  /** Order of posts: latest, popular, oldest, likes, alphabetical or new_activity. */
  @property() sort: Sort = 'latest';

  /** How many posts each page loads. */
  @property({ attribute: 'per-page', type: Number }) perPage = DEFAULT_PER_PAGE;

  /** `infinite` loads the next page near the end (with a "Load more" fallback); `button` waits. */
  @property() paging: Paging = 'infinite';

  /** A template for member profile links such as `/members/{id}`; mentions link there. */
  @property({ attribute: 'profile-url' }) profileUrl?: string;

  /** Post titles are h3 unless `heading-level` says otherwise. */
  protected override get defaultHeadingLevel(): number {
    return 3;
  }

  @state() private pendingLikes = new Set<number>();
  @state() private pendingBookmarks = new Set<number>();
  @state() private expanded = new Set<number>();
  @state() private viewer?: Viewer;

  /**
   * Changes made here (likes, bookmarks) on top of the loaded posts. The loaded list keeps its
   * identity, so the windowed list redraws the cards on screen at once rather than a frame
   * later, as it does when its items are replaced.
   */
  @state() private edits = new Map<number, Partial<Post>>();
  @state() private status = '';

  /** The virtualizer, once the list has grown long enough to need it and its code is here. */
  @state() private virtualizer?: Virtualize;
  /** How many posts the list had when windowing was last tried: only a longer list tries again. */
  private windowingTriedAt = 0;
  /** The card the windowed list starts at, for its first drawing only. */
  private firstPin?: Pin;
  private focusKeeper?: FocusKeeper;

  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~="list"]') private listElement?: HTMLElement;

  private statusTimer?: ReturnType<typeof setTimeout>;

  private readonly pictureViewer = this.lazyPart<PictureViewer>(loadPictureViewer);

  /** Where focus was when a picture was pressed before the viewer's code had come. */
  private focusAtViewerAsk?: Element | null;

  /** What the viewer's code works with. */
  private readonly viewerHost: ViewerHost = {
    element: this,
    show: (viewer) => (this.viewer = viewer),
    t: (key, values) => this.t(key, values),
  };

  /**
   * A pointer, focus or touch reaching the pictures starts fetching the viewer's code, so that a
   * click rarely waits. One listener object for every gallery, passive so a touch scrolls at once.
   */
  private readonly prefetchViewer = {
    handleEvent: () => this.pictureViewer.prefetch(),
    passive: true,
  };

  private readonly list = new PagedList<Post, number>(this, {
    fetchPage: (page, signal) => this.fetchPage(page, signal),
    onError: (error) => this.dispatchError(error),
    onMore: (posts) => {
      void this.announceLoaded(this.t('morePostsLoaded', { count: posts.length }));
    },
  });

  private readonly endWatcher = new EndWatcher(
    this,
    this.list,
    () => this.validPaging() === 'infinite',
  );

  private readonly firstPage = new Task(this, {
    task: async ([api, member, space, topic, sort, perPage], { signal }) =>
      api ? this.list.loadFirst(1, signal, [member, space, topic, sort, perPage]) : initialState,
    args: () =>
      [
        this.sessionController.api,
        this.member,
        this.space,
        this.topic,
        this.validSort(),
        this.validPerPage(),
        this.sessionController.state.generation,
      ] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // A picture asked for, or a long list's windowing, that had to wait while the feed was out
    // of the page goes on now that it is back.
    const long = !this.virtualizer && this.list.items.length > WINDOW_AFTER;
    if (this.viewer || long) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.statusTimer);
  }

  protected override forgetMemberData(): void {
    this.list.clear();
    this.edits = new Map();
    this.viewer = undefined;
  }

  /** Loads the feed again from the first page. */
  refresh(): void {
    void this.firstPage.run();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);

    // The viewer takes focus as it opens: not from a reader who went on to something else while
    // its code was on its way.
    if (this.pictureViewer.module && this.focusAtViewerAsk !== undefined) {
      const card = this.viewer?.opener?.closest('article');
      if (!this.stillWhereAsked(this.focusAtViewerAsk, card)) this.viewer = undefined;
      this.focusAtViewerAsk = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);

    // A modal dialog needs a document: a feed taken out of the page opens it once back.
    const dialog = this.dialog;
    if (dialog && this.viewer && !dialog.open && this.isConnected) dialog.showModal();

    const length = this.list.items.length;
    if (!this.virtualizer && length > WINDOW_AFTER && length > this.windowingTriedAt) {
      this.windowingTriedAt = length;
      void this.startWindowing();
    }
  }

  /**
   * Swaps the plain list for the windowed one, keeping the reader's place and focus. If the code
   * can't be fetched, the list stays plain until it grows again, which tries again.
   */
  private async startWindowing(): Promise<void> {
    let module: Virtualize;
    try {
      module = await loadVirtualizer();
    } catch {
      return;
    }
    // A page that came while the code was on its way may have started windowing already.
    const root = this.shadowRoot;
    if (this.virtualizer) return;
    if (!this.isConnected || !this.listElement || !root) {
      // Tried again once the feed is back in the page (see connectedCallback).
      this.windowingTriedAt = 0;
      return;
    }

    await module.switchToWindowed(root, this.listElement, async (pin) => {
      this.firstPin = pin;
      this.focusKeeper = new module.FocusKeeper(root, () => this.listElement);
      this.virtualizer = module;
      await this.updateComplete;
      // Given again, the pin would take the reader back to that card at every update.
      this.firstPin = undefined;
      return this.listElement;
    });
  }

  override render(): TemplateResult {
    return html`${this.renderFrame(
        this.firstPage.render({
          initial: () => this.renderSkeleton(),
          pending: () => (this.list.items.length ? this.renderPosts() : this.renderSkeleton()),
          complete: () =>
            this.list.items.length ? this.renderPosts() : this.renderEmpty('feedEmpty'),
          error: (error) => this.renderError(error, () => this.refresh(), this.sourceLookup()),
        }),
      )}
      <p class="status" part="status" role="status" ?data-shown=${this.status !== ''}>
        ${this.status}
      </p>
      ${this.renderLoadedNote()} ${this.renderViewer()}`;
  }

  private renderPosts(): TemplateResult {
    const items = this.list.items;
    const infinite = this.validPaging() === 'infinite';
    const atEnd = !this.list.hasMore && !this.list.error;

    return html`
      <div
        class="list virtual"
        part="list"
        role="feed"
        tabindex="-1"
        aria-label=${this.t('feedLabel')}
        aria-busy=${this.list.loadingMore || this.firstPage.status === TaskStatus.PENDING}
        @focusin=${this.focusKeeper?.focusIn}
        @focusout=${this.focusKeeper?.focusOut}
        @rangeChanged=${this.focusKeeper?.keepFocusInFeed}
        @keydown=${this.onFeedKeyDown}
      >
        ${
          this.virtualizer
            ? this.virtualizer.virtualize({
                items,
                // Like renderItem below, it may be asked about a place past the end of a shorter
                // list.
                keyFunction: (post: Post) => (post as Post | undefined)?.id,
                renderItem: (post: Post, index: number) => this.renderPostSafely(post, index),
                layout: this.virtualizer.flow(this.firstPin ? { pin: this.firstPin } : {}),
              })
            : repeat(
                items,
                (post) => post.id,
                (post, index) => this.renderPostSafely(post, index),
              )
        }
      </div>
      ${
        infinite && this.list.hasMore
          ? html`<div class="sentinel" ${ref(this.endWatcher.watch)}></div>`
          : nothing
      }
      ${this.renderLoadMore(this.list)}
      ${
        infinite && atEnd && items.length > this.validPerPage()
          ? html`<p class="end" part="end">${this.t('endOfFeed')}</p>`
          : nothing
      }
    `;
  }

  /**
   * One card, whatever the data: a post shaped in a way nobody foresaw shows as its title and
   * plain text rather than taking the whole windowed list down with it.
   */
  private renderPostSafely(post: Post, index: number): TemplateResult {
    // The virtualizer may still draw a range past the end of a list that just got shorter.
    if (!post) return html``;

    try {
      return this.renderPost(this.edited(post), index);
    } catch {
      const title = typeof post.name === 'string' ? post.name : '';
      const heading = { class: 'title', part: 'title', dir: 'auto' };
      const options = this.richTextOptions(this.headingLevelAt());
      return html`<article class="card" part="item" data-post-id=${post.id ?? -1}>
        ${title ? this.renderHeading(0, title, heading) : nothing}
        ${renderRichText(undefined, post.body_plain_text, options)}
      </article>`;
    }
  }

  private renderPost(post: Post, index: number): TemplateResult {
    const id = post.id ?? -1;
    const titleId = `post-${id}-title`;
    const title = post.display_title || post.name;
    const author = post.author;
    const event = isEventPost(post) ? post.event_setting_attributes : undefined;
    // An event without a usable start shows as an ordinary card.
    const startsAt = Number.isNaN(Date.parse(event?.starts_at ?? ''))
      ? undefined
      : event?.starts_at;

    return html`<article
      class="card ${event ? 'event-card' : ''}"
      part=${event ? 'item event-item' : 'item'}
      tabindex="-1"
      data-post-id=${id}
      aria-labelledby=${ifDefined(title ? titleId : undefined)}
      aria-posinset=${index + 1}
      aria-setsize=${this.list.hasMore ? -1 : this.list.items.length}
    >
      <header class="header" part="header">
        ${this.renderAvatar(author?.avatar_url, author?.name)}
        <div class="byline">
          <span class="author"><bdi>${author?.name ?? ''}</bdi></span>
          <span class="meta" part="meta">${this.renderMeta(post)}</span>
        </div>
      </header>
      ${event ? nothing : this.renderCover(post)}
      ${startsAt ? this.renderEvent(post, event!, title, titleId) : nothing}
      ${!startsAt && title ? this.renderTitle(post, title, titleId) : nothing}
      ${this.renderTopics(post)} ${this.renderBody(post)} ${this.renderGallery(post, title)}
      ${this.renderActions(post)}
    </article>`;
  }

  private renderMeta(post: Post): TemplateResult {
    const parts: unknown[] = [];
    if (post.space?.name && !this.member) {
      parts.push(msgIsolated('postedIn', { space: post.space.name }, this.locale));
    }
    parts.push(this.renderRelativeTime(post.created_at));
    if (wasEdited(post)) {
      parts.push(
        html`<span class="edited" title=${formatDateTime(post.updated_at!, this.locale)}
          >${this.t('edited')}</span
        >`,
      );
    }
    if (post.is_pinned_at_top_of_space) {
      parts.push(html`<span class="pinned">${this.t('pinned')}</span>`);
    }
    const separator = this.t('separator');
    return html`${parts.map((part, index) => html`${index > 0 ? separator : ''}${part}`)}`;
  }

  private renderCover(post: Post): TemplateResult | typeof nothing {
    const src = safeUrl(post.cover_image, WEB_PROTOCOLS);
    if (!src) return nothing;
    // Circle gives no size for covers; the box has a fixed ratio and the picture fills it.
    return html`<img
      class="cover"
      part="cover"
      src=${src}
      alt=""
      width="1200"
      height="600"
      loading="lazy"
      decoding="async"
    />`;
  }

  /** The title opens the post: a link to Circle when it has a safe URL, else a button. */
  private renderTitle(post: Post, title: string, titleId: string): TemplateResult {
    const url = safeUrl(post.url, WEB_PROTOCOLS);
    const open = (event: Event) => this.openPost(event, post, url);
    const link = url
      ? html`<a
          class="title-link"
          part="title-link"
          href=${url}
          target="_blank"
          rel="noopener noreferrer"
          @click=${open}
          >${title}</a
        >`
      : html`<button class="title-link" part="title-link" type="button" @click=${open}>
          ${title}
        </button>`;
    return this.renderHeading(0, link, { class: 'title', part: 'title', id: titleId, dir: 'auto' });
  }

  private renderEvent(
    post: Post,
    event: EventSettings,
    title: string | null | undefined,
    titleId: string,
  ): TemplateResult {
    const lang = this.locale;
    const start = new Date(event.starts_at!);
    const month = new Intl.DateTimeFormat(lang, { month: 'short' }).format(start);
    const day = new Intl.DateTimeFormat(lang, { day: 'numeric' }).format(start);

    return html`<div class="event" part="event">
      <div class="event-date" part="event-date" aria-hidden="true">
        <span class="event-month">${month}</span>
        <span class="event-day">${day}</span>
      </div>
      <div class="event-details">
        ${title ? this.renderTitle(post, title, titleId) : nothing}
        <p class="event-time">
          <time datetime=${event.starts_at!}
            >${formatEventRange(event.starts_at!, event.ends_at, lang)}</time
          >
        </p>
        <p class="event-location">${this.eventLocation(event)}</p>
      </div>
    </div>`;
  }

  private eventLocation(event: EventSettings): string | TemplateResult {
    if (event.location_type === 'virtual') return this.t('virtualEvent');
    if (event.hide_location_from_non_attendees) return this.t('locationForAttendees');
    const place =
      typeof event.in_person_location === 'string' ? event.in_person_location.trim() : '';
    return place ? msgIsolated('inPersonAt', { place }, this.locale) : this.t('inPerson');
  }

  private renderTopics(post: Post): TemplateResult | typeof nothing {
    const topics = (post.topics ?? []).filter((topic) => typeof topic?.name === 'string');
    if (topics.length === 0) return nothing;
    return html`<ul class="topics" part="topics" aria-label=${this.t('topicsLabel')}>
      ${topics.map((topic) => html`<li class="chip" part="topic" dir="auto">${topic.name}</li>`)}
    </ul>`;
  }

  private renderBody(post: Post): TemplateResult {
    const id = post.id ?? -1;
    const long = isLongBody(post);
    const expanded = this.expanded.has(id);
    const bodyId = `post-${id}-body`;
    const options = this.richTextOptions(this.headingLevelAt(), this.mentionHref());

    return html`<div class="body ${long && !expanded ? 'clamped' : ''}" part="body" id=${bodyId}>
        ${renderRichText(post.tiptap_body, post.body_plain_text, options)}
      </div>
      ${
        long
          ? html`<button
              class="read-more"
              part="button read-more"
              type="button"
              aria-expanded=${expanded}
              aria-controls=${bodyId}
              @click=${() => this.toggleExpanded(id)}
            >
              ${this.t(expanded ? 'showLess' : 'readMore')}
            </button>`
          : nothing
      }`;
  }

  private renderGallery(post: Post, title: string | null | undefined) {
    const images = galleryOf(post);
    if (images.length === 0) return nothing;

    const shown = images.slice(0, GALLERY_THUMBNAILS);
    const hidden = images.length - shown.length;
    const label = this.t('galleryLabel', { title: title ?? '' });
    // The viewer's code comes when a reader shows interest in a picture; a click waits for it.
    const opening = this.viewer?.postId === (post.id ?? -1) && !this.pictureViewer.module;
    return html`<ul
        class="gallery"
        part="gallery"
        aria-label=${label}
        aria-busy=${opening && !this.pictureViewer.failed ? 'true' : nothing}
        data-count=${shown.length}
        @pointerenter=${this.prefetchViewer}
        @focusin=${this.prefetchViewer}
        @touchstart=${this.prefetchViewer}
      >
        ${shown.map(
          (image, index) =>
            html`<li>
              <button
                class="gallery-item"
                part="gallery-item"
                type="button"
                @click=${(event: Event) =>
                  this.openViewer(post, images, index, event.currentTarget as HTMLElement)}
              >
                <img
                  src=${safeUrl(image.url, WEB_PROTOCOLS)!}
                  alt=${this.t('openImage', { index: index + 1, count: images.length })}
                  width=${image.width ?? 400}
                  height=${image.height ?? 300}
                  loading="lazy"
                  decoding="async"
                />
                ${
                  hidden > 0 && index === shown.length - 1
                    ? html`<span class="more">${this.t('moreImages', { count: hidden })}</span>`
                    : nothing
                }
              </button>
            </li>`,
        )}
      </ul>
      ${opening && this.pictureViewer.failed ? this.renderPartStatus(this.pictureViewer) : nothing}`;
  }

  private renderActions(post: Post): TemplateResult {
    const id = post.id ?? -1;
    const likes = post.user_likes_count ?? 0;
    const comments = post.comment_count ?? 0;
    const postUrl = safeUrl(post.url, WEB_PROTOCOLS);
    const bookmarked = post.bookmark_id !== null && post.bookmark_id !== undefined;

    return html`<div class="actions" part="actions">
      ${
        post.is_liking_enabled === false
          ? nothing
          : html`<button
              class="button like"
              part="button like-button"
              aria-pressed=${Boolean(post.is_liked)}
              aria-disabled=${this.pendingLikes.has(id) ? 'true' : 'false'}
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
      <button
        class="button bookmark"
        part="button bookmark-button"
        aria-pressed=${bookmarked}
        aria-disabled=${this.pendingBookmarks.has(id) ? 'true' : 'false'}
        @click=${() => this.toggleBookmark(post)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
          <path d="M6 3h12v18l-6-4.5L6 21z" />
        </svg>
        <span>${this.t('bookmark')}</span>
      </button>
      <span class="comments">${this.t('comments', { count: comments })}</span>
      ${
        postUrl
          ? html`<button
                class="button copy"
                part="button copy-link"
                type="button"
                @click=${() => this.copyLink(postUrl)}
              >
                ${this.t('copyLink')}
              </button>
              <a
                class="button open"
                part="button open-link"
                href=${postUrl}
                target="_blank"
                rel="noopener noreferrer"
                @click=${(event: Event) => this.openPost(event, post, postUrl)}
                >${this.t('openOnCircle')}</a
              >`
          : nothing
      }
    </div>`;
  }

  private renderViewer(): TemplateResult | typeof nothing {
    const viewer = this.viewer;
    const module = this.pictureViewer.module;
    if (!viewer || !module) return nothing;

    return module.renderViewer(viewer, this.viewerHost);
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

  // -------------------------------------------------------------------------------------------
  // Loading

  private async fetchPage(page: number, signal: AbortSignal): Promise<PageResult<Post, number>> {
    const api = this.sessionController.api;
    if (!api) return { items: [] };

    // A fresh first page is the community's word; earlier local changes are in it.
    if (page === 1) this.edits = new Map();

    const perPage = this.validPerPage();
    const member = this.validMember();
    const space = this.space;
    const sort = this.validSort();
    let result: Page<Post>;
    if (member !== undefined) {
      result = await api.get('/community_members/{community_member_id}/posts', {
        params: { community_member_id: member },
        query: { page, per_page: perPage },
        signal,
      });
    } else if (space) {
      // A space's posts are latest-first by default, and Circle's enum has no 'latest'.
      const topics = this.validTopics();
      const query = {
        page,
        per_page: perPage,
        sort: sort === 'latest' ? undefined : sort,
        topics: topics.length > 0 ? topics : undefined,
      };
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

  // -------------------------------------------------------------------------------------------
  // Actions

  /** Likes or unlikes at once, then undoes it visibly if Circle refuses. */
  private async toggleLike(post: Post): Promise<void> {
    const api = this.sessionController.api;
    const id = post.id;
    if (!api || id === undefined || this.pendingLikes.has(id)) return;

    const liked = Boolean(post.is_liked);
    const count = post.user_likes_count ?? 0;
    this.edit(id, { is_liked: !liked, user_likes_count: Math.max(0, count + (liked ? -1 : 1)) });
    this.pendingLikes = withItem(this.pendingLikes, id, true);

    try {
      const options = { params: { post_id: id } };
      if (liked) await api.delete('/posts/{post_id}/user_likes', options);
      else await api.post('/posts/{post_id}/user_likes', options);
      this.dispatchEvent(new CircleLikeEvent('post', id, !liked));
      this.withdrawFailure(`like-${id}`);
    } catch (error) {
      this.edit(id, { is_liked: liked, user_likes_count: count });
      this.reportFailure(liked ? 'unlikeFailed' : 'likeFailed', error, `like-${id}`);
    } finally {
      this.pendingLikes = withItem(this.pendingLikes, id, false);
    }
  }

  /** Bookmarks or removes the bookmark at once, then undoes it visibly if Circle refuses. */
  private async toggleBookmark(post: Post): Promise<void> {
    const api = this.sessionController.api;
    const id = post.id;
    if (!api || id === undefined || this.pendingBookmarks.has(id)) return;

    const bookmarkId = post.bookmark_id ?? null;
    // A placeholder id shows the pressed state until Circle answers with the real one.
    this.edit(id, { bookmark_id: bookmarkId === null ? -1 : null });
    this.pendingBookmarks = withItem(this.pendingBookmarks, id, true);

    try {
      if (bookmarkId === null) {
        const bookmark = await api.post('/bookmarks', {
          body: { record_id: id, bookmark_type: 'post' },
        });
        this.edit(id, { bookmark_id: bookmark?.id ?? -1 });
      } else {
        await api.delete('/bookmarks/{id}', { params: { id: bookmarkId } });
      }
      this.dispatchEvent(new CircleBookmarkEvent(id, bookmarkId === null));
      this.withdrawFailure(`bookmark-${id}`);
    } catch (error) {
      this.edit(id, { bookmark_id: bookmarkId });
      const key = bookmarkId === null ? 'bookmarkFailed' : 'unbookmarkFailed';
      this.reportFailure(key, error, `bookmark-${id}`);
    } finally {
      this.pendingBookmarks = withItem(this.pendingBookmarks, id, false);
    }
  }

  private edit(id: number, changes: Partial<Post>): void {
    this.edits = new Map(this.edits).set(id, { ...this.edits.get(id), ...changes });
  }

  /** A loaded post with the changes made here. */
  private edited(post: Post): Post {
    const changes = post.id === undefined ? undefined : this.edits.get(post.id);
    return changes ? ({ ...post, ...changes } as Post) : post;
  }

  /** Tells the host page first; unless it takes over, the link opens Circle in a new tab. */
  private openPost(event: Event, post: Post, url: string | undefined): void {
    const opening = new CirclePostOpenEvent(post, url);
    this.dispatchEvent(opening);
    if (opening.defaultPrevented) {
      event.preventDefault();
      return;
    }
    // A button title (no safe URL) has nowhere to go on its own.
    if (!(event.currentTarget instanceof HTMLAnchorElement) && url) {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  }

  private async copyLink(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.announce(this.t('linkCopied'));
    } catch {
      this.announce(this.t('copyLinkFailed'));
    }
  }

  /** Says something politely through the live region, then clears it. */
  private announce(message: string): void {
    clearTimeout(this.statusTimer);
    this.status = message;
    this.statusTimer = setTimeout(() => (this.status = ''), STATUS_MS);
  }

  private toggleExpanded(id: number): void {
    this.expanded = withItem(this.expanded, id, !this.expanded.has(id));
  }

  // -------------------------------------------------------------------------------------------
  // The picture viewer

  /** Opens the viewer at once if its code is in, else as soon as it is. */
  private openViewer(post: Post, images: GalleryImage[], index: number, opener: HTMLElement) {
    const title = post.display_title || post.name || '';
    this.viewer = { postId: post.id ?? -1, title, images, index, opener };
    if (!this.pictureViewer.module) this.focusAtViewerAsk = this.focusedElement();
    void this.pictureViewer.load();
  }

  // -------------------------------------------------------------------------------------------
  // Keyboard focus in the list

  /** After "Load more", focus goes to the first new card, once the windowed list draws it. */
  protected override async loadedItemTarget(
    _list: LoadMore,
    items: unknown[],
  ): Promise<HTMLElement | null> {
    const id = (items[0] as Post).id;
    for (let frame = 0; frame < 5; frame++) {
      const card = this.renderRoot.querySelector<HTMLElement>(`article[data-post-id="${id}"]`);
      if (card) return card;
      await new Promise(requestAnimationFrame);
    }
    return null;
  }

  /** Page Down and Page Up move between posts, as the ARIA feed pattern suggests. */
  private readonly onFeedKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;

    const cards = [...(this.listElement?.querySelectorAll<HTMLElement>('article') ?? [])].sort(
      (a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')),
    );
    const current = (event.target as Element).closest('article');
    let next: HTMLElement | undefined;
    if (!current) {
      next = cards.find((card) => card.getBoundingClientRect().bottom > 0);
    } else {
      const index = cards.indexOf(current as HTMLElement);
      next = cards[index + (event.key === 'PageDown' ? 1 : -1)];
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  };

  // -------------------------------------------------------------------------------------------
  // Attributes

  /** Mention links from the `profile-url` template, when it gives an http(s) URL. */
  private mentionHref(): RichTextOptions['mentionHref'] {
    const template = this.profileUrl;
    if (!template || !template.includes('{id}')) return undefined;
    return (member) => pageUrl(template.replace(/\{id\}/g, encodeURIComponent(member.id)));
  }

  protected override checkAttributes(): string[] {
    const problems = [];
    if (this.validSort() !== this.sort) {
      problems.push(this.badAttribute('sort', this.sort, SORTS.join(', '), 'latest'));
    }
    const perPageProblem = this.perPageProblem(this.perPage, DEFAULT_PER_PAGE);
    if (perPageProblem) problems.push(perPageProblem);
    if (this.validPaging() !== this.paging) {
      problems.push(
        this.badAttribute('paging', String(this.paging), PAGING_MODES.join(', '), 'infinite'),
      );
    }
    if (this.member && this.validMember() === undefined) {
      const fallback = this.space || this.t('homeFeed');
      problems.push(this.badAttribute('member', this.member, this.t('memberIdExpected'), fallback));
    }
    if (this.topic && this.validTopics().length === 0) {
      problems.push(
        this.badAttribute('topic', this.topic, this.t('topicIdsExpected'), this.t('allTopics')),
      );
    }
    if (this.profileUrl && !this.profileUrlWorks()) {
      problems.push(this.t('badUrlAttribute', { name: 'profile-url', value: this.profileUrl }));
    }
    return problems;
  }

  private profileUrlWorks(): boolean {
    const template = this.profileUrl ?? '';
    return template.includes('{id}') && pageUrl(template.replace(/\{id\}/g, '1')) !== undefined;
  }

  private validSort(): Sort {
    return (SORTS as readonly string[]).includes(this.sort) ? this.sort : 'latest';
  }

  private validPaging(): Paging {
    return (PAGING_MODES as readonly string[]).includes(this.paging) ? this.paging : 'infinite';
  }

  private validPerPage(): number {
    return validPerPage(this.perPage, DEFAULT_PER_PAGE);
  }

  private validMember(): number | undefined {
    const id = Number(this.member?.trim());
    return this.member && Number.isSafeInteger(id) && id >= 1 ? id : undefined;
  }

  /** The attribute that chose whose or which posts to show, for a "not found" from Circle. */
  private sourceLookup(): { name: string; value: string } | undefined {
    const member = this.validMember();
    if (member !== undefined) return { name: 'member', value: String(member) };
    return this.space ? { name: 'space', value: this.space } : undefined;
  }

  private validTopics(): number[] {
    const ids = (this.topic ?? '').split(',').map((part) => Number(part.trim()));
    return ids.every((id) => Number.isSafeInteger(id) && id >= 1) ? ids : [];
  }
}

function isEventPost(post: Post): post is EventPost {
  return post.post_type === 'event' && 'event_setting_attributes' in post;
}

/** An image post's pictures with safe URLs. */
function galleryOf(post: Post): GalleryImage[] {
  if (post.post_type !== 'image' || !('gallery' in post)) return [];
  const images = (post.gallery as { images?: GalleryImage[] } | undefined)?.images ?? [];
  return images.filter((image) => safeUrl(image?.url, WEB_PROTOCOLS));
}

function wasEdited(post: Post): boolean {
  const created = Date.parse(post.created_at ?? '');
  const updated = Date.parse(post.updated_at ?? '');
  return updated - created > EDIT_GRACE_MS;
}

/**
 * Whether a body starts clamped. Judged from the text rather than measured, so cards keep one
 * height while the virtualizer lays them out; pictures in a body count as long.
 */
function isLongBody(post: Post): boolean {
  const text = post.body_plain_text ?? '';
  if (text.length > LONG_BODY_CHARS || text.split('\n').length > LONG_BODY_LINES) return true;
  const content = toJson(post.tiptap_body?.body ?? '');
  return /"type":"(image|embed|file)"/.test(content);
}

/** A copy of `set` with `id` added or removed, so lit sees a new value. */
function withItem(set: Set<number>, id: number, present: boolean): Set<number> {
  const copy = new Set(set);
  if (present) copy.add(id);
  else copy.delete(id);
  return copy;
}

if (!customElements.get('circle-feed')) customElements.define('circle-feed', CircleFeed);

declare global {
  interface HTMLElementTagNameMap {
    'circle-feed': CircleFeed;
  }
}
