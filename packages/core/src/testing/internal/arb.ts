/** Helpers shared by the arbitraries (not part of the public testing API). */
import * as fc from "fast-check"

/** Parsed JSON never has a null prototype, so neither do generated wire objects. */
export const record = <T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> =>
  fc.record(model, { noNullPrototype: true })

/** A record whose keys outside `required` are sometimes absent (never `undefined`). */
export const partialRecord = <T, K extends keyof T>(
  model: { [P in keyof T]: fc.Arbitrary<T[P]> },
  required: ReadonlyArray<K>
): fc.Arbitrary<Pick<T, K> & Partial<Omit<T, K>>> =>
  fc.record(model, { noNullPrototype: true, requiredKeys: [...required] }) as fc.Arbitrary<
    Pick<T, K> & Partial<Omit<T, K>>
  >

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

export const MIN_TIME = Date.UTC(2000, 0, 1)
export const MAX_TIME = Date.UTC(2100, 0, 1)

export const iso = (ms: number): string => new Date(ms).toISOString()

/** Epoch milliseconds between 2000-01-01 and 2100-01-01. */
export const arbMillis = fc.integer({ min: MIN_TIME, max: MAX_TIME })

/** `n` ascending epoch milliseconds (equal neighbours allowed). */
export const arbAscendingMillis = (n: number): fc.Arbitrary<Array<number>> =>
  fc.array(arbMillis, { minLength: n, maxLength: n }).map((ms) => ms.sort((a, b) => a - b))

// Well-formed text only: the model refuses control characters and unpaired surrogates.
const malformed = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** A non-blank, well-formed text of at most `max` characters. */
export const nonBlank = (max: number) => (s: string): boolean =>
  s.trim().length > 0 && s.length <= max && !malformed.test(s)
