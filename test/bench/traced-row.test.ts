import { request } from 'undici';
import { startOtlpSink } from '../../tools/bench/otlp-sink';
import { allTargets, targetLabel } from '../../tools/bench/scenarios';

describe('the bench row with traces on', () => {
  it('sits under A\'s untraced gateway row and asks the same query', () => {
    const a = allTargets().filter((t) => t.scenario.startsWith('A'));
    expect(a.slice(0, 2).map(targetLabel)).toEqual(['gateway', 'gateway, traces on, 100 % sampled']);
    expect(a[1]!.tracesToSink).toBe(true);
    expect(a.filter((t) => t.tracesToSink)).toHaveLength(1);
    expect(a[1]!.request.body).toBe(a[0]!.request.body);
  });

  it('exports to a loopback sink that counts what it receives and samples every trace', async () => {
    const sink = await startOtlpSink();
    try {
      expect(sink.gatewayEnv()).toMatchObject({ OTEL_EXPORTER_OTLP_ENDPOINT: sink.url, OTEL_TRACES_SAMPLER: 'always_on' });
      expect(new URL(sink.url).hostname).toBe('127.0.0.1');
      const answer = await request(`${sink.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: Buffer.alloc(300) });
      await answer.body.text();
      expect(answer.statusCode).toBe(200);
      expect(sink.received()).toEqual({ requests: 1, bytes: 300 });
    } finally {
      await sink.close();
    }
  });
});
