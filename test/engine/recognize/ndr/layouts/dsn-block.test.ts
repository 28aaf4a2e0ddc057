import assert from 'node:assert/strict';

import { DsnBlockReader, dsnFieldOn } from '../../../../../engine/recognize/ndr/layouts/dsn-block';
import { describeLayout } from '../../../../support/layout-table';

describeLayout('dsn-block', [
  {
    file: 'dsn-5751.eml',
    yields: [
      {
        by: 'dsn-block',
        layout: 'dsn',
        replyCode: '550',
        enhancedStatus: '5.7.51',
        remoteServer: 'contoso-mail-onmicrosoft-com.mail.protection.outlook.com',
        recipients: ['kim@fabrikam.example'],
        reply:
          "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set [CH3PEPF00000016.namprd21.prod.outlook.com 2025-01-29T19:07:30.476Z 08DD3FA5DBC8F401]",
      },
    ],
  },
  // Four recipients: a failure with its diagnostic, a delivered one (no failure), a status-only failure ended
  // by the next Final-Recipient, a delayed one ended by the end of the part.
  {
    file: 'dsn-blocks.txt',
    yields: [
      {
        by: 'dsn-block',
        layout: 'dsn',
        replyCode: '550',
        enhancedStatus: '5.7.64',
        remoteServer: 'fabrikam-example.mail.protection.outlook.com',
        recipients: ['kim@fabrikam.example'],
        reply: '550 5.7.64 TenantAttribution; Relay Access Denied',
      },
      {
        by: 'dsn-block',
        layout: 'dsn',
        enhancedStatus: '5.4.1',
        recipients: ['max@fabrikam.example'],
        reply: 'Status: 5.4.1',
      },
      {
        by: 'dsn-block',
        layout: 'dsn',
        enhancedStatus: '4.4.7',
        recipients: ['ned@fabrikam.example'],
        reply: 'Status: 4.4.7',
      },
    ],
  },
]);

describe('NDR layout dsn-block: the block reader', () => {
  it('reports no failure for a relayed recipient with a 2.x.x status', () => {
    const r = new DsnBlockReader();
    for (const line of ['Final-Recipient: rfc822; kim@fabrikam.example', 'Action: relayed', 'Status: 2.0.0']) {
      const f = dsnFieldOn(line);
      assert.ok(f);
      assert.equal(r.field(f.name, f.value, line), undefined);
    }
    assert.equal(r.end(), undefined);
  });

  it('reads the field name of `Diagnostic code` spelt with a space', () => {
    assert.deepEqual(dsnFieldOn('Diagnostic code: smtp; 550 5.7.1 denied'), {
      name: 'diagnostic-code',
      value: 'smtp; 550 5.7.1 denied',
    });
  });
});
