// Starts the demo's vite server in this process, so scripts can stop it reliably.
import { createServer } from 'vite';

/** Serves demo/ on `port`; resolves with the server once it listens. */
export async function startDemoServer(port) {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    // No reloads: an edit elsewhere must not restart a page that is being measured.
    server: { port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  return server;
}
