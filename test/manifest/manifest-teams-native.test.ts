import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { DIAGNOSE_MESSAGE_COMMAND } from '../../bot/message-extension';
import { fillManifest } from '../../manifest/fill-manifest';
import { manifestVarsFrom } from '../../manifest/manifest-vars';
import { manifestTemplatePath } from '../../manifest/paths';
import { validateManifest } from '../../manifest/validate-manifest';
import { repoRoot } from '../support/paths';

// The manifest parts for files and the message extension, validated offline.

const APP_ID = '6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b0d14';
const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
const manifest = () =>
  fillManifest(
    fs.readFileSync(manifestTemplatePath, 'utf8'),
    manifestVarsFrom({ MicrosoftAppId: APP_ID }, { version }),
  );

type Command = { id: string; type: string; context: string[]; fetchTask: boolean; parameters: Array<{ name: string }> };
type Extension = { botId: string; commands: Command[] };

describe('manifest: files and "Diagnose with Relay Doctor"', () => {
  it('the bot accepts files and the message action is declared for messages, with the bot as its handler', async () => {
    const m = manifest();
    assert.deepEqual(await validateManifest(m), []);
    assert.equal((m.bots as Array<{ supportsFiles: boolean }>)[0].supportsFiles, true);
    const [extension] = m.composeExtensions as Extension[];
    assert.equal(extension.botId, APP_ID);
    const command = extension.commands.find((c) => c.id === DIAGNOSE_MESSAGE_COMMAND);
    assert.ok(command);
    assert.equal(command.type, 'action');
    assert.deepEqual(command.context, ['message']);
    // No fetchTask: Teams sends composeExtension/submitAction, which the bot answers with the verdict.
    assert.equal(command.fetchTask, false);
    assert.deepEqual(
      command.parameters.map((p) => p.name),
      ['domain'],
    );
  });

  it('the validator catches a broken message action (so the check above can fail)', async () => {
    const m = manifest();
    const [extension] = m.composeExtensions as Extension[];
    extension.commands[0].context = ['everywhere'];
    extension.commands[0].type = 'sideways';
    const errors = await validateManifest(m);
    assert.ok(errors.length >= 2, errors.join('\n'));
  });
});
