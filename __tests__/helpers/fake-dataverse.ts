/**
 * A loopback fake of the Dataverse Web API (node:http on 127.0.0.1, port 0) for the read-only target check.
 *
 *   GET /api/data/v9.2/                    service document (the entity sets the fake knows)
 *   GET /api/data/v9.2/WhoAmI              {BusinessUnitId, UserId, OrganizationId}
 *   GET /api/data/v9.2/<set>?$select&$filter&$top&$orderby&$count   (paged by Prefer: odata.maxpagesize)
 *   GET /api/data/v9.2/<set>(<key>)        one row
 *
 * Fidelity notes, each with the page it comes from (learn.microsoft.com/power-apps/developer/data-platform/…):
 * - Response headers `Content-Type: application/json; odata.metadata=minimal`, `OData-Version: 4.0`, the
 *   `@odata.context` `<org>/api/data/v9.2/$metadata#<set>(<cols>)`, and `@odata.etag` on every row even with
 *   `$select`: webapi/query-data-web-api, webapi/query/page-results (examples).
 * - Paging: `Prefer: odata.maxpagesize=N` (at most 5,000; larger requests are ignored), `Preference-Applied`,
 *   `@odata.nextLink` an absolute URL carrying `$skiptoken=<cookie pagenumber=… pagingcookie=…/>`, and
 *   "if you include both [$top and maxpagesize], $top is ignored": webapi/query/page-results.
 * - `$filter`: eq/ne/gt/ge/lt/le, and/or/not, parentheses, `contains`/`startswith`/`endswith`, the Dataverse
 *   `Microsoft.Dynamics.CRM.In(PropertyName='col',PropertyValues=["a","b"])` (PropertyValues is
 *   Collection(Edm.String); the docs use double quotes and say they are required when a value holds an
 *   apostrophe; single-quoted values are widely used and accepted too), parameter aliases (`@p1`), "all
 *   filters using string values are case insensitive", `''` escapes a quote, and the unterminated-literal
 *   message: webapi/query/filter-rows, and the In Function reference page.
 * - Typed comparison: a Guid column compares with an unquoted GUID; the wrong form is a 400 whose message is
 *   the OData library's "A binary operator with incompatible types was detected. Found operand types
 *   'Edm.Guid' and 'Edm.String' for operator kind 'Equal'." (shared/docs/dataverse-target.md; the wording is
 *   Microsoft.OData.Core's). Unknown columns: "Could not find a property named 'x' on type
 *   'Microsoft.Dynamics.CRM.workflow'." Code 0x80060888 for both (as seen in public client code; not on a
 *   Microsoft page).
 * - Missing row: 404 `{"error":{"code":"0x80040217","message":"workflow With Id = … Does Not Exist"}}`
 *   (shared/docs/dataverse-target.md; captured responses in public client code read "SystemUser With Id = …
 *   Does Not Exist", so the entity's casing in the message is not certain: match on "Does Not Exist" only).
 * - Service protection: 429 with `Retry-After` (seconds) and the three documented codes/messages: api-limits
 *   ("Service protection API limit errors"). See `SERVICE_PROTECTION` and `throttleFault()`.
 * - 403: `{"error":{"code":"0x80040220","message":"Principal user (Id=…, type=8, …) is missing prvReadworkflow
 *   privilege (Id=…) …"}}` (power-automate/desktop-flows/run-desktop-flow-via-api shows the shape). The
 *   privilege names are Dataverse's `prvRead<Entity>` privileges (see `SCHEMA[set].privilege`).
 * - 401: `WWW-Authenticate: Bearer authorization_uri=https://login.microsoftonline.com/<tenant>/oauth2/authorize,
 *   resource_id=<org url>` and an empty body (shared/docs/dataverse-target.md and the brief; not checked on a
 *   Microsoft page).
 * - `msdyn_componentlayers` is a virtual table that answers only a `$filter` of `msdyn_componentid eq '<guid>'
 *   and msdyn_solutioncomponentname eq '<name>'`, ignores `$select`, rows in `msdyn_order` ascending
 *   (reference/entities/msdyn_componentlayer; shared/docs/dataverse-target.md). The 400 wording for any
 *   other query is this fake's own: Microsoft does not document it.
 *
 * What the fake does not implement is a 501 whose message starts "FakeDataverse does not implement", so a test
 * never mistakes a gap of the fake for a behaviour of the service ($expand, $apply, $batch, writes are 405).
 *
 * Bounded: every response is small or paged, `close()` drops keep-alive connections and clears latency timers.
 * The server runs on the test's event loop: drive it with async code (fetch, spawn), never a sync child.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Row = Record<string, unknown>;
export interface FakeTables {
  solutions?: Row[];
  workflows?: Row[];
  canvasapps?: Row[];
  connectionreferences?: Row[];
  msdyn_componentlayers?: Row[];
  [set: string]: Row[] | undefined;
}
export interface Fault {
  status: number;
  headers?: Record<string, string>;
  /** raw body; default an OData error body (see `defaultFaultBody`) */
  body?: string;
}
export interface FaultRequest {
  method: string;
  /** pathname as received, e.g. /api/data/v9.2/workflows */
  path: string;
  /** the entity set addressed, e.g. "workflows" (also for `workflows(<id>)`), "WhoAmI", or undefined */
  entitySet: string | undefined;
  url: URL;
  /** 1-based number of this request since the server started (every request counts, faulted or not) */
  count: number;
}
export type EdmType = 'Edm.Guid' | 'Edm.String' | 'Edm.Int32' | 'Edm.Boolean' | 'Edm.DateTimeOffset';
export interface TableSchema {
  /** logical name, e.g. "workflow"; the type is Microsoft.Dynamics.CRM.<entity> */
  entity: string;
  /** primary key column */
  key: string;
  columns: Record<string, EdmType>;
  /** the read privilege named in a 403 */
  privilege: string;
  /** object type code named in a 403 (workflow 4703, solution 7100, canvasapp 300 are fixed; others vary by org) */
  otc: number;
  /** a virtual table: only the component-layer query shape is answered */
  virtual?: boolean;
}
export interface WhoAmI {
  BusinessUnitId: string;
  UserId: string;
  OrganizationId: string;
}
export interface FakeDataverseOptions {
  tables: FakeTables;
  /** Bearer token the server accepts; any other (or none) → 401 with WWW-Authenticate. Undefined = accept any non-empty bearer. */
  token?: string;
  /** added before each response */
  latencyMs?: number;
  /** Called for every request (after auth); return a Fault to inject it (429 with Retry-After, 503, 500, 403 …), or undefined. */
  fault?: (req: FaultRequest) => Fault | undefined;
  /** Tables the caller has no read privilege on → 403 whose message names the privilege, e.g. prvReadWorkflow. */
  forbidden?: string[];
  /** server page size cap (default 5000); the client's Prefer: odata.maxpagesize=N may lower it */
  maxPageSize?: number;
  /** tenant named in the 401's WWW-Authenticate authorization_uri (default TENANT_ID) */
  tenantId?: string;
  /** the WhoAmI answer (default WHO_AM_I); UserId is also the principal named in 403 messages */
  whoAmI?: WhoAmI;
  /** schemas for further entity sets (or to override one of SCHEMA's); without one, a set's schema is inferred from its rows */
  schema?: Record<string, TableSchema>;
  /** accept the OData 4.01 `col in (…)` operator (default true; see the report: not verified against the service) */
  allowInOperator?: boolean;
}
export interface FakeRequest {
  method: string;
  /** path and query as received */
  url: string;
  authorization: string | undefined;
  status: number;
  /** the request's Prefer header, if any */
  prefer?: string;
}
export interface FakeDataverse {
  /** e.g. http://127.0.0.1:PORT (the environment URL; API at /api/data/v9.2/) */
  url: string;
  requests: FakeRequest[];
  /** highest number of requests being handled at once */
  maxInFlight: number;
  close(): Promise<void>;
}

