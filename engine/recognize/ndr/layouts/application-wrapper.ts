import { wrappedReplyOn } from '../wrapped-reply';
import type { LineLayout } from './types';

// Applications, logs and transcripts (Python smtplib, System.Net.Mail, PowerShell, JavaMail, Postfix debug,
// `S: 550 …`): the reply inside its wrapper, as wrapped-reply.ts reads it. A bare code pair elsewhere on
// the line wins unless the wrapper names the host that answered.

export const applicationWrapper: LineLayout = {
  name: 'application-wrapper',
  layouts: ['smtp-reply'],
  replyLinesOnly: true,
  eximHostAbove: true,
  htmlPart: 'html',
  read(view) {
    const wrapped = wrappedReplyOn(view.line);
    if (!wrapped || (!wrapped.host && view.pair)) return undefined;
    return { layout: 'smtp-reply', reply: wrapped.reply, remoteServer: wrapped.host };
  },
};
