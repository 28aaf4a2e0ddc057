import { isHostName } from '../smtp-reply';
import type { LineLayout } from './types';

// Legacy one-line reports (FOPE era): `host #5.7.1 smtp;554 5.71 <addr>: Relay access denied` (no code pair
// because the status is malformed) and `host #<host #5.7.1 smtp;530 5.7.1 …> #SMTP#`. The whole line is the reply.

const STATUS_THEN_SMTP = /#[245]\.\d{1,3}\.\d{1,3}\s{0,3}smtp;\s{0,3}[245]\d\d\b/i;

export const legacyOneline: LineLayout = {
  name: 'legacy-oneline',
  layouts: ['legacy-oneline'],
  cue: /#/,
  replyLinesOnly: true,
  htmlPart: 'html',
  read({ line, pair }) {
    if (!pair) return STATUS_THEN_SMTP.test(line) ? { layout: 'legacy-oneline', reply: line.trim() } : undefined;
    if (!/#SMTP#/i.test(line)) return undefined;
    const host = /^\s{0,4}([A-Za-z0-9.-]{1,253}) #/.exec(line)?.[1];
    return { layout: 'legacy-oneline', reply: line.trim(), remoteServer: host && isHostName(host) ? host : undefined };
  },
};
