import assert from 'node:assert/strict';

import type { DnsPort } from '../../../engine/live/dns-port';
import { DEFAULT_LIVE_BUDGET_MS, runLiveChecks } from '../../../engine/live/live-checks';
import { NodeDnsPort, parseDnsServers } from '../../../engine/live/node-dns-port';
import { startDnsServer, type TestDnsServer } from '../../support/dns-server';

// Timeouts, refusals and the overall budget: a live check that cannot be made says so
// ('could-not-check') and never holds the caller past the budget. The elapsed-time bounds are
// correctness bounds (budget * 2), not benchmarks.

const REQUEST = {
  domain: 'contoso.com',
  smartHosts: ['contoso-com.mail.protection.outlook.com', 'contoso-com.mail.protection.com'],
  remoteHosts: ['mail.fabrikam.test'],
};
const CHECKS = 2 + 3; // MX, SPF and three hosts

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

describe('live checks: timeouts and the overall budget', () => {
  let silent: TestDnsServer;
  let refusing: TestDnsServer;
  let healthy: TestDnsServer;

  before(async () => {
    silent = await startDnsServer({ silent: true });
    refusing = await startDnsServer({
      refused: [
        'contoso.com',
        'contoso-com.mail.protection.outlook.com',
        'contoso-com.mail.protection.com',
        'mail.fabrikam.test',
      ],
    });
    healthy = await startDnsServer({
      zone: { 'contoso.com': { MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }] } },
    });
  });
  after(async () => {
    await Promise.all([silent.close(), refusing.close(), healthy.close()]);
  });

  it('a server that never answers: every check is could-not-check (timeout) within the budget', async () => {
    const port = new NodeDnsPort({ servers: [silent.address], timeoutMs: 200, tries: 1 });
    const budgetMs = 1500;
    const { value, ms } = await timed(() => runLiveChecks(REQUEST, port, { budgetMs }));
    assert.equal(value.length, CHECKS);
    for (const o of value) {
      assert.equal(o.outcome, 'could-not-check', `${o.check} ${o.subject}`);
      assert.equal(o.failure, 'timeout');
      assert.deepEqual(o.values, []);
    }
    assert.ok(ms < budgetMs * 2, `took ${ms} ms`);
    assert.ok(silent.queries.length > 0, 'the queries did reach the server');
  });

  it('a per-query timeout longer than the budget: the budget ends the call and cancels the resolver', async () => {
    const port = new NodeDnsPort({ servers: [silent.address], timeoutMs: 10_000, tries: 3 });
    let cancelled = 0;
    const cancel = port.cancel.bind(port);
    port.cancel = () => {
      cancelled += 1;
      cancel();
    };
    const budgetMs = 400;
    const { value, ms } = await timed(() => runLiveChecks(REQUEST, port, { budgetMs }));
    assert.equal(value.length, CHECKS);
    for (const o of value) {
      assert.equal(o.outcome, 'could-not-check');
      assert.equal(o.failure, 'budget');
    }
    assert.equal(cancelled, 1);
    assert.ok(ms < budgetMs * 2, `took ${ms} ms`);
  });

  it('the default budget is 3 s', async function () {
    this.timeout(10_000);
    assert.equal(DEFAULT_LIVE_BUDGET_MS, 3000);
    const port = new NodeDnsPort({ servers: [silent.address], timeoutMs: 20_000, tries: 1 });
    const { value, ms } = await timed(() => runLiveChecks({ domain: 'contoso.com' }, port));
    assert.deepEqual(
      value.map((o) => o.failure),
      ['budget', 'budget'],
    );
    assert.ok(ms >= 2900 && ms < 6000, `took ${ms} ms`);
  });

  it('REFUSED gives could-not-check (refused)', async () => {
    const port = new NodeDnsPort({ servers: [refusing.address], timeoutMs: 500, tries: 1 });
    const obs = await runLiveChecks(REQUEST, port);
    assert.equal(obs.length, CHECKS);
    for (const o of obs)
      assert.deepEqual([o.outcome, o.failure], ['could-not-check', 'refused'], `${o.check} ${o.subject}`);
  });

  it('servers are tried in order: a silent first server fails over to the next', async () => {
    const port = new NodeDnsPort({
      servers: parseDnsServers(`${silent.address}, ${healthy.address}`),
      timeoutMs: 200,
      tries: 1,
    });
    assert.equal(port.label, `DNS servers ${silent.address}, ${healthy.address}`);
    const obs = await runLiveChecks({ domain: 'contoso.com' }, port, { budgetMs: 2000 });
    const mx = obs.find((o) => o.check === 'mx');
    assert.equal(mx?.outcome, 'ok');
    assert.deepEqual(mx?.values, ['contoso-com.mail.protection.outlook.com']);
  });

  it('a malformed server address is refused when the port is created', () => {
    assert.throws(() => new NodeDnsPort({ servers: ['not an address'] }));
    assert.deepEqual(parseDnsServers(' 10.0.0.53,127.0.0.1:5353  [::1]:53 '), [
      '10.0.0.53',
      '127.0.0.1:5353',
      '[::1]:53',
    ]);
    assert.deepEqual(parseDnsServers(undefined), []);
  });

  // A fake port: stands for a resolver implementation that hangs and cannot be cancelled, which no
  // real server here can produce. The budget alone must end the call.
  it('a port that never settles and cannot be cancelled still returns by the budget', async () => {
    const never = () => new Promise<never>(() => undefined);
    const hung: DnsPort = { resolveMx: never, resolveTxt: never, resolve4: never };
    const budgetMs = 300;
    const { value, ms } = await timed(() => runLiveChecks(REQUEST, hung, { budgetMs }));
    assert.equal(value.length, CHECKS);
    for (const o of value) assert.equal(o.failure, 'budget');
    assert.ok(ms < budgetMs * 2, `took ${ms} ms`);
  });

  // A fake port whose calls throw synchronously: a programming error must not escape as a rejection.
  it('a port that throws gives could-not-check (error)', async () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const broken: DnsPort = { resolveMx: boom, resolveTxt: boom, resolve4: boom };
    const obs = await runLiveChecks(REQUEST, broken, { budgetMs: 500 });
    assert.equal(obs.length, CHECKS);
    for (const o of obs) assert.deepEqual([o.outcome, o.failure], ['could-not-check', 'error']);
  });
});
