import { randomUUID } from 'node:crypto';

import type { ConnectorCall, ConnectorStub } from './connector-stub';
import { answerFor, type QuestionCardInfo, questionOf, type VerdictInfo, verdictOf } from './dialog-walk';

// A Teams user talking to one or more bot instances over HTTP (POST /api/messages), the replies
// arriving at the FAKE Bot Connector (connector-stub.ts). Each turn can go to a different instance.

/** Case 2 (tenant attribution, KB 2827473) walk answers by question id; unlisted questions get "not sure". */
export const CASE2_ANSWERS: Record<string, string> = {
  'case2.inbound-connector': 'onpremises-enabled',
  'case2.auth-method': 'certificate',
  'case2.connector-certificate-name': 'mail.contoso.com',
  'case2.presented-certificate-name': 'ex01.contoso.local',
  'case2.accepted-domain': 'yes',
  domain: 'contoso.com',
};

export class WireUser {
  readonly conversationId = `a:storage-${randomUUID()}`;

  constructor(private readonly stub: ConnectorStub) {}

  activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${this.stub.url}/`,
      timestamp: new Date().toISOString(),
      from: { id: '29:admin', name: 'A. Admin', aadObjectId: '00000000-0000-0000-0000-000000000001' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      locale: 'en-US',
      ...extra,
    };
  }

  /** POST one activity to `base`; the replies this conversation received meanwhile. */
  async send(base: string, extra: Record<string, unknown>): Promise<{ status: number; replies: ConnectorCall[] }> {
    const mark = this.stub.calls.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.activity(extra)),
    });
    await res.text();
    const replies = this.stub.calls.slice(mark).filter((c) => c.conversationId === this.conversationId);
    return { status: res.status, replies };
  }

  /** The reply texts among calls (POSTs only). */
  static texts(calls: ConnectorCall[]): string[] {
    return calls.filter((c) => c.method === 'POST').map((c) => String(c.activity.text ?? ''));
  }

  static question(calls: ConnectorCall[]): QuestionCardInfo | undefined {
    return calls
      .filter((c) => c.method === 'POST')
      .map((c) => questionOf({ ...c.activity, id: c.assignedId } as never))
      .filter(Boolean)
      .pop();
  }

  static verdict(calls: ConnectorCall[]): VerdictInfo | undefined {
    return calls
      .filter((c) => c.method === 'POST')
      .map((c) => verdictOf(c.activity as never))
      .find(Boolean);
  }
}

export interface WireWalk {
  asked: string[];
  verdict?: VerdictInfo;
  /** The question card open when the walk stopped (stopAfter), to continue from. */
  open?: QuestionCardInfo;
}

export interface WireWalkOptions {
  /** The instance for turn i (0 = the NDR). */
  base: (turn: number) => string;
  answers: Record<string, string>;
  /** Called before turn i; may replace instances. */
  beforeTurn?: (turn: number) => Promise<void>;
  /** After each turn (e.g. to measure stored state). */
  afterTurn?: (turn: number) => Promise<void>;
  maxTurns?: number;
}

/** Paste the NDR, then answer each question card by card submit until a verdict arrives. */
export async function walkOverWire(user: WireUser, ndr: string, options: WireWalkOptions): Promise<WireWalk> {
  const asked: string[] = [];
  await options.beforeTurn?.(0);
  let { status, replies } = await user.send(options.base(0), { text: ndr });
  if (status !== 200) throw new Error(`turn 0: HTTP ${status}`);
  await options.afterTurn?.(0);
  for (let turn = 1; turn <= (options.maxTurns ?? 25); turn += 1) {
    const verdict = WireUser.verdict(replies);
    if (verdict) return { asked, verdict };
    const question = WireUser.question(replies);
    if (!question)
      throw new Error(`turn ${turn}: neither a question nor a verdict; got ${JSON.stringify(WireUser.texts(replies))}`);
    asked.push(question.questionId);
    await options.beforeTurn?.(turn);
    const value = {
      verb: 'answer',
      nonce: question.nonce,
      questionId: question.questionId,
      answer: answerFor(question, options.answers),
    };
    ({ status, replies } = await user.send(options.base(turn), { value, replyToId: question.activityId }));
    if (status !== 200) throw new Error(`turn ${turn}: HTTP ${status}`);
    await options.afterTurn?.(turn);
  }
  throw new Error(`no verdict after ${options.maxTurns ?? 25} turns; asked ${asked.join(', ')}`);
}
