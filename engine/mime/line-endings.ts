// Line endings, brought to `\n` in one pass for every parser. A regex replace costs about 1.5 µs a match
// (a run of bare `\r` cost 2 µs a character), and every line-based parser pays per line, so a paste of
// millions of empty lines cost seconds. Runs of blank lines carry nothing beyond "a blank line here", so
// they are shortened to three.

/** Blank lines kept in a row; the rest of a run is dropped. */
const MAX_BLANK_LINES = 3;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * `\r\n` and bare `\r` → `\n`; whitespace-only lines emptied; more than MAX_BLANK_LINES blank lines in a
 * row cut to MAX_BLANK_LINES. One pass over the characters, copying unchanged stretches whole: text that
 * needs none of this comes back as it was.
 */
export function normalizeLineEndings(text: string): string {
  const n = text.length;
  const parts: string[] = [];
  let from = 0; // start of the text not yet copied
  let blanks = 0;
  let i = 0;
  while (i < n) {
    let end = i;
    let blank = true;
    for (; end < n; end += 1) {
      const c = text.charCodeAt(end);
      if (c === LF || c === CR) break;
      if (blank && c !== SPACE && c !== TAB) blank = false;
    }
    const cr = end < n && text.charCodeAt(end) === CR;
    const term = end >= n ? 0 : cr && end + 1 < n && text.charCodeAt(end + 1) === LF ? 2 : 1;
    blanks = blank ? blanks + 1 : 0;
    if (blank && blanks > MAX_BLANK_LINES) {
      if (i > from) parts.push(text.slice(from, i));
      from = end + term;
    } else if (blank && end > i) {
      if (i > from) parts.push(text.slice(from, i));
      if (term) parts.push('\n');
      from = end + term;
    } else if (cr) {
      parts.push(`${text.slice(from, end)}\n`);
      from = end + term;
    }
    i = end + term;
  }
  if (from === 0) return text;
  if (from < n) parts.push(text.slice(from));
  return parts.join('');
}
