import { html } from 'lit';
import type { TemplateResult } from 'lit';

/**
 * Characters of a description past which the rest is cut off with an ellipsis, as the rich-text
 * renderer does: laying out megabytes of text freezes the page.
 */
const MAX_TEXT_LENGTH = 100_000;

/**
 * A plain-text description as paragraphs (at blank lines) and line breaks, the way the rich-text
 * renderer shows a body that has no document. Cards need no more, so the renderer stays out of
 * their download.
 */
export function renderPlainText(text: string): TemplateResult[] {
  const paragraphs = cutOff(text)
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

/** `text` cut to MAX_TEXT_LENGTH characters with an ellipsis, never inside a surrogate pair. */
function cutOff(text: string): string {
  if (text.length <= MAX_TEXT_LENGTH) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(MAX_TEXT_LENGTH - 1))
    ? MAX_TEXT_LENGTH - 1
    : MAX_TEXT_LENGTH;
  return `${text.slice(0, end)}…`;
}
