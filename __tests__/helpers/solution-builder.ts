/**
 * Builds realistic Power Platform solution exports from inline data, for reader and rule tests.
 *
 * Everything here follows the shapes in the shared format reference (docs/solution-format.md):
 * `solution.xml`, `customizations.xml`, flow clientdata JSON (`Workflows/<Name>-<GUID>.json`),
 * the canvas app's stored WADL, `.msapp` archives (backslash entry names, `LocalConnectionReferences`
 * as a JSON *string* inside `Properties.json`), whole solution zips, SolutionPackager trees,
 * unpacked canvas sources and legacy "Export package" zips. Nothing is copied from the corpus.
 *
 * Typical use:
 * ```ts
 * const spec: SolutionSpec = { solution: { uniqueName: 'Demo' }, flows: [{ id, name: 'Get Items', json: flowJson({...}) }], apps: [...] };
 * const tree = memoryTree({ 'exports/Demo.zip': await solutionZip(spec) });
 * const ws = await loadWorkspace(tree);
 * ```
 * Output is deterministic: zip entries carry a fixed date, and entries are written in a fixed order
 * (or reversed, with `order: 'reverse'`, to check that readers do not depend on entry order).
 */
import JSZip from 'jszip';
import { RepoTree } from '../../src/source/tree.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../../src/source/limits.js';

// ---------------------------------------------------------------------------------------------
// constants and small helpers
// ---------------------------------------------------------------------------------------------

/** The connector id every flow data source and flow connection entry of an app carries. */
export const LOGIC_FLOWS_API = '/providers/microsoft.powerapps/apis/shared_logicflows';
/** The constant `AddinId` of legacy `AddinWadl` flow data sources. */
export const ADDIN_ID = '6d1f157d-95bf-406d-b65d-cfd3240f724e';
/** A UTF-8 byte-order mark, as Power Platform tools write it before many JSON and XML files. */
export const BOM = '\uFEFF';

const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 12, 0, 0));
const encoder = new TextEncoder();

/** File contents in the maps this module produces. */
export type FileMap = Record<string, Uint8Array>;
/** Contents callers may pass: text (UTF-8 encoded here) or bytes. */
export type Content = string | Uint8Array;

export function bytes(content: Content): Uint8Array {
  return typeof content === 'string' ? encoder.encode(content) : content;
}

/** Escapes text for an XML attribute or element. Newlines are kept as they are. */
export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A file name the way Dataverse writes it: the display name without spaces/punctuation, `-`, and the upper-case GUID. */
export function workflowFileName(name: string, id: string): string {
  const stem = name.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'Flow';
  return `Workflows/${stem}-${id.toUpperCase()}.json`;
}

