import { nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { html as staticHtml, literal } from 'lit/static-html.js';

/** Heading levels an element's own headings may take: h1 is the host page's. */
export const MIN_HEADING_LEVEL = 2;
export const MAX_HEADING_LEVEL = 6;

// Fixed tag names only: nothing from the API or an attribute ever becomes markup.
const TAGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The attributes a heading may carry. */
export interface HeadingAttributes {
  class?: string;
  part?: string;
  id?: string;
  dir?: string;
  tabindex?: string;
  'aria-live'?: 'polite';
}

/** Whether `level` is a whole number an element's heading may take (2 to 6). */
export function isHeadingLevel(level: unknown): level is number {
  return (
    typeof level === 'number' &&
    Number.isInteger(level) &&
    level >= MIN_HEADING_LEVEL &&
    level <= MAX_HEADING_LEVEL
  );
}

/** An h1–h6 with `content`; levels past 6 stay at 6, as HTML has no deeper heading. */
export function renderHeading(
  level: number,
  content: unknown,
  attributes: HeadingAttributes = {},
): TemplateResult {
  const tag = TAGS[Math.min(Math.max(Math.trunc(level), 1), 6) - 1];
  const { class: className, part, id, dir, tabindex, 'aria-live': live } = attributes;
  return staticHtml`<${tag}
    class=${className ?? nothing}
    part=${part ?? nothing}
    id=${id ?? nothing}
    dir=${dir ?? nothing}
    tabindex=${tabindex ?? nothing}
    aria-live=${live ?? nothing}
    >${content}</${tag}
  >`;
}
