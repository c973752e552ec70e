/**
 * Race scenarios of issue 9, shared by the PostgreSQL test (two runtimes, two pools) and the
 * SQLite test (two processes on one file, see `fixtures/race-child.ts`): one racer withdraws a
 * consent while the other discloses on it, and both racers start a cooperation for the same
 * person. Afterwards the store is checked for decisions taken on stale facts.
 */
import { Audit, Casework, FieldCrypto, Principles, StaffDirectory, Store } from "@pomoc/core"
import { DateTime, Effect, Layer, ManagedRuntime } from "effect"
import { expect } from "vitest"
import { serviceTypes } from "./model.js"

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
/** Two workers of the club, one per racer. */
export const workers = [
  { id: "worker-1", grants: [{ role: "worker", services: ["club"] }] },
  { id: "worker-2", grants: [{ role: "worker", services: ["club"] }] }
] as const
const auditor = { id: "auditor-1", grants: [{ role: "auditor", services: "*" }] }

const recipient = { kind: "school", name: "ZŠ Komenského" } as const
const at = (minutes: number) => DateTime.formatIso(DateTime.makeUnsafe(Date.UTC(2026, 0, 1) + minutes * 60_000))

/** The ids of race `i`. */
export const ids = (i: number) => ({ person: `race-p-${i}`, consent: `race-c-${i}`, disclosure: `race-d-${i}` })

type Api = Casework.Api

/** A case-work API over a store, as one process or connection pool sees it. */
export interface Racer {
  readonly run: <A, E>(f: (api: Api, store: Store.StoreShape) => Effect.Effect<A, E>) => Promise<A>
  readonly dispose: () => Promise<void>
}

/** A racer on its own runtime (its own store connection). */
export const racer = (storeLayer: Layer.Layer<Store.Store, unknown>, key: Uint8Array): Racer => {
  const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
    Layer.provide(StaffDirectory.layerList([admin, auditor, ...workers])),
    Layer.provide(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
    Layer.provideMerge(storeLayer)
  )
  const runtime = ManagedRuntime.make(layer)
  return {
    run: (f) =>
      runtime.runPromise(Effect.gen(function*() {
        const api = yield* Casework.Casework
        const store = yield* Store.Store
        return yield* f(api, store)
      })),
    dispose: () => runtime.dispose()
  }
}

/** The organisation, the club and, for every race, a person with a consent to disclose to the school. */
export const prepare = async (r: Racer, races: number) => {
  await r.run((api) => api.registerOrganisation(admin, { id: "org", name: "Klub Pomoc" }))
  await r.run((api) =>
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Nízkoprahový klub",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...Principles.corePrincipleIds],
      freeOfCharge: true,
      firstContactChannels: ["street"],
      registeredAt: at(0)
    })
  )
  for (let i = 0; i < races; i++) {
    const { consent, person } = ids(i)
    await r.run((api) =>
      api.registerPerson(workers[0], {
        _tag: "anonymous",
        id: person,
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "not-stated",
        needs: [],
        registeredAt: at(1)
      })
    )
    await r.run((api) =>
      api.giveConsent(workers[0], {
        id: consent,
        personId: person,
        serviceId: "club",
        purpose: "disclosure",
        grantee: recipient,
        validFrom: at(0),
        givenAt: at(2),
        form: "verbal",
        recordedBy: workers[0].id
      })
    )
  }
}

/** The racers' moves. Each answers `"ok"` or the failure's tag (a refusal, a conflict, ...). */
export const moves = {
  withdraw: (api: Api, i: number) => api.withdrawConsent(workers[0], { consentId: ids(i).consent }),
  disclose: (api: Api, i: number) =>
    api.disclose(workers[1], {
      id: ids(i).disclosure,
      personId: ids(i).person,
      serviceId: "club",
      recipient,
      purpose: "disclosure",
      at: at(3),
      basis: { _tag: "Consent", consentId: ids(i).consent },
      disclosedBy: workers[1].id
    }),
  start: (who: 0 | 1) => (api: Api, i: number) =>
    api.startCooperation(workers[who], { serviceId: "club", personId: ids(i).person, startedAt: at(3) })
} as const

