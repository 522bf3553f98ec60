import { describe, expect, it } from '@jest/globals';
import { analyzeFormulas } from '../../src/formula/analyze.js';
import { callText, findCalls } from '../../src/formula/calls.js';
import type { CallInFormula, FormulaSource, ResultUse } from '../../src/formula/types.js';

const FLOWS = [
  'SubmitRequest',
  'AutomationProjects-RefreshthroughPowerApps',
  'GetDataverseSolutionArtifacts',
  'FetchAutomationKitReleases',
  "Bob's Flow",
];

function fx(control: string, property: string, script: string, screen = 'Home'): FormulaSource {
  return { screen, control, property, script, inner: `Src/${screen}.pa.yaml` };
}

const calls = (script: string): CallInFormula[] =>
  findCalls(script, FLOWS).map(({ dataSource, arguments: args, text, use }) => ({
    dataSource,
    arguments: args,
    text,
    use,
  }));
const uses = (script: string): ResultUse[] => calls(script).map((c) => c.use);

describe('call sites and the lexical rules', () => {
  it('ignores .Run( inside string literals, also around "" escapes', () => {
    expect(calls('Notify("SubmitRequest.Run(txtTitle.Text) failed")')).toEqual([]);
    expect(calls('Notify("He said ""SubmitRequest.Run(x)"" twice")')).toEqual([]);
    expect(calls('Notify("""" & SubmitRequest.Run(x).message)')).toHaveLength(1);
  });

  it('finds a call inside the code part of an interpolated string', () => {
    expect(calls('Notify($"Sent: {SubmitRequest.Run(txtTitle.Text).status} ok")')).toEqual([
      {
        dataSource: 'SubmitRequest',
        arguments: 1,
        text: 'SubmitRequest.Run(txtTitle.Text).status',
        use: { kind: 'field', field: 'status' },
      },
    ]);
    expect(uses('Notify($"Sent: {SubmitRequest.Run(1)}")')).toEqual([{ kind: 'untraced', why: 'used in a string' }]);
  });

  it('does not take {{…}} text in an interpolation as code', () => {
    expect(calls('Notify($"{{SubmitRequest.Run(1)}}")')).toEqual([]);
  });

  it("matches 'quoted' data source names with '' and [@Name]", () => {
    expect(calls("'Bob''s Flow'.Run(1)").map((c) => c.dataSource)).toEqual(["Bob's Flow"]);
    expect(calls("'AutomationProjects-RefreshthroughPowerApps'.Run();Refresh('Automation Projects')")).toEqual([
      {
        dataSource: 'AutomationProjects-RefreshthroughPowerApps',
        arguments: 0,
        text: "'AutomationProjects-RefreshthroughPowerApps'.Run()",
        use: { kind: 'discarded' },
      },
    ]);
    expect(calls('[@SubmitRequest].Run(1, 2)').map((c) => [c.dataSource, c.arguments])).toEqual([['SubmitRequest', 2]]);
  });

  it('skips calls kept in comments', () => {
    const script = [
      '// SubmitRequest.Run(txtTitle.Text);',
      '/* Set(varResp, SubmitRequest.Run(txtTitle.Text, 1)) */',
      'FetchAutomationKitReleases.Run() /* .Run( */',
    ].join('\n');
    expect(calls(script).map((c) => c.dataSource)).toEqual(['FetchAutomationKitReleases']);
  });

  it('ignores .Run on names that are not flow data sources, Run without a call and run in lower case', () => {
    expect(calls('Office365Outlook.Run("x"); Set(r, MyConnector.Run(1))')).toEqual([]);
    expect(calls('Set(f, SubmitRequest.Run); SubmitRequest.run(1); submitrequest.Run(1)')).toEqual([]);
    expect(calls('Parent.SubmitRequest.Run(1)')).toEqual([]);
  });

  it('survives unterminated strings and comments, keeping the calls before them', () => {
    expect(calls('SubmitRequest.Run(1); Notify("never closed .Run(')).toHaveLength(1);
    expect(calls('SubmitRequest.Run(1); /* SubmitRequest.Run(2)')).toHaveLength(1);
    expect(uses('Set(v, SubmitRequest.Run(1, "open')).toEqual([{ kind: 'untraced', why: 'unterminated call' }]);
  });

  it('finds every call of a ; chain', () => {
    const script = 'SubmitRequest.Run(1); FetchAutomationKitReleases.Run(); Navigate(Done)';
    expect(calls(script).map((c) => c.dataSource)).toEqual(['SubmitRequest', 'FetchAutomationKitReleases']);
  });
});

