import { entries, isRecord, prop } from '../source/decode.js';

/**
 * What makes a parsed `Workflows/*.json` (or legacy `definition.json`) unusable as a flow
 * definition, or undefined when it has the shape FlowGuard reads (solution-format §3). Only the
 * parts the rules depend on are checked: the trigger, its input schema, the action tree, the
 * response schemas and the connection references. Anything else may vary freely.
 */
export function definitionProblem(json: unknown): string | undefined {
  if (!isRecord(json)) return `the file is ${kindOf(json)}, not a flow definition object`;
  const properties = prop(json, 'properties');
  if (!isRecord(properties)) return properties === undefined ? "it has no 'properties'" : `'properties' is ${kindOf(properties)}, not an object`;
  const definition = prop(properties, 'definition');
  if (!isRecord(definition)) return definition === undefined ? "it has no 'properties.definition'" : `'properties.definition' is ${kindOf(definition)}, not an object`;
  return triggerProblem(prop(definition, 'triggers')) ?? actionsProblem(prop(definition, 'actions')) ?? connectionsProblem(prop(properties, 'connectionReferences'));
}

function triggerProblem(triggers: unknown): string | undefined {
  if (!isRecord(triggers)) return triggers === undefined ? "it has no 'definition.triggers'" : `'definition.triggers' is ${kindOf(triggers)}, not an object`;
  const first = entries(triggers)[0];
  if (!first) return "'definition.triggers' is empty";
  const [name, node] = first;
  if (!isRecord(node)) return `trigger '${name}' is ${kindOf(node)}, not an object`;
  if (typeof prop(node, 'type') !== 'string') return `trigger '${name}' has no 'type'`;
  return schemaProblem(prop(prop(node, 'inputs'), 'schema'), `trigger '${name}' inputs.schema`);
}

function schemaProblem(schema: unknown, where: string): string | undefined {
  if (schema === undefined) return undefined;
  if (!isRecord(schema)) return `${where} is ${kindOf(schema)}, not an object`;
  const props = prop(schema, 'properties');
  if (props !== undefined && !isRecord(props)) return `${where}.properties is ${kindOf(props)}, not an object`;
  const required = prop(schema, 'required');
  if (required !== undefined && !(Array.isArray(required) && required.every((r) => typeof r === 'string'))) return `${where}.required is not a list of names`;
  const items = prop(schema, 'items');
  return items === undefined ? undefined : schemaProblem(items, `${where}.items`);
}

/** Walks the action tree without recursion (hostile nesting cannot exhaust the stack). */
function actionsProblem(root: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, 'definition.actions']];
  while (stack.length > 0) {
    const [node, where] = stack.pop() as [unknown, string];
    if (node === undefined) continue;
    if (!isRecord(node)) return `'${where}' is ${kindOf(node)}, not an object`;
    for (const [name, action] of entries(node)) {
      if (!isRecord(action)) return `action '${name}' is ${kindOf(action)}, not an object`;
      if (String(prop(action, 'type')).toLowerCase() === 'response') {
        const problem = schemaProblem(prop(prop(action, 'inputs'), 'schema'), `response '${name}' inputs.schema`);
        if (problem) return problem;
      }
      stack.push([prop(action, 'actions'), `${name}.actions`], [prop(prop(action, 'else'), 'actions'), `${name}.else.actions`], [prop(prop(action, 'default'), 'actions'), `${name}.default.actions`]);
      const cases = prop(action, 'cases');
      if (cases !== undefined && !isRecord(cases)) return `'${name}.cases' is ${kindOf(cases)}, not an object`;
      for (const [c, body] of entries(cases)) stack.push([prop(body, 'actions'), `${name}.cases.${c}.actions`]);
    }
  }
  return undefined;
}

function connectionsProblem(refs: unknown): string | undefined {
  if (refs === undefined) return undefined;
  if (!isRecord(refs)) return `'properties.connectionReferences' is ${kindOf(refs)}, not an object`;
  for (const [key, ref] of entries(refs)) if (!isRecord(ref)) return `connection reference '${key}' is ${kindOf(ref)}, not an object`;
  return undefined;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
