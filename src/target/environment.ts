/**
 * The environment URL a token may be sent to. It comes from the workflow (flag, input or
 * FLOWGUARD_ENVIRONMENT_URL), never from the repository: a pull request controls every file in it.
 */

/** Dataverse host suffixes: the public cloud and GCC (`*.crm9.dynamics.com`), GCC High, DoD, China (Microsoft's Power Platform URL list). */
const DATAVERSE_SUFFIXES = ['.dynamics.com', '.microsoftdynamics.us', '.appsplatform.us', '.dynamics.cn'];

export class EnvironmentUrlError extends Error {}

export interface EnvironmentUrl {
  /** `https://contoso.crm.dynamics.com`: scheme, host and (loopback only) port; no path. */
  origin: string;
  host: string;
  /** The Web API root, `<origin>/api/data/v9.2/`. */
  api: string;
  /** The token scope: `<origin>/.default`. */
  scope: string;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Validates an environment URL: https to a Dataverse host, or http to a loopback host (tests and local fakes). */
export function parseEnvironmentUrl(raw: string): EnvironmentUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new EnvironmentUrlError(`environment URL '${raw}' is not a URL (expected https://<org>.crm<N>.dynamics.com)`);
  }
  if (url.username || url.password) throw new EnvironmentUrlError('environment URL must not carry a user name or password');
  if (url.search || url.hash) throw new EnvironmentUrlError('environment URL must not carry a query or fragment');
  if (url.pathname !== '/' && url.pathname !== '') throw new EnvironmentUrlError(`environment URL must be the environment's root, without a path (got '${url.pathname}')`);
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) throw new EnvironmentUrlError('environment URL must use https (http is accepted for loopback hosts only)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new EnvironmentUrlError(`environment URL must use https (got '${url.protocol}')`);
  const host = url.hostname.toLowerCase();
  if (!loopback && !DATAVERSE_SUFFIXES.some((s) => host.endsWith(s) && host.length > s.length)) {
    throw new EnvironmentUrlError(`'${host}' is not a Dataverse host (expected *.dynamics.com, *.microsoftdynamics.us, *.appsplatform.us or *.dynamics.cn)`);
  }
  if (!loopback && url.port !== '') throw new EnvironmentUrlError('environment URL must not name a port');
  const origin = url.origin;
  return { origin, host: url.host, api: `${origin}/api/data/v9.2/`, scope: `${origin}/.default` };
}
