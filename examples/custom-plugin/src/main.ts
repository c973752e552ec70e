/**
 * Registers the night shelter next to nothing else, and uses it: its labels in four languages,
 * a contact recorded with its codes, and the principles engine (core rules and the shelter's)
 * deciding on commands. Run with `npm start -w @pomoc/example-custom-plugin`.
 */
import { type Facts, type InvalidInput, type Labels, Language, type PluginError, Registry } from "@pomoc/core"
import { DateTime, Effect } from "effect"
import { nightShelter } from "./nightShelter.js"

const facts = (overrides: Partial<Facts.Facts> = {}): Facts.Facts => ({
  now: DateTime.makeUnsafe("2025-01-15T21:00:00Z"),
  actor: { id: "worker-1", role: "worker" },
  service: {
    id: "shelter-brno",
    type: nightShelter.id,
    principles: nightShelter.principles,
    freeOfCharge: false,
    ageRange: { min: 18, max: 150 },
    acceptsAnonymous: true,
    requiresIdentity: false,
    config: nightShelter.config
  },
  consents: [],
  ...overrides
})

/** What the example shows, as data. */
export interface Summary {
  readonly name: Labels
  readonly interventions: Readonly<Record<string, ReadonlyArray<string>>>
  readonly contact: { readonly decision: string; readonly warnings: ReadonlyArray<string> }
  readonly endCooperation: string
  readonly eligibilityWhenHoused: { readonly decision: string; readonly warnings: ReadonlyArray<string> }
  readonly derived: ReadonlyArray<Registry.DerivedOutcome>
}

/** Registers the night shelter and uses it (the test checks the summary). */
export const run: Effect.Effect<Summary, PluginError.PluginError | InvalidInput> = Effect.gen(function*() {
  const registry = yield* Registry.make([nightShelter])

  const interventions = Object.fromEntries(
    Language.literals.map((language: Language) => [
      language,
      registry.taxonomies.interventions.map((entry) => entry.labels[language])
    ])
  )

  // The codes are checked by the compiler: "bed-nigth" would not compile.
  const recordContact = yield* registry.recordContact("night-shelter", {
    id: "contact-1",
    serviceId: "shelter-brno",
    at: "2025-01-15T21:00:00Z",
    durationMinutes: 600,
    locationKind: "dormitory",
    workers: ["worker-1"],
    participants: [],
    anonymousCount: 30,
    interventions: ["bed-night", "warm-meal"],
    channel: "in-person",
    firstContact: false,
    mode: "group"
  })
  const overCapacity = registry.engine.explain(recordContact, facts())

  const endCooperation = registry.engine.check(
    { _tag: "EndCooperation", cooperationId: "cooperation-1" as never, endedBy: "person" },
    facts()
  )

  const housed = registry.engine.explain(
    { _tag: "AssessEligibility", serviceId: "shelter-brno" as never },
    facts({
      person: {
        id: "person-1",
        identityLevel: "anonymous",
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        protected: {},
        situation: { housing: "own" }
      }
    })
  )

  return {
    name: registry.serviceType("night-shelter").labels.name,
    interventions,
    contact: { decision: overCapacity.decision._tag, warnings: overCapacity.decision.warnings.map((w) => w.rule) },
    endCooperation: endCooperation._tag,
    eligibilityWhenHoused: {
      decision: housed.decision._tag,
      warnings: housed.decision.warnings.map((w) => w.rule)
    },
    derived: registry.derive("night-shelter", {
      asOf: DateTime.makeUnsafe("2025-01-16T08:00:00Z"),
      contacts: [recordContact.contact],
      plans: [],
      measurements: []
    })
  }
})

if (import.meta.url === `file://${process.argv[1]}`) {
  Effect.runPromise(run).then(
    (summary) => console.log(JSON.stringify(summary, null, 2)),
    (error: unknown) => {
      console.error(error)
      process.exitCode = 1
    }
  )
}
