import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import JSZip from 'jszip';
import { PNG } from 'pngjs';

import { commandOf } from '../../dialogs/intent';
import { buildAppPackage } from '../../manifest/app-package';
import { fillManifest, slotsOf } from '../../manifest/fill-manifest';
import { ACCENT, COLOR_ICON_SIZE, drawColorIcon, drawOutlineIcon, OUTLINE_ICON_SIZE } from '../../manifest/icons';
import {
  ManifestConfigError,
  type ManifestVars,
  manifestVarsFrom,
  PLACEHOLDER_APP_ID,
} from '../../manifest/manifest-vars';
import { colorIconPath, manifestTemplatePath, outlineIconPath } from '../../manifest/paths';
import { validateManifest } from '../../manifest/validate-manifest';
import { distRoot, repoRoot } from '../support/paths';

// The Teams app manifest, icons and package, checked offline against the schema @microsoft/app-manifest ships.

const APP_ID = '6f1c3a52-9d0e-4b7a-8c21-3e5f7a9b0d14';
const template = fs.readFileSync(manifestTemplatePath, 'utf8');
const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;
const vars = (env: Record<string, string> = { MicrosoftAppId: APP_ID }): ManifestVars =>
  manifestVarsFrom(env, { version });

type Bot = {
  botId: string;
  scopes: string[];
  commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }>;
};

function decode(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

describe('manifest: template and values', () => {
  it('uses exactly the slots that packaging fills', () => {
    assert.deepEqual(slotsOf(template).sort(), Object.keys(vars()).sort());
  });

  it('declares Teams schema v1.22 or later', () => {
    const manifest = fillManifest(template, vars());
    const m = /\/teams\/v1\.(\d+)\//.exec(String(manifest.$schema));
    assert.ok(m && Number(m[1]) >= 22, String(manifest.$schema));
    assert.equal(manifest.manifestVersion, `1.${m[1]}`);
  });

  it('validates offline against its schema, with the app id as both app id and bot id', async () => {
    const manifest = fillManifest(template, vars());
    assert.deepEqual(await validateManifest(manifest), []);
    const bots = manifest.bots as Bot[];
    assert.equal(manifest.id, APP_ID);
    assert.equal(bots.length, 1);
    assert.equal(bots[0].botId, APP_ID);
    assert.equal(manifest.version, version);
  });

  it('the validator rejects a broken manifest (so the check above can fail)', async () => {
    const manifest = fillManifest(template, vars());
    (manifest.bots as Bot[])[0].botId = 'not-a-guid';
    (manifest.name as { short: string }).short = 'x'.repeat(31);
    delete manifest.accentColor;
    const errors = await validateManifest(manifest);
    assert.ok(errors.length >= 3, errors.join('\n'));
  });

  it('offers the bot in personal, team and group chat scopes', () => {
    const bot = (fillManifest(template, vars()).bots as Bot[])[0];
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.deepEqual(bot.commandLists.flatMap((l) => l.scopes).sort(), ['groupChat', 'personal', 'team']);
  });

  it('lists help, restart and example, and every listed command is one the conversation understands', () => {
    const bot = (fillManifest(template, vars()).bots as Bot[])[0];
    for (const list of bot.commandLists) {
      const titles = list.commands.map((c) => c.title);
      for (const needed of ['help', 'restart', 'example'])
        assert.ok(titles.includes(needed), `${list.scopes} lacks ${needed}`);
      for (const title of titles) assert.ok(commandOf(title), `"${title}" is not a command the dialogs know`);
    }
  });

  it("uses the icons' blue as its accent color", () => {
    const hex = `#${ACCENT.slice(0, 3)
      .map((c) => c.toString(16).padStart(2, '0'))
      .join('')}`;
    assert.equal(String(fillManifest(template, vars()).accentColor).toLowerCase(), hex);
  });

  it('refuses a blank MicrosoftAppId unless a placeholder is asked for', () => {
    assert.throws(() => manifestVarsFrom({ MicrosoftAppId: '  ' }, { version }), ManifestConfigError);
    assert.throws(() => manifestVarsFrom({}, { version }), /MicrosoftAppId/);
    assert.equal(manifestVarsFrom({}, { version, allowPlaceholderId: true }).APP_ID, PLACEHOLDER_APP_ID);
  });

  it('refuses an app id that is not a GUID and developer URLs that are not https', () => {
    assert.throws(() => vars({ MicrosoftAppId: 'relay-doctor' }), ManifestConfigError);
    assert.throws(
      () => vars({ MicrosoftAppId: APP_ID, TeamsAppPrivacyUrl: 'http://contoso.com/privacy' }),
      /TeamsAppPrivacyUrl/,
    );
    assert.throws(
      () => vars({ MicrosoftAppId: APP_ID, TeamsAppDeveloperName: 'x'.repeat(33) }),
      /TeamsAppDeveloperName/,
    );
  });

  it('takes developer values from the environment, JSON-escaped', async () => {
    const manifest = fillManifest(
      template,
      vars({
        MicrosoftAppId: APP_ID.toUpperCase(),
        TeamsAppDeveloperName: 'Contoso "IT" \\ Mail',
        TeamsAppWebsiteUrl: 'https://contoso.com/relay',
      }),
    );
    const developer = manifest.developer as Record<string, string>;
    assert.equal(developer.name, 'Contoso "IT" \\ Mail');
    assert.equal(developer.websiteUrl, 'https://contoso.com/relay');
    assert.equal(manifest.id, APP_ID, 'the GUID is lower-cased');
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('an unknown slot is an error, not left in the output', () => {
    assert.throws(() => fillManifest('{"id": "${{NOT_A_SLOT}}"}', vars()), /NOT_A_SLOT/);
  });
});

describe('manifest: icons', () => {
  it('color.png is 192×192 and fully opaque, with more than two colors', () => {
    const png = decode(fs.readFileSync(colorIconPath));
    assert.equal(png.width, COLOR_ICON_SIZE);
    assert.equal(png.height, COLOR_ICON_SIZE);
    assert.equal(COLOR_ICON_SIZE, 192);
    const colors = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      assert.equal(png.data[i + 3], 255, `transparent pixel at ${i / 4}`);
      colors.add(png.data.readUInt32BE(i));
    }
    assert.ok(colors.size > 2);
  });

  it('outline.png is 32×32, white on transparent', () => {
    const png = decode(fs.readFileSync(outlineIconPath));
    assert.equal(png.width, OUTLINE_ICON_SIZE);
    assert.equal(png.height, OUTLINE_ICON_SIZE);
    assert.equal(OUTLINE_ICON_SIZE, 32);
    let clear = 0;
    let solid = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3];
      if (alpha === 0) {
        clear++;
        continue;
      }
      if (alpha === 255) solid++;
      assert.deepEqual([...png.data.subarray(i, i + 3)], [255, 255, 255], `non-white pixel at ${i / 4}`);
    }
    assert.ok(clear > 32 * 32 * 0.4, 'mostly transparent');
    assert.ok(solid > 80, 'has a solid white drawing');
  });

  it('the committed icons are what icons.ts draws (run dist/manifest/draw-icons.js after a change)', () => {
    for (const [file, draw] of [
      [colorIconPath, drawColorIcon],
      [outlineIconPath, drawOutlineIcon],
    ] as const) {
      assert.ok(decode(fs.readFileSync(file)).data.equals(decode(draw()).data), `${path.basename(file)} is stale`);
    }
  });
});

