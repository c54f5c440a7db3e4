/**
 * The snippet builder: pick an element, fill in its attributes (all read from the manifest),
 * name the token endpoint, and copy a script tag plus the element's tag.
 */
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';

import { clearStatus, copyWithStatus, pageClipboard } from './copy.js';
import type { ClipboardWriter } from './copy.js';
import { inlineText } from './doc-text.js';
import {
  attributeDefault,
  attributeType,
  elementsOf,
  isBooleanType,
  isNumberType,
  stringLiterals,
  unquote,
} from './manifest.js';
import type { ElementDeclaration, Manifest, ManifestAttribute } from './manifest.js';

/** The package on jsDelivr; a version and the loader's path follow. */
export const CDN_PACKAGE_URL = 'https://cdn.jsdelivr.net/npm/circle-widgets';

/** The loader's URL for one exact version, which never changes once published. */
export function loaderUrl(version: string): string {
  return `${CDN_PACKAGE_URL}@${version}/dist/cdn/loader.js`;
}

/** A value made safe inside a double-quoted HTML attribute (and as text). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

const TAG_NAME = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_.:-]*$/;

/** What a snippet is made of. */
export interface SnippetInput {
  /** The package version the script tag pins. */
  version: string;
  /** The host's token endpoint; left out of the tag when blank. */
  tokenEndpoint: string;
  tagName: string;
  /** Attribute names and values; `true` writes a boolean attribute, '' and `false` nothing. */
  attributes: ReadonlyArray<readonly [name: string, value: string | boolean]>;
}

/**
 * The script tag and the element's tag, one per line, every value escaped and no attribute
 * left empty. Throws on a tag or attribute name that is not a valid HTML name, which only a
 * broken manifest could give.
 */
