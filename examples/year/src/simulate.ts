/**
 * The year: five organisations, 52 weeks, every write through the case-work API (decoded,
 * authorised, checked against the principles, personal fields encrypted, stored, audited), one
 * batch per organisation and week. Then the principles at work (each refusal with its principle,
 * rule and reason), an erasure (the person gone, the counts kept), every report of each plugin,
 * and the audit chain verified.
 */
import {
  AccessDenied,
  Audit,
  Casework,
  CommandRefused,
  FieldCrypto,
  type KeyMaterial,
  NotFound,
  Registry,
  type ReportResult,
  StaffDirectory,
  StaffMember,
  type Store
} from "@pomoc/core"
import { childrenInCare } from "@pomoc/service-children-in-care"
import { communityCentre } from "@pomoc/service-community-centre"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { streetWork } from "@pomoc/service-street-work"
import { Effect, Layer, Option, Schema } from "effect"
import { weeks, year } from "./calendar.js"
import { care } from "./organisations/care.js"
import { centre } from "./organisations/centre.js"
import { club } from "./organisations/club.js"
import { debt, debtCoordinator, debtServiceId, erasedClient } from "./organisations/debt.js"
import { street } from "./organisations/street.js"
import * as Random from "./random.js"
import { type Actor, type Attempt, auditor, type Command, enrolled, type Figure, type Script } from "./script.js"

/** The plugins of the five organisations. */
export const registry: Registry.Registry = Registry.makeUnsafe([
  lowThresholdClub,
  streetWork,
  debtCounselling,
  communityCentre,
  childrenInCare
])

const decodeMember = Schema.decodeUnknownSync(StaffMember)

/** The demo's staff directory: the actors its scripts enrol (looked up when an actor acts). */
const directory = Layer.succeed(StaffDirectory.StaffDirectory, {
  find: (id) => Effect.sync(() => Option.map(Option.fromNullishOr(enrolled.get(id)), decodeMember)),
  isEmpty: Effect.sync(() => enrolled.size === 0)
})

/** The case-work API over a store, with the application's field-encryption key. */
export const caseworkLayer = <E>(store: Layer.Layer<Store.Store, E>, key: KeyMaterial.KeyMaterial) =>
  Casework.layer(Casework.configFromRegistry(registry)).pipe(
    Layer.provide(directory),
    Layer.provide(FieldCrypto.layer({ keys: { "key-2025": key }, current: "key-2025" })),
    Layer.provideMerge(store)
  )

/** A refusal, in plain words. */
export interface Refusal {
  readonly what: string
  readonly operation: string
  readonly error: string
  /** For each principle (or access rule) that said no: its name, the rule and the reason. */
  readonly why: ReadonlyArray<{ readonly principle: string; readonly rule: string; readonly reason: string }>
}

/** What the year recorded for one organisation. */
export interface OrganisationYear {
  readonly id: string
  readonly name: string
  readonly country: string
  readonly language: Script["language"]
  readonly serviceId: string
  readonly serviceName: string
  readonly serviceType: string
  readonly figures: ReadonlyArray<Figure>
  readonly commands: number
  readonly refusals: ReadonlyArray<Refusal>
  /** Every report of the service's plugin for the year, as the API returns them (suppressed). */
  readonly reports: ReadonlyArray<ReportResult>
}

/** What the whole run produced. */
export interface Year {
  readonly seed: number
  readonly organisations: ReadonlyArray<OrganisationYear>
  readonly commands: number
  /** Report runs: each is audited (who, which report, which period; never a cell). */
  readonly reportRuns: number
  readonly erasure: {
    readonly person: string
    /** The report's total before and after: erasure removes the person, not the counts. */
    readonly totalBefore: string
    readonly totalAfter: string
    readonly reportLabel: string
    /** What reading the erased person answers now. */
    readonly readAfter: string
  }
  readonly audit: { readonly entries: number; readonly intact: boolean; readonly head: string }
}

const denials: Readonly<Record<AccessDenied["reason"], string>> = {
  "no-grants": "this person holds no grants at all",
  "unknown-operation": "there is no such operation",
  "no-role-grants-operation": "none of their roles may do this anywhere",
  "service-out-of-scope": "their role may do this only in their own services",
  "service-required": "their role may do this only in their own services, and no service was named",
  "already-set-up": "the organisation's first administrator was set up already"
}

const principleName = (id: string): string => registry.principles.find((p) => p.id === id)?.labels.en ?? id

const explain = (attempt: Attempt, error: Casework.CaseworkError): Refusal => ({
  what: attempt.what,
  operation: attempt.op,
  error: error._tag,
  why: error instanceof CommandRefused
    ? [
      ...error.violations.map((v) => ({ principle: principleName(v.principle), rule: v.rule, reason: v.reason })),
      ...error.requirements.map((r) => ({
        principle: principleName(r.principle),
        rule: r.rule,
        reason: `requires ${r.kind}: ${r.detail}`
      }))
    ]
    : error instanceof AccessDenied
    ? [{ principle: "Access control (default deny)", rule: error.reason, reason: denials[error.reason] }]
    : error instanceof NotFound
    ? [{
      principle: "Access control (default deny)",
      rule: "not-found",
      reason:
        `no ${error.kind} with this id is visible to them: another service's record looks exactly like one that does not exist`
    }]
    : [{ principle: "(input)", rule: error._tag, reason: error.message }]
})

