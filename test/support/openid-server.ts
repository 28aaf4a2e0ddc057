import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { PasswordServiceClientCredentialFactory, type ServiceClientCredentials } from 'botframework-connector';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';

import type { AuthEndpoints } from '../../bot/http/auth';

// A FAKE of the Bot Framework identity service (Microsoft's token service cannot run here): an OpenID
// metadata document and a JWKS on 127.0.0.1, and tokens signed with `jose` by the keys it publishes.
// botbuilder's own validation code checks them, pointed here through AuthOptions (bot/http/auth.ts).
// Its OpenID metadata is cached per URL for the process: every instance has its own port, so its own URL.

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  jwk: JWK;
}

export interface SignOptions {
  key?: SigningKey;
  /** The kid put in the header (defaults to the key's). */
  kid?: string;
  issuer?: string;
  audience?: string;
  serviceUrl?: string;
  /** Seconds from now; negative = in the past. */
  expiresIn?: number;
  notBefore?: number;
  extraClaims?: Record<string, unknown>;
}

/** Outbound credentials that add a fixed bearer token: no MSAL (it refuses http authorities). FAKE. */
export class StaticTokenCredentials implements ServiceClientCredentials {
  static readonly TOKEN = 'fake-outbound-token';

  async signRequest<T extends { headers: { set(name: string, value: string): void } }>(webResource: T): Promise<T> {
    webResource.headers.set('authorization', `Bearer ${StaticTokenCredentials.TOKEN}`);
    return webResource;
  }
}

/** The real password credential factory (app id checks included) with outbound tokens from the fake. */
export class LocalCredentialsFactory extends PasswordServiceClientCredentialFactory {
  async createCredentials(appId: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new StaticTokenCredentials();
  }
}

export async function makeKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `kid-${randomUUID()}`;
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey, jwk };
}

export class OpenIdServer {
  private server?: http.Server;
  /** Published keys, with the channels each one endorses. */
  readonly keys: Array<{ key: SigningKey; endorsements: string[] }> = [];
  /** When set, the metadata document answers with this status instead. */
  failWith?: number;
  metadataRequests = 0;

  get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get issuer(): string {
    return `${this.base}/issuer`;
  }

  async start(endorsedChannels: string[] = ['msteams']): Promise<SigningKey> {
    const key = await makeKey();
    this.keys.push({ key, endorsements: endorsedChannels });
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return key;
  }

  async publish(endorsements: string[]): Promise<SigningKey> {
    const key = await makeKey();
    this.keys.push({ key, endorsements });
    return key;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Settings that make ConfigurationBotFrameworkAuthentication trust this server. */
  endpoints(): AuthEndpoints {
    return {
      ToBotFromChannelOpenIdMetadataUrl: `${this.base}/v1/.well-known/openidconfiguration`,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.base}/emulator/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: this.issuer,
      ToChannelFromBotLoginUrl: `${this.base}/login`,
      ToChannelFromBotOAuthScope: `${this.base}/scope`,
      OAuthUrl: `${this.base}/oauth`,
      CallerId: 'urn:botframework:local-test',
      ValidateAuthority: false,
    };
  }

  async sign(options: SignOptions & { audience: string; serviceUrl: string }): Promise<string> {
    const key = options.key ?? this.keys[0].key;
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({ serviceurl: options.serviceUrl, ...options.extraClaims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience)
      .setIssuedAt(now - 10)
      .setExpirationTime(now + (options.expiresIn ?? 3600));
    if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
    return jwt.sign(options.key?.privateKey ?? key.privateKey);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const path = req.url ?? '';
    if (/\.well-known\/openid-?configuration$/.test(path)) {
      this.metadataRequests += 1;
      if (this.failWith) {
        res.writeHead(this.failWith);
        res.end();
        return;
      }
      this.json(res, {
        issuer: this.issuer,
        jwks_uri: `${this.base}/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      return;
    }
    if (path === '/keys') {
      this.json(res, { keys: this.keys.map((k) => ({ ...k.key.jwk, endorsements: k.endorsements })) });
      return;
    }
    res.writeHead(404);
    res.end();
  }

  private json(res: http.ServerResponse, body: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
