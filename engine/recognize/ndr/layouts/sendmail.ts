import { startsWithCode } from './reply-text';
import type { LineLayout } from './types';

// Sendmail: the transcript's server line `<<< 554 …` and the reason `(reason: 554 …)`.

const TRANSCRIPT = /^\s{0,8}<<<\s{0,3}/;
const REASON = /\(reason:\s{0,3}/i;

export const sendmail: LineLayout = {
  name: 'sendmail',
  layouts: ['sendmail'],
  cue: /<<<|\(reason:/i,
  htmlPart: 'html',
  read({ line }) {
    const lt = TRANSCRIPT.exec(line);
    if (lt) {
      const reply = line.slice(lt[0].length).trim();
      if (startsWithCode(reply)) return { layout: 'sendmail', reply };
    }
    const reason = REASON.exec(line);
    if (reason) {
      const rest = line.slice(reason.index + reason[0].length);
      const close = rest.lastIndexOf(')');
      const reply = (close > 0 ? rest.slice(0, close) : rest).trim();
      if (startsWithCode(reply)) return { layout: 'sendmail', reply };
    }
    return undefined;
  },
};
