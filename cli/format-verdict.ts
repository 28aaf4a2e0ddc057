import { SHELL_WORDS, type FixStep, type Verdict } from '../engine/index';

const CERTAINTY: Record<string, string> = { confirmed: 'Found', likely: 'Most likely', open: 'Not pinned down yet', healthy: 'Looks right so far' };

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

function stepLines(out: string[], s: FixStep, prefix: string, indent: string, refs: Map<string, string>, where: string): void {
  out.push(`${indent}${prefix}${clean(s.text)}`);
  if (!s.powershell) return;
  const key = s.powershell.trim();
  const earlier = key.length >= 100 ? refs.get(key) : undefined;
  if (earlier) { out.push(`${indent}   (the same command as ${earlier})`); return; }
  if (key.length >= 100) refs.set(key, where);
  if (s.shell) out.push(`${indent}   In ${SHELL_WORDS[s.shell]}:`);
  for (const line of s.powershell.split('\n')) out.push(`${indent}     ${clean(line)}`);
}

/** The verdict for a terminal: the answer and the first step, what was read, the causes, what was not checked. */
export function formatVerdict(verdict: Verdict, style: Style = plain): string {
  const v = cleanDeep(verdict);
  const out: string[] = [];
  const refs = new Map<string, string>();
  if (v.lead) {
    out.push(style.bold(`${CERTAINTY[v.lead.certainty]}: ${clean(v.lead.answer)}`));
    if (v.lead.because) out.push(`  ${clean(v.lead.because)}`);
    if (v.lead.first) {
      out.push('', style.bold('Do this first'));
      stepLines(out, v.lead.first, '', '  ', refs, '"Do this first"');
    }
    if (v.lead.looksRight?.length) { out.push('', style.bold('What looks right')); for (const l of v.lead.looksRight) out.push(`- ${clean(l)}`); }
    if (v.lead.unverified?.length) { out.push('', style.bold('What could not be verified')); for (const l of v.lead.unverified) out.push(`- ${clean(l)}`); }
    out.push('');
  }
  out.push(`${style.bold('Family:')} ${v.family}`);
  out.push(`  ${v.headline}`);
  if (v.diagnostic) out.push(`${style.bold('Reply:')} ${clean(v.diagnostic)}`);
  if (v.read?.length) { out.push(style.bold('What I read:')); for (const r of v.read) out.push(`- ${clean(r)}`); }
  else if (v.inputs.length) out.push(`${style.bold('Read:')} ${v.inputs.map((i) => i.label).join('; ')}`);

  const open = v.causes.filter((c) => c.status !== 'ruled-out');
  const ruledOut = v.causes.filter((c) => c.status === 'ruled-out');
  if (open.length) {
    out.push('', style.bold('Causes'));
    open.forEach((c, i) => {
      out.push(`${i + 1}. ${style.status(c.status, `[${c.status}]`)} ${c.title} ${style.dim(`(${c.id})`)}`);
      for (const e of c.evidence) out.push(`   ${style.dim('shown by')} ${clean(e.label ?? e.source)}: ${clean(e.text)}`);
      if (c.fix.steps.length) {
        out.push('   Fix:');
        c.fix.steps.forEach((s, j) => stepLines(out, s, `${j + 1}. `, '     ', refs, `step ${j + 1} of the fix of cause ${i + 1}`));
      }
      if (c.fix.adminCenterPath.length) out.push(`   Admin center: ${c.fix.adminCenterPath.join(' > ')}`);
      if (c.fix.verify.length) {
        out.push('   Check that it worked:');
        c.fix.verify.forEach((s, j) => stepLines(out, s, `${j + 1}. `, '     ', refs, `check ${j + 1} of cause ${i + 1}`));
      }
      if (c.fix.docs.length) out.push(`   Docs: ${c.fix.docs.map((d) => d.url).join(' ')}`);
    });
  }
  if (ruledOut.length) {
    out.push('', style.bold('Checked and ruled out'));
    for (const c of ruledOut) out.push(`- ${c.title}: ${c.evidence.map((e) => `${clean(e.label ?? e.source)}: ${clean(e.text)}`).join('; ')}`);
  }
  if (v.notChecked?.length) {
    out.push('', style.bold('Not checked: this verdict does not rest on'));
    v.notChecked.forEach((n, i) => {
      out.push(`${i + 1}. ${clean(n.topic)}. ${clean(n.how)}`);
      if (n.check?.powershell) stepLines(out, { ...n.check, text: '' }, '', '  ', refs, `not-checked item ${i + 1}`);
    });
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
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
