// Pastes arrive the way chat clients deliver them: every PowerShell fixture, with its line breaks kept,
// replaced by spaces or removed (the padding kept or collapsed), optionally wrapped
// in Teams-style HTML and read back as the bot reads it, yields the same facts as the original.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';

import { htmlMessageText } from '../../../../dialogs/incoming-text';
import { buildFacts, diagnose, recognize } from '../../../../engine/index';
import { htmlToText } from '../../../../engine/mime/html-to-text';
import { restoreLineBreaks } from '../../../../engine/recognize/reflow/restore-line-breaks';
import { repoRoot } from '../../../support/paths';

const PS_DIR = path.join(repoRoot, 'test', 'fixtures', 'powershell');
const NDR_DIR = path.join(repoRoot, 'test', 'fixtures', 'ndr');

/** A fixture as an admin would paste it: without the fixture's own `# ` header comments. */
function pasted(dir: string, file: string): string {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('# ')) i += 1;
  return lines.slice(i).join('\n').trim();
}

const PS_FILES = fs
  .readdirSync(PS_DIR)
  .filter((f) => f !== 'README.md')
  .sort();
/** Fixtures printed in an 80-column console: a wrap inside a value is a space once the padding collapsed. */
const CONSOLE_WRAPPED = new Set(['send-wrapped.txt']);

type Mode = { keep: boolean[]; sep: '' | ' '; collapse: boolean; html: 'none' | 'p' | 'div-br' | 'flat-p' };

/** The text a chat client would hand over: some breaks kept, the others removed or turned into a space. */
function flatten(text: string, mode: Mode): string {
  const lines = text.split('\n');
  let out = lines[0];
  for (let i = 1; i < lines.length; i += 1) out += (mode.keep[(i - 1) % mode.keep.length] ? '\n' : mode.sep) + lines[i];
  return mode.collapse ? out.replace(/[ \t]+/g, ' ') : out;
}

/** Teams' HTML: entities for markup characters, runs of spaces as `&nbsp; ` pairs, a paragraph per line. */
function teamsHtml(text: string, html: Mode['html']): string {
  const esc = (l: string) =>
    l
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/ {2,}/g, (run) => '&nbsp; '.repeat(run.length >> 1) + (run.length % 2 ? '&nbsp;' : ''));
  const lines = text.split('\n');
  if (html === 'p') return lines.map((l) => (l === '' ? '<p>&nbsp;</p>' : `<p>${esc(l)}</p>`)).join('');
  if (html === 'div-br') return `<div>${lines.map(esc).join('<br>')}</div>`;
  return `<p>${esc(text.replace(/\n/g, ' '))}</p>`;
}

/** What the bot reads from a message: the HTML attachment through the bot's own hook. */
function delivered(text: string, mode: Mode): string {
  const flat = flatten(text, mode);
  if (mode.html === 'none') return flat;
  const read = htmlMessageText({ attachments: [{ contentType: 'text/html', content: teamsHtml(flat, mode.html) }] });
  assert.ok(read !== undefined, 'the HTML attachment was not read');
  return read;
}

/** Facts to compare: evidence lines compared without their spacing; lossy → all whitespace ignored. */
function comparable(value: unknown, lossy: boolean, key = ''): unknown {
  if (typeof value === 'string') {
    if (lossy) return value.replace(/\s+/g, '');
    return key === 'line' || key === 'lines' || key === 'label' ? value.replace(/\s+/g, ' ').trim() : value;
  }
  if (Array.isArray(value)) return value.map((v) => comparable(v, lossy, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, comparable(v, lossy, key === 'lines' ? 'lines' : k)]),
    );
  }
  return value;
}

// A client treats all breaks of a paste alike: all kept, all removed or all turned into spaces.
const modeArb = fc.record({
  keep: fc.constantFrom<boolean[]>([true], [false]),
  sep: fc.constantFrom<'' | ' '>('', ' '),
  collapse: fc.boolean(),
  html: fc.constantFrom<Mode['html']>('none', 'p', 'div-br', 'flat-p'),
});

