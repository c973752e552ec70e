/**
 * Lists against a model of the access matrix (issue 12): for random data (people of two
 * services, contacts and activities at random times, some voided) and random actors of every
 * role and scope, every list either is refused (`AccessDenied`) exactly when the model of the
 * matrix says the actor may not read that service, or returns exactly the records the model
 * holds for it (nothing withheld, nothing of another service, nothing voided), each once and in
 * time order, over pages of a random size. People shared into a service are listed there after
 * its own people; open referrals are listed on both sides (made by a service, received by another).
 */
import { Access, Casework, FieldCrypto, KeyMaterial, StaffDirectory } from "@pomoc/core"
import { Effect, Layer, ManagedRuntime } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { admin, eva, kubaToDebt, petr, registry, setUp, stores } from "./daily-fixture.js"

type Services = "*" | ReadonlyArray<"club" | "debt">
const member = (id: string, role: string, services: Services) => ({ id, grants: [{ role, services }] })

/** Every role, with every scope it may hold. */
const actors = [
  member("w-club", "worker", ["club"]),
  member("w-debt", "worker", ["debt"]),
  member("w-both", "worker", ["club", "debt"]),
  member("w-all", "worker", "*"),
  member("c-club", "coordinator", ["club"]),
  member("c-debt", "coordinator", ["debt"]),
  member("v-club", "volunteer", ["club"]),
  member("v-debt", "volunteer", ["debt"]),
  member("a-all", "administrator", "*"),
  member("o-all", "auditor", "*")
] as const

/** The model of the matrix: may this actor run this row's operation in this service? */
const allowed = (actor: (typeof actors)[number], tag: string, serviceId: "club" | "debt"): boolean =>
  actor.grants.some(({ role, services }) => {
    const scope = (Access.matrix as Readonly<Record<string, Readonly<Record<string, string>>>>)[tag]?.[role]
    return scope === "organisation" ||
      (scope === "own-services" && (services === "*" || (services as ReadonlyArray<string>).includes(serviceId)))
  })

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString()

const arbData = fc.record({
  people: fc.array(
    fc.record({ service: fc.constantFrom("club", "debt"), day: fc.integer({ min: 1, max: 3 }), shared: fc.boolean() }),
    { maxLength: 6 }
  ),
  referrals: fc.array(
    fc.record({
      day: fc.integer({ min: 3, max: 20 }),
      status: fc.constantFrom("requested", "accepted", "rejected", "done", "revoked")
    }),
    { maxLength: 4 }
  ),
  contacts: fc.array(
    fc.record({
      day: fc.integer({ min: 1, max: 40 }),
      hour: fc.constantFrom(9, 16),
      withPerson: fc.boolean(),
      voided: fc.boolean()
    }),
    { maxLength: 9 }
  ),
  activities: fc.array(fc.record({ day: fc.integer({ min: 1, max: 40 }), hour: fc.constantFrom(9, 16) }), {
    maxLength: 4
  })
})

const arbQuery = fc.record({
  actor: fc.constantFrom(...actors),
  serviceId: fc.constantFrom("club" as const, "debt" as const),
  list: fc.constantFrom(
    "listPeople" as const,
    "listContacts" as const,
    "listActivities" as const,
    "listOpenReferrals" as const
  ),
  direction: fc.constantFrom("made" as const, "received" as const),
  period: fc.option(fc.constantFrom("2026-03", "2026-04"), { nil: undefined }),
  limit: fc.integer({ min: 1, max: 4 })
})

interface Row {
  readonly id: string
  readonly serviceId: string
  readonly at: string
  /** A person shared into this other service; a referral made to it. */
  readonly also?: string
  /** Listed after the rest (people shared into the service come after its own). */
  readonly late?: boolean
}
const order = (a: Row, b: Row) => a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
const other = (service: string) => (service === "club" ? "debt" : "club")

