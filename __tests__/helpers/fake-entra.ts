/**
 * Loopback fakes of the Microsoft Entra token endpoint (HTTPS, self-signed) and of the GitHub Actions OIDC
 * endpoint (HTTP), for running the real `@azure/identity` / `@actions/core` code against them.
 *
 * Entra (https://127.0.0.1:PORT, the `authorityHost`):
 *   GET  /<tenant>/v2.0/.well-known/openid-configuration   what MSAL Node fetches first (authority metadata)
 *   POST /<tenant>/oauth2/v2.0/token                        client_credentials with client_secret, or with
 *                                                           client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer
 *   GET  /common/discovery/instance                         instance discovery, answered in case a caller points it here
 *
 * What MSAL Node 3.x (inside @azure/identity 4.13) asks for, read from its source: with
 * `disableInstanceDiscovery: true` the authority host becomes a "known authority" and MSAL fetches only the
 * openid-configuration above, then posts to its token_endpoint. With `disableInstanceDiscovery: false` it first
 * asks `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=…`
 * (Constants.AAD_INSTANCE_DISCOVERY_ENDPT in msal-common) — the public cloud, never the authority host, so no
 * loopback fake can answer it; tests must set `disableInstanceDiscovery: true`. Every request is recorded.
 *
 * Error bodies follow Entra's OAuth error shape (error, error_description "AADSTSnnnn: …", error_codes,
 * timestamp, trace_id, correlation_id, error_uri): AADSTS7000215 invalid client secret (401 invalid_client),
 * AADSTS700016 unknown application (400 unauthorized_client), AADSTS90002 unknown tenant (400 invalid_request).
 *
 * The certificate is generated once per process with openssl into a temp dir (CN and SAN 127.0.0.1/localhost);
 * pass `caFile` as NODE_EXTRA_CA_CERTS to a CHILD process (Node reads it only at start). The servers run on the
 * test's event loop: spawn children asynchronously.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface FakeEntraOptions {
  tenantId: string;
  clientId: string;
  /** accepted secret (client_credentials with client_secret) */
  clientSecret?: string;
  /** accepted client_assertion (client_credentials with jwt-bearer assertion) */
  assertion?: string;
  /** the token issued */
  accessToken: string;
  expiresIn?: number;
}
export interface FakeEntraRequest {
  path: string;
  /** HTTP method (GET for metadata, POST for the token endpoint) */
  method: string;
  grantType?: string;
  scope?: string;
  clientId?: string;
  hasSecret: boolean;
  hasAssertion: boolean;
  status: number;
}
export interface FakeEntra {
  /** https://127.0.0.1:PORT */
  authorityHost: string;
  /** PEM file of the self-signed certificate, for NODE_EXTRA_CA_CERTS */
  caFile: string;
  requests: FakeEntraRequest[];
  close(): Promise<void>;
}

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

let certificate: { key: string; cert: string; caFile: string } | undefined;

/** The self-signed certificate of this process (generated on first use, then reused). */
export function loopbackCertificate(): { key: string; cert: string; caFile: string } {
  if (certificate) return certificate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flowguard-fake-entra-'));
  const keyFile = path.join(dir, 'key.pem');
  const caFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout', keyFile, '-out', caFile,
    ],
    { stdio: 'ignore' },
  );
  certificate = { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(caFile, 'utf8'), caFile };
  return certificate;
}

function entraError(status: number, error: string, code: number, description: string): { status: number; body: string } {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: JSON.stringify({
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    }),
  };
}

