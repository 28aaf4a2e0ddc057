import { z } from 'zod';

import { InputSummarySchema } from './facts';
import { ANSWER_TYPES } from './questions/answer-types';
import { CASES, CAUSE_IDS, FAMILIES, STATUSES } from './vocabulary';

/** Where a command runs: on premises, in the cloud, or any Windows PowerShell. */
export const SHELLS = ['exchange-management-shell', 'exchange-online', 'windows'] as const;
export type Shell = (typeof SHELLS)[number];

export const EvidenceSchema = z.object({
  /** Where it was read: `ndr`, `send-connector "Internet"`, `inbound-connector "From on-prem"`, `dns`, `answer:<question id>` … */
  source: z.string(),
  /** The exact line or property (`RequireTLS : False`). */
  text: z.string(),
  /** Where it was read, in the admin's words ("the queue error", "your Send connector \"Internet\""). */
  label: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const FixStepSchema = z.object({
  text: z.string(),
  /** PowerShell filled with the admin's values; `<placeholder>` only where a value is unknown. */
  powershell: z.string().optional(),
  /** Where to run `powershell`; derived from the cmdlets it calls. */
  shell: z.enum(SHELLS).optional(),
});
export type FixStep = z.infer<typeof FixStepSchema>;

export const DocLinkSchema = z.object({ title: z.string(), url: z.string() });
export type DocLink = z.infer<typeof DocLinkSchema>;

export const FixSchema = z.object({
  steps: z.array(FixStepSchema),
  adminCenterPath: z.array(z.string()),
  verify: z.array(FixStepSchema),
  docs: z.array(DocLinkSchema),
});
export type Fix = z.infer<typeof FixSchema>;

export const CauseResultSchema = z.object({
  id: z.enum(CAUSE_IDS),
  case: z.enum(CASES),
  status: z.enum(STATUSES),
  title: z.string(),
  explanation: z.string(),
  evidence: z.array(EvidenceSchema),
  fix: FixSchema,
});
export type CauseResult = z.infer<typeof CauseResultSchema>;

export const QUESTION_KINDS = ['choice', 'text', 'paste'] as const;

export const QuestionSchema = z.object({
  /** Stable id; its answer goes back into Facts.answers under this id. */
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  case: z.enum(CASES),
  prompt: z.string(),
  /** Why the engine asks: which causes the answer separates. */
  why: z.string(),
  /** For `choice`: each with the words typed for it (engine/questions/choice-synonyms.ts). */
  choices: z
    .array(z.object({ value: z.string(), title: z.string(), synonyms: z.array(z.string()).optional() }))
    .optional(),
  /** For `text`: what the answer must be (engine/questions/answer-validation.ts checks it). */
  answerType: z.enum(ANSWER_TYPES).optional(),
  /** For `paste`: the command whose output to paste. */
  command: z.string().optional(),
  placeholder: z.string().optional(),
  /** Cause ids this question decides between. */
  decides: z.array(z.enum(CAUSE_IDS)),
});
export type Question = z.infer<typeof QuestionSchema>;

export const LeadSchema = z.object({
  /** One sentence in the admin's terms: what is wrong ("Your inbound connector expects …, but …"). */
  answer: z.string(),
  /** Why that makes the mail fail, or how sure the verdict is. */
  because: z.string().optional(),
  /** How sure: proven by pasted output, likely, or still open. */
  certainty: z.enum(['confirmed', 'likely', 'open', 'healthy']),
  /** The one thing to do first: a fix step, or the command whose output settles the question. */
  first: FixStepSchema.optional(),
  /** Health check (a domain, or configuration without an NDR): what looks right and what could not be verified. */
  looksRight: z.array(z.string()).optional(),
  unverified: z.array(z.string()).optional(),
});
export type Lead = z.infer<typeof LeadSchema>;

export const NotCheckedSchema = z.object({
  /** What the verdict does not rest on, e.g. "the certificate chain". */
  topic: z.string(),
  /** How to check it, in words. */
  how: z.string(),
  check: FixStepSchema.optional(),
});
export type NotChecked = z.infer<typeof NotCheckedSchema>;

export const VerdictSchema = z.object({
  family: z.enum(FAMILIES),
  /** One sentence: what failed, in words. */
  headline: z.string(),
  /** The NDR line the family rests on, when there is one. */
  diagnostic: z.string().optional(),
  causes: z.array(CauseResultSchema),
  questions: z.array(QuestionSchema),
  /** Warnings that are not relay causes (SPF, truncated output, could-not-check). */
  notes: z.array(z.string()),
  inputs: z.array(InputSummarySchema),
  /** The answer first: what is wrong and why, in the admin's terms, and the one step to do first. */
  lead: LeadSchema.optional(),
  /** What was read from each paste, one sentence each ("A queue error: EOP answered 550 5.7.64 at …"). */
  read: z.array(z.string()).optional(),
  /** What this verdict does not rest on, and how to check it. */
  notChecked: z.array(NotCheckedSchema).optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;
