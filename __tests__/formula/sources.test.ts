import { beforeAll, describe, expect, it } from '@jest/globals';
import JSZip from 'jszip';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { controlsJsonFormulas, formulaEntries, fxYamlFormulas, paYamlFormulas, readFormulaSources } from '../../src/formula/sources.js';
import type { FormulaSource } from '../../src/formula/types.js';
import { InputError } from '../../src/source/limits.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';

/** screen › control.property = script, for compact assertions. */
function lines(fs: FormulaSource[]): string[] {
  return fs.map((f) => `${f.screen} › ${f.control}.${f.property} = ${f.script}`);
}

function expectPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  expect(probe['polluted']).toBeUndefined();
  expect(probe['Rules']).toBeUndefined();
  expect(probe['Properties']).toBeUndefined();
  expect(probe['OnSelect']).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Controls/<n>.json
// ---------------------------------------------------------------------------------------------

const rule = (Property: string, InvariantScript: string): Record<string, string> => ({ Property, Category: 'Behavior', InvariantScript, RuleProviderType: 'User' });
const control = (Name: string, template: string, Rules: unknown[], Children: unknown[] = []): Record<string, unknown> => ({
  Type: 'ControlInfo',
  Name,
  Template: { Id: `http://microsoft.com/appmagic/${template}`, Name: template },
  Rules,
  Children,
});

