import type { ManifestVars } from './manifest-vars';

// manifest.json is a template with ${{NAME}} slots (the Teams toolkit's convention), so the file in
// the repository never holds a tenant's ids. Values are JSON-escaped before they go in.

const SLOT = /\$\{\{([A-Z_]+)\}\}/g;

/** Names of the slots a template uses. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]))];
}

/** Fill every slot and parse the result; an unknown slot is an error, never left in the output. */
export function fillManifest(template: string, vars: ManifestVars): Record<string, unknown> {
  const values: Record<string, string> = vars;
  const filled = template.replace(SLOT, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest.json uses an unknown slot \${{${name}}}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}
