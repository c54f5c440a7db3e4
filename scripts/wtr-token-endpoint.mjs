/**
 * A web-test-runner plugin that serves the REAL host token endpoint from server/ on the test
 * server, in front of the fake Circle Auth API, for test/token-endpoint-e2e.test.ts.
 *
 * - POST /api/real-token: `createTokenHandler` through `toNodeListener`. The visitor is whoever
 *   the `demo_member=<email>` cookie names; no cookie means signed out.
 * - GET /api/real-token/__stats: what the fake saw (method, path, status of each call), for the
 *   test's assertions. It carries no token, and the app token only as a hash of its prefix.
 *
 * The handler and the fake are the compiled files in server/dist/, rebuilt with tsc first when
 * they are missing or older than their sources (`npm test` builds them already).
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** Where the page finds the real endpoint. */
const REAL_TOKEN_ENDPOINT = '/api/real-token';

/** The test looks for this in every answer; the rest of the app token is random per run. */
const APP_TOKEN_PREFIX = 'e2e-headless-app-token-';

/** The one member the fake knows: the sandbox's signed-in member (id 1, Alex Rivera). */
const MEMBER = { id: 1, email: 'alex.rivera@example.com' };

const STATS_PATH = `${REAL_TOKEN_ENDPOINT}/__stats`;
const MEMBER_COOKIE = /(?:^|;\s*)demo_member=([^;]*)/;
const serverDir = fileURLToPath(new URL('../server/', import.meta.url));
const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** Serves the real token handler at {@link REAL_TOKEN_ENDPOINT}, backed by a fake Circle. */
export function realTokenEndpointPlugin() {
  let fake;
  const refusals = [];

  return {
    name: 'real-token-endpoint',

    async serverStart({ app, logger }) {
      let listener;
      let unavailable;
      try {
        ({ fake, listener } = await startEndpoint(refusals));
      } catch (error) {
        // Only the end-to-end test needs this; the other test files must still run.
        unavailable = `The real token endpoint could not start: ${error?.message ?? error}`;
        logger.error(unavailable);
      }

      app.use(async (context, next) => {
        if (context.path !== REAL_TOKEN_ENDPOINT && context.path !== STATS_PATH) return next();

        context.set('Cache-Control', 'no-store');
        if (unavailable) {
          context.status = 503;
          context.body = { error: 'unavailable', message: unavailable };
          return;
        }
        if (context.path === STATS_PATH) {
          context.body = stats(fake, refusals);
          return;
        }

        // The kit writes the answer to node's response itself; koa must leave it alone.
        context.respond = false;
        await new Promise((resolve) => {
          context.res.once('close', resolve);
          listener(context.req, context.res);
        });
      });
    },

    async serverStop() {
      await fake?.close();
    },
  };
}

async function startEndpoint(refusals) {
  await buildServerIfStale();
  const dist = (file) => pathToFileURL(join(serverDir, 'dist', file)).href;
  const { createTokenHandler, toNodeListener } = await import(dist('src/index.js'));
  const { startFakeCircleAuth } = await import(dist('test/fake-circle-auth.js'));

  const appToken = APP_TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const fake = await startFakeCircleAuth({ appToken, members: [MEMBER] });
  const handler = createTokenHandler({
    appToken,
    authBase: fake.baseUrl,
    identify(request) {
      const match = MEMBER_COOKIE.exec(request.headers.get('cookie') ?? '');
      return match?.[1] ? { email: decodeURIComponent(match[1]) } : null;
    },
    onError(error) {
      refusals.push(error.code);
    },
  });
  return { fake, listener: toNodeListener(handler) };
}

/** What the fake saw, without tokens: calls, spec violations and the endpoint's refusals. */
function stats(fake, refusals) {
  return {
    calls: fake.calls.map(({ method, path, status }) => ({ method, path, status })),
    violations: fake.violations,
    refusals,
    // Lets the test check that it looks for the right prefix, without sending the prefix.
    appTokenPrefixSha256: createHash('sha256').update(APP_TOKEN_PREFIX).digest('hex'),
  };
}

/** Runs tsc on server/ unless every compiled file is newer than its source. */
async function buildServerIfStale() {
  if (!(await isBuildStale())) return;
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    await run(process.execPath, [tsc, '-p', join(serverDir, 'tsconfig.json')]);
  } catch (error) {
    // tsc reports type errors on stdout.
    throw new Error(`tsc -p server/tsconfig.json failed:\n${error.stdout || error.message}`);
  }
}

async function isBuildStale() {
  for (const folder of ['src', 'test', 'examples']) {
    const names = await readdir(join(serverDir, folder), { recursive: true });
    for (const name of names) {
      if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
      const source = await stat(join(serverDir, folder, name));
      const compiled = join(serverDir, 'dist', folder, name.replace(/\.ts$/, '.js'));
      const output = await stat(compiled).catch(() => undefined);
      if (!output || output.mtimeMs < source.mtimeMs) return true;
    }
  }
  return false;
}
