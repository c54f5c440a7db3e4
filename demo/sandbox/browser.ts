/**
 * Starts the sandbox community in the browser through msw's service worker.
 */
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { createSandbox } from './handlers.js';
import type { Sandbox, SandboxOptions } from './handlers.js';

export type { Sandbox, SandboxOptions } from './handlers.js';

/** Options for startSandbox: the sandbox's own plus msw's unhandled-request strategy. */
export type StartSandboxOptions = SandboxOptions & {
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
};

/** Creates a sandbox and starts a worker serving it; resolves once the worker is active. */
export async function startSandbox(
  options: StartSandboxOptions = {},
): Promise<{ sandbox: Sandbox; worker: SetupWorker }> {
  const { onUnhandledRequest = 'warn', ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  const worker = setupWorker(...sandbox.handlers);
  await worker.start({
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest,
  });
  return { sandbox, worker };
}