describe('argument counting', () => {
  const argCount = (script: string): number[] => calls(script).map((c) => c.arguments);

  it('counts none, positional and nested arguments', () => {
    expect(argCount('FetchAutomationKitReleases.Run()')).toEqual([0]);
    expect(argCount('SubmitRequest.Run(txtTitle.Text, dpDue.SelectedDate, 3)')).toEqual([3]);
    expect(argCount('SubmitRequest.Run(Text(Now(), "yyyy-mm-dd"), Left(txtTitle.Text, 3), [1, 2, 3])')).toEqual([3]);
    expect(argCount('SubmitRequest.Run(If(a, b, c); 2)')).toEqual([1]);
  });

  it('counts a trailing record as one argument', () => {
    expect(argCount('SubmitRequest.Run(txtTitle.Text, {a: 1, b: 2})')).toEqual([2]);
    expect(argCount('Set(varResp, SubmitRequest.Run(txtTitle.Text, dpDue.SelectedDate, {Priority: "High"}))')).toEqual([
      3,
    ]);
  });

  it('counts the arguments of calls nested in arguments separately', () => {
    expect(argCount('SubmitRequest.Run(FetchAutomationKitReleases.Run().tenantid, 2)')).toEqual([2, 0]);
  });
});

describe('call text', () => {
  it('collapses whitespace and includes a following .field', () => {
    const [c] = calls('Set(x,\n  SubmitRequest.Run(\n    txtTitle.Text,\n    1\n  ).\'Request Id\')');
    expect(c?.text).toBe("SubmitRequest.Run( txtTitle.Text, 1 ).'Request Id'");
  });

  it('cuts long call text at 200 characters with an ellipsis', () => {
    const [c] = calls(`SubmitRequest.Run("${'x'.repeat(500)}")`);
    expect(c?.text).toHaveLength(200);
    expect(c?.text.endsWith('…')).toBe(true);
    expect(callText('a   b', 0, 5)).toBe('a b');
    expect(callText(`a${' '.repeat(10_000)}b)`, 0, 10_002)).toBe('a…');
  });
});

