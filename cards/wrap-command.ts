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
      if (ch === '`' && quote === '"' && i + 1 < line.length) {
        cur += line[++i];
        continue;
      }
      if (ch === quote) {
        if (line[i + 1] === quote) {
          cur += line[++i];
          continue;
        }
        quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur += ch;
      continue;
    }
    if (ch === ' ') {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** A long token split after its commas (outside quotes): PowerShell continues a list after a trailing comma. */
function commaPieces(token: string, width: number): string[] {
  if (token.length <= width / 2 || /['"]/.test(token)) return [token];
  return token.split(/(?<=,)/);
}

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width || /\s{2,}/.test(line.trim())) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  // Each piece: its text and whether a space goes before it.
  const pieces = tokens(line.trim()).flatMap((t) =>
    commaPieces(t, width).map((p, i) => ({ text: p, spaced: i === 0 })),
  );
  const lines: string[] = [];
  let cur = indent;
  for (let i = 0; i < pieces.length; i++) {
    const { text: t, spaced } = pieces[i];
    const next = cur.trim() ? `${cur}${spaced ? ' ' : ''}${t}` : `${cur}${t}`;
    const prev = pieces[i - 1]?.text ?? '';
    const afterPipe = prev === '|';
    const afterComma = !spaced && prev.endsWith(',');
    const canBreak = cur.trim() !== '' && (afterPipe || afterComma || (spaced && t.startsWith('-')));
    if (next.length > width && canBreak) {
      lines.push(afterPipe || afterComma ? cur : `${cur} \``);
      cur = `${indent}    ${t}`;
    } else {
      cur = next;
    }
  }
  lines.push(cur);
  return lines;
}

export function wrapCommand(command: string, width = COMMAND_WIDTH): string {
  return command
    .split('\n')
    .flatMap((l) => wrapLine(l, width))
    .join('\n');
}
