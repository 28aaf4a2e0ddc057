import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

import { DEFAULT_FILE_DOWNLOAD_HOSTS, parseHostList } from './files/allowed-hosts';
import type { FileOptions } from './files/file-attachments';

// Configuration is read from the environment once, here, and validated. Blank MicrosoftAppId means
// anonymous local mode (Agents Playground, tests): no inbound token is checked, no outbound token sent.

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ConfigSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  // Blank: 127.0.0.1 in anonymous mode (no token protects the endpoint), 0.0.0.0 with an app id.
  HOST: z.preprocess(blankToUndefined, z.string().optional()),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: z.string().trim().default(''),
  /** Comma-separated resolver addresses for live DNS checks (host or host:port); blank = system resolvers. */
  DNS_SERVERS: z.preprocess(blankToUndefined, z.string().optional()),
  /** `on` (default): check MX, smart host and SPF in DNS during a diagnosis; `off`: use pasted facts only. */
  LIVE_CHECKS: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
  /** `memory` (default; lost on restart, one instance) or `blob` (Azure Blob Storage, shared by every instance). */
  STORAGE: z.preprocess(blankToUndefined, z.enum(['memory', 'blob']).default('memory')),
  /** For STORAGE=blob: the storage account's connection string (a secret). */
  BLOB_CONNECTION_STRING: z.preprocess(blankToUndefined, z.string().optional()),
  /** For STORAGE=blob without a connection string: the account's blob endpoint, reached with a managed identity (no secret). */
  BLOB_ACCOUNT_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'an http(s) URL')
      .optional(),
  ),
  /** Client id of the user-assigned managed identity for BLOB_ACCOUNT_URL; blank = MicrosoftAppId when MicrosoftAppType=UserAssignedMSI. */
  BLOB_MANAGED_IDENTITY_CLIENT_ID: z.preprocess(blankToUndefined, z.string().trim().optional()),
  /** For STORAGE=blob: the container holding conversation state (created when missing). */
  BLOB_CONTAINER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(
        /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/,
        'a container name: 3-63 lower-case letters, digits and single hyphens',
      )
      .default('relay-doctor-state'),
  ),
  /** A conversation silent for this many minutes starts afresh (its open dialog and collected facts are dropped). */
  STATE_TTL_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .default(24 * 60),
  ),
  /** Largest request body accepted on /api/messages, in bytes. */
  MAX_BODY_BYTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(256 * 1024),
  ),
  /** Longest Authorization header accepted, in bytes; longer ones get 401 before any token code runs. */
  MAX_AUTH_HEADER_BYTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1024).max(16384).default(4096)),
  /** Deepest JSON nesting accepted in a request body (400 beyond). */
  MAX_JSON_DEPTH: z.preprocess(blankToUndefined, z.coerce.number().int().min(4).max(1000).default(64)),
  /** Longest pasted text (or card submit value, as JSON) per message, in characters; beyond it a card explains how to trim. */
  MAX_PASTE_CHARS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).default(40_000)),
  /** Messages per conversation per minute before the bot asks the user to slow down (0 = no limit). */
  TURNS_PER_MINUTE: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(30)),
  /** Deadline for each call to the Bot Connector (replies, card updates, typing), in ms; aborted beyond it. */
  OUTBOUND_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).max(120_000).default(15_000)),
  /** Requests per second one client IP may make to /api/messages, before authentication (429 beyond; 0 = no limit). Only with an app id. */
  IP_REQUESTS_PER_SECOND: z.preprocess(blankToUndefined, z.coerce.number().min(0).default(20)),
  /** Requests one client IP may make in a burst above that rate. */
  IP_REQUEST_BURST: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(100)),
  /** On SIGTERM: how long turns in flight may take to finish before the process exits anyway, in ms. */
  SHUTDOWN_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(10_000)),
  /** OpenTelemetry over OTLP/HTTP (JSON): base URL of the collector; traces go to /v1/traces, metrics to /v1/metrics. Blank = off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(blankToUndefined, z.string().url().optional()),
  /** Application Insights connection string (not a secret by itself, but keep it out of the repo). Blank = off. */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(blankToUndefined, z.string().optional()),
  /** service.name on every span and metric. */
  OTEL_SERVICE_NAME: z.preprocess(blankToUndefined, z.string().default('relay-doctor')),
  /** How often metrics are exported, in ms (OpenTelemetry's variable; default 60000). */
  OTEL_METRIC_EXPORT_INTERVAL: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).default(60_000)),
  /** Longest delay before finished spans are exported, in ms (OpenTelemetry's variable; default 5000). */
  OTEL_BSP_SCHEDULE_DELAY: z.preprocess(blankToUndefined, z.coerce.number().int().min(10).default(5_000)),
  /**
   * Comma-separated hosts the bot may download shared files from (`*.sharepoint.com` = any sub-domain).
   * Plain http only for a listed loopback host (tests).
   */
  FILE_DOWNLOAD_HOSTS: z.preprocess(blankToUndefined, z.string().default(DEFAULT_FILE_DOWNLOAD_HOSTS)),
  /** Largest file the bot downloads, in bytes. */
  FILE_MAX_BYTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
  ),
  /** How long one file download may take, in ms. */
  FILE_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(100).default(15_000)),
  /** pino log level: fatal, error, warn, info (default), debug, trace or silent. */
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export type BotConfig = z.infer<typeof ConfigSchema>;

/** Parse the environment (or any record of strings) into a validated configuration. */
export function loadConfig(env: Record<string, string | undefined>): BotConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const config = parsed.data;
  return { ...config, HOST: config.HOST ?? (config.MicrosoftAppId === '' ? '127.0.0.1' : '0.0.0.0') };
}

export function isAnonymous(config: BotConfig): boolean {
  return config.MicrosoftAppId === '';
}

/** The managed identity that reads and writes Blob state (BLOB_ACCOUNT_URL), undefined = the system-assigned one. */
export function blobIdentityClientId(config: BotConfig): string | undefined {
  if (config.BLOB_MANAGED_IDENTITY_CLIENT_ID) return config.BLOB_MANAGED_IDENTITY_CLIENT_ID;
  return config.MicrosoftAppType === 'UserAssignedMSI' && config.MicrosoftAppId !== ''
    ? config.MicrosoftAppId
    : undefined;
}

export function dnsServers(config: BotConfig): string[] {
  return (config.DNS_SERVERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** How files shared in the personal chat are downloaded (bot/files). */
export function fileOptions(config: BotConfig): FileOptions {
  return {
    hosts: parseHostList(config.FILE_DOWNLOAD_HOSTS),
    maxBytes: config.FILE_MAX_BYTES,
    timeoutMs: config.FILE_TIMEOUT_MS,
    maxFiles: 5,
  };
}

/** For `npm start`: load `.env` (local runs) into the environment, then read it. The only reader of process.env. */
export function loadConfigFromEnvironment(): BotConfig {
  loadDotenv({ quiet: true });
  return loadConfig(process.env);
}
