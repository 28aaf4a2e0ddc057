import type { Server } from 'restify';

import type { Logger } from '../logger';

// Graceful shutdown: on SIGTERM (or SIGINT) stop accepting connections, answer new requests on open
// keep-alive connections with 503, let turns in flight finish (up to a timeout), then exit. An unhandled
// rejection is logged and the bot keeps serving; an uncaught exception leaves the process in an unknown
// state, so it is logged and triggers the same graceful shutdown with exit code 1.

/** Counts requests in flight; refuses new ones once draining. */
export class InFlight {
  private count = 0;
  private draining = false;
  private waiters: Array<() => void> = [];

  get active(): number {
    return this.count;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Register a request; false when the server is draining (answer 503). */
  enter(): boolean {
    if (this.draining) return false;
    this.count += 1;
    return true;
  }

  leave(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) for (const w of this.waiters.splice(0)) w();
  }

  startDraining(): void {
    this.draining = true;
  }

  /** Resolves true once nothing is in flight, false if the timeout came first. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** The part of `process` the handlers use (an EventEmitter in tests). */
interface ProcessEvents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
}

export interface ShutdownOptions {
  server: Server;
  inFlight: InFlight;
  logger: Logger;
  timeoutMs: number;
  /** process.exit by default. */
  exit?: (code: number) => void;
  events?: ProcessEvents;
}

export interface ShutdownHandle {
  /** Start (or join) the graceful shutdown; resolves after `exit` was called. */
  shutdown(reason: string, exitCode?: number): Promise<void>;
  /** Remove the process listeners (tests). */
  dispose(): void;
}

/** Install SIGTERM/SIGINT, unhandledRejection and uncaughtException handlers for a running server. */
export function installShutdown(options: ShutdownOptions): ShutdownHandle {
  const { server, inFlight, logger, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const events: ProcessEvents = options.events ?? process;
  let running: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    running ??= (async () => {
      const started = Date.now();
      logger.info('shutting down', { code: 'shutdown', reason, inFlight: inFlight.active });
      inFlight.startDraining();
      server.close();
      server.server.closeIdleConnections();
      const clean = await inFlight.idle(timeoutMs);
      if (!clean)
        logger.warn('turns still running at the shutdown timeout', {
          code: 'shutdown-timeout',
          inFlight: inFlight.active,
          timeoutMs,
        });
      server.server.closeAllConnections();
      logger.info('stopped', { code: 'stopped', durationMs: Date.now() - started });
      exit(clean ? exitCode : 1);
    })();
    return running;
  };

  const onSignal = (signal: unknown) => {
    void shutdown(String(signal));
  };
  const onRejection = (reason: unknown) => {
    logger.error('unhandled promise rejection (still serving)', reason, { code: 'unhandled-rejection' });
  };
  const onException = (error: unknown) => {
    logger.error('uncaught exception', error, { code: 'uncaught-exception' });
    void shutdown('uncaughtException', 1);
  };
  events.on('SIGTERM', onSignal);
  events.on('SIGINT', onSignal);
  events.on('unhandledRejection', onRejection);
  events.on('uncaughtException', onException);

  return {
    shutdown,
    dispose: () => {
      events.removeListener('SIGTERM', onSignal);
      events.removeListener('SIGINT', onSignal);
      events.removeListener('unhandledRejection', onRejection);
      events.removeListener('uncaughtException', onException);
    },
  };
}