export function buildSnippet(input: SnippetInput): string {
  if (!TAG_NAME.test(input.tagName)) throw new Error(`Not a custom element name: ${input.tagName}`);

  const scriptAttributes: Array<[string, string]> = [
    ['type', 'module'],
    ['src', loaderUrl(input.version)],
  ];
  const endpoint = input.tokenEndpoint.trim();
  if (endpoint) scriptAttributes.push(['data-token-endpoint', endpoint]);
  const script = `<script${scriptAttributes
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}></script>`;

  const elementAttributes = input.attributes
    .map(([name, value]) => {
      if (!ATTRIBUTE_NAME.test(name)) throw new Error(`Not an attribute name: ${name}`);
      if (value === false || value === '') return '';
      return value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`;
    })
    .join('');
  return `${script}\n<${input.tagName}${elementAttributes}></${input.tagName}>`;
}

/** Options for {@link mountSnippetBuilder}. */
export interface SnippetBuilderOptions {
  manifest: Manifest;
  /** The version to pin, from package.json. */
  version: string;
  /** The token endpoint filled in at first. */
  tokenEndpoint?: string;
  /** Where Copy writes; `navigator.clipboard` by default. */
  clipboard?: ClipboardWriter;
}

/** A mounted builder. */
export interface SnippetBuilder {
  /** The snippet as the page shows it. */
  readonly snippet: string;
}

/** Draws the builder into `root` and keeps the snippet in step with the form. */
export function mountSnippetBuilder(
  root: HTMLElement,
  options: SnippetBuilderOptions,
): SnippetBuilder {
  const elements = elementsOf(options.manifest);
  const clipboard = options.clipboard ?? pageClipboard();
  let selected: ElementDeclaration | undefined = elements[0];
  let tokenEndpoint = options.tokenEndpoint ?? '/api/circle-token';
  let snippet = '';

  const form = () => root.querySelector<HTMLFormElement>('form')!;
  const status = () => root.querySelector<HTMLElement>('[data-copy-status]')!;

  const update = (): void => {
    const values = selected ? attributeValues(form(), selected) : [];
    snippet = selected
      ? buildSnippet({
          version: options.version,
          tokenEndpoint,
          tagName: selected.tagName,
          attributes: values,
        })
      : '';
    render(view(), root);
  };

  const onElementChange = (event: Event): void => {
    const tagName = (event.target as HTMLSelectElement).value;
    selected = elements.find((element) => element.tagName === tagName);
    clearStatus(status());
    // Draw the new element's fields first, so the snippet reads their (empty) values.
    render(view(), root);
    update();
  };

  const onInput = (event: Event): void => {
    const target = event.target as HTMLElement;
    if (target.id === 'snippet-token-endpoint') {
      tokenEndpoint = (target as HTMLInputElement).value;
    }
    clearStatus(status());
    update();
  };

  const onCopy = (): void => {
    void copyWithStatus(snippet, status(), clipboard, root.querySelector('[data-snippet]')!);
  };

  const view = (): TemplateResult => html`
    <form
      class="builder-form"
      @input=${onInput}
      @submit=${(event: Event) => event.preventDefault()}
    >
      <div class="field">
        <label for="snippet-element">Element</label>
        <select
          id="snippet-element"
          @change=${onElementChange}
          aria-describedby="snippet-element-hint"
        >
          ${elements.map(
            (element) =>
              html`<option value=${element.tagName} ?selected=${element === selected}>
                &lt;${element.tagName}&gt;
              </option>`,
          )}
        </select>
        <p class="hint" id="snippet-element-hint">${firstSentence(selected)}</p>
      </div>

      <div class="field">
        <label for="snippet-token-endpoint">Token endpoint</label>
        <input
          id="snippet-token-endpoint"
          type="text"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          .value=${tokenEndpoint}
          aria-describedby="snippet-token-endpoint-hint"
        />
        <p class="hint" id="snippet-token-endpoint-hint">
          Your site's URL that answers with the member's Circle token, on the same origin as the
          page, such as <code>/api/circle-token</code>. See
          <a href="./token-endpoint.html">the token endpoint</a>.
        </p>
      </div>

      ${selected ? keyed(selected.tagName, attributeFieldsets(selected)) : nothing}
    </form>

    <section class="snippet-output" aria-labelledby="snippet-output-title">
      <h2 id="snippet-output-title">Your snippet</h2>
      ${
        tokenEndpoint.trim()
          ? nothing
          : html`<p class="warning">
              The widgets need a token endpoint: without one they only say they are not set up.
            </p>`
      }
      <pre class="code" tabindex="0"><code data-snippet>${snippet}</code></pre>
      <div class="copy-row">
        <button type="button" class="button" @click=${onCopy}>Copy</button>
        <span class="copy-status" role="status" data-copy-status></span>
      </div>
      <p class="hint">
        The script tag pins version <code>${options.version}</code>: put it once per page, in the
        <code>&lt;head&gt;</code>. The element's tag goes where the widget should show. To have the
        browser check the file, add the <code>integrity</code> hash that
        <code>npm run build</code> prints for this version, with
        <code>crossorigin="anonymous"</code>.
      </p>
    </section>
  `;

  render(view(), root);
  update();

  return {
    get snippet() {
      return snippet;
    },
  };
}

function firstSentence(element: ElementDeclaration | undefined): ReturnType<typeof inlineText> {
  const text = element?.summary ?? element?.description ?? '';
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim())?.[0] ?? text;
  return inlineText(sentence);
}

/** The element's own attributes, then inherited ones grouped by where they come from. */
function attributeFieldsets(element: ElementDeclaration): TemplateResult {
  const groups = new Map<string, ManifestAttribute[]>();
  for (const attribute of element.attributes ?? []) {
    // The token endpoint has its own field above, written once on the script tag.
    if (attribute.name === 'token-endpoint') continue;
    const group = attribute.inheritedFrom?.name ?? '';
    groups.set(group, [...(groups.get(group) ?? []), attribute]);
  }

  return html`${[...groups].map(
    ([inheritedFrom, attributes]) => html`
      <fieldset class="attribute-fields">
        <legend>
          ${
            inheritedFrom
              ? 'Attributes every element takes'
              : html`Attributes of <code>&lt;${element.tagName}&gt;</code>`
          }
        </legend>
        ${attributes.map((attribute) => attributeField(element, attribute))}
      </fieldset>
    `,
  )}`;
}

function attributeField(element: ElementDeclaration, attribute: ManifestAttribute): TemplateResult {
  const id = `snippet-attr-${attribute.name}`;
  const hintId = `${id}-hint`;
  const type = attributeType(element, attribute);
  const fallback = attributeDefault(element, attribute);
  const shownDefault = fallback !== undefined ? unquote(fallback) : undefined;
  const description = attribute.description ?? attribute.summary;
  const hint = description
    ? html`<p class="hint" id=${hintId}>${inlineText(description)}</p>`
    : nothing;
  const describedBy = description ? hintId : nothing;

  if (isBooleanType(type)) {
    return html`<div class="field field-check">
      <input
        type="checkbox"
        id=${id}
        data-attribute=${attribute.name}
        aria-describedby=${describedBy}
      />
      <label for=${id}><code>${attribute.name}</code></label>
      ${hint}
    </div>`;
  }

  const literals = stringLiterals(type);
  if (literals) {
    return html`<div class="field">
      <label for=${id}><code>${attribute.name}</code></label>
      <select id=${id} data-attribute=${attribute.name} aria-describedby=${describedBy}>
        <option value="">${shownDefault ? `Default (${shownDefault})` : 'Default'}</option>
        ${literals.map((literal) => html`<option value=${literal}>${literal}</option>`)}
      </select>
      ${hint}
    </div>`;
  }

  return html`<div class="field">
    <label for=${id}><code>${attribute.name}</code></label>
    <input
      type=${isNumberType(type) ? 'number' : 'text'}
      id=${id}
      data-attribute=${attribute.name}
      autocomplete="off"
      spellcheck="false"
      placeholder=${shownDefault ?? nothing}
      aria-describedby=${describedBy}
    />
    ${hint}
  </div>`;
}

/** The form's attribute values, in the manifest's order. */
function attributeValues(
  form: HTMLFormElement,
  element: ElementDeclaration,
): Array<[string, string | boolean]> {
  const values: Array<[string, string | boolean]> = [];
  for (const attribute of element.attributes ?? []) {
    const control = form.querySelector<HTMLInputElement | HTMLSelectElement>(
      `[data-attribute="${CSS.escape(attribute.name)}"]`,
    );
    if (!control) continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') {
      values.push([attribute.name, control.checked]);
    } else {
      values.push([attribute.name, control.value.trim()]);
    }
  }
  return values;
}
