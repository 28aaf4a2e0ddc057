import type { ConversationState, Middleware, Storage, TurnContext } from 'botbuilder';

import type { DiagnosisEngine, LiveChecks } from '../../dialogs/engine-port';
import type { Telemetry } from './telemetry';

// Small wrappers that put the engine port, live checks, storage and the outbound send under telemetry,
// so neither the engine (pure) nor the dialogs know about it.

/** recognize and diagnose as spans; a diagnosis records its family and the causes not ruled out. */
export function instrumentEngine(engine: DiagnosisEngine, telemetry: Telemetry): DiagnosisEngine {
  if (!telemetry.enabled) return engine;
  return {
    ...engine,
    recognize: (text) =>
      telemetry.operation('recognize', { 'relay_doctor.input.chars': text.length }, () => {
        const recognized = engine.recognize(text);
        telemetry.annotateTurn({ 'relay_doctor.input.kind': recognized.kind });
        return recognized;
      }),
    diagnose: (facts) =>
      telemetry.operation('diagnose', {}, () => {
        const verdict = engine.diagnose(facts);
        telemetry.verdict(
          verdict.family,
          verdict.causes.map((c) => ({ id: c.id, status: c.status })),
        );
        telemetry.annotateTurn({ 'relay_doctor.verdict.open_questions': verdict.questions.length });
        return verdict;
      }),
  };
}

/** The live DNS checks as one span with the number of observations (never the names checked). */
export function instrumentLiveChecks(live: LiveChecks | undefined, telemetry: Telemetry): LiveChecks | undefined {
  if (!live || !telemetry.enabled) return live;
  return (facts) =>
    telemetry.operation('live_checks', {}, async () => {
      const observations = await live(facts);
      telemetry.annotateTurn({ 'relay_doctor.live.observations': observations.length });
      return observations;
    });
}

/** Reads, writes and deletes of conversation state as spans (key counts only: keys hold conversation ids). */
export function instrumentStorage(storage: Storage, telemetry: Telemetry): Storage {
  if (!telemetry.enabled) return storage;
  return {
    read: (keys) =>
      telemetry.operation('storage.read', { 'relay_doctor.storage.keys': keys.length }, () => storage.read(keys)),
    write: (changes) =>
      telemetry.operation('storage.write', { 'relay_doctor.storage.keys': Object.keys(changes).length }, () =>
        storage.write(changes),
      ),
    delete: (keys) =>
      telemetry.operation('storage.delete', { 'relay_doctor.storage.keys': keys.length }, () => storage.delete(keys)),
  };
}

/** Questions asked so far in the conversation's case (session.asked in conversation state). */
function askedCount(conversationState: ConversationState, context: TurnContext): number {
  const state = conversationState.get(context) as { session?: { asked?: Record<string, number> } } | undefined;
  return Object.values(state?.session?.asked ?? {}).reduce((sum, n) => sum + (typeof n === 'number' ? n : 0), 0);
}

/** The turn span around everything after it, with the outbound sends as child spans. */
export class TelemetryMiddleware implements Middleware {
  constructor(
    private readonly telemetry: Telemetry,
    private readonly conversationState: ConversationState,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (!this.telemetry.enabled) return next();
    const { activity } = context;
    const attributes = {
      'relay_doctor.activity.type': activity.type,
      'relay_doctor.channel': activity.channelId,
      'relay_doctor.conversation.type': activity.conversation?.conversationType,
      'relay_doctor.card_submit': activity.value !== undefined && activity.value !== null,
    };
    await this.telemetry.turn(attributes, async () => {
      context.onSendActivities((_ctx, activities, sendNext) =>
        this.telemetry.operation('send', { 'relay_doctor.send.activities': activities.length }, sendNext),
      );
      // Loaded (and cached for the turn) here, so the count before the dialog runs is known. A storage
      // failure is left to the storage middleware inside, which answers the user.
      const before = await this.conversationState.load(context).then(
        () => askedCount(this.conversationState, context),
        () => 0,
      );
      await next();
      const after = askedCount(this.conversationState, context);
      this.telemetry.questionsAsked(Math.max(0, after - before));
      this.telemetry.annotateTurn({ 'relay_doctor.questions.asked': after });
    });
  }
}
