import assert from 'node:assert/strict';

import { checkDownloadUrl, DEFAULT_FILE_DOWNLOAD_HOSTS, parseHostList } from '../../../bot/files/allowed-hosts';
import { fileText } from '../../../bot/files/file-text';

// Which download URLs a file attachment may carry, and how bytes are sniffed.

describe('file download hosts', () => {
  const defaults = parseHostList(DEFAULT_FILE_DOWNLOAD_HOSTS);
  const ok = (url: string, rules = defaults) => checkDownloadUrl(url, rules).ok;

  it("the default allows any tenant's SharePoint/OneDrive over https, nothing that only looks like it", () => {
    assert.ok(ok('https://contoso-my.sharepoint.com/personal/a/_layouts/15/download.aspx?UniqueId=1&tempauth=x'));
    for (const bad of [
      'https://sharepoint.com/x',
      'https://evil-sharepoint.com/x',
      'https://contoso.sharepoint.com.evil.example/x',
      'http://contoso-my.sharepoint.com/x',
      'https://contoso-my.sharepoint.com:8443/x',
      'https://user:pw@contoso-my.sharepoint.com/x',
      'ftp://contoso-my.sharepoint.com/x',
      'file:///etc/passwd',
      'not a url',
      'https://127.0.0.1/x',
      'http://169.254.169.254/latest',
    ])
      assert.ok(!ok(bad), bad);
  });

  it('plain http only to a loopback host listed by name', () => {
    const rules = parseHostList('127.0.0.1, files.example.net');
    assert.ok(ok('http://127.0.0.1:4567/a.eml', rules));
    assert.ok(!ok('http://localhost:4567/a.eml', rules));
    assert.ok(!ok('http://files.example.net/a.eml', rules));
    assert.ok(ok('https://files.example.net/a.eml', rules));
    assert.ok(!ok('https://sub.files.example.net/a.eml', rules));
  });
});

describe('file content sniffing', () => {
  it('reads text and UTF-16 with a byte-order mark; refuses binary and a compound file that is no Outlook item', () => {
    const t = fileText(new TextEncoder().encode('Remote Server returned 550 5.7.64'));
    assert.ok(t.ok && t.parts[0].text.includes('5.7.64'));
    const u = fileText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Identity : Internet', 'utf16le')]));
    assert.ok(u.ok && u.parts[0].text === 'Identity : Internet');
    assert.deepEqual(fileText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])), {
      ok: false,
      reason: 'binary',
    });
    const cfbHeader = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfbHeader);
    assert.deepEqual(fileText(cfbHeader), { ok: false, reason: 'not-outlook-item' });
    assert.deepEqual(fileText(new Uint8Array()), { ok: false, reason: 'empty' });
  });
});
