/**
 * Call sites on real apps: the calls FlowGuard finds in the formulas of corpus apps equal the ones
 * read by hand from their Controls/*.json (screen › control.property, arguments, how the result is
 * used), and the zip, unpacked and canvas-source-only twins of an app give the same call sites.
 * Inline-built apps cover what the corpus lacks: a `.pa.yaml` app and old calls kept in comments.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowCall, Solution } from '../../src/model/types.js';
import { loadWorkspace } from '../../src/model/workspace.js';
import { listWorkingTree } from '../../src/source/folder.js';
import { RepoTree } from '../../src/source/tree.js';
import { CORPUS, describeCorpus } from '../helpers/corpus.js';
import { canvasSourceFiles, memoryTree, msapp, solutionZip, unpackedTree, wadlXml } from '../helpers/solution-builder.js';

/** `Screen › control.property (arguments) use`, the way the expectations below are written. */
function sites(call: FlowCall | undefined): string[] {
  return (call?.formulas?.callSites ?? []).map((s) => `${s.screen} › ${s.control}.${s.property} (${s.arguments}) ${s.use}`);
}

function reads(call: FlowCall | undefined): string[] {
  return (call?.formulas?.outputReads ?? []).map((r) => `${r.output} @ ${r.screen} › ${r.control}.${r.property}`);
}

async function corpusSolution(folder: string, skip: (path: string) => boolean = () => false): Promise<Solution> {
  const files = (await listWorkingTree(CORPUS, [folder])).filter((f) => !skip(f.path));
  const ws = await loadWorkspace(new RepoTree(files, async (p) => readFileSync(join(CORPUS, p))));
  expect(ws.diagnostics).toEqual([]);
  expect(ws.solutions).toHaveLength(1);
  return ws.solutions[0] as Solution;
}

function callOf(s: Solution, dataSource: string): FlowCall | undefined {
  return s.apps.flatMap((a) => a.calls).find((c) => c.dataSource === dataSource);
}

