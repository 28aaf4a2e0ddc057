import { isHostName } from '../smtp-reply';
import type { LineLayout } from './types';

// Exchange 2007/2010: `[host ]#550 5.4.1 Relay Access Denied ##`. The reply runs from `#` to `##`; the host
// before it, when there is one, is the remote server; otherwise it is on a line just before.

export const exchange2010: LineLayout = {
  name: 'exchange2010',
  layouts: ['exchange2010'],
  cue: /#/,
  replyLinesOnly: true,
  htmlPart: 'html',
  read({ line, pair }) {
    if (!pair || pair.index === 0 || line[pair.index - 1] !== '#') return undefined;
    const close = line.indexOf('##', pair.index);
    const reply = close > 0 ? line.slice(pair.index - 1, close + 2).trim() : line.slice(pair.index - 1).trim();
    const before = line.slice(0, pair.index - 1).trim();
    const host =
      before && !before.includes(' ') && isHostName(before.replace(/\.$/, '')) ? before.replace(/\.$/, '') : undefined;
    return { layout: 'exchange2010', reply, remoteServer: host, lookBackForHost: !host };
  },
};
