/**
 * Shows each live example's HTML beside it. The code is written from the example's own elements
 * before the widgets load, so what the page shows is exactly what runs.
 */

/** Elements that have no end tag. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input link meta source track wbr'.split(' '),
);

/** Past this length, a start tag puts each attribute on a line of its own. */
const MAX_TAG_LINE = 60;

/** Fills every `[data-source-for="<id>"]` with the markup of the element of that id's children. */
export function showExampleSources(root: ParentNode): void {
  for (const code of root.querySelectorAll<HTMLElement>('[data-source-for]')) {
    const example = root.querySelector(`#${CSS.escape(code.dataset.sourceFor ?? '')}`);
    if (example) code.textContent = elementsSource(example);
  }
}

/** The element children of `parent` as HTML, one per line, nested ones indented. */
export function elementsSource(parent: Element, indent = ''): string {
  return [...parent.children].map((child) => elementSource(child, indent)).join('\n');
}

function elementSource(element: Element, indent: string): string {
  const name = element.localName;
  const attributes = [...element.attributes].map((attribute) =>
    attribute.value === ''
      ? attribute.name
      : `${attribute.name}="${attribute.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
  );

  const oneLine = `${indent}<${[name, ...attributes].join(' ')}>`;
  const start =
    oneLine.length <= MAX_TAG_LINE || attributes.length === 0
      ? oneLine
      : `${indent}<${name}\n${attributes.map((text) => `${indent}  ${text}`).join('\n')}\n${indent}>`;

  if (VOID_ELEMENTS.has(name)) return start;

  const children = elementsSource(element, `${indent}  `);
  const text = element.children.length === 0 ? (element.textContent ?? '').trim() : '';
  if (children) return `${start}\n${children}\n${indent}</${name}>`;
  return `${start}${escapeText(text)}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