export const API_PATH = '/api/data/v9.2/';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const WHO_AM_I: WhoAmI = {
  BusinessUnitId: '3a5e7b1c-0000-4000-8000-00000000b001',
  UserId: '5d3f1e2a-0000-4000-8000-00000000a001',
  OrganizationId: '0c1d2e3f-0000-4000-8000-00000000c001',
};

/** Column types of the entity sets the target check reads (shared/docs/dataverse-target.md; reference/entities/<table>). */
export const SCHEMA: Record<string, TableSchema> = {
  solutions: {
    entity: 'solution',
    key: 'solutionid',
    privilege: 'prvReadSolution',
    otc: 7100,
    columns: {
      solutionid: 'Edm.Guid',
      uniquename: 'Edm.String',
      friendlyname: 'Edm.String',
      version: 'Edm.String',
      ismanaged: 'Edm.Boolean',
      installedon: 'Edm.DateTimeOffset',
    },
  },
  workflows: {
    entity: 'workflow',
    key: 'workflowid',
    privilege: 'prvReadWorkflow',
    otc: 4703,
    columns: {
      workflowid: 'Edm.Guid',
      name: 'Edm.String',
      category: 'Edm.Int32',
      statecode: 'Edm.Int32',
      statuscode: 'Edm.Int32',
      clientdata: 'Edm.String',
      ismanaged: 'Edm.Boolean',
      type: 'Edm.Int32',
      workflowidunique: 'Edm.Guid',
      modifiedon: 'Edm.DateTimeOffset',
    },
  },
  canvasapps: {
    entity: 'canvasapp',
    key: 'canvasappid',
    privilege: 'prvReadcanvasapp',
    otc: 300,
    columns: {
      canvasappid: 'Edm.Guid',
      name: 'Edm.String',
      displayname: 'Edm.String',
      ismanaged: 'Edm.Boolean',
      appversion: 'Edm.DateTimeOffset',
    },
  },
  connectionreferences: {
    entity: 'connectionreference',
    key: 'connectionreferenceid',
    privilege: 'prvReadconnectionreference',
    otc: 10100,
    columns: {
      connectionreferenceid: 'Edm.Guid',
      connectionreferencelogicalname: 'Edm.String',
      connectorid: 'Edm.String',
      connectionid: 'Edm.String',
      statecode: 'Edm.Int32',
      ismanaged: 'Edm.Boolean',
    },
  },
  msdyn_componentlayers: {
    entity: 'msdyn_componentlayer',
    key: 'msdyn_componentlayerid',
    privilege: 'prvReadmsdyn_componentlayer',
    otc: 10200,
    virtual: true,
    columns: {
      msdyn_componentlayerid: 'Edm.String',
      msdyn_componentid: 'Edm.String',
      msdyn_solutioncomponentname: 'Edm.String',
      msdyn_solutionname: 'Edm.String',
      msdyn_order: 'Edm.Int32',
      msdyn_name: 'Edm.String',
      msdyn_publishername: 'Edm.String',
      msdyn_overwritetime: 'Edm.DateTimeOffset',
      msdyn_componentjson: 'Edm.String',
    },
  },
};

/** The three service protection limits (api-limits, "Service protection API limit errors"): Web API hex code and message. */
export const SERVICE_PROTECTION = {
  requests: { code: '0x80072322', message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' },
  executionTime: {
    code: '0x80072321',
    message:
      'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.',
  },
  concurrency: { code: '0x80072326', message: 'Number of concurrent requests exceeded the limit of 52.' },
} as const;

/** Error codes the fake uses. */
export const CODES = {
  queryError: '0x80060888',
  resourceNotFound: '0x8006088a',
  doesNotExist: '0x80040217',
  privilege: '0x80040220',
  invalidArgument: '0x80040203',
  unexpected: '0x80040216',
} as const;

export const GUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** An OData error body, as Dataverse sends it: `{"error":{"code","message"}}`. */
export function odataError(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

/** A 429 of one of the three documented limits, with `Retry-After` in seconds. */
export function throttleFault(kind: keyof typeof SERVICE_PROTECTION = 'requests', retryAfterSeconds = 1): Fault {
  const e = SERVICE_PROTECTION[kind];
  return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) }, body: odataError(e.code, e.message) };
}

