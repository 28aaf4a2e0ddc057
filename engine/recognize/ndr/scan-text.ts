import { isMicrosoftHost } from '../../knowledge/endpoints';
import { matchLabel } from './labels';
import { adminBlock } from './layouts/admin-block';
import { DsnBlockReader, dsnFieldOn, dsnHost, isFoldableDsnField } from './layouts/dsn-block';
import { DOCUMENT_LAYOUTS, type NdrLayout, readLine } from './layouts/index';
import { addressOf, attrOf, capLine, codesOf, isHostName, isIp, isoTimestamps, replyHostOf } from './smtp-reply';

// One pass over the lines of an NDR's readable text. Every layout of docs/knowledge.md#layouts has a cue on the line
// that holds the reply (`#… ##`, `Remote Server returned '…'`, `Diagnostic-Code:`, `host X[ip] said:`,
// `{LED=…}`, `#SMTP#`, `<<<`). Each single-line layout is a module in layouts/ (LINE_LAYOUTS, in order);
// this scan keeps the line loop and the document state: RFC 3464 field blocks, labels, the original
// message's headers, and the hosts and recipients on the lines before a reply. It records each reply as a
// candidate with the hosts, recipients and times around it, and the document-wide facts (generating server,
// labels, language) on the side.

type SegmentKind = 'text' | 'html' | 'delivery-status' | 'headers';

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

const EMAIL_LINE =
  /^\s{0,20}(?:--\s{1,2})?(?:mailto:)?<?([A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})>?\s{0,5}$/;
const NAMED_EMAIL_LINE =
  /^\s{0,20}[^<>()@]{1,80}[(<]([A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})[)>]\s{0,5}$/;
const EXIM_HOST = /\bhost ([A-Za-z0-9.-]{1,253}) \[([0-9A-Fa-f:.]{2,45})\]/i;

/** What one scan keeps from line to line of a part. */
interface SegmentState {
  html: boolean;
  /** Inside the returned original message's headers. */
  inOriginal: boolean;
  dsn: DsnBlockReader;
  /** A `Remote server:` label with its host on the next line. */
  pendingRemoteLabel: boolean;
  /** Postfix's `<kim@x>:` line before its `host … said:` line. */
  pendingRecipient?: string;
  /** Lines that are only a host, by their count of non-empty lines. */
  recentHosts: Array<{ host: string; at: number }>;
  lastExim?: { host: string; ip: string; at: number };
  nonEmpty: number;
}

/** Joins folded lines: DSN fields continued on indented lines, Postfix `said:` lines wrapped by the MTA. */
function logicalLines(text: string): string[] {
  const raw = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const line = capLine(raw[i]);
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    // A queue LastError wrapped by the console over a blank line: `… but that did` / `` / `not succeed. …`.
    if (
      prev !== undefined &&
      line.trim() === '' &&
      /^\s{0,8}lasterror\s{0,3}:/i.test(prev) &&
      !/[.\]"']\s*$/.test(prev) &&
      /^\s{0,8}[a-z]/.test(raw[i + 1] ?? '')
    ) {
      out[out.length - 1] = capLine(`${prev} ${(raw[i + 1] ?? '').trim()}`);
      i += 1;
      continue;
    }
    if (
      prev !== undefined &&
      /^[ \t]/.test(line) &&
      line.trim() !== '' &&
      prev.length < 4096 &&
      (isFoldableDsnField(prev) ||
        / host [A-Za-z0-9.-]{1,253}\[[0-9A-Fa-f:.]{2,45}\]$/.test(prev) ||
        (/ said: /.test(prev) && !/\(in reply to [A-Za-z ]{1,40}command\)/i.test(prev)))
    ) {
      out[out.length - 1] = capLine(`${prev} ${line.trim()}`);
      continue;
    }
    out.push(line);
  }
  return out;
}

