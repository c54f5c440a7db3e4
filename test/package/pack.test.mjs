// What `npm publish` would ship, checked against package.json: run after `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { TAGS } from '../../scripts/cdn-chunks.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// --ignore-scripts: `prepack` would build again.
const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
const packed = new Set(pack.files.map((file) => file.path));

/** The files an `exports` entry, or nested conditions, point at. */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry).flatMap(targets);
}

const inPack = (path) => packed.has(path.replace(/^\.\//, ''));

describe('the npm package', () => {
  it('ships the build, the readme and the manifest, and nothing from the workshop', () => {
    const strays = [...packed].filter(
      (path) =>
        !/^dist\//.test(path) && !/^(README\.md|LICENSE(\.\w+)?|package\.json)$/i.test(path),
    );
    assert.deepEqual(strays, []);
    for (const path of ['README.md', 'dist/custom-elements.json', 'dist/cdn/loader.js']) {
      assert.ok(packed.has(path), `${path} is not in the package`);
    }
    assert.ok(
      [...packed].every((path) => !/(^|\/)(test|demo|sandbox|server|src)\//.test(path)),
      'tests, the demo, its sandbox, the server kit or the sources would ship',
    );
  });

  it('ships every file that package.json points at', () => {
    const pointers = [
      pkg.main,
      pkg.module,
      pkg.types,
      pkg.unpkg,
      pkg.jsdelivr,
      pkg.customElements,
      ...Object.values(pkg.exports).flatMap(targets),
    ];
    const missing = pointers.filter((path) => !inPack(path));
    assert.deepEqual(missing, []);
  });

  it('exports each element as a registering module and as its class alone', () => {
    for (const tag of TAGS) {
      const registering = pkg.exports[`./${tag}`];
      const classOnly = pkg.exports[`./${tag}/class`];
      assert.ok(registering && classOnly, `no exports for ${tag}`);

      const registers = readFileSync(registering.import, 'utf8');
      const declares = readFileSync(classOnly.import, 'utf8');
      assert.ok(registers.includes(`customElements.define("${tag}"`), `${tag} registers not`);
      assert.ok(!declares.includes('customElements.define'), `${tag}/class registers`);
    }
  });

  it('lists as side effects exactly the modules that register tags', () => {
    const listed = pkg.sideEffects.filter((pattern) => !pattern.includes('*'));
    const registering = [
      pkg.exports['.'].import,
      ...TAGS.map((tag) => pkg.exports[`./${tag}`].import),
      pkg.jsdelivr,
      './dist/cdn/loader.js',
    ];
    assert.deepEqual(new Set(listed), new Set(registering));
    for (const path of listed) assert.ok(inPack(path), `${path} is not in the package`);
    for (const tag of TAGS) {
      assert.ok(!pkg.sideEffects.includes(pkg.exports[`./${tag}/class`].import));
    }
  });

  it('ships a manifest whose modules are shipped files, with every tag defined', () => {
    const manifest = JSON.parse(readFileSync(pkg.customElements, 'utf8'));
    const paths = manifest.modules.map((module) => module.path);
    assert.deepEqual(
      paths.filter((path) => !packed.has(path)),
      [],
    );

    const references = JSON.stringify(manifest).match(/"module":\s*"[^"]*"/g) ?? [];
    for (const reference of references) {
      const path = JSON.parse(`{${reference}}`).module;
      assert.ok(packed.has(path), `the manifest refers to ${path}, which does not ship`);
    }

    const defined = manifest.modules.flatMap((module) =>
      (module.exports ?? []).filter((entry) => entry.kind === 'custom-element-definition'),
    );
    assert.deepEqual(defined.map((entry) => entry.name).sort(), [...TAGS].sort());
    for (const entry of defined) {
      const declaring = manifest.modules.find((module) => module.path === entry.declaration.module);
      const declaration = declaring?.declarations.find(
        (candidate) => candidate.name === entry.declaration.name,
      );
      assert.equal(declaration?.tagName, entry.name);
    }
  });

  it('has built its type declarations', () => {
    assert.ok(existsSync(pkg.types), `${pkg.types} is missing: run npm run build`);
  });
});