/** The body a Fault without one gets. */
export function defaultFaultBody(status: number): string {
  switch (status) {
    case 429:
      return odataError(SERVICE_PROTECTION.requests.code, SERVICE_PROTECTION.requests.message);
    case 503:
      return odataError('0x80040201', 'The service is temporarily unavailable. Try again later.');
    case 504:
      return odataError('0x80040201', 'The request timed out.');
    case 403:
      return odataError(CODES.privilege, 'Principal user is missing a privilege.');
    case 401:
      return '';
    case 404:
      return odataError(CODES.doesNotExist, 'Does Not Exist');
    default:
      return odataError(CODES.unexpected, 'An unexpected error occurred.');
  }
}

class ODataFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const queryError = (message: string): ODataFailure => new ODataFailure(400, CODES.queryError, message);
const notImplemented = (what: string): ODataFailure =>
  new ODataFailure(501, CODES.unexpected, `FakeDataverse does not implement ${what}.`);

// ---------------------------------------------------------------------------------------------------------------
// $filter: tokenizer, parser (OData precedence: not > comparison > and > or), type check, evaluation.

type Literal = { kind: 'literal'; type: EdmType | 'null'; value: unknown; text: string };
type Expr =
  | Literal
  | { kind: 'prop'; name: string }
  | { kind: 'cmp'; op: CmpOp; left: Expr; right: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'in'; prop: string; values: Literal[]; dataverse: boolean }
  | { kind: 'strfn'; fn: 'contains' | 'startswith' | 'endswith'; prop: string; value: Literal };
type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
const OP_KIND: Record<CmpOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

type Token =
  | { t: 'str'; v: string; pos: number; quote: "'" | '"' }
  | { t: 'word'; v: string; pos: number }
  /** a JSON array literal `[…]` (the PropertyValues of Dataverse query functions), raw */
  | { t: 'json'; v: string; pos: number }
  | { t: 'punct'; v: '(' | ')' | ',' | '='; pos: number };

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?/;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = i;
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw queryError(`There is an unterminated literal at position ${start} in '${text}'.`);
        const d = text[i]!;
        if (d === c) {
          if (text[i + 1] === c) {
            v += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += d;
        i++;
      }
      out.push({ t: 'str', v, pos: start, quote: c });
      continue;
    }
    if (c === '[') {
      // The service hands a bracketed literal to a JSON reader: find the matching ']' (double-quoted JSON
      // strings may hold brackets; single quotes are not JSON string delimiters for the scan).
      const start = i;
      let depth = 0;
      let inString = false;
      for (; i < text.length; i++) {
        const d = text[i]!;
        if (inString) {
          if (d === '\\') i++;
          else if (d === '"') inString = false;
        } else if (d === '"') inString = true;
        else if (d === '[') depth++;
        else if (d === ']' && --depth === 0) break;
      }
      if (depth !== 0) throw queryError(`There is an unterminated literal at position ${start} in '${text}'.`);
      i++;
      out.push({ t: 'json', v: text.slice(start, i), pos: start });
      continue;
    }
    if ('(),='.includes(c)) {
      out.push({ t: 'punct', v: c as '(' | ')' | ',' | '=', pos: i });
      i++;
      continue;
    }
    const start = i;
    // a word: identifier, dotted name, @alias, number, GUID, or date-time literal
    const rest = text.slice(i);
    const dt = DATETIME_RE.exec(rest);
    const guid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/.exec(rest);
    if (guid) i += guid[0].length;
    else if (dt && dt[0].length > 4) i += dt[0].length;
    else while (i < text.length && /[A-Za-z0-9_.@$\-+:]/.test(text[i]!)) i++;
    if (i === start) throw queryError(`Syntax error: character '${c}' is not valid at position ${start} in '${text}'.`);
    out.push({ t: 'word', v: text.slice(start, i), pos: start });
  }
  return out;
}

