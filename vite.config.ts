import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

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

/**
 * `npm start` serves the demo from demo/. `npm run build` runs two library builds through
 * scripts/build.mjs: `--mode npm` (ES modules, dependencies external) and `--mode cdn` (one
 * minified file with everything inlined, for a single script tag).
 */
export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    return {
      // Lit and nanostores read NODE_ENV; a host page has no `process`.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        lib: {
          entry: 'src/index.ts',
          formats: ['iife'],
          name: 'CircleWidgets',
          fileName: () => 'circle-widgets.js',
        },
      },
    };
  }

  if (mode === 'npm') {
    return {
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2022',
        minify: false,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        // Every runtime dependency stays a bare import, so apps share one copy of each.
        rollupOptions: {
          external: [/^lit($|\/)/, /^@lit(-labs)?\//, /^nanostores($|\/)/, /^ical-generator$/],
        },
      },
    };
  }

  return {
    root: 'demo',
    plugins: [mswWorker],
    server: { port: 5173, host: '127.0.0.1' },
    preview: { port: 5173, host: '127.0.0.1' },
  };
});
