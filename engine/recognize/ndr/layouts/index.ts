import { applicationWrapper } from './application-wrapper';
import { bareReply } from './bare-reply';
import { codeLess } from './code-less';
import { exchange2010 } from './exchange2010';
import { legacyOneline } from './legacy-oneline';
import { postfix } from './postfix';
import { queueLastError } from './queue-lasterror';
import { quotedReply } from './quoted-reply';
import { remoteHostSaid } from './remote-host-said';
import { sendmail } from './sendmail';
import { serverReturned } from './server-returned';
import { type LayoutHit, type LineLayout, LineView } from './types';

export type { LayoutHit, LineLayout, NdrLayout } from './types';

// Every layout that shows its reply on one line, in the order they are tried: the first that reads a reply
// wins. Layouts with a cue of their own come first; from `application-wrapper` on, layouts read only lines
// that can hold a reply, and the last one takes any code pair. RFC 3464 fields span several lines and are
// read by dsn-block.ts. To add a layout, write a module beside these and put it here where its cue is
// more specific than the ones after it.
export const LINE_LAYOUTS: readonly LineLayout[] = [
  queueLastError,
  postfix,
  serverReturned,
  remoteHostSaid,
  sendmail,
  applicationWrapper,
  legacyOneline,
  codeLess,
  exchange2010,
  quotedReply,
  bareReply,
];

/** The reply on one line and the layout that read it. */
export function readLine(
  line: string, html: boolean, layouts: readonly LineLayout[] = LINE_LAYOUTS,
): { hit: LayoutHit; by: LineLayout } | undefined {
  const view = new LineView(line);
  for (const layout of layouts) {
    if (layout.replyLinesOnly && view.notAReplyLine) continue;
    const cued = layout.cue === undefined || layout.cue.test(line);
    if (!cued) continue;
    const hit = layout.read(view);
    if (hit) return { hit: html && layout.htmlPart === 'html' ? { ...hit, layout: 'html' } : hit, by: layout };
    if (layout.claimsLine) return undefined;
  }
  return undefined;
}
