// Choices with the words admins type for them. The matcher (dialogs/match-choice.ts) reads these: whole
// answers, phrases inside a sentence ("yes, it exists and it is enabled"), the option's number.

export interface ChoiceDef {
  value: string;
  title: string;
  /** Short forms and phrases, lower case; punctuation and hyphens are read as spaces. */
  synonyms: string[];
}

/** Words every choice with this value understands, whatever the question. */
export const COMMON_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'not-sure': [
    'not sure',
    'unsure',
    'unknown',
    'i do not know',
    'do not know',
    'dont know',
    'no idea',
    'idk',
    'skip',
    'pass',
    'no clue',
    'cannot tell',
    'can not tell',
    'not certain',
  ],
  yes: ['yes', 'y', 'yeah', 'yep', 'yup', 'true', 'correct'],
  no: ['no', 'n', 'nope', 'false'],
};

/** A choice with its own synonyms plus the common ones for its value. */
export function choice(value: string, title: string, ...synonyms: string[]): ChoiceDef {
  return { value, title, synonyms: [...new Set([...synonyms, ...(COMMON_SYNONYMS[value] ?? [])])] };
}