describe('result use', () => {
  it('reads the first field after Run, also a quoted one', () => {
    expect(uses('FetchAutomationKitReleases.Run().tenantid')).toEqual([{ kind: 'field', field: 'tenantid' }]);
    expect(uses("Set(id, SubmitRequest.Run(1).'request id'.value)")).toEqual([{ kind: 'field', field: 'request id' }]);
  });

  it('classifies Set, UpdateContext, With, ClearCollect and Collect', () => {
    expect(uses('Set(varResp, SubmitRequest.Run(txtTitle.Text, dpDue.SelectedDate, {Priority: "High"}))')).toEqual([
      { kind: 'global', name: 'varResp' },
    ]);
    expect(uses("UpdateContext({locBusy: true, 'loc Result': SubmitRequest.Run(1)})")).toEqual([
      { kind: 'context', name: 'loc Result' },
    ]);
    expect(uses('With({r: SubmitRequest.Run(1)}, Notify(r.message))')).toEqual([{ kind: 'with', name: 'r' }]);
    expect(uses("ClearCollect(col, GetDataverseSolutionArtifacts.Run(galSolutions.Selected.'Solution Identifier'))")).toEqual(
      [{ kind: 'collection', name: 'col' }],
    );
    expect(uses('Collect(colLog, SubmitRequest.Run(1))')).toEqual([{ kind: 'collection', name: 'colLog' }]);
  });

  it('is a field use when Set stores a field of the result', () => {
    expect(uses('Set(v, SubmitRequest.Run(a).f)')).toEqual([{ kind: 'field', field: 'f' }]);
  });

  it('is discarded for statements: top level, ; chains, IfError, If branches, ForAll bodies, Concurrent', () => {
    const discarded = { kind: 'discarded' };
    expect(uses('SubmitRequest.Run(1)')).toEqual([discarded]);
    expect(uses('SubmitRequest.Run(1); Back()')).toEqual([discarded]);
    expect(uses('Back(); SubmitRequest.Run(1)')).toEqual([discarded]);
    expect(uses('IfError(SubmitRequest.Run(1), Notify("failed", NotificationType.Error))')).toEqual([discarded]);
    expect(uses('If(chk.Value, SubmitRequest.Run(1); Notify("sent"), Back())')).toEqual([discarded]);
    expect(uses('If(chk.Value, Notify("a"), Reset(txt); SubmitRequest.Run(1))')).toEqual([discarded]);
    expect(uses('ForAll(galItems.AllItems, SubmitRequest.Run(ThisRecord.Title))')).toEqual([discarded]);
    expect(uses('ForAll(gal.AllItems As r, IfError(SubmitRequest.Run(r.Id), Notify("x")); Back())')).toEqual([discarded]);
    expect(uses('Concurrent(SubmitRequest.Run(1), FetchAutomationKitReleases.Run())')).toEqual([discarded, discarded]);
    expect(uses('Switch(dd.Selected.Value, "a", SubmitRequest.Run(1), Back())')).toEqual([discarded]);
    expect(uses('(SubmitRequest.Run(1))')).toEqual([discarded]);
  });

  it('follows IfError and If up to the variable they are stored in', () => {
    expect(uses('Set(v, IfError(SubmitRequest.Run(1), Blank()))')).toEqual([{ kind: 'global', name: 'v' }]);
    expect(uses('UpdateContext({r: If(chk.Value, SubmitRequest.Run(1))})')).toEqual([{ kind: 'context', name: 'r' }]);
  });

  it('is untraced when the value goes somewhere not modelled', () => {
    const why = (script: string): string[] =>
      uses(script).map((u) => (u.kind === 'untraced' ? u.why : `not untraced: ${u.kind}`));
    expect(why('Patch(Tasks, Defaults(Tasks), SubmitRequest.Run(1))')).toEqual(['passed to Patch']);
    expect(why('Notify(SubmitRequest.Run(1))')).toEqual(['passed to Notify']);
    expect(why('Set(msg, "Result: " & SubmitRequest.Run(1))')).toEqual(["used in an expression ('&')"]);
    expect(why('Set(v, If(chk.Value, SubmitRequest.Run(1), Blank()) & "")')).toEqual(["used in an expression ('&')"]);
    expect(why('ClearCollect(results, ForAll(gal.AllItems, SubmitRequest.Run(ThisRecord.Id)))')).toEqual([
      'part of a ForAll result that is used',
    ]);
    expect(why('Set(v, ForAll(gal.AllItems, IfError(SubmitRequest.Run(ThisRecord.Id), Blank())))')).toEqual([
      'part of a ForAll result that is used',
    ]);
    expect(why('Set(v, Concurrent(SubmitRequest.Run(1), Back()))')).toEqual(['part of a Concurrent result that is used']);
    expect(why('Patch(Tasks, ThisItem, {Status: SubmitRequest.Run(1)})')).toEqual([
      'stored in a record passed to Patch',
    ]);
    expect(why('If(SubmitRequest.Run(1), Back())')).toEqual(['used as a condition in If']);
    expect(why('If(a, Back(), SubmitRequest.Run(1), Back())')).toEqual(['used as a condition in If']);
    expect(why('Switch(SubmitRequest.Run(1), "a", Back())')).toEqual(['used as a value to match in Switch']);
    expect(why('Collect(SubmitRequest.Run(1), x)')).toEqual(['passed to Collect']);
    expect(why('Navigate(Details, ScreenTransition.None, {locR: SubmitRequest.Run(1)})')).toEqual([
      'stored in a record passed to Navigate',
    ]);
    expect(why('ForAll(SubmitRequest.Run(1), Notify(ThisRecord.x))')).toEqual(['iterated by ForAll']);
    expect(why('Set(v, [SubmitRequest.Run(1)])')).toEqual(['used in a table']);
    expect(why('Office365Outlook.SendEmailV2(SubmitRequest.Run(1), "s", "b")')).toEqual([
      'passed to Office365Outlook.SendEmailV2',
    ]);
    expect(why('Set(v, !SubmitRequest.Run(1))')).toEqual(["used in an expression ('!')"]);
  });
});

