/**
 * The quickstart's second evening (issue 12): the week after, on the same database. Eva finds the
 * regulars again by the nicknames they gave, however she types them (the blind index: no
 * nickname is stored in plaintext), corrects a contact she mistyped (its change history kept for
 * the coordinator), and the debt counsellor marks a step of the client's plan done, a week after
 * the client did it.
 */
import { Casework } from "@pomoc/core"
import { DateTime, Effect } from "effect"

const eva = "worker-eva"
const petr = "counsellor-petr"
const coordinator = "coordinator-marta"

/** What the second evening did, for printing and for its test (ids and counts only). */
export interface SecondEvening {
  /** How each nickname was typed (never the nickname), and the ids of the people it found. */
  readonly found: ReadonlyArray<{ readonly typed: string; readonly ids: ReadonlyArray<string> }>
  /** The contact corrected: its id, its duration before and after, and how many changes its history holds. */
  readonly corrected: {
    readonly id: string
    readonly before: number
    readonly after: number
    readonly changes: number
  }
  /** The plan step marked done: its id, who did it and when. */
  readonly stepDone: { readonly id: string; readonly doneBy: string; readonly doneAt: string }
  /** The plan's steps done, of all its steps. */
  readonly plan: { readonly done: number; readonly steps: number }
}

/** The second evening: run it after {@link quickstart} on the same store and keys. */
export const secondEvening = Effect.gen(function*() {
  const pomoc = yield* Casework.Casework
  // "kuba " with a stray space, "ŽANETA" in capitals: one nickname each, found again.
  const found: Array<SecondEvening["found"][number]> = []
  const searches = [
    ["kuba ", "typed lower-case, with a stray space"],
    ["ŽANETA", "typed in capitals"],
    ["Dan", "typed as given"],
    ["Petra", "a nickname nobody here gave"]
  ] as const
  for (const [nickname, typed] of searches) {
    const { people } = yield* pomoc.findPeople(eva, { serviceId: "club-ostrov", nickname })
    found.push({ typed, ids: people.map((p) => p.id) })
  }
  // Last Tuesday's evening lasted two hours, not three: correct it; the history keeps both.
  const kuba = found[0]!.ids[0]!
  const history = yield* pomoc.personHistory(eva, kuba)
  const evening = (history.contacts ?? []).find((c) => c.mode === "group")!
  const { value: fixed } = yield* pomoc.correctContact(eva, { id: evening.id, changes: { durationMinutes: 120 } })
  const changes = yield* pomoc.recordChanges(coordinator, { kind: "contact", id: evening.id })
  // The client brought all the letters last week: the counsellor marks her step done now.
  const doneAt = DateTime.formatIso(DateTime.makeUnsafe(Date.UTC(2025, 2, 6, 16)))
  const { value: step } = yield* pomoc.completeStep(petr, {
    planId: "plan-1",
    stepId: "step-1",
    doneBy: "person",
    doneAt
  })
  const plan = (yield* pomoc.personHistory(petr, "client-1")).plans?.find((p) => p.id === "plan-1")
  const steps = plan?.goals.flatMap((g) => g.steps) ?? []
  return {
    found,
    corrected: {
      id: evening.id,
      before: evening.durationMinutes,
      after: fixed.durationMinutes,
      changes: changes.items.length
    },
    stepDone: { id: step.id, doneBy: step.doneBy ?? "", doneAt: step.doneAt ? DateTime.formatIso(step.doneAt) : "" },
    plan: { done: steps.filter((s) => s.doneAt !== undefined).length, steps: steps.length }
  } satisfies SecondEvening
})

/** Prints the second evening (no personal data: ids, counts and codes only). */
export const formatSecondEvening = (e: SecondEvening): string =>
  [
    "",
    "== the second evening (a week later, same database)",
    ...e.found.map((f) => `  findPeople (${f.typed}): ${f.ids.length === 0 ? "nobody" : f.ids.join(", ")}`),
    `  correctContact ${e.corrected.id}: ${e.corrected.before} → ${e.corrected.after} minutes (history: ${e.corrected.changes} change(s), for the coordinator)`,
    `  completeStep ${e.stepDone.id}: done by the ${e.stepDone.doneBy} on ${
      e.stepDone.doneAt.slice(0, 10)
    } (plan: ${e.plan.done} of ${e.plan.steps} steps done)`
  ].join("\n")
