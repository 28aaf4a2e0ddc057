import assert from 'node:assert/strict';

import {
  ActivityTypes,
  ConversationState,
  INVOKE_RESPONSE_KEY,
  MemoryStorage,
  TestAdapter,
  type TurnContext,
} from 'botbuilder';

import { turnErrorHandler } from '../../bot/adapter';
import type { Logger } from '../../bot/logger';

// The turn error handler on botbuilder's TestAdapter (no connector needed): a card click whose turn throws
// still gets an invoke response; a message gets the apology card and its state reset.
const quiet: Logger = {
  info() {},
  warn() {},
  error() {},
  child() {
    return quiet;
  },
} as unknown as Logger;

async function failingTurn(
  activity: Partial<Parameters<TestAdapter['processActivity']>[0]>,
): Promise<{ invokeResponse: unknown; sent: unknown[] }> {
  const state = new ConversationState(new MemoryStorage());
  const adapter = new TestAdapter(async () => {
    throw new Error('boom');
  });
  const handler = turnErrorHandler(state, quiet);
  let invokeResponse: unknown;
  // The context is revoked after the turn: read the invoke response while it is still live.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    await handler(context, error);
    invokeResponse = context.turnState.get(INVOKE_RESPONSE_KEY);
  };
  await adapter.processActivity(activity as never);
  return { invokeResponse, sent: adapter.activeQueue.slice() };
}

describe('bot: the turn error handler', () => {
  it('a card click (adaptiveCard/action) whose turn throws gets a message invoke response, not none', async () => {
    const { sent } = await failingTurn({
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'answer' } },
    });
    // TestAdapter queues the invoke response like any activity (CloudAdapter keeps it in turn state).
    const response = (sent as { type: string }[]).find((a) => a.type === ActivityTypes.InvokeResponse) as
      { value: { status: number; body: { type: string } } } | undefined;
    assert.equal(response?.value.status, 200);
    assert.equal(response?.value.body.type, 'application/vnd.microsoft.activity.message');
  });

  it('a message whose turn throws gets the apology card and no invoke response', async () => {
    const { invokeResponse, sent } = await failingTurn({ type: ActivityTypes.Message, text: 'hello' });
    assert.equal(invokeResponse, undefined);
    assert.ok(!(sent as { type: string }[]).some((a) => a.type === ActivityTypes.InvokeResponse));
    const card = (sent[0] as { attachments?: { contentType: string }[] }).attachments?.[0];
    assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
  });
});
