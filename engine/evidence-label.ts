import { QUESTION_CATALOGUE } from './questions/question-catalogue';
import { isQuestionId } from './questions/question-ids';
import type { DiagnosisContext } from './rules/context';
import { ndrWords } from './rules/ndr-words';
import { describeVantage } from './rules/vantage-words';
import type { Evidence } from './verdict';

// Evidence sources are ids (`ndr`, `answer: case2.auth-method`, `dns (…)`); the admin reads where it came from
// in words: the queue error, your Send connector "Internet", your answer to "How does that connector …?".

function questionPrompt(ctx: DiagnosisContext, id: string): string | undefined {
  if (!isQuestionId(id)) return undefined;
  const def = QUESTION_CATALOGUE[id];
  try {
    return def.question(ctx).prompt;
  } catch {
    return undefined;
  }
}

export function evidenceLabel(ctx: DiagnosisContext, source: string): string {
  const s = source.trim();
  if (s === 'ndr') return ndrWords(ctx.primaryNdr);
  let m = /^send connector "(.*)"$/i.exec(s);
  if (m) return `your Send connector "${m[1]}"`;
  m = /^inbound connector "(.*)"$/i.exec(s);
  if (m) return `your inbound connector "${m[1]}" (Exchange Online)`;
  if (/^protocol log$/i.test(s)) return 'your Send protocol log';
  m = /^certificate\s*(\S*)$/i.exec(s);
  if (m) return m[1] ? `your certificate ${m[1].slice(0, 8)}…` : 'your certificate';
  if (/^certificates$/i.test(s)) return 'your Exchange certificates';
  if (/^accepted domains$/i.test(s)) return 'your accepted domains';
  m = /^answer:\s*(.+)$/i.exec(s);
  if (m) {
    const prompt = questionPrompt(ctx, m[1].trim());
    return prompt ? `your answer to "${prompt}"` : 'your answer';
  }
  m = /^dns \((.*), ([^,]+)\)$/i.exec(s);
  if (m) return `a DNS lookup ${describeVantage(m[1], m[2])}`;
  return s;
}

/** A clicked choice reads as its title ("No connector from our server"), not its value (`none`). */
function answerText(ctx: DiagnosisContext, source: string, text: string): string {
  const m = /^answer:\s*(.+)$/i.exec(source.trim());
  const id = m?.[1].trim();
  const def = id && isQuestionId(id) ? QUESTION_CATALOGUE[id] : undefined;
  if (!def) return text;
  try {
    return def.question(ctx).choices?.find((c) => c.value === text.trim())?.title ?? text;
  } catch {
    return text;
  }
}

export function labelEvidence(ctx: DiagnosisContext, evidence: Evidence[]): Evidence[] {
  return evidence.map((e) => ({ ...e, text: answerText(ctx, e.source, e.text), label: evidenceLabel(ctx, e.source) }));
}
