// Builds the two bundles FlowGuard ships: dist/index.js (the action) and dist/cli/index.js (the CLI).
// ncc output is deterministic, so CI can rebuild and compare with what is committed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = (entry, out) => execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli/index.ts', 'dist/cli');
