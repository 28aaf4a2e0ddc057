// Text that came from a user (pasted NDR lines, host names, connector values) must never turn into
// markdown, a link or an image inside a card. TextRun (RichTextBlock) renders no markdown, so it is
// preferred; where an element renders markdown (TextBlock, FactSet), the text is escaped here.

const MARKDOWN_CHARS = /[\\`*_~[\]()<>#|{}!]/g;

/** Cut long text so one hostile paste cannot blow the card budget; the plain-text view keeps it whole. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\r\n?/g, '\n');
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Escape markdown syntax and break anything a renderer could auto-link (scheme URLs, `www.`, e-mail
 * style `mailto:`). A zero-width space is invisible and stops the link detection.
 */
export function markdownSafe(text: string, max = 600): string {
  return (
    clip(text, max)
      .replace(MARKDOWN_CHARS, (c) => `\\${c}`)
      .replace(/:\/\//g, ':\u200B//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200B.`)
      .replace(/\bmailto:/gi, (w) => `${w.slice(0, 6)}\u200B:`)
      // A line starting with a list or heading marker would restructure the block.
      .replace(/^(\s*)([-+=])/gm, (_m, ws: string, marker: string) => `${ws}\\${marker}`)
      // "1." is escaped after the digits ("1\."): a backslash before a digit is no escape and would show.
      .replace(/^(\s*)(\d+)\./gm, (_m, ws: string, digits: string) => `${ws}${digits}\\.`)
  );
}

/**
 * Renderers evaluate `{{DATE(…)}}` / `{{TIME(…)}}` even in a TextRun; an invisible zero-width space between
 * the braces keeps pasted text verbatim.
 */
export function noTextFunctions(text: string): string {
  return text.replace(/\{\{/g, '{\u200B{');
}

/** A TextRun element: shown verbatim, never parsed as markdown. */
export function textRun(
  text: string,
  options: { monospace?: boolean; bold?: boolean; max?: number } = {},
): Record<string, unknown> {
  const run: Record<string, unknown> = { type: 'TextRun', text: noTextFunctions(clip(text, options.max ?? 2000)) };
  if (options.monospace) run.fontType = 'Monospace';
  if (options.bold) run.weight = 'Bolder';
  return run;
}

/** A block of verbatim text (one TextRun), e.g. a PowerShell command or an NDR line. */
export function verbatimBlock(
  text: string,
  options: { monospace?: boolean; max?: number } = {},
): Record<string, unknown> {
  return { type: 'RichTextBlock', inlines: [textRun(text, options)] };
}
