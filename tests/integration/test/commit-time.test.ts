/**
 * Issue 11, "a withdrawal takes effect when it is recorded": a command is stamped with the time it
 * is decided at. A withdrawal decided before a disclosure on its consent, but committed after it,
 * stored a `withdrawnAt` earlier than the disclosure's time: read by time, the disclosure came
 * after the withdrawal. Now a commit whose time is earlier than the audit log's last entry is
 * refused (retryably) by the store, and the command is decided again, no earlier than that entry.
 *
 * The race is made deterministic with the store's commit as a hook: the withdrawal's first commit
 * waits until the disclosure, decided a few milliseconds later on the clock, has committed.
 */
import { Store } from "@pomoc/core"
import { DateTime, Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { movedClock } from "./clock.js"
import { consentInput, eva as worker, harness, ola as auditor, school, setUp, T } from "./daily-fixture.js"
import { everyStore } from "./stores.js"

// The disclosure is decided later than the withdrawal by moving the clock, never by waiting.
const moved = movedClock()

/** A store whose first commit of a withdrawal waits at the door until `open()`; `reached` says it is there. */
const gated = (inner: Layer.Layer<Store.Store, unknown>) => {
  let reached!: () => void
  let open!: () => void
  const atDoor = new Promise<void>((resolve) => (reached = resolve))
  const door = new Promise<void>((resolve) => (open = resolve))
  let held = false
  const layer = Layer.effect(
    Store.Store,
    Effect.map(Store.Store, (store): Store.StoreShape => ({
      ...store,
      commit: (unit) => {
        if (held || !unit.audit.some((entry) => entry.operation === "WithdrawConsent")) return store.commit(unit)
        held = true
        reached()
        return Effect.andThen(Effect.promise(() => door), store.commit(unit))
      }
    }))
  ).pipe(Layer.provide(inner))
  return { layer, atDoor, open }
}

describe.each(everyStore)("a withdrawal committed after a disclosure it started before (%s)", (_, storeLayer) => {
  it("takes effect after the disclosure: withdrawnAt is not earlier than the disclosure's time, nor the log's order", async () => {
    const gate = gated(storeLayer())
    const h = harness(gate.layer, { clock: moved.clock })
    const run = h.run
    try {
      await setUp(h)
      const { value: consent } = await run((api) => api.giveConsent(worker, consentInput({ recordedBy: "eva" })))
      // The withdrawal is decided now and waits at the store's door ...
      const withdrawal = run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
      await gate.atDoor
      // ... while a disclosure on the consent, decided 50 ms later, commits.
      moved.set(50)
      const { value: disclosure } = await run((api) =>
        api.disclose(worker, {
          personId: "kuba",
          serviceId: "club",
          recipient: school,
          purpose: "disclosure",
          at: T(4),
          basis: { _tag: "Consent", consentId: consent.id },
          disclosedBy: "eva"
        })
      )
      gate.open()
      const { value: withdrawn } = await withdrawal
      const log = await run((api) => api.auditLog(auditor, { limit: 1000 }))
      const disclosed = log.find((e) => e.subjects.some((s) => s.kind === "disclosure" && s.id === disclosure.id))!
      const withdrawnEntry = log.find((e) => e.operation === "WithdrawConsent")!
      // The chain has the disclosure first; the clock agrees.
      expect(disclosed.seq).toBeLessThan(withdrawnEntry.seq)
      expect(DateTime.toEpochMillis(withdrawn.withdrawnAt!)).toBeGreaterThanOrEqual(Date.parse(disclosed.at))
      expect(Date.parse(withdrawnEntry.at)).toBeGreaterThanOrEqual(Date.parse(disclosed.at))
      const storedConsent = await h.store((s) => s.get("consent", consent.id))
      expect(storedConsent._tag).toBe("Some")
      // The audit log never goes back in time.
      for (const [i, entry] of log.entries()) {
        if (i > 0) expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Date.parse(log[i - 1]!.at))
      }
    } finally {
      moved.set(0)
      await h.dispose()
    }
  })
})
