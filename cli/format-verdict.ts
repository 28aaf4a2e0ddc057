import type { Verdict } from '../engine/index';

// Human-readable verdict for a terminal. Colors only when asked (the caller checks isTTY and NO_COLOR).

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  status(status: string, s: string): string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s, status: (_st, s) => s };

const ESC = '\u001b[';
const STATUS_COLOR: Record<string, string> = { confirmed: '31', likely: '33', possible: '36', 'ruled-out': '32' };
export const ansi: Style = {
  bold: (s) => `${ESC}1m${s}${ESC}0m`,
  dim: (s) => `${ESC}2m${s}${ESC}0m`,
  status: (st, s) => `${ESC}${STATUS_COLOR[st] ?? '0'}m${s}${ESC}0m`,
};

/**
 * Removes terminal control characters (C0 but tab and newline, DEL, C1 including the 8-bit CSI and OSC
 * introducers) and bidi overrides, so pasted text cannot move the cursor, retitle the window, plant an
 * OSC 8 hyperlink or reorder what the admin reads.
 */
export function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Every string in the verdict cleaned: pasted text reaches many fields (names in paths, prompts, labels). */
function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map(cleanDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)])) as T;
  }
  return value;
}

export function formatVerdict(verdict: Verdict, style: Style = plain): string {
  const v = cleanDeep(verdict);
  const out: string[] = [];
  out.push(`${style.bold('Family:')} ${v.family}`);
  out.push(`  ${v.headline}`);
  if (v.diagnostic) out.push(`${style.bold('Reply:')} ${clean(v.diagnostic)}`);
  if (v.inputs.length) out.push(`${style.bold('Read:')} ${v.inputs.map((i) => i.label).join('; ')}`);

  const open = v.causes.filter((c) => c.status !== 'ruled-out');
  const ruledOut = v.causes.filter((c) => c.status === 'ruled-out');
  if (open.length) {
    out.push('', style.bold('Causes'));
    open.forEach((c, i) => {
      out.push(`${i + 1}. ${style.status(c.status, `[${c.status}]`)} ${c.id} (${c.case}): ${c.title}`);
      for (const e of c.evidence) out.push(`   ${style.dim('evidence')} ${clean(e.source)}: ${clean(e.text)}`);
      if (c.fix.steps.length) {
        out.push('   Fix:');
        c.fix.steps.forEach((s, j) => {
          out.push(`     ${j + 1}. ${clean(s.text)}`);
          if (s.powershell) for (const line of s.powershell.split('\n')) out.push(`        ${clean(line)}`);
        });
      }
      if (c.fix.adminCenterPath.length) out.push(`   Admin center: ${c.fix.adminCenterPath.join(' > ')}`);
      if (c.fix.verify.length) {
        out.push('   Verify:');
        c.fix.verify.forEach((s, j) => {
          out.push(`     ${j + 1}. ${clean(s.text)}`);
          if (s.powershell) for (const line of s.powershell.split('\n')) out.push(`        ${clean(line)}`);
        });
      }
      if (c.fix.docs.length) out.push(`   Docs: ${c.fix.docs.map((d) => d.url).join(' ')}`);
    });
  }
  if (ruledOut.length) {
    out.push('', style.bold('Checked and ruled out'));
    for (const c of ruledOut) out.push(`- ${c.id}: ${c.evidence.map((e) => clean(e.text)).join('; ')}`);
  }
  if (v.questions.length) {
    out.push('', style.bold('To narrow it down, answer with --answer ID=VALUE or paste the command output:'));
    for (const q of v.questions) {
      const choices = q.choices ? ` [${q.choices.map((c) => c.value).join('|')}]` : '';
      out.push(`- ${q.id}${choices}: ${q.prompt}`);
      if (q.command) out.push(`  ${style.dim('or paste:')} ${q.command}`);
    }
  }
  if (v.notes.length) {
    out.push('', style.bold('Notes'));
    for (const n of v.notes) out.push(`- ${clean(n)}`);
  }
  return `${out.join('\n')}\n`;
}
