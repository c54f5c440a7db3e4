// The picture viewer of an image post: fetched when a reader points at, focuses or touches a
// picture, so feeds whose readers never open one don't download it.

import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

import type { StringKey } from '../../i18n/strings.js';
import { safeUrl } from '../../utils/safe-url.js';
import { WEB_PROTOCOLS } from '../../utils/safe-url.js';

export type GalleryImage = {
  id?: number;
  url?: string;
  filename?: string;
  width?: number;
  height?: number;
};

/** The viewer's state: which post's gallery, which picture, and who opened it. */
export interface Viewer {
  postId: number;
  title: string;
  images: GalleryImage[];
  index: number;
  opener?: HTMLElement;
}

/** What the viewer takes from its feed. */
export interface ViewerHost {
  element: HTMLElement;
  /** Shows another state of the viewer, or none once it has closed. */
  show(viewer: Viewer | undefined): void;
  t(key: StringKey, values?: Record<string, string | number>): string;
}

export const styles = [
  css`
    .viewer {
      max-width: min(92vw, 72rem);
      padding: var(--_space);
      border: 0;
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: var(--_shadow-raised);
      color: inherit;
    }

    .viewer::backdrop {
      background: rgb(0 0 0 / 70%);
    }

    .viewer-bar,
    .viewer-nav {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.75rem;
    }

    .viewer-count {
      margin: 0;
      color: var(--_muted);
    }

    .viewer-image {
      display: block;
      max-width: 100%;
      max-height: 75vh;
      width: auto;
      height: auto;
      margin: 0.75rem auto;
    }
  `,
];

/** The viewer as a modal dialog, which the feed opens once it is drawn. */
export function renderViewer(viewer: Viewer, host: ViewerHost): TemplateResult {
  const { t } = host;
  const image = viewer.images[viewer.index];
  const count = viewer.images.length;
  const step = (by: number) => host.show({ ...viewer, index: (viewer.index + by + count) % count });

  // The arrow that points forward in reading order shows the next picture.
  const onKeyDown = (event: KeyboardEvent) => {
    const forward = getComputedStyle(host.element).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === forward) step(1);
    else if (event.key === backward) step(-1);
    else return;
    event.preventDefault();
  };

  // Esc and the close button both end here; focus goes back to the picture that opened it.
  const onClose = () => {
    host.show(undefined);
    if (viewer.opener?.isConnected) {
      viewer.opener.focus();
    } else {
      // The windowed list may have redrawn the card, with a new button: the card takes focus.
      host.element.shadowRoot
        ?.querySelector<HTMLElement>(`[data-post-id="${viewer.postId}"]`)
        ?.focus();
    }
  };

  return html`<dialog
    class="viewer"
    part="viewer"
    aria-label=${t('imageViewer')}
    @close=${onClose}
    @keydown=${onKeyDown}
  >
    <div class="viewer-bar">
      <p class="viewer-count" aria-live="polite">
        ${t('galleryImage', { index: viewer.index + 1, count })}
      </p>
      <button
        class="button"
        part="button close-viewer"
        type="button"
        @click=${(event: Event) => (event.currentTarget as Element).closest('dialog')?.close()}
      >
        ${t('closeViewer')}
      </button>
    </div>
    <img
      class="viewer-image"
      part="viewer-image"
      src=${safeUrl(image?.url, WEB_PROTOCOLS) ?? ''}
      alt=${image?.filename ? `${viewer.title} (${image.filename})` : viewer.title}
      width=${image?.width ?? 800}
      height=${image?.height ?? 600}
      decoding="async"
    />
    ${
      count > 1
        ? html`<div class="viewer-nav">
            <button
              class="button"
              part="button previous-image"
              type="button"
              @click=${() => step(-1)}
            >
              ${t('previousImage')}
            </button>
            <button class="button" part="button next-image" type="button" @click=${() => step(1)}>
              ${t('nextImage')}
            </button>
          </div>`
        : nothing
    }
  </dialog>`;
}
