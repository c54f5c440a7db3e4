import { css } from 'lit';

/** What the first render needs: the bell, its badge, the popover's frame and the skeleton. */
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

  /* The skeleton shows at open, before the list's code is in: it takes these from here. */
  .list {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
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

  .text {
    display: grid;
    flex: 1;
    gap: 0.125rem;
    min-width: 0;
    font-size: 0.9375em;
    overflow-wrap: anywhere;
  }

  .skeleton-entry .text {
    gap: 0.5rem;
    padding-top: 0.25rem;
  }

  @media (forced-colors: active) {
    .badge {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
