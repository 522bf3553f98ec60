import { describe, expect, it } from '@jest/globals';
import { flowDataSourceCandidates } from '../../src/model/data-sources.js';
import { InputError } from '../../src/source/limits.js';

const flow = { Type: 'ServiceInfo', Name: 'Submit', ServiceKind: 'ConnectedWadl', ApiId: '/providers/microsoft.powerapps/apis/shared_logicflows', WadlMetadata: { WadlXml: '<a b="}{]["/>' } };
const legacy = { Type: 'ServiceInfo', Name: 'Old', ServiceKind: 'AddinWadl', AddinId: 'x' };
const table = { Type: 'NativeCDSDataSourceInfo', Name: 'Accounts', TableDefinition: JSON.stringify({ cols: [{ n: 'a"}{' }] }) };
const bytes = (v: unknown, bom = false): Buffer => Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(JSON.stringify(v))]);

describe('flowDataSourceCandidates', () => {
  it('parses only the entries that mention a flow, even with braces and quotes inside strings', () => {
    expect(flowDataSourceCandidates(bytes({ DataSources: [table, flow, table, legacy] }, true))).toEqual([flow, legacy]);
  });
  it('returns nothing, without parsing, when no flow is mentioned', () => {
    expect(flowDataSourceCandidates(Buffer.from('{"DataSources": [not json at all, no markers'))).toEqual([]);
  });
  it('falls back to a full parse for an unexpected layout', () => {
    expect(flowDataSourceCandidates(bytes({ DataSources: [[flow]] }))).toEqual([[flow]]);
  });
  it('reports invalid JSON that mentions a flow', () => {
    expect(() => flowDataSourceCandidates(Buffer.from('{"DataSources": [{"ApiId": "/apis/shared_logicflows", '))).toThrow(InputError);
  });
});
