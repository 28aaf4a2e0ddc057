import { z } from 'zod';

// CloudAdapter throws outside its own try block for `{}` or an activity without ids (a 500), so the
// body is checked here first and refused with a 4xx.

/** Ids go into reply URLs as path segments: `.` and `..` would be resolved away (another conversation's URL). */
const urlSegmentId = z
  .string()
  .min(1)
  .max(1000)
  .refine((v) => v !== '.' && v !== '..', 'an id may not be a dot segment');

const ActivityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(100),
    id: urlSegmentId,
    channelId: z.string().min(1).max(100),
    serviceUrl: z
      .string()
      .min(1)
      .max(2000)
      .refine((u) => /^https?:\/\//i.test(u), 'serviceUrl must be http(s)'),
    conversation: z.object({ id: urlSegmentId }).passthrough(),
    replyToId: z
      .string()
      .max(1000)
      .refine((v) => v !== '.' && v !== '..', 'an id may not be a dot segment')
      .optional(),
    from: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    recipient: z
      .object({ id: z.string().min(1).max(1000) })
      .passthrough()
      .optional(),
    // Shapes the handlers rely on; anything else in an activity is passed through untouched.
    text: z.string().optional(),
    entities: z
      .array(z.object({ type: z.string() }).passthrough())
      .max(100)
      .optional(),
    membersAdded: z
      .array(z.object({ id: z.string() }).passthrough())
      .max(1000)
      .optional(),
    attachments: z.array(z.object({}).passthrough()).max(50).optional(),
  })
  .passthrough();

export type RequestCheck = { ok: true } | { ok: false; status: number; error: string };

export interface BodyCheckOptions {
  /** Anonymous mode: replies may only go to a Bot Connector on this machine (no open relay for replies). */
  loopbackServiceUrlOnly?: boolean;
}

/** Loopback host names and addresses (the Agents Playground and local tests use these). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function checkActivityBody(body: unknown, options: BodyCheckOptions = {}): RequestCheck {
  if (body === undefined || body === null || body === '') return { ok: false, status: 400, error: 'empty body' };
  if (typeof body !== 'object' || Buffer.isBuffer(body) || Array.isArray(body)) {
    return { ok: false, status: 400, error: 'body must be a JSON activity' };
  }
  const parsed = ActivityEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      status: 400,
      error: `not an activity: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`,
    };
  }
  if (options.loopbackServiceUrlOnly && !isLoopbackUrl(parsed.data.serviceUrl)) {
    return { ok: false, status: 403, error: 'anonymous mode answers only a local serviceUrl' };
  }
  return { ok: true };
}
