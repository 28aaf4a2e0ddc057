// Long PowerShell lines wrapped for a chat column, so a code block needs no sideways scrolling and still
// runs when copied: a line may end after a pipe (PowerShell continues the pipeline) or before a parameter
// with a backtick continuation. Never inside a quoted string, never inside a token.

export const COMMAND_WIDTH = 72;

/** Space-separated tokens, with quoted strings kept whole (PowerShell's '' and `" escapes respected). */
function tokens(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      cur += ch;
      if (ch === '`' && quote === '"' && i + 1 < line.length) { cur += line[++i]; continue; }
      if (ch === quote) {
        if (line[i + 1] === quote) { cur += line[++i]; continue; }
        quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') { quote = ch; cur += ch; continue; }
    if (ch === ' ') { if (cur) out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width || /\s{2,}/.test(line.trim())) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const toks = tokens(line.trim());
  const lines: string[] = [];
  let cur = indent;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = cur.trim() ? `${cur} ${t}` : `${cur}${t}`;
    const prev = toks[i - 1] ?? '';
    const canBreak = cur.trim() !== '' && (prev === '|' || t.startsWith('-'));
    if (next.length > width && canBreak) {
      lines.push(prev === '|' ? cur : `${cur} \``);
      cur = `${indent}    ${t}`;
    } else {
      cur = next;
    }
  }
  lines.push(cur);
  return lines;
}

export function wrapCommand(command: string, width = COMMAND_WIDTH): string {
  return command.split('\n').flatMap((l) => wrapLine(l, width)).join('\n');
}
