import { parse } from 'graphql';
import { DocumentCache } from '../../src/security/document-cache';

const doc = (n: number) => parse(`{ a${n}: __typename }`); // 17 or 18 characters each

describe('DocumentCache (Apollo documentStore bounded by query text)', () => {
  it('keeps at most maxSourceChars of query text, evicting the least recently used', async () => {
    const cache = new DocumentCache(100);
    for (let i = 0; i < 50; i++) await cache.set(`k${i}`, doc(i));
    expect(cache.size.sourceChars).toBeLessThanOrEqual(100);
    expect(cache.size.documents).toBeGreaterThan(0);
    expect(await cache.get('k0')).toBeUndefined();
    expect(await cache.get('k49')).toBeDefined();
  });

  it('keeps a document that was just read when making room', async () => {
    const cache = new DocumentCache(40); // room for two
    await cache.set('a', doc(1));
    await cache.set('b', doc(2));
    await cache.get('a');
    await cache.set('c', doc(3));
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('b')).toBeUndefined();
  });

  it('never caches a document larger than the whole budget, and accounts replacements once', async () => {
    const cache = new DocumentCache(30);
    await cache.set('big', parse(`{ ${'__typename '.repeat(10)} }`));
    expect(cache.size).toEqual({ documents: 0, sourceChars: 0 });
    await cache.set('x', doc(1));
    await cache.set('x', doc(1));
    expect(cache.size.documents).toBe(1);
    expect(await cache.delete('x')).toBe(true);
    expect(cache.size).toEqual({ documents: 0, sourceChars: 0 });
  });
});
