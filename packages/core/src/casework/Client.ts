/**
 * The Promise face of the case-work API, for apps that do not use Effect. Every method returns
 * a Promise; a failure rejects with one of the typed error classes (`InvalidInput`,
 * `AccessDenied`, `CommandRefused`, `InvalidCommand`, `NotFound`, `StoreError`, …), each an
 * `Error` with a `_tag`, so `instanceof` and `switch (error._tag)` both work.
 *
 * @since 0.1.0
 */
import { Effect, type Layer, ManagedRuntime } from "effect"
import { Pomoc, type PomocShape } from "./Pomoc.js"

/**
 * An Effect-returning operation as the async method of the same arguments.
 * @since 0.1.0
 * @category models
 */
export type Promised<F> = F extends (...args: infer A) => Effect.Effect<infer R, infer _E, infer _C> ? (...args: A) => Promise<R> : never

/**
 * Every case-work operation as an async method, plus `dispose` to close the store.
 * @since 0.1.0
 * @category models
 */
export type PomocClient = { readonly [K in keyof PomocShape]: Promised<PomocShape[K]> } & {
  /** Releases the store (closes database connections). */
  readonly dispose: () => Promise<void>
}

// Every operation of the case-work API, once: the mapped type makes the compiler refuse a
// missing or unknown operation, so the client can never fall behind the API.
const operations: { readonly [K in keyof PomocShape]: true } = {
  registerOrganisation: true, registerService: true, registerLocation: true, registerPerson: true,
  changeIdentityLevel: true, recordContact: true, assessEligibility: true, startCooperation: true,
  endCooperation: true, giveConsent: true, withdrawConsent: true, disclose: true, refer: true,
  updateReferral: true, createPlan: true, addGoal: true, addPlanStep: true, setGoalStatus: true,
  reviewPlan: true, recordOutcome: true, recordActivity: true, recordAttendance: true,
  registerVolunteer: true, recordVolunteerHours: true, chargeFee: true, getPerson: true,
  personHistory: true, exportPerson: true, erasePerson: true, report: true, publishReport: true,
  auditLog: true, verifyAudit: true
}
const operationNames = Object.keys(operations) as ReadonlyArray<keyof PomocShape>

/**
 * Builds the Promise client from a layer that provides {@link Pomoc} (for example
 * `Pomoc.layer(config)` provided with a store and a field-crypto layer).
 *
 * @example
 * ```ts
 * const client = createClient(layer)
 * const { value: person } = await client.registerPerson(actor, { _tag: "pseudonymous", … })
 * await client.dispose()
 * ```
 * @since 0.1.0
 * @category constructors
 */
export const createClient = <E>(layer: Layer.Layer<Pomoc, E>): PomocClient => {
  const runtime = ManagedRuntime.make(layer)
  const methods: Record<string, unknown> = {
    dispose: () => runtime.dispose()
  }
  for (const name of operationNames) {
    methods[name] = (actor: unknown, input: unknown) =>
      runtime.runPromise(
        Pomoc.use((api) => (api[name] as (a: unknown, i: unknown) => Effect.Effect<unknown, unknown>)(actor, input))
      )
  }
  return methods as PomocClient
}
