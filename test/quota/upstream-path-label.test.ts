import { upstreamPathLabel } from '../../src/observability/quota-metrics';

describe('the path label of upstream 429s', () => {
  it.each([
    ['/reports/getOffice365ActivationCounts?$format=application/json', '/reports/getOffice365ActivationCounts'], // query dropped
    ['/reports/getOffice365ActivationCounts', '/reports/getOffice365ActivationCounts'],
    ['/$batch', '/$batch'],
    ['/reports/office365ActivationCounts/proplus?$select', '/reports/office365ActivationCounts/{id}'], // one series for every entity
    ['/reports/office365ActivationCounts/a%2Fb/extra', '/reports/office365ActivationCounts/{id}/{id}'], // depth kept, values not
    ['/', '/'],
  ])('labels %s as %s', (path, label) => {
    expect(upstreamPathLabel(path)).toBe(label);
  });
});
