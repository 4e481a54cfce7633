/** service.name when neither OTEL_SERVICE_NAME nor OTEL_RESOURCE_ATTRIBUTES names one. */
export const DEFAULT_SERVICE_NAME = 'office365-activation-counts-gateway';

/** What turns tracing on, read once at start. The SDK reads the other OTEL_* variables itself. */
export interface TracingSettings {
  /** Where spans are sent: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  tracesEndpoint: string;
  /** Passed to the SDK only when the environment names no service (undefined: the environment's name wins). */
  defaultServiceName: string | undefined;
}

type Env = Record<string, string | undefined>;

const PROTOCOLS = ['http/protobuf', 'http/json'];
const SAMPLERS = ['always_on', 'always_off', 'traceidratio', 'parentbased_always_on', 'parentbased_always_off', 'parentbased_traceidratio'];

function readEndpoint(env: Env, name: string, problems: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(`${name}=${JSON.stringify(raw)}: expected an http or https URL of an OTLP/HTTP receiver, e.g. http://127.0.0.1:4318`);
    return undefined;
  }
  return raw;
}

function checkChoice(env: Env, name: string, choices: readonly string[], why: string, problems: string[]): void {
  const raw = env[name]?.trim();
  if (raw && !choices.includes(raw)) problems.push(`${name}=${JSON.stringify(raw)}: expected one of ${choices.join(', ')}${why}`);
}

function checkSamplerArg(env: Env, problems: string[]): void {
  const sampler = env.OTEL_TRACES_SAMPLER?.trim() ?? '';
  const raw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!raw || !sampler.endsWith('traceidratio')) return;
  const ratio = Number(raw);
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1) problems.push(`OTEL_TRACES_SAMPLER_ARG=${JSON.stringify(raw)}: expected a sampling ratio from 0 to 1 (e.g. 0.25) for ${sampler}`);
}

/**
 * Tracing is on when an OTLP endpoint is configured (and OTEL_SDK_DISABLED / OTEL_TRACES_EXPORTER=none
 * do not turn it off); undefined otherwise, and then no OpenTelemetry module is loaded. The values
 * the SDK would silently ignore or misread (a protocol, a sampler, a ratio) are refused here, by name.
 */
export function readTracingSettings(env: Env, problems: string[]): TracingSettings | undefined {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return undefined;
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter === 'none') return undefined;
  if (exporter && exporter !== 'otlp') problems.push(`OTEL_TRACES_EXPORTER=${JSON.stringify(exporter)}: expected otlp (the default) or none`);
  const tracesEndpoint = readEndpoint(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', problems);
  const endpoint = readEndpoint(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', problems);
  if (tracesEndpoint === undefined && endpoint === undefined) return undefined;
  const over = ': this gateway exports OTLP over HTTP';
  checkChoice(env, 'OTEL_EXPORTER_OTLP_PROTOCOL', PROTOCOLS, over, problems);
  checkChoice(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', PROTOCOLS, over, problems);
  checkChoice(env, 'OTEL_TRACES_SAMPLER', SAMPLERS, '', problems);
  checkSamplerArg(env, problems);
  const namesService = Boolean(env.OTEL_SERVICE_NAME?.trim()) || /(^|,)\s*service\.name\s*=/.test(env.OTEL_RESOURCE_ATTRIBUTES ?? '');
  return {
    tracesEndpoint: tracesEndpoint ?? `${endpoint!.replace(/\/+$/, '')}/v1/traces`,
    defaultServiceName: namesService ? undefined : DEFAULT_SERVICE_NAME,
  };
}
