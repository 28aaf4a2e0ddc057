import type { ExtractedMessage } from '../../mime/extract-message';
import { capLine, findEnhancedStatus } from './smtp-reply';

// A delivery report that carries no `<code> <enhanced>` reply is still a delivery failure: Exim's "retry
// timeout exceeded", qmail's "(#5.5.0)", Exchange 2003's "The recipient name is not recognized", Lotus
// Notes, Google Groups, Yahoo, GMX, mail.ru, Japanese carriers, Outlook's MAPI codes. This module says
// whether a text is such a report and picks its most telling line, so the caller can report one failure
// (family from the words of that line, `other-failure` when they say nothing more).

/** Who sends bounces. */
const BOUNCE_FROM =
  /mailer-daemon|post_?master|mail delivery|mail administrator|microsoftexchange|mail ?delivery ?(?:sub)?system|nobody@|mdaemon|notes ?mail|bounce-?handler/i;

/** Subjects of bounces, in the languages the issue names and a few more. */
const BOUNCE_SUBJECT = new RegExp(
  [
    'undeliver',
    'undelivered',
    'delivery status notification',
    'returned mail',
    'returning message',
    'failure notice',
    'non[- ]?delivery',
    'delivery fail',
    'mail delivery failed',
    'mail failed',
    'delivery report',
    'delivery notification',
    'not delivered',
    'could not be delivered',
    'delivery problem',
    'message delayed',
    'delivery delayed',
    'delayed mail',
    'warning: could not send',
    'could not send message',
    'returned to sender',
    'bounce',
    'rejected',
    'unzustellbar',
    'nicht zustellbar',
    'non remis',
    'non distribu',
    'échec de (?:la )?remise',
    'no se puede entregar',
    'no entregado',
    'no se pudo entregar',
    'non recapitabile',
    'mancato recapito',
    'impossibile recapitare',
    'onbestelbaar',
    'niet bezorgd',
    'não entregue',
    'não foi possível entregar',
    'falha na entrega',
    '配信不能',
    '配信エラー',
    '送信エラー',
    '不達',
    '退信',
    '无法投递',
    '未能送达',
    '系统退信',
    'недоставлен',
    'не доставлен',
    'ошибка доставки',
    'nondeliverable',
    'mail system error',
    'delivery error',
    'mail failure',
    'not (?:a )?member',
    'loop alert',
    'メールエラー',
    'エラー通知',
  ].join('|'),
  'i',
);

/** Reasons a bounce gives in words: they both announce a failure and explain it. */
const REASON_WORDS: readonly string[] = [
  'the e-mail account does not exist',
  'no such user',
  'user unknown',
  'mailbox unavailable',
  'mailbox is full',
  'over quota',
  'address rejected',
  'host not found',
  'unrouteable address',
  'connection timed out',
  'message expired',
  'requested action not taken',
  'incorrectly constructed',
  'malformed recipient address',
  'not a member of this mailing list',
  'duplicated message-id',
];

/** Sentences of bounce bodies. Two different ones (or one with a bounce header) make a text a report. */
const BOUNCE_PHRASES: readonly string[] = [
  'could not be delivered',
  "couldn't be delivered",
  'was not delivered',
  'were not delivered',
  'undeliverable',
  'delivery has failed',
  'unable to deliver',
  'permanent error',
  'permanent fatal error',
  'delivery to the following recipient',
  'the following address(es) failed',
  'following address failed',
  "wasn't able to deliver",
  'was not able to deliver',
  'retry timeout exceeded',
  'delivery failed',
  'failed to deliver',
  'recipient name is not recognized',
  'this is an automatically generated delivery status notification',
  'message was rejected',
  'an email you sent was rejected',
  'could not be sent',
  'has not been delivered',
  'not yet been delivered',
  'still undelivered',
  'giving up',
  "i've given up",
  'message will be deleted from queue',
  'returned to sender',
  'delivery status notification',
  'created automatically by mail delivery software',
  'your message did not reach some or all of the intended recipients',
  ...REASON_WORDS,
  "n'a pas pu être remis",
  "n'a pas pu être distribué",
  'impossible de remettre',
  'konnte nicht zugestellt werden',
  'nicht zugestellt werden',
  'no se pudo entregar',
  'no pudo ser entregado',
  'non è stato possibile recapitare',
  'non può essere recapitato',
  'kon niet worden bezorgd',
  'não pôde ser entregue',
  'não foi possível entregar',
  '配信できませんでした',
  '送信できませんでした',
  '届きませんでした',
  '宛先不明',
  '无法送达',
  '无法投递',
  '退信',
  'не может быть доставлено',
  'не доставлено',
  'не удалось доставить',
];

