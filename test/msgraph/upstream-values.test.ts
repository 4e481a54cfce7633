import { parseRetryAfterSeconds } from '../../src/msgraph/retry-after';
import { truncatedText, upstreamExcerpt } from '../../src/msgraph/upstream-excerpt';

const NOW = Date.parse('Tue, 01 Dec 2026 09:00:00 GMT');

describe('Retry-After is parsed strictly', () => {
  it.each<[string | undefined, number | undefined]>([
    ['7', 7], // delta-seconds
    [' 7 ', 7], // surrounding whitespace
    ['0', 0], // retry now
    ['-5', undefined], // negative: V8's Date.parse read it as a date in 2001
    ['1.5', undefined], // not whole seconds
    ['+5', undefined], // no sign
    ['12345678901', undefined], // more than ten digits: no sane wait
    ['Tue, 01 Dec 2026 09:00:30 GMT', 30], // IMF-fixdate
    ['Tuesday, 01-Dec-26 09:00:30 GMT', 30], // obsolete RFC 850
    ['Tue Dec  1 09:00:30 2026', 30], // obsolete asctime (GMT by definition)
    ['Tue, 01 Dec 2026 08:00:00 GMT', 0], // a date in the past: no wait
    ['2026-12-01T09:00:30Z', undefined], // ISO 8601 is no HTTP-date
    ['Tue, 01 Dec 2026 09:00:30 +0100', undefined], // only GMT
    ['soon', undefined], // prose
    ['', undefined], // empty
    [undefined, undefined], // absent
  ])('%p → %p', (header, seconds) => {
    expect(parseRetryAfterSeconds(header, NOW)).toBe(seconds);
  });
});

describe('upstream excerpts', () => {
  it.each([
    ['short', '"short"'], // kept whole
    ['x'.repeat(40), `"${'x'.repeat(40)}"`], // exactly the limit
    ['y'.repeat(41), `"${'y'.repeat(40)}"…(41 chars)`], // cut, with the length
    ['a\u001b[2Jb\nc', '"a\uFFFD[2Jb\uFFFDc"'], // terminal escapes and newlines replaced
    ['\u202Eevil', '"\uFFFDevil"'], // bidi override replaced
  ])('%j → %s', (text, expected) => {
    expect(upstreamExcerpt(text)).toBe(expected);
  });

  it('cuts prose without quoting it', () => {
    expect(truncatedText(`reason ${'z'.repeat(300)}`, 10)).toBe('reason zzz…(307 chars)');
  });
});
