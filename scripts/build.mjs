// Builds the CDN loader and its chunks, the classic CDN file, the npm modules with their type
// declarations and element manifest, then prints the sizes and the CDN files' SRI hashes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--mode', 'loader', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'npm', '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
// tsc emits declarations for .ts files only; the generated API types are already one.
copyFileSync('src/api/schema.d.ts', 'dist/types/api/schema.d.ts');
run('node', ['scripts/dist-manifest.mjs']);
run('node', ['scripts/size.mjs']);

// For `integrity` on the script tags. The loader's hash covers the loader only: the chunks it
// fetches are named by content, and the package's version is in every CDN path.
const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

console.log('Subresource Integrity:');
for (const file of ['dist/cdn/loader.js', 'dist/cdn/circle-widgets.js']) {
  console.log(`  ${file.padEnd(28)} ${sri(file)}`);
}
console.log(`\n<script type="module" crossorigin="anonymous"
  src="https://cdn.jsdelivr.net/npm/circle-widgets@${version}/dist/cdn/loader.js"
  integrity="${sri('dist/cdn/loader.js')}"
  data-token-endpoint="/api/circle-token"></script>\n`);
