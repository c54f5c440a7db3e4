import { css } from 'lit';

/** The panel's content: tabs, notifications, their options and the paging, fetched on open. */
export const panelStyles = css`
  .mark-all {
    min-height: 2rem;
    padding-block: 0.25rem;
  }

  .tabs {
    display: flex;
    gap: 0.25rem;
    margin-bottom: 0.5rem;
    border-bottom: 1px solid var(--_border);
  }

  .tab {
    margin-bottom: -1px;
    padding: 0.375rem 0.75rem;
    border: 0;
    border-bottom: 2px solid transparent;
    background: none;
    color: var(--_muted);
    font: inherit;
    font-size: 0.875em;
    font-weight: 600;
    cursor: pointer;
  }

  .tab:hover {
    color: var(--_text);
  }

  .tab[aria-selected='true'] {
    border-bottom-color: var(--_accent);
    color: var(--_text);
  }

  .group-heading {
    margin: 0.75rem 0.5rem 0.25rem;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }

  .group-heading:first-of-type {
    margin-top: 0.25rem;
  }

  .item {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.25rem;
    border-radius: calc(var(--_radius) / 1.5);
  }

  .item.unread {
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
  }

  a.entry:hover {
    background: var(--_surface-2);
  }

  /* Inside the scrolling panel an outer ring would be cut off at the edges. */
  .entry:focus-visible {
    outline-offset: -2px;
  }

  .dot {
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    margin-top: 0.375rem;
    border-radius: 50%;
    background: var(--_accent);
  }

  .item-menu {
    position: relative;
    flex: none;
    margin-inline-end: 0.25rem;
  }

  .menu-button {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }

  .menu-button svg {
    fill: currentColor;
  }

  .menu-button:hover,
  .menu-button[aria-expanded='true'] {
    background: var(--_surface-2);
    color: var(--_text);
  }

  .menu {
    position: absolute;
    top: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 1;
    min-width: 10rem;
    margin: 0;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
    box-shadow: var(--_shadow-raised);
    list-style: none;
  }

  .menu-option {
    display: block;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    text-align: start;
    cursor: pointer;
  }

  .menu-option:hover,
  .menu-option:focus-visible {
    background: var(--_surface-2);
  }

  .menu-option[disabled] {
    cursor: default;
    opacity: 0.6;
  }

  .menu-option.danger {
    color: var(--_danger);
  }

  .show-new {
    display: flex;
    justify-content: center;
    margin-bottom: 0.5rem;
  }

  .paging {
    display: flex;
    justify-content: center;
    margin-top: 0.5rem;
  }

  .sentinel {
    height: 1px;
  }

  @media (forced-colors: active) {
    .dot {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .tab[aria-selected='true'] {
      border-bottom-color: Highlight;
    }
  }
`;
