import { cleanReply } from './reply-text';
import type { LineLayout } from './types';

// The last resort: a code pair anywhere on the line, the reply from there on. Exim's
// `SMTP error from remote mail server after RCPT TO:<…>: 550 …` says so on the line; any other line is a bare
// `smtp-reply`. The host is looked for on the lines before (Exim's `host X [ip]`, Exchange's admin block).

const EXIM = /SMTP error from remote mail server/i;

export const bareReply: LineLayout = {
  name: 'bare-reply',
  layouts: ['exim', 'smtp-reply'],
  replyLinesOnly: true,
  eximHostAbove: true,
  htmlPart: 'html',
  read({ line, pair }) {
    if (!pair) return undefined;
    return {
      layout: EXIM.test(line) ? 'exim' : 'smtp-reply',
      reply: cleanReply(line.slice(pair.index)),
      lookBackForHost: true,
    };
  },
};
