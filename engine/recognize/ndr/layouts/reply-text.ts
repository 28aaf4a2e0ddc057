import { unescapeReply } from '../wrapped-reply';

/** A reply without the MTA's trailer `(in reply to RCPT TO command)` and without forum remnants around it. */
export function cleanReply(reply: string): string {
  let r = reply.trim();
  r = r.replace(/\s{0,3}\(in reply to [A-Za-z ]{1,40}command\)\.?$/i, '');
  // Forum remnants around a pasted reply: HTML entities, <br>, markdown escapes, closing quotes and backticks.
  if (/&[a-z#0-9]{2,6};|<br|\\[[\]*_`<>]|[`“”»"']\s{0,3}$/i.test(r))
    r = unescapeReply(r).replace(/[\s`“”»"']{1,6}$/, '');
  return r.trim();
}

/** A reply that starts with a basic reply code. */
export function startsWithCode(reply: string): boolean {
  return /^[245]\d\d/.test(reply);
}
