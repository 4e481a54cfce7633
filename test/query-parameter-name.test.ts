import { decodedParameterName } from '../src/query-parameter-name';

describe('decodedParameterName', () => {
  it.each([
    ['%24select=id,mac', '$select'],
    ['%76ariables=%7B%7D', 'variables'],
    ['a+b=1', 'a b'],
    ['%E0%A4%A=1', '%E0%A4%A'], // a malformed escape stays as written
    ['flag', 'flag'],
    ['=value', ''],
  ])('reads the name of %p as %p', (pair, name) => {
    expect(decodedParameterName(pair)).toBe(name);
  });
});
