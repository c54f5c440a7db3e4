// The size budgets of the CDN build, in kB of minified then gzipped code (1 kB = 1,000 bytes):
// `npm run size` checks them all. The parts are listed in scripts/cdn-chunks.mjs.
import { cdnParts } from './scripts/cdn-chunks.mjs';

export default cdnParts().map((part) => ({
  name: part.name,
  path: part.files,
  gzip: true,
  ...(part.limit === undefined ? {} : { limit: `${part.limit} kB` }),
}));
