import type { CallerServices } from '../src/activation-counts/activation-counts.feature';
import { createContext } from '../src/context';

/** Apollo Server 5 runs each operation on this copy of the context (ApolloServer.js, cloneObject). */
const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context) as object), context) as T;

describe('createContext', () => {
  it("builds the caller's services on first use only, once, and through Apollo's copy of the context", () => {
    const built: string[] = [];
    const services = { maxIdsPerQuery: 7 } as CallerServices;
    const factory = (caller: { authorization: string }) => {
      built.push(caller.authorization);
      return services;
    };
    const context = apolloCopy(createContext(factory, { requestId: 'r1', authorization: 'Bearer abc' }));
    expect(built).toEqual([]); // `{ __typename }` and introspection never get here
    expect(context.caller).toBe(services);
    expect(context.caller).toBe(services);
    expect(built).toEqual(['Bearer abc']);
    expect(context.requestId).toBe('r1');
  });

  it('has no caller, and says why, without a usable bearer header', () => {
    const factory = () => {
      throw new Error('must not be built');
    };
    const missing = apolloCopy(createContext(factory, { requestId: 'r2', authorization: undefined }));
    expect(missing.caller).toBeUndefined();
    expect(missing.authProblem).toMatch(/No Authorization header/);
    const basic = apolloCopy(createContext(factory, { requestId: 'r3', authorization: 'Basic dXNlcjpwYXNz' }));
    expect(basic.caller).toBeUndefined();
    expect(basic.authProblem).toMatch(/not a bearer token/);
  });
});
