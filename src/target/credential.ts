/**
 * Where the target check's token comes from, in this order: a bearer token the pipeline already holds
 * (FLOWGUARD_DATAVERSE_TOKEN), then Microsoft Entra ID through `@azure/identity` — client secret,
 * workload identity federation (GitHub OIDC, an Azure Pipelines service connection), the Azure CLI.
 * `@azure/identity` is loaded only when the check runs: an offline run never evaluates it.
 */
import type { TokenCredential } from '@azure/identity';
import { identityLib } from './identity.js';

export interface CredentialSettings {
  /** A token given as is (FLOWGUARD_DATAVERSE_TOKEN). */
  token?: string | undefined;
  tenantId?: string | undefined;
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** GitHub Actions federation: a function that returns the job's OIDC token for `api://AzureADTokenExchange`. */
  githubIdToken?: (() => Promise<string>) | undefined;
  /** Azure Pipelines federation: the service connection and the job's access token. */
  pipelines?: { serviceConnectionId: string; systemAccessToken: string } | undefined;
  /** Fall back to the signed-in Azure CLI (`az login`, the azure/login action, AzureCLI@2). */
  azureCli?: boolean;
  /** AZURE_AUTHORITY_HOST: a sovereign cloud's authority (the SDK reads it too). */
  authorityHost?: string | undefined;
  /** Called with every token obtained, before it is used (the Action masks it in the log). */
  onToken?: ((token: string) => void) | undefined;
}

export interface TokenSource {
  /** How the token is obtained, for the report: never the token. */
  kind: 'token' | 'client-secret' | 'github-oidc' | 'azure-pipelines' | 'azure-cli';
  getToken(): Promise<string>;
}

export class CredentialError extends Error {}

/** Microsoft's authority hosts: instance discovery works for them; any other host (a private cloud, a test) skips it. */
const MICROSOFT_AUTHORITIES = ['login.microsoftonline.com', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.microsoft.com'];

/** Reads the credential settings from the environment variables the Azure SDK and the CI systems document. */
export function credentialSettingsFromEnv(env: NodeJS.ProcessEnv): CredentialSettings {
  const v = (name: string): string | undefined => (env[name] ?? '').trim() || undefined;
  const serviceConnectionId = v('AZURESUBSCRIPTION_SERVICE_CONNECTION_ID') ?? v('AZURE_SERVICE_CONNECTION_ID');
  const systemAccessToken = v('SYSTEM_ACCESSTOKEN');
  return {
    token: v('FLOWGUARD_DATAVERSE_TOKEN'),
    tenantId: v('AZURE_TENANT_ID') ?? v('AZURESUBSCRIPTION_TENANT_ID'),
    clientId: v('AZURE_CLIENT_ID') ?? v('AZURESUBSCRIPTION_CLIENT_ID'),
    clientSecret: v('AZURE_CLIENT_SECRET'),
    pipelines: serviceConnectionId && systemAccessToken ? { serviceConnectionId, systemAccessToken } : undefined,
    azureCli: true,
    authorityHost: v('AZURE_AUTHORITY_HOST'),
  };
}

/** Which credential the settings select, without loading anything: undefined when none can be tried. */
export function credentialKind(s: CredentialSettings): TokenSource['kind'] | undefined {
  if (s.token) return 'token';
  if (s.tenantId && s.clientId && s.clientSecret) return 'client-secret';
  if (s.tenantId && s.clientId && s.githubIdToken) return 'github-oidc';
  if (s.tenantId && s.clientId && s.pipelines) return 'azure-pipelines';
  if (s.azureCli) return 'azure-cli';
  return undefined;
}

/** The token source for a scope (`<environment>/.default`). */
export async function tokenSource(s: CredentialSettings, scope: string): Promise<TokenSource | undefined> {
  const kind = credentialKind(s);
  if (!kind) return undefined;
  if (kind === 'token') {
    const token = s.token as string;
    s.onToken?.(token);
    return { kind, getToken: () => Promise.resolve(token) };
  }
  const credential = buildCredential(kind, s);
  return {
    kind,
    getToken: async () => {
      try {
        const t = await credential.getToken(scope);
        if (!t?.token) throw new CredentialError('the credential returned no token');
        s.onToken?.(t.token);
        return t.token;
      } catch (err) {
        throw new CredentialError(`${kind} could not get a token: ${firstLine((err as Error).message)}`);
      }
    },
  };
}

function buildCredential(kind: Exclude<TokenSource['kind'], 'token'>, s: CredentialSettings): TokenCredential {
  const identity = identityLib();
  const options = authorityOptions(s.authorityHost);
  const tenant = s.tenantId as string;
  const client = s.clientId as string;
  switch (kind) {
    case 'client-secret':
      return new identity.ClientSecretCredential(tenant, client, s.clientSecret as string, options);
    case 'github-oidc':
      return new identity.ClientAssertionCredential(tenant, client, s.githubIdToken as () => Promise<string>, options);
    case 'azure-pipelines': {
      const p = s.pipelines as { serviceConnectionId: string; systemAccessToken: string };
      return new identity.AzurePipelinesCredential(tenant, client, p.serviceConnectionId, p.systemAccessToken, options);
    }
    case 'azure-cli':
      return new identity.AzureCliCredential(tenant ? { tenantId: tenant } : {});
  }
}

function authorityOptions(authorityHost: string | undefined): { authorityHost?: string; disableInstanceDiscovery?: boolean } {
  if (!authorityHost) return {};
  let host = '';
  try {
    host = new URL(authorityHost).hostname.toLowerCase();
  } catch {
    throw new CredentialError(`AZURE_AUTHORITY_HOST '${authorityHost}' is not a URL`);
  }
  return { authorityHost, ...(MICROSOFT_AUTHORITIES.includes(host) ? {} : { disableInstanceDiscovery: true }) };
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}
