import { adminBlock } from './admin-block';
import { applicationWrapper } from './application-wrapper';
import { bareReply } from './bare-reply';
import { codeLess } from './code-less';
import { exchange2010 } from './exchange2010';
import { exchange2010Prose } from './exchange2010-prose';
import { exchange2013Prose } from './exchange2013-prose';
import { exoModern } from './exo-modern';
import { legacyOneline } from './legacy-oneline';
import { postfix } from './postfix';
import { queueLastError } from './queue-lasterror';
import { quotedReply } from './quoted-reply';
import { remoteHostSaid } from './remote-host-said';
import { sendmail } from './sendmail';
import { serverReturned } from './server-returned';
import { type DocumentLayout, type LayoutHit, type LineLayout, LineView, type NdrLayout } from './types';

export type { DocumentLayout, LayoutHit, LineLayout, NdrLayout } from './types';

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
  line: string,
  html: boolean,
  layouts: readonly LineLayout[] = LINE_LAYOUTS,
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

// Layouts the report's prose shows (which Exchange wrote it), in the order they name a reply: the first whose
// cue the document has and which refines the reply's line layout gives the facts their layout.
export const DOCUMENT_LAYOUTS: readonly DocumentLayout[] = [
  exoModern,
  exchange2013Prose,
  exchange2010Prose,
  adminBlock,
];

/** The layout the facts name for a reply first read as `first`, in a document with these cues. */
export function layoutOfReply(
  first: NdrLayout,
  cues: ReadonlySet<string>,
  layouts: readonly DocumentLayout[] = DOCUMENT_LAYOUTS,
): NdrLayout {
  if (first === 'html') return 'html';
  for (const d of layouts) if (cues.has(d.cue) && d.refines.includes(first)) return d.layout;
  return first;
}

/** The document shows that an Exchange server wrote it (its own refusals name no remote host). */
export function writtenByExchange(
  cues: ReadonlySet<string>,
  layouts: readonly DocumentLayout[] = DOCUMENT_LAYOUTS,
): boolean {
  return layouts.some((d) => d.exchangeServer && cues.has(d.cue));
}
