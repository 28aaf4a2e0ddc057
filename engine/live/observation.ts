import type { LiveObservation } from '../facts';

// Every observation says where (vantage) and when (observedAt) it was made.

export interface ObservationContext {
  vantage: string;
  now: () => Date;
}

export type ObservationFields = Omit<LiveObservation, 'observedAt' | 'vantage'>;

export function observation(ctx: ObservationContext, fields: ObservationFields): LiveObservation {
  // Fixed key order and no undefined optionals, so JSON output reads the same for every check.
  const obs: LiveObservation = {
    check: fields.check,
    subject: fields.subject,
    outcome: fields.outcome,
    values: fields.values,
    endpointKinds: fields.endpointKinds,
    observedAt: ctx.now().toISOString(),
    vantage: ctx.vantage,
  };
  if (fields.findings?.length) obs.findings = fields.findings;
  if (fields.origin) obs.origin = fields.origin;
  if (fields.failure) obs.failure = fields.failure;
  if (fields.detail) obs.detail = fields.detail;
  return obs;
}
