import { ConnectorStub } from '../test/support/connector-stub';

// The tests' local stand-in Bot Connector (a FAKE of Teams' connector service), shared by both bots.
// It records every call; under load the record is tallied and emptied twice a second so it stays small.

export interface Tally {
  calls: number;
  cards: number;
  texts: number;
}

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export class ConnectorTally {
  readonly stub = new ConnectorStub();
  private totals: Tally = { calls: 0, cards: 0, texts: 0 };
  private timer?: NodeJS.Timeout;

  get url(): string {
    return this.stub.url;
  }

  async start(): Promise<void> {
    await this.stub.start();
    this.timer = setInterval(() => this.drain(), 500);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.stub.stop();
  }

  /** Counts what arrived since the last call and starts a new count. */
  take(): Tally {
    this.drain();
    const t = this.totals;
    this.totals = { calls: 0, cards: 0, texts: 0 };
    return t;
  }

  private drain(): void {
    for (const call of this.stub.calls) {
      this.totals.calls++;
      const attachments = (call.activity.attachments as Array<{ contentType?: string }> | undefined) ?? [];
      if (attachments.some((a) => a.contentType === ADAPTIVE)) this.totals.cards++;
      else if (typeof call.activity.text === 'string') this.totals.texts++;
    }
    this.stub.calls.length = 0;
  }
}
