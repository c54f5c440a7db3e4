/**
 * One sandbox community per test page: every test file imports `sandbox` and `worker` from here.
 * Unhandled requests fail the test, and each test starts from fresh data and handlers.
 *
 * It also makes every test a contract check of the client: each request to the Member API must
 * be a method, path and query that Circle's OpenAPI document declares.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

import { startSandbox } from '../../demo/sandbox/browser.js';
import { assertRequestInSpec, isMemberApiUrl } from './contract.js';

export const { sandbox, worker } = await startSandbox({ onUnhandledRequest: 'error' });

const requestsOutsideSpec: string[] = [];
worker.events.on('request:start', ({ request }) => {
  if (!isMemberApiUrl(request.url)) return;
  try {
    assertRequestInSpec(request.method, request.url);
  } catch (error) {
    requestsOutsideSpec.push((error as Error).message);
  }
});

// The feed's virtualizer measures cards as they render; Chrome reports a benign
// "ResizeObserver loop" error for that, which would otherwise fail whichever test is running.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

// Root hook: the page starts focused, as a reader's would (see web-test-runner.config.mjs).
before(async () => {
  await executeServerCommand('focus-page');
});

// Root hook: runs after every test of every file on this page.
afterEach(() => {
  worker.resetHandlers();
  sandbox.reset();

  const outside = requestsOutsideSpec.splice(0);
  if (outside.length > 0) {
    throw new Error(`Requests outside Circle's Member API document:\n${outside.join('\n')}`);
  }
});
