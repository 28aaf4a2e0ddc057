import type { Facts, InputKind, InputSummary } from '../facts';
import { normalizeLineEndings } from '../mime/line-endings';
import { recognizeNdr } from './ndr';
import { recognizePowerShell } from './powershell';
import { restoreLineBreaks } from './reflow/restore-line-breaks';
import { restoreNdrLines } from './reflow/restore-ndr-lines';
import { bytesToText } from './text-input';

export interface Recognition {
  kind: InputKind;
  facts: Partial<Facts>;
}

const DOMAIN = /^(?=.{4,253}$)(?!-)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i;

export const PASTE_HINT =
  'Paste the non-delivery report (the whole text under "Diagnostic information for administrators"), ' +
  'a queue error (Get-Queue | Format-List Identity,LastError), or the output of ' +
  'Get-SendConnector | Format-List or Get-InboundConnector | Format-List. You can also type your domain name.';

function summary(kind: InputKind, label: string, hint?: string): InputSummary {
  return hint ? { kind, label, hint } : { kind, label };
}

/** Detects what a pasted text is and extracts its facts. Never throws. */
export function recognize(input: string | Uint8Array): Recognition {
  // Line endings once for both recognizers (they normalize again, which is then a no-op scan).
  const text = normalizeLineEndings(bytesToText(input));
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'not-recognized', facts: { inputs: [summary('not-recognized', 'empty input', PASTE_HINT)] } };
  }
  if (DOMAIN.test(trimmed)) {
    const domain = trimmed.toLowerCase().replace(/\.$/, '');
    return { kind: 'domain', facts: { domain, inputs: [summary('domain', domain)] } };
  }

  const ps = recognizePowerShell(text);
  // Always look for a failure too: a paste may mix cmdlet output with an NDR or a queue LastError. When a
  // chat client flattened cmdlet output or log lines, the failure is read from the restored lines.
  const restored = restoreNdrLines(restoreLineBreaks(text));
  let ndrs = recognizeNdr(restored);
  if (ndrs.length === 0 && restored !== text) ndrs = recognizeNdr(text);

  const inputs: InputSummary[] = [];
  if (ps.sendConnectors.length)
    inputs.push(summary('send-connector', `Get-SendConnector output (${ps.sendConnectors.length})`));
  if (ps.inboundConnectors.length)
    inputs.push(summary('inbound-connector', `Get-InboundConnector output (${ps.inboundConnectors.length})`));
  if (ps.acceptedDomains.length)
    inputs.push(summary('accepted-domain', `Get-AcceptedDomain output (${ps.acceptedDomains.length})`));
  if (ps.certificates.length)
    inputs.push(summary('exchange-certificate', `Get-ExchangeCertificate output (${ps.certificates.length})`));
  if (ps.protocolLogs.length) inputs.push(summary('protocol-log', 'Send protocol log lines'));
  if (ndrs.length) inputs.push(summary('ndr', `delivery report (${ndrs[0].layout})`));

  if (inputs.length === 0) {
    return {
      kind: 'not-recognized',
      facts: { inputs: [summary('not-recognized', 'no delivery failure or connector output found', PASTE_HINT)] },
    };
  }
  const kind: InputKind = ndrs.length ? 'ndr' : inputs[0].kind;
  return { kind, facts: { ...ps, ndrs, inputs } };
}
