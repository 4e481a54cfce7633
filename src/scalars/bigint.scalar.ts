import { GraphQLScalarType, Kind } from 'graphql';
import { Int64Error, INT64_MAX, INT64_MIN, toInt64 } from './int64';
import { convertOrGraphQLError as wrap, convertValueOrGraphQLError as convert } from './scalar-error';

/**
 * Output text of an Int64. What the mapper stores (a bigint, or a safe-integer number: see
 * toInt64Value) was validated on the way in, so it only needs the cheap checks that also catch a
 * value that never was (its range; a number's safety); anything else goes through the one validator.
 */
function int64Text(value: unknown): string {
  if (typeof value === 'bigint' && value >= INT64_MIN && value <= INT64_MAX) return value.toString();
  // A safe integer's decimal text, exactly: never an exponent, and V8 caches the text of recent numbers.
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return toInt64(value).toString();
}

/**
 * Int64 (Edm.Int64). Output is always a JSON string of decimal digits, whatever the size, so clients
 * never meet a number JavaScript would round. Input: an Int literal (its digits are kept exactly),
 * a String of decimal digits, or a JSON number that is a safe integer.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description:
    'Int64 (Edm.Int64). Output: always a JSON string of decimal digits. Input: an Int literal, or a String of decimal digits; range [-9223372036854775808, 9223372036854775807]. A JSON number variable is accepted only while it is a safe integer (|n| ≤ 9007199254740991): send larger values as strings.',
  serialize: (value) => convert(int64Text, value),
  parseValue: (value) => convert(toInt64, value),
  parseLiteral: (ast) =>
    wrap(() => {
      if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toInt64(ast.value);
      throw new Int64Error(`BigInt cannot represent a ${ast.kind} literal: expected an Int literal or a String of decimal digits`);
    }, ast),
});
