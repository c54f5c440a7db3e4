// The limits `npm test` enforces: the budgets of .size-limit.mjs that the build meets today, and
// for the parts in UNMET_BUDGETS their ceilings, so they can't grow unnoticed; `npm run size`
// checks every real budget and fails while any is over.
import { resolve } from 'node:path';

import { UNMET_BUDGETS } from './cdn-chunks.mjs';
import checks from '../.size-limit.mjs';

const root = resolve(import.meta.dirname, '..');

export default checks.map(({ limit, ...check }) => ({
  ...check,
  // size-limit reads paths relative to this file's folder.
  path: check.path.map((file) => resolve(root, file)),
  ...(check.name in UNMET_BUDGETS
    ? { name: `${check.name} (over its ${limit} budget)`, limit: `${UNMET_BUDGETS[check.name]} kB` }
    : { limit }),
}));
