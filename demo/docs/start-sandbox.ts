// The docs pages run on the sandbox community, like the demo: it starts before the widgets load,
// so their first requests reach it.
import { startSandbox } from '../sandbox/browser.js';
import type { Sandbox } from '../sandbox/browser.js';

/** Starts the sandbox, then registers the widgets. */
export async function startDocsSandbox(): Promise<Sandbox> {
  const { sandbox } = await startSandbox({ onUnhandledRequest: 'bypass' });
  await import('../../src/index.js');
  return sandbox;
}
