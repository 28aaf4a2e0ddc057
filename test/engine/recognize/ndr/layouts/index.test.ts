import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { bytesToText } from '../../../../../engine/index';
import { LINE_LAYOUTS, readLine } from '../../../../../engine/recognize/ndr/layouts/index';
import { LineView } from '../../../../../engine/recognize/ndr/layouts/types';
import { LAYOUT_FIXTURES, NDR_FIXTURES } from '../../../../support/layout-table';
import { repoRoot } from '../../../../support/paths';

// The registry of single-line layouts: one module each, tried in order, each with its own table test.

function fixtureLines(): string[] {
  const dirs = [NDR_FIXTURES, LAYOUT_FIXTURES, path.join(repoRoot, 'test', 'fixtures', 'surroundings')].filter((d) =>
    fs.existsSync(d),
  );
  return dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => fs.statSync(path.join(d, f)).isFile())
      .flatMap((f) => bytesToText(new Uint8Array(fs.readFileSync(path.join(d, f)))).split(/\r?\n/)),
  );
}

describe('NDR layouts: the ordered registry', () => {
  it('names every module once, and each has its table test', () => {
    const names = LINE_LAYOUTS.map((l) => l.name);
    assert.equal(new Set(names).size, names.length);
    for (const name of [...names, 'dsn-block']) {
      assert.ok(
        fs.existsSync(path.join(repoRoot, 'test', 'engine', 'recognize', 'ndr', 'layouts', `${name}.test.ts`)),
        `${name}.test.ts missing`,
      );
    }
  });

  it('tries the layouts with a cue of their own before those that read only reply lines', () => {
    const firstReplyOnly = LINE_LAYOUTS.findIndex((l) => l.replyLinesOnly);
    assert.ok(firstReplyOnly > 0);
    assert.ok(LINE_LAYOUTS.slice(firstReplyOnly).every((l) => l.replyLinesOnly));
    assert.equal(LINE_LAYOUTS[LINE_LAYOUTS.length - 1].name, 'bare-reply');
  });

  it('uses a cue only as a filter: no module reads a reply on a fixture line without its cue', () => {
    const lines = fixtureLines();
    assert.ok(lines.length > 200);
    let read = 0;
    for (const line of lines) {
      for (const layout of LINE_LAYOUTS) {
        if (!layout.cue || !layout.read(new LineView(line))) continue;
        read += 1;
        assert.ok(layout.cue.test(line), `${layout.name} read a reply without its cue: ${line}`);
      }
    }
    assert.ok(read > 10);
  });

  it('gives a line with {LED= to the queue layout even when it holds no reply', () => {
    assert.equal(
      readLine(
        '[{LED=Connection lost};{FQDN=}] host mx.fabrikam.example[203.0.113.25] said: 550 5.7.1 Relaying denied',
        false,
      ),
      undefined,
    );
    assert.equal(
      readLine('host mx.fabrikam.example[203.0.113.25] said: 550 5.7.1 Relaying denied', false)?.by.name,
      'postfix',
    );
  });

  it('lets the first layout that reads a reply win', () => {
    const hit = readLine("host mx.fabrikam.example[203.0.113.25] said: 550 5.7.1 'Relaying denied'", false);
    assert.equal(hit?.by.name, 'postfix');
    assert.equal(hit?.hit.remoteServer, 'mx.fabrikam.example');
  });

  it('skips header lines of a quoted original for the layouts that read only reply lines', () => {
    assert.equal(readLine('Received: from mx (203.0.113.25) by x; 550 5.7.1 in a header', false), undefined);
    assert.equal(readLine('X-Note: 550 5.7.1 in a header', false)?.by.name, 'bare-reply');
  });

  it('turns the layout of a hit in an HTML part into html, except where the line keeps its own', () => {
    assert.equal(readLine('550 5.7.1 Relaying denied', true)?.hit.layout, 'html');
    assert.equal(
      readLine('host mx.fabrikam.example[203.0.113.25] said: 550 5.7.1 Relaying denied', true)?.hit.layout,
      'postfix',
    );
  });
});
