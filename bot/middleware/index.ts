import type { ConversationState, Middleware } from 'botbuilder';

import type { Logger } from '../logger';
import { TelemetryMiddleware } from '../telemetry/instrument';
import type { Telemetry } from '../telemetry/telemetry';
import { DedupeMiddleware } from './dedupe';
import { InvokeGuardMiddleware } from './invoke-guard';
import { OutboundFailureMiddleware } from './outbound-failures';
import { SerializeMiddleware } from './serialize';
import { StateExpiryMiddleware } from './state-expiry';
import { StorageGuardMiddleware } from './storage-guard';
import { type TurnLimits, TurnLimitsMiddleware } from './turn-limits';

export interface MiddlewareOptions {
  conversationState: ConversationState;
  logger: Logger;
  limits: TurnLimits;
  /** Minutes of silence after which a conversation starts afresh; undefined: no expiry check. */
  stateTtlMinutes: number | undefined;
  telemetry: Telemetry;
  now?: () => number;
}

/** The middleware the adapter runs on every turn, outermost first. Each one's place is the reason it works. */
export function middlewarePipeline(options: MiddlewareOptions): Middleware[] {
  const { conversationState, logger, limits } = options;
  const pipeline: Middleware[] = [
    // Outermost: marks a failed reply (connector 404/307, timeout) so onTurnError keeps the diagnosis.
    new OutboundFailureMiddleware(),
    // Before duplicate-drop: a redelivered card click must still get its invoke response (never an empty 501),
    // and a verb no card sends is answered here without reaching the dialogs.
    new InvokeGuardMiddleware(),
    // Before the limits: a retried delivery never counts against the rate.
    new DedupeMiddleware(),
    // Size and rate per conversation, before anything waits in line or touches storage.
    new TurnLimitsMiddleware(limits, logger),
    // One turn at a time per conversation, so the state each turn reads is the one the previous turn saved.
    new SerializeMiddleware(limits.maxTurnWaitMs),
    // The turn span wraps the storage middleware too, so state reads and writes are its children.
    new TelemetryMiddleware(options.telemetry, conversationState),
    // Storage outages and eTag conflicts get a clear message (not onTurnError's reset); outermost of the two so it
    // also catches the expiry check's own storage read.
    new StorageGuardMiddleware(logger),
  ];
  // Stale conversations start afresh: innermost, right before the bot reads its state.
  if (options.stateTtlMinutes !== undefined) {
    pipeline.push(new StateExpiryMiddleware(conversationState, options.stateTtlMinutes * 60 * 1000, options.now));
  }
  return pipeline;
}
