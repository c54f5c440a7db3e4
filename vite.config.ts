import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative } from 'node:path';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

import { CHUNK_GRAPH, TAGS } from './scripts/cdn-chunks.mjs';
import { compactTemplatesPlugin } from './scripts/compact-templates.mjs';

const require = createRequire(import.meta.url);

// The demo runs on the sandbox community, whose msw worker must be served from the site root.
const mswWorker: Plugin = {
  name: 'msw-worker',
  configureServer(server) {
    server.middlewares.use('/mockServiceWorker.js', (_request, response) => {
      response.setHeader('Content-Type', 'text/javascript');
      response.end(readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'));
    });
  },
};

/** An element module's guarded registration, on one line or as a block (as Prettier leaves it). */
const REGISTRATION =
  /^if \(!customElements\.get\('([\w-]+)'\)\) \{?\s*customElements\.define\('\1', \w+\);(\s*\})?$/m;

/**
 * In every build, an element's module only declares its class and src/define/ registers the tag,
 * so `circle-widgets/<tag>/class` defines nothing. The element files still register themselves
 * because the tests import them for that.
 * TODO: move the registration out of the element files (and the tests onto src/define/), then
 * drop the stripping half of this plugin.
 */
const registration: Plugin = {
  name: 'registration',
  enforce: 'pre',
  transform(code, id) {
    // package.json's `sideEffects` names built files, so the bundler would take the source's
    // registering modules for side-effect free and drop their one statement.
    if (/\/src\/define\/[\w-]+\.ts$/.test(id)) return { code, moduleSideEffects: true };

    const tag = TAGS.find((name) => id.endsWith(`/src/elements/${name}/${name}.ts`));
    if (!tag) return undefined;

    const stripped = code.replace(REGISTRATION, '');
    if (stripped === code || stripped.includes('customElements.define(')) {
      this.error(`${id}: expected one guarded customElements.define('${tag}', …) to take out`);
    }
    return { code: stripped, map: null };
  },
};

/**
 * The bundler's helper that builds module namespace objects (for inlined dynamic imports) walks an
 * object literal with `for…in`, which also visits whatever a legacy script added to
 * Object.prototype, and throws on such a property that isn't a function. It means own keys only.
 */
const ownKeysOnly: Plugin = {
  name: 'own-keys-only',
  transform(code, id) {
    if (!id.startsWith('\0rolldown/runtime')) return undefined;
    return { code: code.replace('for (var name in all)', 'for (var name of Object.keys(all))') };
  },
};

/** Writes which chunk imports which, statically or on demand, and what each one is for. */
const chunkGraph: Plugin = {
  name: 'chunk-graph',
  writeBundle(_options, bundle) {
    const chunks = Object.values(bundle).flatMap((output) =>
      output.type === 'chunk'
        ? [
            {
              file: output.fileName,
              name: output.name,
              isEntry: output.isEntry,
              imports: output.imports,
              dynamicImports: output.dynamicImports,
              // What each module adds before minification, to see where the bytes go.
              modules: Object.fromEntries(
                Object.entries(output.modules).map(([id, info]) => [
                  relative(process.cwd(), id),
                  info.renderedLength,
                ]),
              ),
            },
          ]
        : [],
    );
    mkdirSync(dirname(CHUNK_GRAPH), { recursive: true });
    writeFileSync(CHUNK_GRAPH, `${JSON.stringify(chunks, null, 2)}\n`);
  },
};

/**
 * The retrying import for the classic file, whose imports are all inlined: it asks for no file
 * again under another address (src/utils/retryable-import.bundled.ts).
 */
const bundledRetry = {
  find: /^(.*\/utils\/retryable-import)\.js$/,
  replacement: '$1.bundled.ts',
};

// Lit and nanostores read NODE_ENV; a host page has no `process`.
const productionEnv = { 'process.env.NODE_ENV': JSON.stringify('production') };

/**
 * What every element needs, as one chunk: Lit, nanostores, the base element with the client and
 * session it brings, the shared styles and controllers (with the retrying import the lazily
 * fetched parts use), and the isolation of names in text that three of the five elements use.
 */
const CORE_PACKAGES =
  /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit\/task|nanostores)\//;