describe.each(stores)("lists against a model of the access matrix (%s store)", (name, storeLayer) => {
  it("every list returns exactly what the model allows, each record once (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbData, fc.array(arbQuery, { minLength: 1, maxLength: 6 }), async (data, queries) => {
        const runtime = ManagedRuntime.make(
          Casework.layer(Casework.configFromRegistry(registry)).pipe(
            Layer.provide(StaffDirectory.layerList([admin, eva, petr, ...actors])),
            Layer.provide(FieldCrypto.layer({ keys: { k: KeyMaterial.generate() }, current: "k" })),
            Layer.provideMerge(storeLayer())
          )
        )
        const run = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) =>
          runtime.runPromise(Casework.Casework.use(f))
        try {
          await setUp({ run } as never)
          // The model: what was stored, by list.
          const people: Array<Row> = [
            { id: "kuba", serviceId: "club", at: new Date(Date.UTC(2026, 4, 2, 10)).toISOString() },
            { id: "marek", serviceId: "debt", at: new Date(Date.UTC(2026, 4, 2, 10)).toISOString() }
          ]
          for (const [i, p] of data.people.entries()) {
            const id = `p${i}`
            const registeredAt = at(p.day, 8)
            await run((api) =>
              api.registerPerson(p.service === "club" ? actors[0] : actors[1], {
                _tag: "pseudonymous",
                id,
                serviceId: p.service,
                sharedWith: [],
                ageBand: p.service === "club" ? "15-17" : "27-64",
                gender: "not-stated",
                needs: [],
                registeredAt,
                nickname: `N${i}`
              })
            )
            people.push({ id, serviceId: p.service, at: registeredAt })
            if (p.shared) {
              const actor = p.service === "club" ? actors[0] : actors[1]
              const { value: consent } = await run((api) =>
                api.giveConsent(actor, {
                  personId: id,
                  serviceId: p.service,
                  purpose: "sharing",
                  grantee: { kind: "service", name: "The other service" },
                  validFrom: registeredAt,
                  givenAt: registeredAt,
                  form: "verbal",
                  alsoForServices: [other(p.service)]
                })
              )
              await run((api) =>
                api.sharePerson(actor, { personId: id, serviceId: other(p.service), consentId: consent.id })
              )
              people.push({ id, serviceId: other(p.service), at: registeredAt, late: true })
            }
          }
          const referrals: Array<Row> = []
          if (data.referrals.length > 0) {
            await run((api) =>
              api.giveConsent(actors[0], {
                id: "consent-r",
                personId: "kuba",
                serviceId: "club",
                purpose: "referral",
                grantee: { kind: "service", name: "Debt advice" },
                validFrom: at(1, 8),
                givenAt: at(1, 8),
                form: "verbal"
              })
            )
          }
          for (const [i, r] of data.referrals.entries()) {
            const id = `r${i}`
            await run((api) => api.refer(actors[0], kubaToDebt(id, at(r.day, 9))))
            const answer = (status: "accepted" | "rejected" | "done") =>
              run((api) =>
                api.answerReferral(actors[1], {
                  referralId: id,
                  status,
                  ...(status === "rejected" ? { reason: "Full." } : {})
                })
              )
            if (r.status === "accepted" || r.status === "done") await answer("accepted")
            if (r.status === "done") await answer("done")
            if (r.status === "rejected") await answer("rejected")
            if (r.status === "revoked") {
              await run((api) => api.updateReferral(actors[0], { referralId: id, status: "revoked", reason: "Moved." }))
            }
            if (r.status === "requested" || r.status === "accepted") {
              referrals.push({ id, serviceId: "club", at: at(r.day, 9), also: "debt" })
            }
          }
          const contacts: Array<Row> = []
          for (const [i, c] of data.contacts.entries()) {
            const id = `c${i}`
            await run((api) =>
              api.recordContact(actors[0], {
                id,
                serviceId: "club",
                at: at(c.day, c.hour),
                durationMinutes: 20,
                locationKind: "club-premises",
                channel: "in-person",
                participants: c.withPerson ? ["kuba"] : [],
                anonymousCount: c.withPerson ? 0 : 2,
                interventions: ["conversation"],
                firstContact: false,
                mode: c.withPerson ? "individual" : "group"
              })
            )
            if (c.voided) await run((api) => api.voidRecord(actors[4], { kind: "contact", id, reason: "duplicate" }))
            else contacts.push({ id, serviceId: "club", at: at(c.day, c.hour) })
          }
          const activities: Array<Row> = []
          for (const [i, a] of data.activities.entries()) {
            const id = `a${i}`
            await run((api) =>
              api.recordActivity(actors[0], {
                id,
                serviceId: "club",
                kind: "group-session",
                title: "Games",
                startsAt: at(a.day, a.hour),
                audience: "youth",
                forExternalStaff: false,
                attendees: [],
                anonymousAttendance: 3
              })
            )
            activities.push({ id, serviceId: "club", at: at(a.day, a.hour) })
          }
          const model = {
            listPeople: people,
            listContacts: contacts,
            listActivities: activities,
            listOpenReferrals: referrals
          }
          const tags = {
            listPeople: "ListPeople",
            listContacts: "ReadHistory",
            listActivities: "ReadActivity",
            listOpenReferrals: "ReadReferral"
          }

          for (const q of queries) {
            const period = q.list === "listPeople" || q.list === "listOpenReferrals" ? undefined : q.period
            const received = q.list === "listOpenReferrals" && q.direction === "received"
            const input = {
              serviceId: q.serviceId,
              limit: q.limit,
              ...(period === undefined ? {} : { period }),
              ...(q.list === "listOpenReferrals" ? { direction: q.direction } : {})
            }
            const call = (cursor?: string) =>
              run((api) =>
                Effect.result(
                  (api[q.list] as (
                    actor: unknown,
                    input: unknown
                  ) => Effect.Effect<
                    { readonly items: ReadonlyArray<{ readonly id: string }>; readonly next?: string },
                    { readonly _tag: string }
                  >)(q.actor, cursor === undefined ? input : { ...input, cursor })
                )
              )
            const expected = model[q.list]
              .filter((r) => received ? r.also === q.serviceId : r.serviceId === q.serviceId)
              .filter((r) => period === undefined || r.at.startsWith(period))
              .sort((a, b) => Number(a.late ?? false) - Number(b.late ?? false) || order(a, b))
              .map((r) => r.id)
            const first = await call()
            if (!allowed(q.actor, tags[q.list], q.serviceId)) {
              expect(first._tag, `${q.actor.id} ${q.list} ${q.serviceId}`).toBe("Failure")
              if (first._tag === "Failure") expect(first.failure._tag).toBe("AccessDenied")
              continue
            }
            expect(first._tag, `${q.actor.id} ${q.list} ${q.serviceId}`).toBe("Success")
            const seen: Array<string> = []
            let page = first
            for (let n = 0; page._tag === "Success"; n++) {
              expect(page.success.items.length).toBeLessThanOrEqual(q.limit)
              seen.push(...page.success.items.map((x) => x.id))
              if (page.success.next === undefined || n > 50) break
              page = await call(page.success.next)
            }
            expect(page._tag).toBe("Success")
            expect(seen, `${name}: ${q.actor.id} ${q.list} ${q.serviceId} ${period ?? ""}`).toEqual(expected)
          }
        } finally {
          await runtime.dispose()
        }
      }),
      { numRuns: name === "memory" ? 25 : 6 }
    )
  })
})