class FilterParser {
  private i = 0;
  private readonly tokens: Token[];
  constructor(
    private readonly text: string,
    private readonly aliases: URLSearchParams,
    private readonly allowIn: boolean,
  ) {
    this.tokens = tokenize(text);
  }
  parse(): Expr {
    if (this.tokens.length === 0) throw queryError(`Expression expected at position 0 in '${this.text}'.`);
    const e = this.parseOr();
    const t = this.peek();
    if (t) throw queryError(`Syntax error at position ${t.pos} in '${this.text}'.`);
    return e;
  }
  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw queryError(`Expression expected at position ${this.text.length} in '${this.text}'.`);
    return t;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v === v;
  }
  private expectPunct(v: string): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw queryError(`'${v}' expected at position ${t.pos} in '${this.text}'.`);
  }
  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.i++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }
  private parseAnd(): Expr {
    let left = this.parseUnary();
    while (this.isWord('and')) {
      this.i++;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }
  private parseUnary(): Expr {
    if (this.isWord('not')) {
      this.i++;
      return { kind: 'not', operand: this.parseUnary() };
    }
    return this.parseComparison();
  }
  private parseComparison(): Expr {
    const left = this.parsePrimary();
    const t = this.peek();
    if (t?.t === 'word' && t.v in OP_KIND) {
      this.i++;
      return { kind: 'cmp', op: t.v as CmpOp, left, right: this.parsePrimary() };
    }
    if (t?.t === 'word' && t.v === 'in') {
      if (!this.allowIn) throw queryError(`Syntax error at position ${t.pos} in '${this.text}'.`);
      this.i++;
      if (left.kind !== 'prop') throw queryError(`The left operand of 'in' must be a property at position ${t.pos} in '${this.text}'.`);
      this.expectPunct('(');
      const values: Literal[] = [];
      for (;;) {
        values.push(this.parseLiteral());
        const n = this.next();
        if (n.t === 'punct' && n.v === ')') break;
        if (n.t !== 'punct' || n.v !== ',') throw queryError(`')' or ',' expected at position ${n.pos} in '${this.text}'.`);
      }
      return { kind: 'in', prop: left.name, values, dataverse: false };
    }
    return left;
  }
  private parseLiteral(): Literal {
    const t = this.next();
    if (t.t === 'str') return { kind: 'literal', type: 'Edm.String', value: t.v, text: `'${t.v}'` };
    if (t.t === 'word') {
      const lit = wordLiteral(t.v);
      if (lit) return lit;
      if (t.v.startsWith('@')) return this.alias(t.v, t.pos) as Literal;
    }
    throw queryError(`Syntax error at position ${t.pos} in '${this.text}'.`);
  }
  private alias(name: string, pos: number): Expr {
    const raw = this.aliases.get(name);
    if (raw === null) throw queryError(`Parameter alias '${name}' at position ${pos} in '${this.text}' is not defined.`);
    return new FilterParser(raw, this.aliases, this.allowIn).parse();
  }
  private parsePrimary(): Expr {
    const t = this.next();
    if (t.t === 'punct' && t.v === '(') {
      const e = this.parseOr();
      this.expectPunct(')');
      return e;
    }
    if (t.t === 'str') return { kind: 'literal', type: 'Edm.String', value: t.v, text: `'${t.v}'` };
    if (t.t !== 'word') throw queryError(`Syntax error at position ${t.pos} in '${this.text}'.`);
    const lit = wordLiteral(t.v);
    if (lit) return lit;
    if (t.v.startsWith('@')) return this.alias(t.v, t.pos);
    const n = this.peek();
    if (n?.t === 'punct' && n.v === '(') {
      this.i++;
      return this.parseFunction(t.v, t.pos);
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(t.v)) throw queryError(`Syntax error at position ${t.pos} in '${this.text}'.`);
    return { kind: 'prop', name: t.v };
  }
  private parseFunction(name: string, pos: number): Expr {
    if (name === 'contains' || name === 'startswith' || name === 'endswith') {
      const prop = this.parsePrimary();
      this.expectPunct(',');
      const value = this.parsePrimary();
      this.expectPunct(')');
      if (prop.kind !== 'prop' || value.kind !== 'literal') throw notImplemented(`${name}() on anything but a column and a literal`);
      return { kind: 'strfn', fn: name, prop: prop.name, value };
    }
    if (name === 'Microsoft.Dynamics.CRM.In') {
      // Microsoft.Dynamics.CRM.In(PropertyName='col',PropertyValues=["v1","v2"])  (In Function reference; filter-rows)
      const params = new Map<string, Token[]>();
      for (;;) {
        const p = this.next();
        if (p.t !== 'word') throw queryError(`Syntax error at position ${p.pos} in '${this.text}'.`);
        this.expectPunct('=');
        const value: Token[] = [];
        for (;;) {
          const v = this.peek();
          if (!v) throw queryError(`')' expected at position ${this.text.length} in '${this.text}'.`);
          if (v.t === 'punct' && (v.v === ',' || v.v === ')')) break;
          value.push(v);
          this.i++;
        }
        params.set(p.v, value);
        const sep = this.next();
        if (sep.t === 'punct' && sep.v === ')') break;
      }
      const nameTokens = this.resolveAliasTokens(params.get('PropertyName'));
      const valueTokens = this.resolveAliasTokens(params.get('PropertyValues'));
      if (!nameTokens || !valueTokens)
        throw queryError(`The function 'Microsoft.Dynamics.CRM.In' requires the parameters PropertyName and PropertyValues.`);
      const pn = nameTokens[0];
      if (nameTokens.length !== 1 || pn?.t !== 'str') throw queryError(`PropertyName must be a string literal in '${this.text}'.`);
      const arr = valueTokens[0];
      if (valueTokens.length !== 1 || arr?.t !== 'json') throw queryError(`PropertyValues must be a JSON array of strings in '${this.text}'.`);
      const values: Literal[] = readJsonStringArray(arr.v).map((v) => ({ kind: 'literal', type: 'Edm.String', value: v, text: JSON.stringify(v) }));
      return { kind: 'in', prop: pn.v, values, dataverse: true };
    }
    if (name.startsWith('Microsoft.Dynamics.CRM.')) throw notImplemented(`the query function ${name}`);
    throw queryError(`An unknown function with name '${name}' was found at position ${pos} in '${this.text}'.`);
  }
  private resolveAliasTokens(tokens: Token[] | undefined): Token[] | undefined {
    if (!tokens || tokens.length !== 1) return tokens;
    const t = tokens[0]!;
    if (t.t === 'word' && t.v.startsWith('@')) {
      const raw = this.aliases.get(t.v);
      if (raw === null) throw queryError(`Parameter alias '${t.v}' at position ${t.pos} in '${this.text}' is not defined.`);
      return tokenize(raw);
    }
    return tokens;
  }
}

/**
 * Reads `["a","b"]` or `['a','b']` as the service's lenient JSON reader does; an apostrophe inside a single-quoted
 * value gives the error the filter-rows page quotes.
 */
