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
});
