/**
 * Validates SARIF against the 2.1.0 schema that @microsoft/jest-sarif ships (a draft-04 schema, which
 * ajv 6 reads). Its own `toBeValidSarifLog` matcher cannot be loaded here: it needs `tslib`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const base = require.resolve('@microsoft/jest-sarif/package.json').replace(/package\.json$/, '');

interface AjvError {
  dataPath: string;
  message?: string;
  params: unknown;
}
interface AjvInstance {
  addMetaSchema(schema: unknown): void;
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: AjvError[] | null };
}

let validator: (((data: unknown) => boolean) & { errors?: AjvError[] | null }) | undefined;

/** Schema errors of `log` (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    const Ajv = require('ajv') as new (opts: object) => AjvInstance;
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    validator = ajv.compile(require(`${base}lib/schemas/sarif-2.1.0-rtm.5.json`));
  }
  const ok = validator(log);
  return ok ? [] : (validator.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
