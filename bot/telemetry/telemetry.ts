// Telemetry hooks the bot calls on every turn. The default does nothing and loads nothing; the OpenTelemetry
// SDK (otel-sdk.ts) is required only when an exporter is configured. Attributes are ids, enums and numbers
// only: never pasted text, addresses, domains, IP addresses or names (the same rule as the logs).

type TelemetryValue = string | number | boolean | string[];
export type TelemetryAttributes = Record<string, TelemetryValue | undefined>;

/** Operations timed as child spans of a turn (names end up as `relay_doctor.<operation>`). */
export type Operation =
  'recognize' | 'diagnose' | 'live_checks' | 'storage.read' | 'storage.write' | 'storage.delete' | 'send';

export interface Telemetry {
  readonly enabled: boolean;
  /** Run a turn as the span `relay_doctor.turn`; operations inside it become its children. */
  turn<T>(attributes: TelemetryAttributes, run: () => Promise<T>): Promise<T>;
  /** Time one operation (sync or async) as a child span, with its duration histogram and error count. */
  operation<T>(name: Operation, attributes: TelemetryAttributes, run: () => T): T;
  /** Attributes for the current turn's span (the verdict's family and cause ids, questions asked). */
  annotateTurn(attributes: TelemetryAttributes): void;
  /** Record a diagnosis: its family and each cause's id and status (vocabulary ids, no user data). */
  verdict(family: string, causes: Array<{ id: string; status: string }>): void;
  /** Count questions asked (their ids are vocabulary, not user data). */
  questionsAsked(count: number): void;
  /** Send what is buffered and stop (on shutdown). */
  shutdown(): Promise<void>;
}

/** Telemetry off: every hook is a plain call. */
export const NO_TELEMETRY: Telemetry = {
  enabled: false,
  turn: (_attributes, run) => run(),
  operation: (_name, _attributes, run) => run(),
  annotateTurn: () => undefined,
  verdict: () => undefined,
  questionsAsked: () => undefined,
  shutdown: async () => undefined,
};

export interface TelemetrySettings {
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT): traces to /v1/traces, metrics to /v1/metrics. */
  otlpEndpoint?: string;
  /** Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING). */
  appInsightsConnectionString?: string;
  serviceName: string;
  /** How often metrics are exported, in ms. */
  metricIntervalMs: number;
  /** Longest wait before a batch of spans is exported, in ms. */
  spanDelayMs: number;
}

/** Telemetry for these settings: off (nothing loaded) unless an exporter is configured. */
export function createTelemetry(settings: TelemetrySettings): Telemetry {
  if (!settings.otlpEndpoint && !settings.appInsightsConnectionString) return NO_TELEMETRY;
  // Loaded here only: without an exporter the OpenTelemetry SDK is never required.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startOpenTelemetry } = require('./otel-sdk') as typeof import('./otel-sdk');
  return startOpenTelemetry(settings);
}
