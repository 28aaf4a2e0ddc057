import { bestCertNameMatch } from '../certificates/cert-names';
import { ipv4InList } from '../net/ipv4';
import { isNotSureAnswer } from '../questions/answer-types';
import type { QuestionId } from '../questions/question-ids';
import type { DiagnosisContext } from './context';
import { ev, type Finding, finding } from './finding';
import { judgeSmartHosts } from './smart-host-rules';

// Answers typed or clicked by the admin. They never prove a cause: at most "likely".

function answer(ctx: DiagnosisContext, id: QuestionId): string | undefined {
  const v = ctx.facts.answers[id]?.trim();
  return v && !isNotSureAnswer(v) ? v : undefined;
}

function yes(v: string): boolean {
  return /^(y|yes|true|on|ja|oui|si)$/i.test(v);
}
function no(v: string): boolean {
  return /^(n|no|false|off|nein|non)$/i.test(v);
}

export function answerFindings(ctx: DiagnosisContext): Finding[] {
  const out: Finding[] = [];
  const a = (id: QuestionId) => answer(ctx, id);
  const src = (id: QuestionId) => `answer: ${id}`;

  if (ctx.facts.sendConnectors.length === 0) {
    const routing = a('case1.routing');
    if (routing === 'dns')
      out.push(finding('send-connector.no-smart-host', 'likely', 'answer', ev(src('case1.routing'), routing)));
    if (routing === 'smart-host')
      out.push(finding('send-connector.no-smart-host', 'ruled-out', 'answer', ev(src('case1.routing'), routing)));
    const host = a('case1.smart-host');
    if (host && !/^(none|no|dns|-)$/i.test(host)) {
      const hosts = host.split(/[\s,;]+/).filter(Boolean);
      out.push(...judgeSmartHosts(ctx, hosts, 'answer', ev(src('case1.smart-host'), host)));
    }
    const tls = a('case1.require-tls');
    if (tls && no(tls))
      out.push(finding('send-connector.tls-not-required', 'likely', 'answer', ev(src('case1.require-tls'), tls)));
    if (tls && yes(tls))
      out.push(finding('send-connector.tls-not-required', 'ruled-out', 'answer', ev(src('case1.require-tls'), tls)));
  }

  const typesKnown = ctx.onPremisesConnectors.length + ctx.partnerConnectors.length > 0;
  if (!typesKnown) {
    const state = a('case2.inbound-connector');
    const e = state ? ev(src('case2.inbound-connector'), state) : undefined;
    if (state && e) {
      if (state === 'none') out.push(finding('inbound-connector.missing', 'likely', 'answer', e));
      if (state === 'onpremises-disabled') out.push(finding('inbound-connector.disabled', 'likely', 'answer', e));
      if (state === 'partner') out.push(finding('inbound-connector.wrong-type', 'likely', 'answer', e));
      if (state === 'onpremises-enabled' || state === 'onpremises-disabled') {
        out.push(
          finding('inbound-connector.missing', 'ruled-out', 'answer', e),
          finding('inbound-connector.wrong-type', 'ruled-out', 'answer', e),
        );
      }
      if (state === 'onpremises-enabled') out.push(finding('inbound-connector.disabled', 'ruled-out', 'answer', e));
    }
    // How the connector recognizes the server makes the other way not applicable.
    const auth = a('case2.auth-method');
    if (auth === 'certificate')
      out.push(
        finding(
          'inbound-connector.ip-not-listed',
          'ruled-out',
          'answer',
          ev(src('case2.auth-method'), 'by the certificate name'),
        ),
      );
    if (auth === 'ip')
      out.push(
        finding(
          'inbound-connector.certificate-mismatch',
          'ruled-out',
          'answer',
          ev(src('case2.auth-method'), 'by IP address'),
        ),
      );
    const expected = a('case2.connector-certificate-name');
    const presented = ctx.presented?.names ?? [];
    if (expected && presented.length) {
      const { result } = bestCertNameMatch(expected, presented);
      const status = result === 'match' ? 'ruled-out' : result === 'unknown' ? 'possible' : 'likely';
      out.push(
        finding(
          'inbound-connector.certificate-mismatch',
          status,
          'answer',
          ev(src('case2.connector-certificate-name'), expected),
          ctx.presented!.evidence,
        ),
      );
    }
    const ips = a('case2.connector-ips');
    if (ips && ctx.onPremIp) {
      const listed = ipv4InList(ctx.onPremIp, ips.split(/[\s,;]+/).filter(Boolean));
      if (listed !== undefined) {
        out.push(
          finding(
            'inbound-connector.ip-not-listed',
            listed ? 'ruled-out' : 'likely',
            'answer',
            ev(src('case2.connector-ips'), ips),
            ev(src('case2.onprem-ip'), ctx.onPremIp),
          ),
        );
      }
    }
  }

  if (ctx.facts.acceptedDomains.length === 0) {
    const acc = a('case2.accepted-domain');
    if (acc && no(acc))
      out.push(finding('accepted-domain.not-accepted', 'likely', 'answer', ev(src('case2.accepted-domain'), acc)));
    if (acc && yes(acc))
      out.push(finding('accepted-domain.not-accepted', 'ruled-out', 'answer', ev(src('case2.accepted-domain'), acc)));
  }
  return out;
}