const CORE_SOURCES = [
  /\/src\/(styles|controllers)\//,
  /\/src\/(config|elements\/circle-element|i18n\/isolate|utils\/retryable-import)\.ts$/,
  // Event cards show descriptions with it, without the rest of the rich-text renderer.
  /\/src\/rich-text\/plain-text\.ts$/,
];

/** The windowed list a long feed switches to. */
const VIRTUALIZER =
  /node_modules\/@lit-labs\/virtualizer\/|\/src\/elements\/circle-feed\/windowing\.ts$/;

/**
 * The rich-text renderer, which the feed, the post and the events share; less the video card,
 * which it fetches when a body has a video.
 */
const RICH_TEXT = /\/src\/rich-text\/(?!(embed|plain-text)\.ts$)/;

/**
 * `npm start` serves the demo from demo/. `npm run build` runs three builds through
 * scripts/build.mjs: `--mode loader` (the CDN loader and its lazily loaded chunks), `--mode cdn`
 * (one classic script with everything inlined) and `--mode npm` (ES modules, dependencies
 * external).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'loader') {
    return {
      plugins: [registration, compactTemplatesPlugin(), ownKeysOnly, chunkGraph],
      define: productionEnv,
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        // Library mode: no preload helper, whose paths would be relative to the host page.
        lib: { entry: { loader: 'src/loader.ts' }, formats: ['es'], fileName: () => 'loader.js' },
        rolldownOptions: {
          // The loader's name is its address (versioned by the package path); chunks are
          // named by content so a CDN may cache them forever.
          output: {
            // Library mode leaves ES output unminified otherwise.
            minify: true,
            chunkFileNames: 'chunks/[name]-[hash].js',
            codeSplitting: {
              groups: [
                {
                  name: 'core',
                  test: (id) =>
                    CORE_PACKAGES.test(id) || CORE_SOURCES.some((pattern) => pattern.test(id)),
                },
                { name: 'rich-text', test: RICH_TEXT },
                // Fetched only once a feed grows long; its layout comes in the same file.
                { name: 'virtualizer', test: VIRTUALIZER },
                // Named after the library, not its folder ("dist"), in file names and size tables.
                { name: 'ical-generator', test: /node_modules[\\/]ical-generator[\\/]/ },
              ],
            },
            comments: false,
          },
        },
      },
    };
  }

  if (mode === 'cdn') {
    return {
      plugins: [registration, compactTemplatesPlugin(), ownKeysOnly],
      define: productionEnv,
      // Its imports are all inlined: nothing to fetch again after a failure.
      resolve: { alias: [bundledRetry] },
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        lib: {
          entry: 'src/index.ts',
          formats: ['iife'],
          name: 'CircleWidgets',
          fileName: () => 'circle-widgets.js',
        },
        // A classic script can't fetch chunks: the lazily loaded pieces go inline.
        rolldownOptions: { output: { codeSplitting: false } },
      },
    };
  }

  if (mode === 'npm') {
    const entries: Record<string, string> = { index: 'src/index.ts' };
    for (const tag of TAGS) {
      entries[tag] = `src/define/${tag}.ts`;
      entries[`elements/${tag}`] = `src/elements/${tag}/${tag}.ts`;
    }
    return {
      plugins: [registration, ownKeysOnly],
      publicDir: false,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        lib: { entry: entries, formats: ['es'], fileName: (_format, name) => `${name}.js` },
        rolldownOptions: {
          // Every runtime dependency stays a bare import, so apps share one copy of each.
          external: [/^lit($|\/)/, /^@lit(-labs)?\//, /^nanostores($|\/)/, /^ical-generator$/],
          output: { chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    };
  }

  // Every page of the demo site is an entry of its build: the blog, the benchmark and the docs.
  const demoPages = ['demo', 'demo/docs'].flatMap((folder) =>
    readdirSync(new URL(`./${folder}/`, import.meta.url))
      .filter((name) => name.endsWith('.html'))
      .map((name) => require.resolve(`./${folder}/${name}`)),
  );

  return {
    root: 'demo',
    plugins: [mswWorker],
    server: { port: 5173, host: '127.0.0.1' },
    preview: { port: 5173, host: '127.0.0.1' },
    build: { rollupOptions: { input: demoPages } },
  };
});
