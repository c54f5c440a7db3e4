import { css } from 'lit';

/** Typography for `renderRichText` output in a shadow root, themed through the `--_*` tokens. */
export const richTextStyles = css`
  .rich-text {
    color: var(--_text, #1f2328);
    font-family: var(--circle-font-family, inherit);
    font-size: 1em;
    line-height: 1.6;
    overflow-wrap: anywhere;
  }

  .rich-text > :first-child {
    margin-top: 0;
  }

  .rich-text > :last-child {
    margin-bottom: 0;
  }

  .rich-text :is(p, ul, ol, blockquote, pre, hr, .attachment, .embed, .embed-link) {
    margin: 0 0 0.75em;
  }

  .rich-text :is(h3, h4, h5, h6) {
    margin: 1.25em 0 0.5em;
    line-height: 1.3;
    font-weight: var(--_heading-weight, 600);
  }

  .rich-text h3 {
    font-size: 1.25em;
  }

  .rich-text h4 {
    font-size: 1.125em;
  }

  .rich-text :is(h5, h6) {
    font-size: 1em;
  }

  .rich-text :is(ul, ol) {
    padding-inline-start: 1.5em;
  }

  .rich-text li > :is(p, ul, ol) {
    margin: 0.25em 0;
  }

  .rich-text a {
    color: var(--_accent, #2563eb);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .rich-text a:focus-visible,
  .rich-text button:focus-visible,
  .rich-text iframe:focus-visible {
    outline: 2px solid var(--_focus-ring, #2563eb);
    outline-offset: 2px;
  }

  .rich-text .mention {
    color: var(--_accent, #2563eb);
    font-weight: 500;
  }

  .rich-text a.mention {
    text-decoration: none;
  }

  .rich-text a.mention:hover {
    text-decoration: underline;
  }

  .rich-text blockquote {
    padding-inline-start: 1em;
    border-inline-start: 3px solid var(--_border, #d0d7de);
    color: var(--_muted, #59636e);
  }

  .rich-text code {
    font-family: var(--circle-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.875em;
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: var(--_surface-2, #f3f4f6);
  }

  .rich-text pre {
    overflow-x: auto;
    padding: 0.75em 1em;
    border-radius: 6px;
    background: var(--_surface-2, #f3f4f6);
    line-height: 1.45;

    /* Code keeps its own lines; the block scrolls sideways instead. */
    overflow-wrap: normal;
    white-space: pre;
  }

  .rich-text pre code {
    padding: 0;
    border-radius: 0;
    background: none;
    font-size: 0.875em;
  }

  .rich-text hr {
    border: 0;
    border-top: 1px solid var(--_border, #d0d7de);
  }

  .rich-text img {
    max-width: 100%;
    height: auto;
    border-radius: 6px;
    vertical-align: middle;
  }

  .rich-text .image-alt {
    color: var(--_muted, #59636e);
    font-style: italic;
  }

  .rich-text .attachment-file {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
    align-items: baseline;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border, #d0d7de);
    border-radius: 6px;
  }

  .rich-text .attachment-size {
    color: var(--_muted, #59636e);
    font-size: 0.875em;
  }

  /* A video embed's box, drawn before embed.ts (with the rest of its card's styles) arrives. */
  .rich-text .embed {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
    padding: 0.75em 1em;
    border: 1px solid var(--_border, #d0d7de);
    border-radius: 8px;
    background: var(--_surface-2, #f3f4f6);
  }

  .rich-text .embed-caption {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }

  .rich-text .embed-host {
    color: var(--_muted, #59636e);
    font-size: 0.875em;
  }
`;
