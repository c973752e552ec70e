/**
 * Issue 9, "Why": each defect of the hand-written case-work closure, reproduced against the API.
 * Every test here failed on the closure (the comment says how) and passes on the pipeline.
 */
import type { Casework } from "@pomoc/core"
import { MemoryStore } from "@pomoc/store-memory"
import type { Effect } from "effect"
import { describe, expect, it } from "vitest"
import {
  club,
  consentInput,
  debt,
  eachTest,
  eva as worker,
  harness,
  kuba,
  ola as auditor,
  organisation,
  petr as counsellor,
  school,
  shareWithDebt,
  T
} from "./daily-fixture.js"

const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club", "debt"] }] }

type Api = Casework.Api

const contactInput = (serviceId: string, participants: ReadonlyArray<string>, note?: string) => ({
  serviceId,
  at: T(3),
  durationMinutes: 30,
  locationKind: serviceId === "club" ? "club-premises" : "office",
  channel: "in-person",
  participants,
  anonymousCount: 0,
  interventions: ["information"],
  firstContact: false,
  mode: "individual",
  ...(note !== undefined ? { note } : {})
} as const)

// Marta coordinates both services; no pseudonym key; no first-contact channels.
const { audit, fail, run, stored } = eachTest(
  () => harness(MemoryStore.layer, { pseudonymKey: false, staff: [coordinator] }),
  async (h) => {
    await organisation(h)
    await club(h, { firstContactChannels: [] })
    await debt(h, {
      name: "Debt",
      targetGroup: { description: "adults", ageRange: { min: 15, max: 120 } },
      firstContactChannels: []
    })
    // Kuba belongs to the club; Jana to the club too, shared with debt counselling.
    await kuba(h, { situation: { debts: true } })
    await h.run((api) =>
      api.registerPerson(worker, {
        _tag: "pseudonymous",
        id: "jana",
        serviceId: "club",
        sharedWith: [],
        ageBand: "18-20",
        gender: "female",
        needs: [],
        registeredAt: T(2),
        nickname: "Jana",
        notes: "Club note about Jana."
      })
    )
    // Shared with debt counselling on her own sharing consent (issue 11: never directly).
    await shareWithDebt(h, "jana", "share-jana")
  }
)

describe("authorise before revealing", () => {
  it("answers another service's record exactly like a record that does not exist", async () => {
    // Closure: AccessDenied `service-out-of-scope` naming service "club" for kuba, NotFound for nobody.
    const reads: ReadonlyArray<(id: string) => (api: Api) => Effect.Effect<unknown, Casework.CaseworkError>> = [
      (id) => (api) => api.getPerson(counsellor, id),
      (id) => (api) => api.personHistory(counsellor, id)
    ]
    for (const read of reads) {
      const other = await fail(read("kuba"))
      const none = await fail(read("nobody"))
      expect(other).toMatchObject({ _tag: "NotFound", kind: "person" })
      expect({ ...other, id: "" }).toEqual({ ...none, id: "" })
      expect(other.message).toBe(none.message)
    }
    const consent = await run((api) => api.giveConsent(worker, consentInput()))
    const other = await fail((api) => api.withdrawConsent(counsellor, { consentId: consent.value.id }))
    const none = await fail((api) => api.withdrawConsent(counsellor, { consentId: "no-such-consent" }))
    expect(other).toMatchObject({ _tag: "NotFound", kind: "consent" })
    expect(other.message).toBe(none.message)
  })

  it("names a person of another service in an input like an unknown id", async () => {
    // Closure: InvalidCommand for kuba, NotFound for an unknown id.
    const other = await fail((api) => api.recordContact(counsellor, contactInput("debt", ["kuba"])))
    const none = await fail((api) => api.recordContact(counsellor, contactInput("debt", ["nobody"])))
    expect(other).toMatchObject({ _tag: "InvalidCommand", field: "participants[0]" })
    expect(none).toEqual(other)
  })

  it("never repeats an id or an input value in an error message", async () => {
    const errors = [
      await fail((api) => api.getPerson(counsellor, "kuba")),
      await fail((api) => api.endCooperation(worker, { cooperationId: "secret-cooperation-id" })),
      await fail((api) => api.recordContact(counsellor, contactInput("debt", ["kuba"])))
    ]
    for (const e of errors) {
      expect(e.message).not.toMatch(/kuba|secret-cooperation-id/)
    }
    expect(errors[1]).toMatchObject({ _tag: "NotFound", id: "secret-cooperation-id" })
  })
})

describe("assessEligibility", () => {
  it("answers only for people known to the asking service", async () => {
    // Closure: the debt counsellor got kuba's eligibility reasons (age band, situation).
    const e = await fail((api) => api.assessEligibility(counsellor, { serviceId: "debt", personId: "kuba" }))
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "personId" })
    expect(e).not.toHaveProperty("reasons")
    // A person shared with the service may be asked about.
    const shared = await run((api) => api.assessEligibility(counsellor, { serviceId: "debt", personId: "jana" }))
    expect(typeof shared.eligible).toBe("boolean")
  })
})

