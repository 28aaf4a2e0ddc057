import type { BotConfig } from '../config';
import { createTelemetry, type Telemetry } from './telemetry';

/** Telemetry as configured: OTLP, Application Insights, both, or off (nothing loaded). */
export function telemetryFromConfig(config: BotConfig): Telemetry {
  return createTelemetry({
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    appInsightsConnectionString: config.APPLICATIONINSIGHTS_CONNECTION_STRING,
    serviceName: config.OTEL_SERVICE_NAME,
    metricIntervalMs: config.OTEL_METRIC_EXPORT_INTERVAL,
    spanDelayMs: config.OTEL_BSP_SCHEDULE_DELAY,
  });
}
