// Prints what each part of the CDN build costs a visitor: minified, and compressed as a CDN
// would serve it. Budgets are checked by `npm run size` (size-limit, .size-limit.mjs).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { cdnParts } from './cdn-chunks.mjs';

// Compressed the way @size-limit/file measures, one file at a time, so the numbers agree.
const sizes = (file) => {
  const bytes = readFileSync(file);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

console.log(
  `\n${'part'.padEnd(36)}${'files'.padStart(6)}${'min'.padStart(10)}${'gzip'.padStart(10)}` +
    `${'brotli'.padStart(10)}${'budget'.padStart(10)}`,
);
for (const part of cdnParts()) {
  const total = { min: 0, gzip: 0, brotli: 0 };
  for (const file of part.files) {
    const size = sizes(file);
    total.min += size.min;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  const verdict = part.limit === undefined ? '' : total.gzip <= part.limit * 1000 ? ' ok' : ' OVER';
  console.log(
    part.name.padEnd(36) +
      String(part.files.length).padStart(6) +
      kb(total.min).padStart(10) +
      kb(total.gzip).padStart(10) +
      kb(total.brotli).padStart(10) +
      (part.limit === undefined ? '' : `${part.limit} kB`.padStart(10)) +
      verdict,
  );
}
console.log(
  '(an element counts every chunk it brings beyond the loader and the core; budgets are gzip)\n',
);
