// Get-AcceptedDomain's default table on one line → header, dashed rule and one line per domain. Each row
// ends with the Default column (True/False) after a domain type, which is where the next row begins.

const HEADER = /Name[ \t]+DomainName[ \t]+DomainType[ \t]+Default/;
const RULE = /^[ \t]*-+[ \t]+-+[ \t]+-+[ \t]+-+/;
const ROW =
  /[ \t]*(.{1,120}?[ \t]+(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]*)+(?:\.\.\.|\u2026)?[ \t]+[A-Za-z.\u2026]{1,20}?[ \t]*(?:True|False))/y;

/** The table's lines, or undefined when the line holds no flattened Get-AcceptedDomain table. */
export function splitAcceptedDomainTable(line: string): string[] | undefined {
  const head = HEADER.exec(line);
  if (!head) return undefined;
  const afterHeader = head.index + head[0].length;
  const rule = RULE.exec(line.slice(afterHeader));
  if (!rule) return undefined;
  const rowsStart = afterHeader + rule[0].length;
  const out: string[] = [];
  const before = line.slice(0, head.index);
  if (before.trim() !== '') out.push(before.trimEnd());
  out.push(line.slice(head.index, afterHeader));
  out.push(rule[0].trim()); // the rule starts in column 0, under the header
  ROW.lastIndex = rowsStart;
  let end = rowsStart;
  for (let m = ROW.exec(line); m; m = ROW.exec(line)) {
    out.push(m[1]);
    end = ROW.lastIndex;
  }
  const rest = line.slice(end);
  if (rest.trim() !== '') out.push(rest.trim());
  // Only a flattened table has rows after the rule on the same line.
  return out.length > 3 || rest.trim() !== '' ? out : undefined;
}
