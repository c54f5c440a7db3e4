// The CDN files as a host page gets them: run after `npm run build`.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { TAGS } from '../../scripts/cdn-chunks.mjs';

const CDN = 'dist/cdn';
const chunkFiles = readdirSync(join(CDN, 'chunks'));
const files = ['loader.js', 'circle-widgets.js', ...chunkFiles.map((file) => `chunks/${file}`)];
const read = (file) => readFileSync(join(CDN, file), 'utf8');

/** Names that exist in Node and bundlers but not in a browser page, as code (not as a property). */
const NODE_GLOBALS = {
  process: /(?<![\w$.])process(?![\w$])/,
  require: /(?<![\w$.])require\s*\(/,
  'module.exports': /(?<![\w$.])module\.exports\b/,
  exports: /(?<![\w$.])exports\.[\w$]/,
  Buffer: /(?<![\w$.])Buffer(?![\w$])/,
  global: /(?<![\w$.])global(?![\w$])/,
  __dirname: /(?<![\w$.])__dirname\b/,
  __filename: /(?<![\w$.])__filename\b/,
  setImmediate: /(?<![\w$.])setImmediate\b/,
  'node: modules': /\bfrom\s*["'`]node:|import\(\s*["'`]node:/,
};

describe('the CDN build', () => {
  it('uses no Node globals in any file', () => {
    for (const file of files) {
      const source = read(file);
      for (const [name, pattern] of Object.entries(NODE_GLOBALS)) {
        assert.ok(!pattern.test(source), `${file} uses ${name}`);
      }
    }
  });

  it('names every chunk by its content', () => {
    assert.ok(chunkFiles.length > 0);
    for (const file of chunkFiles) assert.match(file, /^[\w.-]+-[\w-]{8}\.js$/);
  });

  it('keeps the loader free of static imports, and the chunks free of the loader', () => {
    assert.ok(!/^import\b|[;}]import\s*[{*\w"'`]/m.test(read('loader.js')), 'static import');
    for (const file of chunkFiles) {
      // A chunk importing the loader would run it a second time if the page's URL for it differs.
      assert.ok(!read(`chunks/${file}`).includes('loader.js'), `${file} imports the loader`);
    }
  });

  it('ships the classic file as one script with nothing to import', () => {
    const source = read('circle-widgets.js');
    assert.ok(!/\bimport\s*\(|^import\b|^export\b/m.test(source), 'it imports or exports');
    for (const tag of TAGS) {
      const registers = new RegExp(`customElements\\.define\\(["'\`]${tag}["'\`]`);
      assert.ok(registers.test(source), `<${tag}> is not registered`);
    }
  });
});
