import { css } from 'lit';

export const feedStyles = css`
  .list {
    display: grid;
    gap: var(--circle-feed-gap, var(--_space));
  }

  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }

  .header {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }

  .byline {
    display: grid;
    min-width: 0;
  }

  .author {
    font-weight: 600;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .title {
    margin: 0 0 0.5rem;
    font-size: 1.125em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.75rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .like svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
  }

  .like[aria-pressed='true'] {
    border-color: var(--_accent);
    color: var(--_accent);
  }

  .like[aria-pressed='true'] svg {
    fill: currentColor;
  }

  .open {
    margin-inline-start: auto;
  }

  .paging {
    display: flex;
    justify-content: center;
    margin-top: var(--circle-feed-gap, var(--_space));
  }

  .skeleton-card {
    display: grid;
    gap: 0.5rem;
    min-height: 11rem;
  }
`;
