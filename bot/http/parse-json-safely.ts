// JSON from the wire is checked before it is parsed: nesting depth is counted on the raw text (a deep
// document can overflow the stack of any recursive walk later), and keys that could reach an object's
// prototype are dropped while parsing.

/** Keys dropped from every object of a request body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting of objects and arrays in JSON text (strings skipped); linear, no recursion. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return max;
}

export type JsonParse =
  { ok: true; value: unknown; droppedKeys: number } | { ok: false; error: 'invalid-json' | 'too-deep' };

/** Parse JSON text within a depth limit, dropping forbidden keys; never throws. */
export function parseJsonSafely(text: string, maxDepth: number): JsonParse {
  if (jsonDepth(text) > maxDepth) return { ok: false, error: 'too-deep' };
  let droppedKeys = 0;
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) {
        droppedKeys += 1;
        return undefined; // a reviver returning undefined deletes the property
      }
      return v;
    });
    return { ok: true, value, droppedKeys };
  } catch {
    return { ok: false, error: 'invalid-json' };
  }
}
