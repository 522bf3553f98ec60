/**
 * Maps the type names of flow trigger schemas (JSON schema), WADL (`xs:` types) and jsonTypes
 * to one vocabulary, so that a stored signature and a flow can be compared:
 * string, number, boolean, object, array, any.
 * JSON `integer` and `number` both travel as numbers from Power Fx, so they compare equal.
 */
export function normalizeType(type: string): string {
  switch (type.toLowerCase()) {
    case 'string':
    case 'anyuri':
    case 'date':
    case 'datetime':
    case 'base64binary':
    case 'binary':
      return 'string';
    case 'number':
    case 'integer':
    case 'int':
    case 'long':
    case 'double':
    case 'float':
    case 'decimal':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    default:
      return 'any';
  }
}

/** Whether a value of the stored type still fits the flow's type. `any` fits everything. */
export function typesCompatible(stored: string, current: string): boolean {
  return stored === current || stored === 'any' || current === 'any';
}