describe("reads are scoped per record", () => {
  it("shows a shared person's history only from the services the reader may see; the export holds all and says so", async () => {
    await run((api) => api.recordContact(worker, contactInput("club", ["jana"], "Club contact note.")))
    await run((api) =>
      api.recordContact(counsellor, {
        ...contactInput("debt", ["jana"], "Debt contact note."),
        interventions: ["budget-planning"]
      })
    )
    // Closure: the club worker saw the debt service's contact and its note, and vice versa.
    const club = await run((api) => api.personHistory(worker, "jana"))
    expect(club.contacts?.map((c) => c.serviceId)).toEqual(["club"])
    expect(club.contacts?.[0]?.note).toBe("Club contact note.")
    const debt = await run((api) => api.personHistory(counsellor, "jana"))
    expect(debt.contacts?.map((c) => c.serviceId)).toEqual(["debt"])
    expect(JSON.stringify(debt)).not.toContain("Club contact note.")
    expect(debt.person).not.toHaveProperty("notes")
    // The person's own export holds every service's records, and says so.
    const document = await run((api) => api.exportPerson(coordinator, "jana"))
    expect(document.coverage).toBe("every-service")
    expect(document.services).toEqual(["club", "debt"])
    expect(JSON.stringify(document)).toContain("Debt contact note.")
  })
})

describe("every input is decoded", () => {
  it("reads the audit log with no query, and refuses a malformed one with InvalidInput", async () => {
    // Closure: auditLog(actor, undefined) died with a TypeError.
    const entries = await run((api) => api.auditLog(auditor, undefined))
    expect(entries.length).toBeGreaterThan(0)
    for (const bad of ["everything", { limit: -1 }, { fromSeq: 1.5 }, { limit: 10, extra: true }]) {
      expect(await fail((api) => api.auditLog(auditor, bad as never))).toMatchObject({ _tag: "InvalidInput" })
    }
  })
})

describe("attribution comes from the actor", () => {
  it("refuses a disclosure naming someone else as discloser or decider, and fills them in when absent", async () => {
    const before = (await audit()).length
    // Closure: a worker stored a legal-duty disclosure "decided by" the coordinator.
    const duty = (basis: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      personId: "kuba",
      serviceId: "club",
      recipient: { kind: "authority", name: "OSPOD" },
      purpose: "child-protection",
      at: T(5),
      basis: { _tag: "LegalDuty", legalGround: "cz-359-1999-s10", ...basis },
      ...extra
    })
    const decider = await fail((api) =>
      api.disclose(worker, duty({ decidedBy: "marta" }, { disclosedBy: "eva" }) as never)
    )
    expect(decider).toMatchObject({ _tag: "InvalidCommand", field: "basis.decidedBy" })
    const discloser = await fail((api) =>
      api.disclose(worker, duty({ decidedBy: "eva" }, { disclosedBy: "marta" }) as never)
    )
    expect(discloser).toMatchObject({ _tag: "InvalidCommand", field: "disclosedBy" })
    expect(await stored("disclosure")).toHaveLength(0)
    expect((await audit()).length).toBe(before)
    const filled = await run((api) => api.disclose(worker, duty({}) as never))
    expect(filled.value).toMatchObject({ disclosedBy: "eva", basis: { decidedBy: "eva" } })
  })

  it("sets or checks recordedBy, workers and a referral's first event against the actor", async () => {
    const consent = await run((api) => api.giveConsent(worker, consentInput({ purpose: "referral" })))
    expect(consent.value.recordedBy).toBe("eva")
    expect(
      await fail((api) => api.giveConsent(worker, consentInput({ purpose: "referral", recordedBy: "marta" })))
    ).toMatchObject({ _tag: "InvalidCommand", field: "recordedBy" })
    const contact = await run((api) => api.recordContact(worker, contactInput("club", ["kuba"])))
    expect(contact.value.workers).toEqual(["eva"])
    expect(await fail((api) => api.recordContact(worker, { ...contactInput("club", ["kuba"]), workers: ["marta"] })))
      .toMatchObject({ _tag: "InvalidCommand", field: "workers" })
    expect(
      await fail((api) =>
        api.refer(worker, {
          personId: "kuba",
          fromServiceId: "club",
          to: school,
          purpose: "school",
          consentId: consent.value.id,
          history: [{ status: "requested", at: T(4), by: "marta" }]
        })
      )
    ).toMatchObject({ _tag: "InvalidCommand", field: "history[0].by" })
  })
})

describe("every successful write commits one audit entry", () => {
  it("audits withdrawing a consent that is already withdrawn", async () => {
    const { value: consent } = await run((api) => api.giveConsent(worker, consentInput()))
    const first = await run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    const before = await audit()
    // Closure: the second withdrawal returned without an audit entry.
    const again = await run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    expect(again.value.withdrawnAt).toEqual(first.value.withdrawnAt)
    const after = await audit()
    expect(after.slice(before.length)).toMatchObject([{
      operation: "WithdrawConsent",
      outcome: "allowed",
      actor: "eva",
      subjects: [{ kind: "consent", id: consent.id }]
    }])
  })
})

describe("recordNeed", () => {
  it("records a need the person expressed, and refuses one inferred from a group", async () => {
    const { value } = await run((api) =>
      api.recordNeed(worker, { personId: "kuba", need: "housing", source: "person" })
    )
    expect(value.needs).toEqual(["housing"])
    expect((await run((api) => api.getPerson(worker, "kuba"))).needs).toEqual(["housing"])
    const e = await fail((api) =>
      api.recordNeed(worker, { personId: "kuba", need: "employment", source: "group-membership" })
    )
    expect(e).toMatchObject({ _tag: "CommandRefused" })
    expect((await run((api) => api.getPerson(worker, "kuba"))).needs).toEqual(["housing"])
  })
})