function readJsonStringArray(raw: string): string[] {
  const commaExpected = (): never => {
    throw queryError(
      "Invalid JSON. A comma character ',' was expected in scope 'Array'. Every two elements in an array and properties of an object must be separated by commas.",
    );
  };
  const out: string[] = [];
  let i = 1;
  const ws = (): void => {
    while (i < raw.length && /\s/.test(raw[i]!)) i++;
  };
  ws();
  if (raw[i] === ']') return out;
  for (;;) {
    ws();
    const quote = raw[i];
    if (quote !== '"' && quote !== "'") throw queryError(`Invalid JSON. PropertyValues must be an array of strings: '${raw}'.`);
    i++;
    let v = '';
    while (i < raw.length && raw[i] !== quote) {
      if (raw[i] === '\\' && quote === '"') {
        try {
          v += JSON.parse(`"${raw.slice(i, i + (raw[i + 1] === 'u' ? 6 : 2))}"`) as string;
        } catch {
          throw queryError(`Invalid JSON. Bad escape sequence in '${raw}'.`);
        }
        i += raw[i + 1] === 'u' ? 6 : 2;
        continue;
      }
      v += raw[i];
      i++;
    }
    if (i >= raw.length) throw queryError(`Invalid JSON. Unterminated string in '${raw}'.`);
    i++;
    out.push(v);
    ws();
    if (raw[i] === ']') {
      i++;
      ws();
      if (i !== raw.length) commaExpected();
      return out;
    }
    if (raw[i] !== ',') commaExpected();
    i++;
  }
}

function wordLiteral(v: string): Literal | undefined {
  if (v === 'null') return { kind: 'literal', type: 'null', value: null, text: v };
  if (v === 'true' || v === 'false') return { kind: 'literal', type: 'Edm.Boolean', value: v === 'true', text: v };
  if (GUID_RE.test(v)) return { kind: 'literal', type: 'Edm.Guid', value: v.toLowerCase(), text: v };
  if (/^-?\d+$/.test(v)) return { kind: 'literal', type: 'Edm.Int32', value: Number(v), text: v };
  if (/^-?\d+\.\d+$/.test(v)) return notImplementedLiteral(v);
  const dt = DATETIME_RE.exec(v);
  if (dt && dt[0] === v && v.length > 4) return { kind: 'literal', type: 'Edm.DateTimeOffset', value: Date.parse(v), text: v };
  return undefined;
}
function notImplementedLiteral(v: string): never {
  throw notImplemented(`decimal literals (${v})`);
}

/** Type-checks a parsed filter against a table's columns; throws the service's 400s. */
function checkFilter(e: Expr, schema: TableSchema): void {
  const typeOf = (x: Expr): EdmType | 'null' | 'Edm.Boolean' => {
    if (x.kind === 'literal') return x.type;
    if (x.kind === 'prop') return columnType(schema, x.name);
    checkFilter(x, schema);
    return 'Edm.Boolean';
  };
  switch (e.kind) {
    case 'literal':
    case 'prop': {
      const t = typeOf(e);
      if (t !== 'Edm.Boolean') throw queryError(`The $filter expression must evaluate to a single boolean value.`);
      return;
    }
    case 'cmp': {
      const l = typeOf(e.left);
      const r = typeOf(e.right);
      if (l !== 'null' && r !== 'null' && l !== r)
        throw queryError(`A binary operator with incompatible types was detected. Found operand types '${l}' and '${r}' for operator kind '${OP_KIND[e.op]}'.`);
      return;
    }
    case 'and':
    case 'or':
      for (const side of [e.left, e.right]) {
        const t = typeOf(side);
        if (t !== 'Edm.Boolean')
          throw queryError(`A binary operator with incompatible types was detected. Found operand types '${t}' and 'Edm.Boolean' for operator kind '${e.kind === 'and' ? 'And' : 'Or'}'.`);
      }
      return;
    case 'not': {
      const t = typeOf(e.operand);
      if (t !== 'Edm.Boolean') throw queryError(`A unary operator with an incompatible type was detected. Found operand type '${t}' for operator kind 'Not'.`);
      return;
    }
    case 'in': {
      const t = columnType(schema, e.prop);
      for (const v of e.values) {
        if (e.dataverse) {
          // PropertyValues is Collection(Edm.String): each value is converted to the column's type.
          convertString(t, String(v.value), e.prop);
        } else if (v.type !== 'null' && v.type !== t) {
          throw queryError(`A binary operator with incompatible types was detected. Found operand types '${t}' and '${v.type}' for operator kind 'In'.`);
        }
      }
      return;
    }
    case 'strfn': {
      const t = columnType(schema, e.prop);
      if (t !== 'Edm.String' || e.value.type !== 'Edm.String')
        throw queryError(`No function signature for the function with name '${e.fn}' matches the specified arguments. The function signatures considered are: ${e.fn}(Edm.String Nullable=true, Edm.String Nullable=true).`);
      return;
    }
  }
}

function columnType(schema: TableSchema, name: string): EdmType {
  const t = schema.columns[name];
  if (!t) throw queryError(`Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${schema.entity}'.`);
  return t;
}

/** The value a Collection(Edm.String) entry of In() stands for in a column of type `t`. */
function convertString(t: EdmType, s: string, prop: string): unknown {
  switch (t) {
    case 'Edm.String':
      return s;
    case 'Edm.Guid':
      if (!GUID_RE.test(s)) throw queryError(`Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx). ('${s}' for ${prop})`);
      return s.toLowerCase();
    case 'Edm.Int32':
      if (!/^-?\d+$/.test(s)) throw queryError(`Input string was not in a correct format. ('${s}' for ${prop})`);
      return Number(s);
    case 'Edm.Boolean':
      if (s !== 'true' && s !== 'false') throw queryError(`String was not recognized as a valid Boolean. ('${s}' for ${prop})`);
      return s === 'true';
    case 'Edm.DateTimeOffset': {
      const d = Date.parse(s);
      if (Number.isNaN(d)) throw queryError(`String was not recognized as a valid DateTime. ('${s}' for ${prop})`);
      return d;
    }
  }
}

/** A row value normalised for comparison: GUIDs and strings lower-cased (Dataverse compares strings case-insensitively), dates as ms. */
function norm(t: EdmType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (t === 'Edm.Guid' || t === 'Edm.String') return String(v).toLowerCase();
  if (t === 'Edm.DateTimeOffset') return typeof v === 'number' ? v : Date.parse(String(v));
  return v;
}

