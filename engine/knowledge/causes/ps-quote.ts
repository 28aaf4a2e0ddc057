// Quoting for values the admin pasted (connector names, domains, certificate names) before they go
// into PowerShell. A single-quoted PowerShell string expands nothing ($, $(), backticks and double
// quotes are literal), so the only ways out are a closing quote or a line break.

// PowerShell treats the typographic single quotes as quote characters too (its tokenizer's
// IsSingleQuote), so each of them must be doubled, like the ASCII one.
const SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;
// Line breaks (and other control characters) would let a pasted value start a second command when a
// step is copied line by line; no connector name, domain or certificate name contains one.
const BREAKS = /[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g;

/** A PowerShell single-quoted string literal whose content is exactly `value` (line breaks become spaces). */
export function psQuote(value: string): string {
  return `'${value.replace(BREAKS, ' ').replace(SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Unknown values are written as `<lower-case words>`: an admin sees what to put there, and tests can find
 * them. (`<I>`/`<S>` in TlsCertificateName values are upper-case single letters and never match.)
 */
export const PLACEHOLDER_PATTERN = /<[a-z][a-z0-9 ,.*/()-]*>/g;

function placeholder(what: string): string {
  const p = `<${what}>`;
  if (!new RegExp(`^${PLACEHOLDER_PATTERN.source}$`).test(p)) throw new Error(`not a placeholder: ${p}`);
  return p;
}

/** The quoted value when it is known, else a quoted placeholder. */
export function psValue(value: string | undefined, what: string): string {
  return value !== undefined && value.trim() !== '' ? psQuote(value.trim()) : `'${placeholder(what)}'`;
}
