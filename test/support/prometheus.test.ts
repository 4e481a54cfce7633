import { firstLabelValues, metricSample } from './prometheus';

const TEXT = [
  '# HELP gateway_upstream_requests_total Upstream requests.',
  '# TYPE gateway_upstream_requests_total counter',
  'gateway_upstream_requests_total{method="PATCH",status="503"} 2',
  'gateway_upstream_requests_total{method="PATCH",status="200"} 1',
  'gateway_upstream_requests_total{method="GET",status="200"} 7',
  'process_resident_memory_bytes 134217728',
  'gateway_graphql_requests_in_flight 0',
].join('\n');

describe('metricSample', () => {
  it.each<[string, number | undefined]>([
    ['gateway_upstream_requests_total{method="PATCH",status="503"}', 2],
    ['gateway_upstream_requests_total{method="GET",status="200"}', 7],
    ['process_resident_memory_bytes', 134217728],
    ['gateway_graphql_requests_in_flight', 0], // a zero is a value, not an absence
    ['gateway_upstream_requests_total{method="POST",status="200"}', undefined], // no such series
    ['gateway_upstream_requests_total', undefined], // a name alone does not match its labelled series
  ])('%s → %p', (series, expected) => {
    expect(metricSample(TEXT, series)).toBe(expected);
  });
});

describe('firstLabelValues', () => {
  it('collects the values of the first label over every series of a metric', () => {
    expect(firstLabelValues(TEXT, 'gateway_upstream_requests_total', 'method')).toEqual(new Set(['PATCH', 'GET']));
    expect(firstLabelValues(TEXT, 'process_resident_memory_bytes', 'method')).toEqual(new Set());
  });
});
