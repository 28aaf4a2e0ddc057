import { isMicrosoftHost } from '../../knowledge/endpoints';
import { matchLabel } from './labels';
import { type NdrLayout, readLine } from './layouts/index';
import { cleanReply } from './layouts/reply-text';
import { attrOf, capLine, codesOf, findEnhancedStatus, isHostName, isIp, isoTimestamps, replyHostOf } from './smtp-reply';

// One pass over the lines of an NDR's readable text. Every layout of knowledge §4.1 has a cue on the line
// that holds the reply (`#… ##`, `Remote Server returned '…'`, `Diagnostic-Code:`, `host X[ip] said:`,
// `{LED=…}`, `#SMTP#`, `<<<`). Each single-line layout is a module in layouts/ (LINE_LAYOUTS, in order);
// this scan keeps the line loop and the document state: RFC 3464 field blocks, labels, the original
// message's headers, and the hosts and recipients on the lines before a reply. It records each reply as a
// candidate with the hosts, recipients and times around it, and the document-wide facts (generating server,
// labels, language) on the side.

export type { NdrLayout } from './layouts/index';
export type SegmentKind = 'text' | 'html' | 'delivery-status' | 'headers';

export interface Segment {
  kind: SegmentKind;
  text: string;
}

export interface Candidate {
  order: number;
  layout: NdrLayout;
  /** The reply exactly as it stands in the input (wrappers such as `smtp;` or quotes removed). */
  reply: string;
  replyCode?: string;
  enhancedStatus?: string;
  attr?: string;
  replyHost?: string;
  remoteServer?: string;
  remoteIp?: string;
  /** The reply came with no remote host in an Exchange NDR that names its generating server. */
  exchangeStyle: boolean;
  recipients: string[];
  timestamps: string[];
  evidence: string[];
}

export interface ScanResult {
  candidates: Candidate[];
  /** Replies read from prose (a reply text without its code, a code without its text): used only when nothing else was found. */
  weak: Candidate[];
  generatingServer?: string;
  generatingLine?: string;
  /** A remote host named by the document (organization line, `Remote server:` label, `<host> gave this error`). */
  remoteServer?: string;
  remoteLine?: string;
  recipients: string[];
  recipientLines: string[];
  language?: string;
  sender?: string;
  senderLine?: string;
  timestamps: string[];
  cues: Set<string>;
  feedbackReport: boolean;
}

const MAX_CANDIDATES = 200;
const MAX_RECIPIENTS = 100;

const EMAIL = /[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}/;
const EMAIL_LINE = /^\s{0,20}(?:--\s{1,2})?(?:mailto:)?<?([A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})>?\s{0,5}$/;
const NAMED_EMAIL_LINE = /^\s{0,20}[^<>()@]{1,80}[(<]([A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})[)>]\s{0,5}$/;
const DSN_FIELD = /^\s{0,8}(reporting-mta|remote-mta|final-recipient|original-recipient|action|status|diagnostic[- ]code|last-attempt-date|arrival-date|x-original-message-id)\s{0,3}:\s{0,5}(.*)$/i;
const DSN_FOLDABLE = /^\s{0,8}(diagnostic[- ]code|remote-mta|final-recipient|original-recipient|reporting-mta|status)\s{0,3}:/i;
const EXIM_HOST = /\bhost ([A-Za-z0-9.-]{1,253}) \[([0-9A-Fa-f:.]{2,45})\]/i;
const ORG_REJECTED = /following organization rejected your message:\s{0,3}([A-Za-z0-9.-]{1,253})/i;
const HOST_REJECTED = /^\s{0,4}([A-Za-z0-9.-]{1,253}) (?:rejected your message to the following e-?mail addresses|gave this error)/i;

function addressOf(value: string): string | undefined {
  return EMAIL.exec(value)?.[0];
}

