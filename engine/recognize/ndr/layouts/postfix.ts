import { cleanReply } from './reply-text';
import type { LineLayout } from './types';

// Postfix: `host X[ip] said: <reply> (in reply to RCPT TO command)`. The recipient stands on the line before
// (`<kim@x>:`); the scanner keeps it as document state.

const POSTFIX = /host ([A-Za-z0-9.-]{1,253})\[([0-9A-Fa-fxX*#:.]{2,45})\]:? said:\s{0,3}/i;

export const postfix: LineLayout = {
  name: 'postfix',
  layouts: ['postfix'],
  cue: /said:/i,
  recipientAbove: true,
  htmlPart: 'own',
  read({ line }) {
    const pf = POSTFIX.exec(line);
    if (!pf) return undefined;
    return {
      layout: 'postfix',
      reply: cleanReply(line.slice(pf.index + pf[0].length)),
      remoteServer: pf[1],
      remoteIp: pf[2],
    };
  },
};
