import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import axe from 'axe-core';

import { sandbox } from './support/sandbox.js';
import { axeViolations, shadow, textOf, waitFor } from './support/dom.js';
import { configure } from '../src/index.js';
import * as eventClasses from '../src/events.js';
import { PRESETS, THEMES } from '../src/controllers/theme-controller.js';
import { SHIPPED_LOCALES } from '../src/i18n/strings.js';
import { showExampleSources } from '../demo/docs/example-source.js';
import type { Manifest } from '../demo/docs/manifest.js';
import { renderReference } from '../demo/docs/reference.js';
import {
  buildSnippet,
  escapeAttribute,
  mountSnippetBuilder,
} from '../demo/docs/snippet-builder.js';
import { mountThemePlayground } from '../demo/docs/theme-playground.js';
import { mountLookSwitcher } from '../demo/docs/look-switcher.js';

const DOCS = '/demo/docs/';

/** The manifest and version the docs read, straight from the project root. */
const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
const { version } = (await (await fetch('/package.json')).json()) as { version: string };

/** Every declaration with a tag, read here without the docs' own helpers. */
const manifestElements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);

const containers: HTMLElement[] = [];
function container(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  containers.push(element);
  return element;
}

afterEach(() => {
  for (const element of containers.splice(0)) element.remove();
});

/** A page's HTML, parsed but not run. */
async function docsPage(name: string): Promise<Document> {
  const response = await fetch(new URL(name, new URL(DOCS, location.href)));
  expect(response.ok, `${name} is served`).to.equal(true);
  return new DOMParser().parseFromString(await response.text(), 'text/html');
}

/** The row headers of one reference table, as a reader sees them. */
function rowNames(section: Element | null, kind: string): string[] {
  const table = section?.querySelector(`table[data-api="${kind}"]`);
  return [...(table?.querySelectorAll('tbody th') ?? [])].map((cell) => textOf(cell));
}

