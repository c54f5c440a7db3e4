// A video embed's card and player: fetched by render.ts the first time a post shows a video, so
// posts without one never download it.

import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { AsyncDirective } from 'lit/async-directive.js';
import { directive } from 'lit/directive.js';
import type { DirectiveResult } from 'lit/directive.js';
import { VIMEO_HOSTS, YOUTUBE_HOSTS, embedFrame, linkEmbed } from './render.js';
import type { RichTextStrings, VideoLink } from './render.js';

/** The card's look beyond its box and caption, which render.ts's placeholder has already. */
export const styles = [
  css`
    .rich-text .embed-loaded {
      display: block;
      padding: 0;
      overflow: hidden;
    }

    .rich-text .embed-loaded .embed-caption {
      padding: 0.5em 1em;
    }

    .rich-text .embed-load {
      font: inherit;
      padding: 0.4em 1em;
      border: 1px solid var(--_border, #d0d7de);
      border-radius: 999px;
      background: var(--_surface, #fff);
      color: var(--_text, #1f2328);
      cursor: pointer;
    }

    .rich-text .embed-load:hover {
      border-color: var(--_accent, #2563eb);
    }

    .rich-text iframe {
      display: block;
      width: 100%;
      height: auto;
      aspect-ratio: 16 / 9;
      border: 0;
    }
  `,
];

/** A video link as a card whose button loads the player, or as a link when it has none. */
export function renderVideo(
  video: VideoLink,
  strings: RichTextStrings,
): TemplateResult | DirectiveResult {
  const player = playerFor(new URL(video.href));
  return player ? embedCard(video, player, strings) : linkEmbed(video.href, video.title);
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i;

/** The player's address, built from the parsed id and never from the raw URL. */
function playerFor(url: URL): string | undefined {
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);

  if (host === 'youtu.be' || YOUTUBE_HOSTS.has(host)) {
    const id =
      host === 'youtu.be'
        ? segments[0]
        : segments[0] === 'watch'
          ? url.searchParams.get('v')
          : ['embed', 'shorts', 'live', 'v'].includes(segments[0] ?? '')
            ? segments[1]
            : undefined;
    if (!id || !YOUTUBE_ID.test(id)) return undefined;

    const player = new URL(`https://www.youtube-nocookie.com/embed/${id}`);
    player.searchParams.set('autoplay', '1');
    const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
    if (start) player.searchParams.set('start', String(start));
    return player.href;
  }

  if (VIMEO_HOSTS.has(host)) {
    // vimeo.com/<id>[/<hash>], vimeo.com/channels/<name>/<id>, player.vimeo.com/video/<id>.
    const index = segments.findIndex((segment) => VIMEO_ID.test(segment));
    const id = index >= 0 ? segments[index] : undefined;
    if (!id) return undefined;

    const player = new URL(`https://player.vimeo.com/video/${id}`);
    const hash = url.searchParams.get('h') ?? segments[index + 1];
    if (hash && VIMEO_HASH.test(hash)) player.searchParams.set('h', hash);
    player.searchParams.set('autoplay', '1');
    player.searchParams.set('dnt', '1');
    return player.href;
  }

  return undefined;
}

/** YouTube's `t` as "90", "90s" or "1m30s", in whole seconds. */
function startSeconds(value: string | null): number | undefined {
  const match = value?.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : undefined;
}

/** Keeps whether the reader loaded the player across re-renders of the same embed. */
class EmbedCardDirective extends AsyncDirective {
  private loaded = false;
  private playerSrc: string | undefined;
  private video: VideoLink | undefined;
  private strings: RichTextStrings | undefined;

  render(video: VideoLink, playerSrc: string, strings: RichTextStrings): TemplateResult {
    if (playerSrc !== this.playerSrc) {
      this.playerSrc = playerSrc;
      this.loaded = false;
    }
    this.video = video;
    this.strings = strings;

    if (!this.loaded) {
      return embedFrame(video, {
        controls: html`<button type="button" class="embed-load" @click=${this.load}>
          ${strings.loadEmbed}
        </button>`,
      });
    }
    return embedFrame(video, {
      loaded: true,
      player: html`<iframe
        src=${playerSrc}
        title=${video.title ?? strings.embedFrameTitle}
        allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
        allowfullscreen
        referrerpolicy="strict-origin-when-cross-origin"
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups
          allow-popups-to-escape-sandbox"
      ></iframe>`,
    });
  }

  private readonly load = (event: Event): void => {
    if (!this.video || !this.playerSrc || !this.strings) return;
    this.loaded = true;
    const box = (event.currentTarget as Element).closest('.embed');
    this.setValue(this.render(this.video, this.playerSrc, this.strings));

    // The clicked button is gone; the player takes focus so keyboard users aren't lost. (Once it
    // is in the page: a ref's callback would get it before it is.)
    box?.querySelector('iframe')?.focus();
  };
}

const embedCard = directive(EmbedCardDirective);
