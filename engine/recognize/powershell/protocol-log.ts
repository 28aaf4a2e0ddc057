// Verbose Send protocol log lines (docs/knowledge.md#certificates, docs/knowledge.md#evidence): the certificate the on-premises server sent
// and TLS failures. CSV fields: date-time, connector-id, session-id, sequence-number, local-endpoint,
// remote-endpoint, event, data, context. Partial lines (`…,*,CN=*.contoso.com,Certificate subject`) work too.
import { subjectCn } from '../../certificates/cert-names';
import type { ProtocolLog } from '../../facts';
import { isMicrosoftHost } from '../../knowledge/endpoints';
import { splitLines } from './lines';

type TlsError = ProtocolLog['tlsErrors'][number];

const TLS_FAILED = /TLS negotiation failed with error (NoCredentials|UnknownCredentials|SocketError)\b/i;
const TLS_ERROR_NAMES: Record<string, TlsError> = {
  nocredentials: 'NoCredentials',
  unknowncredentials: 'UnknownCredentials',
  socketerror: 'SocketError',
};
const BANNER = /^220[ -]([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/;

type Field = 'subject' | 'issuer' | 'alternateNames' | 'thumbprint' | 'serial';
const CONTEXTS: Record<string, Field> = {
  'certificate subject': 'subject',
  'certificate issuer name': 'issuer',
  'certificate alternate names': 'alternateNames',
  'certificate thumbprint': 'thumbprint',
  'certificate serial number': 'serial',
};

/** Splits one CSV line (RFC 4180 quoting, as Exchange logs write it). Linear. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i += 1;
        } else quoted = false;
      } else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  return fields;
}

interface Session {
  log: ProtocolLog;
  /** Inside the block that describes the remote server's certificate, not ours. */
  remoteBlock: boolean;
  /** The paste has "Sending certificate"/"Received certificate" markers for this session. */
  marked: boolean;
  banner?: string;
  useful: boolean;
}

function altNames(data: string): string[] {
  return data
    .replace(/DNS Name=/gi, ' ')
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The CN names a Microsoft server: that is EOP's certificate, logged after "Received certificate". */
function isMicrosoftCertificate(subject: string): boolean {
  const cn = subjectCn(subject) ?? subject;
  return isMicrosoftHost(cn.replace(/^\*\./, ''));
}

export function parseProtocolLog(text: string): ProtocolLog[] {
  const sessions = new Map<string, Session>();
  const session = (id: string): Session => {
    let s = sessions.get(id);
    if (!s) {
      s = { log: { alternateNames: [], tlsErrors: [], lines: [] }, remoteBlock: false, marked: false, useful: false };
      sessions.set(id, s);
    }
    return s;
  };

  for (const raw of splitLines(text)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue; // log headers (#Fields: …) and comments
    const lower = line.toLowerCase();
    const hasTls = lower.includes('tls negotiation failed');
    const hasCert = lower.includes('certificate');
    const hasBanner = lower.includes('220');
    if (!hasTls && !hasCert && !hasBanner) continue;

    const fields = splitCsvLine(line);
    const full = fields.length >= 9;
    const id = full ? fields[2] : '';
    if (hasTls) {
      const m = TLS_FAILED.exec(line);
      if (m) {
        const s = session(id);
        const err = TLS_ERROR_NAMES[m[1].toLowerCase()];
        if (!s.log.tlsErrors.includes(err)) s.log.tlsErrors.push(err);
        s.log.lines.push(line);
        s.useful = true;
        if (full && !s.log.remoteHost) s.log.remoteHost = fields[5].replace(/:\d+$/, '');
        continue;
      }
    }
    if (fields.length < 3) continue;
    const context = fields[fields.length - 1].trim();
    const data = fields[fields.length - 2].trim();
    const ctx = context.toLowerCase();
    const banner = hasBanner ? BANNER.exec(data) : null;
    if (banner) {
      session(id).banner = banner[1];
      continue;
    }
    if (
      ctx === 'sending certificate' ||
      ctx.startsWith('received certificate') ||
      ctx.startsWith('remote certificate')
    ) {
      const s = session(id);
      s.marked = true;
      s.remoteBlock = ctx !== 'sending certificate';
      continue;
    }
    const field = CONTEXTS[ctx];
    if (!field || data === '') continue;
    const s = session(id);
    // Without markers, a subject naming a Microsoft host starts EOP's certificate block, any other ours.
    if (field === 'subject' && !s.marked) s.remoteBlock = isMicrosoftCertificate(data);
    if (s.remoteBlock) continue;
    if (field === 'subject') s.log.subject = data;
    else if (field === 'issuer') s.log.issuer = data;
    else if (field === 'thumbprint') s.log.thumbprint = data;
    else if (field === 'alternateNames') {
      for (const n of altNames(data)) if (!s.log.alternateNames.includes(n)) s.log.alternateNames.push(n);
    }
    s.log.lines.push(line);
    s.useful = true;
    if (full && !s.log.remoteHost) s.log.remoteHost = fields[5].replace(/:\d+$/, '');
  }

  const out: ProtocolLog[] = [];
  for (const s of sessions.values()) {
    if (!s.useful) continue;
    if (s.banner) s.log.remoteHost = s.banner;
    out.push(s.log);
  }
  return out;
}