describeCorpus('call sites in real apps (hand-checked)', () => {
  it("Live Avatars: quoted names ('Avatar-Generateavatarflow') and field reads at the call", async () => {
    const s = await corpusSolution('pnp-live-avatars');
    expect(sites(callOf(s, 'Avatar-Generateavatarflow'))).toEqual(['AvatarScreen › Button3.OnSelect (3) field']);
    expect(sites(callOf(s, 'Avatar-GenerateTextWithOpenAI'))).toEqual(['AvatarScreen › Button3.OnSelect (1) field']);
    expect(reads(callOf(s, 'Avatar-Generateavatarflow'))).toEqual(['output @ AvatarScreen › Button3.OnSelect']);
    expect(callOf(s, 'Avatar-Generateavatarflow')?.formulas?.callSites[0]?.formula).toMatch(/^'Avatar-Generateavatarflow'\.Run\( GeneratedText, /);
  });

  it('Contoso School: a global variable read on another screen, and a call inside ForAll inside IfError', async () => {
    const s = await corpusSolution('pnp-contoso-school');
    expect(sites(callOf(s, 'CreateTemplate'))).toEqual(['Start Screen › btnStart.OnSelect (2) global']);
    expect(reads(callOf(s, 'CreateTemplate')).sort()).toEqual(['email @ Send Screen › rteEmailResponse.Default', 'sms @ Send Screen › inpSMSResponse.Default']);
    // ForAll(Parents, Sendnotifications.Run(…)) is the value IfError checks; the formula itself is a statement.
    expect(sites(callOf(s, 'Sendnotifications'))).toEqual(['Send Screen › btnSend.OnSelect (5) discarded']);
    expect(callOf(s, 'CreateTemplate')?.formulas?.traced).toBe(true);
  });

  it('Follow Sites: App.OnStart and calls in both branches of an If', async () => {
    const s = await corpusSolution('pnp-sharepoint-followsites');
    expect(sites(callOf(s, 'Getuserfollowedsites'))).toEqual([
      'App › App.OnStart (0) field',
      'Follow Sites Screen › icoClear.OnSelect (0) field',
      'Follow Sites Screen › shpFollowUnfollow.OnSelect (0) field',
      'Follow Sites Screen › shpFollowUnfollowVert.OnSelect (0) field',
    ]);
    expect(sites(callOf(s, 'FollowUnfollowsite'))).toEqual([
      'Follow Sites Screen › shpFollowUnfollow.OnSelect (2) discarded',
      'Follow Sites Screen › shpFollowUnfollow.OnSelect (2) discarded',
      'Follow Sites Screen › shpFollowUnfollowVert.OnSelect (2) discarded',
      'Follow Sites Screen › shpFollowUnfollowVert.OnSelect (2) discarded',
    ]);
    expect(sites(callOf(s, 'Findsites'))).toEqual(['Follow Sites Screen › txtSearch.OnChange (1) field']);
  });

  it('Event Registration (legacy package): eight positional V1 arguments and a screen variable', async () => {
    const s = await corpusSolution('pnpapps-event-registration-legacy');
    expect(sites(callOf(s, 'EventRegistration')).sort()).toEqual([
      'Event Info Screen › btnRegisterEIS.OnSelect (8) discarded',
      'Event Info Screen › btnRegisterEIS.OnSelect (8) discarded',
      'Events Screen › btnRegister.OnSelect (8) discarded',
      'Events Screen › btnRegister.OnSelect (8) discarded',
    ]);
    expect(sites(callOf(s, 'Uploadeventimage'))).toEqual(['Create Event Screen › frmEvent.OnSuccess (3) context']);
    expect(reads(callOf(s, 'Uploadeventimage'))).toEqual([]);
    expect(sites(callOf(s, 'EmailEventAttendees'))).toEqual(['Attendees Screen › btnSendEmail.OnSelect (3) discarded']);
  });

  it('Rijksmuseum: a result collected with ClearCollect is not followed, and says so', async () => {
    const s = await corpusSolution('pnpapps-rijksmuseum');
    const call = callOf(s, 'RijksmuseumSearchCollection');
    expect(sites(call)).toEqual(['Advanced Search › btn_SearchCollectionFlow.OnSelect (4) collection']);
    expect(call?.formulas?.traced).toBe(false);
    expect(call?.formulas?.untraced.join(' ')).toContain('colAdvSearch');
  });

  it('Task Management: a control with the same name as the flow data source is not a call', async () => {
    const s = await corpusSolution('pnp-task-management-trainee');
    expect(sites(callOf(s, 'attachment'))).toEqual(['Screen1 › Button6.OnSelect (2) discarded']);
  });

  it("Romão's Homecare: data sources that no formula calls", async () => {
    const s = await corpusSolution('pnp-romaos-homecare');
    expect(sites(callOf(s, 'Visit-UploadPicturetoSharePoint'))).toEqual([]);
    expect(sites(callOf(s, 'Visit-UploadAudiotoSharePoint'))).toEqual([]);
    expect(sites(callOf(s, 'AIHackathon-GenerateHealthScoreforVisit'))).toEqual(['VisitChecklistScreen › Button3_18.OnSelect (1) field']);
  });

  describe('twins give identical call sites (zip, unpacked with .msapp, canvas sources only)', () => {
    const twins: [string, string][] = [
      ['pnp-contoso-school', 'pnp-contoso-school-src'],
      ['pnp-patch-tuesday', 'pnp-patch-tuesday-src'],
      ['pnp-sharepoint-site-assistant', 'pnp-sharepoint-site-assistant-src'],
    ];
    const allSites = (s: Solution): string[] => s.apps.flatMap((a) => a.calls.flatMap((c) => sites(c).map((x) => `${c.dataSource}: ${x}`))).sort();
    const allReads = (s: Solution): string[] => s.apps.flatMap((a) => a.calls.flatMap((c) => reads(c).map((x) => `${c.dataSource}: ${x}`))).sort();
    for (const [zip, src] of twins) {
      it(`${zip} = ${src} = ${src} without its .msapp`, async () => {
        const z = await corpusSolution(zip);
        const u = await corpusSolution(src);
        // Without the .msapp, the app is read from CanvasApps/src/<app>/ (Src/*.fx.yaml).
        const c = await corpusSolution(src, (p) => p.toLowerCase().endsWith('.msapp'));
        expect(c.apps.map((a) => a.document)).toEqual(['unpacked']);
        expect(allSites(z).length).toBeGreaterThan(0);
        expect(allSites(u)).toEqual(allSites(z));
        expect(allSites(c)).toEqual(allSites(z));
        expect(allReads(c)).toEqual(allReads(z));
        expect(c.apps[0]?.calls[0]?.formulas?.callSites[0]?.location.file).toMatch(/\/CanvasApps\/src\/[^/]+\/Src\/[^/]+\.fx\.yaml$/);
      });
    }
  });
});

describe('call sites in inline-built apps', () => {
  const FLOW_ID = 'a3c1e0f2-5b7d-4e8a-9c10-2f4b6d8e0a11';
  const wadl = wadlXml({ title: 'Submit Request', inputs: [{ name: 'text', type: 'string', required: true, title: 'Title' }], outputs: [{ name: 'status', type: 'string' }] });

  it('old calls kept in // and /* */ comments, and .Run( in a string, are not calls', async () => {
    const app = await msapp({
      dataSources: [{ name: 'SubmitRequest', workflowEntityId: FLOW_ID, wadl }],
      onStart: '// SubmitRequest.Run("old", "call")\n/* Set(v, SubmitRequest.Run()) */ Notify("SubmitRequest.Run(1, 2)"); SubmitRequest.Run(txtTitle.Text)',
    });
    const ws = await loadWorkspace(memoryTree({ 's.zip': await solutionZip({ solution: { uniqueName: 'S' }, apps: [{ name: 'cts_app_00001', msapp: app }] }) }));
    const call = ws.solutions[0]?.apps[0]?.calls[0];
    expect(sites(call)).toEqual(['App › App.OnStart (1) discarded']);
    expect(call?.formulas?.callSites[0]?.location).toEqual({ file: 's.zip', inner: 'CanvasApps/cts_app_00001_DocumentUri.msapp!/Controls/1.json' });
  });

  it('a .pa.yaml app (pac canvas unpack, current source format): screens, nested controls, App.OnStart', async () => {
    const sources = canvasSourceFiles({ dataSources: [{ name: 'SubmitRequest', workflowEntityId: FLOW_ID, wadl }] });
    delete sources['Src/App.fx.yaml'];
    const enc = new TextEncoder();
    sources['Src/App.pa.yaml'] = enc.encode('App:\n  Properties:\n    OnStart: =Set(varResult, SubmitRequest.Run("start"))\n');
    sources['Src/Requests.pa.yaml'] = enc.encode(
      [
        'Screens:',
        '  Requests:',
        '    Children:',
        '      - conForm:',
        '          Control: GroupContainer@1.3.0',
        '          Children:',
        '            - btnSubmit:',
        '                Control: Button@0.0.45',
        '                Properties:',
        '                  OnSelect: |-',
        '                    =SubmitRequest.Run(txtTitle.Text);',
        '                    Notify("sent")',
        '            - lblStatus:',
        '                Control: Label@2.5.1',
        '                Properties:',
        '                  Text: =varResult.status',
        '',
      ].join('\n'),
    );
    const ws = await loadWorkspace(memoryTree(unpackedTree({ solution: { uniqueName: 'S' }, apps: [{ name: 'cts_app_00001', sources }] }, 'src')));
    expect(ws.diagnostics).toEqual([]);
    const call = ws.solutions[0]?.apps[0]?.calls[0];
    expect(sites(call)).toEqual(['App › App.OnStart (1) global', 'Requests › btnSubmit.OnSelect (1) discarded']);
    expect(reads(call)).toEqual(['status @ Requests › lblStatus.Text']);
    expect(call?.formulas?.callSites[1]?.location).toEqual({ file: 'src/CanvasApps/src/cts_app_00001/Src/Requests.pa.yaml' });
  });
});
