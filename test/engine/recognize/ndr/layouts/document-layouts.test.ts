import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { recognizeNdr } from '../../../../../engine/recognize/ndr';
import { DOCUMENT_LAYOUTS, layoutOfReply, writtenByExchange } from '../../../../../engine/recognize/ndr/layouts/index';
import { repoRoot } from '../../../../support/paths';

// The layouts a report's prose shows (which Exchange wrote it): one module each, in one ordered registry.
// The same bare reply line takes the layout of the document around it.

const REPLY = '550 5.7.64 TenantAttribution; Relay Access Denied';

/** One report per document layout: its prose, then the reply a generic line layout reads. */
const DOCUMENTS: Record<string, { text: string; layout: string; remoteServer?: string }> = {
  'exo-modern': {
    text: `Your message couldn't be delivered.\nMore info for email admins\nStatus code: ${REPLY}\n`,
    layout: 'exo-modern',
  },
  'exchange2013-prose': {
    text: `Delivery has failed.\nmx.fabrikam.example rejected your message to the following email addresses:\nkim@fabrikam.example\n\n${REPLY}\n`,
    layout: 'exchange2013',
    remoteServer: 'mx.fabrikam.example',
  },
  'exchange2010-prose': {
    text: `Delivery has failed to these recipients or groups:\nkim@fabrikam.example\n\n${REPLY}\n`,
    layout: 'exchange2010',
  },
  'admin-block': {
    text: `Undeliverable\n\nDiagnostic information for administrators:\n\n${REPLY}\n`,
    layout: 'exchange2013',
  },
};

describe('NDR layouts: the document layouts', () => {
  it('names every module once, each with a report here', () => {
    const names = DOCUMENT_LAYOUTS.map((d) => d.name);
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names.slice().sort(), Object.keys(DOCUMENTS).sort());
    for (const name of names)
      assert.ok(fs.existsSync(path.join(repoRoot, 'engine', 'recognize', 'ndr', 'layouts', `${name}.ts`)), name);
  });

  it('the same bare reply is read as a plain SMTP reply without the prose', () => {
    assert.equal(recognizeNdr(`${REPLY}\n`)[0]?.layout, 'smtp-reply');
  });

  for (const [name, doc] of Object.entries(DOCUMENTS)) {
    it(`${name}: the prose gives the reply its layout`, () => {
      const facts = recognizeNdr(doc.text)[0];
      assert.ok(facts, name);
      assert.equal(facts.layout, doc.layout);
      if (doc.remoteServer) assert.equal(facts.remoteServer, doc.remoteServer);
    });
  }

  it('refines only the generic line layouts, in registry order, and never an HTML part', () => {
    assert.equal(layoutOfReply('smtp-reply', new Set(['exo-modern', 'exchange2010'])), 'exo-modern');
    assert.equal(layoutOfReply('exchange2013', new Set(['exo-modern'])), 'exo-modern');
    assert.equal(layoutOfReply('exchange2013', new Set(['exchange2010'])), 'exchange2013');
    assert.equal(layoutOfReply('smtp-reply', new Set(['exchange2013', 'exchange2010'])), 'exchange2013');
    assert.equal(layoutOfReply('smtp-reply', new Set(['exchange2010', 'admin-block'])), 'exchange2010');
    assert.equal(layoutOfReply('smtp-reply', new Set(['admin-block'])), 'exchange2013');
    assert.equal(layoutOfReply('postfix', new Set(['exchange2010'])), 'postfix');
    assert.equal(layoutOfReply('html', new Set(['exo-modern'])), 'html');
    assert.equal(layoutOfReply('smtp-reply', new Set(['dsn'])), 'smtp-reply');
  });

  it("says an Exchange server wrote the report only from an Exchange server's cue", () => {
    assert.equal(writtenByExchange(new Set(['exo-modern', 'dsn'])), false);
    for (const cue of ['exchange2013', 'exchange2010', 'admin-block'])
      assert.equal(writtenByExchange(new Set([cue])), true, cue);
  });
});
