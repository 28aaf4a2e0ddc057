import type { Verdict } from '../engine/index';
import { type RenderedStep, renderSteps } from '../engine/report/fix-steps';
import { CERTAINTY_WORDS, HEADINGS, runIn, sameCommandAs } from './cli-texts';

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

/** One step of the one step rendering as terminal lines: its words, then its shell and command (or where it was shown). */
function stepLines(out: string[], s: RenderedStep, indent: string): void {
  const prefix = s.number === undefined ? '' : `${s.number}. `;
  out.push(`${indent}${prefix}${clean(s.text)}`);
  if (s.sameAs) {
    out.push(`${indent}   ${sameCommandAs(s.sameAs)}`);
    return;
  }
  if (!s.command) return;
  if (s.command.shell) out.push(`${indent}   ${runIn(s.command.shell)}`);
  for (const line of s.command.text.split('\n')) out.push(`${indent}     ${clean(line)}`);
}

/** The verdict for a terminal: the answer and the first step, what was read, the causes, what was not checked. */
export function formatVerdict(verdict: Verdict, style: Style = plain): string {
  const v = cleanDeep(verdict);
  const out: string[] = [];
  const steps = renderSteps(v);
  if (v.lead) {
    out.push(style.bold(`${CERTAINTY_WORDS[v.lead.certainty]}: ${clean(v.lead.answer)}`));
    if (v.lead.because) out.push(`  ${clean(v.lead.because)}`);
    if (steps.first) {
      out.push('', style.bold(HEADINGS.doFirst));
      stepLines(out, steps.first, '  ');
    }
    if (v.lead.looksRight?.length) {
      out.push('', style.bold(HEADINGS.looksRight));
      for (const l of v.lead.looksRight) out.push(`- ${clean(l)}`);
    }
    if (v.lead.unverified?.length) {
      out.push('', style.bold(HEADINGS.unverified));
      for (const l of v.lead.unverified) out.push(`- ${clean(l)}`);
    }
    out.push('');
  }
  out.push(`${style.bold(HEADINGS.family)} ${v.family}`);
  out.push(`  ${v.headline}`);
  if (v.diagnostic) out.push(`${style.bold(HEADINGS.reply)} ${clean(v.diagnostic)}`);
  if (v.read?.length) {
    out.push(style.bold(HEADINGS.whatIRead));
    for (const r of v.read) out.push(`- ${clean(r)}`);
  } else if (v.inputs.length) out.push(`${style.bold(HEADINGS.read)} ${v.inputs.map((i) => i.label).join('; ')}`);

  const ruledOut = v.causes.filter((c) => c.status === 'ruled-out');
  if (steps.causes.length) {
    out.push('', style.bold(HEADINGS.causes));
    for (const { cause: c, number, steps: fix, clickPath, verify } of steps.causes) {
      out.push(`${number}. ${style.status(c.status, `[${c.status}]`)} ${c.title} ${style.dim(`(${c.id})`)}`);
      for (const e of c.evidence)
        out.push(`   ${style.dim(HEADINGS.shownBy)} ${clean(e.label ?? e.source)}: ${clean(e.text)}`);
      if (fix.length) {
        out.push(`   ${HEADINGS.fix}`);
        for (const s of fix) stepLines(out, s, '     ');
      }
      if (clickPath) out.push(`   ${HEADINGS.clickPath} ${clickPath}`);
      if (verify.length) {
        out.push(`   ${HEADINGS.verify}`);
        for (const s of verify) stepLines(out, s, '     ');
      }
      if (c.fix.docs.length) out.push(`   ${HEADINGS.docs} ${c.fix.docs.map((d) => d.url).join(' ')}`);
    }
  }
  if (ruledOut.length) {
    out.push('', style.bold(HEADINGS.ruledOut));
    for (const c of ruledOut)
      out.push(`- ${c.title}: ${c.evidence.map((e) => `${clean(e.label ?? e.source)}: ${clean(e.text)}`).join('; ')}`);
  }
  if (steps.notChecked.length) {
    out.push('', style.bold(HEADINGS.notChecked));
    for (const n of steps.notChecked) {
      out.push(`${n.number}. ${clean(n.topic)}. ${clean(n.how)}`);
      // The command under the item: a step with no words of its own (its line stays, indented and empty).
      if (n.command || n.sameAs) stepLines(out, { ...n, number: undefined, text: '' }, '  ');
    }
  }
  if (v.questions.length) {
    out.push('', style.bold(HEADINGS.questions));
    for (const q of v.questions) {
      const choices = q.choices ? ` [${q.choices.map((c) => c.value).join('|')}]` : '';
      out.push(`- ${q.id}${choices}: ${q.prompt}`);
      if (q.command) out.push(`  ${style.dim(HEADINGS.orPaste)} ${q.command}`);
    }
  }
  if (v.notes.length) {
    out.push('', style.bold(HEADINGS.notes));
    for (const n of v.notes) out.push(`- ${clean(n)}`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
