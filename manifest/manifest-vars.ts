import { z } from 'zod';

// What packaging fills into manifest.json's ${{NAME}} slots, read from the environment (.env).
// The Teams app id and the bot id are the same GUID: the Entra app registration behind the Azure Bot.

/** Documented stand-in for local packaging tests only; Teams rejects a bot with this id. */
export const PLACEHOLDER_APP_ID = '00000000-0000-4000-8000-000000000000';

/** Defaults for the developer block; an admin publishing the app should set their own. */
const DEFAULT_DEVELOPER = {
  DEVELOPER_NAME: 'Relay Doctor',
  WEBSITE_URL: 'https://relay-doctor.example.com/',
  PRIVACY_URL: 'https://relay-doctor.example.com/privacy',
  TERMS_OF_USE_URL: 'https://relay-doctor.example.com/terms',
} as const;

/** Environment variable for each slot that may be overridden. */
const ENV_NAMES = {
  APP_ID: 'MicrosoftAppId',
  DEVELOPER_NAME: 'TeamsAppDeveloperName',
  WEBSITE_URL: 'TeamsAppWebsiteUrl',
  PRIVACY_URL: 'TeamsAppPrivacyUrl',
  TERMS_OF_USE_URL: 'TeamsAppTermsOfUseUrl',
} as const;

export type ManifestVars = {
  APP_ID: string;
  APP_VERSION: string;
  DEVELOPER_NAME: string;
  WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_OF_USE_URL: string;
};

export class ManifestConfigError extends Error {
  override name = 'ManifestConfigError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const httpsUrl = z.string().regex(/^https:\/\/\S+$/, 'must be an https:// URL');
const developerName = z.string().min(1).max(32);

export type ManifestVarsOptions = {
  /** Semver of the app: package.json's version. */
  version: string;
  /** Use PLACEHOLDER_APP_ID when MicrosoftAppId is blank (local packaging tests only). */
  allowPlaceholderId?: boolean;
};

function optional(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Resolve every slot or throw ManifestConfigError naming the variable to fix. */
export function manifestVarsFrom(
  env: Readonly<Record<string, string | undefined>>,
  options: ManifestVarsOptions,
): ManifestVars {
  let appId = optional(env, ENV_NAMES.APP_ID);
  if (!appId) {
    if (!options.allowPlaceholderId) {
      throw new ManifestConfigError(
        `${ENV_NAMES.APP_ID} is blank. Set it in .env to the Application (client) ID of the bot's Entra app ` +
          'registration (see docs/teams-install.md), or package with --placeholder-id for a local test only.',
      );
    }
    appId = PLACEHOLDER_APP_ID;
  }
  if (!GUID.test(appId)) throw new ManifestConfigError(`${ENV_NAMES.APP_ID} must be a GUID, got "${appId}"`);
  if (!/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(options.version)) {
    throw new ManifestConfigError(`the app version must be semver, got "${options.version}"`);
  }
  const vars: ManifestVars = { APP_ID: appId.toLowerCase(), APP_VERSION: options.version, ...DEFAULT_DEVELOPER };
  for (const slot of ['DEVELOPER_NAME', 'WEBSITE_URL', 'PRIVACY_URL', 'TERMS_OF_USE_URL'] as const) {
    const value = optional(env, ENV_NAMES[slot]);
    if (value === undefined) continue;
    const check = (slot === 'DEVELOPER_NAME' ? developerName : httpsUrl).safeParse(value);
    if (!check.success) {
      throw new ManifestConfigError(`${ENV_NAMES[slot]}: ${check.error.issues[0]?.message ?? 'invalid'} ("${value}")`);
    }
    vars[slot] = value;
  }
  return vars;
}