/** Runs a move and answers how it ended, without throwing. */
export const outcome = (effect: Effect.Effect<unknown, { readonly _tag: string }>): Effect.Effect<string> =>
  effect.pipe(
    Effect.as("ok"),
    Effect.catch((e) =>
      Effect.succeed(
        e._tag === "StoreError" && "reason" in e ? `StoreError/${(e.reason as { _tag: string })._tag}` : e._tag
      )
    )
  )

/** What the store holds after the races. */
export interface Verdict {
  /** Races whose disclosure was committed after the withdrawal it should have seen. */
  readonly staleDisclosures: ReadonlyArray<number>
  /** People left with more than one active cooperation. */
  readonly doubleCooperations: ReadonlyArray<number>
  /** Disclosures committed / withdrawals committed / cooperations committed. */
  readonly disclosures: number
  readonly withdrawals: number
  readonly cooperations: number
  /** Whether the audit chain verifies. */
  readonly intact: boolean
}

/** Reads the outcome of `races` races from the store, through the audit log (commit order). */
export const verdict = (r: Racer, races: number): Promise<Verdict> =>
  r.run((api, store) =>
    Effect.gen(function*() {
      const entries = yield* api.auditLog(auditor, { limit: 100_000 })
      const seqOf = (operation: string, id: string) =>
        entries.find((e) => e.operation === operation && e.outcome === "allowed" && e.subjects.some((s) => s.id === id))
          ?.seq
      const staleDisclosures: Array<number> = []
      const doubleCooperations: Array<number> = []
      let disclosures = 0, withdrawals = 0, cooperations = 0
      for (let i = 0; i < races; i++) {
        const disclosed = seqOf("Disclose", ids(i).disclosure)
        const withdrawn = seqOf("WithdrawConsent", ids(i).consent)
        if (disclosed !== undefined) disclosures++
        if (withdrawn !== undefined) withdrawals++
        // Commits are serialised through the audit head: a disclosure sealed after the withdrawal
        // was decided on a consent that was no longer in force when it was committed.
        if (disclosed !== undefined && withdrawn !== undefined && disclosed > withdrawn) staleDisclosures.push(i)
        const stored = yield* store.list({ kind: "cooperation", personId: ids(i).person })
        const active = stored.filter((c) => c.facets["active"] === true).length
        cooperations += stored.length
        if (active > 1) doubleCooperations.push(i)
      }
      return {
        staleDisclosures,
        doubleCooperations,
        disclosures,
        withdrawals,
        cooperations,
        intact: Audit.verify(entries)._tag === "Intact"
      }
    })
  )

/**
 * Checks the store after `races` races whose outcomes (`withdraw/disclose`, then
 * `start/start`, per race) are given: the chain verifies, every withdrawal was committed, and no
 * decision was committed on stale facts (the failing races' outcomes are shown otherwise).
 */
export const expectNoStaleDecision = async (r: Racer, races: number, outcomes: ReadonlyArray<string>) => {
  expect(outcomes.length).toBe(2 * races)
  const result = await verdict(r, races)
  expect(result.intact).toBe(true)
  // every withdrawal is committed; the refused or conflicting moves changed nothing
  expect(result.withdrawals).toBe(races)
  expect(result.cooperations).toBeGreaterThanOrEqual(races)
  expect({
    stale: result.staleDisclosures.length,
    double: result.doubleCooperations.length,
    outcomes: [
      ...result.staleDisclosures.map((i) => outcomes[2 * i]),
      ...result.doubleCooperations.map((i) => outcomes[2 * i + 1])
    ]
  }).toEqual({ stale: 0, double: 0, outcomes: [] })
}
