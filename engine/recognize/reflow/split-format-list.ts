// One line of Format-List output whose line breaks a chat client removed (`…Office 365Enabled : True…`)
// or turned into spaces → the property lines again. A property starts where a name sits before ` :`;
// the names each cmdlet prints are known, so a name glued to the previous value is found as the known
// name that ends the token. When the alignment padding survived, its width also tells where an unknown
// name starts, and a console wrap inside a value (a run of spaces as wide as the value column) becomes
// the indented continuation line it was.
import { familiesOf, knownNameSuffix } from './property-names';

interface Boundary {
  /** Where the property name starts in the line. */
  at: number;
  name: string;
  known: boolean;
  /** Spaces between the name and the colon. */
  pad: number;
  /** The token before the colon was longer than the name: the name was glued to the previous value. */
  glued: boolean;
  /** Identifier characters before the colon (the name and whatever letters of the value it is glued to). */
  ident: string;
}

const MAX_PAD = 200;
const MAX_TOKEN = 160;

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isIdent = (c: string): boolean => /[A-Za-z0-9_-]/.test(c);
const isUpper = (c: string | undefined): boolean => c !== undefined && c >= 'A' && c <= 'Z';
const isLetter = (c: string): boolean => /[A-Za-z]/.test(c);

/** The name a token ends with when no table knows it: it starts at a capital after a non-capital. */
function guessName(ident: string, gluedToNonIdent: boolean): string | undefined {
  if (gluedToNonIdent && isUpper(ident[0])) return ident;
  for (let i = 1; i < ident.length; i += 1) {
    if (isUpper(ident[i]) && !isUpper(ident[i - 1])) return ident.slice(i);
  }
  return isUpper(ident[0]) ? ident : undefined;
}

function findBoundaries(line: string): Boundary[] {
  const found: Boundary[] = [];
  let from = 0;
  for (;;) {
    const colon = line.indexOf(':', from);
    if (colon < 0) break;
    from = colon + 1;
    if (!isSpace(line[colon - 1])) continue;
    let end = colon - 1;
    let pad = 0;
    while (end >= 0 && isSpace(line[end]) && pad < MAX_PAD) {
      end -= 1;
      pad += 1;
    }
    if (end < 0 || isSpace(line[end])) continue;
    let start = end;
    while (start > 0 && !isSpace(line[start - 1]) && end - start < MAX_TOKEN) start -= 1;
    // The identifier that ends the token, from its first letter.
    let identStart = end + 1;
    while (identStart > start && isIdent(line[identStart - 1])) identStart -= 1;
    while (identStart <= end && !isLetter(line[identStart])) identStart += 1;
    if (identStart > end) continue;
    const ident = line.slice(identStart, end + 1);
    const known = knownNameSuffix(ident);
    const gluedToNonIdent = identStart > start;
    const name = known ?? guessName(ident, gluedToNonIdent);
    if (!name) continue;
    const at = end + 1 - name.length;
    found.push({ at, name, known: known !== undefined, pad, glued: at > start, ident });
  }
  return found;
}

/** The most common `name + padding` width among names read without doubt (padding kept), or undefined. */
function labelWidth(bounds: Boundary[]): number | undefined {
  const counts = new Map<number, number>();
  for (const b of bounds) {
    if (!b.known || b.pad < 2) continue;
    const w = b.name.length + b.pad;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestCount = 1;
  for (const [w, n] of counts)
    if (n > bestCount) {
      best = w;
      bestCount = n;
    }
  return best;
}

/** Re-reads a name from the padding: `name.length + pad` is the label width of every line of an object. */
function byWidth(b: Boundary, width: number, end: number): Boundary {
  const len = width - b.pad;
  if (b.pad < 2 || len <= 0 || len > b.ident.length || len === b.name.length) return b;
  const name = b.ident.slice(b.ident.length - len);
  if (!isUpper(name[0]) && !b.known) return b;
  if (b.known && knownNameSuffix(name) !== name) return b; // a known reading beats a width guess
  return { ...b, name, at: end - len, known: b.known };
}

/** Restores a console wrap: a run of spaces inside a value at least as wide as the value column. */
function restoreWraps(segment: string, valueCol: number, sep: number): string {
  const colon = segment.indexOf(' :');
  if (colon < 0) return segment;
  const head = segment.slice(0, colon + 2);
  const value = segment.slice(colon + 2).replace(/ {2,}/g, (run, offset: number, all: string) => {
    if (offset + run.length >= all.length) return run; // trailing padding, not a wrap
    if (run.length < valueCol + sep) return run;
    return `\n${' '.repeat(run.length - sep)}`;
  });
  return head + value;
}

/**
 * Splits a line that holds several Format-List properties. Lines that hold fewer than two known
 * property names are returned unchanged, so prose and NDR text are left alone.
 */
export function splitFormatListLine(line: string): string[] {
  if (line.length < 12) return [line];
  let bounds = findBoundaries(line);
  const knownCount = bounds.filter((b) => b.known).length;
  if (knownCount < 2) return [line];
  const width = labelWidth(bounds);
  if (width !== undefined) bounds = bounds.map((b) => byWidth(b, width, b.at + b.name.length));
  // Unknown names are taken only in what is clearly Format-List output.
  bounds = bounds.filter((b) => b.known || (knownCount >= 3 && isUpper(b.name[0])));
  // Line breaks removed entirely: names sit right after the previous value; replaced by spaces: after a space.
  const sep = bounds.some((b, i) => i > 0 && b.glued) ? 0 : 1;
  const parts: string[] = [];
  let cut = 0;
  let family = -1; // the cmdlets the current object's names allow
  for (const b of bounds) {
    if (b.at <= cut) continue;
    const before = line.slice(cut, b.at);
    if (before.trim() !== '' || cut > 0) parts.push(before);
    cut = b.at;
    // A name no cmdlet of the current object prints starts the next object (another cmdlet's output).
    const bits = familiesOf(b.name);
    if ((family & bits) === 0 && parts.length > 0) parts.push('');
    family = (family & bits) === 0 ? bits : family & bits;
  }
  parts.push(line.slice(cut));
  if (width === undefined) return parts.map((p) => p.trimEnd());
  const valueCol = width + 2;
  return parts.flatMap((p, i) =>
    p === '' || (i === 0 && !/ :/.test(p)) ? [p.trimEnd()] : restoreWraps(p.trimEnd(), valueCol, sep).split('\n'),
  );
}
