// An Exchange NDR's administrator block whose line breaks a chat client removed or spaced → its lines
// again. The block names the remote server on a line of its own between `Generating server:` and
// `Remote Server returned '…'`; flattened, that host is only a word in a sentence and the report loses
// who rejected the message. The labels are Exchange's own (docs/knowledge.md#layouts); other layouts carry their
// cue on the reply's line and need nothing.

const LABEL_BREAKS =
  /[ \t]*(?=Diagnostic information for administrators:|Generating server:|Remote Server returned '|Original message headers:|Rejected recipient:|Remote server:|Status code:|Message Hops|Error Details|More Info for Email Admins|Original Message Details)/g;
const AFTER_LABEL =
  /(Diagnostic information for administrators:|rejected your message to the following e-?mail addresses:|Original message headers:)[ \t]*/g;
const GENERATING = /^((?:Generating server|Remote server|Rejected recipient):[ \t]*\S+)[ \t]+(.*)$/;
const HOST_OR_ADDRESS =
  /^(?:[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@)?[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}\.?$|^\[?\d{1,3}(?:\.\d{1,3}){3}\]?$/;

function splitLine(line: string): string[] {
  const parts = line
    .replace(AFTER_LABEL, '$1\n')
    .split('\n')
    .flatMap((p) => p.split(LABEL_BREAKS));
  const out: string[] = [];
  for (const part of parts) {
    const g = GENERATING.exec(part);
    if (!g) {
      out.push(part);
      continue;
    }
    out.push(g[1]);
    const words = g[2].trim().split(/[ \t]+/);
    // Recipients and the remote host, one per line, when that is all that follows.
    if (words.every((w) => HOST_OR_ADDRESS.test(w))) out.push(...words);
    else out.push(g[2]);
  }
  return out.filter((p, i) => i === 0 || p.trim() !== '');
}

/** The text with the Exchange NDR lines a chat client joined put back on lines of their own. */
export function restoreNdrLines(text: string): string {
  if (!/Generating server:|Remote Server returned '|Remote server:/.test(text)) return text;
  return text
    .split('\n')
    .flatMap((line) => (line.length < 60 ? [line] : splitLine(line)))
    .join('\n');
}
