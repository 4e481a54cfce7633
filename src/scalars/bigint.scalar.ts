import { GraphQLScalarType, Kind } from 'graphql';
import { Int64Error, toInt64 } from './int64';
import { convertOrGraphQLError as wrap } from './scalar-error';

/**
 * Int64 (Edm.Int64). Output is always a JSON string of decimal digits, whatever the size, so clients
 * never meet a number JavaScript would round. Input: an Int literal (its digits are kept exactly),
 * a String of decimal digits, or a JSON number that is a safe integer.
 */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description:
    'Int64 (Edm.Int64). Output: always a JSON string of decimal digits. Input: an Int literal, or a String of decimal digits; range [-9223372036854775808, 9223372036854775807]. A JSON number variable is accepted only while it is a safe integer (|n| ≤ 9007199254740991): send larger values as strings.',
  serialize: (value) => wrap(() => toInt64(value).toString()),
  parseValue: (value) => wrap(() => toInt64(value)),
  parseLiteral: (ast) =>
    wrap(() => {
      if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toInt64(ast.value);
      throw new Int64Error(`BigInt cannot represent a ${ast.kind} literal: expected an Int literal or a String of decimal digits`);
    }, ast),
});
