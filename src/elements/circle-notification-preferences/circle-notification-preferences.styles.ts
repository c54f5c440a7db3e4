import { css } from 'lit';

export const notificationPreferencesStyles = css`
  .groups {
    display: grid;
    gap: var(--circle-notification-preferences-gap, var(--_space));
  }

  .section {
    min-width: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }

  .heading {
    margin: 0;
    font-size: 1.0625em;
    line-height: 1.3;
  }

  .intro {
    margin: 0.25rem 0 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    min-height: 3rem;
    padding: 0.5rem 0;
  }

  .rows > .row + .row,
  .apply-all + .rows > .row:first-child {
    border-top: 1px solid var(--_border);
  }

  .apply-all {
    font-weight: 600;
  }

  .row-label {
    flex: 1 1 10rem;
    min-width: 0;
    overflow-wrap: anywhere;
    cursor: pointer;
  }

  .tag {
    display: inline-block;
    margin-inline-start: 0.375rem;
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 400;
    vertical-align: middle;
  }

  .saving {
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 400;
  }

  .saving:empty {
    display: none;
  }

  /* A track with a knob; off is outlined, on is filled, so the state never rests on colour. */
  .switch {
    --_switch-on: var(--circle-notification-preferences-switch-color, var(--_accent));
    position: relative;
    flex: none;
    width: 2.75rem;
    height: 1.5rem;
    padding: 0;
    border: 2px solid var(--_input-border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
    transition: background-color 0.15s ease;
  }

  .knob {
    position: absolute;
    top: 50%;
    inset-inline-start: 0.1875rem;
    width: 0.875rem;
    height: 0.875rem;
    border-radius: 50%;
    background: var(--_muted);
    transform: translateY(-50%);
    transition: inset-inline-start 0.15s ease;
  }

  .switch[aria-checked='true'] {
    border-color: var(--_switch-on);
    background: var(--_switch-on);
  }

  .switch[aria-checked='true'] .knob {
    inset-inline-start: calc(100% - 1.0625rem);
    background: var(--_accent-text);
  }

  .select {
    flex: none;
    max-width: 100%;
    min-height: 2.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_input-border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    font-weight: 400;
  }

  .list {
    display: grid;
    gap: 0.25rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .skeleton-row {
    flex-wrap: nowrap;
    justify-content: space-between;
  }

  .switch-placeholder {
    flex: none;
    width: 2.75rem;
    height: 1.5rem;
    border-radius: 999px;
  }

  @media (prefers-reduced-motion: reduce) {
    .switch,
    .knob {
      transition: none;
    }
  }
`;
