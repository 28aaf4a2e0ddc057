import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

import {
  type Attributes,
  type Context,
  context as otelContext,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

import type { Operation, Telemetry, TelemetryAttributes, TelemetrySettings } from './telemetry';

// The OpenTelemetry SDK behind the Telemetry hooks: a tracer and a meter provider of our own (no global
// registration, no auto-instrumentation of http or DNS, whose spans would carry URLs and host names).
// The turn's span is carried in an AsyncLocalStorage, so no context manager package is needed.

const SCOPE = 'relay-doctor';

// The exporters are required lazily (only when configured); these name their module types.
type OtlpTraceModule = typeof import('@opentelemetry/exporter-trace-otlp-http');
type OtlpMetricModule = typeof import('@opentelemetry/exporter-metrics-otlp-http');
type AzureMonitorModule = typeof import('@azure/monitor-opentelemetry-exporter');

function clean(attributes: TelemetryAttributes): Attributes {
  const out: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) out[key] = value;
  return out;
}

function exporters(settings: TelemetrySettings): { spans: SpanExporter[]; metrics: PushMetricExporter[] } {
  const spans: SpanExporter[] = [];
  const metrics: PushMetricExporter[] = [];
  if (settings.otlpEndpoint) {
    const base = settings.otlpEndpoint.replace(/\/+$/, '');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as OtlpTraceModule;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OTLPMetricExporter } = require('@opentelemetry/exporter-metrics-otlp-http') as OtlpMetricModule;
    spans.push(new OTLPTraceExporter({ url: `${base}/v1/traces` }));
    metrics.push(new OTLPMetricExporter({ url: `${base}/v1/metrics` }));
  }
  if (settings.appInsightsConnectionString) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const azure = require('@azure/monitor-opentelemetry-exporter') as AzureMonitorModule;
    const connectionString = settings.appInsightsConnectionString;
    spans.push(new azure.AzureMonitorTraceExporter({ connectionString }));
    metrics.push(new azure.AzureMonitorMetricExporter({ connectionString }));
  }
  return { spans, metrics };
}

/** @public Loaded with require() by telemetry.ts, only when an exporter is configured (knip cannot see that use). */
export function startOpenTelemetry(settings: TelemetrySettings): Telemetry {
  const resource = resourceFromAttributes({ 'service.name': settings.serviceName });
  const { spans, metrics } = exporters(settings);
  const spanProcessors: SpanProcessor[] = spans.map(
    (e) => new BatchSpanProcessor(e, { scheduledDelayMillis: settings.spanDelayMs }),
  );
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors });
  const meterProvider = new MeterProvider({
    resource,
    readers: metrics.map(
      (exporter) => new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: settings.metricIntervalMs }),
    ),
  });
  const tracer = tracerProvider.getTracer(SCOPE);
  const meter = meterProvider.getMeter(SCOPE);
  const turnDuration = meter.createHistogram('relay_doctor.turn.duration', {
    unit: 'ms',
    description: 'Time to handle one incoming activity',
  });
  const operationDuration = meter.createHistogram('relay_doctor.operation.duration', {
    unit: 'ms',
    description: 'Time of recognition, diagnosis, live checks, storage and sends',
  });
  const errors = meter.createCounter('relay_doctor.errors', {
    description: 'Failed turns and operations, by operation',
  });
  const verdicts = meter.createCounter('relay_doctor.verdicts', { description: 'Diagnoses made, by family' });
  const causes = meter.createCounter('relay_doctor.causes', {
    description: 'Causes in a diagnosis, by cause id and status',
  });
  const questions = meter.createCounter('relay_doctor.questions.asked', { description: 'Questions asked' });
  const current = new AsyncLocalStorage<{ span: Span; context: Context }>();

  const fail = (span: Span, error: unknown, operation: string) => {
    // The error's class only: messages may quote what was pasted.
    const kind = error instanceof Error ? error.name : typeof error;
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.setAttribute('error.type', kind);
    errors.add(1, { operation, 'error.type': kind });
  };

  return {
    enabled: true,
    async turn(attributes, run) {
      const span = tracer.startSpan('relay_doctor.turn', { attributes: clean(attributes) });
      const started = performance.now();
      try {
        return await current.run({ span, context: trace.setSpan(otelContext.active(), span) }, run);
      } catch (error) {
        fail(span, error, 'turn');
        throw error;
      } finally {
        turnDuration.record(
          performance.now() - started,
          clean({ 'relay_doctor.activity.type': attributes['relay_doctor.activity.type'] }),
        );
        span.end();
      }
    },
    operation<T>(name: Operation, attributes: TelemetryAttributes, run: () => T): T {
      const parent = current.getStore();
      const span = tracer.startSpan(`relay_doctor.${name}`, { attributes: clean(attributes) }, parent?.context);
      const started = performance.now();
      const done = () => {
        operationDuration.record(performance.now() - started, { operation: name });
        span.end();
      };
      let result: T;
      try {
        result = run();
      } catch (error) {
        fail(span, error, name);
        done();
        throw error;
      }
      if (result instanceof Promise) {
        return result.then(
          (value: unknown) => {
            done();
            return value;
          },
          (error: unknown) => {
            fail(span, error, name);
            done();
            throw error;
          },
        ) as T;
      }
      done();
      return result;
    },
    annotateTurn(attributes) {
      current.getStore()?.span.setAttributes(clean(attributes));
    },
    verdict(family, found) {
      verdicts.add(1, { 'relay_doctor.verdict.family': family });
      for (const cause of found)
        causes.add(1, {
          'relay_doctor.cause.id': cause.id,
          'relay_doctor.cause.status': cause.status,
          'relay_doctor.verdict.family': family,
        });
      current.getStore()?.span.setAttributes({
        'relay_doctor.verdict.family': family,
        'relay_doctor.verdict.cause_ids': found.map((c) => c.id),
        'relay_doctor.verdict.cause_statuses': found.map((c) => c.status),
      });
    },
    questionsAsked(count) {
      if (count > 0) questions.add(count);
    },
    async shutdown() {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}
