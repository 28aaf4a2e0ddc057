import { addressOf, codesOf, findEnhancedStatus, isHostName, isIp } from '../smtp-reply';
import { cleanReply } from './reply-text';

// RFC 3464 delivery-status fields, in a delivery-status part or pasted: the one layout whose reply spans
// several lines. A block runs from its first per-recipient field to a blank line (or to the next
// Final-Recipient once it has a status); it reports a failure when it has a diagnostic code or a 4.x / 5.x
// status and its action is not a success. Reporting-MTA and Arrival-Date describe the whole message: the
// scanner keeps them as document state.

const DSN_FIELD =
  /^\s{0,8}(reporting-mta|remote-mta|final-recipient|original-recipient|action|status|diagnostic[- ]code|last-attempt-date|arrival-date|x-original-message-id)\s{0,3}:\s{0,5}(.*)$/i;
const DSN_FOLDABLE =
  /^\s{0,8}(diagnostic[- ]code|remote-mta|final-recipient|original-recipient|reporting-mta|status)\s{0,3}:/i;

/** A field an MTA may fold onto indented lines after it. */
export function isFoldableDsnField(line: string): boolean {
  return DSN_FOLDABLE.test(line);
}

/** The RFC 3464 field on a line: its lower-case name (`diagnostic-code`, `final-recipient`, …) and value. */
export function dsnFieldOn(line: string): { name: string; value: string } | undefined {
  const m = DSN_FIELD.exec(line);
  return m ? { name: m[1].toLowerCase().replace(' ', '-'), value: m[2].trim() } : undefined;
}

/** The host of a `dns; host` / `dns; [ip]` value. */
export function dsnHost(value: string): string | undefined {
  const v = value.replace(/^[A-Za-z-]{1,10}\s{0,3};\s{0,3}/, '').trim();
  const token = v.split(/[\s()[\]]/)[0]?.replace(/\.$/, '');
  return token && (isHostName(token) || isIp(token)) ? token : undefined;
}

/** One failed recipient of a delivery-status block. */
export interface DsnFailure {
  layout: 'dsn';
  reply: string;
  remoteServer?: string;
  remoteIp?: string;
  replyCode?: string;
  enhancedStatus?: string;
  recipients: string[];
  timestamps: string[];
  evidence: string[];
}

interface DsnBlock {
  recipients: string[];
  remote?: string;
  remoteIp?: string;
  status?: string;
  statusLine?: string;
  action?: string;
  diag?: string;
  diagLine?: string;
  timestamps: string[];
}

/** Reads the per-recipient fields of one part, one block at a time. */
export class DsnBlockReader {
  private block: DsnBlock | undefined;

  /** One per-recipient field; a Final-Recipient after a block with a status or diagnostic ends that block first. */
  field(name: string, value: string, trimmed: string): DsnFailure | undefined {
    let done: DsnFailure | undefined;
    const open = this.block;
    if (name === 'final-recipient' && open && open.recipients.length > 0 && (open.diag || open.status))
      done = this.end();
    const b = (this.block ??= { recipients: [], timestamps: [] });
    if (name === 'final-recipient' || name === 'original-recipient') {
      const addr = addressOf(value);
      if (addr && !b.recipients.some((r) => r.toLowerCase() === addr.toLowerCase())) b.recipients.push(addr);
    } else if (name === 'remote-mta') {
      b.remote = dsnHost(value);
      const ip = /\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b/.exec(value)?.[1];
      if (ip && ip !== b.remote) b.remoteIp = ip;
    } else if (name === 'status') {
      b.status = findEnhancedStatus(value);
      b.statusLine = trimmed;
    } else if (name === 'action') b.action = value;
    else if (name === 'last-attempt-date') b.timestamps.push(value);
    else if (name === 'diagnostic-code') {
      b.diag = cleanReply(value.replace(/^[A-Za-z-]{1,12}\s{0,3};\s{0,3}/, ''));
      b.diagLine = trimmed;
    }
    return done;
  }

  /** Ends the block (a blank line, the end of the part): the failure it reports, if any. */
  end(): DsnFailure | undefined {
    const b = this.block;
    this.block = undefined;
    if (!b) return undefined;
    const failed = !!b.status && /^[45]\./.test(b.status);
    if (!b.diag && !failed) return undefined;
    // Success notices (RFC 3464 delivered / relayed / expanded with a 2.x.x status) report no failure.
    if (b.status?.startsWith('2.') || (b.action && /^(delivered|relayed|expanded)/i.test(b.action) && !failed))
      return undefined;
    if (b.action && !/failed|delayed|relayed|expanded/i.test(b.action) && !b.diag) return undefined;
    const reply = b.diag ?? b.statusLine ?? '';
    const codes = codesOf(reply);
    return {
      layout: 'dsn',
      reply,
      replyCode: codes.replyCode,
      enhancedStatus: codes.enhancedStatus ?? b.status,
      remoteServer: b.remote,
      remoteIp: b.remoteIp,
      recipients: b.recipients,
      timestamps: b.timestamps,
      evidence: [b.diagLine ?? b.statusLine ?? reply],
    };
  }
}
