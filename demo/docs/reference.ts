/**
 * The API reference: for every element in the manifest, its attributes, properties, methods,
 * events, slots, CSS parts and CSS custom properties, each as a table with descriptions.
 */
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';

import { docParagraphs, inlineText } from './doc-text.js';
import {
  attributeDefault,
  attributeType,
  elementsOf,
  isLiteral,
  methodsOf,
  propertiesOf,
  unquote,
} from './manifest.js';
import type {
  ElementDeclaration,
  InheritedFrom,
  Manifest,
  ManifestMember,
  ManifestNamedItem,
} from './manifest.js';

/** The kinds of table each element gets, in page order; also their `data-api` values. */
export const REFERENCE_SECTIONS = [
  'attributes',
  'properties',
  'methods',
  'events',
  'slots',
  'css-parts',
  'css-properties',
] as const;
export type ReferenceSection = (typeof REFERENCE_SECTIONS)[number];

const SECTION_TITLES: Record<ReferenceSection, string> = {
  attributes: 'Attributes',
  properties: 'Properties',
  methods: 'Methods',
  events: 'Events',
  slots: 'Slots',
  'css-parts': 'CSS parts',
  'css-properties': 'CSS custom properties',
};

/** Renders the whole reference into `container`, replacing what Lit rendered there before. */
export function renderReference(manifest: Manifest, container: HTMLElement): void {
  render(referenceTemplate(manifest), container);
}

/** The reference: a list of the elements, then one section per element. */
export function referenceTemplate(manifest: Manifest): TemplateResult {
  const elements = elementsOf(manifest);
  return html`
    <nav class="toc" aria-label="Elements">
      <ul>
        ${elements.map(
          (element) => html`<li><a href="#${anchor(element.tagName)}">${tag(element)}</a></li>`,
        )}
      </ul>
    </nav>
    ${elements.map(elementSection)}
  `;
}

const anchor = (...parts: string[]) => ['api', ...parts].join('-');
const tag = (element: ElementDeclaration) => html`<code>&lt;${element.tagName}&gt;</code>`;
const dash = html`<span aria-hidden="true">—</span><span class="visually-hidden">none</span>`;

function elementSection(element: ElementDeclaration): TemplateResult {
  const id = anchor(element.tagName);
  return html`
    <section class="api-element" aria-labelledby=${id} data-tag=${element.tagName}>
      <h2 id=${id}>${tag(element)}</h2>
      <p class="api-class">Class <code>${element.name}</code></p>
      ${docParagraphs(element.summary)} ${docParagraphs(element.description)}
      ${REFERENCE_SECTIONS.map((section) => sectionTable(element, section))}
    </section>
  `;
}

/** One table: a heading, then the rows, or a line saying there are none. */
function sectionTable(element: ElementDeclaration, section: ReferenceSection): TemplateResult {
  const id = anchor(element.tagName, section);
  const { columns, rows } = tableFor(element, section);
  const title = SECTION_TITLES[section];

  const body =
    rows.length === 0
      ? html`<p class="api-none">No ${title.toLowerCase()}.</p>`
      : html`<div class="table-scroll" role="region" aria-labelledby=${id} tabindex="0">
          <table data-api=${section}>
            <thead>
              <tr>
                ${columns.map((column) => html`<th scope="col">${column}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                ([name, ...cells]) =>
                  html`<tr>
                    <th scope="row"><code>${name}</code></th>
                    ${cells.map((cell) => html`<td>${cell}</td>`)}
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;

  return html`<h3 id=${id}>${title} <span class="api-of">of ${tag(element)}</span></h3>
    ${body}`;
}

type Cell = TemplateResult | string | typeof nothing;
type Row = [name: string, ...cells: Cell[]];

function tableFor(
  element: ElementDeclaration,
  section: ReferenceSection,
): { columns: string[]; rows: Row[] } {
  switch (section) {
    case 'attributes':
      return {
        columns: ['Name', 'Property', 'Type', 'Default', 'Description'],
        rows: (element.attributes ?? []).map((attribute) => {
          const type = attributeType(element, attribute);
          const fallback = attributeDefault(element, attribute);
          return [
            attribute.name,
            attribute.fieldName ? html`<code>${attribute.fieldName}</code>` : dash,
            type ? html`<code>${type}</code>` : dash,
            fallback !== undefined ? html`<code>${unquote(fallback)}</code>` : dash,
            described(attribute.description ?? attribute.summary, attribute.inheritedFrom),
          ];
        }),
      };
    case 'properties':
      return {
        columns: ['Name', 'Attribute', 'Type', 'Default', 'Description'],
        rows: propertiesOf(element).map((property) => [
          property.name,
          property.attribute ? html`<code>${property.attribute}</code>` : dash,
          property.type ? html`<code>${property.type.text}</code>` : dash,
          property.default !== undefined && isLiteral(property.default)
            ? html`<code>${property.default}</code>`
            : dash,
          described(
            property.description ?? property.summary,
            property.inheritedFrom,
            property.readonly ? 'Read-only.' : undefined,
          ),
        ]),
      };
    case 'methods':
      return {
        columns: ['Name', 'Signature', 'Description'],
        rows: methodsOf(element).map((method) => [
          method.name,
          html`<code>${signature(method)}</code>`,
          described(method.description ?? method.summary, method.inheritedFrom),
        ]),
      };
    case 'events':
      return {
        columns: ['Name', 'Type', 'Description'],
        rows: (element.events ?? []).map((event) => [
          event.name,
          event.type ? html`<code>${event.type.text}</code>` : dash,
          described(event.description ?? event.summary, event.inheritedFrom),
        ]),
      };
    case 'slots':
      return {
        columns: ['Name', 'Description'],
        rows: (element.slots ?? []).map((slot) => [slot.name || '(default)', describedItem(slot)]),
      };
    case 'css-parts':
      return {
        columns: ['Name', 'Description'],
        rows: (element.cssParts ?? []).map((part) => [part.name, describedItem(part)]),
      };
    case 'css-properties':
      return {
        columns: ['Name', 'Default', 'Description'],
        rows: (element.cssProperties ?? []).map((property) => [
          property.name,
          property.default !== undefined && isLiteral(property.default)
            ? html`<code>${property.default}</code>`
            : dash,
          describedItem(property),
        ]),
      };
  }
}

/** `name(first: Type, second?: Type): Result`. */
function signature(method: ManifestMember): string {
  const parameters = (method.parameters ?? [])
    .map((parameter) => {
      const optional = parameter.optional ? '?' : '';
      return parameter.type
        ? `${parameter.name}${optional}: ${parameter.type.text}`
        : `${parameter.name}${optional}`;
    })
    .join(', ');
  const result = method.return?.type?.text;
  return `${method.name}(${parameters})${result ? `: ${result}` : ''}`;
}

function described(
  text: string | undefined,
  inheritedFrom?: InheritedFrom,
  note?: string,
): TemplateResult {
  return html`${text ? inlineText(text) : nothing} ${note ?? nothing}
  ${
    inheritedFrom
      ? html`<span class="api-inherited">Inherited from <code>${inheritedFrom.name}</code>.</span>`
      : nothing
  }`;
}

function describedItem(item: ManifestNamedItem): TemplateResult {
  return described(item.description ?? item.summary);
}
