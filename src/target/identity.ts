/**
 * Loads the Azure SDK's credentials on first use. The shipped bundles find them in the bundle of their
 * own beside them (`dist/azure-identity/index.cjs`, built by scripts/package.mjs), so that the CLI and the
 * Action never parse them on an offline run; from the sources (tests) they come from node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Identity = typeof import('@azure/identity');

let loaded: Identity | undefined;

export function identityLib(): Identity {
  if (loaded) return loaded;
  const here = dirname(fileURLToPath(import.meta.url));
  const load = createRequire(import.meta.url);
  const bundled = [join(here, 'azure-identity', 'index.cjs'), join(here, '..', 'azure-identity', 'index.cjs')].find((p) => existsSync(p));
  // The package name is built at run time so that the bundler leaves this require to Node.
  loaded = (bundled ? load(bundled) : load(['@azure', 'identity'].join('/'))) as Identity;
  return loaded;
}
