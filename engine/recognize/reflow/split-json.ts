// ConvertTo-Json output flattened onto one line → one member per line again, as ConvertTo-Json prints
// it, so each property keeps its own evidence line. Strings are skipped whole (escapes included).

/** True when a line holds more than one `"Name":` member: JSON that lost its line breaks. */
export function isFlatJson(line: string): boolean {
  const t = line.trimStart();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  const first = t.indexOf('":');
  return first >= 0 && t.indexOf('":', first + 2) >= 0;
}

export function splitJsonLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inString = false;
  const flush = (): void => {
    if (cur.trim() !== '') out.push(cur.trimEnd());
    cur = '';
  };
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (inString) {
      cur += ch;
      if (ch === '\\' && i + 1 < line.length) {
        cur += line[i + 1];
        i += 1;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      cur += ch;
      continue;
    }
    if (ch === '}' || ch === ']') {
      flush();
      cur = ch;
      continue;
    }
    cur += ch;
    if (ch === '{' || ch === '[') {
      // `[]` and `{}` stay on one line, as ConvertTo-Json prints an empty list.
      let j = i + 1;
      while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j += 1;
      if (line[j] === (ch === '{' ? '}' : ']')) {
        cur += line.slice(i + 1, j + 1);
        i = j;
        continue;
      }
      flush();
    } else if (ch === ',') flush();
  }
  flush();
  return out;
}