function evaluate(e: Expr, row: Row, schema: TableSchema): unknown {
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'prop':
      return row[e.name] ?? null;
    case 'cmp': {
      const t = e.left.kind === 'prop' ? columnType(schema, e.left.name) : e.right.kind === 'prop' ? columnType(schema, e.right.name) : undefined;
      const side = (x: Expr): unknown => (x.kind === 'prop' ? norm(columnType(schema, x.name), row[x.name]) : t ? norm(t, evaluate(x, row, schema)) : evaluate(x, row, schema));
      const l = side(e.left);
      const r = side(e.right);
      if (e.op === 'eq') return l === r;
      if (e.op === 'ne') return l !== r;
      if (l === null || r === null) return false;
      const a = l as number | string;
      const b = r as number | string;
      return e.op === 'gt' ? a > b : e.op === 'ge' ? a >= b : e.op === 'lt' ? a < b : a <= b;
    }
    case 'and':
      return evaluate(e.left, row, schema) === true && evaluate(e.right, row, schema) === true;
    case 'or':
      return evaluate(e.left, row, schema) === true || evaluate(e.right, row, schema) === true;
    case 'not':
      return evaluate(e.operand, row, schema) !== true;
    case 'in': {
      const t = columnType(schema, e.prop);
      const v = norm(t, row[e.prop]);
      return e.values.some((lit) => (e.dataverse ? norm(t, convertString(t, String(lit.value), e.prop)) : norm(t, lit.value)) === v);
    }
    case 'strfn': {
      const v = row[e.prop];
      if (v === null || v === undefined) return false;
      const s = String(v).toLowerCase();
      const needle = String(e.value.value).toLowerCase();
      return e.fn === 'contains' ? s.includes(needle) : e.fn === 'startswith' ? s.startsWith(needle) : s.endsWith(needle);
    }
  }
}

/** Parses and type-checks `$filter` for a table (exported so tests of the client can assert what it sends). */
export function parseFilter(text: string, schema: TableSchema, aliases = new URLSearchParams(), allowIn = true): Expr {
  const e = new FilterParser(text, aliases, allowIn).parse();
  checkFilter(e, schema);
  return e;
}
export type FilterExpr = Expr;

// ---------------------------------------------------------------------------------------------------------------

/** The only query the component-layer virtual table answers: msdyn_componentid eq '<guid>' and msdyn_solutioncomponentname eq '<name>'. */
function componentLayerFilter(e: Expr | undefined): { componentId: string; componentName: string } {
  const fail = (): never => {
    throw new ODataFailure(
      400,
      CODES.invalidArgument,
      "The msdyn_componentlayer virtual table can only be queried for one component: $filter must be msdyn_componentid eq '<component id>' and msdyn_solutioncomponentname eq '<component name>' (equality on both columns, joined by 'and').",
    );
  };
  if (!e || e.kind !== 'and') return fail();
  const found = new Map<string, string>();
  for (const side of [e.left, e.right]) {
    if (side.kind !== 'cmp' || side.op !== 'eq' || side.left.kind !== 'prop' || side.right.kind !== 'literal' || side.right.type !== 'Edm.String') return fail();
    found.set(side.left.name, String(side.right.value));
  }
  const componentId = found.get('msdyn_componentid');
  const componentName = found.get('msdyn_solutioncomponentname');
  if (componentId === undefined || componentName === undefined) return fail();
  return { componentId, componentName };
}

function inferSchema(set: string, rows: Row[]): TableSchema {
  const singular = set.endsWith('ies') ? `${set.slice(0, -3)}y` : set.endsWith('s') ? set.slice(0, -1) : set;
  const columns: Record<string, EdmType> = {};
  for (const row of rows)
    for (const [k, v] of Object.entries(row)) {
      if (k.startsWith('@') || columns[k]) continue;
      if (typeof v === 'boolean') columns[k] = 'Edm.Boolean';
      else if (typeof v === 'number') columns[k] = 'Edm.Int32';
      else if (typeof v === 'string' && GUID_RE.test(v) && /id(_value)?$/.test(k)) columns[k] = 'Edm.Guid';
      else if (v !== null && v !== undefined) columns[k] = 'Edm.String';
    }
  const key = `${singular}id`;
  columns[key] ??= 'Edm.Guid';
  return { entity: singular, key, columns, privilege: `prvRead${singular}`, otc: 10000 };
}

function etagOf(row: Row, index: number): string {
  const v = row['versionnumber'] ?? 80648000 + index;
  return `W/"${String(v)}"`;
}

function parsePrefer(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(',')) {
    const [k, ...v] = part.trim().split('=');
    if (k) out.set(k.trim().toLowerCase(), v.join('=').trim());
  }
  return out;
}

const enc = (s: string): string => encodeURIComponent(s);

/** A paging cookie like Dataverse's: `<cookie pagenumber="2" pagingcookie="<cookie page="1"><key last="{…}" first="{…}" /></cookie>" istracking="False" />`. */
function skipToken(page: number, key: string, first: Row, last: Row): string {
  const inner = `<cookie page="${page - 1}"><${key} last="{${String(last[key]).toUpperCase()}}" first="{${String(first[key]).toUpperCase()}}" /></cookie>`;
  return `<cookie pagenumber="${page}" pagingcookie="${enc(enc(inner))}" istracking="False" />`;
}
function readSkipToken(token: string, key: string): { page: number; last?: string } {
  const page = /pagenumber="(\d+)"/.exec(token);
  if (!page) throw queryError(`The $skiptoken '${token}' is not valid.`);
  const pc = /pagingcookie="([^"]*)"/.exec(token);
  let last: string | undefined;
  if (pc) {
    try {
      const inner = decodeURIComponent(decodeURIComponent(pc[1]!));
      last = new RegExp(`<${key} last="\\{([^}]*)\\}"`).exec(inner)?.[1]?.toLowerCase();
    } catch {
      throw queryError(`The $skiptoken '${token}' is not valid.`);
    }
  }
  return { page: Number(page[1]), last };
}

