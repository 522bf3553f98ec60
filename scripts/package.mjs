// Builds the two bundles FlowGuard ships: dist/index.js (the action) and dist/cli/index.js (the CLI).
// ncc output is deterministic, so CI can rebuild and compare with what is committed.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const ncc = (entry, out, extra = []) => execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '-q', ...extra], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
ncc('src/index.ts', 'dist');
ncc('src/cli/index.ts', 'dist/cli');
// The Azure SDK's credentials, for the opt-in target check: a CommonJS bundle of their own, loaded by
// path only when a credential is built (src/target/identity.ts), so an offline run never parses them.
// `open` is required by @azure/identity only for its interactive browser sign-in, which FlowGuard never
// uses: left out, so the bundle is one file without a chunk and a copied xdg-open script.
ncc('src/target/azure-identity.cjs', 'dist/azure-identity', ['-e', 'open']);
