import type { z } from 'zod';

/** One contract method: the schema its argument must pass and (as a type only) what it returns. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field: carries the result type, never read at run time. */
  output?: O;
}

export function method<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): MethodSpec<I, O> {
      return { input };
    },
  };
}