describe('manifest: app package', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-pkg-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a zip with manifest.json, color.png and outline.png at its root, and nothing else', async () => {
    const outFile = path.join(dir, 'app.zip');
    const result = await buildAppPackage({ env: { MicrosoftAppId: APP_ID }, version, outFile });
    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
    assert.deepEqual(manifest, result.manifest);
    assert.equal(manifest.id, APP_ID);
    assert.deepEqual(await validateManifest(manifest), []);
    const color = decode(await zip.file('color.png')!.async('nodebuffer'));
    const outline = decode(await zip.file('outline.png')!.async('nodebuffer'));
    assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    const icons = manifest.icons as Record<string, string>;
    assert.ok(zip.file(icons.color) && zip.file(icons.outline), 'the manifest names the icons in the zip');
  });

  it('is reproducible: the same inputs give the same bytes', async () => {
    const a = path.join(dir, 'a.zip');
    const b = path.join(dir, 'b.zip');
    await buildAppPackage({ env: { MicrosoftAppId: APP_ID }, version, outFile: a });
    await buildAppPackage({ env: { MicrosoftAppId: APP_ID }, version, outFile: b });
    assert.ok(fs.readFileSync(a).equals(fs.readFileSync(b)));
  });

  it('writes nothing when the app id is blank', async () => {
    const outFile = path.join(dir, 'blank.zip');
    await assert.rejects(buildAppPackage({ env: { MicrosoftAppId: '' }, version, outFile }), ManifestConfigError);
    assert.equal(fs.existsSync(outFile), false);
  });

  it('the package-app command exits 1 with a clear message for a blank id, 0 with a GUID', () => {
    const script = path.join(distRoot, 'manifest', 'package-app.js');
    const outFile = path.join(dir, 'cli.zip');
    const run = (appId: string) =>
      spawnSync(process.execPath, [script, '--out', outFile], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, MicrosoftAppId: appId },
      });
    const blank = run('');
    assert.equal(blank.status, 1, blank.stderr);
    assert.match(blank.stderr, /MicrosoftAppId is blank/);
    assert.doesNotMatch(blank.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(fs.existsSync(outFile), false);
    const ok = run(APP_ID);
    assert.equal(ok.status, 0, ok.stderr);
    assert.ok(fs.existsSync(outFile));
  });
});
