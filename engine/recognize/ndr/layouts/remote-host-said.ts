import { cleanReply, startsWithCode } from './reply-text';
import type { LineLayout } from './types';

// qmail and others: `Remote host said: <reply>`, `remote host said[1.2.3.4]: <reply>`.

const REMOTE_HOST_SAID = /remote host said(?:\[[^\]]{0,40}\])?:\s{0,3}/i;

export const remoteHostSaid: LineLayout = {
  name: 'remote-host-said',
  layouts: ['other'],
  cue: /remote host said/i,
  htmlPart: 'html',
  read({ line }) {
    const rhs = REMOTE_HOST_SAID.exec(line);
    if (!rhs) return undefined;
    const reply = cleanReply(line.slice(rhs.index + rhs[0].length));
    return startsWithCode(reply) ? { layout: 'other', reply } : undefined;
  },
};
