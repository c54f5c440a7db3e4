import { css } from 'lit';

export const notificationsStyles = css`
  :host {
    display: inline-block;
    position: relative;
    vertical-align: middle;
  }

  :host([variant='inline']) {
    display: block;
  }

  .bell {
    position: relative;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    color: inherit;
    cursor: pointer;
  }

  .bell:hover,
  .bell[aria-expanded='true'] {
    background: var(--_surface-2);
  }

  .bell svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.8;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .badge {
    position: absolute;
    top: -0.25rem;
    inset-inline-end: -0.375rem;
    min-width: 1.25rem;
    height: 1.25rem;
    padding: 0 0.3rem;
    border: 2px solid var(--_surface);
    border-radius: 999px;
    background: var(--_badge);
    color: var(--_badge-text);
    font-size: 0.6875rem;
    font-weight: 700;
    line-height: 1rem;
    text-align: center;
    white-space: nowrap;
  }

  .panel {
    width: min(var(--circle-notifications-panel-width, 24rem), calc(100vw - 1rem));
    height: auto;
    /* --_room is the space beside the bell, set by the element while the panel is open. */
    max-height: min(var(--circle-notifications-panel-height, 32rem), var(--_room, 80vh));
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow-raised);
    color: inherit;
    text-align: start;
  }

  /* In the top layer, fixed to the viewport; the element sets top and left beside the bell. */
  .panel[popover] {
    position: fixed;
    inset: auto;
    margin: 0;
  }

  /* Browsers without the popover attribute: below the bell, inside the element. */
  .panel.popup:not([popover]) {
    position: absolute;
    top: calc(100% + 0.5rem);
    inset-inline-end: 0;
    z-index: var(--circle-notifications-z-index, 1000);
  }

  /* The panel already paints the surface around the list. */
  .base {
    padding: 0;
    background: none;
  }

  .panel.inline {
    width: auto;
    max-height: none;
    overflow: visible;
    box-shadow: none;
  }

  .panel-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }

  .panel-title {
    margin: 0;
    font-size: 1em;
  }

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

  .list {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
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

  .entry {
    display: flex;
    flex: 1;
    align-items: flex-start;
    gap: 0.75rem;
    min-width: 0;
    padding: 0.625rem 0.5rem;
    border-radius: inherit;
    color: inherit;
    text-decoration: none;
  }

  a.entry:hover {
    background: var(--_surface-2);
  }

  /* Inside the scrolling panel an outer ring would be cut off at the edges. */
  .entry:focus-visible {
    outline-offset: -2px;
  }

  .text {
    display: grid;
    flex: 1;
    gap: 0.125rem;
    min-width: 0;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
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

  .skeleton-entry .text {
    gap: 0.5rem;
    padding-top: 0.25rem;
  }

  @media (forced-colors: active) {
    .dot,
    .badge {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .tab[aria-selected='true'] {
      border-bottom-color: Highlight;
    }
  }
`;
