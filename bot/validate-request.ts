import { z } from 'zod';

// CloudAdapter throws outside its own try block for `{}` or an activity without ids (a 500), so the
// body is checked here first and refused with a 4xx.

export const ActivityEnvelopeSchema = z.object({
  type: z.string().min(1).max(100),
  id: z.string().min(1).max(1000),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.string().min(1).max(2000).refine((u) => /^https?:\/\//i.test(u), 'serviceUrl must be http(s)'),
  conversation: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
  from: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
  recipient: z.object({ id: z.string().min(1).max(1000) }).passthrough().optional(),
}).passthrough();

export type RequestCheck = { ok: true } | { ok: false; status: number; error: string };

export function checkActivityBody(body: unknown): RequestCheck {
  if (body === undefined || body === null || body === '') return { ok: false, status: 400, error: 'empty body' };
  if (typeof body !== 'object' || Buffer.isBuffer(body) || Array.isArray(body)) {
    return { ok: false, status: 400, error: 'body must be a JSON activity' };
  }
  const parsed = ActivityEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    return { ok: false, status: 400, error: `not an activity: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}` };
  }
  return { ok: true };
}