/** The words of a reason, as opposed to the sentences that only announce a failure. */
const REASON_PHRASES: readonly string[] = [
  'retry timeout exceeded',
  'recipient name is not recognized',
  ...REASON_WORDS,
  'unknown user',
  'does not exist',
  'relay',
  'quota',
  'timed out',
  'refused',
  'rejected',
  'blocked',
  'spam',
];

/** Success notices (RFC 3464 `Action: delivered|relayed|expanded`, SES delivery notifications) are not failures. */
const SUCCESS =
  /^\s{0,8}action\s{0,3}:\s{0,3}(delivered|relayed|expanded)\b|"notificationtype"\s{0,3}:\s{0,3}"delivery"|\(success\)/im;
const FAILURE_ACTION = /^\s{0,8}action\s{0,3}:\s{0,3}(failed|delayed)\b|"notificationtype"\s{0,3}:\s{0,3}"bounce"/im;

/** Lines that carry the failure, best first. */
const REPLY_AFTER_CUE =
  /(?:said|says|returned|replied|response|reason|error|answer)\s{0,3}[:>]\s{0,3}["'(]?\s{0,2}([245]\d\d(?:[ -:].{0,300})?)$/i;
const LEADING_REPLY = /^\s{0,8}(?:<<<\s{0,2})?([45]\d\d)(?:[ -:]|$)\s{0,3}\S/;
const MAPI = /\[0x[0-9a-f]{8}-[0-9a-f-]{8,40}\]|#5\.\d\.\d\s|msexch:ims|\(#[45]\.\d{1,3}\.\d{1,3}\)/i;

function phrasesIn(lower: string): number {
  let n = 0;
  for (const p of BOUNCE_PHRASES) if (lower.includes(p)) n += 1;
  return n;
}

/** Whether a text (a whole message, or a paste) is a delivery report even though no SMTP reply was found in it. */
export function isCodeLessBounce(text: string, msg: ExtractedMessage | undefined): boolean {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const lower = head.toLowerCase();
  if (SUCCESS.test(head) && !FAILURE_ACTION.test(head)) return false;
  const phrases = phrasesIn(lower);
  if (msg) {
    const h = msg.headers;
    const dsn =
      msg.parts.some((p) => p.kind === 'delivery-status') ||
      /report-type\s*=\s*"?delivery-status/i.test(h['content-type'] ?? '');
    const from = BOUNCE_FROM.test(h.from ?? '') || /^\s*<?>?\s*$/.test(h['return-path'] ?? 'x');
    // The raw Subject line too: a header whose declared charset is wrong decodes to mojibake.
    const rawSubject = /^subject:[ \t]{0,4}(.{1,300})$/im.exec(head)?.[1] ?? '';
    const subject = BOUNCE_SUBJECT.test(h.subject ?? '') || BOUNCE_SUBJECT.test(rawSubject);
    if (dsn && FAILURE_ACTION.test(head)) return true;
    if ((from || subject || dsn) && (phrases >= 1 || MAPI.test(head))) return true;
    return from && subject;
  }
  // A paste without headers: a bounce sentence and a reason (a reply code, a status, a MAPI code or a reason's words).
  // The head of an Exchange NDR cut before its diagnostic block is not enough: the rest is probably coming.
  const reason =
    REASON_PHRASES.some((p) => lower.includes(p)) ||
    MAPI.test(head) ||
    /(?:^|\n)\s{0,8}[45]\d\d[ -:]/.test(head) ||
    !!findEnhancedStatus(head);
  return phrases >= 1 && reason;
}

/** The most telling line of a code-less report: a reply after a cue, a line that starts with a reply code, a status, a phrase. */
export function telltaleLine(text: string): string | undefined {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n', 5000)
    .map((l) => capLine(l).trim())
    .filter((l) => l !== '');
  // The copy of the original message is not the report.
  const end = lines.findIndex((l) =>
    /^(?:-{2,}.{0,40}(?:below this line|copy of the message|original message|message text follows|header of the original)|content-type:\s*message\/rfc822|bounced e-mail:)/i.test(
      l,
    ),
  );
  const body = end > 0 ? lines.slice(0, end) : lines;
  let byPhrase: string | undefined;
  let byStatus: string | undefined;
  for (const l of body) {
    if (
      /^[A-Za-z-]{1,40}:\s/.test(l) &&
      !/^(diagnostic-code|status|reason|error|remote host said|reject reason)\s{0,2}:/i.test(l)
    )
      continue;
    const cue = REPLY_AFTER_CUE.exec(l);
    if (cue) return cue[1].trim();
    if (LEADING_REPLY.test(l)) return l.replace(/^<<<\s{0,2}/, '');
    if (!byStatus && (findEnhancedStatus(l) || MAPI.test(l))) byStatus = l;
    if (!byPhrase && phrasesIn(l.toLowerCase()) > 0) byPhrase = l;
  }
  return (byStatus ?? byPhrase)?.slice(0, 400);
}
