// The CDN builds' template compaction (scripts/compact-templates.mjs), on small sources.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { compactTemplates } from '../../scripts/compact-templates.mjs';

describe('compactTemplates', () => {
  it('folds the line breaks and indentation of html`` into single spaces', () => {
    const source = [
      'const view = html`<ul>',
      '    <li class=${kind}>',
      '      ${name}',
      '    </li>',
      '  </ul>`;',
    ].join('\n');
    assert.equal(
      compactTemplates(source, 'view.ts'),
      'const view = html`<ul> <li class=${kind}> ${name} </li> </ul>`;',
    );
  });

  it('keeps spaces on one line, and templates inside bindings are compacted too', () => {
    const source = 'html`<b>a  b</b>${ok ? html`<i>\n  yes\n</i>` : nothing}`';
    assert.equal(
      compactTemplates(source, 'nested.ts'),
      'html`<b>a  b</b>${ok ? html`<i> yes </i>` : nothing}`',
    );
  });

  it('minifies css`` piece by piece around interpolated style sheets', () => {
    const source = [
      'export const styles = css`',
      '  ${base}',
      '  /* why */',
      '  .card {',
      '    color: #ff0000;',
      '    margin: 0px;',
      '  }',
      '`;',
    ].join('\n');
    assert.equal(
      compactTemplates(source, 'styles.ts'),
      'export const styles = css`${base}.card{color:red;margin:0}`;',
    );
  });

  it('leaves untagged and other tagged templates alone', () => {
    const source = 'const a = `x\n  y`;\nconst b = String.raw`p\n  q`;\nconst c = msg`m\n  n`;';
    assert.equal(compactTemplates(source, 'other.ts'), source);
  });

  it('refuses text in <pre> or <textarea> that spans lines', () => {
    assert.throws(
      () => compactTemplates('html`<pre>line one\n  line two</pre>`', 'code.ts'),
      /code\.ts:1: text inside <pre> or <textarea>/,
    );
    // A line break inside the opening tag is only attribute spacing.
    assert.equal(
      compactTemplates('html`<pre\n  lang=${l}\n><code>${c}</code></pre>`', 'code.ts'),
      'html`<pre lang=${l} ><code>${c}</code></pre>`',
    );
  });

  it('refuses CSS it cannot minify on its own, naming the file and line', () => {
    assert.throws(
      () => compactTemplates('\nconst s = css`.a { color: ${accent}; }`;', 'theme.ts'),
      /theme\.ts:2: css`` piece is not a style sheet of its own/,
    );
  });
});
