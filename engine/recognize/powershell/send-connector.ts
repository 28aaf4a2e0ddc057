// Get-SendConnector object → SendConnector fact (docs/knowledge.md#send-connector, docs/knowledge.md#format-list).
import type { SendConnector } from '../../facts';
import { canonicalLines } from './canonical-lines';
import { getProp, type PsObject } from './ps-object';
import { type ListValue, toBool, toList, toPort, toScalar } from './values';

export const SEND_CONNECTOR_PROPERTIES = [
  'Name',
  'Identity',
  'Enabled',
  'AddressSpaces',
  'DNSRoutingEnabled',
  'SmartHosts',
  'SmartHostsString',
  'Port',
  'RequireTLS',
  'TlsAuthLevel',
  'TlsDomain',
  'TlsCertificateName',
  'Fqdn',
  'CloudServicesMailEnabled',
  'SourceTransportServers',
  'SmartHostAuthMechanism',
  'IgnoreSTARTTLS',
  'ConnectorType',
  'Usage',
  'IsScopedConnector',
  'UseExternalDNSServersEnabled',
  'ProtocolLoggingLevel',
  'FrontendProxyEnabled',
  'MaxMessageSize',
  'Comment',
  'HomeMtaServerId',
  'ErrorPolicies',
  'DomainSecureEnabled',
  'ForceHELO',
  'IsCoexistenceConnector',
] as const;

const blankToUndefined = (s: string | undefined): string | undefined => (s === '' ? undefined : s);

function smartHosts(obj: PsObject): ListValue {
  const list = toList(getProp(obj, 'SmartHosts')?.value);
  const str = getProp(obj, 'SmartHostsString');
  // SmartHostsString is one string, not cut by $FormatEnumerationLimit: prefer it to a cut list.
  if (str && (list.truncated || !getProp(obj, 'SmartHosts'))) {
    const fromString = toList(str.value);
    if (fromString.items.length >= list.items.length)
      return { items: fromString.items, truncated: fromString.truncated };
  }
  return list;
}

export function toSendConnector(obj: PsObject): SendConnector {
  const truncated: string[] = [];
  const list = (name: string, value: ListValue): string[] => {
    if (value.truncated) truncated.push(name);
    return value.items;
  };
  const scalar = (name: string): string | undefined => toScalar(getProp(obj, name)?.value);
  const bool = (name: string): boolean | undefined => toBool(getProp(obj, name)?.value);

  const connector: SendConnector = {
    name: scalar('Name') || scalar('Identity') || '',
    addressSpaces: list('AddressSpaces', toList(getProp(obj, 'AddressSpaces')?.value)),
    smartHosts: list('SmartHosts', smartHosts(obj)),
    sourceTransportServers: list('SourceTransportServers', toList(getProp(obj, 'SourceTransportServers')?.value)),
    truncated,
    lines: canonicalLines(obj, SEND_CONNECTOR_PROPERTIES),
  };
  const enabled = bool('Enabled');
  if (enabled !== undefined) connector.enabled = enabled;
  const dns = bool('DNSRoutingEnabled');
  if (dns !== undefined) connector.dnsRoutingEnabled = dns;
  const tls = bool('RequireTLS');
  if (tls !== undefined) connector.requireTls = tls;
  const cloud = bool('CloudServicesMailEnabled');
  if (cloud !== undefined) connector.cloudServicesMailEnabled = cloud;
  const level = blankToUndefined(scalar('TlsAuthLevel'));
  if (level !== undefined) connector.tlsAuthLevel = level;
  const domain = blankToUndefined(scalar('TlsDomain'));
  if (domain !== undefined) connector.tlsDomain = domain;
  // Kept even when empty: an empty TlsCertificateName is itself evidence (send-connector.certificate-not-set).
  const cert = scalar('TlsCertificateName');
  if (cert !== undefined) connector.tlsCertificateName = cert;
  const fqdn = blankToUndefined(scalar('Fqdn'));
  if (fqdn !== undefined) connector.fqdn = fqdn;
  const auth = blankToUndefined(scalar('SmartHostAuthMechanism'));
  if (auth !== undefined) connector.smartHostAuthMechanism = auth;
  const port = toPort(getProp(obj, 'Port')?.value);
  if (port !== undefined) connector.port = port;
  return connector;
}