const SUPPORTED_OPTIONS = new Set(['$select', '$filter', '$top', '$orderby', '$count', '$skiptoken']);

export async function startFakeDataverse(options: FakeDataverseOptions): Promise<FakeDataverse> {
  const schemas: Record<string, TableSchema> = { ...SCHEMA, ...(options.schema ?? {}) };
  const tables = options.tables;
  const tenantId = options.tenantId ?? TENANT_ID;
  const who = options.whoAmI ?? WHO_AM_I;
  const serverMax = options.maxPageSize ?? 5000;
  const allowIn = options.allowInOperator ?? true;
  const forbidden = new Set(options.forbidden ?? []);
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let count = 0;
  let inFlight = 0;
  let origin = '';

  const schemaOf = (set: string): TableSchema | undefined => {
    if (schemas[set]) return schemas[set];
    const rows = tables[set];
    return rows ? inferSchema(set, rows) : undefined;
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      timers.add(entry);
    });

  const fake: FakeDataverse = {
    url: '',
    requests: [],
    maxInFlight: 0,
    close: async () => {
      for (const t of timers) {
        clearTimeout(t.timer);
        t.resolve();
      }
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const n = ++count;
    const authorization = req.headers.authorization;
    const method = req.method ?? 'GET';
    const raw = req.url ?? '/';
    const url = new URL(raw, origin);
    const record = (status: number): void => {
      const entry: FakeRequest = { method, url: raw, authorization, status };
      if (req.headers.prefer !== undefined) entry.prefer = String(req.headers.prefer);
      fake.requests.push(entry);
    };
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      record(status);
      if (res.destroyed) return;
      const h: Record<string, string> = { 'OData-Version': '4.0', ...headers };
      if (body !== '' && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json; odata.metadata=minimal';
      h['Content-Length'] = String(Buffer.byteLength(body));
      res.writeHead(status, h);
      res.end(body);
    };
    const fail = (f: ODataFailure): void => send(f.status, odataError(f.code, f.message));

    if (options.latencyMs) await sleep(options.latencyMs);
    if (!server.listening) {
      record(0);
      res.destroy();
      return;
    }

    // Auth first: the service answers 401 before anything else.
    const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1]?.trim();
    if (!bearer || (options.token !== undefined && bearer !== options.token)) {
      send(401, '', {
        'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${tenantId}/oauth2/authorize, resource_id=${origin}`,
      });
      return;
    }

    // Route: /api/data/v9.2/<segment>
    let segment: string | undefined;
    let entitySet: string | undefined;
    let key: string | undefined;
    if (url.pathname.startsWith(API_PATH)) {
      segment = decodeURIComponent(url.pathname.slice(API_PATH.length));
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$/.exec(segment);
      if (m) {
        entitySet = m[1];
        key = m[2];
      }
    }

    const f = options.fault?.({ method, path: url.pathname, entitySet, url, count: n });
    if (f) {
      send(f.status, f.body ?? defaultFaultBody(f.status), f.headers ?? {});
      return;
    }
    if (method !== 'GET') {
      send(405, odataError(CODES.unexpected, `FakeDataverse is read-only: ${method} is not allowed.`), { Allow: 'GET' });
      return;
    }
    if (segment === undefined) {
      send(404, odataError(CODES.resourceNotFound, `Resource not found for the segment '${url.pathname}'.`));
      return;
    }
    try {
      if (segment === '') {
        const value = Object.keys({ ...schemas, ...tables })
          .filter((s) => tables[s] !== undefined)
          .map((s) => ({ name: s, kind: 'EntitySet', url: s }));
        send(200, JSON.stringify({ '@odata.context': `${origin}${API_PATH}$metadata`, value }));
        return;
      }
      if (entitySet === 'WhoAmI' && (key === undefined || key === '')) {
        send(200, JSON.stringify({ '@odata.context': `${origin}${API_PATH}$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`, ...who }));
        return;
      }
      const schema = entitySet ? schemaOf(entitySet) : undefined;
      const rows = entitySet ? tables[entitySet] : undefined;
      if (!entitySet || !schema || !rows) {
        send(404, odataError(CODES.resourceNotFound, `Resource not found for the segment '${segment}'.`));
        return;
      }
      if (forbidden.has(entitySet)) {
        send(
          403,
          odataError(
            CODES.privilege,
            `Principal user (Id=${who.UserId}, type=8, roleCount=1, privilegeCount=412, accessMode=4, MetadataCachePrivilegesCount=0, BusinessUnitId=${who.BusinessUnitId}), is missing ${schema.privilege} privilege (Id=9a6f3c1e-0000-4000-8000-${String(schema.otc).padStart(12, '0')}) on OTC=${schema.otc} for entity '${schema.entity}'. context.Caller=${who.UserId}. Consider assigning a role with the required privilege to the user or team.`,
          ),
        );
        return;
      }
      for (const k of url.searchParams.keys()) {
        if (k.startsWith('$') && !SUPPORTED_OPTIONS.has(k)) throw notImplemented(`the query option ${k}`);
      }
      const select = url.searchParams.get('$select');
      const selected = select === null ? undefined : select.split(',').map((s) => s.trim()).filter(Boolean);
      for (const c of selected ?? []) columnType(schema, c);
      const context = `${origin}${API_PATH}$metadata#${entitySet}${selected && !schema.virtual ? `(${selected.join(',')})` : ''}`;
      const shape = (row: Row, index: number): Row => {
        const out: Row = { '@odata.etag': etagOf(row, index) };
        const cols = selected && !schema.virtual ? [...selected, ...(selected.includes(schema.key) ? [] : [schema.key])] : Object.keys(schema.columns);
        for (const c of cols) out[c] = row[c] ?? null;
        return out;
      };

      if (key !== undefined) {
        // By key: <set>(<guid>) (or <set>(<key>=<value>) is not implemented)
        const keyType = schema.columns[schema.key] ?? 'Edm.Guid';
        let id: string;
        if (keyType === 'Edm.Guid') {
          const k = key.replace(/^\{(.*)\}$/, '$1');
          if (!GUID_RE.test(k)) throw new ODataFailure(400, CODES.queryError, `Bad Request - Error in query syntax. Unrecognized 'Edm.Guid' literal '${key}' in '${segment}'.`);
          id = k.toLowerCase();
        } else {
          const s = /^'((?:[^']|'')*)'$/.exec(key);
          if (!s && !GUID_RE.test(key)) throw new ODataFailure(400, CODES.queryError, `Bad Request - Error in query syntax. Unrecognized key '${key}' in '${segment}'.`);
          id = (s ? s[1]!.replace(/''/g, "'") : key).toLowerCase();
        }
        const index = rows.findIndex((r) => String(r[schema.key] ?? '').toLowerCase() === id);
        if (index < 0) {
          send(404, odataError(CODES.doesNotExist, `${schema.entity} With Id = ${id} Does Not Exist`));
          return;
        }
        const body = { '@odata.context': `${context}/$entity`, ...shape(rows[index]!, index) };
        send(200, JSON.stringify(body));
        return;
      }

      // Collection query
      const filterText = url.searchParams.get('$filter');
      const filter = filterText === null ? undefined : parseFilter(filterText, schema, url.searchParams, allowIn);
      let matched: { row: Row; index: number }[] = rows.map((row, index) => ({ row, index }));
      if (schema.virtual) {
        const { componentId, componentName } = componentLayerFilter(filter);
        matched = matched
          .filter(
            ({ row }) =>
              String(row['msdyn_componentid'] ?? '').toLowerCase() === componentId.toLowerCase() &&
              String(row['msdyn_solutioncomponentname'] ?? '').toLowerCase() === componentName.toLowerCase(),
          )
          .sort((a, b) => Number(a.row['msdyn_order'] ?? 0) - Number(b.row['msdyn_order'] ?? 0));
      } else if (filter) {
        matched = matched.filter(({ row }) => evaluate(filter, row, schema) === true);
      }
      const orderby = url.searchParams.get('$orderby');
      if (orderby !== null && !schema.virtual) {
        const keys = orderby.split(',').map((part) => {
          const [col, dir = 'asc'] = part.trim().split(/\s+/);
          const t = columnType(schema, col ?? '');
          if (dir !== 'asc' && dir !== 'desc') throw queryError(`Syntax error at position ${orderby.indexOf(dir)} in '${orderby}'.`);
          return { col: col!, t, dir };
        });
        matched = [...matched].sort((a, b) => {
          for (const k of keys) {
            const x = norm(k.t, a.row[k.col]) as string | number | null;
            const y = norm(k.t, b.row[k.col]) as string | number | null;
            if (x === y) continue;
            const c = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
            return k.dir === 'asc' ? c : -c;
          }
          return 0;
        });
      }
      const total = matched.length;

      const prefer = parsePrefer(req.headers.prefer === undefined ? undefined : String(req.headers.prefer));
      const preferred = prefer.get('odata.maxpagesize');
      const headers: Record<string, string> = {};
      let pageSize = serverMax;
      let paged = false;
      if (preferred !== undefined && /^\d+$/.test(preferred) && Number(preferred) > 0 && Number(preferred) <= 5000) {
        // "Max page size requests larger than 5,000 are ignored" (page-results)
        pageSize = Math.min(Number(preferred), serverMax);
        paged = true;
        headers['Preference-Applied'] = `odata.maxpagesize=${pageSize}`;
      }
      const topText = url.searchParams.get('$top');
      if (topText !== null && !/^\d+$/.test(topText)) throw queryError(`Invalid value '${topText}' for $top query option found. The $top query option requires a non-negative integer value.`);
      if (topText !== null && !paged) {
        // "$top ... If you include both [$top and Prefer: odata.maxpagesize], $top is ignored." (page-results)
        matched = matched.slice(0, Number(topText));
      }

      let start = 0;
      let page = 1;
      const token = url.searchParams.get('$skiptoken');
      if (token !== null) {
        const st = readSkipToken(token, schema.key);
        page = st.page;
        const at = st.last === undefined ? -1 : matched.findIndex(({ row }) => String(row[schema.key] ?? '').toLowerCase() === st.last);
        start = at >= 0 ? at + 1 : (page - 1) * pageSize;
      }
      const slice = matched.slice(start, start + pageSize);
      const body: Record<string, unknown> = { '@odata.context': context };
      if (url.searchParams.get('$count') === 'true') body['@odata.count'] = total;
      body['value'] = slice.map(({ row, index }) => shape(row, index));
      if (slice.length > 0 && start + slice.length < matched.length) {
        const next = new URL(url.href);
        next.searchParams.delete('$skiptoken');
        const query = [...next.searchParams.entries()].map(([k, v]) => `${k}=${enc(v).replace(/%24/g, '$').replace(/%2C/g, ',')}`);
        query.push(`$skiptoken=${enc(skipToken(page + 1, schema.key, slice[0]!.row, slice[slice.length - 1]!.row))}`);
        body['@odata.nextLink'] = `${origin}${url.pathname}?${query.join('&')}`;
      }
      send(200, JSON.stringify(body), headers);
    } catch (e) {
      if (e instanceof ODataFailure) fail(e);
      else send(500, odataError(CODES.unexpected, `FakeDataverse failed: ${(e as Error).message}`));
    }
  };

  const server = http.createServer((req, res) => {
    inFlight++;
    if (inFlight > fake.maxInFlight) fake.maxInFlight = inFlight;
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        inFlight--;
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
    req.resume(); // a GET has no body; drain whatever a non-GET sends
    void handle(req, res);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.url = origin;
  return fake;
}