describe('controlsJsonFormulas', () => {
  it('reads a screen with nested containers and a gallery, in document order, giving the gallery its template rules', () => {
    const screen = control('Home Screen', 'screen', [rule('OnVisible', 'Set(varX, 1)'), rule('Fill', 'Color.White')], [
      control('conMain', 'groupContainer', [rule('Height', 'Parent.Height')], [
        control('galItems', 'gallery', [rule('Items', 'colItems')], [
          control('galleryTemplate1', 'galleryTemplate', [rule('TemplateFill', 'RGBA(0,0,0,0)'), rule('OnSelect', "Navigate('Details')")]),
          control('lblTitle', 'label', [rule('Text', 'ThisItem.Title')]),
        ]),
        control('btnSubmit', 'button', [rule('OnSelect', 'Set(varResp, SubmitRequest.Run(txtName.Text, 2));\r\nNotify("ok")'), rule('Text', '"Submit"')]),
      ]),
    ]);
    const got = controlsJsonFormulas(JSON.stringify({ TopParent: screen }), 'Controls\\4.json');
    expect(lines(got)).toEqual([
      'Home Screen › Home Screen.OnVisible = Set(varX, 1)',
      'Home Screen › Home Screen.Fill = Color.White',
      'Home Screen › conMain.Height = Parent.Height',
      'Home Screen › galItems.Items = colItems',
      'Home Screen › galItems.TemplateFill = RGBA(0,0,0,0)',
      "Home Screen › galItems.OnSelect = Navigate('Details')",
      'Home Screen › lblTitle.Text = ThisItem.Title',
      'Home Screen › btnSubmit.OnSelect = Set(varResp, SubmitRequest.Run(txtName.Text, 2));\r\nNotify("ok")',
      'Home Screen › btnSubmit.Text = "Submit"',
    ]);
    // The script is kept verbatim (no trimming, CRLF kept); the inner name is normalised to forward slashes.
    expect(got.every((f) => f.inner === 'Controls/4.json')).toBe(true);
  });

  it('reads the App object (OnStart, named Formulas, the Host child) and skips empty scripts', () => {
    const app = control('App', 'appinfo', [
      rule('OnStart', 'Set(gblUser, User());\nClearCollect(colA, GetItems.Run())'),
      rule('Formulas', 'fxToday = Today();\nfxUser = User();'),
      rule('OnError', ''),
      rule('ConfirmExitMessage', '   \n  '),
      { Property: 'NoScript' },
      { InvariantScript: 'Orphan.Run()' },
      'not a rule',
    ], [control('Host', 'hostControl', [rule('OnNew', 'NewForm(Form1)')])]);
    expect(lines(controlsJsonFormulas(JSON.stringify({ TopParent: app }), 'Controls/1.json'))).toEqual([
      'App › App.OnStart = Set(gblUser, User());\nClearCollect(colA, GetItems.Run())',
      'App › App.Formulas = fxToday = Today();\nfxUser = User();',
      'App › Host.OnNew = NewForm(Form1)',
    ]);
  });

  it('reads a component definition (Components/<n>.json) and responsive-layout DynamicProperties, and accepts a BOM', () => {
    const comp = {
      ...control('HeaderComponent', '886b1a8a77064af2a61a1086d3ff3e12', [rule('ComponentText', '"Text"'), rule('OnReset', 'Notify.Run("x")')], [
        {
          ...control('lblHeader', 'label', [rule('Text', 'HeaderComponent.ComponentText')]),
          DynamicProperties: [
            { PropertyName: 'FillPortions', Rule: rule('FillPortions', '1'), ControlPropertyState: 'FillPortions' },
            { PropertyName: 'LayoutMinWidth' },
          ],
        },
      ]),
    };
    (comp['Template'] as Record<string, unknown>)['IsComponentDefinition'] = true;
    const got = controlsJsonFormulas(`\uFEFF${JSON.stringify({ TopParent: comp })}`, 'Components/4.json');
    expect(lines(got)).toEqual([
      'HeaderComponent › HeaderComponent.ComponentText = "Text"',
      'HeaderComponent › HeaderComponent.OnReset = Notify.Run("x")',
      'HeaderComponent › lblHeader.Text = HeaderComponent.ComponentText',
      'HeaderComponent › lblHeader.FillPortions = 1',
    ]);
  });

  it('refuses invalid JSON and the wrong shape with an InputError naming what is missing', () => {
    const bad: [string, RegExp][] = [
      ['{"TopParent": ', /invalid JSON/],
      ['[1, 2]', /not an object/],
      ['{"Top": {}}', /no "TopParent" object/],
      ['{"TopParent": "Screen1"}', /no "TopParent" object/],
      ['{"TopParent": {"Rules": []}}', /"TopParent" has no "Name"/],
      ['{"TopParent": {"Name": "S", "Rules": {"Property": "X"}}}', /"Rules" of 'S' is not a list/],
      ['{"TopParent": {"Name": "S", "Children": {"Name": "c"}}}', /"Children" of 'S' is not a list/],
      ['{"TopParent": {"Name": "S", "Children": [{"Rules": []}]}}', /a child of 'S' \(in 'S'\) has no "Name"/],
      ['{"TopParent": {"Name": "S", "Children": [42]}}', /a child of 'S' is not an object/],
    ];
    for (const [text, message] of bad) {
      expect(() => controlsJsonFormulas(text, 'Controls/1.json')).toThrow(InputError);
      expect(() => controlsJsonFormulas(text, 'Controls/1.json')).toThrow(message);
    }
  });

  it('walks hostile nesting (20,000 levels) without overflowing the stack', () => {
    const depth = 20_000;
    let text = '';
    for (let i = 0; i < depth; i++) text += `{"Name":"c${i}","Rules":[{"Property":"OnSelect","InvariantScript":"F${i}.Run()"}],"Children":[`;
    text += ']}'.repeat(depth);
    const got = controlsJsonFormulas(`{"TopParent":${text}}`, 'Controls/9.json');
    expect(got).toHaveLength(depth);
    expect(got[depth - 1]).toEqual({ screen: 'c0', control: `c${depth - 1}`, property: 'OnSelect', script: `F${depth - 1}.Run()`, inner: 'Controls/9.json' });
  });

  it('does not read or pollute through __proto__ keys', () => {
    const text =
      '{"__proto__": {"TopParent": {"Name": "Evil"}}, "TopParent": {"Name": "S", "__proto__": {"Rules": [{"Property": "OnSelect", "InvariantScript": "Evil.Run()"}], "polluted": 1},' +
      ' "Rules": [], "Children": [{"Name": "__proto__", "Rules": [{"Property": "__proto__", "InvariantScript": "x"}]}]}}';
    expect(lines(controlsJsonFormulas(text, 'Controls/1.json'))).toEqual(['S › __proto__.__proto__ = x']);
    expectPrototypeClean();
  });
});

// ---------------------------------------------------------------------------------------------
// Src/*.pa.yaml
// ---------------------------------------------------------------------------------------------

const PA_APP = `App:
  Properties:
    Formulas: |
      =fxUser = User();
      fxToday = Today();
    OnStart: |-
      =Set(gblCfg, LoadConfig.Run("prod"));
      ClearCollect(colItems, Items)
    Theme: =PowerAppsTheme
`;

const PA_SCREEN = `Screens:
  Home Screen:
    Properties:
      OnVisible: =Set(varX, 1)
      LoadingSpinnerColor: =RGBA(56, 96, 178, 1)
    Children:
      - conMain:
          Control: GroupContainer@1.3.0
          Variant: ManualLayout
          Properties:
            Height: =Parent.Height
          Children:
            - galItems:
                Control: Gallery@2.15.0
                Variant: BrowseLayout_Vertical_TwoTextOneImageVariant_ver5.0
                Properties:
                  Items: =colItems
                  TemplateFill: =RGBA(0, 0, 0, 0)
                Children:
                  - lblTitle:
                      Control: Label@2.5.1
                      Properties:
                        Text: =ThisItem.Title
      - btnSubmit:
          Control: Button@0.0.45
          Properties:
            OnSelect: |-
              =Set(varResp, 'Submit Request'.Run(txtName.Text, 2)); // "Old.Run(1)"
              Notify("ok")
            Text: Submit
            Tooltip: =
            Visible:
            Width: 200
`;

