// Writes dist/custom-elements.json, the manifest that package.json's `customElements` names: the
// analyzer's view of the current source, with module paths moved to the files the package ships.
// Each tag gets two modules, as in package.json's `exports`: dist/elements/<tag>.js declares
// the class, and dist/<tag>.js registers the tag. Modules that are bundled into chunks (the
// base element, helpers) have no file of their own, so references to them keep only the name.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { TAGS } from './cdn-chunks.mjs';

const OUT = 'dist/custom-elements.json';

/** The analyzer's manifest of the current source (the committed one may lag behind). */
function analyzeSource() {
  const outdir = join('node_modules', '.cache', 'cem-dist');
  try {
    execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
      stdio: 'ignore',
      env: { ...process.env, CEM_OUTDIR: outdir },
    });
    return JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `src/elements/circle-feed/circle-feed.ts` (or `/src/…/circle-feed.js`) as a source path. */
const sourcePath = (path) => path.replace(/^\//, '').replace(/\.js$/, '.ts');

const shippedPaths = new Map(
  TAGS.map((tag) => [`src/elements/${tag}/${tag}.ts`, `dist/elements/${tag}.js`]),
);

/** Points every `{ name, module }` reference at a shipped file, or drops the module it lacks. */
function rewriteReferences(value) {
  if (Array.isArray(value)) return value.map(rewriteReferences);
  if (!value || typeof value !== 'object') return value;

  const copy = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, rewriteReferences(inner)]),
  );
  if (typeof copy.module === 'string' && typeof copy.name === 'string') {
    const shipped = shippedPaths.get(sourcePath(copy.module));
    if (shipped) copy.module = shipped;
    else delete copy.module;
  }
  return copy;
}

const source = analyzeSource();
const modules = [];
for (const tag of TAGS) {
  const classModule = source.modules.find(
    (module) => module.path === `src/elements/${tag}/${tag}.ts`,
  );
  const definition = classModule?.exports?.find(
    (entry) => entry.kind === 'custom-element-definition' && entry.name === tag,
  );
  if (!classModule || !definition) throw new Error(`the analyzer found no <${tag}> definition`);

  const className = definition.declaration.name;
  const declaration = { name: className, module: `dist/elements/${tag}.js` };
  modules.push(
    rewriteReferences({
      ...classModule,
      path: declaration.module,
      exports: classModule.exports.filter((entry) => entry.kind !== 'custom-element-definition'),
    }),
    {
      kind: 'javascript-module',
      path: `dist/${tag}.js`,
      declarations: [],
      exports: [
        { kind: 'js', name: className, declaration },
        { kind: 'custom-element-definition', name: tag, declaration },
      ],
    },
  );
}

mkdirSync('dist', { recursive: true });
writeFileSync(OUT, `${JSON.stringify({ ...source, modules }, null, 2)}\n`);
console.log(`${OUT}: ${TAGS.length} elements`);
