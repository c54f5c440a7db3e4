// Starts the demo's vite server in this process, so scripts can stop it reliably.
import { createServer } from 'vite';

/** Serves demo/ on `port`; resolves with the server once it listens. */
export async function startDemoServer(port) {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    server: { port, strictPort: true },
  });
  await server.listen();
  return server;
}