async function readBody(req: http.IncomingMessage, limit = 64 * 1024): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeEntra(options: FakeEntraOptions): Promise<FakeEntra> {
  const { key, cert, caFile } = loopbackCertificate();
  const requests: FakeEntraRequest[] = [];
  let host = '';
  const tenant = options.tenantId;

  const server = https.createServer({ key, cert }, (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', host);
      const method = req.method ?? 'GET';
      const entry: FakeEntraRequest = { path: url.pathname, method, hasSecret: false, hasAssertion: false, status: 0 };
      requests.push(entry);
      const send = (status: number, body: string): void => {
        entry.status = status;
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store, no-cache',
          'Content-Length': String(Buffer.byteLength(body)),
        });
        res.end(body);
      };
      const sendError = (e: { status: number; body: string }): void => send(e.status, e.body);

      let body = '';
      try {
        body = await readBody(req);
      } catch {
        sendError(entraError(413, 'invalid_request', 90020, 'The request is too large.'));
        return;
      }
      const segments = url.pathname.split('/').filter(Boolean);

      if (method === 'GET' && url.pathname === '/common/discovery/instance') {
        const h = new URL(host).host;
        send(
          200,
          JSON.stringify({
            tenant_discovery_endpoint: `${host}/${tenant}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: h, preferred_cache: h, aliases: [h] }],
          }),
        );
        return;
      }
      const [t, ...rest] = segments;
      const tail = rest.join('/');
      if (t !== undefined && t !== tenant && (tail === 'v2.0/.well-known/openid-configuration' || tail === 'oauth2/v2.0/token')) {
        sendError(entraError(400, 'invalid_request', 90002, `Tenant '${t}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`));
        return;
      }
      if (method === 'GET' && tail === 'v2.0/.well-known/openid-configuration') {
        const base = `${host}/${tenant}`;
        send(
          200,
          JSON.stringify({
            token_endpoint: `${base}/oauth2/v2.0/token`,
            token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
            jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            issuer: `${host}/${tenant}/v2.0`,
            request_uri_parameter_supported: false,
            userinfo_endpoint: `${host}/oidc/userinfo`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            http_logout_supported: true,
            frontchannel_logout_supported: true,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'tid', 'oid'],
            kerberos_endpoint: `${base}/kerberos`,
            tenant_region_scope: 'EU',
            cloud_instance_name: 'microsoftonline.com',
            cloud_graph_host_name: 'graph.windows.net',
            msgraph_host: 'graph.microsoft.com',
            rbac_url: 'https://pas.windows.net',
          }),
        );
        return;
      }
      if (tail === 'oauth2/v2.0/token') {
        if (method !== 'POST') {
          sendError(entraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.'));
          return;
        }
        const form = new URLSearchParams(body);
        const grantType = form.get('grant_type') ?? undefined;
        const scope = form.get('scope') ?? undefined;
        const clientId = form.get('client_id') ?? undefined;
        const secret = form.get('client_secret');
        const assertion = form.get('client_assertion');
        const assertionType = form.get('client_assertion_type');
        Object.assign(entry, { grantType, scope, clientId, hasSecret: secret !== null, hasAssertion: assertion !== null });
        if (grantType !== 'client_credentials') {
          sendError(entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType ?? ''}'.`));
          return;
        }
        if (!clientId) {
          sendError(entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'."));
          return;
        }
        if (clientId !== options.clientId) {
          sendError(
            entraError(
              400,
              'unauthorized_client',
              700016,
              `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
            ),
          );
          return;
        }
        if (!scope) {
          sendError(entraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'."));
          return;
        }
        if (!scope.split(' ').some((s) => s.endsWith('/.default'))) {
          sendError(entraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`));
          return;
        }
        if (secret !== null) {
          if (options.clientSecret === undefined || secret !== options.clientSecret) {
            sendError(
              entraError(
                401,
                'invalid_client',
                7000215,
                `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
              ),
            );
            return;
          }
        } else if (assertion !== null) {
          if (assertionType !== JWT_BEARER) {
            sendError(entraError(400, 'invalid_request', 70002, `The client_assertion_type must be '${JWT_BEARER}'.`));
            return;
          }
          if (options.assertion === undefined || assertion !== options.assertion) {
            sendError(entraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.'));
            return;
          }
        } else {
          sendError(entraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
          return;
        }
        const expiresIn = options.expiresIn ?? 3599;
        send(200, JSON.stringify({ token_type: 'Bearer', expires_in: expiresIn, ext_expires_in: expiresIn, access_token: options.accessToken }));
        return;
      }
      sendError(entraError(404, 'invalid_request', 90000, `FakeEntra does not serve ${method} ${url.pathname}.`));
    })();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorityHost: host,
    caFile,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A GitHub Actions OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN), as @actions/core getIDToken calls it. */
export async function startFakeOidc(options: {
  requestToken: string;
  idToken: string;
}): Promise<{ url: string; requests: { audience: string | null; authorization: string | undefined }[]; close(): Promise<void> }> {
  const requests: { audience: string | null; authorization: string | undefined }[] = [];
  let origin = '';
  const server = http.createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? '/', origin);
    requests.push({ audience: url.searchParams.get('audience'), authorization: req.headers.authorization });
    const send = (status: number, body: unknown): void => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    if (req.method !== 'GET') return send(405, { message: 'Method not allowed' });
    if (req.headers.authorization !== `Bearer ${options.requestToken}`) return send(401, { message: 'Unauthorized' });
    if (url.searchParams.get('api-version') === null) return send(400, { message: 'api-version is required' });
    return send(200, { value: options.idToken });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    // As the runner sets ACTIONS_ID_TOKEN_REQUEST_URL: a query string to which getIDToken appends &audience=.
    url: `${origin}/?api-version=2.0`,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
