import { ConfigError, loadConfig } from '../../src/config';
import { readTracingSettings } from '../../src/tracing/tracing-config';

function read(env: Record<string, string>): { settings: ReturnType<typeof readTracingSettings>; problems: string[] } {
  const problems: string[] = [];
  return { settings: readTracingSettings(env, problems), problems };
}

describe('tracing settings (OTEL_* variables)', () => {
  it.each([
    [{}], // nothing configured: tracing off, the SDK never loaded
    [{ OTEL_SERVICE_NAME: 'x', OTEL_TRACES_SAMPLER: 'always_on' }], // settings without an endpoint do not turn it on
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }], // empty is unset
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }], // the spec's off switch
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_TRACES_EXPORTER: 'none' }], // traces exporter off
  ])('is off for %j', (env) => {
    expect(read(env)).toEqual({ settings: undefined, problems: [] });
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, 'http://collector:4318/v1/traces'], // the base endpoint gets the signal path
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, 'http://collector:4318/v1/traces'], // trailing slash
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/api/traces' }, 'https://otel.example/api/traces'], // the traces endpoint is used as given
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/t' }, 'http://b:4318/t'], // the traces endpoint wins
  ])('is on for %j, exporting to %s', (env, endpoint) => {
    expect(read(env)).toEqual({ settings: { tracesEndpoint: endpoint, defaultServiceName: 'office365-activation-counts-gateway' }, problems: [] });
  });

  it.each([
    [{ OTEL_SERVICE_NAME: 'billing-gateway' }], // the spec's variable
    [{ OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment=prod,service.name=billing-gateway' }], // or the resource attributes
  ])('leaves the service name to the environment when %j names one', (env) => {
    expect(read({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', ...env }).settings?.defaultServiceName).toBeUndefined();
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318": expected an http or https URL'], // no scheme: URL parses it as scheme "collector:"
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="not a url": expected an http or https URL'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL="grpc": expected one of http/protobuf, http/json: this gateway exports OTLP over HTTP'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'json' }, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL="json": expected one of http/protobuf, http/json'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'ratio' }, 'OTEL_TRACES_SAMPLER="ratio": expected one of always_on, always_off, traceidratio, parentbased_always_on'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '25%' }, 'OTEL_TRACES_SAMPLER_ARG="25%": expected a sampling ratio from 0 to 1'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '1.5' }, 'OTEL_TRACES_SAMPLER_ARG="1.5": expected a sampling ratio from 0 to 1'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER="zipkin": expected otlp (the default) or none'],
  ])('refuses %j, naming the variable', (env, message) => {
    const { problems } = read(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('is part of the gateway configuration, its problems reported with the others at start', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).tracing).toEqual({ tracesEndpoint: 'http://127.0.0.1:4318/v1/traces', defaultServiceName: 'office365-activation-counts-gateway' });
    expect(loadConfig({}).tracing).toBeUndefined();
    const thrown = ((): unknown => {
      try {
        return loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://c', PORT: 'x' });
      } catch (error: unknown) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((p) => p.split('=')[0])).toEqual(['PORT', 'OTEL_EXPORTER_OTLP_ENDPOINT']);
  });
});