/** The text a description shows as: backticks dropped, white space folded. */
const shownText = (description: string) => description.replace(/`/g, '').replace(/\s+/g, ' ');

/** A made-up element for the builder's input kinds, which the real manifest may not have. */
const SYNTHETIC: Manifest = {
  schemaVersion: '1.0.0',
  modules: [
    {
      path: 'src/x-demo.ts',
      declarations: [
        {
          kind: 'class',
          name: 'XDemo',
          tagName: 'x-demo',
          summary: 'A made-up element.',
          attributes: [
            { name: 'mode', type: { text: "'compact' | 'wide' | undefined" }, default: "'wide'" },
            { name: 'open', type: { text: 'boolean' } },
            {
              name: 'label',
              type: { text: 'string' },
              description: 'Shown `<img src=x>` as text.',
            },
          ],
          events: [{ name: 'x-change', description: '<b>Not bold</b>' }],
          cssParts: [{ name: 'base', description: 'The wrapper.' }],
          cssProperties: [{ name: '--x-gap', default: '1rem', description: 'Space.' }],
          slots: [{ name: '', description: 'Anything.' }],
        },
      ],
    },
  ],
};

describe('docs: API reference', () => {
  it('lists every attribute, property, event, slot, part and custom property of the manifest', async () => {
    expect(manifestElements.length).to.be.greaterThan(0);
    const root = container();
    renderReference(manifest, root);

    for (const element of manifestElements) {
      const section = root.querySelector(`section[data-tag="${element.tagName}"]`);
      expect(section, element.tagName).to.exist;
      expect(textOf(section!.querySelector('h2'))).to.equal(`<${element.tagName}>`);

      const lists = {
        attributes: element.attributes ?? [],
        events: element.events ?? [],
        'css-parts': element.cssParts ?? [],
        'css-properties': element.cssProperties ?? [],
        slots: (element.slots ?? []).map((slot) => ({ ...slot, name: slot.name || '(default)' })),
        properties: (element.members ?? []).filter(
          (member) =>
            member.kind === 'field' &&
            member.privacy !== 'private' &&
            member.privacy !== 'protected' &&
            !member.static,
        ),
      };
      for (const [kind, items] of Object.entries(lists)) {
        const names = rowNames(section, kind);
        expect(names, `${element.tagName} ${kind}`).to.have.members(items.map((item) => item.name));

        // Each description shows in its own row.
        const rows = [...section!.querySelectorAll(`table[data-api="${kind}"] tbody tr`)];
        for (const item of items) {
          if (!item.description) continue;
          const row = rows.find((candidate) => textOf(candidate.querySelector('th')) === item.name);
          expect(textOf(row), `${element.tagName} ${kind} ${item.name}`).to.contain(
            shownText(item.description),
          );
        }
      }
    }
  });

  it('gives every event of every element a type: its class in src/events.ts, or CustomEvent', () => {
    const untyped: string[] = [];
    for (const element of manifestElements) {
      for (const event of element.events ?? []) {
        const type = event.type?.text ?? '';
        const known = Object.hasOwn(eventClasses, type) || /^CustomEvent\b/.test(type);
        if (!known) untyped.push(`<${element.tagName}> ${event.name}: ${type || 'no type'}`);
      }
    }
    expect(manifestElements.flatMap((element) => element.events ?? [])).not.to.be.empty;
    expect(untyped).to.deep.equal([]);
  });

  it('shows manifest text as text, never as markup, for any element the manifest declares', () => {
    const root = container();
    renderReference(SYNTHETIC, root);

    const section = root.querySelector('section[data-tag="x-demo"]')!;
    expect(textOf(section.querySelector('h2'))).to.equal('<x-demo>');
    expect(rowNames(section, 'attributes')).to.deep.equal(['mode', 'open', 'label']);
    expect(rowNames(section, 'slots')).to.deep.equal(['(default)']);
    expect(section.querySelector('img, b')).to.equal(null);
    expect(textOf(section)).to.contain('Shown <img src=x> as text.');
    expect(textOf(section)).to.contain('<b>Not bold</b>');
    expect(textOf(section.querySelector('#api-x-demo-methods + *'))).to.equal('No methods.');
  });
});

describe('docs: snippet builder', () => {
  const hostile = `"><script>alert('x')</script>&amp;`;

  /** The snippet's nodes, parsed the way a page would parse it. */
  function parse(snippet: string): { script: HTMLScriptElement; element: Element; count: number } {
    const template = document.createElement('template');
    template.innerHTML = snippet;
    const nodes = [...template.content.children];
    return {
      script: nodes[0] as HTMLScriptElement,
      element: nodes[1]!,
      count: nodes.length,
    };
  }

  it('escapes every value, so hostile text stays an attribute value', () => {
    const snippet = buildSnippet({
      version,
      tokenEndpoint: hostile,
      tagName: 'circle-feed',
      attributes: [
        ['space', hostile],
        ['paging', ''],
        ['open', true],
        ['hidden', false],
      ],
    });

    const { script, element, count } = parse(snippet);
    expect(count).to.equal(2);
    expect(script.getAttribute('src')).to.equal(
      `https://cdn.jsdelivr.net/npm/circle-widgets@${version}/dist/cdn/loader.js`,
    );
    expect(script.type).to.equal('module');
    expect(script.dataset.tokenEndpoint).to.equal(hostile);
    expect(element.localName).to.equal('circle-feed');
    expect(element.getAttribute('space')).to.equal(hostile);
    expect(element.getAttributeNames()).to.deep.equal(['space', 'open']);
    expect(element.getAttribute('open')).to.equal('');
    expect(snippet).not.to.contain('<script>alert');
    expect(escapeAttribute(`a"b<c>&'`)).to.equal('a&quot;b&lt;c&gt;&amp;&#39;');
  });

  it('leaves out the endpoint when it is blank, and refuses names a page could not parse', () => {
    const snippet = buildSnippet({
      version,
      tokenEndpoint: ' ',
      tagName: 'circle-feed',
      attributes: [],
    });
    expect(parse(snippet).script.hasAttribute('data-token-endpoint')).to.equal(false);

    expect(() =>
      buildSnippet({ version, tokenEndpoint: '', tagName: 'div><script', attributes: [] }),
    ).to.throw();
    expect(() =>
      buildSnippet({
        version,
        tokenEndpoint: '',
        tagName: 'circle-feed',
        attributes: [['onclick="x"', 'y']],
      }),
    ).to.throw();
  });

  it('offers every element of the manifest and writes the form into the snippet', async () => {
    const root = container();
    const builder = mountSnippetBuilder(root, { manifest, version, clipboard: undefined });

    const select = root.querySelector<HTMLSelectElement>('#snippet-element')!;
    expect([...select.options].map((option) => option.value)).to.have.members(
      manifestElements.map((element) => element.tagName!),
    );

    // Every attribute of the chosen element has a labelled field, but the token endpoint, which
    // has its own field for the script tag.
    select.value = 'circle-feed';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const feed = manifestElements.find((element) => element.tagName === 'circle-feed')!;
    for (const attribute of feed.attributes ?? []) {
      const field = root.querySelector<HTMLInputElement>(`[data-attribute="${attribute.name}"]`);
      if (attribute.name === 'token-endpoint') {
        expect(field, 'a second token endpoint field').to.equal(null);
        continue;
      }
      expect(field, attribute.name).to.exist;
      expect(textOf(root.querySelector(`label[for="${field!.id}"]`))).to.equal(attribute.name);
    }

    const endpoint = root.querySelector<HTMLInputElement>('#snippet-token-endpoint')!;
    endpoint.value = hostile;
    endpoint.dispatchEvent(new Event('input', { bubbles: true }));
    const space = root.querySelector<HTMLInputElement>('[data-attribute="space"]')!;
    space.value = hostile;
    space.dispatchEvent(new Event('input', { bubbles: true }));

    const shown = root.querySelector('[data-snippet]')!.textContent!;
    expect(shown).to.equal(builder.snippet);
    const { script, element } = parse(shown);
    expect(script.dataset.tokenEndpoint).to.equal(hostile);
    expect(element.localName).to.equal('circle-feed');
    expect(element.getAttributeNames()).to.deep.equal(['space']);
    expect(element.getAttribute('space')).to.equal(hostile);
  });

  it("offers the real elements' word attributes as choices", () => {
    const root = container();
    mountSnippetBuilder(root, { manifest, version });
    const select = root.querySelector<HTMLSelectElement>('#snippet-element')!;
    select.value = 'circle-events';
    select.dispatchEvent(new Event('change', { bubbles: true }));

    const choices = (name: string) =>
      [...root.querySelector<HTMLSelectElement>(`select[data-attribute="${name}"]`)!.options].map(
        (option) => option.value,
      );
    expect(choices('view')).to.deep.equal(['', 'list', 'month', 'compact']);
    expect(choices('filter')).to.deep.equal(['', 'upcoming', 'past', 'all']);
    expect(choices('theme')).to.deep.equal(['', 'auto', 'light', 'dark']);
    expect(choices('preset')).to.deep.equal(['', 'circle', 'minimal', 'contrast']);
  });

  it('offers choices for literal unions and a checkbox for booleans', () => {
    const root = container();
    const builder = mountSnippetBuilder(root, { manifest: SYNTHETIC, version });

    const mode = root.querySelector<HTMLSelectElement>('select[data-attribute="mode"]')!;
    expect([...mode.options].map((option) => option.value)).to.deep.equal(['', 'compact', 'wide']);
    expect(textOf(mode.options[0])).to.equal('Default (wide)');
    mode.value = 'compact';
    mode.dispatchEvent(new Event('input', { bubbles: true }));

    const open = root.querySelector<HTMLInputElement>(
      'input[type="checkbox"][data-attribute="open"]',
    )!;
    open.checked = true;
    open.dispatchEvent(new Event('input', { bubbles: true }));

    expect(builder.snippet.split('\n')[1]).to.equal('<x-demo mode="compact" open></x-demo>');
  });

  it('copies the snippet and says so, or says the copy failed', async () => {
    const copied: string[] = [];
    const root = container();
    const builder = mountSnippetBuilder(root, {
      manifest,
      version,
      clipboard: { writeText: async (text) => void copied.push(text) },
    });
    const copy = [...root.querySelectorAll('button')].find((b) => textOf(b) === 'Copy')!;
    const status = root.querySelector('[role="status"]')!;

    copy.click();
    await waitUntil(() => textOf(status) === 'Copied', 'no "Copied" status');
    expect(copied).to.deep.equal([builder.snippet]);

    const failing = container();
    mountSnippetBuilder(failing, {
      manifest,
      version,
      clipboard: { writeText: () => Promise.reject(new Error('denied')) },
    });
    [...failing.querySelectorAll('button')].find((b) => textOf(b) === 'Copy')!.click();
    const failedStatus = failing.querySelector('[role="status"]')!;
    await waitUntil(() => textOf(failedStatus).startsWith('Copy failed'), 'no failure status');
  });
});

