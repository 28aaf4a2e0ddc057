// The ids of the engine's questions: public (answers are stored under them), so add, never rename.

export const QUESTION_IDS = [
  'case2.inbound-connector',
  'case2.auth-method',
  'case2.connector-certificate-name',
  'case2.presented-certificate-name',
  'case2.onprem-ip',
  'case2.connector-ips',
  'case2.accepted-domain',
  'case1.routing',
  'case1.smart-host',
  'case1.require-tls',
  'domain',
] as const;

export type QuestionId = (typeof QUESTION_IDS)[number];

export function isQuestionId(id: string): id is QuestionId {
  return (QUESTION_IDS as readonly string[]).includes(id);
}
