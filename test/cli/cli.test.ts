import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CAUSE_IDS } from '../../engine/vocabulary';
import { pasteFixture } from '../support/paste-fixture';
import { distRoot, repoRoot } from '../support/paths';

// The built command, run as a child process the way an admin runs it.

const BIN = path.join(distRoot, 'cli', 'main.js');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const NDR_5764 = pasteFixture('exchange2013-5764-no-headers');

describe('relay-doctor CLI', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rd-cli-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const noTrace = (s: string) => assert.doesNotMatch(s, /\n\s+at .+\(.+:\d+:\d+\)/, 'no stack trace');

  it('--help exits 0 and shows usage', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /relay-doctor diagnose/);
  });

  it('no command is bad usage (2)', () => {
    assert.equal(run([]).code, 2);
  });

  it('an unknown command or option is bad usage (2)', () => {
    const a = run(['frobnicate']);
    const b = run(['diagnose', '--nope']);
    const c = run(['diagnose', '--answer', 'novalue']);
    for (const r of [a, b, c]) {
      assert.equal(r.code, 2);
      noTrace(r.err);
    }
  });

  it('diagnoses a file and prints JSON with the contract fields', () => {
    const file = path.join(tmp, 'ndr.txt');
    fs.writeFileSync(file, NDR_5764);
    const r = run(['diagnose', file, '--json', '--offline']);
    assert.equal(r.code, 0, r.err);
    const v = JSON.parse(r.out);
    assert.equal(v.family, 'eop-relay-denied');
    assert.ok(Array.isArray(v.causes) && v.causes.length > 0);
    for (const c of v.causes) for (const k of ['id', 'case', 'status', 'evidence', 'fix']) assert.ok(k in c, k);
    assert.ok(Array.isArray(v.questions));
    assert.equal(v.questions[0].id, 'case2.inbound-connector');
  });

  it('reads standard input and accepts --answer', () => {
    const r = run(['diagnose', '-', '--json', '--offline', '--answer', 'case2.inbound-connector=none'], NDR_5764);
    assert.equal(r.code, 0, r.err);
    const v = JSON.parse(r.out);
    assert.equal(v.causes[0].id, 'inbound-connector.missing');
  });

  it('prints a readable verdict without colors when not on a terminal', () => {
    const r = run(['diagnose', '--offline'], NDR_5764);
    assert.equal(r.code, 0);
    assert.match(r.out, /eop-relay-denied/);
    assert.doesNotMatch(r.out, /\u001b\[/);
  });

  it('a missing file: exit 1 with a clear message', () => {
    const r = run(['diagnose', path.join(tmp, 'nope.txt')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no such file/);
    noTrace(r.err);
  });

  it('a binary file: exit 1 with a clear message', () => {
    const file = path.join(tmp, 'bin.dat');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 255]));
    const r = run(['diagnose', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /binary/);
    noTrace(r.err);
  });

  it('a 50 MB file: exit 1 with the size limit', () => {
    const file = path.join(tmp, 'big.txt');
    const fd = fs.openSync(file, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 50; i += 1) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    const r = run(['diagnose', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /limit/);
    noTrace(r.err);
  });

  it('invalid UTF-8 still gets a verdict (exit 0)', () => {
    const file = path.join(tmp, 'latin1.txt');
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from('Generierender Server: EX01\n\xe4\xf6\xfc\xff\n', 'latin1'), Buffer.from(NDR_5764)]),
    );
    const r = run(['diagnose', file, '--json', '--offline']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).family, 'eop-relay-denied');
  });

  it('an empty file: not-an-ndr with a hint of what to paste (exit 0)', () => {
    const file = path.join(tmp, 'empty.txt');
    fs.writeFileSync(file, '');
    const r = run(['diagnose', file, '--json']);
    assert.equal(r.code, 0);
    const v = JSON.parse(r.out);
    assert.equal(v.family, 'not-an-ndr');
    assert.ok(v.notes.some((n: string) => /Get-SendConnector/.test(n)));
  });

  it('/dev/zero: exit 1 with the size limit, read in bounded chunks (stat.size is 0 for a device)', () => {
    const r = spawnSync(process.execPath, [BIN, 'diagnose', '/dev/zero', '--offline'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(r.signal, null, 'the CLI ended on its own (not killed by the timeout)');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\/dev\/zero: .*limit/);
    noTrace(r.stderr);
  });

  it('terminal escape sequences in pasted text never reach the terminal (names in admin-center paths, prompts, notes)', () => {
    const ESC = '\u001b';
    const hostile = `To EOP${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\${ESC}[2J${ESC}]0;pwned\u0007\u009b31m\u009d8;;x\u0007\u202e`;
    const connector = fs
      .readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', 'send-kb-typo.txt'), 'utf8')
      .replace(/^Name(\s+): To EOP$/m, `Name$1: ${hostile}`)
      .replace(/^Identity(\s+): To EOP$/m, `Identity$1: ${hostile}`);
    assert.ok(connector.includes(hostile), 'the fixture carries the hostile name');
    const ndr = path.join(tmp, 'esc-ndr.txt');
    const conn = path.join(tmp, 'esc-connector.txt');
    fs.writeFileSync(ndr, NDR_5764);
    fs.writeFileSync(conn, connector);
    const json = run(['diagnose', ndr, conn, '--json', '--offline']);
    assert.equal(json.code, 0, json.err);
    // The name reaches the verdict (so the test means something) ...
    assert.ok(
      JSON.stringify(JSON.parse(json.out)).includes('\\u001b'),
      'the verdict data carries the escape (escaped by JSON)',
    );
    // ... and the terminal output carries no control character but newline and tab.
    const r = run(['diagnose', ndr, conn, '--offline']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /To EOP\]8;;https:\/\/evil/, 'the name is shown, without its escapes');
    assert.doesNotMatch(r.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('explain prints a cause and its fix; unknown ids are bad usage', () => {
    const ok = run(['explain', 'inbound-connector.missing']);
    assert.equal(ok.code, 0);
    assert.match(ok.out, /New-InboundConnector/);
    const bad = run(['explain', 'no.such-cause']);
    assert.equal(bad.code, 2);
    const list = run(['explain', '--list']);
    assert.equal(list.out.trim().split('\n').length, CAUSE_IDS.length);
  });
});