function dsnHost(value: string): string | undefined {
  const v = value.replace(/^[A-Za-z-]{1,10}\s{0,3};\s{0,3}/, '').trim();
  const token = v.split(/[\s()[\]]/)[0]?.replace(/\.$/, '');
  return token && (isHostName(token) || isIp(token)) ? token : undefined;
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
  order: number;
}

/** Joins folded lines: DSN fields continued on indented lines, Postfix `said:` lines wrapped by the MTA. */
function logicalLines(text: string): string[] {
  const raw = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const line = capLine(raw[i]);
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    // A queue LastError wrapped by the console over a blank line: `… but that did` / `` / `not succeed. …`.
    if (prev !== undefined && line.trim() === '' && /^\s{0,8}lasterror\s{0,3}:/i.test(prev) && !/[.\]"']\s*$/.test(prev)
      && /^\s{0,8}[a-z]/.test(raw[i + 1] ?? '')) {
      out[out.length - 1] = capLine(`${prev} ${(raw[i + 1] ?? '').trim()}`);
      i += 1;
      continue;
    }
    if (prev !== undefined && /^[ \t]/.test(line) && line.trim() !== '' && prev.length < 4096
      && (DSN_FOLDABLE.test(prev) || / host [A-Za-z0-9.-]{1,253}\[[0-9A-Fa-f:.]{2,45}\]$/.test(prev)
        || (/ said: /.test(prev) && !/\(in reply to [A-Za-z ]{1,40}command\)/i.test(prev)))) {
      out[out.length - 1] = capLine(`${prev} ${line.trim()}`);
      continue;
    }
    out.push(line);
  }
  return out;
}

export class NdrScanner {
  readonly result: ScanResult = {
    candidates: [], weak: [], recipients: [], recipientLines: [], timestamps: [], cues: new Set(), feedbackReport: false,
  };
  private order = 0;

  private addRecipient(addr: string | undefined, line: string): void {
    if (!addr || this.result.recipients.length >= MAX_RECIPIENTS) return;
    if (/^(postmaster|mailer-daemon|microsoftexchange[0-9a-f]*)@/i.test(addr)) return;
    if (!this.result.recipients.some((r) => r.toLowerCase() === addr.toLowerCase())) {
      this.result.recipients.push(addr);
      this.result.recipientLines.push(line.trim());
    }
  }

  private push(c: Omit<Candidate, 'order' | 'attr' | 'replyHost' | 'timestamps'> & { timestamps?: string[] }, weak = false): void {
    const list = weak ? this.result.weak : this.result.candidates;
    if (list.length >= MAX_CANDIDATES) return;
    const reply = c.reply;
    list.push({
      ...c,
      order: this.order++,
      attr: attrOf(reply),
      replyHost: replyHostOf(reply, isMicrosoftHost),
      timestamps: [...(c.timestamps ?? []), ...isoTimestamps(reply)],
    });
  }

