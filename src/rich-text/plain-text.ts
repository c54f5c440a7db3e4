// A plain-text body as paragraphs and line breaks: what the rich-text renderer shows for a body
// without a document, and all that <circle-events>' cards show of a description. It is a module
// of its own so that the cards can have it without the whole renderer.
import { html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * Text past this many characters is cut off with an ellipsis: laying out megabytes of text
 * freezes the page, and nobody reads that much in a widget.
 */
// TODO: a body cut off here shows only its first 100,000 characters; the rest is only on Circle.
export const MAX_TEXT_LENGTH = 100_000;

/**
 * `text` (such as `body_plain_text`) as paragraphs: blank lines separate them, single newlines
 * become line breaks, and the text is cut off after MAX_TEXT_LENGTH characters.
 */
export function renderPlainText(text: string): TemplateResult[] {
  const paragraphs = cutOff(text, MAX_TEXT_LENGTH)
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/);
  const rendered: TemplateResult[] = [];
  for (const paragraph of paragraphs) {
    if (!paragraph.trim()) continue;

    const lines: unknown[] = [];
    paragraph
      .replace(/^\n+|\n+$/g, '')
      .split('\n')
      .forEach((line, index) => {
        if (index > 0) lines.push(html`<br />`);
        lines.push(line);
      });
    rendered.push(html`<p dir="auto">${lines}</p>`);
  }
  return rendered;
}

/** `text` cut to `length` characters with an ellipsis, never inside a surrogate pair. */
export function cutOff(text: string, length: number): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return `${text.slice(0, end)}…`;
}
