import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { listing, LISTING_IDS, mxLookup, SEND_LOG_PATH } from '../../../engine/knowledge/cmdlets';
import { repoRoot } from '../../support/paths';

// engine/knowledge/cmdlets.ts writes each read-only command line once; questions, evidence commands, fix
// steps and the "not checked" notes build theirs from it.

/** Every engine source file but the registry itself, with its path. */
function engineSources(): Array<{ file: string; text: string }> {
  const dir = path.join(repoRoot, 'engine');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && f !== path.join('knowledge', 'cmdlets.ts'))
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

describe('cmdlet registry (engine/knowledge/cmdlets.ts)', () => {
  it('renders a listing with the separator asked for, and the format-enumeration limit where lists are long', () => {
    assert.equal(listing('accepted-domains'), 'Get-AcceptedDomain | Format-List DomainName,DomainType,Default');
    assert.equal(listing('accepted-domains', ', '), 'Get-AcceptedDomain | Format-List DomainName, DomainType, Default');
    assert.equal(listing('blocked-connectors'), 'Get-BlockedConnector | Format-List');
    assert.match(listing('send-connectors-all'), /^\$FormatEnumerationLimit = -1; Get-SendConnector \| Format-List$/);
    assert.equal(
      mxLookup("'contoso.com'"),
      "Resolve-DnsName -Name 'contoso.com' -Type MX | Format-Table NameExchange,Preference",
    );
  });

  it('every listing is used by the engine, and only read-only cmdlets are listed', () => {
    const all = engineSources()
      .map((s) => s.text)
      .join('\n');
    for (const id of LISTING_IDS) {
      assert.ok(all.includes(`listing('${id}'`), `${id} is not used`);
      assert.match(listing(id), /(^|; )Get-[A-Za-z]+ \| Format-(List|Table)/, id);
    }
  });

  it('no other engine module writes a listing, the MX lookup or the Send log path itself', () => {
    const written = [
      ...LISTING_IDS.flatMap((id) => [listing(id), listing(id, ', ')]),
      'Resolve-DnsName -Name ${',
      SEND_LOG_PATH,
    ];
    const found: string[] = [];
    for (const { file, text } of engineSources()) {
      for (const w of written)
        if (text.includes(`'${w}'`) || text.includes(`'${w}\\n`) || text.includes(`"${w}`) || text.includes(`\`${w}`))
          found.push(`${file}: ${w}`);
    }
    assert.deepEqual(found, []);
  });
});
