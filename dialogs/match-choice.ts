import { COMMON_SYNONYMS, NOT_SURE_VALUE } from '../engine/index';
import type { Question } from '../engine/verdict';

// Typed answers to choice questions, matched against each choice's title, value, synonyms and number
// (the words live with the questions in engine/questions/). A sentence is read for the phrases in it:
// "yes, it exists and it is enabled" holds "enabled"; "it is not enabled" holds "not enabled", which
// outweighs the "enabled" inside it. Anything ambiguous matches nothing, so the bot asks again.

/** Words that say yes or no to almost any question: they count only when no specific phrase was found. */
const WEAK = new Set(['y', 'yes', 'yeah', 'yep', 'yup', 'n', 'no', 'nope', 'ok', 'okay', 'true', 'false', 'on', 'off']);
const NEGATIONS = new Set(['not', 'never', 'no']);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** Lower-case words, contractions spelled out, punctuation and hyphens as spaces. */
function answerWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/\b(can)'?t\b/g, '$1 not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/\b(it|that|there|what)'s\b/g, '$1 is')
    .replace(/\bi'm\b/g, 'i am')
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

interface Span {
  value: string;
  start: number;
  end: number;
}

type Choice = NonNullable<Question['choices']>[number];

function phrasesOf(choice: Choice): string[][] {
  const all = [choice.title, choice.value, ...(choice.synonyms ?? []), ...(COMMON_SYNONYMS[choice.value] ?? [])];
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const p of all) {
    const words = answerWords(p);
    const key = words.join(' ');
    if (key !== '' && !seen.has(key)) {
      seen.add(key);
      out.push(words);
    }
  }
  return out;
}

function equalAt(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((w, i) => words[at + i] === w);
}

/** Every place a choice's phrase occurs in the answer, except where a "not" in front negates it. */
function spansIn(words: string[], choices: Choice[]): Span[] {
  const spans: Span[] = [];
  for (const c of choices) {
    for (const phrase of phrasesOf(c)) {
      for (let i = 0; i + phrase.length <= words.length; i += 1) {
        if (!equalAt(words, i, phrase)) continue;
        if (i > 0 && NEGATIONS.has(words[i - 1]) && !NEGATIONS.has(phrase[0])) continue;
        spans.push({ value: c.value, start: i, end: i + phrase.length });
      }
    }
  }
  return spans;
}

/** Drop spans inside a longer one ("enabled" inside "not enabled"). */
function outermost(spans: Span[]): Span[] {
  return spans.filter(
    (s) => !spans.some((o) => o !== s && o.start <= s.start && s.end <= o.end && o.end - o.start > s.end - s.start),
  );
}

function onlyValue(spans: Span[]): string | undefined {
  const values = new Set(spans.map((s) => s.value));
  if (values.has(NOT_SURE_VALUE)) return NOT_SURE_VALUE; // a hedged answer is no answer
  return values.size === 1 ? [...values][0] : undefined;
}

/** "2", "2.", "#2", "option 2", "the second one". */
function optionNumber(words: string[], raw: string): number | undefined {
  const digits = /^\s*(?:#|option\s*|number\s*|no\.?\s*|choice\s*)?(\d{1,2})\s*[.)]?\s*$/i.exec(raw);
  if (digits) return Number(digits[1]);
  const rest = words.filter((w) => w !== 'the' && w !== 'one' && w !== 'option');
  if (rest.length === 1) {
    const ordinal = ORDINALS.indexOf(rest[0]);
    if (ordinal >= 0) return ordinal + 1;
  }
  return undefined;
}

/** Map a typed or submitted answer onto a choice value; undefined when it matches none or several. */
export function matchChoice(question: Question, answer: string): string | undefined {
  const choices = question.choices ?? [];
  const exactValue = choices.find((c) => c.value === answer.trim());
  if (exactValue) return exactValue.value;
  const words = answerWords(answer);
  if (words.length === 0) return undefined;

  const n = optionNumber(words, answer);
  if (n !== undefined) return n >= 1 && n <= choices.length ? choices[n - 1].value : undefined;

  const whole = words.join(' ');
  const exact = choices.filter((c) => phrasesOf(c).some((p) => p.join(' ') === whole));
  if (exact.length === 1) return exact[0].value;

  const spans = spansIn(words, choices);
  const isWeak = (s: Span) => s.end - s.start === 1 && WEAK.has(words[s.start]);
  const strong = outermost(spans.filter((s) => !isWeak(s)));
  if (strong.length > 0) return onlyValue(strong);
  const weak = spans.filter(isWeak);
  if (weak.length > 0) return onlyValue(weak);

  // A unique beginning of a title or phrase ("smart" for "Through a smart host" is not one; "through" is).
  if (whole.length >= 3) {
    const prefixed = choices.filter((c) => phrasesOf(c).some((p) => p.join(' ').startsWith(whole)));
    if (prefixed.length === 1) return prefixed[0].value;
  }
  return undefined;
}
