import { it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { DOC_FIXTURES, runExample } from './doc-fixtures.js';
it('prints', async () => {
  let out = '';
  for (const id of Object.keys(DOC_FIXTURES)) {
    const r = await runExample(id);
    out += `===== ${id} (all: ${r.all.map((f) => `${f.ruleId}/${f.severity}`).join(', ')}; diags: ${JSON.stringify(r.diagnostics)})\n${r.text}\n`;
  }
  writeFileSync('/tmp/scratch/examples.txt', out);
});
