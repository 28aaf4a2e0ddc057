// `ConvertTo-Json` output → PsObjects. The JSON may sit between a prompt line and the next prompt; a
// single object or an array of them; Windows PowerShell 5.1 wraps piped arrays as {"value": […], "Count": n}.
import { isPromptLine, splitLines } from './lines';
import type { PsObject, PsProperty, PsRaw } from './ps-object';

/** How far ahead to look for a property's own line (keeps the search linear on odd input). */
const LINE_LOOKAHEAD = 4000;

type JsonRecord = { [key: string]: PsRaw };

function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonSlice(lines: string[]): { first: number; last: number } | undefined {
  let first = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const t = lines[i].trimStart();
    if ((t.startsWith('{') || t.startsWith('[')) && !isPromptLine(t)) {
      first = i;
      break;
    }
  }
  if (first < 0) return undefined;
  for (let i = lines.length - 1; i >= first; i -= 1) {
    const t = lines[i].trimEnd();
    if (t.endsWith('}') || t.endsWith(']')) return { first, last: i };
  }
  return undefined;
}

function topLevelRecords(parsed: unknown): JsonRecord[] {
  if (Array.isArray(parsed)) return parsed.filter(isRecord);
  if (!isRecord(parsed)) return [];
  const value = parsed.value;
  if (Array.isArray(value) && 'Count' in parsed) return value.filter(isRecord);
  return [parsed];
}

function shortJson(v: PsRaw): string {
  const s = JSON.stringify(v) ?? 'null';
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}

/** Parses ConvertTo-Json output; anything else gives []. */
export function parseJsonOutput(text: string): PsObject[] {
  const lines = splitLines(text);
  const slice = jsonSlice(lines);
  if (!slice) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(lines.slice(slice.first, slice.last + 1).join('\n'));
  } catch {
    return [];
  }
  const records = topLevelRecords(parsed);
  const objects: PsObject[] = [];
  let cursor = slice.first;
  for (const rec of records) {
    const props = new Map<string, PsProperty>();
    for (const name of Object.keys(rec)) {
      const value = rec[name];
      const head = `${JSON.stringify(name)}:`;
      let line: string | undefined;
      const end = Math.min(slice.last + 1, cursor + LINE_LOOKAHEAD);
      for (let i = cursor; i < end; i += 1) {
        const t = lines[i].trim();
        if (t.startsWith(head)) {
          // A list or object opens on this line and continues below: show it whole, compactly.
          line = t.endsWith('[') || t.endsWith('{') ? `${t.slice(0, -1)}${shortJson(value)}` : t;
          cursor = i + 1;
          break;
        }
      }
      props.set(name.toLowerCase(), { name, value, line: line ?? `${JSON.stringify(name)}: ${shortJson(value)}` });
    }
    objects.push({ format: 'json', props });
  }
  return objects;
}
