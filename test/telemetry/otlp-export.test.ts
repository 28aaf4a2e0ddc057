import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { type BotProcess, startBotProcess } from '../support/bot-process';
import { ConnectorStub } from '../support/connector-stub';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { CASE2_ANSWERS, walkOverWire, WireUser, type WireWalk } from '../support/wire-user';

// The bot as a real process with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a real OTLP/HTTP receiver on
// 127.0.0.1 (JSON encoding, OTLP's http/json). A Case 2 walk with live DNS checks against a local DNS
// server; the Bot Connector is a FAKE (connector-stub.ts). Then: the spans and metrics that arrived.

interface OtlpAttribute {
  key: string;
  value: {
    stringValue?: string;
    intValue?: string | number;
    boolValue?: boolean;
    doubleValue?: number;
    arrayValue?: { values?: Array<{ stringValue?: string }> };
  };
}
interface OtlpSpan {
  startTimeUnixNano: string | number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: OtlpAttribute[];
  status?: { code?: number };
}
interface OtlpDataPoint {
  attributes?: OtlpAttribute[];
  asInt?: string | number;
  asDouble?: number;
  count?: string | number;
  sum?: number;
}
interface OtlpMetric {
  name: string;
  sum?: { dataPoints: OtlpDataPoint[] };
  histogram?: { dataPoints: OtlpDataPoint[] };
}

class OtlpReceiver {
  readonly bodies: Array<{ path: string; text: string }> = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.bodies.push({ path: req.url ?? '', text: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  spans(): OtlpSpan[] {
    return this.bodies
      .filter((b) => b.path === '/v1/traces')
      .flatMap(
        (b) =>
          (JSON.parse(b.text) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }).resourceSpans,
      )
      .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  }

  metrics(): OtlpMetric[] {
    return this.bodies
      .filter((b) => b.path === '/v1/metrics')
      .flatMap(
        (b) =>
          (JSON.parse(b.text) as { resourceMetrics: Array<{ scopeMetrics: Array<{ metrics: OtlpMetric[] }> }> })
            .resourceMetrics,
      )
      .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics));
  }
}

function attr(item: { attributes?: OtlpAttribute[] }, key: string): unknown {
  const value = item.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map((v) => v.stringValue);
  return (
    value.stringValue ??
    (value.intValue !== undefined ? Number(value.intValue) : undefined) ??
    value.boolValue ??
    value.doubleValue
  );
}

/** Everything the user pasted or that names them: addresses, domains, host names, IPs, names, ids. */
function pastedValues(user: WireUser): string[] {
  const fromNdr = [
    ...(EXAMPLE_NDR.match(/[\w.+-]+@[\w.-]+/g) ?? []),
    ...(EXAMPLE_NDR.match(/\b[\w-]+(?:\.[\w-]+)+\b/g) ?? []),
  ].filter((v) => !/^\d+\.\d+\.\d+$/.test(v)); // "5.7.64" is a status code, not a value of the user's
  return [
    ...new Set(
      [
        ...fromNdr,
        'contoso',
        'fabrikam',
        '192.0.2.25',
        'A. Admin',
        '29:admin',
        'tenant-1',
        user.conversationId,
        ...Object.values(CASE2_ANSWERS).filter((v) => v.includes('.')),
      ].map((v) => v.toLowerCase()),
    ),
  ];
}