const PA_COMPONENT = `ComponentDefinitions:
  cmpHeader:
    Description: A header
    AccessAppScope: true
    CustomProperties:
      Title:
        PropertyKind: Input
        DataType: Text
        Default: ="Welcome"
      OnSave:
        PropertyKind: Event
        ReturnType: None
        Parameters:
          - Item:
              DataType: Record
              Default: =Blank()
      Count:
        PropertyKind: Output
        DataType: Number
    Properties:
      Fill: =RGBA(0, 0, 0, 0)
      OnReset: =Reset(txtTitle)
    Children:
      - txtTitle:
          Control: Classic/TextInput@2.3.2
          Properties:
            Default: =cmpHeader.Title
`;

describe('paYamlFormulas', () => {
  it('reads the App object (Formulas, OnStart blocks) and strips the leading =', () => {
    expect(lines(paYamlFormulas(PA_APP, 'Src/App.pa.yaml'))).toEqual([
      'App › App.Formulas = fxUser = User();\nfxToday = Today();\n',
      'App › App.OnStart = Set(gblCfg, LoadConfig.Run("prod"));\nClearCollect(colItems, Items)',
      'App › App.Theme = PowerAppsTheme',
    ]);
  });

  it('reads a screen with nested containers and a gallery; literal, empty and null values are not formulas', () => {
    const got = paYamlFormulas(PA_SCREEN, 'Src/Home Screen.pa.yaml');
    expect(lines(got)).toEqual([
      'Home Screen › Home Screen.LoadingSpinnerColor = RGBA(56, 96, 178, 1)',
      'Home Screen › Home Screen.OnVisible = Set(varX, 1)',
      'Home Screen › conMain.Height = Parent.Height',
      'Home Screen › galItems.Items = colItems',
      'Home Screen › galItems.TemplateFill = RGBA(0, 0, 0, 0)',
      'Home Screen › lblTitle.Text = ThisItem.Title',
      `Home Screen › btnSubmit.OnSelect = Set(varResp, 'Submit Request'.Run(txtName.Text, 2)); // "Old.Run(1)"\nNotify("ok")`,
    ]);
    expect(got.every((f) => f.inner === 'Src/Home Screen.pa.yaml')).toBe(true);
  });

  it('reads a component definition: custom property and parameter defaults, properties, children', () => {
    expect(lines(paYamlFormulas(PA_COMPONENT, 'Src/Components/cmpHeader.pa.yaml'))).toEqual([
      'cmpHeader › cmpHeader.OnSave_Item = Blank()',
      'cmpHeader › cmpHeader.Title = "Welcome"',
      'cmpHeader › cmpHeader.Fill = RGBA(0, 0, 0, 0)',
      'cmpHeader › cmpHeader.OnReset = Reset(txtTitle)',
      'cmpHeader › txtTitle.Default = cmpHeader.Title',
    ]);
  });

  it('reads the 2023–24 preview shape (a top-level <Name>: {Control: …} per file)', () => {
    const text = `Screen1:
  Control: Screen
  Properties:
    OnVisible: =Refresh(Items)
  Children:
  - Gallery1:
      Control: Gallery
      Properties:
        Items: =Accounts
      Children:
      - button12:
          Control: Button
          Properties:
            OnSelect: =Flow1.Run(ThisItem.ID)
`;
    expect(lines(paYamlFormulas(text, 'Src/Screen1.pa.yaml'))).toEqual([
      'Screen1 › Screen1.OnVisible = Refresh(Items)',
      'Screen1 › Gallery1.Items = Accounts',
      'Screen1 › button12.OnSelect = Flow1.Run(ThisItem.ID)',
    ]);
  });

  it('reads early PASopa .pa.yaml files, which are fx.yaml content, with the fx.yaml reader', () => {
    const text = 'Screen1 As screen:\n    Button1 As button:\n        OnSelect: =Flow1.Run()\n';
    expect(lines(paYamlFormulas(text, 'Src/Screen1.pa.yaml'))).toEqual(['Screen1 › Button1.OnSelect = Flow1.Run()']);
  });

  it('accepts CRLF line ends and a BOM; block scalars come back with \\n', () => {
    const text = `\uFEFF${PA_APP}${PA_SCREEN}`.replace(/\n/g, '\r\n');
    const got = paYamlFormulas(text, 'Src/App.pa.yaml');
    expect(got.map((f) => f.script)).toContain('Set(gblCfg, LoadConfig.Run("prod"));\nClearCollect(colItems, Items)');
    expect(got).toHaveLength(3 + 7);
  });

  it('returns nothing for an empty file', () => {
    expect(paYamlFormulas('', 'Src/Empty.pa.yaml')).toEqual([]);
    expect(paYamlFormulas('# only a comment\n', 'Src/Empty.pa.yaml')).toEqual([]);
  });

  it('refuses invalid YAML and shapes that are not pa.yaml with an InputError', () => {
    const bad: [string, RegExp][] = [
      ['Screens:\n  Home: [unclosed\n', /invalid YAML/],
      ['App:\n  Properties:\n    OnStart: =1\n    OnStart: =2\n', /invalid YAML/],
      ['- a\n- b\n', /not a map/],
      ['Screen:\n  Name: sadf\n', /no App, Screens or ComponentDefinitions/],
      ['Screens:\n  Home: {}\nExtra: 1\n', /unexpected top-level key 'Extra'/],
      ['Screens:\n  - Home\n', /"Screens" is not a map/],
      ['Screens:\n  Home:\n    Children:\n      Button1: {}\n      Button2: 3\n', /control 'Button2' in 'Home' is not a map/],
      ['Screens:\n  Home:\n    Children: 3\n', /"Children" of 'Home' is not a list/],
      ['Screens:\n  Home:\n    Children:\n      - {a: {}, b: {}}\n', /child 1 of 'Home' is not a single/],
      ['Screens:\n  Home:\n    Properties: [=1]\n', /"Properties" of 'Home' is not a map/],
      ['Screens:\n  Home:\n    Properties:\n      OnVisible: !custom =Evil.Run()\n', /YAML tag/],
    ];
    for (const [text, message] of bad) {
      expect(() => paYamlFormulas(text, 'Src/X.pa.yaml')).toThrow(InputError);
      expect(() => paYamlFormulas(text, 'Src/X.pa.yaml')).toThrow(message);
    }
  });

  it('refuses an alias bomb with an InputError instead of expanding it', () => {
    const bomb = [
      'App:',
      '  Properties:',
      '    a: &a [x, x, x, x, x, x, x, x, x]',
      '    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
      '',
    ].join('\n');
    expect(() => paYamlFormulas(bomb, 'Src/App.pa.yaml')).toThrow(InputError);
  });

  it('refuses hostile nesting with an InputError, not a stack overflow, and walks deep Children', () => {
    const deep = `Screens:\n  S:\n    Properties:\n      X: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    expect(() => paYamlFormulas(deep, 'Src/S.pa.yaml')).toThrow(InputError);
    // Deep but valid control nesting (deeper than any real app) is read in full; flow style keeps the text small.
    const levels = 40;
    let children = '[]';
    for (let i = levels - 1; i >= 0; i--) children = `[{c${i}: {Control: GroupContainer, Properties: {OnSelect: "=F${i}.Run()"}, Children: ${children}}}]`;
    const got = paYamlFormulas(`Screens: {S: {Children: ${children}}}\n`, 'Src/S.pa.yaml');
    expect(got).toHaveLength(levels);
    expect(got[levels - 1]).toMatchObject({ screen: 'S', control: `c${levels - 1}`, script: `F${levels - 1}.Run()` });
  });

  it('does not read or pollute through __proto__ keys', () => {
    const text = `__proto__:
  polluted: 1
Screens:
  __proto__:
    Properties:
      OnSelect: =Evil.Run()
    polluted: 1
  Home:
    Children:
      - __proto__:
          Control: Button
          Properties:
            __proto__: =x
`;
    // A top-level __proto__ key is an unexpected key, not a prototype.
    expect(() => paYamlFormulas(text, 'Src/Home.pa.yaml')).toThrow(/unexpected top-level key '__proto__'/);
    const inner = text.split('\n').slice(2).join('\n');
    // Inside, __proto__ is just a name: a screen, a control, a property.
    expect(lines(paYamlFormulas(inner, 'Src/Home.pa.yaml'))).toEqual(['Home › __proto__.__proto__ = x', '__proto__ › __proto__.OnSelect = Evil.Run()']);
    expectPrototypeClean();
  });
});

// ---------------------------------------------------------------------------------------------
// Src/*.fx.yaml
// ---------------------------------------------------------------------------------------------

const FX_SCREEN = `"'Send Screen' As screen":
    OnVisible: =UpdateContext({ctxSuccess: false})

    conMain As groupContainer.manualLayoutContainer:
        Height: =Parent.Height

        "'Site Design - Gallery' As gallery.'BrowseLayout_Horizontal_TwoTextOneImageVariant_ver5.0'":
            Items: =_design
            # a comment line, not a property
            OnSelect: |-
                =If(
                    ThisItem.name = "Blank",

                    Navigate('Create a site'),
                        Navigate(Done)
                )
            TemplateFill: =RGBA(0, 0, 0, 0)

            "'Template Title' As label":
                Text: =ThisItem.name

    btnSend As button:
        DisplayMode: =DisplayMode.Edit
        OnSelect: |
            =IfError(
                ForAll(Parents, Sendnotifications.Run(Email, 'Phone Number')),
                Notify("An error: occurred # here", NotificationType.Error)
            );
        Text: ="Send"
        Tooltip: Send it
        X: =406

    "icoPrinter As icon.'3DPrinting'":
        Icon: =Icon.Printing3D
        OnSelect: |+
            =Flow2.Run()

        ZIndex: =3
`;

describe('fxYamlFormulas', () => {
  const expected = [
    'Send Screen › Send Screen.OnVisible = UpdateContext({ctxSuccess: false})',
    'Send Screen › conMain.Height = Parent.Height',
    'Send Screen › Site Design - Gallery.Items = _design',
    `Send Screen › Site Design - Gallery.OnSelect = If(\n    ThisItem.name = "Blank",\n\n    Navigate('Create a site'),\n        Navigate(Done)\n)`,
    'Send Screen › Site Design - Gallery.TemplateFill = RGBA(0, 0, 0, 0)',
    'Send Screen › Template Title.Text = ThisItem.name',
    'Send Screen › btnSend.DisplayMode = DisplayMode.Edit',
    `Send Screen › btnSend.OnSelect = IfError(\n    ForAll(Parents, Sendnotifications.Run(Email, 'Phone Number')),\n    Notify("An error: occurred # here", NotificationType.Error)\n);\n`,
    'Send Screen › btnSend.Text = "Send"',
    'Send Screen › btnSend.X = 406',
    'Send Screen › icoPrinter.Icon = Icon.Printing3D',
    'Send Screen › icoPrinter.OnSelect = Flow2.Run()\n\n',
    'Send Screen › icoPrinter.ZIndex = 3',
  ];

  it('reads a screen with quoted names, nested containers, a gallery and |-, | and |+ blocks; literals are skipped', () => {
    const got = fxYamlFormulas(FX_SCREEN, 'Src/Send Screen.fx.yaml');
    expect(lines(got)).toEqual(expected);
    expect(got.every((f) => f.inner === 'Src/Send Screen.fx.yaml')).toBe(true);
  });

  it('accepts CRLF line ends and a BOM, giving the same formulas with \\n', () => {
    expect(lines(fxYamlFormulas(`\uFEFF${FX_SCREEN.replace(/\n/g, '\r\n')}`, 'Src/Send Screen.fx.yaml'))).toEqual(expected);
  });

  it('reads App.fx.yaml (OnStart block, Formulas, the Host child)', () => {
    const text = [
      'App As appinfo:',
      '    BackEnabled: =false',
      '    Formulas: |-',
      '        =fxUser = User();',
      '        fxToday = Today();',
      '    OnStart: |-',
      '        =Concurrent(',
      '        ',
      '            Set(_sites, GetSites.Run().sites),',
      '    ',
      '            Set(_x, 1)',
      '        )',
      '',
      '    Host As hostControl.DefaultHostControlVariant:',
      '        OnCancel: =false',
      '',
    ].join('\n');
    expect(lines(fxYamlFormulas(text, 'Src/App.fx.yaml'))).toEqual([
      'App › App.BackEnabled = false',
      'App › App.Formulas = fxUser = User();\nfxToday = Today();',
      'App › App.OnStart = Concurrent(\n\n    Set(_sites, GetSites.Run().sites),\n\n    Set(_x, 1)\n)',
      'App › Host.OnCancel = false',
    ]);
  });

  it('reads a component with a function property: ThisProperty and argument defaults', () => {
    const text = `Component1 As CanvasComponent:
    ValidateDates(StartDate As DateTime, EndDate As DateTime):
        StartDate:
            Default: =Now()
            Description: =not read
        ThisProperty:
            Default: =Check.Run(StartDate, EndDate)
    Fill: =RGBA(0, 0, 0, 0)

    Label2 As label:
        Text: |-
            ="valid: " & Component1.ValidateDates(Now(), Now())
`;
    expect(lines(fxYamlFormulas(text, 'Src/Components/Component1.fx.yaml'))).toEqual([
      'Component1 › Component1.ValidateDates_StartDate = Now()',
      'Component1 › Component1.ValidateDates = Check.Run(StartDate, EndDate)',
      'Component1 › Component1.Fill = RGBA(0, 0, 0, 0)',
      'Component1 › Label2.Text = "valid: " & Component1.ValidateDates(Now(), Now())',
    ]);
  });

  it("unescapes delimited names (doubled quotes) and escaped double quotes in keys, and test steps become the case's rules", () => {
    const text = [
      `"'Bob''s Screen' As screen":`,
      `    "'Say \\"Hi\\"' As button":`,
      `        'On Select': =Greet.Run("hi")`,
      `Test_7F478737223C4B69 As AppTest:`,
      `    Suite1 As TestSuite:`,
      `        Case1 As TestCase:`,
      `            OnTestStart: =Set(t, 1)`,
      `            TestStep1 As TestStep:`,
      `                Description: ="Select the button"`,
      `                Value: =Select(Button1)`,
      '',
    ].join('\n');
    expect(lines(fxYamlFormulas(text, 'Src/X.fx.yaml'))).toEqual([
      `Bob's Screen › Say "Hi".On Select = Greet.Run("hi")`,
      'Test_7F478737223C4B69 › Case1.OnTestStart = Set(t, 1)',
      'Test_7F478737223C4B69 › Case1.TestStep1 = Select(Button1)',
    ]);
  });

  it('returns nothing for an empty file or one with only blank and comment lines', () => {
    expect(fxYamlFormulas('', 'Src/App.fx.yaml')).toEqual([]);
    expect(fxYamlFormulas('\uFEFF\r\n# nothing\r\n   \r\n', 'Src/App.fx.yaml')).toEqual([]);
  });

  it('refuses text that is not in the format with an InputError naming the line', () => {
    const bad: [string, RegExp][] = [
      ['OnSelect: =1\n', /line 1: property 'OnSelect' outside any control definition/],
      ['Screen1:\n    X: =1\n', /line 1: 'Screen1' is not a control definition/],
      ['Screen1 As screen:\n    just some text\n', /line 2: expected 'Name: value'/],
      ['Screen1 As screen:\n\tX: =1\n', /line 2: indentation uses a tab/],
      ['Screen1 As screen:\n    X: >\n        =1\n', /line 2: '>' folded values/],
      ['Screen1 As screen:\n    X: |- =1\n', /line 2: content of a '\|' block must start on the next line/],
      ['Screen1 As screen:\n    Items:\n        A: =1\n', /line 2: 'Items' is neither a control/],
      ['---\nScreen1 As screen:\n', /line 1: YAML document markers/],
      ['"Screen1 As screen:\n', /line 1: expected 'Name: value'/],
    ];
    for (const [text, message] of bad) {
      expect(() => fxYamlFormulas(text, 'Src/S.fx.yaml')).toThrow(InputError);
      expect(() => fxYamlFormulas(text, 'Src/S.fx.yaml')).toThrow(message);
    }
  });

  it('reads hostile nesting (3,000 levels) without overflowing the stack', () => {
    const depth = 3000;
    const out: string[] = [];
    for (let i = 0; i < depth; i++) out.push(`${' '.repeat(i)}c${i} As groupContainer:`, `${' '.repeat(i + 1)}OnSelect: =F${i}.Run()`);
    const got = fxYamlFormulas(out.join('\n'), 'Src/Deep.fx.yaml');
    expect(got).toHaveLength(depth);
    expect(got[depth - 1]).toEqual({ screen: 'c0', control: `c${depth - 1}`, property: 'OnSelect', script: `F${depth - 1}.Run()`, inner: 'Src/Deep.fx.yaml' });
  });

  it('treats __proto__ as a name like any other', () => {
    const text = '__proto__ As screen:\n    __proto__ As button:\n        __proto__: =x\n        polluted: =1\n';
    expect(lines(fxYamlFormulas(text, 'Src/P.fx.yaml'))).toEqual(['__proto__ › __proto__.__proto__ = x', '__proto__ › __proto__.polluted = 1']);
    expectPrototypeClean();
  });
});