describe('analyzeFormulas: output reads', () => {
  const onSubmit = fx(
    'btnSubmit',
    'OnSelect',
    'Set(varResp, SubmitRequest.Run(txtTitle.Text, dpDue.SelectedDate, {Priority: "High"}))',
  );

  it('follows a global variable into every screen', () => {
    const facts = analyzeFormulas(
      [
        onSubmit,
        fx('lblStatus', 'Text', 'varResp.status'),
        fx('lblId', 'Text', "Text('varResp'.'request id'.value)", 'Details'),
        fx('lblOther', 'Text', 'varOther.status'),
      ],
      FLOWS,
    );
    expect(facts.outputReads).toEqual([
      {
        dataSource: 'SubmitRequest',
        output: 'request id',
        screen: 'Details',
        control: 'lblId',
        property: 'Text',
        inner: 'Src/Details.pa.yaml',
        via: "varResp.'request id' (Set in btnSubmit.OnSelect)",
      },
      {
        dataSource: 'SubmitRequest',
        output: 'status',
        screen: 'Home',
        control: 'lblStatus',
        property: 'Text',
        inner: 'Src/Home.pa.yaml',
        via: 'varResp.status (Set in btnSubmit.OnSelect)',
      },
    ]);
    expect(facts.traced.get('SubmitRequest')).toBe(true);
    expect(facts.untraced.get('SubmitRequest')).toEqual([]);
  });

  it('follows a context variable only on its own screen', () => {
    const facts = analyzeFormulas(
      [
        fx('btnGo', 'OnSelect', 'UpdateContext({locResult: SubmitRequest.Run(1)})'),
        fx('lblHere', 'Text', 'locResult.message'),
        fx('lblThere', 'Text', 'locResult.elsewhere', 'Details'),
      ],
      FLOWS,
    );
    expect(facts.outputReads.map((r) => [r.control, r.output, r.via])).toEqual([
      ['lblHere', 'message', 'locResult.message (UpdateContext in btnGo.OnSelect)'],
    ]);
  });

  it('follows a With name inside the body only', () => {
    const facts = analyzeFormulas(
      [
        fx(
          'btnGo',
          'OnSelect',
          'With({r: SubmitRequest.Run(1)}, If(r.ok = "yes", Notify(r.message))); Notify(r.outside)',
        ),
        fx('lbl', 'Text', 'r.elsewhere'),
      ],
      FLOWS,
    );
    expect(facts.outputReads.map((r) => [r.output, r.via])).toEqual([
      ['ok', 'r.ok (With in btnGo.OnSelect)'],
      ['message', 'r.message (With in btnGo.OnSelect)'],
    ]);
    expect(facts.traced.get('SubmitRequest')).toBe(true);
  });

  it('records a field use at the call site', () => {
    const facts = analyzeFormulas(
      [fx('App', 'OnStart', 'Set(tenant, FetchAutomationKitReleases.Run().tenantid)', 'App')],
      FLOWS,
    );
    expect(facts.outputReads).toEqual([
      {
        dataSource: 'FetchAutomationKitReleases',
        output: 'tenantid',
        screen: 'App',
        control: 'App',
        property: 'OnStart',
        inner: 'Src/App.pa.yaml',
        via: 'FetchAutomationKitReleases.Run(…).tenantid',
      },
    ]);
    expect(facts.traced.get('FetchAutomationKitReleases')).toBe(true);
  });

  it('reads v.field.sub as field, and ignores IsBlank/IsEmpty/IsError checks', () => {
    const facts = analyzeFormulas(
      [
        onSubmit,
        fx('lbl', 'Text', 'If(IsBlank(varResp) || IsError(varResp), "", varResp.detail.code)'),
        fx('lbl2', 'Visible', '!IsEmpty(varResp)'),
      ],
      FLOWS,
    );
    expect(facts.outputReads.map((r) => r.output)).toEqual(['detail']);
    expect(facts.traced.get('SubmitRequest')).toBe(true);
  });

  it('makes the call untraced when the variable is used as a whole', () => {
    const facts = analyzeFormulas([onSubmit, fx('lbl', 'Text', 'Text(varResp)'), fx('lbl2', 'Text', 'varResp.ok')], FLOWS);
    expect(facts.traced.get('SubmitRequest')).toBe(false);
    expect(facts.untraced.get('SubmitRequest')).toEqual(['variable varResp used as a whole in lbl.Text']);
    expect(facts.outputReads.map((r) => r.output)).toEqual(['ok']);
  });

  it('finds reads in the formula that sets the variable, and a Set target is not a use', () => {
    const facts = analyzeFormulas(
      [fx('btn', 'OnSelect', 'Set(varResp, SubmitRequest.Run(1)); If(varResp.ok, Notify(varResp.message)); Set(varResp, Blank())')],
      FLOWS,
    );
    expect(facts.outputReads.map((r) => r.output)).toEqual(['ok', 'message']);
    expect(facts.traced.get('SubmitRequest')).toBe(true);
  });

  it('still reports reads when the variable is also Set from elsewhere', () => {
    const facts = analyzeFormulas(
      [onSubmit, fx('btnReset', 'OnSelect', 'Set(varResp, Blank())'), fx('lbl', 'Text', 'varResp.status')],
      FLOWS,
    );
    expect(facts.outputReads.map((r) => r.output)).toEqual(['status']);
    expect(facts.traced.get('SubmitRequest')).toBe(true);
  });

  it('does not follow a collection', () => {
    const facts = analyzeFormulas(
      [
        fx(
          'btnLoad',
          'OnSelect',
          "ClearCollect(col, GetDataverseSolutionArtifacts.Run(galSolutions.Selected.'Solution Identifier'))",
        ),
        fx('gal', 'Items', 'col'),
        fx('lbl', 'Text', 'First(col).name & col.kind'),
      ],
      FLOWS,
    );
    expect(facts.outputReads).toEqual([]);
    expect(facts.traced.get('GetDataverseSolutionArtifacts')).toBe(false);
    expect(facts.untraced.get('GetDataverseSolutionArtifacts')).toEqual(['result collected into col in btnLoad.OnSelect']);
  });
});

