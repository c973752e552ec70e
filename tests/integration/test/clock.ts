/**
 * The real clock, moved into the future on demand: a test moves time (a consent's expiry, a
 * command decided later than another) by moving the clock, never by waiting.
 */
import { Effect } from "effect"
import * as Clock from "effect/Clock"

/** A clock `ahead` milliseconds ahead of the real one, and the setter of `ahead`. */
export const movedClock = () => {
  let ahead = 0
  const real = Clock.Clock.defaultValue()
  const clock: Clock.Clock = {
    ...real,
    sleep: (duration) => real.sleep(duration),
    currentTimeMillisUnsafe: () => real.currentTimeMillisUnsafe() + ahead,
    currentTimeMillis: Effect.sync(() => real.currentTimeMillisUnsafe() + ahead),
    currentTimeNanosUnsafe: () => real.currentTimeNanosUnsafe() + BigInt(ahead) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => real.currentTimeNanosUnsafe() + BigInt(ahead) * 1_000_000n)
  }
  return {
    clock,
    /** Moves the clock to `ms` milliseconds ahead of the real one. */
    set: (ms: number) => {
      ahead = ms
    }
  }
}
