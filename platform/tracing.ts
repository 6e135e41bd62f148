/**
 * OpenTelemetry tracing through the Temporal SDK's interceptors
 * (`@temporalio/interceptors-opentelemetry`): the API's client starts each workflow inside a span
 * and passes the context in Temporal headers; the worker continues it in the workflow (spans
 * exported through a sink, since workflow code may do no I/O) and in each activity.
 *
 * Off by default (TRACING_EXPORTER=none): nothing is installed and nothing leaves the process.
 * `console` writes finished spans to the log (trying it out), `otlp` sends them over OTLP/HTTP to
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (a collector, Jaeger, Tempo...). Span attributes are the
 * SDK's: workflow and activity types and ids, which hold no patient data (workflow ids are opaque).
 */
import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { Tracer } from '@opentelemetry/api';
import type { AppConfig } from './config.ts';

export interface Tracing {
  tracer: Tracer;
  resource: Resource;
  spanProcessor: SpanProcessor;
  /** Flushes the spans not yet exported. */
  shutdown(): Promise<void>;
}

/** The SDK's workflow interceptors module, bundled with the workflow code when tracing is on. */
export const WORKFLOW_TRACING_INTERCEPTORS = createRequire(import.meta.url).resolve(
  '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
);

export function createTracing(config: AppConfig['observability'], serviceName: string): Tracing | undefined {
  if (config.tracingExporter === 'none') return undefined;
  const exporter =
    config.tracingExporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: config.otlpTracesEndpoint });
  const spanProcessor = new BatchSpanProcessor(exporter);
  const resource = new Resource({ 'service.name': serviceName });
  const provider = new BasicTracerProvider({ resource, spanProcessors: [spanProcessor] });
  return { tracer: provider.getTracer('encounterflow'), resource, spanProcessor, shutdown: () => provider.shutdown() };
}
