// PowerShell output → facts: Format-List text, ConvertTo-Json, Get-AcceptedDomain's table and Send
// protocol log lines, all in one paste if need be, with line breaks kept, turned into spaces or removed
// by a chat client (reflow/restore-line-breaks.ts). Never throws; linear in the size of the text.
import type { AcceptedDomain, Certificate, InboundConnector, ProtocolLog, SendConnector } from '../facts';
import { toAcceptedDomain } from './powershell/accepted-domain';
import { parseAcceptedDomainTable } from './powershell/accepted-domain-table';
import { toCertificate } from './powershell/certificate';
import { classifyPsObject } from './powershell/classify';
import { parseFormatList } from './powershell/format-list';
import { toInboundConnector } from './powershell/inbound-connector';
import { parseJsonOutput } from './powershell/json-output';
import { parseProtocolLog } from './powershell/protocol-log';
import type { PsObject } from './powershell/ps-object';
import { toSendConnector } from './powershell/send-connector';
import { restoreLineBreaks } from './reflow/restore-line-breaks';

export interface PowerShellFacts {
  sendConnectors: SendConnector[];
  inboundConnectors: InboundConnector[];
  acceptedDomains: AcceptedDomain[];
  certificates: Certificate[];
  protocolLogs: ProtocolLog[];
}

function empty(): PowerShellFacts {
  return { sendConnectors: [], inboundConnectors: [], acceptedDomains: [], certificates: [], protocolLogs: [] };
}

function addObject(out: PowerShellFacts, obj: PsObject): void {
  switch (classifyPsObject(obj)) {
    case 'send-connector':
      out.sendConnectors.push(toSendConnector(obj));
      break;
    case 'inbound-connector':
      out.inboundConnectors.push(toInboundConnector(obj));
      break;
    case 'accepted-domain': {
      const d = toAcceptedDomain(obj);
      if (d) out.acceptedDomains.push(d);
      break;
    }
    case 'certificate':
      out.certificates.push(toCertificate(obj));
      break;
    default:
      break;
  }
}

export function recognizePowerShell(pasted: string): PowerShellFacts {
  const out = empty();
  if (typeof pasted !== 'string' || pasted.trim() === '') return out;
  try {
    const text = restoreLineBreaks(pasted);
    for (const obj of parseJsonOutput(text)) addObject(out, obj);
    for (const obj of parseFormatList(text)) addObject(out, obj);
    out.acceptedDomains.push(...parseAcceptedDomainTable(text));
    out.protocolLogs.push(...parseProtocolLog(text));
    return out;
  } catch {
    // A recognizer bug must not break the diagnosis of the rest of the paste.
    return empty();
  }
}
