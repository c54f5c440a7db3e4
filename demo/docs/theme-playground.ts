/**
 * The theming playground: one control per `--circle-*` custom property in the manifest, applied
 * live to a preview, with the CSS to copy.
 */
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';

import { clearStatus, copyWithStatus, pageClipboard } from './copy.js';
import type { ClipboardWriter } from './copy.js';
import { inlineText } from './doc-text.js';
import { themeTokensOf } from './manifest.js';
import type { Manifest, ThemeToken } from './manifest.js';

/** How a token is edited, chosen from its default value. */
export type ThemeControl =
  | { kind: 'color'; initial: string }
  | { kind: 'range'; initial: string; min: number; max: number; step: number; unit: string }
  | { kind: 'text'; initial: string };

/** What to show in an empty field for tokens whose default comes from the preset, not one value. */
const EXAMPLE_VALUES: Record<string, string> = {
  '--circle-shadow': 'e.g. 0 1px 3px rgb(0 0 0 / 0.12)',
  '--circle-shadow-raised': 'e.g. 0 8px 24px rgb(0 0 0 / 0.18)',
  '--circle-font-mono': 'e.g. ui-monospace, Menlo, monospace',
};

const HEX_COLOR = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;
const LENGTH = /^(\d*\.?\d+)(rem|em|px|%|ch|vh|vw)?$/;

/**
 * A colour picker for hex colours, a slider for lengths and small counts, and a text field for
 * anything else (font stacks, `inherit`, other tokens, large numbers such as a z-index).
 */
export function controlFor(token: ThemeToken): ThemeControl {
  const value = token.default?.trim() ?? '';

  if (HEX_COLOR.test(value)) return { kind: 'color', initial: longHex(value) };

  const length = LENGTH.exec(value);
  if (length) {
    const number = Number(length[1]);
    const unit = length[2] ?? '';
    if (unit === 'px') return range(value, 0, Math.max(64, number * 4), 1, unit);
    if (unit === '%') return range(value, 0, 100, 1, unit);
    if (unit === 'vh' || unit === 'vw') return range(value, 0, 100, 1, unit);
    if (unit) return range(value, 0, Math.max(3, number * 4), 0.05, unit);
    if (Number.isInteger(number) && number <= 20) {
      return range(value, 1, Math.max(10, number * 2), 1, unit);
    }
  }
  return { kind: 'text', initial: value };
}

function range(
  initial: string,
  min: number,
  max: number,
  step: number,
  unit: string,
): ThemeControl {
  return { kind: 'range', initial, min, max, step, unit };
}

function longHex(color: string): string {
  const digits = color.slice(1).toLowerCase();
  return digits.length === 3
    ? `#${[...digits].map((digit) => digit + digit).join('')}`
    : `#${digits}`;
}

/** The custom properties as a rule for the host's stylesheet, or a hint when none changed. */
export function themeCss(values: ReadonlyMap<string, string>, selector = ':root'): string {
  if (values.size === 0) return '/* Change a token above: its CSS shows here. */';
  const lines = [...values].map(([name, value]) => `  ${name}: ${value};`);
  return `${selector} {\n${lines.join('\n')}\n}`;
}

/** Options for {@link mountThemePlayground}. */
export interface ThemePlaygroundOptions {
  manifest: Manifest;
  /** The element whose widgets take the tokens; custom properties inherit into shadow roots. */
  preview: HTMLElement;
  /** Where the CSS to copy shows. */
  output: HTMLElement;
  /** Where Copy writes; `navigator.clipboard` by default. */
  clipboard?: ClipboardWriter;
}

/**
 * Draws the controls into `root` and the CSS into `options.output`, and applies every change to
 * the preview at once.
 */
