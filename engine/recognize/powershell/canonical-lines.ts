// Property names as Exchange prints them, so `lines` keys do not depend on how a user typed a
// `Format-List Name,requiretls` selection. Unknown properties keep their printed name.
import type { PsObject } from './ps-object';

export function canonicalLines(obj: PsObject, known: readonly string[]): Record<string, string> {
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const lines: Record<string, string> = {};
  for (const [key, prop] of obj.props) lines[byLower.get(key) ?? prop.name] = prop.line;
  return lines;
}
