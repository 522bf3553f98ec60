/**
 * Tests of the loopback fakes themselves (fake-dataverse.ts, fake-entra.ts): each documented behaviour the
 * target check's tests rely on is asserted here, so a client test that passes against the fakes passes for a
 * reason that holds against the service.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  API_PATH,
  SCHEMA,
  SERVICE_PROTECTION,
  WHO_AM_I,
  odataError,
  startFakeDataverse,
  throttleFault,
  type FakeDataverse,
  type Row,
} from '../helpers/fake-dataverse.js';
import { startFakeEntra, startFakeOidc, type FakeEntra } from '../helpers/fake-entra.js';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.fake-dataverse-token';
const AUTH = { Authorization: `Bearer ${TOKEN}` };

const FLOW_A = '9985ea58-1d2b-4c3e-8f7a-0a1b2c3d4e5f';
const FLOW_B = '1b2c3d4e-5f60-4718-9a0b-c1d2e3f40516';
const FLOW_C = 'aa000000-0000-4000-8000-00000000000c';
const SOLUTION = 'c0ffee00-0000-4000-8000-000000000001';

const workflows: Row[] = [
  { workflowid: FLOW_A, name: 'Get Order Status', category: 5, statecode: 1, statuscode: 2, clientdata: '{"properties":{}}', ismanaged: true, type: 1, workflowidunique: 'f0000000-0000-4000-8000-00000000000a', modifiedon: '2026-11-01T10:00:00Z' },
  { workflowid: FLOW_B, name: "O'Brian's approvals", category: 5, statecode: 0, statuscode: 1, clientdata: '{}', ismanaged: false, type: 1, workflowidunique: 'f0000000-0000-4000-8000-00000000000b', modifiedon: '2026-10-01T10:00:00Z' },
  { workflowid: FLOW_C, name: 'Classic workflow', category: 0, statecode: 1, statuscode: 2, clientdata: null, ismanaged: false, type: 1, workflowidunique: 'f0000000-0000-4000-8000-00000000000c', modifiedon: '2026-09-01T10:00:00Z' },
];
const manyWorkflows: Row[] = Array.from({ length: 7 }, (_, i) => ({
  workflowid: `bb000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Flow ${i}`,
  category: 5,
  statecode: 1,
  statuscode: 2,
  clientdata: '{}',
  ismanaged: true,
  type: 1,
  workflowidunique: `cc000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  modifiedon: '2026-11-01T10:00:00Z',
}));
const layers: Row[] = [
  { msdyn_componentlayerid: 'l-2', msdyn_componentid: FLOW_A, msdyn_solutioncomponentname: 'Workflow', msdyn_solutionname: 'Active', msdyn_order: 2, msdyn_name: 'Get Order Status', msdyn_publishername: 'DefaultPublisher', msdyn_overwritetime: '2026-11-02T10:00:00Z', msdyn_componentjson: '{"Attributes":[]}' },
  { msdyn_componentlayerid: 'l-1', msdyn_componentid: FLOW_A, msdyn_solutioncomponentname: 'Workflow', msdyn_solutionname: 'ContosoRequests', msdyn_order: 1, msdyn_name: 'Get Order Status', msdyn_publishername: 'Contoso', msdyn_overwritetime: '1900-01-01T00:00:00Z', msdyn_componentjson: '{"Attributes":[1]}' },
  { msdyn_componentlayerid: 'l-9', msdyn_componentid: FLOW_B, msdyn_solutioncomponentname: 'Workflow', msdyn_solutionname: 'Other', msdyn_order: 1, msdyn_name: 'Other', msdyn_publishername: 'Contoso', msdyn_overwritetime: '1900-01-01T00:00:00Z', msdyn_componentjson: '{}' },
];
const tables = {
  solutions: [{ solutionid: SOLUTION, uniquename: 'ContosoRequests', friendlyname: 'Contoso Requests', version: '1.0.0.36', ismanaged: true, installedon: '2026-11-01T09:00:00Z' }],
  workflows,
  canvasapps: [{ canvasappid: 'dd000000-0000-4000-8000-000000000001', name: 'contoso_requests_1a2b3', displayname: 'Requests', ismanaged: true, appversion: '2026-11-01T09:00:00Z' }],
  connectionreferences: [
    { connectionreferenceid: 'ee000000-0000-4000-8000-000000000001', connectionreferencelogicalname: 'contoso_sharedsql_1', connectorid: '/providers/Microsoft.PowerApps/apis/shared_sql', connectionid: null, statecode: 0, ismanaged: true },
    { connectionreferenceid: 'ee000000-0000-4000-8000-000000000002', connectionreferencelogicalname: 'contoso_office365', connectorid: '/providers/Microsoft.PowerApps/apis/shared_office365', connectionid: 'shared-office365-1234', statecode: 0, ismanaged: true },
  ],
  msdyn_componentlayers: layers,
  many: manyWorkflows,
};

interface Res {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}
async function get(base: string, pathAndQuery: string, headers: Record<string, string> = AUTH, method = 'GET'): Promise<Res> {
  const url = /^https?:/.test(pathAndQuery) ? pathAndQuery : `${base}${API_PATH}${pathAndQuery}`;
  const r = await fetch(url, { method, headers });
  const text = await r.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, json };
}
const q = (filter: string): string => encodeURIComponent(filter);

describe('fake Dataverse Web API', () => {
  let dv: FakeDataverse;
  let many: FakeDataverse;
  const call = (p: string, h?: Record<string, string>, m?: string): Promise<Res> => get(dv.url, p, h, m);

  beforeAll(async () => {
    dv = await startFakeDataverse({ tables, token: TOKEN, forbidden: ['canvasapps'] });
    many = await startFakeDataverse({ tables: { workflows: manyWorkflows }, token: TOKEN, maxPageSize: 3 });
  });
  afterAll(async () => {
    await dv.close();
    await many.close();
  });

  describe('endpoint, headers, routing', () => {
    it('listens on 127.0.0.1 on an ephemeral port, API under /api/data/v9.2/', async () => {
      expect(dv.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await call('');
      expect(r.status).toBe(200);
      expect(r.json.value.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['workflows', 'solutions', 'msdyn_componentlayers']));
    });

    it('answers with Content-Type application/json; odata.metadata=minimal and OData-Version 4.0', async () => {
      const r = await call('workflows?$select=name');
      expect(r.headers.get('content-type')).toBe('application/json; odata.metadata=minimal');
      expect(r.headers.get('odata-version')).toBe('4.0');
    });

    it('answers a request without Accept: application/json (no stricter than the service)', async () => {
      const r = await call('WhoAmI', { ...AUTH, Accept: '*/*' });
      expect(r.status).toBe(200);
      const bare = await call('WhoAmI', AUTH);
      expect(bare.status).toBe(200);
    });

    it('unknown entity set → 404 with an OData error', async () => {
      const r = await call('flows');
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('0x8006088a');
      expect(r.json.error.message).toContain("'flows'");
      expect((await call('../other')).status).toBe(404);
    });

    it('non-GET → 405, recorded', async () => {
      for (const method of ['POST', 'PATCH', 'DELETE']) {
        const r = await call(`workflows(${FLOW_A})`, AUTH, method);
        expect(r.status).toBe(405);
        expect(r.headers.get('allow')).toBe('GET');
        expect(r.json.error.message).toContain(method);
      }
      expect(dv.requests.filter((x) => x.status === 405).map((x) => x.method)).toEqual(['POST', 'PATCH', 'DELETE']);
      const last = dv.requests[dv.requests.length - 1]!;
      expect(last).toMatchObject({ method: 'DELETE', url: `${API_PATH}workflows(${FLOW_A})`, authorization: `Bearer ${TOKEN}`, status: 405 });
    });

    it('a query option the fake does not implement is a 501 that says so, never a silent answer', async () => {
      const r = await call('workflows?$expand=createdby');
      expect(r.status).toBe(501);
      expect(r.json.error.message).toContain('FakeDataverse does not implement the query option $expand');
    });
  });

  describe('WhoAmI and the schema', () => {
    it('WhoAmI → {BusinessUnitId, UserId, OrganizationId}', async () => {
      const r = await call('WhoAmI');
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject(WHO_AM_I);
      expect(r.json['@odata.context']).toBe(`${dv.url}${API_PATH}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`);
    });

    it('exports the column types of each entity set, and odataError()', () => {
      expect(SCHEMA.workflows!.columns).toMatchObject({ workflowid: 'Edm.Guid', name: 'Edm.String', category: 'Edm.Int32', clientdata: 'Edm.String', ismanaged: 'Edm.Boolean', workflowidunique: 'Edm.Guid', modifiedon: 'Edm.DateTimeOffset' });
      expect(SCHEMA.solutions!.columns).toMatchObject({ solutionid: 'Edm.Guid', uniquename: 'Edm.String', version: 'Edm.String', ismanaged: 'Edm.Boolean', installedon: 'Edm.DateTimeOffset' });
      expect(SCHEMA.canvasapps!.columns).toMatchObject({ canvasappid: 'Edm.Guid', name: 'Edm.String', displayname: 'Edm.String', appversion: 'Edm.DateTimeOffset' });
      expect(SCHEMA.connectionreferences!.columns).toMatchObject({ connectionreferenceid: 'Edm.Guid', connectionreferencelogicalname: 'Edm.String', connectorid: 'Edm.String', connectionid: 'Edm.String', statecode: 'Edm.Int32' });
      expect(SCHEMA.msdyn_componentlayers!.columns).toMatchObject({ msdyn_componentlayerid: 'Edm.String', msdyn_componentid: 'Edm.String', msdyn_order: 'Edm.Int32', msdyn_overwritetime: 'Edm.DateTimeOffset', msdyn_componentjson: 'Edm.String' });
      expect(JSON.parse(odataError('0x80040217', 'x Does Not Exist'))).toEqual({ error: { code: '0x80040217', message: 'x Does Not Exist' } });
    });
  });

  describe('$select', () => {
    it('returns only the selected columns, the key and @odata.etag; the context names the columns', async () => {
      const r = await call('workflows?$select=name,statecode');
      expect(r.status).toBe(200);
      expect(r.json['@odata.context']).toBe(`${dv.url}${API_PATH}$metadata#workflows(name,statecode)`);
      expect(r.json.value).toHaveLength(3);
      for (const row of r.json.value) expect(Object.keys(row).sort()).toEqual(['@odata.etag', 'name', 'statecode', 'workflowid']);
      expect(r.json.value[0]['@odata.etag']).toMatch(/^W\/"\d+"$/);
    });

    it('without $select: every column; a selected column without a value is null', async () => {
      const r = await call('connectionreferences');
      expect(r.json['@odata.context']).toBe(`${dv.url}${API_PATH}$metadata#connectionreferences`);
      expect(Object.keys(r.json.value[0]).sort()).toEqual(['@odata.etag', ...Object.keys(SCHEMA.connectionreferences!.columns)].sort());
      expect(r.json.value[0].connectionid).toBeNull();
    });

    it('unknown column in $select → 400 "Could not find a property named …"', async () => {
      const r = await call('workflows?$select=name,definition');
      expect(r.status).toBe(400);
      expect(r.json.error.message).toBe("Could not find a property named 'definition' on type 'Microsoft.Dynamics.CRM.workflow'.");
    });
  });

  describe('$filter', () => {
    const names = async (filter: string, set = 'workflows', col = 'name'): Promise<string[]> => {
      const r = await call(`${set}?$select=${col}&$filter=${q(filter)}`);
      if (r.status !== 200) throw new Error(`${r.status} ${r.text}`);
      return r.json.value.map((row: Row) => row[col]);
    };
    const error = async (filter: string, set = 'workflows'): Promise<{ status: number; code: string; message: string }> => {
      const r = await call(`${set}?$filter=${q(filter)}`);
      return { status: r.status, code: r.json?.error?.code, message: r.json?.error?.message };
    };

    it('eq on a string is case-insensitive; \'\' escapes a quote', async () => {
      expect(await names("name eq 'get order status'")).toEqual(['Get Order Status']);
      expect(await names("name eq 'O''Brian''s approvals'")).toEqual(["O'Brian's approvals"]);
    });

    it('eq on a Guid column takes an unquoted GUID, compared case-insensitively', async () => {
      expect(await names(`workflowid eq ${FLOW_A.toUpperCase()}`)).toEqual(['Get Order Status']);
    });

    it('ne, and, or, not, parentheses, integers, true/false, null', async () => {
      expect(await names('category ne 5')).toEqual(['Classic workflow']);
      expect(await names('category eq 5 and statecode eq 1')).toEqual(['Get Order Status']);
      expect(await names('statecode eq 0 or category eq 0')).toEqual(["O'Brian's approvals", 'Classic workflow']);
      expect(await names('not (category eq 5)')).toEqual(['Classic workflow']);
      expect(await names('(category eq 5 or category eq 0) and not ismanaged eq true')).toEqual(["O'Brian's approvals", 'Classic workflow']);
      expect(await names('ismanaged eq false and statecode eq 1')).toEqual(['Classic workflow']);
      expect(await names('connectionid eq null', 'connectionreferences', 'connectionreferencelogicalname')).toEqual(['contoso_sharedsql_1']);
      expect(await names('connectionid ne null', 'connectionreferences', 'connectionreferencelogicalname')).toEqual(['contoso_office365']);
      expect(await names('modifiedon gt 2026-09-15T00:00:00Z')).toEqual(['Get Order Status', "O'Brian's approvals"]);
      expect(await names("contains(name,'ORDER')")).toEqual(['Get Order Status']);
    });

    it('Microsoft.Dynamics.CRM.In with PropertyValues as a JSON array of strings (GUID strings for a Guid column)', async () => {
      expect(await names(`Microsoft.Dynamics.CRM.In(PropertyName='workflowid',PropertyValues=["${FLOW_A}","${FLOW_C.toUpperCase()}"])`)).toEqual(['Get Order Status', 'Classic workflow']);
      expect(await names(`Microsoft.Dynamics.CRM.In(PropertyName='workflowid',PropertyValues=['${FLOW_B}'])`)).toEqual(["O'Brian's approvals"]);
      expect(await names(`Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=["classic workflow","O'Brian's approvals"])`)).toEqual(["O'Brian's approvals", 'Classic workflow']);
      const aliased = await call(`workflows?$select=name&$filter=${q('Microsoft.Dynamics.CRM.In(PropertyName=@p1,PropertyValues=@p2)')}&@p1=${q("'workflowid'")}&@p2=${q(`["${FLOW_A}"]`)}`);
      expect(aliased.json.value.map((r: Row) => r.name)).toEqual(['Get Order Status']);
    });

    it('In with a value that is not a GUID for a Guid column → 400; an apostrophe in a single-quoted value → the documented Invalid JSON error', async () => {
      const bad = await error(`Microsoft.Dynamics.CRM.In(PropertyName='workflowid',PropertyValues=['not-a-guid'])`);
      expect(bad.status).toBe(400);
      expect(bad.message).toContain('Guid');
      const quote = await error(`Microsoft.Dynamics.CRM.In(PropertyName='name',PropertyValues=['O'Brian','x'])`);
      expect(quote.status).toBe(400);
      expect(quote.message).toContain("Invalid JSON. A comma character ',' was expected in scope 'Array'.");
    });

    it('OData 4.01 `col in (…)`, typed like eq', async () => {
      expect(await names(`workflowid in (${FLOW_A},${FLOW_B})`)).toEqual(['Get Order Status', "O'Brian's approvals"]);
      expect(await names(`name in ('classic workflow','nothing')`)).toEqual(['Classic workflow']);
      const e = await error(`workflowid in ('${FLOW_A}')`);
      expect(e.status).toBe(400);
      expect(e.message).toContain("incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String'");
    });

    it('typed: a Guid column with a quoted string → 400 incompatible types (the real message)', async () => {
      const e = await error(`workflowid eq '${FLOW_A}'`);
      expect(e).toEqual({ status: 400, code: '0x80060888', message: "A binary operator with incompatible types was detected. Found operand types 'Edm.Guid' and 'Edm.String' for operator kind 'Equal'." });
    });

    it('typed: a String column with an unquoted GUID or a number → 400 incompatible types', async () => {
      const guid = await error(`name eq ${FLOW_A}`);
      expect(guid.status).toBe(400);
      expect(guid.message).toBe("A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Guid' for operator kind 'Equal'.");
      const num = await error('name ne 5');
      expect(num.message).toBe("A binary operator with incompatible types was detected. Found operand types 'Edm.String' and 'Edm.Int32' for operator kind 'NotEqual'.");
      const cr = await error(`msdyn_componentid eq ${FLOW_A} and msdyn_solutioncomponentname eq 'Workflow'`, 'msdyn_componentlayers');
      expect(cr.message).toContain("Found operand types 'Edm.String' and 'Edm.Guid'");
      const int = await error("category eq '5'");
      expect(int.message).toContain("Found operand types 'Edm.Int32' and 'Edm.String'");
    });

    it('unknown column in $filter → 400 "Could not find a property named …"', async () => {
      const e = await error("definition eq 'x'");
      expect(e).toEqual({ status: 400, code: '0x80060888', message: "Could not find a property named 'definition' on type 'Microsoft.Dynamics.CRM.workflow'." });
      const s = await error("friendlyname eq 'x' or bogus eq 1", 'solutions');
      expect(s.message).toBe("Could not find a property named 'bogus' on type 'Microsoft.Dynamics.CRM.solution'.");
    });

    it('syntax errors → 400 (unterminated literal worded as the docs show)', async () => {
      const e = await error("name eq 'O'Bryan'");
      expect(e.status).toBe(400);
      const u = await error("name eq 'abc");
      expect(u.message).toBe("There is an unterminated literal at position 8 in 'name eq 'abc'.");
      expect((await error('name eq')).status).toBe(400);
      expect((await error('(name eq 5')).status).toBe(400);
    });
  });

  describe('$top and paging', () => {
    it('$top limits the rows', async () => {
      const r = await call('workflows?$select=name&$top=2');
      expect(r.json.value).toHaveLength(2);
      expect(r.json['@odata.nextLink']).toBeUndefined();
    });

    it('Prefer: odata.maxpagesize=N → pages of N, Preference-Applied, absolute @odata.nextLink with $skiptoken on the same origin', async () => {
      const seen: string[] = [];
      let url: string | undefined = `${many.url}${API_PATH}workflows?$select=name&$filter=${q('category eq 5')}`;
      let pages = 0;
      while (url) {
        const r = await get(many.url, url, { ...AUTH, Prefer: 'odata.maxpagesize=2' });
        expect(r.status).toBe(200);
        expect(r.headers.get('preference-applied')).toBe('odata.maxpagesize=2');
        expect(r.json['@odata.context']).toBe(`${many.url}${API_PATH}$metadata#workflows(name)`);
        expect(r.json.value.length).toBeLessThanOrEqual(2);
        seen.push(...r.json.value.map((row: Row) => String(row.name)));
        url = r.json['@odata.nextLink'];
        if (url) {
          expect(url.startsWith(`${many.url}${API_PATH}workflows?`)).toBe(true);
          expect(new URL(url).searchParams.get('$skiptoken')).toMatch(/^<cookie pagenumber="\d+" pagingcookie=".+" istracking="False" \/>$/);
          expect(new URL(url).searchParams.get('$filter')).toBe('category eq 5');
        }
        pages++;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(manyWorkflows.map((w) => w.name));
    });

    it('the server page size caps the preference, and without a preference the server pages too', async () => {
      const r = await get(many.url, 'workflows?$select=name', { ...AUTH, Prefer: 'odata.include-annotations="*",odata.maxpagesize=50' });
      expect(r.json.value).toHaveLength(3);
      expect(r.headers.get('preference-applied')).toBe('odata.maxpagesize=3');
      const plain = await get(many.url, 'workflows?$select=name');
      expect(plain.json.value).toHaveLength(3);
      expect(plain.headers.get('preference-applied')).toBeNull();
      expect(plain.json['@odata.nextLink']).toContain('$skiptoken=');
    });

    it('$top with odata.maxpagesize: $top is ignored (page-results)', async () => {
      const r = await get(many.url, 'workflows?$select=name&$top=1', { ...AUTH, Prefer: 'odata.maxpagesize=2' });
      expect(r.json.value).toHaveLength(2);
      expect(r.json['@odata.nextLink']).toBeDefined();
    });
  });

  describe('extras: further tables, $orderby, $count', () => {
    it('a table without a schema entry gets one inferred from its rows (GUID-valued *id columns are Edm.Guid); `schema` adds or overrides one', async () => {
      const r = await call(`many?$select=name&$filter=${q("workflowid eq bb000000-0000-4000-8000-000000000003 or name eq 'flow 5'")}`);
      expect(r.status).toBe(200);
      expect(r.json.value.map((row: Row) => row.name)).toEqual(['Flow 3', 'Flow 5']);
      const typed = await call(`many?$filter=${q("workflowid eq 'bb000000-0000-4000-8000-000000000003'")}`);
      expect(typed.json.error.message).toContain("Found operand types 'Edm.Guid' and 'Edm.String'");
      const ev = await startFakeDataverse({
        tables: { environmentvariabledefinitions: [{ environmentvariabledefinitionid: 'ab000000-0000-4000-8000-000000000001', schemaname: 'contoso_ApiUrl', defaultvalue: 'https://x' }] },
        schema: {
          environmentvariabledefinitions: {
            entity: 'environmentvariabledefinition',
            key: 'environmentvariabledefinitionid',
            privilege: 'prvReadenvironmentvariabledefinition',
            otc: 380,
            columns: { environmentvariabledefinitionid: 'Edm.Guid', schemaname: 'Edm.String', defaultvalue: 'Edm.String' },
          },
        },
      });
      try {
        const e = await get(ev.url, `environmentvariabledefinitions?$select=defaultvalue&$filter=${q("schemaname eq 'CONTOSO_APIURL'")}`);
        expect(e.json.value).toEqual([{ '@odata.etag': expect.any(String), defaultvalue: 'https://x', environmentvariabledefinitionid: 'ab000000-0000-4000-8000-000000000001' }]);
        expect((await get(ev.url, 'environmentvariabledefinitions?$select=value')).json.error.message).toBe(
          "Could not find a property named 'value' on type 'Microsoft.Dynamics.CRM.environmentvariabledefinition'.",
        );
      } finally {
        await ev.close();
      }
    });

    it('$orderby and $count=true', async () => {
      const r = await call('workflows?$select=name&$orderby=modifiedon asc&$count=true');
      expect(r.json['@odata.count']).toBe(3);
      expect(r.json.value.map((row: Row) => row.name)).toEqual(['Classic workflow', "O'Brian's approvals", 'Get Order Status']);
      const d = await call('workflows?$select=name&$orderby=category desc,name');
      expect(d.json.value.map((row: Row) => row.name)).toEqual(['Get Order Status', "O'Brian's approvals", 'Classic workflow']);
    });

    it('a maxpagesize above 5,000 is ignored (page-results), not applied', async () => {
      const r = await call('workflows?$select=name', { ...AUTH, Prefer: 'odata.maxpagesize=9000' });
      expect(r.status).toBe(200);
      expect(r.headers.get('preference-applied')).toBeNull();
      expect(r.json.value).toHaveLength(3);
    });
  });

  describe('by key', () => {
    it('<set>(<guid>) → the row with @odata.context', async () => {
      const r = await call(`workflows(${FLOW_A.toUpperCase()})?$select=name,statecode`);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ '@odata.context': `${dv.url}${API_PATH}$metadata#workflows(name,statecode)/$entity`, name: 'Get Order Status', statecode: 1, workflowid: FLOW_A });
      expect(r.json['@odata.etag']).toBeDefined();
    });

    it('missing → 404 0x80040217 "… Does Not Exist"', async () => {
      const id = '00000000-0000-4000-8000-000000000999';
      const r = await call(`workflows(${id})`);
      expect(r.status).toBe(404);
      expect(r.json.error.code).toBe('0x80040217');
      expect(r.json.error.message).toBe(`workflow With Id = ${id} Does Not Exist`);
    });

    it('malformed key → 400', async () => {
      const r = await call('workflows(not-a-guid)');
      expect(r.status).toBe(400);
      expect(r.json.error.message).toContain('not-a-guid');
      expect((await call(`workflows('${FLOW_A}')`)).status).toBe(400);
    });
  });

  describe('msdyn_componentlayers (virtual table)', () => {
    it('answers msdyn_componentid eq \'<guid>\' and msdyn_solutioncomponentname eq \'<name>\' (either order), sorted by msdyn_order, ignoring $select', async () => {
      for (const filter of [
        `msdyn_componentid eq '${FLOW_A}' and msdyn_solutioncomponentname eq 'Workflow'`,
        `msdyn_solutioncomponentname eq 'Workflow' and msdyn_componentid eq '${FLOW_A.toUpperCase()}'`,
      ]) {
        const r = await call(`msdyn_componentlayers?$select=msdyn_solutionname&$filter=${q(filter)}`);
        expect(r.status).toBe(200);
        expect(r.json.value.map((l: Row) => l.msdyn_solutionname)).toEqual(['ContosoRequests', 'Active']);
        expect(r.json.value.map((l: Row) => l.msdyn_order)).toEqual([1, 2]);
        for (const row of r.json.value) expect(Object.keys(row)).toEqual(expect.arrayContaining(Object.keys(SCHEMA.msdyn_componentlayers!.columns)));
        expect(r.json.value[0].msdyn_componentjson).toBe('{"Attributes":[1]}');
      }
    });

    it('anything else (no $filter, one column only, or, In, ne) → 400 saying what it needs', async () => {
      for (const filter of [
        undefined,
        `msdyn_componentid eq '${FLOW_A}'`,
        `msdyn_solutioncomponentname eq 'Workflow'`,
        `msdyn_componentid eq '${FLOW_A}' or msdyn_solutioncomponentname eq 'Workflow'`,
        `Microsoft.Dynamics.CRM.In(PropertyName='msdyn_componentid',PropertyValues=["${FLOW_A}","${FLOW_B}"]) and msdyn_solutioncomponentname eq 'Workflow'`,
        `msdyn_componentid ne '${FLOW_A}' and msdyn_solutioncomponentname eq 'Workflow'`,
      ]) {
        const r = await call(`msdyn_componentlayers${filter === undefined ? '' : `?$filter=${q(filter)}`}`);
        expect(r.status).toBe(400);
        expect(r.json.error.message).toContain('msdyn_componentid');
        expect(r.json.error.message).toContain('msdyn_solutioncomponentname');
      }
    });
  });

  describe('auth', () => {
    it('missing or wrong bearer → 401 with WWW-Authenticate naming the authority and the resource, empty body', async () => {
      for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Basic ${TOKEN}` }] as Record<string, string>[]) {
        const r = await call('WhoAmI', headers);
        expect(r.status).toBe(401);
        expect(r.text).toBe('');
        expect(r.headers.get('www-authenticate')).toBe(`Bearer authorization_uri=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/authorize, resource_id=${dv.url}`);
      }
      const unauthorized = dv.requests.filter((x) => x.status === 401);
      expect(unauthorized.map((x) => x.authorization)).toEqual(expect.arrayContaining([undefined, 'Bearer wrong']));
    });

    it('token undefined: any non-empty bearer is accepted', async () => {
      const open = await startFakeDataverse({ tables: {}, tenantId: 'contoso-tenant' });
      try {
        expect((await get(open.url, 'WhoAmI', { Authorization: 'Bearer anything' })).status).toBe(200);
        const none = await get(open.url, 'WhoAmI', {});
        expect(none.status).toBe(401);
        expect(none.headers.get('www-authenticate')).toContain('https://login.microsoftonline.com/contoso-tenant/oauth2/authorize');
      } finally {
        await open.close();
      }
    });
  });

  describe('privileges', () => {
    it('a forbidden table → 403 0x80040220 naming the missing read privilege', async () => {
      const r = await call('canvasapps?$select=name');
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('0x80040220');
      expect(r.json.error.message).toMatch(/^Principal user \(Id=[0-9a-f-]+, type=8, .*\), is missing prvReadcanvasapp privilege \(Id=[0-9a-f-]+\) on OTC=300 for entity 'canvasapp'\./);
      expect((await call('canvasapps(dd000000-0000-4000-8000-000000000001)')).status).toBe(403);
    });

    it('each table names its own privilege', async () => {
      const all = await startFakeDataverse({ tables, forbidden: Object.keys(SCHEMA) });
      try {
        const expected: Record<string, string> = {
          solutions: 'prvReadSolution',
          workflows: 'prvReadWorkflow',
          canvasapps: 'prvReadcanvasapp',
          connectionreferences: 'prvReadconnectionreference',
          msdyn_componentlayers: 'prvReadmsdyn_componentlayer',
        };
        for (const [set, privilege] of Object.entries(expected)) {
          const r = await get(all.url, set, AUTH);
          expect(r.status).toBe(403);
          expect(r.json.error.message).toContain(`is missing ${privilege} privilege`);
        }
        expect(JSON.parse((await get(all.url, 'workflows', AUTH)).text).error.message).toContain("on OTC=4703 for entity 'workflow'");
      } finally {
        await all.close();
      }
    });
  });

  describe('latency and concurrency', () => {
    it('each request waits latencyMs; maxInFlight counts requests handled at once', async () => {
      const slow = await startFakeDataverse({ tables, latencyMs: 150 });
      try {
        const t0 = Date.now();
        await Promise.all(Array.from({ length: 5 }, () => get(slow.url, 'WhoAmI')));
        expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
        expect(slow.maxInFlight).toBe(5);
        const seq = await startFakeDataverse({ tables, latencyMs: 20 });
        try {
          for (let i = 0; i < 3; i++) await get(seq.url, 'WhoAmI');
          expect(seq.maxInFlight).toBe(1);
          expect(seq.requests).toHaveLength(3);
        } finally {
          await seq.close();
        }
      } finally {
        await slow.close();
      }
    });

    it('close() during a latency wait ends at once, with no timer left', async () => {
      const slow = await startFakeDataverse({ tables, latencyMs: 30_000 });
      const pending = get(slow.url, 'WhoAmI').catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 50));
      const t0 = Date.now();
      await slow.close();
      expect(await pending).toHaveProperty('message', 'fetch failed');
      expect(Date.now() - t0).toBeLessThan(2000);
    });
  });

  describe('faults', () => {
    it('429 with Retry-After and the documented default body; the fault sees method, path, entity set, URL and count (after auth)', async () => {
      const seen: { method: string; path: string; entitySet: string | undefined; count: number }[] = [];
      const f = await startFakeDataverse({
        tables,
        token: TOKEN,
        fault: (req) => {
          seen.push({ method: req.method, path: req.path, entitySet: req.entitySet, count: req.count });
          return req.count === 2 ? { status: 429, headers: { 'Retry-After': '1' } } : undefined;
        },
      });
      try {
        expect((await get(f.url, 'WhoAmI', {})).status).toBe(401);
        const r = await get(f.url, `workflows(${FLOW_A})`);
        expect(r.status).toBe(429);
        expect(r.headers.get('retry-after')).toBe('1');
        expect(r.json.error).toEqual({ code: '0x80072322', message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' });
        expect((await get(f.url, 'workflows?$select=name')).status).toBe(200);
        expect(seen).toEqual([
          { method: 'GET', path: `${API_PATH}workflows(${FLOW_A})`, entitySet: 'workflows', count: 2 },
          { method: 'GET', path: `${API_PATH}workflows`, entitySet: 'workflows', count: 3 },
        ]);
        expect(f.requests.map((x) => x.status)).toEqual([401, 429, 200]);
      } finally {
        await f.close();
      }
    });

    it('503, 500, 403 and raw bodies as given; throttleFault() for the three documented limits', async () => {
      const faults = [
        { status: 503, headers: { 'Retry-After': '2' } },
        { status: 500 },
        { status: 403, body: odataError('0x80040220', 'custom') },
        throttleFault('executionTime', 3),
        throttleFault('concurrency'),
        { status: 502, body: '<html>bad gateway</html>', headers: { 'Content-Type': 'text/html' } },
      ];
      const f = await startFakeDataverse({ tables, fault: (req) => faults[req.count - 1] });
      try {
        const a = await get(f.url, 'WhoAmI');
        expect([a.status, a.headers.get('retry-after'), typeof a.json.error.code]).toEqual([503, '2', 'string']);
        const b = await get(f.url, 'WhoAmI');
        expect([b.status, typeof b.json.error.message]).toEqual([500, 'string']);
        const c = await get(f.url, 'WhoAmI');
        expect([c.status, c.json.error.message]).toEqual([403, 'custom']);
        const d = await get(f.url, 'WhoAmI');
        expect([d.status, d.headers.get('retry-after'), d.json.error.code]).toEqual([429, '3', SERVICE_PROTECTION.executionTime.code]);
        expect(d.json.error.code).toBe('0x80072321');
        const e = await get(f.url, 'WhoAmI');
        expect([e.status, e.json.error.code, e.json.error.message]).toEqual([429, '0x80072326', 'Number of concurrent requests exceeded the limit of 52.']);
        const g = await get(f.url, 'WhoAmI');
        expect([g.status, g.text, g.headers.get('content-type')]).toEqual([502, '<html>bad gateway</html>', 'text/html']);
        expect((await get(f.url, 'WhoAmI')).status).toBe(200);
      } finally {
        await f.close();
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

const TENANT = '11111111-2222-4333-8444-555555555555';
const CLIENT = '66666666-7777-4888-9999-000000000000';
const SECRET = 'fake~secret.value';
const ASSERTION = 'eyJhbGciOiJSUzI1NiJ9.github-oidc-assertion.sig';
const ACCESS = 'eyJ0eXAiOiJKV1QifQ.entra-issued-access-token.sig';
const ROOT = path.resolve(process.cwd());

/** Runs @azure/identity in a child process that trusts the fake's certificate (NODE_EXTRA_CA_CERTS is read at start). */
async function credentialInChild(entra: FakeEntra, kind: 'secret' | 'assertion', secret: string): Promise<{ ok: boolean; out: string }> {
  const script = `
    import { ClientSecretCredential, ClientAssertionCredential } from '@azure/identity';
    const e = process.env;
    const opts = { authorityHost: e.FG_AUTHORITY, disableInstanceDiscovery: true };
    const cred = e.FG_KIND === 'secret'
      ? new ClientSecretCredential(e.FG_TENANT, e.FG_CLIENT, e.FG_SECRET, opts)
      : new ClientAssertionCredential(e.FG_TENANT, e.FG_CLIENT, async () => e.FG_SECRET, opts);
    try {
      const t = await cred.getToken('http://127.0.0.1:9/.default');
      console.log(JSON.stringify({ ok: true, token: t.token, expires: t.expiresOnTimestamp }));
    } catch (err) {
      console.log(JSON.stringify({ ok: false, name: err.name, message: String(err.message) }));
    }`;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(NODE_OPTIONS|HTTPS?_PROXY|ALL_PROXY|AZURE_.*|IDENTITY_.*|MSI_.*)$/i.test(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    NODE_EXTRA_CA_CERTS: entra.caFile,
    NO_PROXY: '127.0.0.1,localhost',
    FG_AUTHORITY: entra.authorityHost,
    FG_KIND: kind,
    FG_TENANT: TENANT,
    FG_CLIENT: CLIENT,
    FG_SECRET: secret,
  });
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env, timeout: 30_000 });
  const line = stdout.trim().split('\n').pop() ?? '';
  const parsed = JSON.parse(line) as { ok: boolean };
  return { ok: parsed.ok, out: line };
}

function postToken(entra: FakeEntra, tenant: string, form: Record<string, string>): Promise<{ status: number; json: any }> {
  const body = new URLSearchParams(form).toString();
  const ca = fs.readFileSync(entra.caFile, 'utf8');
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${entra.authorityHost}/${tenant}/oauth2/v2.0/token`,
      { method: 'POST', ca, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('fake Entra token endpoint, with the real @azure/identity', () => {
  let entra: FakeEntra;
  beforeAll(async () => {
    entra = await startFakeEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, assertion: ASSERTION, accessToken: ACCESS, expiresIn: 3600 });
  });
  afterAll(async () => {
    await entra.close();
  });

  it('serves HTTPS on 127.0.0.1 with a self-signed certificate written to caFile', () => {
    expect(entra.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.readFileSync(entra.caFile, 'utf8')).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('ClientSecretCredential (in a child with NODE_EXTRA_CA_CERTS) gets the token; the fake records the client-credentials request and scope', async () => {
    const before = entra.requests.length;
    const r = await credentialInChild(entra, 'secret', SECRET);
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.out).token).toBe(ACCESS);
    const mine = entra.requests.slice(before);
    expect(mine.map((x) => x.path)).toEqual([`/${TENANT}/v2.0/.well-known/openid-configuration`, `/${TENANT}/oauth2/v2.0/token`]);
    expect(mine[1]).toMatchObject({ grantType: 'client_credentials', clientId: CLIENT, scope: 'http://127.0.0.1:9/.default', hasSecret: true, hasAssertion: false, status: 200 });
  });

  it('ClientAssertionCredential gets the token with a jwt-bearer client assertion', async () => {
    const before = entra.requests.length;
    const r = await credentialInChild(entra, 'assertion', ASSERTION);
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.out).token).toBe(ACCESS);
    const token = entra.requests.slice(before).find((x) => x.path.endsWith('/token'));
    expect(token).toMatchObject({ grantType: 'client_credentials', clientId: CLIENT, scope: 'http://127.0.0.1:9/.default', hasSecret: false, hasAssertion: true, status: 200 });
  });

  it('a wrong secret: the credential fails with an authentication error naming AADSTS7000215', async () => {
    const r = await credentialInChild(entra, 'secret', 'wrong-secret');
    expect(r.ok).toBe(false);
    const err = JSON.parse(r.out) as { name: string; message: string };
    // @azure/identity 4.13 wraps an MSAL ServerError as AuthenticationRequiredError (msal/utils.js handleMsalError).
    expect(err.name).toBe('AuthenticationRequiredError');
    expect(err.message).toContain('AADSTS7000215');
    expect(entra.requests[entra.requests.length - 1]).toMatchObject({ status: 401, hasSecret: true });
  });

  it('token endpoint errors in Entra\'s shape: invalid_client 7000215, unauthorized_client 700016, unknown tenant 90002', async () => {
    const bad = await postToken(entra, TENANT, { grant_type: 'client_credentials', client_id: CLIENT, scope: 'x/.default', client_secret: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.json).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(bad.json.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided\./);
    const unknown = await postToken(entra, TENANT, { grant_type: 'client_credentials', client_id: 'someone-else', scope: 'x/.default', client_secret: SECRET });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(unknown.json.error_description).toMatch(/^AADSTS700016: Application with identifier 'someone-else' was not found/);
    const tenant = await postToken(entra, 'other-tenant', { grant_type: 'client_credentials', client_id: CLIENT, scope: 'x/.default', client_secret: SECRET });
    expect(tenant.json.error_codes).toEqual([90002]);
    const ok = await postToken(entra, TENANT, { grant_type: 'client_credentials', client_id: CLIENT, scope: 'x/.default', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: ASSERTION });
    expect(ok).toEqual({ status: 200, json: { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: ACCESS } });
  });
});

describe('fake GitHub Actions OIDC endpoint, with the real @actions/core getIDToken', () => {
  it('answers {"value": idToken} for the request token and records the audience; a wrong token → 401', async () => {
    const oidc = await startFakeOidc({ requestToken: 'runtime-request-token', idToken: ASSERTION });
    const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };
    const restore = (k: string, v: string | undefined): void => {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    };
    try {
      const core = await import('@actions/core');
      process.env.ACTIONS_ID_TOKEN_REQUEST_URL = oidc.url;
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'runtime-request-token';
      expect(await core.getIDToken('api://AzureADTokenExchange')).toBe(ASSERTION);
      expect(oidc.requests[0]).toEqual({ audience: 'api://AzureADTokenExchange', authorization: 'Bearer runtime-request-token' });
      process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'wrong';
      await expect(core.getIDToken('api://AzureADTokenExchange')).rejects.toThrow(/401/);
    } finally {
      restore('ACTIONS_ID_TOKEN_REQUEST_URL', saved.url);
      restore('ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token);
      await oidc.close();
    }
  });
});