/** The organisations of the demo, in the order they are printed. */
export const scripts = (): ReadonlyArray<Script> => [club(), street(), debt(), centre(), care()]

/** Consecutive commands of one actor, so each batch has one actor. */
const byActor = (
  commands: ReadonlyArray<Command>
): Array<{ readonly actor: Actor; readonly commands: Array<Command> }> => {
  const groups: Array<{ actor: Actor; commands: Array<Command> }> = []
  for (const command of commands) {
    const last = groups.at(-1)
    if (last !== undefined && last.actor === command.actor) last.commands.push(command)
    else groups.push({ actor: command.actor, commands: [command] })
  }
  return groups
}

const cellText = (
  cell: { readonly _tag: string; readonly count?: number }
) => (cell._tag === "Value" ? String(cell.count) : "suppressed")

/**
 * Simulates the year on the case-work API in context. `onProgress(done, total)` is called after
 * every simulated week of every organisation.
 */
export const simulate = (seed: number, onProgress: (done: number, total: number) => void = () => {}) =>
  Effect.gen(function*() {
    const pomoc = yield* Casework.Casework
    const random = Random.make(seed)
    const all = scripts()
    const counts = new Map<string, number>()
    const run = (script: Script, commands: ReadonlyArray<Command>) =>
      Effect.forEach(
        byActor(commands),
        ({ actor, commands: group }) =>
          pomoc.batch(actor, group.map(({ op, input }) => ({ op, input }) as never)).pipe(
            Effect.tap(() =>
              Effect.sync(() =>
                counts.set(script.organisation.id, (counts.get(script.organisation.id) ?? 0) + group.length)
              )
            )
          ),
        { discard: true }
      )
    for (const script of all) yield* run(script, script.setup())
    const total = weeks * all.length
    let done = 0
    for (let week = 0; week < weeks; week++) {
      for (const script of all) {
        yield* run(script, script.week(week, random))
        onProgress(++done, total)
      }
    }

    // The principles at work: each attempt must be refused, and nothing of it is stored.
    const refusals = new Map<string, Array<Refusal>>()
    for (const script of all) {
      const own: Array<Refusal> = []
      for (const attempt of script.attempts()) {
        const call = pomoc[attempt.op] as (
          actor: unknown,
          input: unknown
        ) => Effect.Effect<unknown, Casework.CaseworkError>
        const error = yield* Effect.flip(call(attempt.actor, attempt.input))
        own.push(explain(attempt, error))
      }
      refusals.set(script.organisation.id, own)
    }

    // An erasure: a debt client asks to be forgotten. The person is gone; the counts stay.
    const countsReport = { reportId: "contacts-by-month", serviceId: debtServiceId, ...year }
    const before = yield* pomoc.report(debtCoordinator, countsReport)
    yield* pomoc.erasePerson(debtCoordinator, erasedClient)
    const after = yield* pomoc.report(debtCoordinator, countsReport)
    const readAfter = yield* Effect.flip(pomoc.getPerson(debtCoordinator, erasedClient))

    const organisations: Array<OrganisationYear> = []
    for (const script of all) {
      const reports = yield* Effect.forEach(
        script.plugin.reports,
        (definition) =>
          pomoc.report(script.coordinator, { reportId: definition.id, serviceId: script.serviceId, ...year })
      )
      organisations.push({
        id: script.organisation.id,
        name: script.organisation.name,
        country: script.organisation.country,
        language: script.language,
        serviceId: script.serviceId,
        serviceName: script.serviceName,
        serviceType: script.plugin.id,
        figures: script.figures,
        commands: counts.get(script.organisation.id) ?? 0,
        refusals: refusals.get(script.organisation.id) ?? [],
        reports
      })
    }

    const verification = yield* pomoc.verifyAudit(auditor, undefined)
    return {
      seed,
      organisations,
      commands: [...counts.values()].reduce((a, b) => a + b, 0),
      reportRuns: 2 + organisations.reduce((n, o) => n + o.reports.length, 0),
      erasure: {
        person: erasedClient,
        reportLabel: before.labels.en ?? before.reportId,
        totalBefore: before.table._tag === "OneWay" ? cellText(before.table.total) : "?",
        totalAfter: after.table._tag === "OneWay" ? cellText(after.table.total) : "?",
        readAfter: readAfter._tag
      },
      audit: verification._tag === "Intact"
        ? { entries: verification.head.seq, intact: true, head: Audit.formatHead(verification.head) }
        : { entries: 0, intact: false, head: "" }
    } satisfies Year
  })
