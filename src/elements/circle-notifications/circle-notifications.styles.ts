import { css } from 'lit';

export const notificationsStyles = css`
  :host {
    display: inline-block;
    position: relative;
    vertical-align: middle;
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
    background: var(--circle-color-badge, #d92d20);
    color: #ffffff;
    font-size: 0.6875rem;
    font-weight: 700;
    line-height: 1rem;
    text-align: center;
    white-space: nowrap;
  }

  /* TODO: an ancestor with overflow: hidden clips this panel; the popover attribute (top layer)
     with anchor positioning would lift it out. */
  .panel {
    position: absolute;
    top: calc(100% + 0.5rem);
    inset-inline-end: 0;
    z-index: var(--circle-notifications-z-index, 1000);
    width: min(var(--circle-notifications-panel-width, 24rem), calc(100vw - 1rem));
    max-height: min(var(--circle-notifications-panel-height, 32rem), 80vh);
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 12px 32px rgb(16 24 40 / 0.16);
    text-align: start;
  }

  .panel-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }

  .panel-title {
    font-weight: 600;
  }

  .mark-all {
    min-height: 2rem;
    padding-block: 0.25rem;
  }

  .list {
    display: grid;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .entry {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 0.625rem 0.5rem;
    border-radius: calc(var(--_radius) / 1.5);
    color: inherit;
    text-decoration: none;
  }

  a.entry:hover {
    background: var(--_surface-2);
  }

  .unread .entry {
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
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

  .paging {
    display: flex;
    justify-content: center;
    margin-top: 0.5rem;
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
  }
`;
