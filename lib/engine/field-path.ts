const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `costs[3].values["2011-2020"]` from zod's path array. Apart from the schema so that a module
 * naming a place (lib/terms/monitoring-rules.ts, read by pages) does not bring the scenario schema.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && IDENTIFIER.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(document)';
}
