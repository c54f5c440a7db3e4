import { css } from 'lit';

export const feedStyles = css`
  :host {
    --_gap: var(--circle-feed-gap, var(--_space));
  }

  /* The virtualizer positions cards absolutely, so the gap is a margin it can measure. */
  .list.virtual {
    display: block;
  }

  .list.virtual:focus {
    outline: none;
  }

  .list.virtual > .card {
    width: 100%;
    margin-block-end: var(--_gap);
  }

  .list:not(.virtual) {
    display: grid;
    gap: var(--_gap);
  }

  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    min-width: 0;
  }

  .card:focus-visible {
    outline-offset: -2px;
  }

  .cover {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 2 / 1;
    object-fit: cover;
    margin-bottom: 0.75rem;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-2);
  }

  .title {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  /* The whole title is the target: at least 24px tall, which WCAG 2.2 asks of a control. */
  .title-link {
    display: inline-block;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }

  .title-link:hover {
    color: var(--_accent);
    text-decoration: underline;
  }

  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
  }

  .chip {
    min-width: 0;
    overflow-wrap: anywhere;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: var(--_surface-2);
    color: var(--_muted);
    font-size: 0.8125em;
  }

  .body.clamped {
    max-height: var(--circle-feed-clamp-height, 14em);
    overflow: hidden;
    mask-image: linear-gradient(to bottom, #000 70%, transparent);
  }

  .read-more {
    margin-top: 0.25rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-size: 0.875em;
    font-weight: 600;
    cursor: pointer;
  }

  .gallery {
    display: grid;
    grid-template-columns: repeat(var(--circle-feed-gallery-columns, 2), minmax(0, 1fr));
    gap: 0.375rem;
    margin: 0.75rem 0 0;
    padding: 0;
    list-style: none;
  }

  .gallery[data-count='1'] {
    grid-template-columns: minmax(0, 1fr);
  }

  .gallery-item {
    position: relative;
    display: block;
    width: 100%;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    overflow: hidden;
    background: var(--_surface-2);
    cursor: zoom-in;
  }

  .gallery-item img {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 4 / 3;
    object-fit: cover;
  }

  .gallery[data-count='1'] .gallery-item img {
    aspect-ratio: auto;
    max-height: 28rem;
  }

  .more {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgb(0 0 0 / 45%);
    color: #fff;
    font-size: 1.25em;
    font-weight: 600;
  }

  .event {
    display: flex;
    gap: 0.875rem;
    align-items: flex-start;
  }

  .event-date {
    display: grid;
    flex: none;
    width: 3.5rem;
    padding: 0.375rem 0;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface-2);
    text-align: center;
    line-height: 1.1;
  }

  .event-month {
    color: var(--_accent);
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
  }

  .event-day {
    font-size: 1.5em;
    font-weight: 700;
  }

  .event-details {
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .event-time,
  .event-location {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .like svg,
  .bookmark svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .like[aria-pressed='true'],
  .bookmark[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .like[aria-pressed='true'] svg,
  .bookmark[aria-pressed='true'] svg {
    fill: currentColor;
  }

  .open {
    margin-inline-start: auto;
  }

  .sentinel {
    height: 1px;
  }

  .paging {
    display: flex;
    justify-content: center;
    margin-top: var(--_gap);
  }

  .end {
    margin: var(--_gap) 0 0;
    color: var(--_muted);
    text-align: center;
    font-size: 0.875em;
  }

  .status {
    position: fixed;
    inset-block-end: 1rem;
    /* Centred without a translate, which would point the wrong way right to left. */
    inset-inline: 0;
    z-index: 1;
    width: fit-content;
    margin: 0 auto;
    padding: 0.5rem 1rem;
    border-radius: 999px;
    background: var(--_text);
    color: var(--_surface);
    font-size: 0.875em;
  }

  .status:not([data-shown]) {
    clip-path: inset(50%);
    padding: 0;
  }

  .gallery[aria-busy='true'] .gallery-item {
    cursor: progress;
  }

  .skeleton-card {
    display: grid;
    gap: 0.5rem;
    min-height: 11rem;
  }
`;