// ---------------------------------------------------------------------------------------------
// Choosing the entries
// ---------------------------------------------------------------------------------------------

describe('formulaEntries', () => {
  it('prefers Controls/*.json (with Components/*.json) in an .msapp, even a new one with Src/*.pa.yaml', () => {
    const names = [
      'Header.json',
      'Controls/12.json',
      'Controls/4.json',
      'Components/7.json',
      'Controls/Sub/9.json',
      'References/DataSources.json',
      'Src/App.pa.yaml',
      'Src/Home.pa.yaml',
      'Src/_EditorState.pa.yaml',
      'Controls/notes.txt',
    ];
    expect(formulaEntries(names)).toEqual({ format: 'controls-json', names: ['Components/7.json', 'Controls/12.json', 'Controls/4.json'] });
  });

  it('matches case-insensitively, normalises backslashes and keeps the names as given', () => {
    expect(formulaEntries(['CONTROLS\\1.JSON', 'controls/2.Json'])).toEqual({ format: 'controls-json', names: ['CONTROLS/1.JSON', 'controls/2.Json'] });
  });

  it('falls back to Src/**/*.pa.yaml without _EditorState.pa.yaml', () => {
    const names = ['Src/Home.pa.yaml', 'Src/App.pa.yaml', 'Src/Components/Comp.pa.yaml', 'src/_editorstate.PA.YAML', 'Src/_EditorState.pa.yaml', 'Other/Src/X.pa.yaml', 'Header.json'];
    expect(formulaEntries(names)).toEqual({ format: 'pa-yaml', names: ['Src/App.pa.yaml', 'Src/Components/Comp.pa.yaml', 'Src/Home.pa.yaml'] });
  });

  it('reads an unpacked app folder from Src/**/*.fx.yaml, not its Other/Src copy of the msapp files', () => {
    const names = [
      'CanvasManifest.json',
      'Src/Start Screen.fx.yaml',
      'Src/App.fx.yaml',
      'Src/Components/Header.fx.yaml',
      'Src/EditorState/App.editorstate.json',
      'Src/EditorState/Start Screen.editorstate.json',
      'Other/Src/App.pa.yaml',
      'Other/Src/Start Screen.pa.yaml',
      'DataSources/Flow1.json',
    ];
    expect(formulaEntries(names)).toEqual({ format: 'fx-yaml', names: ['Src/App.fx.yaml', 'Src/Components/Header.fx.yaml', 'Src/Start Screen.fx.yaml'] });
  });

  it('uses Other/Src/**/*.pa.yaml only when nothing else is there, and gives no names when there are no formulas', () => {
    expect(formulaEntries(['Other/Src/App.pa.yaml', 'Other/Src/_EditorState.pa.yaml'])).toEqual({ format: 'pa-yaml', names: ['Other/Src/App.pa.yaml'] });
    expect(formulaEntries(['Header.json', 'References/DataSources.json', 'Src/App.json']).names).toEqual([]);
    expect(formulaEntries([]).names).toEqual([]);
  });
});

