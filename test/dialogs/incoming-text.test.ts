import assert from 'node:assert/strict';

import type { Activity } from 'botbuilder';

import { incomingText } from '../../dialogs/incoming-text';

// The one normalization of what the user sent (dialogs/incoming-text.ts), on activities shaped as Teams
// sends them: a group-chat message with the bot @mentioned, the HTML form of a paste, a card submit.
const bot = { id: '28:bot', name: 'Relay Doctor' };
const mention = { type: 'mention', mentioned: bot, text: '<at>Relay Doctor</at>' };

function message(fields: Partial<Activity>): Partial<Activity> {
  return { type: 'message', recipient: bot as Activity['recipient'], ...fields };
}

describe('incoming text: normalized once', () => {
  it('removes every mention of the bot, however often it is mentioned, and trims', () => {
    const activity = message({ text: ' <at>Relay Doctor</at> help <at>Relay Doctor</at> ', entities: [mention] });
    assert.equal(incomingText(activity), 'help');
  });

  it('keeps mentions of other people and the text when no bot id is known', () => {
    const other = { type: 'mention', mentioned: { id: '29:adele' }, text: '<at>Adele</at>' };
    assert.equal(
      incomingText(message({ text: '<at>Adele</at> see this', entities: [other] })),
      '<at>Adele</at> see this',
    );
    assert.equal(
      incomingText({ type: 'message', text: '<at>Relay Doctor</at> help', entities: [mention] }),
      '<at>Relay Doctor</at> help',
    );
  });

  it('reads the HTML form first (it keeps the line breaks of a paste), without the mention', () => {
    const activity = message({
      text: 'Relay Doctor Name : Outbound Enabled : True',
      entities: [mention],
      attachments: [
        { contentType: 'text/html', content: '<p><at>Relay Doctor</at> Name : Outbound</p><p>Enabled : True</p>' },
      ],
    });
    assert.deepEqual(incomingText(activity).split('\n'), ['Name : Outbound', 'Enabled : True']);
  });

  it('gives an empty text for a card submit or a message without text', () => {
    assert.equal(incomingText(message({ value: { verb: 'answer' } })), '');
    assert.equal(
      incomingText(
        message({ value: { verb: 'answer' }, attachments: [{ contentType: 'text/html', content: '<p>x</p>' }] }),
      ),
      '',
    );
  });
});
