// A paste whose line breaks a chat client removed or turned into spaces → its lines again, for the
// PowerShell recognizers: prompts, Send protocol log lines, the Get-AcceptedDomain table, ConvertTo-Json
// and Format-List properties each start a line of their own. Lines that are already whole pass
// unchanged; the cost is linear in the text (every search is bounded per position).
import { splitAcceptedDomainTable } from './split-accepted-domain-table';
import { splitFormatListLine } from './split-format-list';
import { isFlatJson, splitJsonLine } from './split-json';

// `[PS] C:\…>`, `PS C:\…>`: a prompt that follows other text on the same line.
const PROMPT = /(?<=\S)[ \t]*(?=\[PS\] |PS [A-Za-z]:\\)/g;
// A protocol log record starts with its ISO date-time and a comma; log headers with `#Name:`.
const LOG_RECORD =
  /(?<=\S)[ \t]?(?=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z?,)|(?<=\S)[ \t]?(?=#(?:Software|Version|Log-type|Date|Fields): )/g;
// The command that printed JSON, glued to the JSON's first bracket.
const JSON_AFTER_COMMAND = /(ConvertTo-Json\b[^[{\n]{0,60}?)[ \t]*(?=[[{])/gi;

const splitOn = (line: string, re: RegExp): string[] => line.split(re);

function splitLine(line: string): string[] {
  let parts = splitOn(line, PROMPT).flatMap((p) => splitOn(p.replace(JSON_AFTER_COMMAND, '$1\n'), /\n/));
  parts = parts.flatMap((p) => splitOn(p, LOG_RECORD));
  parts = parts.flatMap((p) => {
    if (isFlatJson(p)) return splitJsonLine(p);
    const table = splitAcceptedDomainTable(p);
    if (table) return table;
    return splitFormatListLine(p);
  });
  return parts;
}

/** The text with its lost line breaks put back where PowerShell output shows them. */
export function restoreLineBreaks(text: string): string {
  const clean = text.replace(/\u00A0/g, ' ');
  const lines = clean.split(/\r\n|\r|\n/);
  const out: string[] = [];
  for (const line of lines) {
    // A short line cannot hold two records; most pasted lines are short.
    if (line.length < 40) out.push(line);
    else out.push(...splitLine(line));
  }
  return out.join('\n');
}
