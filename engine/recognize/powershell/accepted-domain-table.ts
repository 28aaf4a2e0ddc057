// Get-AcceptedDomain's default table (Name / DomainName / DomainType / Default). Columns come from the
// dashed rule under the header; when a chat client collapsed the padding, cells are read as
// whitespace-separated tokens from the right (only the first column, Name, may contain spaces).
import type { AcceptedDomain } from '../../facts';
import { isBlank, isPromptLine, splitLines } from './lines';
import { toBool } from './values';

interface Column {
  name: string;
  start: number;
}

const DASH_RULE = /^[ \t]*-+(?:[ \t]+-+)*[ \t]*$/;
const DOMAIN_CELL = /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]*)+(\.\.\.|\u2026)?$/;
const ELLIPSIS = /(\.\.\.|\u2026)$/;

function columnsOf(header: string, rule: string): Column[] {
  const cols: Column[] = [];
  let i = 0;
  while (i < rule.length) {
    if (rule[i] === '-') {
      let j = i;
      while (j < rule.length && rule[j] === '-') j += 1;
      cols.push({ name: '', start: i });
      i = j;
    } else i += 1;
  }
  cols.forEach((c, k) => {
    const end = k + 1 < cols.length ? cols[k + 1].start : header.length;
    c.name = header.slice(c.start, end).trim();
  });
  return cols;
}

function cellsBySlice(row: string, cols: Column[]): string[] {
  return cols.map((c, k) => row.slice(c.start, k + 1 < cols.length ? cols[k + 1].start : row.length).trim());
}

/** The row is laid out in the header's columns: each column after the first starts after a space. */
function alignedWith(row: string, cols: Column[]): boolean {
  return cols.every(
    (c, k) => k === 0 || c.start >= row.length || row[c.start - 1] === ' ' || row[c.start - 1] === '\t',
  );
}

function cellsByTokens(row: string, n: number): string[] | undefined {
  const tokens = row.trim().split(/\s+/);
  if (tokens.length < n) return undefined;
  const tail = tokens.splice(tokens.length - (n - 1), n - 1);
  return [tokens.join(' '), ...tail];
}

function headerWords(line: string): string[] {
  return line
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());
}

export function parseAcceptedDomainTable(text: string): AcceptedDomain[] {
  const lines = splitLines(text);
  const out: AcceptedDomain[] = [];
  for (let i = 0; i + 1 < lines.length; i += 1) {
    const words = headerWords(lines[i]);
    if (!words.includes('domainname') || !DASH_RULE.test(lines[i + 1])) continue;
    const cols = columnsOf(lines[i], lines[i + 1]);
    const names = cols.map((c) => c.name.toLowerCase());
    const idxDomain = names.indexOf('domainname');
    if (idxDomain < 0 || cols.length !== words.length) continue;
    const idxType = names.indexOf('domaintype');
    const idxDefault = names.indexOf('default');
    let r = i + 2;
    for (; r < lines.length; r += 1) {
      const row = lines[r];
      if (isBlank(row) || isPromptLine(row)) break;
      let cells = cellsBySlice(row, cols);
      // A chat client that collapsed the padding leaves rows that no longer line up with the header.
      if (!alignedWith(row, cols) || !DOMAIN_CELL.test(cells[idxDomain] ?? '')) {
        const byTokens = cellsByTokens(row, cols.length);
        if (!byTokens || !DOMAIN_CELL.test(byTokens[idxDomain] ?? '')) break;
        cells = byTokens;
      }
      const domainName = cells[idxDomain];
      const domain: AcceptedDomain = { domainName, line: row.trimEnd() };
      if (idxType >= 0 && cells[idxType]) domain.domainType = cells[idxType].replace(ELLIPSIS, '');
      const isDefault = idxDefault >= 0 ? toBool(cells[idxDefault]) : undefined;
      if (isDefault !== undefined) domain.isDefault = isDefault;
      if (ELLIPSIS.test(domainName)) domain.truncated = true;
      out.push(domain);
    }
    i = r - 1;
  }
  return out;
}
