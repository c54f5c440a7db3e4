// Fails when custom-elements.json no longer matches the source: run `npm run analyze` and commit.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer resolves its output folder against the working directory.
const outdir = join('node_modules', '.cache', 'cem-check');
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs'], {
    stdio: 'ignore',
    env: { ...process.env, CEM_OUTDIR: outdir },
  });
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  let committed = '';
  try {
    committed = readFileSync('custom-elements.json', 'utf8');
  } catch {
    // Reported below as stale.
  }
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