  /** Scans one readable part. */
  scan(segment: Segment): void {
    const lines = logicalLines(segment.text);
    const html = segment.kind === 'html';
    let inOriginal = segment.kind === 'headers';
    let block: DsnBlock | undefined;
    let pendingRemoteLabel = false;
    let pendingRecipient: string | undefined;
    const recentHosts: Array<{ host: string; at: number }> = [];
    let lastExim: { host: string; ip: string; at: number } | undefined;
    let nonEmpty = 0;

    const flush = (): void => {
      if (!block) return;
      const b = block;
      block = undefined;
      if (!b.diag && !(b.status && /^[45]\./.test(b.status))) return;
      // Success notices (RFC 3464 delivered / relayed / expanded with a 2.x.x status) report no failure.
      if (b.status?.startsWith('2.') || (b.action && /^(delivered|relayed|expanded)/i.test(b.action) && !(b.status && /^[45]\./.test(b.status)))) return;
      if (b.action && !/failed|delayed|relayed|expanded/i.test(b.action) && !b.diag) return;
      const reply = b.diag ?? b.statusLine ?? '';
      const codes = codesOf(reply);
      this.push({
        layout: 'dsn', reply, replyCode: codes.replyCode, enhancedStatus: codes.enhancedStatus ?? b.status,
        remoteServer: b.remote, remoteIp: b.remoteIp, exchangeStyle: false, recipients: b.recipients, timestamps: b.timestamps,
        evidence: [b.diagLine ?? b.statusLine ?? reply],
      });
    };

    for (let i = 0; i < lines.length; i += 1) {
      const line = lines[i];
      const trimmed = line.trim();
      if (trimmed === '') { flush(); continue; }
      nonEmpty += 1;

      const label = trimmed.length < 400 ? matchLabel(trimmed) : undefined;
      if (label) {
        if (label.label.lang !== 'en' || !this.result.language) this.result.language ??= label.label.lang;
        if (label.label.lang !== 'en' && this.result.language === 'en') this.result.language = label.label.lang;
        const key = label.label.key;
        if (key === 'original-headers') { inOriginal = true; continue; }
        if (key === 'diagnostic-info') { this.result.cues.add('admin-block'); continue; }
        if (key === 'generating-server' && label.value) {
          const host = label.value.split(/\s/)[0].replace(/\.$/, '');
          if (!this.result.generatingServer && (isHostName(host) || isIp(host) || /^[A-Za-z0-9-]{1,63}$/.test(host))) {
            this.result.generatingServer = host;
            this.result.generatingLine = trimmed;
          }
          continue;
        }
        if (key === 'remote-server') {
          const host = label.value.split(/\s/)[0]?.replace(/\.$/, '');
          if (host && (isHostName(host) || isIp(host))) { this.result.remoteServer ??= host; this.result.remoteLine ??= trimmed; }
          else if (!label.value) pendingRemoteLabel = true;
          continue;
        }
        if (key === 'rejected-recipient') { this.addRecipient(addressOf(label.value), trimmed); continue; }
      }

      if (inOriginal) {
        const m = /^(from|return-path)\s{0,3}:\s*(.{0,500})$/i.exec(trimmed);
        if (m) {
          const addr = addressOf(m[2]);
          // Return-Path (the envelope sender) wins over From.
          if (addr && (m[1].toLowerCase() === 'return-path' || !this.result.sender)) { this.result.sender = addr; this.result.senderLine = trimmed; }
        }
        continue;
      }

      if (/^feedback-type\s{0,3}:/i.test(trimmed)) this.result.feedbackReport = true;

      // RFC 3464 fields (in a delivery-status part or pasted).
      const dsn = DSN_FIELD.exec(line);
      if (dsn) {
        this.result.cues.add('dsn');
        const name = dsn[1].toLowerCase().replace(' ', '-');
        const value = dsn[2].trim();
        if (name === 'reporting-mta') {
          const host = dsnHost(value);
          if (host && !this.result.generatingServer) { this.result.generatingServer = host; this.result.generatingLine = trimmed; }
          continue;
        }
        if (name === 'arrival-date') { this.result.timestamps.push(value); continue; }
        if (name === 'final-recipient' || name === 'original-recipient') {
          if (block && block.recipients.length > 0 && name === 'final-recipient' && (block.diag || block.status)) flush();
          block ??= { recipients: [], timestamps: [], order: this.order };
          const addr = addressOf(value);
          if (addr && !block.recipients.some((r) => r.toLowerCase() === addr.toLowerCase())) block.recipients.push(addr);
          this.addRecipient(addr, trimmed);
          continue;
        }
        block ??= { recipients: [], timestamps: [], order: this.order };
        if (name === 'remote-mta') {
          block.remote = dsnHost(value);
          const ip = /\b(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b/.exec(value)?.[1];
          if (ip && ip !== block.remote) block.remoteIp = ip;
        } else if (name === 'status') { block.status = findEnhancedStatus(value); block.statusLine = trimmed; }
        else if (name === 'action') block.action = value;
        else if (name === 'last-attempt-date') block.timestamps.push(value);
        else if (name === 'diagnostic-code') {
          block.diag = cleanReply(value.replace(/^[A-Za-z-]{1,12}\s{0,3};\s{0,3}/, ''));
          block.diagLine = trimmed;
        }
        continue;
      }

      // Document cues and hosts named in prose.
      const org = ORG_REJECTED.exec(line);
      if (org) { this.result.cues.add('exchange2010'); this.result.remoteServer ??= org[1].replace(/\.$/, ''); this.result.remoteLine ??= trimmed; }
      const hostRejected = HOST_REJECTED.exec(line);
      if (hostRejected && isHostName(hostRejected[1])) {
        this.result.cues.add('exchange2013');
        this.result.remoteServer ??= hostRejected[1];
        this.result.remoteLine ??= trimmed;
      }
      if (/delivery has failed to these recipients or groups/i.test(line)) this.result.cues.add('exchange2010');
      if (/more info for email admins|message hops|how to fix it/i.test(line)) this.result.cues.add('exo-modern');

      if (pendingRemoteLabel) {
        pendingRemoteLabel = false;
        const host = trimmed.split(/\s/)[0].replace(/\.$/, '');
        if (isHostName(host) || isIp(host)) { this.result.remoteServer ??= host; this.result.remoteLine ??= trimmed; continue; }
      }

      // A line that is only a host (the Exchange admin block names the remote server this way).
      if (trimmed.length <= 253 && !trimmed.includes(' ') && (isHostName(trimmed.replace(/\.$/, '')) || isIp(trimmed.replace(/^\[|\]$/g, '')))) {
        recentHosts.push({ host: trimmed.replace(/\.$/, '').replace(/^\[|\]$/g, ''), at: nonEmpty });
        continue;
      }
      const bareEmail = !line.includes('@') ? null : EMAIL_LINE.exec(line) ?? (line.length < 200 ? NAMED_EMAIL_LINE.exec(line) : null);
      if (bareEmail) { this.addRecipient(bareEmail[1], trimmed); continue; }

      const exim = EXIM_HOST.exec(line);
      if (exim) lastExim = { host: exim[1], ip: exim[2], at: nonEmpty };
      if (/^\s{0,8}<[^>\s]{1,200}@[^>\s]{1,200}>:?\s{0,3}$/.test(line)) { pendingRecipient = addressOf(line); }

      const hit = readLine(line, html)?.hit;
      if (!hit) continue;
      let { remoteServer, remoteIp } = hit;
      let layout = hit.layout;
      if (!remoteServer && (layout === 'exim' || layout === 'smtp-reply') && lastExim && nonEmpty - lastExim.at <= 3) {
        remoteServer = lastExim.host; remoteIp = lastExim.ip; layout = 'exim';
      }
      if (!remoteServer && hit.lookBackForHost) {
        const near = recentHosts.filter((h) => nonEmpty - h.at <= 3).pop();
        if (near) { remoteServer = isIp(near.host) ? undefined : near.host; remoteIp = isIp(near.host) ? near.host : remoteIp; }
      }
      const recipients: string[] = [];
      const lead = /^\s{0,8}<?([^\s<>]{1,64}@[A-Za-z0-9.-]{1,253})>?:\s/.exec(line);
      if (lead) recipients.push(lead[1]);
      else if (pendingRecipient && hit.layout === 'postfix') recipients.push(pendingRecipient);
      for (const r of recipients) this.addRecipient(r, trimmed);
      pendingRecipient = undefined;
      const codes = codesOf(hit.reply);
      // A 2xx reply (a success notice quoting "250 2.1.5 Ok") reports no failure.
      if (codes.replyCode?.startsWith('2') || (!codes.replyCode && codes.enhancedStatus?.startsWith('2.'))) continue;
      this.push({
        layout, reply: hit.reply, replyCode: codes.replyCode, enhancedStatus: codes.enhancedStatus,
        remoteServer, remoteIp, exchangeStyle: hit.lookBackForHost === true, recipients, timestamps: hit.timestamps,
        evidence: [trimmed],
      }, hit.weak === true);
    }
    flush();
  }
}
