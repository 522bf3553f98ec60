import { describe, expect, it } from '@jest/globals';
import { REPORT_MARKER, renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { MAX_CELL_LENGTH, codePoints } from '../../src/report/escape.js';
import type { Finding } from '../../src/rules/types.js';
import {
  FLOW_SUBMIT_ID,
  HOSTILE_APP,
  SECRET_SIG,
  SUBSCRIPTION_ID,
  auditReport,
  cleanReport,
  comparedReport,
  ctx,
  shuffled,
} from './fixtures.js';
import { expectGolden } from './golden.js';

/** The text between a `### heading` and the next `### ` heading (or the end). */
function section(md: string, heading: string): string {
  const start = md.indexOf(`### ${heading}`);
  if (start < 0) throw new Error(`no section ${heading}`);
  const next = md.indexOf('\n### ', start + 4);
  return md.slice(start, next < 0 ? undefined : next);
}

describe('renderMarkdown', () => {
  it('matches the golden comment for an audit (grouped by severity)', () => {
    expectGolden('comment-audit.md', renderMarkdown(auditReport(), ctx(false)));
  });
  it('matches the golden comment for a pull request (new / fixed / already present)', () => {
    expectGolden('comment-compared.md', renderMarkdown(comparedReport(), ctx(true)));
  });
  it('matches the golden comment when nothing is wrong', () => {
    expectGolden('comment-clean.md', renderMarkdown(cleanReport(), ctx(false)));
  });

  it('starts with the hidden marker and a one-line verdict', () => {
    const lines = renderMarkdown(auditReport(), ctx(false)).split('\n');
    expect(lines[0]).toBe(REPORT_MARKER);
    expect(lines[1]).toBe('## ❌ FlowGuard: 3 errors, 2 warnings, 1 note — 2 apps will break at run time · 2 files could not be read');
  });
  it('counts only new findings in the verdict of a pull request', () => {
    const md = renderMarkdown(comparedReport(), ctx(true));
    expect(md.split('\n')[1]).toBe(
      '## ❌ FlowGuard: 2 new errors, 1 new warning (3 already present, 1 fixed) — 2 apps will break at run time · 2 files could not be read',
    );
  });
  it('says so when a pull request adds no problem', () => {
    const r = comparedReport();
    r.findings = r.findings.map((f) => ({ ...f, status: 'existing' as const }));
    r.diagnostics = [];
    expect(renderMarkdown(r, ctx(true)).split('\n')[1]).toBe(
      '## ✅ FlowGuard: no new integration problems in this pull request (6 already present, 1 fixed)',
    );
  });
  it('gives the number of solutions when nothing is wrong, and handles zero solutions', () => {
    expect(renderMarkdown(cleanReport(), ctx(false)).split('\n')[1]).toBe('## ✅ FlowGuard: no integration problems found in 3 solutions');
    const none: Report = { ...cleanReport(), solutions: [] };
    expect(renderMarkdown(none, ctx(false)).split('\n')[1]).toBe('## ℹ️ FlowGuard: no Power Platform solutions found');
  });

  it('puts new findings in the first section, fixed ones one per line, existing ones collapsed', () => {
    const md = renderMarkdown(comparedReport(), ctx(true));
    const added = section(md, 'New in this pull request');
    expect(added).toContain('FG101');
    expect(added).toContain('FG301');
    expect(added).not.toContain('FG201');
    const fixed = section(md, 'Fixed (1)');
    expect(fixed.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1);
    expect(fixed).toContain('FG102');
    const details = md.slice(md.indexOf('<details><summary>Already present'));
    expect(details).toMatch(/^<details><summary>Already present before this pull request \(3\)<\/summary>/);
    const body = details.slice(0, details.indexOf('\n</details>\n\n### '));
    for (const id of ['FG201', 'FG501', 'FG402']) expect(body).toContain(id);
  });

  it('groups findings by app, then flow, worst group first', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    const errors = section(md, 'Errors (3)');
    const headings = errors.split('\n').filter((l) => l.startsWith('#### ') || l.startsWith('**⚡'));
    expect(headings).toEqual([
      '#### 📱 Expense Tracker · solution `ContosoExpenses` (`solutions/ContosoExpenses_1_0_0_3.zip`)',
      `**⚡ Flow: Get approvals** · \`${'7a2b3c4d-5e6f-4a1b-9c8d-abcdefabcdef'}\``,
      `**⚡ Flow: Submit expense** · \`${FLOW_SUBMIT_ID}\``,
      expect.stringMatching(/^#### 📱 &lt;img src=x onerror=alert\\\(1\\\)&gt; @\u200boctocat/),
      `**⚡ Flow: Submit expense** · \`${FLOW_SUBMIT_ID}\``,
    ]);
  });

  it('links each rule to its page and each error code to its documentation', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    expect(md).toContain('**FG101** [flow\\-input\\-added](<https://github.com/example/flowguard/blob/v0.1.0/docs/rules/FG101-flow-input-added.md>)');
    expect(md).toContain('[`WorkflowTriggerIsNotEnabled`](<https://learn.microsoft.com/');
    const noDocs = renderMarkdown(auditReport(), { ...ctx(false), docsBase: '' });
    expect(noDocs).toContain('**FG101** flow\\-input\\-added:');
  });

  it('prints mitigation steps as an ordered list inside a collapsed block', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    expect(md).toContain(
      [
        '<details><summary>How to fix</summary>',
        '',
        '1. Open the app in Power Apps Studio in the development environment\\.',
        "2. Remove flow 'Submit expense' from the app and add it again\\.",
        '3. Save, publish and export the solution again\\.',
        '',
        '</details>',
      ].join('\n'),
    );
  });

  it('shows the path inside an archive next to the file', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    expect(md).toContain(
      'Location: `solutions/ContosoExpenses_1_0_0_3.zip` › `CanvasApps/contoso_expensetracker_a1b2c_DocumentUri.msapp!/References/DataSources.json`',
    );
  });

  it('prints no raw HTML, mention or newline from hostile names', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<script');
    expect(md).not.toMatch(/@octocat/); // only @\u200boctocat
    expect(md).not.toMatch(/(^|[^\\])#12\b/);
    expect(md).not.toContain('](javascript:');
    expect(md).not.toContain('second line #');
    // Every HTML tag in the output is one of ours.
    // (`<https://…>` link destinations are not tags.)
    const tags = new Set([...md.matchAll(/<\/?([a-zA-Z]+)(?=[\s/>])[^>]*>/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'br', 'details', 'sub', 'summary']);
    // The only <a> is the anchor of a finding, its name made of the fingerprint's characters.
    const anchors = [...md.matchAll(/<\/?a\b[^>]*>/g)].map((m) => m[0]);
    expect(anchors.filter((a) => a !== '</a>' && !/^<a name="user-content-fg-[0-9a-z-]+">$/.test(a))).toEqual([]);
  });

  it('shows a changed finding once, with what the base said, and counts it in the headline', () => {
    const r = comparedReport();
    r.findings = r.findings.map((f) =>
      f.fingerprint === 'fp-201-approvals' ? { ...f, status: 'changed' as const, fingerprint: 'fp-201-now', previous: { message: 'Flow was <b>off</b> before.', severity: 'warning' as const, fingerprint: 'fp-201-approvals' } } : f,
    );
    const md = renderMarkdown(r, ctx(true));
    expect(md.split('\n')[1]).toMatch(/^## ❌ FlowGuard: 2 new errors, 1 new warning, 1 changed error \(2 already present, 1 fixed\)/);
    expect(md).toContain('### New or changed in this pull request (4)');
    expect(md).toMatch(/\*\*FG201\*\* \[disabled\\-flow\]\([^)]*\) · changed: /);
    expect(md).toContain('Was: ⚠️ Flow was &lt;b&gt;off&lt;/b&gt; before\\.');
    expect(md).toContain("3 new · 1 changed · 1 fixed");
  });

  describe('the first table', () => {
    const HOSTILE = `${'Very long app name with many words '.repeat(6)}<img src=x> @octocat | pipe _under_ **b** \\ back`;
    const firstTable = (md: string): string[] => {
      const lines = md.split('\n');
      const start = lines.findIndex((l) => l.startsWith('| App → flow |'));
      expect(start).toBeGreaterThan(0);
      const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
      return lines.slice(start + 2, end);
    };
    /** Splits a row on the pipes that are not escaped. */
    const cells = (row: string): string[] => row.slice(2, -2).split(/(?<!\\) \| /);

    it('has one row per app → flow → cause, every cell at most 120 characters, even for hostile names', () => {
      const r = auditReport();
      r.findings = r.findings.map((f) => ({
        ...f,
        app: f.app ? { name: f.app.name, displayName: HOSTILE } : undefined,
        flow: f.flow ? { id: f.flow.id, name: HOSTILE } : undefined,
        brief: HOSTILE,
      }));
      const rows = firstTable(renderMarkdown(r, ctx(false)));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const cs = cells(row);
        expect(cs).toHaveLength(4);
        for (const c of cs) expect(codePoints(c)).toBeLessThanOrEqual(MAX_CELL_LENGTH);
        expect(row).not.toContain('<img');
        expect(row).not.toMatch(/@octocat/);
        // Cut at a word boundary, with an ellipsis, never inside an escape: no cell ends in a lone backslash or a broken entity.
        for (const c of cs) expect(c).not.toMatch(/(^|[^\\])\\…$|&[a-z]*…$/);
      }
      expect(rows.some((row) => row.includes('…'))).toBe(true);
    });

    it('counts the findings of one row that say the same', () => {
      const r = auditReport();
      const one = r.findings.find((f) => f.app && f.flow && f.severity === 'error') as Finding;
      r.findings = [1, 2, 3].map((n) => ({ ...one, fingerprint: `fp-${n}`, brief: 'callback URL with its signature committed' }));
      const rows = firstTable(renderMarkdown(r, ctx(false)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('callback URL with its signature committed \\(3 findings\\)');
    });

    it('puts the findings of one rule on one app and flow in one row, linked to the first', () => {
      const r = auditReport();
      const one = r.findings.find((f) => f.app && f.flow && f.severity === 'error') as Finding;
      r.findings = [one, { ...one, fingerprint: 'fp-second', brief: 'second cause' }, { ...one, fingerprint: 'fp-third', brief: 'third cause' }];
      const md = renderMarkdown(r, ctx(false));
      const rows = firstTable(md);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toContain('second cause; third cause');
      const link = /\]\(#(user-content-fg-[^)]+)\)/.exec(rows[0] ?? '')?.[1];
      expect(link).toBeDefined();
      expect(md).toContain(`<a name="${link}"></a>`);
    });
  });

  it('keeps every dependency-map row a valid six-cell table row despite pipes in names', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    const rows = section(md, 'App → flow dependency map')
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      // Cells split on pipes that are not escaped.
      const cells = row.replace(/\\\\/g, '').split(/(?<!\\)\|/).slice(1, -1);
      expect(cells).toHaveLength(6);
    }
  });

  it('maps each app to the flows it calls, with binding and connection modes', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    const map = section(md, 'App → flow dependency map');
    const submit = map.split('\n').find((l) => l.startsWith('| Expense Tracker | `Submitexpense`'));
    expect(submit).toBe(
      `| Expense Tracker | \`Submitexpense\` | ⚡ **Submit expense**<br>\`${FLOW_SUBMIT_ID}\` | ✅ resolved by \`workflowEntityId\` | \`shared_office365: embedded\`<br>\`shared_sharepointonline: invoker (run-only user)\` | — |`,
    );
    expect(map).toContain('⚠️ low confidence by `name`');
    expect(map).toContain('⚠️ turned off');
    expect(map).toContain('| `Ghost flow` | — | ❌ unresolved | — | — |');
    // The hostile app calls the Contoso flow in another solution.
    expect(map).toContain(`\`${FLOW_SUBMIT_ID}\`<br>in \`ContosoExpenses\``);
    expect(map).toContain('Flows no canvas app here calls: ⚡ Nightly cleanup.');
  });

  it('lists a flow that apps only hold as a data source no formula calls among the flows no app calls', () => {
    const r = auditReport();
    const submitCalls = r.solutions.flatMap((s) => s.apps.flatMap((a) => a.calls)).filter((c) => c.flowId?.toLowerCase().includes(FLOW_SUBMIT_ID.toLowerCase()));
    expect(submitCalls.length).toBeGreaterThan(0);
    for (const c of submitCalls) Object.assign(c, { callSites: [], outputReads: [], traced: true });
    const map = section(renderMarkdown(r, ctx(false)), 'App → flow dependency map');
    expect(map).toContain('Flows no canvas app here calls: ⚡ Nightly cleanup, ⚡ Submit expense.');
    // The data source itself stays in the map, with no formula calling it.
    expect(map.split('\n').find((l) => l.startsWith('| Expense Tracker | `Submitexpense`'))).toMatch(/\| no formula \|$/);
  });

  it('lists changed flows with the apps that call them', () => {
    const md = renderMarkdown(comparedReport(), ctx(true));
    const changes = section(md, 'What changed');
    const submit = changes.split('\n').find((l) => l.includes('Flow **Submit expense**'));
    // Callers sorted by raw display name ('<' sorts before 'E').
    expect(submit).toMatch(/— modified\. Called by 📱 \*\*&lt;img .*\*\* \(`evil_sol\|x`\), 📱 \*\*Expense Tracker\*\*\.$/);
    expect(submit).toContain('(`evil_sol|x`)');
    expect(changes).toContain('Flow **Nightly cleanup**');
    expect(changes).toContain('Not called by any canvas app in these solutions.');
    expect(changes.indexOf('⚡ Flow')).toBeLessThan(changes.indexOf('📱 App'));
    expect(changes).not.toContain(SECRET_SIG);
  });

  it('does not name as a caller an app whose formulas, all read, never call the flow', () => {
    const r = comparedReport();
    const tracker = r.solutions.flatMap((s) => s.apps).find((a) => a.displayName === 'Expense Tracker');
    const call = tracker?.calls.find((c) => c.dataSource === 'Submitexpense');
    if (!call) throw new Error('fixture changed: no Submitexpense call of Expense Tracker');
    Object.assign(call, { callSites: [], outputReads: [], traced: true });
    const submit = section(renderMarkdown(r, ctx(true)), 'What changed')
      .split('\n')
      .find((l) => l.includes('Flow **Submit expense**'));
    expect(submit).toMatch(/— modified\. Called by 📱 \*\*&lt;img .*\*\* \(`evil_sol\|x`\)\.$/);
    expect(submit).not.toContain('Expense Tracker');
    // Formulas read only in part (traced false) prove nothing: the app is still named.
    Object.assign(call, { traced: false });
    expect(section(renderMarkdown(r, ctx(true)), 'What changed')).toContain('📱 **Expense Tracker**');
  });

  it('lists diagnostics collapsed and ends with the footer', () => {
    const md = renderMarkdown(auditReport(), ctx(false));
    expect(md).toContain('<details><summary>Files FlowGuard could not fully read (2)</summary>');
    expect(md).toContain('- ⚠️ `solutions/Broken.zip`: The archive is not a valid zip file\\.');
    expect(md.endsWith('<sub>3 errors · 2 warnings · 1 note — analysed 3 solutions, 2 canvas apps, 4 flows — FlowGuard 0\\.1\\.0</sub>\n')).toBe(true);
  });

  it('never prints secrets', () => {
    for (const md of [renderMarkdown(auditReport(), ctx(false)), renderMarkdown(comparedReport(), ctx(true))]) {
      expect(md).not.toContain(SECRET_SIG);
      expect(md).not.toContain(SUBSCRIPTION_ID);
      expect(md).not.toContain('rg-contoso-prod');
      expect(md).toContain('sig=REDACTED');
    }
  });

  it('is deterministic and independent of the input order of findings, diagnostics and solutions', () => {
    const expected = renderMarkdown(comparedReport(), ctx(true));
    expect(renderMarkdown(comparedReport(), ctx(true))).toBe(expected);
    for (const seed of [1, 2, 3, 42]) {
      const r = comparedReport();
      r.findings = shuffled(r.findings, seed);
      r.diagnostics = shuffled(r.diagnostics, seed);
      r.solutions = shuffled(r.solutions, seed);
      r.changes = shuffled(r.changes ?? [], seed);
      expect(renderMarkdown(r, ctx(true))).toBe(expected);
    }
  });

  it('does not change its input', () => {
    const r = comparedReport();
    const before = JSON.stringify(r);
    renderMarkdown(r, ctx(true));
    expect(JSON.stringify(r)).toBe(before);
  });

  describe('size budget', () => {
    const big = (): Report => {
      const r = comparedReport();
      const many = [];
      for (let i = 0; i < 400; i++) {
        const f = r.findings[i % r.findings.length]!;
        many.push({ ...f, fingerprint: `${f.fingerprint}-${String(i).padStart(3, '0')}`, message: `${f.message} (#${i})` });
      }
      r.findings = many;
      return r;
    };
    it('fits the limit and says it was shortened', () => {
      const full = renderMarkdown(big(), ctx(true), { maxLength: 10_000_000 });
      expect(full).not.toContain('shortened');
      for (const max of [200_000, 60_000, 20_000, 5_000]) {
        const md = renderMarkdown(big(), ctx(true), { maxLength: max });
        expect(md.length).toBeLessThanOrEqual(max);
        expect(md.startsWith(`${REPORT_MARKER}\n## ❌ FlowGuard: `)).toBe(true);
        if (full.length > max) expect(md).toContain("This comment was shortened to fit GitHub's size limit");
      }
    });
    it('drops the already-present bodies before new findings', () => {
      const full = renderMarkdown(big(), ctx(true), { maxLength: 10_000_000 });
      const md = renderMarkdown(big(), ctx(true), { maxLength: full.length - 1 });
      const existing = big().findings.filter((f) => f.status === 'existing').length;
      expect(existing).toBe(201);
      expect(md).toContain(`${existing} findings already present before this pull request (not shown).`);
      expect(md).not.toContain('<details><summary>Already present');
      expect(md).toContain('How to fix');
    });
    it('shows how many findings it left out when it must cut the list', () => {
      const md = renderMarkdown(big(), ctx(true), { maxLength: 5_000 });
      expect(md).toMatch(/…and \d+ more findings not shown here\./);
      expect(md).not.toContain('How to fix');
      // The first table links only to findings the shortened comment still prints.
      const links = [...md.matchAll(/\]\(#(user-content-fg-[^)]+)\)/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThan(0);
      for (const id of links) expect(md).toContain(`<a name="${id}"></a>`);
    });
    it('keeps the default budget of a GitHub comment', () => {
      expect(renderMarkdown(big(), ctx(true)).length).toBeLessThanOrEqual(65_000);
    });
  });
});

it('hostile fixture names are really hostile', () => {
  expect(HOSTILE_APP).toContain('\n');
});
