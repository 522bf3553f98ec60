import { ALL_RULE_META } from '../rules/registry.js';
import type { RenderContext } from './types.js';

/** Where the rule pages live; findings link their rule there. */
export const DOCS_BASE = 'https://github.com/flowguard/flowguard/blob/main/docs/rules/';

export function renderContext(compared: boolean): RenderContext {
  return { rules: ALL_RULE_META, compared, docsBase: DOCS_BASE };
}
