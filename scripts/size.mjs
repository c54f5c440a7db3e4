// Prints what each built file costs a visitor: raw, and compressed as a CDN would serve it.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const files = ['dist/cdn/circle-widgets.js', 'dist/index.js'];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

console.log('\nfile                              minified     gzip   brotli');
for (const file of files) {
  const bytes = readFileSync(file);
  console.log(
    file.padEnd(32),
    kb(bytes.length).padStart(10),
    kb(gzipSync(bytes, { level: 9 }).length).padStart(8),
    kb(brotliCompressSync(bytes).length).padStart(8),
  );
}
console.log('(dist/index.js is the unminified npm module; its dependencies stay external)\n');
