// Line splitting shared by the PowerShell recognizers: CRLF/CR/LF, non-breaking spaces (chat clients
// turn padding into U+00A0), a leading BOM, and the prompt line pasted with the output.

export function splitLines(text: string): string[] {
  const clean = text.replace(/^\uFEFF/, '').replace(/\u00A0/g, ' ');
  return clean.split(/\r\n|\r|\n/);
}

/**
 * `[PS] C:\Windows\system32>Get-SendConnector | fl`, `PS C:\> …`, `PS>` or `C:\>…`: a prompt line.
 * Linear: fixed prefixes, then one indexOf.
 */
export function isPromptLine(line: string): boolean {
  const t = line.trimStart();
  if (t.startsWith('[PS]') || t.startsWith('PS>')) return true;
  const rest = t.startsWith('PS ') ? t.slice(3).trimStart() : t;
  if (/^[A-Za-z]:\\/.test(rest)) {
    const gt = rest.indexOf('>');
    return gt > 0;
  }
  return false;
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}
