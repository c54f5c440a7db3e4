// Builds the npm modules, their type declarations and the CDN file, then prints the sizes.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn']);
run('npx', ['vite', 'build', '--mode', 'npm', '--logLevel', 'warn']);
run('npx', ['tsc', '-p', 'tsconfig.build.json']);
run('node', ['scripts/size.mjs']);