describe('analyzeFormulas: traced and untraced', () => {
  it('is traced only when every call is followed, with sorted, deduplicated reasons', () => {
    const facts = analyzeFormulas(
      [
        fx('btnA', 'OnSelect', 'SubmitRequest.Run(1)'),
        fx('btnB', 'OnSelect', 'Notify(SubmitRequest.Run(2)); Patch(T, Defaults(T), SubmitRequest.Run(3))'),
        fx('btnC', 'OnSelect', 'Notify(SubmitRequest.Run(2))'),
        fx('btnD', 'OnSelect', "'AutomationProjects-RefreshthroughPowerApps'.Run();Refresh('Automation Projects')"),
      ],
      FLOWS,
    );
    expect(facts.traced).toEqual(
      new Map([
        ['AutomationProjects-RefreshthroughPowerApps', true],
        ['SubmitRequest', false],
      ]),
    );
    expect(facts.untraced.get('SubmitRequest')).toEqual([
      'passed to Notify in btnB.OnSelect',
      'passed to Notify in btnC.OnSelect',
      'passed to Patch in btnB.OnSelect',
    ]);
    expect(facts.traced.has('FetchAutomationKitReleases')).toBe(false);
    expect(facts.untraced.has('FetchAutomationKitReleases')).toBe(false);
  });

  it('reports call sites with their place', () => {
    const facts = analyzeFormulas([fx('btnA', 'OnSelect', 'Back(); SubmitRequest.Run(1, {a: 1, b: 2})')], FLOWS);
    expect(facts.callSites).toEqual([
      {
        dataSource: 'SubmitRequest',
        arguments: 2,
        text: 'SubmitRequest.Run(1, {a: 1, b: 2})',
        use: { kind: 'discarded' },
        screen: 'Home',
        control: 'btnA',
        property: 'OnSelect',
        inner: 'Src/Home.pa.yaml',
      },
    ]);
  });

  it('finds nothing without flow data sources or calls', () => {
    const facts = analyzeFormulas([fx('btnA', 'OnSelect', 'SubmitRequest.Run(1)')], []);
    expect(facts).toEqual({ callSites: [], outputReads: [], traced: new Map(), untraced: new Map() });
    expect(analyzeFormulas([fx('lbl', 'Text', '"Run"')], FLOWS).callSites).toEqual([]);
  });
});

