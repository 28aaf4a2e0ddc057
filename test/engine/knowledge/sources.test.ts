import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { CAUSE_CATALOGUE, type FixContext } from '../../../engine/knowledge/causes/catalogue';
import { evidenceCommands } from '../../../engine/knowledge/causes/evidence-commands';
import { ENDPOINT_FORMATS } from '../../../engine/knowledge/endpoints';
import { NDR_PATTERNS } from '../../../engine/knowledge/ndr-patterns';
import { SOURCE_IDS, SOURCES } from '../../../engine/knowledge/sources';
import { EOP_SPF_INCLUDES } from '../../../engine/live/eop-spf-includes';
import { CASES } from '../../../engine/vocabulary';
import { repoRoot } from '../../support/paths';

// engine/knowledge/sources.ts is the one citation registry: every document the engine cites is there once,
// every entry is cited, and no other engine module writes a citation's address itself.

const FULL: FixContext = {
  sendConnectorName: 'Internet',
  inboundConnectorName: 'From on-premises',
  domain: 'contoso.com',
  tenantEndpoint: 'contoso-com.mail.protection.outlook.com',
  certificateThumbprint: 'AB12',
  certificateName: 'mail.contoso.com',
  onPremIp: '203.0.113.10',
  relayClientIp: '10.0.0.5',
  recipientAddress: 'a@contoso.com',
};

/** Every URL the engine's data cites, from where each kind of data keeps it. */
function citedUrls(): Set<string> {
  const urls = new Set<string>();
  for (const entry of Object.values(CAUSE_CATALOGUE)) {
    for (const d of entry.sources) urls.add(d.url);
    for (const ctx of [{}, FULL, { ...FULL, gccHigh: true }]) for (const d of entry.fix(ctx).docs) urls.add(d.url);
  }
  for (const kase of CASES) for (const c of evidenceCommands(kase, FULL)) urls.add(c.source.url);
  for (const p of NDR_PATTERNS) for (const s of p.sources) urls.add(s);
  for (const f of ENDPOINT_FORMATS) urls.add(f.source);
  for (const i of EOP_SPF_INCLUDES) urls.add(i.source);
  return urls;
}

describe('citation registry (engine/knowledge/sources.ts)', () => {
  it('every URL is https, unique, and every source has a title', () => {
    const urls = SOURCE_IDS.map((id) => SOURCES[id].url);
    for (const id of SOURCE_IDS) {
      assert.match(SOURCES[id].url, /^https:\/\/[^\s]+$/, id);
      assert.ok(SOURCES[id].title.trim().length > 0, id);
    }
    const dup = urls.filter((u, i) => urls.indexOf(u) !== i);
    assert.deepEqual(dup, []);
  });

  it("every source is used: cited by the engine's data or named by its id in docs/knowledge.md", () => {
    const cited = citedUrls();
    const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'knowledge.md'), 'utf8');
    const unused = SOURCE_IDS.filter((id) => !cited.has(SOURCES[id].url) && !doc.includes(`\`${id}\``));
    assert.deepEqual(unused, []);
  });

  it('everything the engine cites is in the registry', () => {
    const known = new Set(SOURCE_IDS.map((id) => SOURCES[id].url));
    assert.deepEqual(
      [...citedUrls()].filter((u) => !known.has(u)),
      [],
    );
  });

  it('no other engine module writes an address as a string of its own', () => {
    // The delisting portal is a page the admin opens in a fix step, not a citation.
    const allowed = new Set(['https://sender.office.com']);
    const found: string[] = [];
    const dir = path.join(repoRoot, 'engine');
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      if (!file.endsWith('.ts') || file === path.join('knowledge', 'sources.ts')) continue;
      const src = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const m of src.matchAll(/['"`](https?:\/\/[^'"`\s]+)['"`]/g))
        if (!allowed.has(m[1])) found.push(`${file}: ${m[1]}`);
    }
    assert.deepEqual(found, []);
  });
});
