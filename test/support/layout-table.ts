import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { bytesToText } from '../../engine/index';
import { extractMessage } from '../../engine/mime/extract-message';
import { htmlToText, looksLikeHtml } from '../../engine/mime/html-to-text';
import { normalizeLineEndings } from '../../engine/mime/line-endings';
import { LINE_LAYOUTS, readLine } from '../../engine/recognize/ndr/layouts/index';
import { type LineLayout, LineView } from '../../engine/recognize/ndr/layouts/types';
import { type Candidate, NdrScanner } from '../../engine/recognize/ndr/scan-text';
import { repoRoot } from './paths';

// The expectation tables of the layout modules (one test file per module, like sisimai's public lhost
// tests): each fixture is scanned whole and must yield exactly the replies listed, in order, each read
// by the module named; lines that carry a module's cue but are not its layout must be left alone.

export const NDR_FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'ndr');
export const LAYOUT_FIXTURES = path.join(repoRoot, 'test', 'fixtures', 'ndr-layouts');

/** What a fixture must yield: one row per reply found. */
interface Row {
  /** The module that read the reply (`dsn-block` for RFC 3464 fields). */
  by: string;
  layout: Candidate['layout'];
  reply: string;
  replyCode?: string;
  enhancedStatus?: string;
  remoteServer?: string;
  remoteIp?: string;
  recipients?: string[];
  /** Read from prose: used only when nothing else was found. */
  weak?: true;
}

export interface FixtureCase {
  /** A file under test/fixtures/ndr or test/fixtures/ndr-layouts. */
  file: string;
  yields: Row[];
}

function fixturePath(file: string): string {
  const own = path.join(LAYOUT_FIXTURES, file);
  return fs.existsSync(own) ? own : path.join(NDR_FIXTURES, file);
}

function rowOf(c: Candidate, html: boolean, weak: boolean): Row {
  const by = c.layout === 'dsn' ? 'dsn-block' : (readLine(c.evidence[0], html)?.by.name ?? '(none)');
  const row: Row = { by, layout: c.layout, reply: c.reply };
  if (c.replyCode) row.replyCode = c.replyCode;
  if (c.enhancedStatus) row.enhancedStatus = c.enhancedStatus;
  if (c.remoteServer) row.remoteServer = c.remoteServer;
  if (c.remoteIp) row.remoteIp = c.remoteIp;
  if (c.recipients.length > 0) row.recipients = c.recipients;
  if (weak) row.weak = true;
  return row;
}

/**
 * Every reply the scanner finds in a fixture, scanned part by part as the recognizer does (MIME parts, or
 * the whole text; HTML as its text). The fixture's header lines (`# …` at the top, saying where its
 * strings come from) are notes, not input.
 */
function yieldsOf(file: string): Row[] {
  const raw = normalizeLineEndings(bytesToText(new Uint8Array(fs.readFileSync(fixturePath(file)))));
  const lines = raw.split('\n');
  const start = lines.findIndex((l) => !l.startsWith('# '));
  const text = lines.slice(start < 0 ? lines.length : start).join('\n');
  const scanner = new NdrScanner();
  const msg = extractMessage(text);
  if (msg && msg.parts.length > 0) for (const part of msg.parts) scanner.scan(part);
  else if (looksLikeHtml(text)) scanner.scan({ kind: 'html', text: htmlToText(text) });
  else scanner.scan({ kind: 'text', text });
  const html = (c: Candidate): boolean => c.layout === 'html';
  return [
    ...scanner.result.candidates.map((c) => rowOf(c, html(c), false)),
    ...scanner.result.weak.map((c) => rowOf(c, html(c), true)),
  ];
}

/** The table test of one module: fixtures and what they yield, lines its cue matches that it must not read. */
export function describeLayout(
  layout: LineLayout | 'dsn-block',
  cases: FixtureCase[],
  notThisLayout: string[] = [],
): void {
  const name = typeof layout === 'string' ? layout : layout.name;
  describe(`NDR layout ${name}`, () => {
    if (typeof layout !== 'string') {
      it('is in the ordered registry', () => assert.ok(LINE_LAYOUTS.includes(layout)));
    }
    it('has fixtures in which it reads a reply', () => {
      assert.ok(
        cases.some((c) => c.yields.some((r) => r.by === name)),
        `no fixture shows ${name} reading a reply`,
      );
    });
    for (const c of cases) {
      it(`${c.file} yields ${c.yields.map((r) => `${r.by}/${r.layout} ${r.enhancedStatus ?? r.replyCode ?? ''}`).join(', ') || 'nothing'}`, () => {
        const rows = yieldsOf(c.file);
        assert.deepEqual(rows, c.yields);
        if (typeof layout === 'string') return;
        for (const r of rows.filter((x) => x.by === name)) {
          assert.ok(
            r.layout === 'html' || layout.layouts.includes(r.layout),
            `${name} answered ${r.layout}, not one of its layouts`,
          );
        }
      });
    }
    if (typeof layout !== 'string') {
      for (const line of notThisLayout) {
        it(`does not read ${JSON.stringify(line.slice(0, 60))}`, () => {
          assert.equal(layout.read(new LineView(line)), undefined);
        });
      }
    }
  });
}