describe('readFormulaSources', () => {
  it('dispatches on the format', () => {
    const json = JSON.stringify({ TopParent: control('S', 'screen', [rule('OnVisible', 'A.Run()')]) });
    expect(lines(readFormulaSources('controls-json', json, 'Controls/1.json'))).toEqual(['S › S.OnVisible = A.Run()']);
    expect(lines(readFormulaSources('pa-yaml', 'Screens:\n  S:\n    Properties:\n      OnVisible: =B.Run()\n', 'Src/S.pa.yaml'))).toEqual(['S › S.OnVisible = B.Run()']);
    expect(lines(readFormulaSources('fx-yaml', 'S As screen:\n    OnVisible: =C.Run()\n', 'Src/S.fx.yaml'))).toEqual(['S › S.OnVisible = C.Run()']);
    expect(() => readFormulaSources('fx-yaml', json, 'Controls/1.json')).toThrow(InputError);
  });
});

// ---------------------------------------------------------------------------------------------
// The real corpus
// ---------------------------------------------------------------------------------------------

function walkFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) stack.push(p);
      else out.push(p);
    }
  }
  return out.sort();
}

async function msappFormulas(bytes: Uint8Array): Promise<{ format: string; formulas: FormulaSource[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const byName = new Map(Object.keys(zip.files).map((n) => [n.replace(/\\/g, '/'), n]));
  const chosen = formulaEntries([...byName.keys()]);
  const formulas: FormulaSource[] = [];
  for (const name of chosen.names) {
    const file = zip.file(byName.get(name) as string);
    if (!file) throw new Error(`no entry ${name}`);
    formulas.push(...readFormulaSources(chosen.format, await file.async('string'), name));
  }
  return { format: chosen.format, formulas };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
const key = (f: FormulaSource): string => `${f.screen} › ${f.control}.${f.property} = ${norm(f.script)}`;

interface Twin {
  tree: string;
  msapp: string;
  src: string;
}

/** Unpacked trees that carry both `CanvasApps/<app>_DocumentUri.msapp` and `CanvasApps/src/<app>/Src/*.fx.yaml`. */
function twins(): Twin[] {
  const out: Twin[] = [];
  for (const tree of readdirSync(CORPUS).sort()) {
    const apps = join(CORPUS, tree, 'CanvasApps');
    if (!existsSync(apps) || !existsSync(join(apps, 'src'))) continue;
    for (const msapp of readdirSync(apps).filter((n) => n.endsWith('_DocumentUri.msapp'))) {
      const src = join(apps, 'src', msapp.replace(/_DocumentUri\.msapp$/, ''));
      if (existsSync(join(src, 'Src'))) out.push({ tree, msapp: join(apps, msapp), src });
    }
  }
  return out;
}

describeCorpus('corpus: formulas of the msapp (Controls/*.json) and of its unpacked fx.yaml sources', () => {
  const found = twins();
  const readings = new Map<string, { json: FormulaSource[]; fx: FormulaSource[]; fxFormat: string; jsonFormat: string }>();

  beforeAll(async () => {
    for (const t of found) {
      const json = await msappFormulas(readFileSync(t.msapp));
      const names = walkFiles(t.src).map((p) => relative(t.src, p).replace(/\\/g, '/'));
      const chosen = formulaEntries(names);
      const fx = chosen.names.flatMap((n) => readFormulaSources(chosen.format, readFileSync(join(t.src, n), 'utf8'), n));
      readings.set(t.tree, { json: json.formulas, fx, fxFormat: chosen.format, jsonFormat: json.format });
    }
  });

  it('finds the three trees named in the brief (and reads each with the expected format)', () => {
    const trees = found.map((t) => t.tree);
    for (const t of ['pnp-contoso-school-src', 'pnp-patch-tuesday-src', 'pnp-sharepoint-site-assistant-src@2a2154b']) expect(trees).toContain(t);
    for (const t of found) {
      const r = readings.get(t.tree);
      expect(r?.jsonFormat).toBe('controls-json');
      expect(r?.fxFormat).toBe('fx-yaml');
    }
  });

  it.each(twins().map((t) => [t.tree]))('%s: the formulas with .Run( are the same (screen, control, property, script) in both readings', (tree) => {
    const r = readings.get(tree);
    if (!r) throw new Error(`no reading of ${tree}`);
    const runs = (fs: FormulaSource[]): string[] => [...new Set(fs.filter((f) => f.script.includes('.Run(')).map(key))].sort();
    expect(runs(r.json).length).toBeGreaterThan(0);
    expect(runs(r.fx)).toEqual(runs(r.json));
  });

  it.each(twins().map((t) => [t.tree]))('%s: every fx.yaml formula is in the msapp, with the same text up to line ends', (tree) => {
    // PASopa drops rules equal to the control template's default (DefaultValuesTransform), so the msapp has more
    // formulas than the fx.yaml; every formula the fx.yaml does have must be in the msapp, verbatim but for CRLF.
    const r = readings.get(tree);
    if (!r) throw new Error(`no reading of ${tree}`);
    const exact = (f: FormulaSource): string => `${f.screen} › ${f.control}.${f.property} = ${f.script.replace(/\r\n/g, '\n')}`;
    const inJson = new Set(r.json.map(exact));
    expect(r.fx.length).toBeGreaterThan(10);
    expect(r.fx.map(exact).filter((k) => !inJson.has(k))).toEqual([]);
  });
});

describeCorpus('corpus: every canvas app reads', () => {
  it('reads the Controls/*.json formulas of every .msapp (in zips, trees and the legacy package) without an error', async () => {
    const apps: [string, Uint8Array][] = [];
    for (const path of walkFiles(CORPUS)) {
      if (path.endsWith('.msapp')) apps.push([relative(CORPUS, path), readFileSync(path)]);
      if (!path.endsWith('.zip')) continue;
      const zip = await JSZip.loadAsync(readFileSync(path));
      for (const n of Object.keys(zip.files).filter((x) => x.toLowerCase().endsWith('.msapp')).sort()) {
        apps.push([`${relative(CORPUS, path)}!${n}`, await (zip.file(n) as JSZip.JSZipObject).async('uint8array')]);
      }
    }
    expect(apps.length).toBeGreaterThanOrEqual(29);
    expect(apps.map(([n]) => n)).toContain('pnpapps-event-registration-legacy/EventRegistrationApp.zip!Microsoft.PowerApps/apps/1487379417808329917/N5e5b6474-4e63-49df-a258-51012f3b3739-document.msapp');
    for (const [name, bytes] of apps) {
      const { format, formulas } = await msappFormulas(bytes);
      expect([name, format]).toEqual([name, 'controls-json']);
      expect([name, formulas.some((f) => f.screen === 'App' && f.control === 'App')]).toEqual([name, true]);
    }
  });
});