/** A deterministic GUID-shaped id from a number: `guid(1)` = `00000000-0000-0000-0000-000000000001`. */
export function guid(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-0000-0000-${n.toString(16).padStart(12, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// solution.xml
// ---------------------------------------------------------------------------------------------

export interface MissingDependencySpec {
  required: { type: number; id?: string; schemaName?: string; displayName?: string; solution?: string };
  dependent: { type: number; id?: string; schemaName?: string; displayName?: string };
}

export interface SolutionXmlOptions {
  uniqueName: string;
  displayName?: string;
  version?: string;
  /** `<Managed>`: true → 1, false → 0, or the raw number (2 = "Both" unpacked). Default 0. */
  managed?: boolean | 0 | 1 | 2;
  /** Publisher unique name, or name and customization prefix. Default `Contoso` / `cts`. */
  publisher?: string | { uniqueName: string; prefix: string };
  missingDependencies?: MissingDependencySpec[];
  /** Makes this a patch: `<ParentSolution>` in the manifest. */
  parent?: { uniqueName: string; version?: string };
  /** RootComponents; the solution builders fill flows (type 29) and apps (type 300) in. */
  rootComponents?: { type: number; id?: string; schemaName?: string }[];
}

function componentAttrs(c: { type: number; id?: string; schemaName?: string; displayName?: string; solution?: string }): string {
  const parts = [`type="${c.type}"`];
  if (c.id !== undefined) parts.push(`id="{${xmlEscape(c.id)}}"`);
  if (c.schemaName !== undefined) parts.push(`schemaName="${xmlEscape(c.schemaName)}"`);
  if (c.displayName !== undefined) parts.push(`displayName="${xmlEscape(c.displayName)}"`);
  if (c.solution !== undefined) parts.push(`solution="${xmlEscape(c.solution)}"`);
  return parts.join(' ');
}

/** `solution.xml` (zip) / `Other/Solution.xml` (unpacked): `<ImportExportXml><SolutionManifest>`. */
export function solutionXml(o: SolutionXmlOptions): string {
  const managed = o.managed === undefined ? 0 : o.managed === true ? 1 : o.managed === false ? 0 : o.managed;
  const publisher = typeof o.publisher === 'string' ? { uniqueName: o.publisher, prefix: 'cts' } : (o.publisher ?? { uniqueName: 'Contoso', prefix: 'cts' });
  const roots = (o.rootComponents ?? []).map((c) => `      <RootComponent ${componentAttrs(c)} behavior="0" />`).join('\n');
  const missing = (o.missingDependencies ?? [])
    .map(
      (m) => `      <MissingDependency>
        <Required ${componentAttrs(m.required)} />
        <Dependent ${componentAttrs(m.dependent)} />
      </MissingDependency>`,
    )
    .join('\n');
  const parent = o.parent
    ? `
    <ParentSolution>
      <UniqueName>${xmlEscape(o.parent.uniqueName)}</UniqueName>
      <Version>${xmlEscape(o.parent.version ?? '1.0.0.0')}</Version>
    </ParentSolution>`
    : '';
  return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml version="9.2.24011.189" SolutionPackageVersion="9.2" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <SolutionManifest>
    <UniqueName>${xmlEscape(o.uniqueName)}</UniqueName>
    <LocalizedNames>
      <LocalizedName description="${xmlEscape(o.displayName ?? o.uniqueName)}" languagecode="1033" />
    </LocalizedNames>
    <Descriptions />
    <Version>${xmlEscape(o.version ?? '1.0.0.0')}</Version>
    <Managed>${managed}</Managed>
    <Publisher>
      <UniqueName>${xmlEscape(publisher.uniqueName)}</UniqueName>
      <LocalizedNames>
        <LocalizedName description="${xmlEscape(publisher.uniqueName)}" languagecode="1033" />
      </LocalizedNames>
      <Descriptions />
      <EMailAddress xsi:nil="true"></EMailAddress>
      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>
      <CustomizationPrefix>${xmlEscape(publisher.prefix)}</CustomizationPrefix>
      <CustomizationOptionValuePrefix>12082</CustomizationOptionValuePrefix>
      <Addresses />
    </Publisher>${parent}
    <RootComponents>
${roots}
    </RootComponents>
    <MissingDependencies>
${missing}
    </MissingDependencies>
  </SolutionManifest>
</ImportExportXml>
`;
}

// ---------------------------------------------------------------------------------------------
// customizations.xml, .json.data.xml, .meta.xml
// ---------------------------------------------------------------------------------------------

export interface WorkflowRecordSpec {
  /** WorkflowId GUID, without braces (any case). */
  id: string;
  /** The flow display name (`Name` attribute). */
  name: string;
  /** `JsonFileName` (leading `/` optional). Default: {@link workflowFileName}. */
  jsonFileName?: string;
  /** `XamlFileName`, for classic processes. */
  xamlFileName?: string;
  /** Default 5 (modern flow). 0 = classic workflow. */
  category?: number;
  /** 0 off (draft), 1 on (activated), 2 suspended. Default 1. */
  stateCode?: 0 | 1 | 2;
  customizable?: boolean;
}

export interface CanvasAppRecordSpec {
  /** Schema name, e.g. `cts_orders_1a2b3`. */
  name: string;
  displayName?: string;
  /**
   * `DocumentUri`; default `/CanvasApps/<name>_DocumentUri.msapp`. Exports cut long names in file names and add a
   * suffix that changes per export (`/CanvasApps/cr123_expensesdefaultco48213_DocumentUri.msapp`, solution-format §8b.9):
   * the app's other files (`_BackgroundImageUri`, `_DocumentUri_msapp_src/`) then carry the same stem.
   */
  documentUri?: string;
  /** The app record's `ConnectionReferences` JSON (object, or raw text written as is). See {@link appRecordFlowEntry}. */
  connectionReferences?: Record<string, unknown> | string;
  customizable?: boolean;
}

export interface ConnectionReferenceSpec {
  logicalName: string;
  displayName?: string;
  /** Connector API name (`shared_sharepointonline`) or a full connector id. */
  api: string;
  customizable?: boolean;
}

function flagText(v: boolean | undefined, fallback: 0 | 1): string {
  return v === undefined ? String(fallback) : v ? '1' : '0';
}

/** The inner XML of a `<Workflow>` element (customizations.xml or `Workflows/*.json.data.xml`). */
export function workflowElement(w: WorkflowRecordSpec, indent = '    ', xmlns = ''): string {
  const file = w.xamlFileName === undefined ? (w.jsonFileName ?? `/${workflowFileName(w.name, w.id)}`) : undefined;
  const fileLine =
    file !== undefined
      ? `<JsonFileName>${xmlEscape(file.startsWith('/') ? file : `/${file}`)}</JsonFileName>`
      : `<XamlFileName>${xmlEscape((w.xamlFileName as string).startsWith('/') ? (w.xamlFileName as string) : `/${w.xamlFileName}`)}</XamlFileName>`;
  const state = w.stateCode ?? 1;
  const i = indent;
  return `${i}<Workflow WorkflowId="{${w.id.toLowerCase()}}" Name="${xmlEscape(w.name)}"${xmlns}>
${i}  ${fileLine}
${i}  <Type>1</Type>
${i}  <Subprocess>0</Subprocess>
${i}  <Category>${w.category ?? 5}</Category>
${i}  <Mode>0</Mode>
${i}  <Scope>4</Scope>
${i}  <OnDemand>0</OnDemand>
${i}  <TriggerOnCreate>0</TriggerOnCreate>
${i}  <TriggerOnDelete>0</TriggerOnDelete>
${i}  <AsyncAutodelete>0</AsyncAutodelete>
${i}  <SyncWorkflowLogOnFailure>0</SyncWorkflowLogOnFailure>
${i}  <StateCode>${state}</StateCode>
${i}  <StatusCode>${state === 1 ? 2 : 1}</StatusCode>
${i}  <RunAs>1</RunAs>
${i}  <IsTransacted>1</IsTransacted>
${i}  <IntroducedVersion>1.0.0.0</IntroducedVersion>
${i}  <IsCustomizable>${flagText(w.customizable, 1)}</IsCustomizable>
${i}  <BusinessProcessType>0</BusinessProcessType>
${i}  <IsCustomProcessingStepAllowedForOtherPublishers>1</IsCustomProcessingStepAllowedForOtherPublishers>
${i}  <PrimaryEntity>none</PrimaryEntity>
${i}  <LocalizedNames>
${i}    <LocalizedName languagecode="1033" description="${xmlEscape(w.name)}" />
${i}  </LocalizedNames>
${i}</Workflow>`;
}

/** A `<CanvasApp>` element (customizations.xml or `CanvasApps/<name>.meta.xml`). JSON fields are XML-escaped text. */
export function canvasAppElement(a: CanvasAppRecordSpec, indent = '    ', xmlns = ''): string {
  const refs = a.connectionReferences === undefined ? '{}' : typeof a.connectionReferences === 'string' ? a.connectionReferences : JSON.stringify(a.connectionReferences);
  const i = indent;
  return `${i}<CanvasApp${xmlns}>
${i}  <Name>${xmlEscape(a.name)}</Name>
${i}  <AppVersion>2024-01-15T12:00:00Z</AppVersion>
${i}  <Status>Ready</Status>
${i}  <CreatedByClientVersion>3.24011.12.0</CreatedByClientVersion>
${i}  <MinClientVersion>3.24011.12.0</MinClientVersion>
${i}  <Tags>${xmlEscape('{"primaryDeviceWidth":"1366","primaryDeviceHeight":"768","primaryFormFactor":"Tablet","publisherVersion":"3.24011.12","minimumRequiredApiVersion":"2.2.0","hasComponent":"false"}')}</Tags>
${i}  <IsCdsUpgraded>0</IsCdsUpgraded>
${i}  <GalleryItemId xsi:nil="true"></GalleryItemId>
${i}  <BackgroundColor>rgba(0, 176, 240, 1)</BackgroundColor>
${i}  <DisplayName>${xmlEscape(a.displayName ?? a.name)}</DisplayName>
${i}  <Description xsi:nil="true"></Description>
${i}  <CommitMessage xsi:nil="true"></CommitMessage>
${i}  <Publisher xsi:nil="true"></Publisher>
${i}  <AuthorizationReferences>[]</AuthorizationReferences>
${i}  <ConnectionReferences>${xmlEscape(refs)}</ConnectionReferences>
${i}  <DatabaseReferences>{}</DatabaseReferences>
${i}  <AppComponents>[]</AppComponents>
${i}  <AppComponentDependencies>[]</AppComponentDependencies>
${i}  <CanConsumeAppPass>1</CanConsumeAppPass>
${i}  <CanvasAppType>0</CanvasAppType>
${i}  <BypassConsent>0</BypassConsent>
${i}  <AdminControlBypassConsent>0</AdminControlBypassConsent>
${i}  <EmbeddedApp xsi:nil="true"></EmbeddedApp>
${i}  <IntroducedVersion>1.0</IntroducedVersion>
${i}  <CdsDependencies>${xmlEscape('{"cdsdependencies":[]}')}</CdsDependencies>
${i}  <IsCustomizable>${flagText(a.customizable, 1)}</IsCustomizable>
${i}  <BackgroundImageUri>/${xmlEscape(backgroundImagePath(a))}</BackgroundImageUri>
${i}  <DocumentUri>/${xmlEscape(documentPath(a))}</DocumentUri>
${i}</CanvasApp>`;
}

function connectorId(api: string): string {
  return api.startsWith('/') ? api : `/providers/Microsoft.PowerApps/apis/${api}`;
}

/** A `<connectionreference>` element (lower case, as exports write it). */
export function connectionReferenceElement(c: ConnectionReferenceSpec, indent = '    '): string {
  const i = indent;
  return `${i}<connectionreference connectionreferencelogicalname="${xmlEscape(c.logicalName)}">
${i}  <connectionreferencedisplayname>${xmlEscape(c.displayName ?? c.logicalName)}</connectionreferencedisplayname>
${i}  <connectorid>${xmlEscape(connectorId(c.api))}</connectorid>
${i}  <iscustomizable>${flagText(c.customizable, 1)}</iscustomizable>
${i}  <statecode>0</statecode>
${i}  <statuscode>1</statuscode>
${i}</connectionreference>`;
}

export interface CustomizationsOptions {
  workflows?: WorkflowRecordSpec[];
  canvasApps?: CanvasAppRecordSpec[];
  connectionReferences?: ConnectionReferenceSpec[];
}

/**
 * `customizations.xml` with the top-level sections in export order. An empty list gives the
 * self-closing element SolutionPackager leaves behind (`<Workflows />`, `<CanvasApps />`).
 */
export function customizationsXml(o: CustomizationsOptions): string {
  const section = (tag: string, items: string[]): string => (items.length === 0 ? `  <${tag} />` : `  <${tag}>\n${items.join('\n')}\n  </${tag}>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" OrganizationVersion="9.2.24011.189" OrganizationSchemaType="Standard" CRMServerServiceabilityVersion="9.2.24011.00189">
  <Entities />
  <Roles />
${section('Workflows', (o.workflows ?? []).map((w) => workflowElement(w)))}
  <FieldSecurityProfiles />
  <Templates />
  <EntityMaps />
  <EntityRelationships />
  <OrganizationSettings />
  <optionsets />
  <CustomControls />
  <EntityDataProviders />
${section('CanvasApps', (o.canvasApps ?? []).map((a) => canvasAppElement(a)))}
${section('connectionreferences', (o.connectionReferences ?? []).map((c) => connectionReferenceElement(c)))}
  <Languages>
    <Language>1033</Language>
  </Languages>
</ImportExportXml>
`;
}

/** `Workflows/<file>.json.data.xml` of a SolutionPackager tree. */
export function workflowDataXml(w: WorkflowRecordSpec): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${workflowElement(w, '', ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')}\n`;
}

/** `CanvasApps/<name>.meta.xml` of a SolutionPackager tree. */
export function canvasAppMetaXml(a: CanvasAppRecordSpec): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${canvasAppElement(a, '', ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')}\n`;
}

// ---------------------------------------------------------------------------------------------
// flow JSON (clientdata)
// ---------------------------------------------------------------------------------------------

export type TriggerSpec = 'PowerAppV2' | 'PowerApp' | 'Button' | 'Http' | 'Recurrence' | 'Dataverse';

export interface InputSpec {
  /** Schema property key: V2 `text`, `number_1`; V1 `<Action>_<Field>`. */
  name: string;
  /** JSON schema type: string, number, integer, boolean, object, array. */
  type: string;
  /** Default true (every V2 input seen in real exports is required). */
  required?: boolean;
  /** V2 `title` (the label the maker sees). */
  title?: string;
  enum?: string[];
}

export interface OutputSpec {
  name: string;
  type: string;
  title?: string;
}

export interface ResponseSpec {
  /** Action name. Default `Respond_to_a_PowerApp_or_flow` / `Response`. */
  name?: string;
  kind: 'PowerApp' | 'Http';
  outputs: OutputSpec[];
  /** HTTP Response only: the schema is an array of objects with these properties (outputs read as `[].name`). */
  array?: boolean;
  /** Names of the actions it runs after (default: none). */
  runAfter?: string[];
  /** `operationOptions: "Asynchronous"`. */
  asynchronous?: boolean;
}

export interface FlowConnectionSpec {
  /** Connection key, e.g. `shared_sharepointonline_1`. */
  key: string;
  /** Connector API name, e.g. `shared_sharepointonline`. */
  api: string;
  /** Default `embedded`. Pass `null` to leave the field out. */
  runtimeSource?: 'embedded' | 'invoker' | null;
  /** `connection.connectionReferenceLogicalName`. */
  connectionReference?: string;
}

export interface FlowSpec {
  trigger: TriggerSpec;
  inputs?: InputSpec[];
  responses?: ResponseSpec[];
  connections?: FlowConnectionSpec[];
  /** Extra raw actions, merged into `definition.actions` (they win on a name clash). */
  actions?: Record<string, unknown>;
}

/** A `runAfter` object: every named action must have Succeeded. */
export function runAfter(...names: string[]): Record<string, string[]> {
  return Object.fromEntries(names.map((n) => [n, ['Succeeded']]));
}

/** The trigger node for a trigger kind (`manual` for the request kinds). */
export function triggerNode(trigger: TriggerSpec, inputs: InputSpec[] = []): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const i of inputs) {
    properties[i.name] =
      trigger === 'PowerApp'
        ? { type: i.type, description: 'Enter initial value', 'x-ms-powerflows-param-ispartial': false }
        : {
            title: i.title ?? i.name,
            type: i.type,
            'x-ms-dynamically-added': true,
            description: 'Please enter your input',
            'x-ms-content-hint': i.type.toUpperCase(),
            ...(i.enum ? { enum: i.enum } : {}),
          };
  }
  const schema = { type: 'object', properties, required: inputs.filter((i) => i.required !== false).map((i) => i.name) };
  switch (trigger) {
    case 'PowerAppV2':
    case 'PowerApp':
    case 'Button':
      return { type: 'Request', kind: trigger, inputs: { schema } };
    case 'Http':
      return { type: 'Request', kind: 'Http', inputs: { schema: {} } };
    case 'Recurrence':
      return { recurrence: { frequency: 'Day', interval: 1 }, type: 'Recurrence' };
    case 'Dataverse':
      return {
        type: 'OpenApiConnectionWebhook',
        inputs: {
          host: { connectionName: 'shared_commondataserviceforapps', operationId: 'SubscribeWebhookTrigger', apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps' },
          parameters: { 'subscriptionRequest/message': 1, 'subscriptionRequest/entityname': 'account', 'subscriptionRequest/scope': 4 },
          authentication: "@parameters('$authentication')",
        },
      };
  }
}

/** A Response action ("Respond to a PowerApp or flow", or HTTP Response). */
export function responseAction(r: ResponseSpec): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const body: Record<string, unknown> = {};
  for (const o of r.outputs) {
    properties[o.name] = r.kind === 'PowerApp' ? { title: o.title ?? o.name, 'x-ms-dynamically-added': true, type: o.type } : { type: o.type };
    body[o.name] = `@variables('${o.name}')`;
  }
  const schema = r.array ? { type: 'array', items: { type: 'object', properties } } : { type: 'object', properties };
  return {
    runAfter: runAfter(...(r.runAfter ?? [])),
    type: 'Response',
    kind: r.kind,
    inputs:
      r.kind === 'PowerApp'
        ? { statusCode: 200, body, schema }
        : { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: r.array ? "@body('Parse_JSON')" : body, schema },
    ...(r.asynchronous ? { operationOptions: 'Asynchronous' } : {}),
  };
}

/** A "Delay" (`Wait` with an interval). */
export function delayAction(count: number, unit: string, after: string[] = []): Record<string, unknown> {
  return { runAfter: runAfter(...after), type: 'Wait', inputs: { interval: { count, unit } } };
}

/** "Start and wait for an approval" (an approvals webhook). */
export function approvalAction(after: string[] = []): Record<string, unknown> {
  return {
    runAfter: runAfter(...after),
    type: 'OpenApiConnectionWebhook',
    inputs: {
      host: { connectionName: 'shared_approvals', operationId: 'StartAndWaitForAnApproval', apiId: '/providers/Microsoft.PowerApps/apis/shared_approvals' },
      parameters: { approvalType: 'Basic', 'WebhookApprovalCreationInput/title': 'Approve', 'WebhookApprovalCreationInput/assignedTo': 'someone@contoso.com' },
      authentication: "@parameters('$authentication')",
    },
  };
}

/** "Run a Child Flow". */
export function childFlowAction(childId: string, after: string[] = []): Record<string, unknown> {
  return { runAfter: runAfter(...after), type: 'Workflow', inputs: { host: { workflowReferenceName: childId }, body: { text: 'x' } } };
}

/** An ordinary connector action (`OpenApiConnection`). */
export function connectorAction(connectionKey: string, api: string, operationId: string, after: string[] = []): Record<string, unknown> {
  return {
    runAfter: runAfter(...after),
    type: 'OpenApiConnection',
    inputs: {
      host: { connectionName: connectionKey, operationId, apiId: `/providers/Microsoft.PowerApps/apis/${api}` },
      parameters: {},
      authentication: "@parameters('$authentication')",
    },
  };
}

/** The flow clientdata object: `{ properties: { connectionReferences, definition, templateName }, schemaVersion }`. */
export function flowDefinition(spec: FlowSpec): Record<string, unknown> {
  const connectionReferences: Record<string, unknown> = {};
  for (const c of spec.connections ?? []) {
    connectionReferences[c.key] = {
      ...(c.runtimeSource === null ? {} : { runtimeSource: c.runtimeSource ?? 'embedded' }),
      ...(c.connectionReference !== undefined ? { connection: { connectionReferenceLogicalName: c.connectionReference } } : {}),
      api: { name: c.api },
    };
  }
  const actions: Record<string, unknown> = {};
  for (const r of spec.responses ?? []) actions[r.name ?? (r.kind === 'PowerApp' ? 'Respond_to_a_PowerApp_or_flow' : 'Response')] = responseAction(r);
  Object.assign(actions, spec.actions ?? {});
  return {
    properties: {
      connectionReferences,
      definition: {
        $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
        contentVersion: '1.0.0.0',
        parameters: {
          $connections: { defaultValue: {}, type: 'Object' },
          $authentication: { defaultValue: {}, type: 'SecureObject' },
        },
        triggers: { manual: { ...triggerNode(spec.trigger, spec.inputs), metadata: { operationMetadataId: 'b5d1e2f0-0000-4000-8000-000000000001' } } },
        actions,
      },
      templateName: '',
    },
    schemaVersion: '1.0.0.0',
  };
}

/** The flow clientdata as the text of `Workflows/<Name>-<GUID>.json`. */
export function flowJson(spec: FlowSpec): string {
  return JSON.stringify(flowDefinition(spec));
}

// ---------------------------------------------------------------------------------------------
// WADL (the app's stored copy of a flow signature)
// ---------------------------------------------------------------------------------------------

export interface WadlInputSpec {
  name: string;
  /** JSON type; mapped to `xs:string`, `xs:double`, `xs:boolean`, `xs:integer`. */
  type: string;
  required?: boolean;
  title?: string;
}

export interface WadlOptions {
  /** `doc/@title`: the flow display name when it was added. */
  title: string;
  /** `siena:serviceId`: the data source name. Default: the title without spaces. */
  serviceId?: string;
  inputs: WadlInputSpec[];
  /** Response fields; `undefined` = no `<response>` (the flow had no Response action when added). */
  outputs: OutputSpec[] | undefined;
  /** The response is an array of objects (HTTP Response with an array schema). */
  arrayOutput?: boolean;
}

const XS_TYPES: Record<string, string> = { string: 'xs:string', number: 'xs:double', integer: 'xs:integer', boolean: 'xs:boolean' };

/** `WadlMetadata.WadlXml` of a flow data source (also `pkgs/Wadl/<name>.xml` in unpacked canvas sources). */
export function wadlXml(o: WadlOptions): string {
  const ns = 'https://europe-002.azure-apim.net/apim/logicflows';
  const triggerProps = o.inputs.map((i) => `<property name="${xmlEscape(i.name)}" type="${xmlEscape(i.type)}" />`).join('');
  const outProps = (o.outputs ?? []).map((p) => `<property name="${xmlEscape(p.name)}" type="${xmlEscape(p.type)}" />`).join('');
  let responseTypes = '';
  if (o.outputs !== undefined) {
    responseTypes = o.arrayOutput
      ? `<object name="ResponseActionOutput_items_def">${outProps}</object><array typeRef="ResponseActionOutput_items_def" name="ResponseActionOutput" />`
      : `<object name="ResponseActionOutput">${outProps}</object>`;
  }
  const params = o.inputs
    .map((i) => {
      const type = XS_TYPES[i.type] ?? `service:ManualTriggerInput_${i.name}_def`;
      const title = i.title !== undefined ? `<doc title="${xmlEscape(i.title)}" />` : '';
      const required = i.required === undefined ? '' : ` required="${i.required}"`;
      return `<param style="plain" name="${xmlEscape(i.name)}" path="/${xmlEscape(i.name)}" type="${type}"${required}>${title}</param>`;
    })
    .join('');
  const response = o.outputs === undefined ? '' : '<response><representation mediaType="application/json" element="service:ResponseActionOutput" /></response>';
  return (
    `<application xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:service="${ns}" ` +
    `xmlns:siena="http://schemas.microsoft.com/MicrosoftProjectSiena/WADL/2014/11" siena:serviceId="${xmlEscape(o.serviceId ?? o.title.replace(/\s+/g, ''))}" xmlns="http://wadl.dev.java.net/2009/02">` +
    `<doc title="${xmlEscape(o.title)}" />` +
    `<grammars><jsonTypes targetNamespace="${ns}" xmlns="http://schemas.microsoft.com/MicrosoftProjectSiena/WADL/2014/11">` +
    `<object name="ManualTriggerInput">${triggerProps}</object>${responseTypes}<object name="Run_responses_default_def" /></jsonTypes></grammars>` +
    `<resources siena:authenticationProviderHref="#PowerAppAuth" base="${ns}"><resource path="/{connectionId}/triggers/manual/run">` +
    `<param style="template" name="connectionId" type="xs:string" required="true" />` +
    `<method siena:requiresAuthentication="true" name="POST" id="Run"><doc title="Runs the flow" /><request>` +
    `<param style="query" name="api-version" type="xs:string" required="true" fixed="2015-02-01-preview"><doc title="The api version" /></param>` +
    `<representation mediaType="application/json">${params}</representation></request>${response}</method></resource></resources>` +
    `<authenticationProviders xmlns="http://schemas.microsoft.com/MicrosoftProjectSiena/WADL/2014/11"><connectionProvider id="PowerAppAuth" siena:connectionProviderId="logicflows" /></authenticationProviders>` +
    `</application>`
  );
}

// ---------------------------------------------------------------------------------------------
// app connection records
// ---------------------------------------------------------------------------------------------

export interface FlowConnectionEntryOptions {
  /** App-local connection id (the record key). */
  id: string;
  /** Data source names this flow connection serves (join to DataSources.json `Name`). */
  dataSources: string[];
  /** `parameterHints.workflowEntityId.value`; `null` writes `{}` (no value), undefined leaves it out. */
  workflowEntityId?: string | null;
  /** Environment flow name GUID (`parameterHints.workflowName`). */
  workflowName?: string;
  /** Flow connection key → app-local connection id of the dependent connector entry. */
  dependencies?: Record<string, string>;
  /** `connectionParameters.workFlowCallbackUri` (older apps; a SAS URL with `sig=`). */
  callbackUri?: string;
}

/** A flow entry of `LocalConnectionReferences` (Properties.json) / `Connections/Connections.json`. */
export function flowConnectionEntry(o: FlowConnectionEntryOptions): Record<string, unknown> {
  const deps = o.dependencies ?? {};
  const hints: Record<string, unknown> = {};
  const hintsV2: Record<string, unknown> = {};
  if (o.workflowName !== undefined) hints.workflowName = hintsV2.workflowName = { value: o.workflowName };
  if (o.workflowEntityId !== undefined) hints.workflowEntityId = hintsV2.workflowEntityId = o.workflowEntityId === null ? {} : { value: o.workflowEntityId };
  for (const [key, appConn] of Object.entries(deps)) {
    hints[appConn] = { value: key };
    hintsV2[key] = { value: appConn };
  }
  const flowHex = (o.workflowName ?? o.id).replace(/-/g, '');
  return {
    id: o.id,
    connectionInstanceId: `${LOGIC_FLOWS_API}/connections/${flowHex}-5f683e5861ac3adc`,
    dataSources: o.dataSources,
    datasets: {},
    dependencies: deps,
    dependents: [],
    connectionRef: { id: LOGIC_FLOWS_API, displayName: 'Logic flows', apiTier: 'Standard', parameterHints: hints, parameterHintsV2: hintsV2 },
    ...(o.callbackUri !== undefined
      ? { connectionParameters: { workflowName: o.workflowName ?? '', workflowPath: '/workflows/x', workflowEndpoint: 'https://prod-00.westeurope.logic.azure.com:443/workflows/x', workFlowCallbackUri: o.callbackUri } }
      : {}),
    appActions: ['Run'],
  };
}

/** A connector entry of `LocalConnectionReferences`: the connection a flow entry depends on. */
export function connectorConnectionEntry(o: { id: string; api: string; dependents?: string[]; dataSources?: string[] }): Record<string, unknown> {
  return {
    id: o.id,
    connectionInstanceId: `/providers/microsoft.powerapps/apis/${o.api}/connections/0123456789abcdef0123456789abcdef`,
    dataSources: o.dataSources ?? [],
    datasets: {},
    dependencies: {},
    dependents: o.dependents ?? [],
    connectionRef: { id: `/providers/microsoft.powerapps/apis/${o.api}`, displayName: o.api, apiTier: 'Standard', parameterHints: {} },
  };
}

/**
 * A flow entry of the app record's `ConnectionReferences` (customizations.xml / `.meta.xml`):
 * `dependencies` is an *array* of app-local ids and `parameterHints` maps each id to the flow connection key.
 */
export function appRecordFlowEntry(o: Omit<FlowConnectionEntryOptions, 'id' | 'callbackUri'>): Record<string, unknown> {
  const deps = o.dependencies ?? {};
  const hints: Record<string, unknown> = {};
  const hintsV2: Record<string, unknown> = {};
  if (o.workflowName !== undefined) hints.workflowName = hintsV2.workflowName = { value: o.workflowName };
  if (o.workflowEntityId !== undefined) hints.workflowEntityId = hintsV2.workflowEntityId = o.workflowEntityId === null ? {} : { value: o.workflowEntityId };
  for (const [key, appConn] of Object.entries(deps)) {
    hints[appConn] = { value: key };
    hintsV2[key] = { value: appConn };
  }
  return {
    id: LOGIC_FLOWS_API,
    displayName: 'Logic flows',
    iconUri: 'https://connectoricons-prod.azureedge.net/logicflows/icon.png',
    dataSources: o.dataSources,
    dependencies: Object.values(deps),
    dependents: [],
    parameterHints: hints,
    parameterHintsV2: hintsV2,
    isOnPremiseConnection: false,
    bypassConsent: false,
    dataSets: {},
    apiTier: 'Standard',
    actions: ['Run'],
  };
}

/** A connector entry of the app record's `ConnectionReferences`. */
export function appRecordConnectorEntry(o: { api: string; dependents?: string[] }): Record<string, unknown> {
  return {
    id: `/providers/microsoft.powerapps/apis/${o.api}`,
    displayName: o.api,
    dataSources: [],
    dependencies: [],
    dependents: o.dependents ?? [],
    parameterHints: {},
    isOnPremiseConnection: false,
    bypassConsent: false,
    dataSets: {},
    apiTier: 'Standard',
    actions: [],
  };
}

// ---------------------------------------------------------------------------------------------
// .msapp and unpacked canvas sources
// ---------------------------------------------------------------------------------------------

export interface FlowDataSourceSpec {
  /** The identifier formulas use (`Name.Run(...)`). */
  name: string;
  /** Default `ConnectedWadl`; `AddinWadl` writes the legacy shape (AddinId/AddinConnectorId, no ApiId). */
  serviceKind?: 'ConnectedWadl' | 'AddinWadl';
  /** `WorkflowEntityId` (ConnectedWadl only); `null` writes `null`, undefined leaves it out. */
  workflowEntityId?: string | null;
  /** `FlowNameId` (ConnectedWadl) or `AddinConnectorId` (AddinWadl): the environment flow name. */
  flowNameId?: string;
  /** `WadlMetadata.WadlXml`; see {@link wadlXml}. Default: a signature with no inputs and no response (real apps always store one); `null` leaves it out. */
  wadl?: string | null;
}

/** The stored signature a data source gets: the given one, a minimal one by default, none for `null`. */
function wadlOf(d: FlowDataSourceSpec): string | undefined {
  if (d.wadl === null) return undefined;
  return d.wadl ?? wadlXml({ title: d.name, inputs: [], outputs: undefined });
}

/** One `References/DataSources.json` entry for a flow. */
export function flowDataSource(d: FlowDataSourceSpec, withWadl = true): Record<string, unknown> {
  const text = wadlOf(d);
  const wadl = withWadl && text !== undefined ? { WadlMetadata: { WadlXml: text } } : {};
  if (d.serviceKind === 'AddinWadl') {
    return { Name: d.name, Type: 'ServiceInfo', ServiceKind: 'AddinWadl', AddinId: ADDIN_ID, AddinConnectorId: d.flowNameId ?? guid(0xadd1), ...wadl };
  }
  return {
    Name: d.name,
    Type: 'ServiceInfo',
    ServiceKind: 'ConnectedWadl',
    ApiId: LOGIC_FLOWS_API,
    FlowNameId: d.flowNameId ?? guid(0xf10e),
    ...(d.workflowEntityId !== undefined ? { WorkflowEntityId: d.workflowEntityId } : {}),
    IsSampleData: false,
    IsWritable: false,
    ...wadl,
  };
}

/** Data sources that are not flows (a connector and static data), so readers must filter. */
export function otherDataSources(): Record<string, unknown>[] {
  return [
    { Name: 'Office365Users', Type: 'ServiceInfo', ServiceKind: 'ConnectedWadl', ApiId: '/providers/microsoft.powerapps/apis/shared_office365users', WadlMetadata: { WadlXml: '<application />' } },
    { Name: 'Colors', Type: 'StaticDataSourceInfo', IsSampleData: false, Data: '[]' },
  ];
}

export interface MsappOptions {
  dataSources: FlowDataSourceSpec[];
  /** `Properties.json` → `LocalConnectionReferences`: written as a JSON *string*. Pass a string to write it as is. */
  localConnectionReferences?: Record<string, unknown> | string;
  /** Entry names with `\` separators, like real .msapp files. Default true. */
  backslashes?: boolean;
  /** Also write non-flow data sources ({@link otherDataSources}). Default true. */
  otherDataSources?: boolean;
  /** Formulas of the App control's OnStart (e.g. `GetItems.Run(1)`). */
  onStart?: string;
  /** More entries (forward-slash names; converted like the rest), written after the standard ones. */
  extraEntries?: Record<string, Content>;
  /** Raw `References/DataSources.json` text instead of the generated one. */
  rawDataSources?: string;
  bom?: boolean;
  order?: 'natural' | 'reverse';
}

/** Builds an `.msapp` (a zip) holding only what readers need, plus the usual header files. */
export async function msapp(o: MsappOptions): Promise<Uint8Array> {
  const sep = o.backslashes === false ? '/' : '\\';
  const bom = o.bom ? BOM : '';
  const lcr = o.localConnectionReferences === undefined ? '{}' : typeof o.localConnectionReferences === 'string' ? o.localConnectionReferences : JSON.stringify(o.localConnectionReferences);
  const sources = [...o.dataSources.map((d) => flowDataSource(d)), ...(o.otherDataSources === false ? [] : otherDataSources())];
  const files: [string, Content][] = [
    ['Header.json', JSON.stringify({ DocVersion: '1.336', MinVersionToLoad: '1.331', MSAppStructureVersion: '2.0' })],
    [
      'Properties.json',
      bom +
        JSON.stringify({
          Author: '',
          Name: 'App',
          Id: guid(0xa99),
          FileID: guid(0xf11e),
          LocalConnectionReferences: lcr,
          LocalDatabaseReferences: '',
          LibraryDependencies: '[]',
          AppPreviewFlagsMap: {},
          DocumentAppType: 'DesktopOrTablet',
        }),
    ],
    ['References/DataSources.json', o.rawDataSources ?? bom + JSON.stringify({ DataSources: sources })],
    ['References/Templates.json', JSON.stringify({ UsedTemplates: [] })],
    [
      'Controls/1.json',
      JSON.stringify({
        TopParent: {
          Name: 'App',
          Children: [],
          Rules: o.onStart ? [{ Property: 'OnStart', Category: 'Behavior', InvariantScript: o.onStart, RuleProviderType: 'User' }] : [],
        },
      }),
    ],
    ...Object.entries(o.extraEntries ?? {}),
  ];
  return zipOf(
    files.map(([n, c]) => [n.replace(/\//g, sep), c]),
    o.order,
  );
}

export interface CanvasSourceOptions {
  dataSources: FlowDataSourceSpec[];
  /** `Connections/Connections.json` (the LocalConnectionReferences object); undefined = the file is absent. */
  connections?: Record<string, unknown>;
  onSelect?: string;
  bom?: boolean;
}

/**
 * Unpacked canvas sources (`pac canvas unpack`, SolutionPackager `--processCanvasApps`), relative to the
 * app's source folder: `DataSources/<Name>.json` (an array, WadlMetadata removed), `pkgs/Wadl/<Name>.xml`,
 * `Connections/Connections.json`, `CanvasManifest.json`, `Src/App.fx.yaml`.
 */
export function canvasSourceFiles(o: CanvasSourceOptions): FileMap {
  const bom = o.bom ? BOM : '';
  const out: FileMap = {};
  out['CanvasManifest.json'] = bytes(
    JSON.stringify({ FormatVersion: '0.24', Header: { DocVersion: '1.336', MSAppStructureVersion: '2.0' }, Properties: { Name: 'App' }, PublishInfo: {} }),
  );
  for (const d of o.dataSources) {
    out[`DataSources/${d.name}.json`] = bytes(bom + JSON.stringify([flowDataSource(d, false)]));
    const wadl = wadlOf(d);
    if (wadl !== undefined) out[`pkgs/Wadl/${d.name}.xml`] = bytes(bom + wadl);
  }
  out['DataSources/Office365Users.json'] = bytes(JSON.stringify([{ ApiId: '/providers/microsoft.powerapps/apis/shared_office365users', Name: 'Office365Users', ServiceKind: 'ConnectedWadl', Type: 'ServiceInfo' }]));
  if (o.connections !== undefined) out['Connections/Connections.json'] = bytes(bom + JSON.stringify(o.connections));
  out['Src/App.fx.yaml'] = bytes(`App As appinfo:\n    OnStart: |\n        =${o.onSelect ?? ''}\n`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// whole solutions
// ---------------------------------------------------------------------------------------------

export interface FlowFileSpec extends WorkflowRecordSpec {
  /** The flow file contents ({@link flowJson}), or raw text (broken JSON, a .xaml body). */
  json: Content | Record<string, unknown>;
  /** Leave the `<Workflow>` record out (zip: from customizations.xml; unpacked: no .data.xml). */
  noRecord?: boolean;
}

export interface AppSpec extends CanvasAppRecordSpec {
  /** The `.msapp` bytes ({@link msapp}), or text (a Git LFS pointer). Undefined = not in the export. */
  msapp?: Content;
  /** Unpacked canvas sources, relative to the app folder ({@link canvasSourceFiles}). */
  sources?: FileMap;
  /** Where the sources go: `src` = `CanvasApps/src/<name>/`, `msapp_src` = `CanvasApps/<name>_DocumentUri_msapp_src/`. Default `src`. */
  sourcesFolder?: 'src' | 'msapp_src';
}

export interface SolutionSpec {
  solution: SolutionXmlOptions;
  flows?: FlowFileSpec[];
  apps?: AppSpec[];
  connectionReferences?: ConnectionReferenceSpec[];
  /** More files, by path inside the solution (e.g. `environmentvariabledefinitions/...`). */
  extraFiles?: Record<string, Content>;
  /** Prefix every JSON and XML file with a UTF-8 BOM. */
  bom?: boolean;
}

export interface ZipOptions {
  /** Entry order in the zip: as generated, or reversed. */
  order?: 'natural' | 'reverse';
  /** Override the entry names of the two manifests (to test case-insensitive lookup). */
  solutionXmlName?: string;
  customizationsXmlName?: string;
}

function withRootComponents(spec: SolutionSpec): SolutionXmlOptions {
  const roots = [
    ...(spec.flows ?? []).map((f) => ({ type: 29, id: f.id.toLowerCase() })),
    ...(spec.apps ?? []).map((a) => ({ type: 300, schemaName: a.name })),
  ];
  return { ...spec.solution, rootComponents: spec.solution.rootComponents ?? roots };
}

function flowPath(f: FlowFileSpec): string {
  if (f.xamlFileName !== undefined) return f.xamlFileName.replace(/^\//, '');
  return (f.jsonFileName ?? workflowFileName(f.name, f.id)).replace(/^\//, '');
}

function flowContent(f: FlowFileSpec, bom: string): Uint8Array {
  if (f.json instanceof Uint8Array) return f.json;
  return bytes(bom + (typeof f.json === 'string' ? f.json : JSON.stringify(f.json)));
}

/** The app document's path inside the solution (no leading `/`). */
export function documentPath(a: CanvasAppRecordSpec): string {
  return (a.documentUri ?? `/CanvasApps/${a.name}_DocumentUri.msapp`).replace(/^\//, '');
}

/** `CanvasApps/<stem>_BackgroundImageUri`, with the stem of the document's file name. */
function backgroundImagePath(a: CanvasAppRecordSpec): string {
  return documentPath(a).replace(/_DocumentUri\.msapp$/i, '').replace(/\.msapp$/i, '') + '_BackgroundImageUri';
}

function appFiles(a: AppSpec): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  if (a.msapp !== undefined) out.push([documentPath(a), bytes(a.msapp)]);
  // SolutionPackager unpacks `x_DocumentUri.msapp` into `x_DocumentUri_msapp_src/`.
  const dir = a.sourcesFolder === 'msapp_src' ? `${documentPath(a).replace(/\.msapp$/i, '')}_msapp_src` : `CanvasApps/src/${a.name}`;
  for (const [p, c] of Object.entries(a.sources ?? {})) out.push([`${dir}/${p}`, c]);
  out.push([backgroundImagePath(a), new Uint8Array([0x89, 0x50, 0x4e, 0x47])]);
  return out;
}

/** The files of a solution zip (before zipping), in export order. */
export function solutionZipFiles(spec: SolutionSpec, o: ZipOptions = {}): [string, Uint8Array][] {
  const bom = spec.bom ? BOM : '';
  const records = (spec.flows ?? []).filter((f) => !f.noRecord);
  const files: [string, Uint8Array][] = [
    [o.customizationsXmlName ?? 'customizations.xml', bytes(bom + customizationsXml({ workflows: records, canvasApps: spec.apps ?? [], connectionReferences: spec.connectionReferences ?? [] }))],
    [o.solutionXmlName ?? 'solution.xml', bytes(bom + solutionXml(withRootComponents(spec)))],
    [
      '[Content_Types].xml',
      bytes(
        '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/octet-stream" /><Default Extension="json" ContentType="application/octet-stream" /><Default Extension="msapp" ContentType="application/octet-stream" /></Types>',
      ),
    ],
  ];
  for (const f of spec.flows ?? []) files.push([flowPath(f), flowContent(f, bom)]);
  for (const a of spec.apps ?? []) files.push(...appFiles(a));
  for (const [p, c] of Object.entries(spec.extraFiles ?? {})) files.push([p, bytes(c)]);
  return files;
}

/** A solution zip as "Export solution" writes it: `solution.xml`, `customizations.xml`, `[Content_Types].xml`, `Workflows/`, `CanvasApps/`. */
export async function solutionZip(spec: SolutionSpec, o: ZipOptions = {}): Promise<Uint8Array> {
  return zipOf(solutionZipFiles(spec, o), o.order);
}

/** The same files as {@link solutionZip}, committed extracted into a folder (`prefix/solution.xml`, …). */
export function extractedZipTree(spec: SolutionSpec, prefix = '', o: ZipOptions = {}): FileMap {
  const out: FileMap = {};
  for (const [p, c] of solutionZipFiles(spec, o)) out[prefix ? `${prefix}/${p}` : p] = c;
  return out;
}

/**
 * A SolutionPackager (`pac solution unpack`) tree below `root`: `Other/Solution.xml`,
 * `Other/Customizations.xml` (with empty `<Workflows />` and `<CanvasApps />`), `Workflows/*.json` +
 * `*.json.data.xml`, `CanvasApps/<name>.meta.xml` + `_DocumentUri.msapp` (and unpacked sources if given).
 */
export function unpackedTree(spec: SolutionSpec, root = ''): FileMap {
  const bom = spec.bom ? BOM : '';
  const at = (p: string): string => (root ? `${root}/${p}` : p);
  const out: FileMap = {};
  out[at('Other/Solution.xml')] = bytes(bom + solutionXml({ ...withRootComponents(spec), managed: spec.solution.managed ?? 2 }));
  out[at('Other/Customizations.xml')] = bytes(bom + customizationsXml({ connectionReferences: spec.connectionReferences ?? [] }));
  out[at('Other/Relationships.xml')] = bytes('<?xml version="1.0" encoding="utf-8"?><EntityRelationships xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" />');
  for (const f of spec.flows ?? []) {
    const path = flowPath(f);
    out[at(path)] = flowContent(f, bom);
    if (!f.noRecord) out[at(`${path}.data.xml`)] = bytes(bom + workflowDataXml(f));
  }
  for (const a of spec.apps ?? []) {
    out[at(`CanvasApps/${a.name}.meta.xml`)] = bytes(bom + canvasAppMetaXml(a));
    for (const [p, c] of appFiles(a)) out[at(p)] = c;
  }
  for (const [p, c] of Object.entries(spec.extraFiles ?? {})) out[at(p)] = bytes(c);
  return out;
}

// ---------------------------------------------------------------------------------------------
// legacy "Export package (.zip)"
// ---------------------------------------------------------------------------------------------

export interface LegacyFlowSpec {
  /** The flow's environment name GUID (definition.json `name`, folder name). */
  name: string;
  displayName: string;
  flow: FlowSpec;
}

export interface LegacyAppSpec {
  /** Resource id (folder name). */
  id: string;
  displayName: string;
  msapp: Uint8Array;
}

/**
 * A legacy export package: `manifest.json`, `Microsoft.Flow/flows/<id>/definition.json` (connection
 * references with `source: "Invoker"|"Embedded"`) and `Microsoft.PowerApps/apps/<id>/N<id>-document.msapp`.
 */
export async function legacyPackageZip(o: { displayName: string; flows: LegacyFlowSpec[]; apps: LegacyAppSpec[] }): Promise<Uint8Array> {
  const resources: Record<string, unknown> = {};
  const files: [string, Content][] = [];
  for (const f of o.flows) {
    const def = flowDefinition(f.flow) as { properties: { definition: unknown } };
    const connectionReferences: Record<string, unknown> = {};
    for (const c of f.flow.connections ?? []) {
      connectionReferences[c.key] = {
        connectionName: '0c43331d0a6c4f7c9b1f4e1d2c3b4a59',
        source: c.runtimeSource === 'invoker' ? 'Invoker' : 'Embedded',
        id: `/providers/Microsoft.PowerApps/apis/${c.api}`,
        tier: 'NotSpecified',
      };
    }
    files.push([
      `Microsoft.Flow/flows/${f.name}/definition.json`,
      JSON.stringify({
        name: f.name,
        id: `/providers/Microsoft.Flow/flows/${f.name}`,
        type: 'Microsoft.Flow/flows',
        properties: { apiId: '/providers/Microsoft.PowerApps/apis/shared_logicflows', displayName: f.displayName, definition: def.properties.definition, connectionReferences, flowFailureAlertSubscribed: false },
      }),
    ]);
    files.push([`Microsoft.Flow/flows/${f.name}/apisMap.json`, '{}']);
    files.push([`Microsoft.Flow/flows/${f.name}/connectionsMap.json`, '{}']);
    resources[f.name] = { type: 'Microsoft.Flow/flows', suggestedCreationType: 'Update', creationType: 'Existing, New, Update', details: { displayName: f.displayName }, dependsOn: [] };
  }
  for (const a of o.apps) {
    files.push([`Microsoft.PowerApps/apps/${a.id}/${a.id}.json`, JSON.stringify({ displayName: a.displayName })]);
    files.push([`Microsoft.PowerApps/apps/${a.id}/N${a.id}-document.msapp`, a.msapp]);
    resources[a.id] = { type: 'Microsoft.PowerApps/apps', suggestedCreationType: 'Update', details: { displayName: a.displayName }, dependsOn: o.flows.map((f) => f.name) };
  }
  files.unshift(['manifest.json', JSON.stringify({ schema: '1.0', details: { displayName: o.displayName, description: '', createdTime: '2021-01-01T00:00:00Z', packageTelemetryId: guid(7), creator: 'N/A' }, resources })]);
  return zipOf(files);
}

// ---------------------------------------------------------------------------------------------
// zips and trees
// ---------------------------------------------------------------------------------------------

/** A deflated zip of the given entries, in the given order (or reversed). */
export async function zipOf(files: readonly (readonly [string, Content])[], order: 'natural' | 'reverse' = 'natural'): Promise<Uint8Array> {
  const zip = new JSZip();
  const list = order === 'reverse' ? [...files].reverse() : files;
  for (const [name, content] of list) zip.file(name, bytes(content), { date: FIXED_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A Git LFS pointer, as a repository holds it when the binary was not fetched. */
export function lfsPointer(size = 1234567): string {
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${'ab'.repeat(32)}\nsize ${size}\n`;
}

/** An in-memory repository: path → contents, read through a {@link RepoTree} (with optional tight limits). */
export function memoryTree(files: Record<string, Content>, limits: ReadLimits = DEFAULT_LIMITS): RepoTree {
  const data = new Map(Object.entries(files).map(([p, c]) => [p, bytes(c)]));
  return new RepoTree(
    [...data.entries()].map(([path, c]) => ({ path, size: c.byteLength })),
    async (path) => {
      const c = data.get(path);
      if (!c) throw new Error(`memoryTree: no file ${path}`);
      return c;
    },
    limits,
  );
}

/** Prefixes every path of a map with a folder. */
export function under(prefix: string, files: FileMap): FileMap {
  return Object.fromEntries(Object.entries(files).map(([p, c]) => [`${prefix}/${p}`, c]));
}
