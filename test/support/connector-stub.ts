import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A FAKE Bot Connector (it stands in for Teams' connector service, which cannot run here). It records
// what the bot sends: POST /v3/conversations/:id/activities[/:replyToId] and PUT …/activities/:id.

export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  /** For PUT: the activity being updated; for a reply POST: the activity replied to. */
  activityId?: string;
  authorization?: string;
  activity: Record<string, unknown>;
  /** The id the stub gave this activity. */
  assignedId: string;
}

/** What the stub does with a call: answer normally, answer with a status, hang (accept, never answer), or wait then answer. */
export type StubBehaviour = 'ok' | 'hang' | { status: number; location?: string } | { delayMs: number };

export class ConnectorStub {
  readonly calls: ConnectorCall[] = [];
  /** Calls that were not answered normally (hung, failed or delayed), recorded for the soak figures. */
  readonly faults: Array<{ path: string; behaviour: StubBehaviour }> = [];
  /** Decides per call; unset = every call answered at once with 200. */
  behaviour?: (req: { method: string; path: string; conversationId: string }) => StubBehaviour;
  private server?: http.Server;
  private counter = 0;
  private waiters: Array<() => void> = [];

  get url(): string {
    const address = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Resolves once `count` calls satisfy the predicate (or rejects after the timeout). */
  async waitFor(predicate: (c: ConnectorCall) => boolean, count = 1, timeoutMs = 10000): Promise<ConnectorCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hits = this.calls.filter(predicate);
      if (hits.length >= count) return hits;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`connector stub: waited ${timeoutMs} ms for ${count} matching call(s), saw ${hits.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404);
      res.end();
      return;
    }
    const behaviour =
      this.behaviour?.({
        method: req.method ?? '',
        path: req.url ?? '',
        conversationId: decodeURIComponent(match[1]),
      }) ?? 'ok';
    if (behaviour === 'hang') {
      this.faults.push({ path: req.url ?? '', behaviour });
      return; // accepted, never answered (stop() closes the socket)
    }
    if (typeof behaviour === 'object' && 'status' in behaviour) {
      this.faults.push({ path: req.url ?? '', behaviour });
      res.writeHead(behaviour.status, behaviour.location ? { location: behaviour.location } : {});
      res.end();
      return;
    }
    if (typeof behaviour === 'object' && 'delayMs' in behaviour) {
      this.faults.push({ path: req.url ?? '', behaviour });
      setTimeout(() => this.record(req, res, body, match), behaviour.delayMs);
      return;
    }
    this.record(req, res, body, match);
  }

  private record(req: http.IncomingMessage, res: http.ServerResponse, body: string, match: RegExpExecArray): void {
    let activity: Record<string, unknown> = {};
    try {
      activity = JSON.parse(body) as Record<string, unknown>;
    } catch {
      /* recorded as empty */
    }
    this.counter += 1;
    const assignedId = req.method === 'PUT' ? decodeURIComponent(match[2] ?? '') : `stub-activity-${this.counter}`;
    this.calls.push({
      method: req.method ?? '',
      path: req.url ?? '',
      conversationId: decodeURIComponent(match[1]),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      authorization: req.headers.authorization,
      activity,
      assignedId,
    });
    // restify patches ServerResponse so writeHead returns nothing: no chaining.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: assignedId }));
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