describe('docs: theming playground', () => {
  before(() => configure({ tokenEndpoint: '/api/circle-token' }));

  async function playground() {
    // The preview comes first: the feed only draws the cards near the viewport.
    const preview = container();
    const root = container();
    const output = container();
    preview.innerHTML = '<circle-feed per-page="2" paging="button"></circle-feed>';
    mountThemePlayground(root, { manifest, preview, output });
    const feed = preview.querySelector('circle-feed')!;
    await waitFor(feed, 'article');
    return { root, output, feed };
  }

  function setControl(root: HTMLElement, token: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(`input[data-token="${token}"]`)!;
    expect(input, token).to.exist;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('has a control for every custom property in the manifest', () => {
    const root = container();
    mountThemePlayground(root, { manifest, preview: container(), output: container() });

    const names = new Set(
      manifestElements.flatMap((element) => element.cssProperties ?? []).map((p) => p.name),
    );
    expect(names.size).to.be.greaterThan(0);
    const controls = [...root.querySelectorAll<HTMLInputElement>('input[data-token]')];
    expect(controls.map((input) => input.dataset.token)).to.have.members([...names]);
  });

  it('shows a value or an example in every empty text field', () => {
    const root = container();
    mountThemePlayground(root, { manifest, preview: container(), output: container() });

    const fields = [...root.querySelectorAll<HTMLInputElement>('input[type="text"][data-token]')];
    expect(fields.length).to.be.greaterThan(0);
    for (const field of fields) expect(field.placeholder, field.dataset.token).not.to.equal('');
    const shadowField = root.querySelector<HTMLInputElement>('[data-token="--circle-shadow"]')!;
    expect(shadowField.placeholder).to.match(/^e\.g\. /);
  });

  it('restyles the widgets inside their shadow roots and shows the CSS to copy', async () => {
    const { root, output, feed } = await playground();
    const card = shadow(feed, 'article')!;
    const before = getComputedStyle(card).color;

    setControl(root, '--circle-color-text', '#123456');
    expect(getComputedStyle(card).color).to.equal('rgb(18, 52, 86)');
    expect(getComputedStyle(card).color).not.to.equal(before);

    const radius = root.querySelector<HTMLInputElement>('input[data-token="--circle-radius"]');
    if (radius?.type === 'range') {
      setControl(root, '--circle-radius', '2');
      const item = shadow(feed, '[part~="item"]')!;
      expect(getComputedStyle(item).borderTopLeftRadius).to.equal('32px');
    }

    const css = textOf(output.querySelector('[data-theme-css]'));
    expect(css).to.contain('--circle-color-text: #123456;');
    expect(css.startsWith(':root {')).to.equal(true);

    [...root.querySelectorAll('button')].find((b) => textOf(b) === 'Reset to defaults')!.click();
    expect(getComputedStyle(card).color).to.equal(before);
    expect(textOf(output.querySelector('[data-theme-css]'))).not.to.contain('--circle-color-text');
  });
});

describe('docs: preset, theme and language pickers', () => {
  before(() => configure({ tokenEndpoint: '/api/circle-token' }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  function pick(form: HTMLElement, name: string, value: string): void {
    const select = form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    expect(
      [...select.options].map((option) => option.value),
      name,
    ).to.include(value);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  const optionValues = (form: HTMLElement, name: string) =>
    [...form.querySelectorAll<HTMLOptionElement>(`select[name="${name}"] option`)].map(
      (option) => option.value,
    );

  /** The theming page's own pickers and preview, as its script wires them, with widgets shown. */
  async function themingPage() {
    const page = await docsPage('theming.html');
    // The preview comes first and the viewport is tall: the feed only draws the cards near it.
    await setViewport({ width: 1280, height: 4000 });
    const preview = container();
    preview.append(document.adoptNode(page.querySelector('#theme-preview')!));
    const form = container();
    form.append(document.adoptNode(page.querySelector('#look')!));
    mountLookSwitcher(form.querySelector<HTMLElement>('#look')!, preview);

    const widgets = [...preview.querySelectorAll<HTMLElement>('*')].filter((element) =>
      element.localName.startsWith('circle-'),
    );
    expect(widgets.length, 'widgets in the preview').to.be.above(1);
    for (const widget of widgets) {
      await waitUntil(
        () =>
          widget.shadowRoot &&
          !widget.shadowRoot.querySelector(
            '[aria-busy="true"], .skeleton, [role="feed"]:not(:has(article))',
          ) &&
          widget.shadowRoot.querySelector('[part~="base"], [part~="bell"]'),
        `${widget.localName} kept loading`,
        { timeout: 4000 },
      );
    }
    return { form, preview, widgets, feed: preview.querySelector('circle-feed')! };
  }

  it("offers every preset, theme and shipped language, as the page's real markup", async () => {
    const page = await docsPage('theming.html');
    const form = container();
    form.append(document.adoptNode(page.querySelector('#look')!));
    expect(form.querySelector('fieldset > legend'), 'a named group').to.exist;

    expect(optionValues(form, 'preset')).to.have.members([...PRESETS]);
    expect(optionValues(form, 'theme')).to.have.members([...THEMES]);
    expect(optionValues(form, 'lang')).to.have.members([...SHIPPED_LOCALES]);
    // Each select is labelled, and each language is named in itself.
    for (const select of form.querySelectorAll('select')) {
      expect(textOf(select.closest('label')), select.name).to.match(/\S/);
    }
    for (const option of form.querySelectorAll<HTMLOptionElement>('select[name="lang"] option')) {
      const ownName = new Intl.DisplayNames([option.value], { type: 'language' }).of(option.value);
      expect(textOf(option).toLowerCase(), option.value).to.contain(
        ownName!.split(' ')[0]!.toLowerCase(),
      );
    }
  });

  it('re-themes and translates the preview widgets live', async function () {
    this.timeout(20_000);
    const { form, widgets, feed } = await themingPage();
    const card = await waitFor(feed, '[part~="item"]');
    const lightBackground = getComputedStyle(card).backgroundColor;

    pick(form, 'theme', 'dark');
    for (const widget of widgets) {
      await waitUntil(() => widget.dataset.circleTheme === 'dark', `${widget.localName} not dark`);
    }
    expect(getComputedStyle(card).backgroundColor).not.to.equal(lightBackground);

    pick(form, 'preset', 'contrast');
    for (const widget of widgets) expect(widget.getAttribute('preset')).to.equal('contrast');

    pick(form, 'lang', 'de');
    await waitUntil(
      () => textOf(shadow(feed, '[part~="load-more"]')) === 'Mehr laden',
      'the feed did not switch to German',
      { timeout: 4000 },
    );
  });

  /** Axe's violations in `root`, each with the nodes it found, so a failure says where. */
  async function violationsWithNodes(root: Element): Promise<string[]> {
    const results = await axe.run(root, { resultTypes: ['violations'] });
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} at ${violation.nodes
          .map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`)
          .join('; ')}`,
    );
  }

  it('has no axe violations in the pickers and the preview, light and dark', async function () {
    this.timeout(30_000);
    const { form, preview, widgets } = await themingPage();

    for (const theme of ['light', 'dark']) {
      pick(form, 'theme', theme);
      for (const widget of widgets) {
        await waitUntil(() => widget.dataset.circleTheme === theme, `${widget.localName} ${theme}`);
      }
      expect(await violationsWithNodes(form), `pickers, ${theme}`).to.deep.equal([]);
      expect(await violationsWithNodes(preview), `preview, ${theme}`).to.deep.equal([]);
    }
  });
});

describe('docs pages', () => {
  before(async () => {
    configure({ tokenEndpoint: '/api/circle-token' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = `${DOCS}docs.css`;
    const loaded = new Promise((resolve) => (link.onload = resolve));
    document.head.append(link);
    await loaded;
  });

  /** The docs pages, as the overview's navigation lists them. */
  async function pageNames(): Promise<string[]> {
    const overview = await docsPage('index.html');
    const links = [...overview.querySelectorAll<HTMLAnchorElement>('header nav a')];
    return links.map((link) => link.getAttribute('href')!).filter((href) => href.startsWith('./'));
  }

  it('share one navigation, with a skip link and the current page marked', async () => {
    const names = await pageNames();
    expect(names.length).to.be.greaterThan(5);
    const overview = await docsPage('index.html');
    const expected = [...overview.querySelectorAll('header nav a')].map((a) =>
      a.getAttribute('href'),
    );

    for (const name of names) {
      const page = await docsPage(name);
      const links = [...page.querySelectorAll('header nav a')];
      expect(
        links.map((a) => a.getAttribute('href')),
        name,
      ).to.deep.equal(expected);
      const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
      expect(
        current.map((a) => a.getAttribute('href')),
        name,
      ).to.deep.equal([name]);

      expect(page.querySelector('a.skip-link')?.getAttribute('href'), name).to.equal('#main');
      expect(page.querySelector('main#main'), name).to.exist;
      expect(page.querySelectorAll('h1').length, name).to.equal(1);
      expect(page.documentElement.lang, name).to.equal('en');
      expect(page.title, name).not.to.equal('');
    }
  });

  it("have no axe violations in each page's main content, scripts run", async function () {
    this.timeout(60_000);

    // A viewport taller than any page, so the feed draws all its cards, not only those near
    // the part of the page on screen.
    await setViewport({ width: 1280, height: 12_000 });

    for (const name of await pageNames()) {
      const page = await docsPage(name);
      const root = container();
      root.append(document.adoptNode(page.querySelector('main')!));

      // What each page's own script does, on the test page's sandbox.
      showExampleSources(root);
      const reference = root.querySelector<HTMLElement>('#reference');
      if (reference) renderReference(manifest, reference);
      const builder = root.querySelector<HTMLElement>('#builder');
      if (builder) mountSnippetBuilder(builder, { manifest, version });
      const playground = root.querySelector<HTMLElement>('#playground');
      if (playground) {
        mountThemePlayground(playground, {
          manifest,
          preview: root.querySelector<HTMLElement>('#theme-preview')!,
          output: root.querySelector<HTMLElement>('#theme-output')!,
        });
      }

      // Widgets are checked once they show content rather than their loading state.
      const widgets = [...root.querySelectorAll('*')].filter((element) => element.shadowRoot);
      for (const widget of widgets) {
        await waitUntil(
          () =>
            !widget.shadowRoot!.querySelector(
              '[aria-busy="true"], .skeleton, [role="feed"]:not(:has(article))',
            ),
          `${widget.localName} on ${name} kept loading`,
          { timeout: 4000 },
        );
      }

      expect(await axeViolations(root), name).to.deep.equal([]);
      root.remove();
      sandbox.reset();
    }
    await setViewport({ width: 800, height: 600 });
  });
});
