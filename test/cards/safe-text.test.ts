import assert from 'node:assert/strict';

import { markdownSafe, textRun } from '../../cards/safe-text';

describe('cards: safe text', () => {
  it('escapes a numbered list marker after the digits, where the backslash is an escape', () => {
    assert.equal(markdownSafe('1. first\n  22. second'), '1\\. first\n  22\\. second');
  });

  it('escapes bullet markers and markdown characters', () => {
    assert.equal(markdownSafe('- [x](http://e.example)'), '\\- \\[x\\]\\(http:\u200B//e.example\\)');
  });

  it('keeps pasted {{DATE(…)}} text verbatim in a TextRun', () => {
    const run = textRun('{{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    assert.doesNotMatch(String(run.text), /\{\{/);
    assert.equal(String(run.text).replace(/\u200B/g, ''), '{{DATE(2017-02-14T06:08:39Z, SHORT)}}');
  });
});
