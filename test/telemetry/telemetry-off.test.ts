import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

import { distRoot } from '../support/paths';

// Telemetry off costs nothing: without an exporter configured, building the whole server loads no
// OpenTelemetry module. Checked in a fresh Node process (this one may have loaded anything).

function loadedModules(env: Record<string, string>): { enabled: boolean; otel: string[] } {
  const script = `
    const { loadConfig } = require(${JSON.stringify(path.join(distRoot, 'bot', 'config.js'))});
    const { createServer } = require(${JSON.stringify(path.join(distRoot, 'bot', 'http', 'server.js'))});
    const { telemetryFromConfig } = require(${JSON.stringify(path.join(distRoot, 'bot', 'telemetry', 'from-config.js'))});
    const config = loadConfig(process.env);
    const telemetry = telemetryFromConfig(config);
    createServer(config, { telemetry, logger: { info() {}, warn() {}, error() {} } });
    const otel = Object.keys(require.cache).filter((k) => /[\\\\/]@(opentelemetry|azure[\\\\/]monitor-opentelemetry-exporter)[\\\\/]/.test(k));
    telemetry.shutdown().then(() => process.stdout.write(JSON.stringify({ enabled: telemetry.enabled, otel })));
  `;
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH ?? '', MicrosoftAppId: '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out) as { enabled: boolean; otel: string[] };
}

describe('telemetry off: nothing loaded', function () {
  this.timeout(60_000);

  it('without OTEL_EXPORTER_OTLP_ENDPOINT or APPLICATIONINSIGHTS_CONNECTION_STRING no OpenTelemetry module is required', () => {
    const off = loadedModules({});
    assert.equal(off.enabled, false);
    assert.deepEqual(off.otel, []);
  });

  it('with an Application Insights connection string the Azure Monitor exporter loads on this Node version', () => {
    // Nothing is sent: shutdown right away, and the ingestion endpoint is a reserved name that never resolves.
    // Statsbeat (the exporter's reports about itself to Microsoft) off: tests talk to 127.0.0.1 only.
    const on = loadedModules({
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://ingestion.invalid/',
    });
    assert.equal(on.enabled, true);
    assert.ok(
      on.otel.some((k) => k.includes('monitor-opentelemetry-exporter')),
      'the Azure Monitor exporter is loaded',
    );
    assert.ok(on.otel.some((k) => k.includes('sdk-trace-base')));
  });
});
