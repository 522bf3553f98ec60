import { asArray, parseJson, prop, str } from '../source/decode.js';
import type { DeploymentSettingsFile } from './types.js';

/** File names `pac solution create-settings` and ALM pipelines use for deployment settings. */
export const SETTINGS_FILE = /(^|\/)[^/]*deployment-?settings[^/]*\.json$/i;

/** A deployment settings file: `{ EnvironmentVariables: [{SchemaName, Value}], ConnectionReferences: [{LogicalName, ConnectionId, ConnectorId}] }`. */
export function readDeploymentSettings(path: string, bytes: Uint8Array): DeploymentSettingsFile | undefined {
  const json = parseJson(bytes);
  const crs = prop(json, 'ConnectionReferences');
  const evs = prop(json, 'EnvironmentVariables');
  if (crs === undefined && evs === undefined) return undefined;
  return {
    path,
    connectionReferences: asArray(crs).map((c) => ({
      logicalName: str(prop(c, 'LogicalName')),
      connectionId: str(prop(c, 'ConnectionId')),
      connectorId: str(prop(c, 'ConnectorId')),
    })),
    environmentVariables: asArray(evs).map((e) => ({ schemaName: str(prop(e, 'SchemaName')), value: typeof prop(e, 'Value') === 'string' ? str(prop(e, 'Value')) : JSON.stringify(prop(e, 'Value') ?? '') })),
  };
}
