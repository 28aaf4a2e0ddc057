import assert from 'node:assert/strict';

import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';

import { silentLogger } from '../../../bot/logger';
import { DedupeMiddleware } from '../../../bot/middleware/dedupe';
import { middlewarePipeline } from '../../../bot/middleware/index';
import { InvokeGuardMiddleware } from '../../../bot/middleware/invoke-guard';
import { OutboundFailureMiddleware } from '../../../bot/middleware/outbound-failures';
import { SerializeMiddleware } from '../../../bot/middleware/serialize';
import { StateExpiryMiddleware } from '../../../bot/middleware/state-expiry';
import { StorageGuardMiddleware } from '../../../bot/middleware/storage-guard';
import { TurnLimitsMiddleware } from '../../../bot/middleware/turn-limits';
import { TelemetryMiddleware } from '../../../bot/telemetry/instrument';
import { NO_TELEMETRY } from '../../../bot/telemetry/telemetry';

// The turn pipeline is one ordered list (bot/middleware/index.ts); the order is what makes each piece work,
// so it is pinned here, and a duplicate delivery is shown to be dropped before the rate limit counts it.
const limits = { maxPasteChars: 40_000, turnsPerMinute: 2 };
const base = (conversationState: ConversationState) => ({
  conversationState,
  logger: silentLogger,
  limits,
  stateTtlMinutes: undefined,
  telemetry: NO_TELEMETRY,
});

describe('bot middleware: one ordered pipeline', () => {
  it('runs outermost first: failed-reply marking, invoke guard, duplicate-drop, limits, serialize, telemetry, storage guard, expiry', () => {
    const state = new ConversationState(new MemoryStorage());
    const kinds = middlewarePipeline({ ...base(state), stateTtlMinutes: 60 });
    assert.deepEqual(
      kinds.map((m) => m.constructor),
      [
        OutboundFailureMiddleware,
        InvokeGuardMiddleware,
        DedupeMiddleware,
        TurnLimitsMiddleware,
        SerializeMiddleware,
        TelemetryMiddleware,
        StorageGuardMiddleware,
        StateExpiryMiddleware,
      ],
    );
  });

  it('has no expiry check without a time to live', () => {
    const state = new ConversationState(new MemoryStorage());
    const kinds = middlewarePipeline(base(state)).map((m) => m.constructor);
    assert.equal(kinds.includes(StateExpiryMiddleware), false);
    assert.equal(kinds.at(-1), StorageGuardMiddleware);
  });

  it('drops a redelivered message before the rate limit counts it (duplicate-drop sits outside the limits)', async () => {
    const state = new ConversationState(new MemoryStorage());
    const ran: string[] = [];
    const adapter = new TestAdapter(async (context) => {
      ran.push(context.activity.id ?? '');
    });
    for (const m of middlewarePipeline(base(state))) adapter.use(m);
    const message = (id: string) => ({ type: ActivityTypes.Message, id, text: 'hello' });
    // Two deliveries of one activity, then a new message, at a limit of 2 per minute: the redelivery is dropped
    // (not run twice) and does not count, so the new message still runs.
    await adapter.send(message('a')).startTest();
    await adapter.send(message('a')).startTest();
    await adapter.send(message('b')).startTest();
    assert.deepEqual(ran, ['a', 'b'], 'the redelivery ran no turn and did not count against the rate');
  });
});
