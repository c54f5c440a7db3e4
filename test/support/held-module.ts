import { http, passthrough } from 'msw';

import { worker } from './sandbox.js';

/**
 * Holds back the answer to a request for the module at `path` (a source file the test server
 * serves) until the test releases it, to see what happens while its code is on its way.
 */
export function holdModule(path: string): {
  release: () => void;
  /** Whether the module was asked for. */
  asked: () => boolean;
  /** Whether its answer has gone back to the page. */
  answered: () => boolean;
} {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  let answered = false;
  worker.use(
    http.get(path, async () => {
      asked = true;
      await gate;
      answered = true;
      return passthrough();
    }),
  );
  return { release, asked: () => asked, answered: () => answered };
}
