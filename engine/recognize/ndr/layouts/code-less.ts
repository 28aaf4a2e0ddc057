import { matchNdrPattern } from '../../../knowledge/ndr-patterns';
import { attrOf, findEnhancedStatus, normalizeText } from '../smtp-reply';
import type { LineLayout } from './types';

// Lines without a `<code> <enhanced>` pair that still name a documented failure: a documentation form such
// as `5.7.750 Client blocked from sending from unregistered domain` (the line starts with the status), a Send
// protocol log's TLS error, or prose around a reply without its code ("Unable to relay recipient in
// non-accepted domain") — the last only for Microsoft's own signatures, and only as a weak candidate. Generic
// matches are ignored, so prose that merely mentions a code is not taken for an NDR.

const STARTS_WITH_STATUS = /^(?:[-*>]{1,3}\s{0,2})?[245]\.\d{1,3}\.\d{1,3}\.?\s{1,3}\S/;
const TLS_LOG = /tls negotiation failed with error|failed to establish appropriate tls channel/i;

export const codeLess: LineLayout = {
  name: 'code-less',
  layouts: ['smtp-reply'],
  replyLinesOnly: true,
  eximHostAbove: true,
  htmlPart: 'html',
  read({ line, pair }) {
    if (pair) return undefined;
    const t = line.trim();
    const startsWithStatus = STARTS_WITH_STATUS.test(t);
    const tlsLog = TLS_LOG.test(t);
    const prose = !startsWithStatus && !tlsLog && t.length <= 600;
    if (!startsWithStatus && !tlsLog && !prose) return undefined;
    const text = normalizeText(t);
    const p = matchNdrPattern({
      text,
      full: text,
      enh: findEnhancedStatus(t),
      attr: attrOf(t)?.toUpperCase(),
      rejecter: 'unknown',
    });
    if (p.generic) return undefined;
    if (prose && !/^(eop|onprem|exo|fope)\./.test(p.id)) return undefined;
    return { layout: 'smtp-reply', reply: t.replace(/^[-*>]{1,3}\s{0,2}/, ''), weak: prose };
  },
};