describe('analyzeFormulas: determinism and scale', () => {
  const sources = [
    fx('btnSubmit', 'OnSelect', 'Set(varResp, SubmitRequest.Run(1)); SubmitRequest.Run(2).id', 'Home'),
    fx('lblB', 'Text', 'varResp.b & varResp.a', 'Details'),
    fx('lblA', 'Text', 'varResp.c', 'Details'),
    fx('App', 'OnStart', 'FetchAutomationKitReleases.Run().tenantid', 'App'),
    { ...fx('lblZ', 'Text', 'varResp.z', 'Home'), inner: 'Controls/4.json' },
  ];

  it('gives the same, sorted output for any order of sources', () => {
    const reversed = analyzeFormulas([...sources].reverse(), FLOWS);
    const forward = analyzeFormulas(sources, FLOWS);
    expect(reversed).toEqual(forward);
    expect(forward.outputReads.map((r) => `${r.inner} ${r.control} ${r.output}`)).toEqual([
      'Controls/4.json lblZ z',
      'Src/App.pa.yaml App tenantid',
      'Src/Details.pa.yaml lblA c',
      'Src/Details.pa.yaml lblB b',
      'Src/Details.pa.yaml lblB a',
      'Src/Home.pa.yaml btnSubmit id',
    ]);
    expect(forward.callSites.map((c) => c.text)).toEqual([
      'FetchAutomationKitReleases.Run().tenantid',
      'SubmitRequest.Run(1)',
      'SubmitRequest.Run(2).id',
    ]);
  });

  it('handles many formulas and deep nesting quickly', () => {
    const many: FormulaSource[] = [];
    for (let i = 0; i < 2000; i++) {
      many.push(fx(`btn${i}`, 'OnSelect', `Set(v${i % 50}, SubmitRequest.Run(${i}))`));
      many.push(fx(`lbl${i}`, 'Text', `v${i % 50}.status & " " & Text(Now())`));
    }
    many.push(fx('deep', 'OnSelect', `${'Concurrent('.repeat(5000)}SubmitRequest.Run(1)${')'.repeat(5000)}`));
    const started = Date.now();
    const facts = analyzeFormulas(many, FLOWS);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(facts.callSites).toHaveLength(2001);
    expect(facts.untraced.get('SubmitRequest')).toEqual(['nested too deeply to follow in deep.OnSelect']);
  });

  it('stays fast for long argument lists of calls and calls nested in calls', () => {
    const siblings = `Concurrent(${Array.from({ length: 20_000 }, (_, i) => `SubmitRequest.Run(${i})`).join(', ')})`;
    const nested = `${'SubmitRequest.Run(1, '.repeat(20_000)}2${')'.repeat(20_000)}`;
    const started = Date.now();
    const wide = findCalls(siblings, FLOWS);
    const deep = findCalls(nested, FLOWS);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(wide).toHaveLength(20_000);
    expect(wide.every((c) => c.use.kind === 'discarded')).toBe(true);
    expect(deep).toHaveLength(20_000);
    expect(deep[1]?.use).toEqual({ kind: 'untraced', why: 'passed to SubmitRequest.Run' });
    expect(deep[0]?.text.length).toBe(200);
  });
});
