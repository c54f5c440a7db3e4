/**
 * Descriptions from the manifest as text: paragraphs split on blank lines, and `backticks` as
 * code. Everything goes through Lit bindings, so a description can never become markup.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

/** Inline text with `code` spans. */
export function inlineText(text: string): Array<string | TemplateResult> {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((piece) =>
      piece.startsWith('`') && piece.endsWith('`')
        ? html`<code>${piece.slice(1, -1)}</code>`
        : piece,
    );
}

/** A description as paragraphs; nothing for an empty one. */
export function docParagraphs(text: string | undefined): TemplateResult | typeof nothing {
  const paragraphs = (text ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return nothing;
  return html`${paragraphs.map((paragraph) => html`<p>${inlineText(paragraph)}</p>`)}`;
}
