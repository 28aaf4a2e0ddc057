import { AsyncLocalStorage } from 'node:async_hooks';

import type { Activity } from 'botbuilder';
import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';

import type { BotConfig } from '../config';
import { AuthPrecheck, type PrecheckResult } from './auth-precheck';
import { withOutboundTimeout } from './outbound-timeout';

// Inbound authentication. With an app id every request must carry a Bot Framework JWT; botbuilder checks
// signature, issuer, audience (the app id), lifetime, the key's channel endorsement and the serviceurl
// claim. Two gaps are closed here: token library errors (bad signature, expiry) escape as plain errors
// that CloudAdapter turns into 500s, and an unreachable OpenID endpoint is our outage, not the caller's.

/** Where botbuilder fetches signing keys and which issuer it trusts; only tests point these elsewhere. */
export interface AuthEndpoints {
  ToBotFromChannelOpenIdMetadataUrl: string;
  ToBotFromEmulatorOpenIdMetadataUrl: string;
  ToBotFromChannelTokenIssuer: string;
  ToChannelFromBotLoginUrl: string;
  ToChannelFromBotOAuthScope: string;
  OAuthUrl: string;
  CallerId: string;
  ValidateAuthority: boolean;
}

export interface AuthOptions {
  endpoints?: AuthEndpoints;
  /** Outbound credentials (tests use one without MSAL, which refuses http authorities). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/** Why a request failed authentication, kept per request so the HTTP layer can answer 503 for our outage. */
export interface AuthOutcome {
  unavailable?: boolean;
  reason?: string;
}

export const authOutcomeScope = new AsyncLocalStorage<AuthOutcome>();

/** Classify an error from authenticateRequest: the caller's fault (401) or ours (503). */
export function classifyAuthError(error: unknown): 'unauthorized' | 'unavailable' {
  if (error instanceof AuthenticationError) {
    // botbuilder uses AuthenticationError with 500 for "could not load OpenID config / keys".
    return error.statusCode >= 500 ? 'unavailable' : 'unauthorized';
  }
  const name = error instanceof Error ? error.name : '';
  if (JWT_ERRORS.has(name)) return 'unauthorized';
  // Network failures while fetching metadata (FetchError, ECONNREFUSED, bad JSON from the endpoint).
  if (name === 'FetchError' || name === 'SyntaxError' || name === 'TypeError' || name === 'AbortError')
    return 'unavailable';
  return 'unauthorized';
}

/**
 * Delegates to botbuilder's authentication and rethrows every failure as AuthenticationError (401), so a
 * forged or broken token never produces a 500. Outages are flagged in `authOutcomeScope` for a 503.
 */
export class GuardedAuthentication extends BotFrameworkAuthentication {
  /** `outboundTimeoutMs`: deadline for every call to the Bot Connector (bot/http/outbound-timeout.ts). */
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly precheck?: AuthPrecheck,
    private readonly outboundTimeoutMs = 15_000,
  ) {
    super();
  }

  /** The header check run before the library (server.ts answers 401 itself when it fails). */
  checkHeader(authHeader: string | undefined): PrecheckResult {
    return this.precheck ? this.precheck.check(authHeader) : { ok: true };
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const pre = this.checkHeader(authHeader);
    if (!pre.ok)
      throw this.refuse(Object.assign(new Error('refused before validation'), { name: `precheck-${pre.reason}` }));
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw this.refuse(error);
    }
    // Replies of this turn go through the connector clients this factory creates: give them the deadline.
    const { connectorFactory } = result;
    return connectorFactory
      ? { ...result, connectorFactory: withOutboundTimeout(connectorFactory, this.outboundTimeoutMs) }
      : result;
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    const pre = this.checkHeader(authHeader);
    if (!pre.ok)
      throw this.refuse(Object.assign(new Error('refused before validation'), { name: `precheck-${pre.reason}` }));
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw this.refuse(error);
    }
  }

  authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    const pre = this.checkHeader(authHeader);
    if (!pre.ok) return Promise.reject(new AuthenticationError('Unauthorized', 401));
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return withOutboundTimeout(this.inner.createConnectorFactory(claimsIdentity), this.outboundTimeoutMs);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  private refuse(error: unknown): AuthenticationError {
    const kind = classifyAuthError(error);
    const outcome = authOutcomeScope.getStore();
    if (outcome) {
      outcome.unavailable = kind === 'unavailable';
      outcome.reason = error instanceof Error ? error.name : typeof error;
    }
    return new AuthenticationError(kind === 'unavailable' ? 'Authentication unavailable' : 'Unauthorized', 401);
  }
}

/** The Bot Framework authentication for this configuration (anonymous when MicrosoftAppId is blank). */
export function createAuthentication(config: BotConfig, options: AuthOptions = {}): BotFrameworkAuthentication {
  const inner = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...(options.endpoints ?? {}),
    } as ConfigurationBotFrameworkAuthenticationOptions,
    options.credentialsFactory,
  );
  // Anonymous mode checks no token, so there is nothing to pre-check (and no library cache to protect).
  const precheck =
    config.MicrosoftAppId === ''
      ? undefined
      : new AuthPrecheck({
          maxHeaderBytes: config.MAX_AUTH_HEADER_BYTES,
          channelIssuer:
            options.endpoints?.ToBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
          tenantId: config.MicrosoftAppTenantId,
          singleTenant: config.MicrosoftAppType !== 'MultiTenant',
        });
  return new GuardedAuthentication(inner, precheck, config.OUTBOUND_TIMEOUT_MS);
}
