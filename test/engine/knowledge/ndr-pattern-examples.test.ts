import assert from 'node:assert/strict';

import type { NdrFacts } from '../../../engine/facts';
import { NDR_PATTERNS } from '../../../engine/knowledge/ndr-patterns';
import { recognizeNdr } from '../../../engine/recognize/ndr';
import { classifyNdr } from '../../../engine/recognize/ndr/classify-ndr';
import { codesOf } from '../../../engine/recognize/ndr/smtp-reply';

// Every pattern's `examples` (the strings its sources give for it) must classify as that pattern:
// an example shadowed by an earlier entry, or one its own matcher misses, documents the wrong thing.

type Hosts = Partial<Pick<NdrFacts, 'remoteServer' | 'generatingServer' | 'rejectedBy'>>;

/** Who refused, as an NDR names it: some patterns depend on it (docs/knowledge.md#which-side). */
const HOSTS: Record<string, Hosts> = {
  'no host named': {},
  'EOP refused': { remoteServer: 'contoso-com.mail.protection.outlook.com', generatingServer: 'ex01.corp.contoso.com' },
  'the client submission endpoint refused': {
    remoteServer: 'smtp.office365.com',
    generatingServer: 'ex01.corp.contoso.com',
  },
  'a third party refused': { remoteServer: 'mx.fabrikam.example', generatingServer: 'ex01.corp.contoso.com' },
  'the on-prem server refused': { generatingServer: 'ex01.corp.contoso.com', rejectedBy: 'generating' },
};

function facts(diagnostic: string, hosts: Hosts): NdrFacts {
  const codes = codesOf(diagnostic);
  return {
    layout: 'smtp-reply',
    diagnostic,
    replyCode: codes.replyCode,
    enhancedStatus: codes.enhancedStatus,
    rejectedBy: hosts.rejectedBy ?? (hosts.remoteServer ? 'remote' : 'unknown'),
    recipients: [],
    timestamps: [],
    evidence: [diagnostic],
    ...hosts,
  };
}

describe('NDR pattern table: every example classifies as its own entry', () => {
  it('every pattern has at least one example', () => {
    assert.deepEqual(
      NDR_PATTERNS.filter((p) => p.examples.length === 0).map((p) => p.id),
      [],
    );
  });

  for (const p of NDR_PATTERNS) {
    it(`${p.id}: its ${p.examples.length} example(s)`, () => {
      for (const example of p.examples) {
        const got = Object.entries(HOSTS).map(([who, hosts]) => ({ who, cls: classifyNdr(facts(example, hosts)) }));
        const own = got.filter((g) => g.cls.patternId === p.id);
        assert.ok(own.length > 0, `"${example}" → ${got.map((g) => `${g.who}: ${g.cls.patternId}`).join('; ')}`);
        // The pattern's own family, or the one it names for who refused.
        for (const g of own) {
          const allowed = [p.family, ...Object.values(p.familyWhenRejecter ?? {})];
          assert.ok(allowed.includes(g.cls.family), `"${example}" (${g.who}) → ${g.cls.family}`);
        }
      }
    });
  }

  it('an example with an enhanced status code and no need of hosts is found by the recognizer as its entry', () => {
    let checked = 0;
    for (const p of NDR_PATTERNS) {
      for (const example of p.examples) {
        if (!codesOf(example).enhancedStatus || classifyNdr(facts(example, {})).patternId !== p.id) continue;
        checked++;
        assert.deepEqual(
          recognizeNdr(example).map((n) => n.patternId),
          [p.id],
          example,
        );
      }
    }
    assert.ok(checked >= 50, `only ${checked} examples checked`);
  });
});
