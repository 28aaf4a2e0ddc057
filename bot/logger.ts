import pino from 'pino';

// Structured logs (JSON lines, pino). What admins paste (NDRs, tenant and certificate names, IP addresses)
// never goes into a log: callers pass sizes and ids, and the keys that could carry content or secrets are
// redacted by pino as a second line of defence. Error messages are scrubbed of quoted input.

/** Flat context for one log line: ids, sizes, durations, codes. Never bodies. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** The bot's log sink; pino in production, silenced or captured in tests. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, error?: unknown, fields?: LogFields): void;
}

/** Keys whose values are never written, whatever level or nesting (one level deep). */
const REDACTED_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'password',
  'secret',
  'token',
  'text',
  'value',
  'body',
  'attachments',
  'connectionString',
  'MicrosoftAppPassword',
  'BLOB_CONNECTION_STRING',
];

const REDACT_PATHS = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`]);

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; stdout by default. */
  destination?: pino.DestinationStream;
}

/** A logger that writes redacted JSON lines through pino. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const log = pino(
    {
      level: options.level ?? 'info',
      base: { service: 'relay-doctor' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return {
    info: (message, fields) => log.info(cutIds(fields), message),
    warn: (message, fields) => log.warn(cutIds(fields), message),
    error: (message, error, fields) =>
      log.error({ ...cutIds(fields), ...(error === undefined ? {} : { error: describeError(error) }) }, message),
  };
}

/** Longest id written to a log: ids come from the caller (in anonymous mode, anything it sends). */
const MAX_LOGGED_ID_CHARS = 128;

/** Every `…Id` field cut to MAX_LOGGED_ID_CHARS, whoever logs it. */
function cutIds(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  const out: LogFields = { ...fields };
  for (const [key, value] of Object.entries(out)) {
    if (/Id$/.test(key) && typeof value === 'string' && value.length > MAX_LOGGED_ID_CHARS)
      out[key] = value.slice(0, MAX_LOGGED_ID_CHARS);
  }
  return out;
}

/**
 * An error as loggable data: type, code, a scrubbed message and the stack frames. Messages are scrubbed
 * because some quote their input (JSON.parse does), and the input may be a paste.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const described: Record<string, unknown> = { type: error.name, message: scrubMessage(error.message) };
  const code = (error as { code?: unknown }).code;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof code === 'string' || typeof code === 'number') described.code = code;
  if (typeof status === 'number') described.statusCode = status;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 12)
    .map((l) => l.trim());
  if (frames.length > 0) described.stack = frames;
  return described;
}

/** Quoted fragments removed, length capped: keeps the shape of a message, not the data in it. */
export function scrubMessage(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, '[ip]')
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
}

/** Default production logger: info and above to stdout. */
export const consoleLogger: Logger = createLogger();

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
