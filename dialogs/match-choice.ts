import type { Question } from '../engine/verdict';

const SYNONYMS: Record<string, string[]> = {
  'not-sure': ['not sure', 'dont know', 'don\'t know', 'unknown', 'no idea', 'idk'],
  yes: ['y', 'yes', 'true', 'on', 'enabled'],
  no: ['n', 'no', 'false', 'off', 'disabled'],
};

function norm(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/[.!]+$/, '');
}

/** Map a typed or submitted answer onto a choice value: value, title, number, synonym or a unique prefix. */
export function matchChoice(question: Question, answer: string): string | undefined {
  const choices = question.choices ?? [];
  const typed = norm(answer);
  if (typed === '') return undefined;
  const exact = choices.find((c) => norm(c.value) === typed || norm(c.title) === typed || norm(c.value).replace(/-/g, ' ') === typed);
  if (exact) return exact.value;
  const index = /^\d{1,2}$/.test(typed) ? Number(typed) : NaN;
  if (index >= 1 && index <= choices.length) return choices[index - 1].value;
  const synonym = choices.find((c) => (SYNONYMS[c.value] ?? []).includes(typed));
  if (synonym) return synonym.value;
  if (typed.length >= 3) {
    const partial = choices.filter((c) => norm(c.title).startsWith(typed) || norm(c.value).startsWith(typed));
    if (partial.length === 1) return partial[0].value;
  }
  return undefined;
}
