import { Kind, type ValueNode } from 'graphql';
import { LosslessNumber } from 'lossless-json';
import { BigIntScalar } from '../../src/scalars/bigint.scalar';
import { exactIntegerFromNumberText, toInt64Value } from '../../src/scalars/int64';

const intLiteral = (value: string): ValueNode => ({ kind: Kind.INT, value });
const stringLiteral = (value: string): ValueNode => ({ kind: Kind.STRING, value });

describe('BigInt scalar', () => {
  describe('accepts exact Int64 input', () => {
    it.each<[unknown, bigint]>([
      ['9223372036854775807', 9223372036854775807n], // INT64_MAX as a string
      ['-9223372036854775808', -9223372036854775808n], // INT64_MIN as a string
      ['9007199254740993', 9007199254740993n], // 2^53 + 1: JSON.parse would round it
      ['0', 0n],
      ['-0', 0n], // negative zero is still zero
      [9007199254740991, 9007199254740991n], // largest safe JSON number
      [-9007199254740991, -9007199254740991n], // smallest safe JSON number
      [42, 42n],
    ])('parseValue(%p) = %p', (input, expected) => {
      expect(BigIntScalar.parseValue(input)).toBe(expected);
    });

    it.each<[string, bigint]>([
      ['9223372036854775807', 9223372036854775807n], // the AST keeps every digit of an Int literal
      ['-9223372036854775808', -9223372036854775808n],
      ['9007199254740993', 9007199254740993n],
    ])('parseLiteral(Int %s) and parseLiteral(String %s) are exact', (text, expected) => {
      expect(BigIntScalar.parseLiteral(intLiteral(text))).toBe(expected);
      expect(BigIntScalar.parseLiteral(stringLiteral(text))).toBe(expected);
    });
  });

  describe('refuses anything inexact or malformed, naming the value', () => {
    it.each<[unknown, RegExp]>([
      [9007199254740992, /9007199254740992 exactly.*send the value as a string/], // 2^53: already rounded by JSON.parse
      [1e20, /send the value as a string/], // far outside the safe range
      [1.5, /non-integer value: 1\.5/],
      [Number.NaN, /non-integer value: NaN/],
      [Number.POSITIVE_INFINITY, /non-integer value: Infinity/],
      ['9223372036854775808', /outside the Int64 range/], // INT64_MAX + 1
      ['-9223372036854775809', /outside the Int64 range/], // INT64_MIN - 1
      ['1'.repeat(5000), /outside the Int64 range/], // huge digit string refused before BigInt()
      ['1.5', /expected decimal digits/], // fraction in a string
      ['1e3', /expected decimal digits/], // exponent
      ['+1', /expected decimal digits/], // explicit plus sign
      [' 1', /expected decimal digits/], // leading whitespace
      ['1 ', /expected decimal digits/], // trailing whitespace
      ['0x10', /expected decimal digits/], // hex
      ['', /expected decimal digits/], // empty string
      ['007', /expected decimal digits/], // leading zeros are not canonical
      ['١٢', /expected decimal digits/], // non-ASCII digits
      [true, /expected an integer or a string of decimal digits/],
      [{}, /an object/],
      [[1], /a list/],
    ])('parseValue(%p) fails', (input, message) => {
      expect(() => BigIntScalar.parseValue(input)).toThrow(message);
    });

    it.each<[ValueNode, RegExp]>([
      [{ kind: Kind.FLOAT, value: '1.0' }, /FloatValue literal/], // a float literal, even a whole one
      [{ kind: Kind.BOOLEAN, value: true }, /BooleanValue literal/],
      [{ kind: Kind.ENUM, value: 'ONE' }, /EnumValue literal/],
      [intLiteral('9223372036854775808'), /outside the Int64 range/],
      [stringLiteral('12a'), /expected decimal digits/],
    ])('parseLiteral(%p) fails with the node attached', (node, message) => {
      try {
        BigIntScalar.parseLiteral(node);
        throw new Error('expected a failure');
      } catch (error: unknown) {
        expect((error as Error).message).toMatch(message);
        expect((error as { nodes?: unknown[] }).nodes).toEqual([node]);
      }
    });
  });

  describe('serializes to a decimal string, whatever form the upstream used', () => {
    it.each<[unknown, string]>([
      [9223372036854775807n, '9223372036854775807'], // bigint from the lossless parser
      [9157, '9157'], // safe JSON number from the fast path
      [Number.MAX_SAFE_INTEGER, '9007199254740991'], // the largest number kept as a number: no exponent
      [-Number.MAX_SAFE_INTEGER, '-9007199254740991'],
      [-0, '0'], // as BigInt(-0) writes it
      ['-9223372036854775808', '-9223372036854775808'], // IEEE754Compatible=true style string
      [new LosslessNumber('1e3'), '1000'], // exponent form, exactly an integer
      [new LosslessNumber('9.007199254740993e15'), '9007199254740993'], // exponent form JSON.parse would round
    ])('serialize(%p) = %p', (value, expected) => {
      expect(BigIntScalar.serialize(value)).toBe(expected);
    });

    it.each<[unknown, RegExp]>([
      [new LosslessNumber('1.5'), /non-integer value: 1\.5/],
      [new LosslessNumber('1.0000000000000001'), /non-integer/], // would round to 1 as a double
      [9223372036854775808n, /outside the Int64 range/],
      [2 ** 60, /send the value as a string/],
      [Number.MAX_SAFE_INTEGER + 1, /send the value as a string/], // a number that never was validated is still checked
      [1.5, /non-integer value: 1\.5/],
      [Number.NaN, /non-integer value: NaN/],
    ])('serialize(%p) fails', (value, message) => {
      expect(() => BigIntScalar.serialize(value)).toThrow(message);
    });
  });

  describe('toInt64Value, the form the mapper stores', () => {
    it.each<[unknown, bigint | number]>([
      [9157, 9157], // a safe integer stays the number it is: exact, no BigInt made
      [-Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER], // the edge of the safe range
      [9223372036854775807n, 9223372036854775807n], // the lossless parser's bigint stays a bigint
      ['42', 42n], // digits in a string are exact as a bigint
      [new LosslessNumber('1e3'), 1000n],
    ])('toInt64Value(%p) = %p', (value, expected) => {
      expect(toInt64Value(value)).toBe(expected);
    });

    it.each<[unknown, RegExp]>([
      [Number.MAX_SAFE_INTEGER + 1, /lose digits; send the value as a string/], // a number JSON.parse may have rounded
      [2.5, /non-integer value: 2\.5/],
      [9223372036854775808n, /outside the Int64 range/],
    ])('toInt64Value(%p) refuses it as toInt64 does', (value, message) => {
      expect(() => toInt64Value(value)).toThrow(message);
    });
  });

  it.each<[string, bigint | null]>([
    ['12', 12n],
    ['-12', -12n],
    ['1.20e1', 12n], // fraction shifted away by the exponent
    ['1200e-2', 12n], // trailing zeros dropped by a negative exponent
    ['1.25e1', null], // 12.5
    ['0.0', 0n],
    ['1e500', null], // absurd exponent refused, not computed
    ['abc', null],
  ])('exactIntegerFromNumberText(%p) = %p', (text, expected) => {
    expect(exactIntegerFromNumberText(text)).toBe(expected);
  });
});
