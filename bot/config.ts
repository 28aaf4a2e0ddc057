import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

// Configuration is read from the environment once, here, and validated. Blank MicrosoftAppId means
// anonymous local mode (Agents Playground, tests): no inbound token is checked, no outbound token sent.

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ConfigSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  MicrosoftAppTenantId: z.string().trim().default(''),
  /** Comma-separated resolver addresses for live DNS checks (host or host:port); blank = system resolvers. */
  DNS_SERVERS: z.preprocess(blankToUndefined, z.string().optional()),
  /** `on` (default): check MX, smart host and SPF in DNS during a diagnosis; `off`: use pasted facts only. */
  LIVE_CHECKS: z.preprocess(blankToUndefined, z.enum(['on', 'off']).default('on')),
  /** `memory` (default) or `blob` (Azure Blob Storage, wired later). */
  STORAGE: z.preprocess(blankToUndefined, z.enum(['memory', 'blob']).default('memory')),
  STORAGE_CONNECTION_STRING: z.preprocess(blankToUndefined, z.string().optional()),
  STORAGE_CONTAINER: z.preprocess(blankToUndefined, z.string().default('relay-doctor-state')),
  /** Largest request body accepted on /api/messages, in bytes. */
  MAX_BODY_BYTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1024).default(256 * 1024)),
});

export type BotConfig = z.infer<typeof ConfigSchema>;

/** Parse the environment (or any record of strings) into a validated configuration. */
export function loadConfig(env: Record<string, string | undefined>): BotConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function isAnonymous(config: BotConfig): boolean {
  return config.MicrosoftAppId === '';
}

export function dnsServers(config: BotConfig): string[] {
  return (config.DNS_SERVERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** For `npm start`: load `.env` (local runs) into the environment, then read it. The only reader of process.env. */
export function loadConfigFromEnvironment(): BotConfig {
  loadDotenv({ quiet: true });
  return loadConfig(process.env);
}
