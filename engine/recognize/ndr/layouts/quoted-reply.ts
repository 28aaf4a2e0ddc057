import type { LineLayout } from './types';

// A reply quoted in a localized "Remote Server returned" sentence (`Le serveur distant a retourné '550 …'`),
// or in any other quotes: the reply runs to the last matching quote. Read as Exchange 2013's.

export const quotedReply: LineLayout = {
  name: 'quoted-reply',
  layouts: ['exchange2013'],
  cue: /['"]/,
  replyLinesOnly: true,
  htmlPart: 'html',
  read({ line, pair }) {
    if (!pair || pair.index === 0) return undefined;
    const q = line[pair.index - 1];
    if (q !== "'" && q !== '"') return undefined;
    const end = line.lastIndexOf(q);
    const reply = (end > pair.index ? line.slice(pair.index, end) : line.slice(pair.index)).trim();
    return { layout: 'exchange2013', reply, lookBackForHost: true };
  },
};
