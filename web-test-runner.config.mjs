import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { chromeArgs, findChrome } from './scripts/chrome-path.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { realTokenEndpointPlugin } from './scripts/wtr-token-endpoint.mjs';

const require = createRequire(import.meta.url);

// msw's worker can only control pages below its own path, and test pages live at '/'.
const mswWorkerPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return {
        body: readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8'),
        type: 'js',
      };
    }
  },
};

// The contract test reads Circle's OpenAPI documents, which live outside the served root.
const sharedSpecPlugin = {
  name: 'shared-circle-api',
  serve(context) {
    const match = /^\/__shared\/([\w.-]+\.json)$/.exec(context.path);
    if (!match) return;
    const file = fileURLToPath(new URL(`../shared/circle-api/${match[1]}`, import.meta.url));
    return { body: readFileSync(file, 'utf8'), type: 'json' };
  },
};

// A hostile host page `name.html` with a `name.csp` beside it is served with that policy as a
// real Content-Security-Policy response header, the way most sites send one.
const fixturePolicyHeader = async (context, next) => {
  await next();
  const match = /^\/test\/fixtures\/hostile\/([\w-]+)\.html$/.exec(context.path);
  if (!match) return;
  const file = fileURLToPath(new URL(`./test/fixtures/hostile/${match[1]}.csp`, import.meta.url));
  if (existsSync(file)) context.set('Content-Security-Policy', readFileSync(file, 'utf8').trim());
};

// The browser reuses its tab from one test file to the next, and a file can leave the window
// unfocused; there focus() moves the focus but fires no focus events. Test pages ask for this
// (test/support/sandbox.ts) before their first test, so focus behaves the same in every file.
const focusPagePlugin = {
  name: 'focus-page',
  async executeCommand({ command, session }) {
    if (command !== 'focus-page') return undefined;
    await session.browser.getPage(session.id).bringToFront();
    return true;
  },
};

// These ship CommonJS or UMD only; the browser gets one ES module bundled on first request.
const commonJsOnly = { ajv: '/__esm/ajv.js', 'axe-core': '/__esm/axe-core.js' };
const esmBundles = new Map();
const commonJsPlugin = {
  name: 'commonjs-to-esm',
  resolveImport({ source }) {
    return commonJsOnly[source];
  },
  async serve(context) {
    const entry = Object.entries(commonJsOnly).find(([, path]) => path === context.path);
    if (!entry) return;
    if (!esmBundles.has(entry[0])) {
      const result = await build({
        stdin: { contents: `export { default } from '${entry[0]}';`, resolveDir: process.cwd() },
        bundle: true,
        format: 'esm',
        write: false,
      });
      esmBundles.set(entry[0], result.outputFiles[0].text);
    }
    return { body: esmBundles.get(entry[0]), type: 'js' };
  },
};

export default {
  files: 'test/**/*.test.ts',
  nodeResolve: true,
  // One tab at a time: a background tab gets no animation frames, which fixtures wait for.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 5 * 60 * 1000,
  reporters: [defaultReporter(), summaryReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), args: chromeArgs },
    }),
  ],
  middleware: [fixturePolicyHeader],
  plugins: [
    focusPagePlugin,
    mswWorkerPlugin,
    sharedSpecPlugin,
    commonJsPlugin,
    realTokenEndpointPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  // nanostores reads process.env.NODE_ENV, which only bundlers replace.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head><meta charset="utf-8"></head>
      <body>
        <script>window.process = { env: { NODE_ENV: 'development' } };</script>
        <script type="module" src="/test/support/reportable-failures.ts"></script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  testFramework: { config: { timeout: 5000 } },
};
