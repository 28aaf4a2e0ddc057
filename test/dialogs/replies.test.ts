import assert from 'node:assert/strict';

import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import type { FileProblem } from '../../dialogs/replies';
import * as replies from '../../dialogs/replies';
import {
  ANSWER_TYPES,
  type AnswerProblem,
  buildFacts,
  CASES,
  CAUSE_IDS,
  FAMILIES,
  QUESTION_IDS,
  readingSummary,
  recognize,
} from '../../engine/index';
import { QUESTION_CATALOGUE } from '../../engine/questions/question-catalogue';
import { buildContext } from '../../engine/rules/context';
import type { Question } from '../../engine/verdict';

// Every reply of the Teams front end (dialogs/replies.ts), constants and templated functions with every
// problem and answer type they word, holds no internal id: the admin reads causes and questions in words.

/** Every problem the re-ask words (a Record, so a new AnswerProblem fails to compile here until listed). */
const PROBLEMS: Record<AnswerProblem, true> = {
  empty: true,
  'too-long': true,
  'yes-no': true,
  'property-name': true,
  command: true,
  'not-a-domain': true,
  'not-a-certificate-name': true,
  'not-an-ipv4': true,
  'private-ipv4': true,
  ipv6: true,
  'not-an-ip-entry': true,
  'not-a-host': true,
  'several-values': true,
  'not-a-connector-name': true,
};
const FILE_PROBLEMS: Record<FileProblem, true> = {
  'host-not-allowed': true,
  'not-https': true,
  credentials: true,
  'bad-url': true,
  'redirect-elsewhere': true,
  'too-large': true,
  timeout: true,
  network: true,
  'http-error': true,
  binary: true,
  'not-outlook-item': true,
  empty: true,
};

const emptyFacts = buildFacts([]);
/** The engine's own questions, as the bot would put them. */
const questions: Question[] = QUESTION_IDS.map((id) => QUESTION_CATALOGUE[id].question(buildContext(emptyFacts)));
/** A text question of every answer type, with and without a placeholder. */
const typed: Question[] = ANSWER_TYPES.flatMap((answerType) =>
  [undefined, 'contoso.com'].map((placeholder) => ({
    id: 'case2.onprem-ip',
    kind: 'text' as const,
    case: 'case2' as const,
    prompt: 'p',
    why: 'w',
    answerType,
    placeholder,
    decides: [],
  })),
);
const exampleFacts = buildFacts([EXAMPLE_NDR]);
const labels = exampleFacts.inputs.map((i) => i.label);
const problems = Object.keys(PROBLEMS) as AnswerProblem[];

/** Sample calls of each templated reply: every branch, with the engine's real words where the reply quotes them. */
const SAMPLES: Record<string, () => string[]> = {
  notRecognizedReply: () => [replies.notRecognizedReply(recognize('hello there').facts.inputs?.[0]?.hint ?? '')],
  nothingYetReply: () => [
    replies.nothingYetReply(readingSummary(exampleFacts), labels),
    replies.nothingYetReply([], labels),
    replies.nothingYetReply([], []),
  ],
  partReply: () => [replies.partReply(1), replies.partReply(3)],
  partNotKeptReply: () => [
    replies.partNotKeptReply(0, 'parts', 100),
    replies.partNotKeptReply(1, 'chars', 100),
    replies.partNotKeptReply(2, 'parts', 100),
  ],
  readItReply: () => [replies.readItReply(labels.join(', '))],
  filesReadReply: () => [
    replies.filesReadReply([{ name: 'bounce.msg', label: labels[0] }]),
    replies.filesReadReply([{ name: 'a.txt' }, { name: 'b.eml', label: labels[0] }]),
  ],
  textReask: () =>
    [...questions, ...typed].flatMap((q) =>
      problems.flatMap((p) => [replies.textReask(q, p), replies.textReask(q, p, 'TlsSenderCertificateName')]),
    ),
  choiceReask: () => questions.map((q) => replies.choiceReask(q)),
  retryProblem: () =>
    [...questions, ...typed].flatMap((q) => [
      replies.retryProblem(q),
      ...problems.map((p) => replies.retryProblem(q, p, '10.0.0.1')),
    ]),
  ticketIntro: () => [replies.ticketIntro(true), replies.ticketIntro(false)],
  fileProblem: () => (Object.keys(FILE_PROBLEMS) as FileProblem[]).map((p) => replies.fileProblem('bounce.msg', p)),
  fileSkippedReply: () => [replies.fileSkippedReply(5, 'sixth.txt')],
  buttonFailedReply: () => [replies.buttonFailedReply('RD-0A1B2C3D')],
};

/** Ids that are not plain words (a dot, hyphen or digit): a plain-word id such as `domain` is also the admin's word. */
const INTERNAL_IDS = [...CAUSE_IDS, ...QUESTION_IDS, ...FAMILIES, ...CASES].filter((id) => /[^a-z]/.test(id));

function allReplies(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(replies)) {
    if (typeof value === 'string') out.push([name, value]);
    else if (typeof value === 'function') for (const text of SAMPLES[name]?.() ?? []) out.push([name, text]);
  }
  return out;
}

describe('dialogs/replies: what the Teams bot says', () => {
  it('every templated reply has sample calls here, and every sample names a reply', () => {
    const functions = Object.entries(replies)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
      .sort();
    assert.deepEqual(Object.keys(SAMPLES).sort(), functions);
    for (const [name, sample] of Object.entries(SAMPLES))
      assert.ok(
        sample().every((t) => t.trim() !== ''),
        `${name} gave an empty reply`,
      );
  });

  it("the samples use the engine's real questions and readings (the check reaches engine words the replies quote)", () => {
    assert.equal(questions.length, QUESTION_IDS.length);
    assert.ok(
      questions.some((q) => (q.choices ?? []).length > 1),
      'some question has choices',
    );
    assert.ok(readingSummary(exampleFacts).length > 0, 'the example NDR gives a reading');
    assert.ok(labels.length > 0, 'the example NDR gives a label');
  });

  it('no reply names a cause id, question id, family id or case id', () => {
    assert.ok(INTERNAL_IDS.includes('send-connector.no-smart-host') && INTERNAL_IDS.includes('case2.onprem-ip'));
    const texts = allReplies();
    assert.ok(texts.length > 100, `replies checked: ${texts.length}`);
    const leaks = texts.flatMap(([name, text]) =>
      INTERNAL_IDS.filter((id) => text.toLowerCase().includes(id)).map((id) => `${name}: ${id}`),
    );
    assert.deepEqual(leaks, []);
  });

  it('the check finds an id when one is there', () => {
    const leaked = replies.readItReply(questions[0].id);
    assert.ok(INTERNAL_IDS.some((id) => leaked.includes(id)));
  });
});