export class NdrScanner {
  readonly result: ScanResult = {
    candidates: [],
    weak: [],
    recipients: [],
    recipientLines: [],
    timestamps: [],
    cues: new Set(),
    feedbackReport: false,
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

  private push(
    c: Omit<Candidate, 'order' | 'attr' | 'replyHost' | 'timestamps'> & { timestamps?: string[] },
    weak = false,
  ): void {
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

  /** Scans one readable part: the line loop; each line is read by the first reader that takes it. */
  scan(segment: Segment): void {
    const s: SegmentState = {
      html: segment.kind === 'html',
      inOriginal: segment.kind === 'headers',
      dsn: new DsnBlockReader(),
      pendingRemoteLabel: false,
      recentHosts: [],
      nonEmpty: 0,
    };
    for (const line of logicalLines(segment.text)) this.readLine(line, s);
    this.endDsnBlock(s);
  }

  private readLine(line: string, s: SegmentState): void {
    const trimmed = line.trim();
    if (trimmed === '') {
      this.endDsnBlock(s);
      return;
    }
    s.nonEmpty += 1;
    if (this.readLabel(trimmed, s)) return;
    if (s.inOriginal) {
      this.readOriginalHeader(trimmed);
      return;
    }
    if (/^feedback-type\s{0,3}:/i.test(trimmed)) this.result.feedbackReport = true;
    const field = dsnFieldOn(line);
    if (field) {
      this.readDsnField(field.name, field.value, trimmed, s);
      return;
    }
    this.readDocumentCues(line, trimmed);

    if (s.pendingRemoteLabel) {
      s.pendingRemoteLabel = false;
      const host = trimmed.split(/\s/)[0].replace(/\.$/, '');
      if (isHostName(host) || isIp(host)) {
        this.result.remoteServer ??= host;
        this.result.remoteLine ??= trimmed;
        return;
      }
    }
    // A line that is only a host (the Exchange admin block names the remote server this way).
    if (
      trimmed.length <= 253 &&
      !trimmed.includes(' ') &&
      (isHostName(trimmed.replace(/\.$/, '')) || isIp(trimmed.replace(/^\[|\]$/g, '')))
    ) {
      s.recentHosts.push({ host: trimmed.replace(/\.$/, '').replace(/^\[|\]$/g, ''), at: s.nonEmpty });
      return;
    }
    const bareEmail = !line.includes('@')
      ? null
      : (EMAIL_LINE.exec(line) ?? (line.length < 200 ? NAMED_EMAIL_LINE.exec(line) : null));
    if (bareEmail) {
      this.addRecipient(bareEmail[1], trimmed);
      return;
    }

    const exim = EXIM_HOST.exec(line);
    if (exim) s.lastExim = { host: exim[1], ip: exim[2], at: s.nonEmpty };
    if (/^\s{0,8}<[^>\s]{1,200}@[^>\s]{1,200}>:?\s{0,3}$/.test(line)) {
      s.pendingRecipient = addressOf(line);
    }
    this.readReply(line, trimmed, s);
  }

  /** A label of an Exchange NDR (any language): true when the line is used up. */
  private readLabel(trimmed: string, s: SegmentState): boolean {
    const label = trimmed.length < 400 ? matchLabel(trimmed) : undefined;
    if (!label) return false;
    if (label.label.lang !== 'en' || !this.result.language) this.result.language ??= label.label.lang;
    if (label.label.lang !== 'en' && this.result.language === 'en') this.result.language = label.label.lang;
    const key = label.label.key;
    if (key === 'original-headers') {
      s.inOriginal = true;
      return true;
    }
    if (key === 'diagnostic-info') {
      this.result.cues.add(adminBlock.cue);
      return true;
    }
    if (key === 'generating-server' && label.value) {
      const host = label.value.split(/\s/)[0].replace(/\.$/, '');
      if (!this.result.generatingServer && (isHostName(host) || isIp(host) || /^[A-Za-z0-9-]{1,63}$/.test(host))) {
        this.result.generatingServer = host;
        this.result.generatingLine = trimmed;
      }
      return true;
    }
    if (key === 'remote-server') {
      const host = label.value.split(/\s/)[0]?.replace(/\.$/, '');
      if (host && (isHostName(host) || isIp(host))) {
        this.result.remoteServer ??= host;
        this.result.remoteLine ??= trimmed;
      } else if (!label.value) s.pendingRemoteLabel = true;
      return true;
    }
    if (key === 'rejected-recipient') {
      this.addRecipient(addressOf(label.value), trimmed);
      return true;
    }
    return false;
  }

  /** A header of the returned original message: only its sender is of use. */
  private readOriginalHeader(trimmed: string): void {
    const m = /^(from|return-path)\s{0,3}:\s*(.{0,500})$/i.exec(trimmed);
    if (!m) return;
    const addr = addressOf(m[2]);
    // Return-Path (the envelope sender) wins over From.
    if (addr && (m[1].toLowerCase() === 'return-path' || !this.result.sender)) {
      this.result.sender = addr;
      this.result.senderLine = trimmed;
    }
  }

  /** An RFC 3464 field: message-wide ones are document state, the others go to the block reader. */
  private readDsnField(name: string, value: string, trimmed: string, s: SegmentState): void {
    this.result.cues.add('dsn');
    if (name === 'reporting-mta') {
      const host = dsnHost(value);
      if (host && !this.result.generatingServer) {
        this.result.generatingServer = host;
        this.result.generatingLine = trimmed;
      }
      return;
    }
    if (name === 'arrival-date') {
      this.result.timestamps.push(value);
      return;
    }
    const done = s.dsn.field(name, value, trimmed);
    if (done) this.push({ ...done, exchangeStyle: false });
    if (name === 'final-recipient' || name === 'original-recipient') this.addRecipient(addressOf(value), trimmed);
  }

  private endDsnBlock(s: SegmentState): void {
    const done = s.dsn.end();
    if (done) this.push({ ...done, exchangeStyle: false });
  }

  /** Document cues (which Exchange wrote the NDR, from the document layouts' prose) and the remote host named there. */
  private readDocumentCues(line: string, trimmed: string): void {
    for (const d of DOCUMENT_LAYOUTS) {
      const host = d.remoteHost?.(line);
      if (host !== undefined) {
        this.result.cues.add(d.cue);
        this.result.remoteServer ??= host;
        this.result.remoteLine ??= trimmed;
      }
      if (d.prose?.some((p) => p.test(line))) this.result.cues.add(d.cue);
    }
  }

  /** The reply a line layout reads on this line, completed with the hosts and recipients of the lines before. */
  private readReply(line: string, trimmed: string, s: SegmentState): void {
    const read = readLine(line, s.html);
    if (!read) return;
    const { hit, by } = read;
    let { remoteServer, remoteIp, layout } = hit;
    if (!remoteServer && by.eximHostAbove && layout !== 'html' && s.lastExim && s.nonEmpty - s.lastExim.at <= 3) {
      remoteServer = s.lastExim.host;
      remoteIp = s.lastExim.ip;
      layout = 'exim';
    }
    if (!remoteServer && hit.lookBackForHost) {
      const near = s.recentHosts.filter((h) => s.nonEmpty - h.at <= 3).pop();
      if (near) {
        remoteServer = isIp(near.host) ? undefined : near.host;
        remoteIp = isIp(near.host) ? near.host : remoteIp;
      }
    }
    const recipients: string[] = [];
    const lead = /^\s{0,8}<?([^\s<>]{1,64}@[A-Za-z0-9.-]{1,253})>?:\s/.exec(line);
    if (lead) recipients.push(lead[1]);
    else if (s.pendingRecipient && by.recipientAbove) recipients.push(s.pendingRecipient);
    for (const r of recipients) this.addRecipient(r, trimmed);
    s.pendingRecipient = undefined;
    const codes = codesOf(hit.reply);
    // A 2xx reply (a success notice quoting "250 2.1.5 Ok") reports no failure.
    if (codes.replyCode?.startsWith('2') || (!codes.replyCode && codes.enhancedStatus?.startsWith('2.'))) return;
    this.push(
      {
        layout,
        reply: hit.reply,
        replyCode: codes.replyCode,
        enhancedStatus: codes.enhancedStatus,
        remoteServer,
        remoteIp,
        exchangeStyle: hit.lookBackForHost === true,
        recipients,
        timestamps: hit.timestamps,
        evidence: [trimmed],
      },
      hit.weak === true,
    );
  }
}
