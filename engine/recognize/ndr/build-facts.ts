import type { NdrFacts } from '../../facts';
import { FAMILY_TABLE } from '../../knowledge/families';
import type { ExtractedMessage } from '../../mime/extract-message';
import { classifyNdr } from './classify-ndr';
import { layoutOfReply, writtenByExchange } from './layouts/index';
import type { Candidate, ScanResult } from './scan-text';
import { codesOf, innerReply, replyKey } from './smtp-reply';

// Candidates → NdrFacts: the same reply quoted several times (NDR body, DSN part, transcript) becomes one
// NdrFacts; distinct replies become distinct NdrFacts, the most telling first (a relay refusal before the
// 4.4.7 expiry that followed it), since the verdict is read from the first.

const BOUNCE_FROM = /mailer-daemon|postmaster|microsoftexchange|mail delivery|mail administrator/i;
const BOUNCE_SUBJECT =
  /undeliverable|undelivered|delivery status notification|returned mail|failure notice|non[- ]?delivery|delivery failure|unzustellbar|non remis|no se puede entregar|no entregado|配信不能/i;

function unique(values: Array<string | undefined>, max = 20): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const k = v.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

function firstOf<K extends keyof Candidate>(group: Candidate[], key: K): Candidate[K] | undefined {
  for (const c of group) if (c[key] !== undefined && c[key] !== '') return c[key];
  return undefined;
}

function senderOf(scan: ScanResult, msg: ExtractedMessage | undefined): { sender?: string; line?: string } {
  if (msg?.original.returnPath)
    return { sender: msg.original.returnPath, line: `Return-Path: ${msg.original.returnPath}` };
  if (msg?.original.from) return { sender: msg.original.from, line: `From: ${msg.original.from}` };
  if (scan.sender) return { sender: scan.sender, line: scan.senderLine };
  // The report goes back to the original sender: its To: names them when it is a bounce.
  const h = msg?.headers;
  if (h && (BOUNCE_FROM.test(h.from ?? '') || BOUNCE_SUBJECT.test(h.subject ?? ''))) {
    const to = /[^\s<>"'@,;:]{1,64}@[A-Za-z0-9.-]{1,253}/.exec(h.to ?? '')?.[0];
    if (to) return { sender: to, line: `To: ${h.to}` };
  }
  return {};
}

export function buildNdrFacts(scan: ScanResult, msg: ExtractedMessage | undefined): NdrFacts[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of scan.candidates) {
    const key = replyKey(c.reply) || `status:${c.enhancedStatus ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(c);
    else groups.set(key, [c]);
  }
  // A bare `550 5.7.64` (a status line of the newest EXO layout) is the same reply as the full one it prefixes.
  const keys = [...groups.keys()];
  for (const k of keys) {
    if (k.length >= 16) continue;
    const longer = keys.find((o) => o !== k && o.length > k.length && o.startsWith(k) && groups.has(o));
    if (longer) {
      groups.get(longer)!.push(...groups.get(k)!);
      groups.get(longer)!.sort((a, b) => a.order - b.order);
      groups.delete(k);
    }
  }
  const { sender, line: senderLine } = senderOf(scan, msg);
  const senderDomain =
    sender && sender.includes('@') ? sender.slice(sender.lastIndexOf('@') + 1).toLowerCase() : undefined;
  const reportDate = msg?.headers.date;

  const out: Array<{ facts: NdrFacts; rank: number; order: number }> = [];
  for (const group of groups.values()) {
    // The fullest quote of the reply (equal keys: the first in the document).
    const maxKey = Math.max(...group.map((c) => replyKey(c.reply).length));
    const diagnostic = (group.find((c) => replyKey(c.reply).length === maxKey) ?? group[0]).reply;
    const inner = innerReply(diagnostic);
    const innerCodes = inner ? codesOf(inner) : {};
    const generatingServer = scan.generatingServer;
    let remoteServer = firstOf(group, 'remoteServer') ?? scan.remoteServer;
    const replyHost = firstOf(group, 'replyHost');
    const sameAsGenerating =
      !!remoteServer && !!generatingServer && remoteServer.toLowerCase() === generatingServer.toLowerCase();
    let rejectedBy: NdrFacts['rejectedBy'] = 'unknown';
    if (remoteServer && !sameAsGenerating) rejectedBy = 'remote';
    else if (replyHost) rejectedBy = 'remote';
    else if (sameAsGenerating) {
      rejectedBy = 'generating';
      remoteServer = undefined;
    } else if (generatingServer && group.some((c) => c.exchangeStyle) && writtenByExchange(scan.cues))
      rejectedBy = 'generating';

    const groupRecipients = unique(
      group.flatMap((c) => c.recipients),
      100,
    );
    const recipients = groupRecipients.length > 0 ? groupRecipients : scan.recipients.slice(0, 100);
    const facts: NdrFacts = {
      layout: layoutOfReply(group[0].layout, scan.cues),
      replyCode: innerCodes.replyCode ?? firstOf(group, 'replyCode'),
      enhancedStatus: innerCodes.enhancedStatus ?? firstOf(group, 'enhancedStatus'),
      diagnostic,
      attr: firstOf(group, 'attr'),
      generatingServer,
      remoteServer,
      remoteIp: firstOf(group, 'remoteIp'),
      replyHost,
      rejectedBy,
      recipients,
      sender,
      senderDomain,
      timestamps: unique([...group.flatMap((c) => c.timestamps), ...scan.timestamps, reportDate]),
      language: scan.language,
      evidence: unique(
        [
          ...group.flatMap((c) => c.evidence),
          scan.generatingLine,
          remoteServer ? scan.remoteLine : undefined,
          ...(groupRecipients.length > 0 ? [] : scan.recipientLines.slice(0, 5)),
          senderLine,
        ],
        30,
      ),
    };
    for (const k of Object.keys(facts) as Array<keyof NdrFacts>) if (facts[k] === undefined) delete facts[k];
    const cls = classifyNdr(facts);
    if (cls.patternId) facts.patternId = cls.patternId;
    out.push({ facts, rank: FAMILY_TABLE[cls.family].rank, order: group[0].order });
  }
  out.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return out.map((o) => o.facts);
}
