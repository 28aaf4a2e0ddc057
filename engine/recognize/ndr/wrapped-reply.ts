import { isHostName } from './smtp-reply';

// A server's reply inside whatever an application, a log or a forum post wrapped it in. Each form is a
// cue on the line plus the reply after it; the reply is returned as the server sent it (code first when
// the wrapper kept one), with the wrapper's escapes undone. Client lines of a transcript (`> RCPT TO`,
// `C: MAIL FROM`) are never replies.
//
// - Python smtplib: `{'kim@x': (550, b'5.7.1 Relay access denied')}`, `(554, '5.7.1 &lt;kim@x&gt;: …\n…')`
// - System.Net.Mail / Send-MailMessage / PowerShell: `… The server response was: 5.7.54 SMTP; Unable to relay …`
// - JavaMail, MailKit, nodemailer, PHPMailer, SwiftMailer, Outlook: `… failed: 5.7.1 …`, `Server Response: '553 …'`,
//   `with message "550 5.7.1 Relaying denied"`, `SMTP ERROR: RCPT TO command failed: 550 …`, `Error: 5.7.1 …`
// - transcripts: `< host[ip]:port: 530 5.7.57 …` (Postfix debug), `S: 550 …`, `SMTP< 530 …`, `└──550-…`

export interface WrappedReply {
  reply: string;
  /** A host the wrapper names as the one that answered. */
  host?: string;
}

const MAX = 600;

/** `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&#39;`, `&nbsp;`, literal `\n` `\r` `\t`, markdown backslash escapes. */
export function unescapeReply(s: string): string {
  return s
    .replace(/\\[rnt]/g, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#0?39;|&apos;/gi, "'")
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/\\([*_<>`[\]#])/g, '$1')
    .replace(/<br\s{0,2}\/?>/gi, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A client's command in a transcript (`> RCPT TO:`, `C: MAIL FROM`, ` -> DATA`): never the server's reply. */
export function isClientLine(line: string): boolean {
  // `> RCPT TO <kim@x> failed: 5.7.1 …` is the client reporting the server's answer: not a bare command.
  return CLIENT_LINE.test(line) && !/failed|error|refused|rejected|denied/i.test(line);
}

const CLIENT_LINE =
  /^\s{0,8}(?:\[[^\]]{1,40}\]\s{0,3}){0,3}(?:\S{0,40}\s)?(?:-?>{1,3}|c:|client\s{0,2}\d{0,3}:?|client -> server:|smtp>|└──)\s{0,3}(?:ehlo|helo|mail from|rcpt to|data|auth|starttls|quit|rset|noop)\b/i;

const PY_TUPLE = /\(\s{0,2}([245]\d\d)\s{0,2},\s{0,2}[bu]?(['"])(.{1,600}?)\2\s{0,2}\)/;
const SERVER_RESPONSE =
  /(?:server response was|server response|server replied|server said|response was|with message|smtp error|failed|error message|exception|error)\s{0,2}[:=]?\s{0,3}(["'`]?)\s{0,2}((?:[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s)?|[245]\.\d{1,3}\.\d{1,3}\s).{2,600})$/i;
const POSTFIX_DEBUG =
  /^\s{0,4}(?:.{0,120}?\s)?<\s{1,3}([A-Za-z0-9.-]{1,253})\[[^\]]{1,60}\](?::\d{1,5})?:\s{1,3}([245]\d\d(?:[ -].{0,600})?)$/;
const TRANSCRIPT_SERVER =
  /^\s{0,8}(?:\[[^\]]{1,40}\]\s{0,3}){0,3}(?:\S{0,40}\s)?(?:s:|server\s{0,2}\d{0,3}:|smtp<|<(?!<)|└──)\s{0,3}([245]\d\d(?:[ -].{0,600})?)$/i;

/** The reply up to the quote that opened it (`'553 Sorry, … (#5.7.1)', Port: 25` → `553 Sorry, … (#5.7.1)`). */
function untilClosingQuote(reply: string, quote: string): string {
  if (!quote) return reply;
  const comma = reply.indexOf(`${quote},`);
  const end = comma >= 0 ? comma : reply.lastIndexOf(quote);
  return (end > 0 ? reply.slice(0, end) : reply).trim();
}

/** The server reply a wrapper holds on this line, if any. */
export function wrappedReplyOn(line: string): WrappedReply | undefined {
  if (line.length > 4096) return undefined;
  if (isClientLine(line)) return undefined;

  const debug = POSTFIX_DEBUG.exec(line);
  if (debug) return { reply: unescapeReply(debug[2]), host: isHostName(debug[1]) ? debug[1] : undefined };

  const py = PY_TUPLE.exec(line);
  if (py) {
    const text = unescapeReply(py[3]);
    return { reply: /^[245]\d\d\b/.test(text) ? text : `${py[1]} ${text}` };
  }

  const transcript = TRANSCRIPT_SERVER.exec(line);
  if (transcript && /^[45]/.test(transcript[1])) return { reply: unescapeReply(transcript[1]) };

  const sr = SERVER_RESPONSE.exec(line);
  if (sr) {
    const reply = untilClosingQuote(unescapeReply(sr[2]), sr[1]).slice(0, MAX);
    if (/^[45]/.test(reply)) return { reply };
  }
  return undefined;
}
