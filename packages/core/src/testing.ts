import { InputError } from './input_error';

/** The InputError that `f` throws (tests of bad input); anything else thrown passes through, nothing thrown fails. */
export function thrownInputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}
