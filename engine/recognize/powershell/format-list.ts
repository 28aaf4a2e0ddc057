// `Format-List` text → PsObjects (docs/knowledge.md#format-list). One pass over the lines, one anchored regex per
// line, so a large paste of anything stays linear.
import { isBlank, isPromptLine, splitLines } from './lines';
import type { PsObject, PsProperty } from './ps-object';

// `Name<padding> : value` or `Name :` (empty value). Format-List always puts a space before the colon,
// which keeps mail headers (`Subject: …`) and `SMTP:*;1` out.
const PROPERTY = /^([ \t]*)([A-Za-z][A-Za-z0-9_-]{0,79})[ \t]+:(?:[ \t](.*))?$/;

/** A console wrap without indentation only happens on a long line; shorter lines end the object. */
const HARD_WRAP_MIN = 60;

interface Building {
  prop: PsProperty;
  raw: string;
  valueCol: number;
  lastPhysicalLength: number;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i += 1;
  return i;
}

/**
 * When every property line stands alone between blank lines, the paste was double-spaced by a chat
 * client; blank lines then no longer separate objects.
 */
function isDoubleSpaced(lines: string[]): boolean {
  let props = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!PROPERTY.test(lines[i])) continue;
    props += 1;
    const prev = i > 0 ? lines[i - 1] : '';
    const next = i + 1 < lines.length ? lines[i + 1] : '';
    if (!isBlank(prev) || !isBlank(next)) return false;
  }
  return props >= 3;
}

export function parseFormatList(text: string): PsObject[] {
  const lines = splitLines(text);
  const doubleSpaced = isDoubleSpaced(lines);
  const objects: PsObject[] = [];
  let cur: PsObject | undefined;
  let baseIndent = 0;
  let last: Building | undefined;

  const finishProp = (): void => {
    if (!last) return;
    const value = last.raw.trim();
    last.prop.value = value;
    // The alignment padding before ` : ` carries nothing: evidence reads `RequireTLS : False`.
    last.prop.line = value === '' ? `${last.prop.name} :` : `${last.prop.name} : ${value}`;
    last = undefined;
  };
  const finishObject = (): void => {
    finishProp();
    if (cur && cur.props.size > 0) objects.push(cur);
    cur = undefined;
  };
  const append = (line: string, indent: number): void => {
    if (!last) return;
    const cont = (indent >= last.valueCol ? line.slice(last.valueCol) : line.slice(indent)).trimEnd();
    last.raw += cont;
    last.lastPhysicalLength = line.trimEnd().length;
  };

  for (const line of lines) {
    if (isPromptLine(line)) {
      finishObject();
      continue;
    }
    if (isBlank(line)) {
      if (doubleSpaced) finishProp();
      else finishObject();
      continue;
    }
    const indent = leadingSpaces(line);
    if (cur && last && indent > baseIndent) {
      append(line, indent);
      continue;
    }
    const m = PROPERTY.exec(line);
    if (m) {
      const name = m[2];
      const key = name.toLowerCase();
      finishProp();
      if (cur && cur.props.has(key)) finishObject();
      if (!cur) {
        cur = { format: 'format-list', props: new Map() };
        baseIndent = indent;
      }
      const raw = m[3] ?? '';
      const prop: PsProperty = { name, value: '', line: '' };
      cur.props.set(key, prop);
      last = {
        prop,
        raw,
        valueCol: line.length - raw.length,
        lastPhysicalLength: line.trimEnd().length,
      };
      continue;
    }
    if (cur && last && last.lastPhysicalLength >= HARD_WRAP_MIN) {
      append(line, indent);
      continue;
    }
    finishObject();
  }
  finishObject();
  return objects;
}