export function mountThemePlayground(root: HTMLElement, options: ThemePlaygroundOptions): void {
  const tokens = themeTokensOf(options.manifest);
  const controls = new Map(tokens.map((token) => [token.name, controlFor(token)]));
  const changed = new Map<string, string>();
  const clipboard = options.clipboard ?? pageClipboard();
  const status = () => options.output.querySelector<HTMLElement>('[data-copy-status]')!;

  const apply = (name: string, value: string): void => {
    const control = controls.get(name)!;
    const unchanged = value.trim() === '' || value === control.initial;
    if (unchanged) {
      changed.delete(name);
      options.preview.style.removeProperty(name);
    } else {
      changed.set(name, value);
      options.preview.style.setProperty(name, value);
    }
    clearStatus(status());
    draw();
  };

  const onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const name = input.dataset.token;
    if (!name) return;
    const control = controls.get(name)!;
    apply(name, control.kind === 'range' ? `${input.value}${control.unit}` : input.value);
  };

  const onReset = (): void => {
    for (const name of changed.keys()) options.preview.style.removeProperty(name);
    changed.clear();
    for (const input of root.querySelectorAll<HTMLInputElement>('input[data-token]')) {
      const control = controls.get(input.dataset.token!)!;
      input.value =
        control.kind === 'range' ? String(parseFloat(control.initial)) : initialValue(control);
    }
    clearStatus(status());
    draw();
  };

  const css = () => themeCss(changed);

  const onCopy = (): void => {
    const code = options.output.querySelector('[data-theme-css]')!;
    void copyWithStatus(css(), status(), clipboard, code);
  };

  // Tokens more than one element reads come first, then each element's own.
  const shared = tokens.filter((token) => token.elements.length > 1);
  const own = new Map<string, ThemeToken[]>();
  for (const token of tokens.filter((candidate) => candidate.elements.length === 1)) {
    const tag = token.elements[0]!;
    own.set(tag, [...(own.get(tag) ?? []), token]);
  }

  const group = (legend: TemplateResult, members: ThemeToken[]) =>
    members.length === 0
      ? nothing
      : html`<fieldset class="token-group">
          <legend>${legend}</legend>
          ${members.map((token) => tokenField(token, controls.get(token.name)!, changed))}
        </fieldset>`;

  const draw = (): void => {
    render(
      html`<form class="playground-form" @input=${onInput} @submit=${preventSubmit}>
        ${group(html`Shared tokens`, shared)}
        ${[...own].map(([tag, members]) => group(html`Only <code>&lt;${tag}&gt;</code>`, members))}
        <button type="button" class="button" @click=${onReset}>Reset to defaults</button>
      </form>`,
      root,
    );
    render(
      html`<section class="theme-output" aria-labelledby="theme-output-title">
        <h2 id="theme-output-title">Your CSS</h2>
        <pre class="code" tabindex="0"><code data-theme-css>${css()}</code></pre>
        <div class="copy-row">
          <button type="button" class="button" @click=${onCopy} ?disabled=${changed.size === 0}>
            Copy
          </button>
          <span class="copy-status" role="status" data-copy-status></span>
        </div>
        <p class="hint">
          Custom properties inherit into the widgets' shadow roots: put the rule on
          <code>:root</code> for the whole site, or on any selector that holds the widgets.
        </p>
      </section>`,
      options.output,
    );
  };

  draw();
}

const preventSubmit = (event: Event) => event.preventDefault();

function initialValue(control: ThemeControl): string {
  return control.kind === 'text' ? '' : control.initial;
}

function tokenField(
  token: ThemeToken,
  control: ThemeControl,
  changed: ReadonlyMap<string, string>,
): TemplateResult {
  const id = `token-${token.name.replace(/^--/, '')}`;
  const hintId = `${id}-hint`;
  const current = changed.get(token.name);
  const label = html`<label for=${id}><code>${token.name}</code></label>`;
  const hint = html`<p class="hint" id=${hintId}>
    ${token.description ? inlineText(token.description) : nothing}
    ${token.default ? html`Default <code>${token.default}</code>.` : nothing}
  </p>`;

  switch (control.kind) {
    case 'color':
      return html`<div class="field field-color">
        ${label}
        <input
          type="color"
          id=${id}
          data-token=${token.name}
          value=${control.initial}
          aria-describedby=${hintId}
        />
        <output for=${id}>${current ?? control.initial}</output>
        ${hint}
      </div>`;
    case 'range':
      return html`<div class="field field-range">
        ${label}
        <input
          type="range"
          id=${id}
          data-token=${token.name}
          min=${control.min}
          max=${control.max}
          step=${control.step}
          value=${parseFloat(control.initial)}
          aria-describedby=${hintId}
          aria-valuetext=${current ?? control.initial}
        />
        <output for=${id}>${current ?? control.initial}</output>
        ${hint}
      </div>`;
    case 'text':
      return html`<div class="field">
        ${label}
        <input
          type="text"
          id=${id}
          data-token=${token.name}
          placeholder=${control.initial || EXAMPLE_VALUES[token.name] || "the preset's value"}
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${hintId}
        />
        ${hint}
      </div>`;
  }
}
