import type { NDR_LAYOUTS } from '../../../facts';
import { findCodeAndStatus } from '../smtp-reply';
import { isClientLine } from '../wrapped-reply';

export type NdrLayout = (typeof NDR_LAYOUTS)[number];

/** The reply one line holds, with the layout its cue shows. */
export interface LayoutHit {
  layout: NdrLayout;
  /** The reply exactly as it stands in the input (wrappers such as `smtp;` or quotes removed). */
  reply: string;
  remoteServer?: string;
  remoteIp?: string;
  /** No host on the line: the scanner looks for one on the lines just before (Exchange's admin block). */
  lookBackForHost?: boolean;
  timestamps?: string[];
  /** Read from prose (a reply text without its code): used only when nothing else was found. */
  weak?: boolean;
}

/** Header lines of a quoted original that can carry a code pair but never a reply. */
const SKIP_GENERIC =
  /^\s{0,4}(received|dkim-signature|arc-[a-z-]+|authentication-results|message-id|references|in-reply-to|x-ms-exchange-[a-z-]+|thread-index|x-microsoft-antispam[a-z-]*)\s{0,2}:/i;

/** One line as the layouts see it; what several layouts need is computed once, when first asked. */
export class LineView {
  private pairDone = false;
  private pairValue: ReturnType<typeof findCodeAndStatus>;

  constructor(readonly line: string) {}

  /** The first `<code> <enhanced>` pair on the line. */
  get pair(): ReturnType<typeof findCodeAndStatus> {
    if (!this.pairDone) {
      this.pairValue = findCodeAndStatus(this.line);
      this.pairDone = true;
    }
    return this.pairValue;
  }

  /** A header to skip or a client's command in a transcript: only layouts with their own cue read it. */
  get notAReplyLine(): boolean {
    return SKIP_GENERIC.test(this.line) || isClientLine(this.line);
  }
}

/**
 * One NDR layout that shows its reply on a single line. The markers are data (the scanner checks them
 * before calling `read`); `read` is the one function that takes the reply apart.
 */
export interface LineLayout {
  /** Module name, and the name of its test file under test/engine/recognize/ndr/layouts/. */
  name: string;
  /** The layout ids `read` can answer with (before an HTML part turns them into `html`). */
  layouts: readonly NdrLayout[];
  /** Literal text every line of this layout holds; a line without it is not read. Absent: every line is read. */
  cue?: RegExp;
  /** A line with the cue belongs to this layout even when `read` finds no reply in it: later layouts do not read it. */
  claimsLine?: boolean;
  /** Read only lines that can hold a reply (not a skipped header, not a client command). */
  replyLinesOnly?: boolean;
  /**
   * A reply of this module with no host, within three lines under Exim's `host X [ip]` line, is Exim's: it
   * takes that host and the layout `exim` (not in an HTML part).
   */
  eximHostAbove?: boolean;
  /** The recipient may stand alone on the line before (`<kim@x>:` above Postfix's `host … said:`). */
  recipientAbove?: boolean;
  /** In an HTML part the hit reads `html` (the layout of the page, not of the line); false keeps the line's own layout. */
  htmlPart: 'html' | 'own';
  read(view: LineView): LayoutHit | undefined;
}

/**
 * An NDR layout shown by the report's prose rather than by the reply line: which Exchange wrote the report.
 * The scanner collects each module's cue (from `prose` or `remoteHost`, or the admin block's label); a reply
 * read by one of the generic line layouts in `refines` then takes this module's `layout`.
 */
export interface DocumentLayout {
  /** Module name, and the name of its test file under test/engine/recognize/ndr/layouts/. */
  name: string;
  /** The layout the facts name. */
  layout: NdrLayout;
  /** The document cue that shows it. */
  cue: string;
  /** Line layouts this document names more precisely (a generic reply line in an Exchange report is Exchange's). */
  refines: readonly NdrLayout[];
  /** Written by an Exchange server, whose own refusals quote the reply with no remote host. */
  exchangeServer: boolean;
  /** Lines of the report's prose that show the cue. */
  prose?: readonly RegExp[];
  /** A prose line that shows the cue and names the server that refused the message. */
  remoteHost?: (line: string) => string | undefined;
}
