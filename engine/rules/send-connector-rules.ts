import type { SendConnector } from '../facts';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';
import { judgeSmartHosts } from './smart-host-rules';

// Case 1: the on-premises Send connector (docs/knowledge.md#send-connector).

function src(c: SendConnector): string {
  return `send connector "${c.name}"`;
}

function line(c: SendConnector, prop: string, fallback: string): string {
  return c.lines[prop] ?? fallback;
}

export function sendConnectorFindings(ctx: DiagnosisContext): Finding[] {
  const { facts, internetConnectors } = ctx;
  if (facts.sendConnectors.length === 0) return [];
  const out: Finding[] = [];

  if (internetConnectors.length === 0) {
    const names = facts.sendConnectors.map((c) =>
      ev(src(c), line(c, 'AddressSpaces', `AddressSpaces : {${c.addressSpaces.join(', ')}}`)),
    );
    // The paste may hold only some connectors (Get-SendConnector "Outbound*" | fl): likely, not proven.
    out.push(finding('send-connector.no-internet-address-space', 'likely', 'config', ...names));
    return out;
  }
  const c = ctx.internetConnector ?? internetConnectors[0];
  const s = src(c);
  out.push(
    finding(
      'send-connector.no-internet-address-space',
      'ruled-out',
      'config',
      ev(s, line(c, 'AddressSpaces', `AddressSpaces : {${c.addressSpaces.join(', ')}}`)),
    ),
  );

  if (internetConnectors.every((x) => x.enabled === false)) {
    out.push(finding('send-connector.disabled', 'confirmed', 'config', ev(s, line(c, 'Enabled', 'Enabled : False'))));
  } else if (c.enabled === true) {
    out.push(finding('send-connector.disabled', 'ruled-out', 'config', ev(s, line(c, 'Enabled', 'Enabled : True'))));
  }

  // Routing is judged only when the paste shows it: a missing property is not an empty one.
  const routingKnown =
    c.dnsRoutingEnabled !== undefined || !!c.lines.SmartHosts || !!c.lines.SmartHostsString || c.smartHosts.length > 0;
  const dns = routingKnown && (c.dnsRoutingEnabled === true || c.smartHosts.length === 0);
  if (!routingKnown) {
    // Nothing to say about routing.
  } else if (dns) {
    const e =
      c.dnsRoutingEnabled === undefined
        ? []
        : [ev(s, line(c, 'DNSRoutingEnabled', `DNSRoutingEnabled : ${String(c.dnsRoutingEnabled)}`))];
    const hostsLine = c.lines.SmartHosts ?? c.lines.SmartHostsString;
    if (hostsLine) e.push(ev(s, hostsLine));
    out.push(finding('send-connector.no-smart-host', 'confirmed', 'config', ...e));
  } else {
    const e = ev(s, line(c, 'SmartHosts', `SmartHosts : {${c.smartHosts.join(', ')}}`));
    out.push(finding('send-connector.no-smart-host', 'ruled-out', 'config', e));
    out.push(...judgeSmartHosts(ctx, c.smartHosts, 'config', e));
  }

  const certBased = ctx.onPremisesConnectors.some((ic) => ic.enabled !== false && !!ic.tlsSenderCertificateName);
  if (c.requireTls === false) {
    // Exchange still offers STARTTLS opportunistically, so RequireTLS False alone proves nothing.
    out.push(
      finding(
        'send-connector.tls-not-required',
        certBased ? 'likely' : 'possible',
        'config',
        ev(s, line(c, 'RequireTLS', 'RequireTLS : False')),
      ),
    );
  } else if (c.requireTls === true) {
    out.push(
      finding(
        'send-connector.tls-not-required',
        'ruled-out',
        'config',
        ev(s, line(c, 'RequireTLS', 'RequireTLS : True')),
      ),
    );
  }

  if (c.tlsCertificateName !== undefined || c.lines.TlsCertificateName) {
    if (!c.tlsCertificateName) {
      out.push(
        finding(
          'send-connector.certificate-not-set',
          certBased ? 'likely' : 'possible',
          'config',
          ev(s, line(c, 'TlsCertificateName', 'TlsCertificateName :')),
        ),
      );
    } else {
      out.push(
        finding(
          'send-connector.certificate-not-set',
          'ruled-out',
          'config',
          ev(s, line(c, 'TlsCertificateName', `TlsCertificateName : ${c.tlsCertificateName}`)),
        ),
      );
    }
  }
  return out;
}
