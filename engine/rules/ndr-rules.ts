import { classifyHost } from '../knowledge/endpoints';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';

// What the NDR text itself says: the pattern table's confirmed and considered causes, and the host it names.

export function ndrFindings(ctx: DiagnosisContext): Finding[] {
  const { primaryNdr: ndr, classification: cls } = ctx;
  if (!ndr || !cls) return [];
  const line = ev('ndr', ndr.diagnostic ?? ndr.evidence[0] ?? ndr.enhancedStatus ?? '');
  const out: Finding[] = [];
  for (const c of cls.confirmed) out.push(finding(c, 'confirmed', 'ndr', line));
  for (const c of cls.consider) if (!cls.confirmed.includes(c)) out.push(finding(c, 'possible', 'ndr', line));

  const hosts = [ndr.remoteServer].filter((h): h is string => !!h);
  for (const host of hosts) {
    const kind = classifyHost(host).kind;
    const hostEv = ev('ndr', `remote server: ${host}`);
    if (kind === 'legacy-fope') out.push(finding('send-connector.legacy-endpoint', 'confirmed', 'ndr', hostEv, line));
    if (kind === 'kb-typo') out.push(finding('send-connector.wrong-smart-host', 'confirmed', 'ndr', hostEv, line));
    if (kind === 'client-submission')
      out.push(finding('send-connector.client-submission-endpoint', 'confirmed', 'ndr', hostEv, line));
    if (kind === 'ip-literal' && ctx.family === 'eop-wrong-endpoint')
      out.push(finding('send-connector.ip-smart-host', 'likely', 'ndr', hostEv, line));
  }
  return out;
}