describe('pastes flattened by a chat client (property)', () => {
  for (const file of PS_FILES) {
    it(`${file}: same facts with line breaks kept, spaced or removed, plain or as Teams HTML`, () => {
      const original = pasted(PS_DIR, file);
      const expected = recognize(original);
      assert.notEqual(expected.kind, 'not-recognized', `${file} itself is not recognized`);
      fc.assert(
        fc.property(modeArb, (mode) => {
          const lossy = mode.collapse && CONSOLE_WRAPPED.has(file);
          const got = recognize(delivered(original, mode));
          assert.deepEqual(comparable(got.facts, lossy), comparable(expected.facts, lossy));
        }),
        { numRuns: 40 },
      );
    });
  }

  // The cases named in the issue, fully flattened, as fixed examples next to the property.
  for (const [name, mode] of [
    ['removed', { keep: [false], sep: '', collapse: false, html: 'none' }],
    ['removed, padding collapsed', { keep: [false], sep: '', collapse: true, html: 'none' }],
    ['spaces', { keep: [false], sep: ' ', collapse: false, html: 'none' }],
    ['spaces, padding collapsed', { keep: [false], sep: ' ', collapse: true, html: 'flat-p' }],
  ] as Array<[string, Mode]>) {
    it(`every fixture with every line break ${name}`, () => {
      for (const file of PS_FILES) {
        const original = pasted(PS_DIR, file);
        const lossy = mode.collapse && CONSOLE_WRAPPED.has(file);
        assert.deepEqual(
          comparable(recognize(delivered(original, mode)).facts, lossy),
          comparable(recognize(original).facts, lossy),
          file,
        );
      }
    });
  }

  it("two cmdlets' output in one flattened paste, without a prompt between them, stay two objects", () => {
    const both = `${pasted(PS_DIR, 'send-eop-healthy.txt')
      .replace(/^\[PS\].*$/gm, '')
      .trim()}\n\n${pasted(PS_DIR, 'inbound-wrong-cert-name.txt')}`;
    const expected = recognize(both).facts;
    assert.equal(expected.sendConnectors?.length, 1);
    assert.equal(expected.inboundConnectors?.length, 1);
    for (const sep of ['', ' '] as const) {
      for (const collapse of [false, true]) {
        const got = recognize(flatten(both, { keep: [false], sep, collapse, html: 'none' })).facts;
        assert.deepEqual(comparable(got, false), comparable(expected, false), `sep '${sep}', collapse ${collapse}`);
      }
    }
  });

  it('the Playground form reads as the connector it is (…Office 365Enabled : True…)', () => {
    const flat = flatten(pasted(PS_DIR, 'send-eop-healthy.txt'), {
      keep: [false],
      sep: '',
      collapse: true,
      html: 'none',
    });
    assert.match(flat, /Outbound to Office 365IgnoreSTARTTLS : False/);
    const [connector] = recognize(flat).facts.sendConnectors ?? [];
    assert.equal(connector.name, 'Outbound to Office 365');
    assert.deepEqual(connector.smartHosts, ['contoso-com.mail.protection.outlook.com']);
    assert.equal(connector.requireTls, true);
    assert.equal(connector.enabled, true);
  });

  it('leaves text that is already whole unchanged', () => {
    for (const file of PS_FILES) {
      const original = pasted(PS_DIR, file);
      assert.equal(restoreLineBreaks(original), original, file);
    }
  });

  it('Teams HTML: paragraphs are lines, &nbsp; padding is kept, the bot mention is dropped', () => {
    const html =
      '<p><at>Relay Doctor</at>&nbsp;RequireTLS&nbsp; &nbsp; : True</p><p>Port&nbsp; &nbsp; &nbsp; &nbsp; &nbsp;: 25</p>';
    const text = htmlMessageText({
      attachments: [{ contentType: 'text/html', content: html }],
      recipient: { id: 'bot', name: 'Relay Doctor' },
      entities: [{ type: 'mention', mentioned: { id: 'bot', name: 'Relay Doctor' }, text: '<at>Relay Doctor</at>' }],
    });
    assert.equal(text, ' RequireTLS    : True\nPort         : 25');
    assert.equal(
      htmlMessageText({ attachments: [{ contentType: 'text/html', content: html }], value: { verb: 'answer' } }),
      undefined,
    );
    assert.equal(htmlMessageText({ attachments: [{ contentType: 'text/html', content: '<p>&nbsp;</p>' }] }), undefined);
    // The NDR reading of HTML is unchanged: padding collapsed, one line per block.
    assert.equal(htmlToText('<p>a&nbsp; b</p><p>c</p>'), '\na b\n\nc\n');
  });
});

describe('NDR fixtures flattened to spaces keep their family', () => {
  const family = (text: string): string => diagnose(buildFacts([text])).family;
  for (const file of fs
    .readdirSync(NDR_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    it(file, () => {
      const original = pasted(NDR_DIR, file);
      const want = family(original);
      assert.equal(family(original.replace(/\n/g, ' ')), want, 'line breaks as spaces');
      assert.equal(
        family(delivered(original, { keep: [false], sep: ' ', collapse: true, html: 'flat-p' })),
        want,
        'as one Teams paragraph',
      );
      assert.equal(
        family(delivered(original, { keep: [true], sep: ' ', collapse: false, html: 'p' })),
        want,
        'as Teams paragraphs',
      );
    });
  }
});