describe('telemetry: spans and metrics of a walk arrive at a local OTLP/HTTP receiver, without personal data', function () {
  this.timeout(120_000);
  const stub = new ConnectorStub();
  const receiver = new OtlpReceiver();
  let dns: TestDnsServer;
  let bot: BotProcess | undefined;
  let user: WireUser;
  let walk: WireWalk;

  before(async () => {
    await stub.start();
    await receiver.start();
    dns = await startDnsServer({
      zone: {
        'contoso.com': {
          MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }],
          TXT: ['v=spf1 ip4:192.0.2.25 include:spf.protection.outlook.com -all'],
        },
        'contoso-com.mail.protection.outlook.com': { A: ['192.0.2.25'] },
      },
    });
    bot = await startBotProcess({
      LIVE_CHECKS: 'on',
      DNS_SERVERS: dns.address,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_METRIC_EXPORT_INTERVAL: '200',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    });
    user = new WireUser(stub);
    walk = await walkOverWire(user, EXAMPLE_NDR, { base: () => bot!.url, answers: CASE2_ANSWERS });
    // SIGTERM flushes what is buffered before the process exits.
    await bot.kill('SIGTERM');
    bot = undefined;
  });

  after(async () => {
    await bot?.kill();
    await dns?.close();
    await receiver.stop();
    await stub.stop();
  });

  it('a turn span per message, with recognition, diagnosis, live checks, storage and sends as its children', () => {
    assert.equal(walk.verdict?.family, 'eop-relay-denied');
    const spans = receiver.spans();
    const turns = spans.filter((s) => s.name === 'relay_doctor.turn');
    assert.equal(turns.length, walk.asked.length + 1, `one turn span per message (${walk.asked.length + 1})`);
    const names = new Set(spans.map((s) => s.name));
    for (const name of [
      'relay_doctor.recognize',
      'relay_doctor.diagnose',
      'relay_doctor.live_checks',
      'relay_doctor.storage.read',
      'relay_doctor.storage.write',
      'relay_doctor.send',
    ]) {
      assert.ok(names.has(name), `${name} among ${[...names].join(', ')}`);
    }
    const turnIds = new Map(turns.map((t) => [t.spanId, t.traceId]));
    for (const span of spans.filter((s) => s.name !== 'relay_doctor.turn')) {
      assert.ok(span.parentSpanId && turnIds.has(span.parentSpanId), `${span.name} is a child of a turn`);
      assert.equal(span.traceId, turnIds.get(span.parentSpanId!));
    }
    for (const t of turns) assert.equal(attr(t, 'relay_doctor.activity.type'), 'message');
  });

  it('the verdict turn carries the family, the cause ids of the card and the questions asked', () => {
    const turns = receiver
      .spans()
      .filter((s) => s.name === 'relay_doctor.turn')
      .sort((a, b) => (BigInt(a.startTimeUnixNano) < BigInt(b.startTimeUnixNano) ? -1 : 1));
    const verdictTurn = turns.at(-1);
    assert.ok(verdictTurn, 'a turn span with a final verdict');
    assert.equal(attr(verdictTurn, 'relay_doctor.verdict.family'), walk.verdict?.family);
    assert.deepEqual(attr(verdictTurn, 'relay_doctor.verdict.cause_ids'), walk.verdict?.causes);
    assert.deepEqual(attr(verdictTurn, 'relay_doctor.verdict.cause_statuses'), walk.verdict?.statuses);
    assert.equal(
      Math.max(...turns.map((t) => Number(attr(t, 'relay_doctor.questions.asked') ?? 0))),
      walk.asked.length,
    );
    const first = receiver
      .spans()
      .find((s) => s.name === 'relay_doctor.turn' && attr(s, 'relay_doctor.input.kind') === 'ndr');
    assert.ok(first, 'the paste turn says what kind of input it was (ndr), not what it said');
  });

  it('metrics: turn and operation durations, verdicts by family, causes by id, questions asked', () => {
    const metrics = receiver.metrics();
    const byName = (name: string) => metrics.filter((m) => m.name === name);
    // Cumulative temporality: the last export has the totals.
    const last = (name: string) => byName(name).at(-1);
    const turnDuration = last('relay_doctor.turn.duration');
    assert.ok(turnDuration?.histogram, 'relay_doctor.turn.duration is a histogram');
    assert.equal(
      turnDuration.histogram.dataPoints.reduce((n, p) => n + Number(p.count), 0),
      walk.asked.length + 1,
    );
    const operations = new Set(
      last('relay_doctor.operation.duration')?.histogram?.dataPoints.map((p) => attr(p, 'operation')),
    );
    for (const op of ['recognize', 'diagnose', 'live_checks', 'storage.read', 'storage.write', 'send'])
      assert.ok(operations.has(op), `operation ${op}`);
    const verdicts = last('relay_doctor.verdicts')?.sum?.dataPoints ?? [];
    assert.ok(
      verdicts.some(
        (p) => attr(p, 'relay_doctor.verdict.family') === 'eop-relay-denied' && Number(p.asInt ?? p.asDouble) >= 1,
      ),
    );
    const causes = new Set(
      (last('relay_doctor.causes')?.sum?.dataPoints ?? []).map((p) => attr(p, 'relay_doctor.cause.id')),
    );
    for (const cause of walk.verdict?.causes ?? []) assert.ok(causes.has(cause), `cause ${cause} counted`);
    const asked = (last('relay_doctor.questions.asked')?.sum?.dataPoints ?? []).reduce(
      (n, p) => n + Number(p.asInt ?? p.asDouble),
      0,
    );
    assert.equal(asked, walk.asked.length);
  });

  it('no pasted value, address, domain, IP, name or conversation id appears in anything exported', () => {
    const everything = receiver.bodies
      .map((b) => b.text)
      .join('\n')
      .toLowerCase();
    assert.ok(everything.length > 1000, 'something was exported');
    const values = pastedValues(user);
    assert.ok(values.includes('someone@fabrikam.com') && values.includes('ex01.contoso.com'));
    for (const value of values) assert.ok(!everything.includes(value.toLowerCase()), `"${value}" must not be exported`);
  });
});
