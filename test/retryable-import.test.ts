import { worker } from './support/sandbox.js';
import { expect } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';

import { retryableImport } from '../src/utils/retryable-import.js';

const MODULE = '/test/fixtures/lazy/greeting.ts';

describe('retryableImport', () => {
  it('fetches again after a failure, at a new address each time, then shares the module', async () => {
    const queries: string[] = [];
    let reachable = false;
    worker.use(
      http.get(MODULE, ({ request }) => {
        queries.push(new URL(request.url).search);
        return reachable ? passthrough() : HttpResponse.error();
      }),
    );
    const load = retryableImport(() => import('./fixtures/lazy/greeting.js'));

    const failures = await Promise.allSettled([load(), load()]);
    expect(failures.map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
    expect(queries, 'two calls at once share one fetch').to.deep.equal(['']);

    await load().catch(() => undefined);
    expect(queries).to.deep.equal(['', '?retry=1']);

    reachable = true;
    const [first, second] = await Promise.all([load(), load()]);
    expect(first.greeting).to.equal('Hello from a module that arrived');
    expect(second).to.equal(first);
    expect(await load()).to.equal(first);
    expect(queries).to.deep.equal(['', '?retry=1', '?retry=2']);
  });

  it('asks nothing of the network while the browser is offline, and fetches once it is back', async () => {
    const requests: string[] = [];
    worker.use(
      http.get('/test/fixtures/lazy-greeting.ts', ({ request }) => {
        requests.push(request.url);
        return passthrough();
      }),
    );
    const load = retryableImport(() => import('./fixtures/lazy-greeting.js'));
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
    try {
      const offline = await load().then(
        () => 'loaded',
        (error: Error) => error.message,
      );
      expect(offline).to.equal('The browser is offline.');
      expect(requests, 'fetched while offline').to.deep.equal([]);
    } finally {
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }

    // Nothing failed for the browser to remember: the plain address is fetched once back online.
    expect((await load()).greet()).to.equal('Hello from a fetched module');
    expect(requests.map((url) => new URL(url).search)).to.deep.equal(['']);
  });

  it("leaves a bundler's failed chunk to the bundler, and only imports again", async () => {
    const requests: string[] = [];
    worker.use(
      http.get('/test/fixtures/lazy-greeting.ts', ({ request }) => {
        requests.push(request.url);
        return passthrough();
      }),
    );
    // webpack's chunk loader names the file too, but fetches it again itself on the next import.
    const address = `${location.origin}/test/fixtures/lazy-greeting.ts`;
    let imports = 0;
    const load = retryableImport<{ greet: () => string }>(() => {
      imports += 1;
      return imports === 1
        ? Promise.reject(new Error(`Loading chunk 7 failed.\n(error: ${address})`))
        : Promise.resolve({ greet: () => 'Hello from the bundler' });
    });

    await load().catch(() => undefined);
    expect((await load()).greet()).to.equal('Hello from the bundler');
    expect(imports).to.equal(2);
    expect(requests, 'asked for the file by its address').to.deep.equal([]);
  });
});
