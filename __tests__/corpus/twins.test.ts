import { beforeAll, expect, it } from '@jest/globals';
import { workingTree } from '../../src/source/folder.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import type { Solution, Workspace } from '../../src/model/types.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';

/** The same solution exported as a zip and unpacked with SolutionPackager. */
const TWINS = [
  ['pnp-contoso-school', 'pnp-contoso-school-src'],
  ['pnp-patch-tuesday', 'pnp-patch-tuesday-src'],
  ['pnp-sharepoint-site-assistant', 'pnp-sharepoint-site-assistant-src'],
] as const;

/** What must agree between layouts: everything but where it was read and the export's managed flag. */
function essence(s: Solution): unknown {
  return {
    uniqueName: s.uniqueName,
    connectionReferences: s.connectionReferences.map(({ origin: _o, ...rest }) => rest),
    flows: s.flows.map(({ origin: _o, metaOrigin: _m, ...rest }) => rest),
    apps: s.apps.map((a) => ({
      name: a.name,
      displayName: a.displayName,
      document: a.document,
      calls: a.calls.map(({ origin: _o, binding, formulas, ...rest }) => ({
        ...rest,
        binding: { ...binding, solutionPath: undefined },
        // Call sites are compared without their file: each layout keeps the app in another place.
        formulas: formulas && { ...formulas, callSites: formulas.callSites.map(({ location, ...site }) => ({ ...site, inner: location.inner?.slice(location.inner.lastIndexOf('!/') + 1).replace(/^\//, '') })) },
      })),
      secrets: a.secrets.map((x) => x.dataSource),
    })),
  };
}

describeCorpus('corpus: zip and unpacked twins read the same', () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await loadWorkspace(await workingTree(CORPUS, TWINS.flat()));
  });
  const one = (folder: string): Solution => {
    const found = workspace.solutions.filter((s) => s.path === folder || s.path.startsWith(`${folder}/`));
    expect(found).toHaveLength(1);
    return found[0] as Solution;
  };

  it.each(TWINS.map(([z, u]) => [z, u]))('%s = %s', (zip, unpacked) => {
    const a = one(zip);
    const b = one(unpacked);
    expect(a.layout).toBe('zip');
    expect(b.layout).toBe('unpacked');
    expect(a.apps.flatMap((x) => x.calls).length).toBeGreaterThan(0);
    expect(a.apps.flatMap((x) => x.calls).every((c) => c.binding.flowId !== undefined)).toBe(true);
    expect(essence(b)).toEqual(essence(a));
  });
});
