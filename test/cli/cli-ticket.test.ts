import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { distRoot, repoRoot } from '../support/paths';

// `relay-doctor diagnose … --ticket [--redact]`, run as a child process the way an admin runs it.

const BIN = path.join(distRoot, 'cli', 'main.js');
const NDR = path.join(repoRoot, 'test', 'fixtures', 'ndr', 'exchange2013-5764.txt');
const INBOUND = path.join(repoRoot, 'test', 'fixtures', 'powershell', 'inbound-wrong-cert-name.txt');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('relay-doctor CLI: --ticket and --redact', function () {
  this.timeout(120_000);

  it('--ticket prints the self-contained summary', () => {
    const r = run(['diagnose', NDR, INBOUND, '--offline', '--ticket']);
    assert.equal(r.code, 0, r.err);
    for (const h of [
      '## Symptom',
      '## What was read',
      '## Cause',
      '## Ruled out',
      '## Not checked',
      '## Fix',
      '## Verify',
    ])
      assert.ok(r.out.includes(`\n${h}\n`), h);
    assert.match(r.out, /550 5\.7\.64 TenantAttribution/);
    assert.match(r.out, /EX2019-01\.corp\.contoso\.com|contoso\.com/i);
    assert.match(r.out, /Diagnosed by Relay Doctor at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
  });

  it('--ticket --redact leaves no organization name or address; --redact alone redacts the usual output', () => {
    const r = run(['diagnose', NDR, INBOUND, '--offline', '--ticket', '--redact']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /contoso|fabrikam|kim@/i);
    assert.match(r.out, /domain-1/);
    const plain = run(['diagnose', NDR, '--offline', '--redact']);
    assert.equal(plain.code, 0, plain.err);
    assert.match(plain.out, /Family:/);
    assert.doesNotMatch(plain.out, /contoso|fabrikam/i);
    const json = run(['diagnose', NDR, '--offline', '--json', '--redact']);
    assert.doesNotMatch(json.out, /contoso|fabrikam/i);
    assert.equal(JSON.parse(json.out).family, 'eop-relay-denied');
  });
});
