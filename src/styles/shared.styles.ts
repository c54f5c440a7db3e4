import { css } from 'lit';

import { themeStyles } from './theme.styles.js';

/**
 * The base every element shares: design tokens (see theme.styles.ts), a reset that shields the
 * shadow tree from host-page rules that inherit, the focus ring, buttons and the shared states.
 */
export const sharedStyles = css`
  ${themeStyles}

  /* A page rule such as "* { box-sizing: content-box; line-height: 1 }" matches the host itself
     and beats a normal :host rule, then reaches everything inside by inheritance. Important
     :host rules win instead; --circle-line-height still sets the line height. */
  :host {
    display: block;
    box-sizing: border-box !important;
    font-family: var(--circle-font-family, inherit);
    font-size: var(--circle-font-size, 1rem);
    line-height: var(--circle-line-height, 1.5) !important;
    color: var(--_text);
  }

  .base {
    padding: var(--_padding);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [hidden] {
    display: none !important;
  }

  a {
    color: var(--_accent);
  }

  :is(h1, h2, h3, h4, h5, h6) {
    font-weight: var(--_heading-weight);
  }

  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  /* The browser's own boxes are 13 px: too small a target, and blind to the theme. */
  input:is([type='checkbox'], [type='radio']) {
    flex: none;
    width: max(1.5rem, 24px);
    height: max(1.5rem, 24px);
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }

  input:is([type='checkbox'], [type='radio'])[disabled] {
    cursor: default;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-height: 2.25rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: inherit;
    font: inherit;
    font-size: 0.875em;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }

  .button:hover {
    background: var(--_surface-2);
  }

  .button[disabled] {
    cursor: default;
    opacity: 0.6;
  }

  .button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .state {
    padding: calc(var(--_space) * 1.5) var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    color: var(--_muted);
  }

  .state-title {
    margin: 0 0 0.25rem;
    color: var(--_text);
    font-size: 1em;
    font-weight: var(--_heading-weight);
  }

  .state p {
    margin: 0 0 0.75rem;
  }

  .error .state-title {
    color: var(--_danger);
  }

  .notice {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) / 2);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
    color: var(--_danger);
    font-size: 0.875em;
  }

  /* A part of the element whose code is on its way. */
  .part-loading {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .skeleton {
    border-radius: calc(var(--_radius) / 2);
    background: linear-gradient(
      90deg,
      var(--_surface-2) 0%,
      var(--_border) 50%,
      var(--_surface-2) 100%
    );
    background-size: 200% 100%;
    animation: circle-shimmer 1.4s ease-in-out infinite;
  }

  .skeleton.line {
    display: block;
    height: 0.875rem;
  }

  .skeleton.short {
    width: 30%;
  }

  .skeleton.medium {
    width: 60%;
  }

  .skeleton.title-line {
    width: 70%;
    height: 1.25rem;
  }

  @keyframes circle-shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }

  /* Placeholders hold still, and nothing slides or fades. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }

  .avatar {
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    object-fit: cover;
    background: var(--_surface-2);
  }

  /* An author line: picture, then name over space and time. */
  .header {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }

  .byline {
    display: grid;
    min-width: 0;
    /* A name or space name without spaces must not widen the card. */
    overflow-wrap: anywhere;
  }

  .author {
    font-weight: 600;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* A row of buttons and counts under a post. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
    margin-top: 0.75rem;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .initials {
    display: inline-grid;
    place-items: center;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
