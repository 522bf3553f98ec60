/**
 * The target check in every report format: the Markdown section (host, what is installed, what was read,
 * one line per target finding), the text block, the JSON `target` object and SARIF's run properties,
 * byte-identical on a second run against the same environment.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { renderContext } from '../../src/report/context.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { PROJECT_ROOT } from '../helpers/corpus.js';
import { BASE, closeFake, FLOW, HEAD, runAgainst } from '../helpers/target-cli.js';
import { addActiveLayer, cleanTargetOf } from '../helpers/target-from-export.js';

afterEach(closeFake);

describe('the target in the reports', () => {
  it('renders the section, lists what will fail there, and is deterministic', async () => {
    const { tables } = await cleanTargetOf(PROJECT_ROOT, [BASE]);
    addActiveLayer(tables, FLOW, 'Workflow');
    tables.connectionreferences[0]!.connectionid = null;
    const { report, fake } = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    const ctx = renderContext(true);
    const md = renderMarkdown(report, ctx);
    const host = new URL(fake.url).host.replace(/\./g, '\\.');
    expect(md).toContain('### 🎯 Target environment');
    expect(md).toContain(`**${host}** — checked`);
    expect(md).toContain('| ContosoRequests | 1\\.0\\.0\\.0 | managed | 1\\.2\\.0\\.0 both |');
    expect(md).toContain('- ❌ **FG601** flow Submit Request: an unmanaged layer in the target hides the update');
    expect(md).toContain('- ❌ **FG604** solution ContosoRequests: connection reference has no connection in the target');
    const text = renderText(report, ctx);
    expect(text).toMatch(/target environment: 127\.0\.0\.1:\d+ \(checked\)/);
    expect(text).toContain('ContosoRequests: installed 1.0.0.0 managed; this export 1.2.0.0 both');
    const sarif = renderSarif(report, ctx);
    expect(sarif.runs[0].properties?.target).toMatchObject({ status: 'checked', host: new URL(fake.url).host });
    expect(sarif.runs[0].tool.driver.rules.find((r) => r.id === 'FG601')?.properties.tags).toContain('target-environment');
    const json = renderJson(report);
    expect(Object.keys(JSON.parse(json))).toEqual(['schemaVersion', 'tool', 'solutions', 'findings', 'fixed', 'changes', 'diagnostics', 'counts', 'target']);

    // The same environment again, on another port: the same bytes but for the host (and the target
    // findings' fingerprints, which name the environment).
    const again = await runAgainst(tables, [HEAD, '--base-path', BASE]);
    const neutral = (s: string, url: string) => s.split(new URL(url).host).join('HOST').replace(/"fingerprint": "[0-9a-f]+"/g, '"fingerprint": "X"');
    expect(neutral(renderJson(again.report), again.fake.url)).toEqual(neutral(json, fake.url));
    expect(renderJson(again.report)).not.toEqual(json);
  });
});
