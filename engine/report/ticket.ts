import type { CauseResult, Verdict } from '../verdict';
import { type RenderedStep, renderSteps } from './fix-steps';
import { Redactor } from './redact';

// The verdict as a self-contained summary for a ticket or change request (markdown that also reads as
// plain text): the symptom, what was read, the cause and its evidence, what was ruled out and why, what
// was not checked, the fix steps, how to verify, and when. Pure: the time is passed in.

export interface TicketOptions {
  /** When the diagnosis was made (printed in UTC). */
  time: Date;
  /** Replace addresses, IPs, host/domain and certificate names with consistent placeholders. */
  redact?: boolean;
  /** false: PowerShell indented instead of fenced, for a summary that is itself shown in a code block. */
  codeFences?: boolean;
}

const LEADING = new Set(['confirmed', 'likely']);

function steps(list: readonly RenderedStep[], fences: boolean): string[] {
  const out: string[] = [];
  // Numbered within the list given: a ticket lists the checks of all its causes as one list.
  list.forEach((s, i) => {
    out.push(`${i + 1}. ${oneLine(s.text)}`);
    if (!s.command) return;
    const code = s.command.text.split('\n');
    out.push(
      '',
      ...(fences ? ['   ```powershell', ...code.map((l) => `   ${l}`), '   ```'] : code.map((l) => `       ${l}`)),
      '',
    );
  });
  return out;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function evidence(c: CauseResult): string[] {
  return c.evidence.map((e) => `  - ${oneLine(e.source)}: \`${oneLine(e.text).replace(/`/g, "'")}\``);
}

export function ticketText(verdict: Verdict, options: TicketOptions): string {
  const leading = verdict.causes.filter((c) => LEADING.has(c.status));
  const possible = verdict.causes.filter((c) => c.status === 'possible');
  const ruledOut = verdict.causes.filter((c) => c.status === 'ruled-out');
  // With nothing pinned down, the fix steps of the open candidates are the plan.
  const toFix = leading.length > 0 ? leading : possible.slice(0, 2);
  const out: string[] = [];

  out.push(`# Relay Access Denied: ${oneLine(verdict.headline)}`, '');
  out.push(
    '## Symptom',
    '',
    verdict.diagnostic ? `> ${oneLine(verdict.diagnostic)}` : 'No reply line from a bounce was given.',
    '',
  );
  out.push('## What was read', '');
  const read = verdict.inputs.filter((i) => i.kind !== 'not-recognized');
  out.push(...(read.length > 0 ? read.map((i) => `- ${i.label}`) : ['- nothing recognized']), '');

  out.push('## Cause', '');
  if (leading.length === 0)
    out.push('Not pinned down yet: the evidence leaves more than one cause open (see "Not checked").', '');
  for (const c of leading) {
    out.push(
      `- **${oneLine(c.title)}** (${c.status}, ${c.case === 'other' ? 'other' : c.case === 'case1' ? 'on-premises Send connector' : 'Exchange Online inbound connector'})`,
    );
    out.push(`  ${oneLine(c.explanation)}`);
    if (c.evidence.length > 0) out.push('  Evidence:', ...evidence(c));
  }
  out.push('');

  out.push('## Ruled out', '');
  out.push(
    ...(ruledOut.length > 0
      ? ruledOut.flatMap((c) => [`- ${oneLine(c.title)}`, ...evidence(c)])
      : ['- nothing was ruled out by evidence']),
    '',
  );

  out.push('## Not checked', '');
  const notChecked = [
    ...possible.map((c) => `- ${oneLine(c.title)}: possible, not verified`),
    ...verdict.questions.map((q) => `- ${oneLine(q.prompt)}${q.command ? ` (\`${q.command}\`)` : ''}`),
    ...verdict.notes.map((n) => `- ${oneLine(n)}`),
  ];
  out.push(...(notChecked.length > 0 ? notChecked : ['- nothing left open']), '');

  out.push('## Fix', '');
  // The ticket is read on its own, so every command is written out in full.
  const fixes = renderSteps(verdict, toFix, { repeatCommands: true }).causes;
  const fences = options.codeFences !== false;
  if (fixes.length === 0) out.push('- no fix: no cause is open', '');
  for (const f of fixes) {
    out.push(`### ${oneLine(f.cause.title)}`, '', ...steps(f.steps, fences));
    if (f.clickPath) out.push(`Admin center: ${f.clickPath}`);
    out.push('');
  }

  out.push('## Verify', '');
  const verify = fixes.flatMap((f) => f.verify);
  out.push(
    ...(verify.length > 0
      ? steps(verify, fences)
      : ['- send a test message to an external recipient and check that it is delivered']),
    '',
  );

  const docs = [...new Map(toFix.flatMap((c) => c.fix.docs).map((d) => [d.url, d])).values()];
  if (docs.length > 0) out.push('## References', '', ...docs.map((d) => `- ${d.title}: ${d.url}`), '');

  out.push(
    `Diagnosed by Relay Doctor at ${options.time.toISOString().replace(/\.\d{3}Z$/, 'Z')} (UTC).${options.redact ? ' Addresses, IPs and names are replaced by placeholders.' : ''}`,
  );
  const text = `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
  return options.redact ? new Redactor().redact(text) : text;
}
