/**
 * Each case-work operation through the real plugins, on the memory store: what it stores, what
 * it refuses, and what it writes to the audit log.
 */
import { Casework, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect } from "effect"
import * as Clock from "effect/Clock"
import { describe, expect, it } from "vitest"
import { movedClock } from "./clock.js"
import {
  admin,
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
  T
} from "./daily-fixture.js"

const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club", "debt"] }] }
// Ana's staff-directory entry links her volunteer record: she records only her own hours.
const volunteer = { id: "ana", grants: [{ role: "volunteer", services: ["club"] }], volunteerId: "vol-ana" }

type Api = Casework.Api
// Marta coordinates both services; Ana's entry links her volunteer record. No pseudonym key.
const { audit, fail, run, stored } = eachTest(
  () => harness(Store.layerMemory, { pseudonymKey: false, staff: [coordinator, volunteer] }),
  async (h) => {
    await organisation(h)
    await club(h)
    await debt(h)
    await kuba(h, { notes: "Lives with grandmother." })
  }
)

describe("services and people", () => {
  it("refuses a service type no plugin defines, and a code outside the type's taxonomy", async () => {
    const e1 = await fail((api) =>
      api.registerService(admin, {
        id: "x",
        organisationId: "org",
        type: "night-shelter",
        name: "X",
        targetGroup: { description: "x" },
        localities: [],
        principles: [],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: T(1)
      })
    )
    expect(e1).toMatchObject({ _tag: "InvalidCommand", field: "type" })
    const e2 = await fail((api) =>
      api.recordContact(worker, {
        serviceId: "club",
        at: T(3),
        durationMinutes: 10,
        locationKind: "club-premises",
        channel: "in-person",
        workers: ["eva"],
        participants: [],
        anonymousCount: 2,
        interventions: ["insolvency-petition"],
        firstContact: false,
        mode: "group"
      })
    )
    expect(e2).toMatchObject({ _tag: "InvalidCommand", field: "interventions[0]" })
    expect((await stored("contact")).length).toBe(0)
  })

  it("refuses a low-threshold service configured to demand identity", async () => {
    const e = await fail((api) =>
      api.registerService(admin, {
        id: "strict-club",
        organisationId: "org",
        type: "low-threshold-club",
        name: "Strict",
        targetGroup: { description: "youth" },
        localities: [],
        principles: [...lowThresholdClub.principles],
        freeOfCharge: true,
        firstContactChannels: [],
        registeredAt: T(1),
        config: { requiresIdentity: true }
      })
    )
    expect(e).toMatchObject({ _tag: "CommandRefused" })
    expect((e as { violations: ReadonlyArray<{ principle: string }> }).violations.map((v) => v.principle)).toContain(
      "low-threshold"
    )
    expect((await stored("service")).map((r) => r.id)).not.toContain("strict-club")
  })

  it("keeps a young person known only to their service", async () => {
    // Issue 9: another service's person looks exactly like an id that does not exist (it was
    // AccessDenied naming the person's service, which told the actor the person exists there).
    const e = await fail((api) => api.getPerson(counsellor, "kuba"))
    expect(e).toMatchObject({ _tag: "NotFound", kind: "person", id: "kuba" })
    expect(await fail((api) => api.getPerson(counsellor, "nobody"))).toMatchObject({
      _tag: "NotFound",
      kind: "person",
      id: "nobody"
    })
    const e2 = await fail((api) =>
      api.recordContact(counsellor, {
        serviceId: "debt",
        at: T(3),
        durationMinutes: 10,
        locationKind: "office",
        channel: "in-person",
        workers: ["petr"],
        participants: ["kuba"],
        anonymousCount: 0,
        interventions: ["information"],
        firstContact: false,
        mode: "individual"
      })
    )
    expect(e2).toMatchObject({ _tag: "InvalidCommand", field: "participants[0]" })
  })

  it("audits reads of identified people, not of nicknamed ones", async () => {
    await run((api) => api.getPerson(worker, "kuba"))
    expect((await audit()).filter((e) => e.outcome === "read")).toHaveLength(0)
    await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "identified",
        id: "marie",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "female",
        needs: [],
        registeredAt: T(2),
        givenName: "Marie",
        contactDetails: {}
      })
    )
    await run((api) => api.getPerson(counsellor, "marie"))
    await run((api) => api.personHistory(counsellor, "marie"))
    const reads = (await audit()).filter((e) => e.outcome === "read")
    expect(reads.map((e) => [e.operation, e.actor, e.subjects[0]?.id])).toEqual([
      ["ReadIdentifiedPerson", "petr", "marie"],
      ["ReadHistory", "petr", "marie"]
    ])
  })

  it("stores sensitive fields encrypted and gives them back decrypted", async () => {
    const [record] = await stored("person")
    expect(JSON.stringify(record!.data)).not.toContain("Kuba")
    expect(JSON.stringify(record!.data)).not.toContain("grandmother")
    const person = await run((api) => api.getPerson(worker, "kuba"))
    expect(person).toMatchObject({ nickname: "Kuba", notes: "Lives with grandmother." })
  })

  it("hides notes from roles that may not read them", async () => {
    const person = await run((api) => api.getPerson(admin, "kuba"))
    expect(person).toMatchObject({ nickname: "Kuba" })
    expect(person).not.toHaveProperty("notes")
  })

  it("raises the identity level only through a change that the principles see", async () => {
    const raised = await run((api) =>
      api.changeIdentityLevel(worker, {
        person: {
          _tag: "identified",
          id: "kuba",
          serviceId: "club",
          sharedWith: [],
          ageBand: "15-17",
          gender: "male",
          needs: [],
          registeredAt: T(2),
          givenName: "Jakub",
          contactDetails: {}
        }
      })
    ).then((w) => w.value, () => undefined)
    const entries = await audit()
    if (raised === undefined) {
      // Refused (e.g. identification needs consent first): nothing changed.
      expect(entries.filter((e) => e.operation === "ChangeIdentityLevel")).toHaveLength(0)
      expect((await run((api) => api.getPerson(worker, "kuba")))._tag).toBe("pseudonymous")
    } else {
      expect(raised._tag).toBe("identified")
      expect(entries.filter((e) => e.operation === "ChangeIdentityLevel")).toHaveLength(1)
    }
    const lowered = await run((api) =>
      api.changeIdentityLevel(worker, {
        person: {
          _tag: "anonymous",
          id: "kuba",
          serviceId: "club",
          sharedWith: [],
          ageBand: "15-17",
          gender: "male",
          needs: [],
          registeredAt: T(2)
        }
      })
    )
    expect(lowered.value._tag).toBe("anonymous")
    const moved = await fail((api) =>
      api.changeIdentityLevel(worker, {
        person: {
          _tag: "anonymous",
          id: "kuba",
          serviceId: "debt",
          sharedWith: [],
          ageBand: "15-17",
          gender: "male",
          needs: [],
          registeredAt: T(2)
        }
      })
    )
    expect(moved._tag).toMatch(/InvalidCommand|AccessDenied/)
  })

  it("erases a person: identity gone, counts kept, chain intact", async () => {
    await run((api) =>
      api.recordContact(worker, {
        serviceId: "club",
        at: T(3),
        durationMinutes: 30,
        locationKind: "club-premises",
        channel: "in-person",
        workers: ["eva"],
        participants: ["kuba"],
        anonymousCount: 0,
        interventions: ["conversation"],
        firstContact: false,
        mode: "individual",
        note: "Kuba was sad."
      })
    )
    const erased = await run((api) => api.erasePerson(coordinator, "kuba"))
    expect(erased.value._tag).toBe("anonymous")
    // A new random id: the old one (which a pseudonymous code would compute again) finds nothing.
    expect(erased.value.id).not.toBe("kuba")
    expect((await fail((api) => api.personHistory(worker, "kuba")))._tag).toBe("NotFound")
    const history = await run((api) => api.personHistory(worker, erased.value.id))
    expect(history.person).not.toHaveProperty("nickname")
    expect(history.contacts).toHaveLength(1)
    expect(history.contacts![0]).not.toHaveProperty("note")
    const report = await run((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "2026-05" })
    )
    expect(report.table._tag).toBe("OneWay")
    expect((await run((api) => api.verifyAudit(auditor, undefined)))._tag).toBe("Intact")
    const e = await fail((api) => api.erasePerson(worker, erased.value.id))
    expect(e._tag).toBe("AccessDenied")
  })

  it("exports a person's data as a machine-readable document, and audits it", async () => {
    const doc = await run((api) => api.exportPerson(coordinator, "kuba"))
    expect(doc.format).toBe("pomoc-subject-access/v1")
    expect(doc.person).toMatchObject({ nickname: "Kuba" })
    expect((await audit()).some((e) => e.operation === "ExportPerson" && e.outcome === "read")).toBe(true)
  })
})

describe("situation facts", () => {
  it("reach the plugin's rules, and are encrypted at rest", async () => {
    await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "pseudonymous",
        id: "no-debt",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: "Z.",
        situation: { debts: false }
      })
    )
    const notInDebt = await run((api) => api.assessEligibility(counsellor, { serviceId: "debt", personId: "no-debt" }))
    expect(notInDebt.eligible).toBe(false)
    expect(notInDebt.reasons.map((r) => r.rule)).toContain("debt-counselling/debt-situation")
    const inDebt = await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "pseudonymous",
        id: "in-debt",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: "Y.",
        situation: { debts: true, unstableHousing: true }
      })
    )
    expect(inDebt.value.situation).toEqual({ debts: true, unstableHousing: true })
    expect((await run((api) => api.assessEligibility(counsellor, { serviceId: "debt", personId: "in-debt" }))).eligible)
      .toBe(true)
    // A minor is not eligible for debt counselling; the audit log holds no eligibility answers.
    const before = (await audit()).length
    expect((await run((api) => api.assessEligibility(worker, { serviceId: "club", personId: "kuba" }))).eligible).toBe(
      true
    )
    expect((await audit()).length).toBe(before)
    const record = (await stored("person")).find((r) => r.id === "in-debt")!
    expect(JSON.stringify(record.data)).not.toContain("unstableHousing")
  })
})

describe("cooperation, consent, disclosure, referral", () => {
  it("lets cooperation end at any time without a reason, and only once", async () => {
    const { value: coop } = await run((api) =>
      api.startCooperation(worker, { serviceId: "club", personId: "kuba", startedAt: T(3) })
    )
    const ended = await run((api) => api.endCooperation(worker, { cooperationId: coop.id }))
    expect(ended.value.endedAt).toBeDefined()
    expect(ended.value.endedBy).toBe("person")
    expect(ended.value).not.toHaveProperty("endReason")
    const again = await fail((api) => api.endCooperation(worker, { cooperationId: coop.id }))
    expect(again).toMatchObject({ _tag: "InvalidCommand", field: "cooperationId" })
  })

  it("discloses only with a matching consent, or under a legal duty recorded in the audit log", async () => {
    const school = { kind: "school", name: "ZŠ Komenského" }
    const noConsent = await fail((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: school,
        purpose: "disclosure",
        at: T(4),
        basis: { _tag: "Consent", consentId: "nope" },
        disclosedBy: "eva"
      })
    )
    expect(noConsent._tag).toBe("CommandRefused")
    const { value: consent } = await run((api) => api.giveConsent(worker, consentInput({ recordedBy: "eva" })))
    await run((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: school,
        purpose: "disclosure",
        at: T(4),
        basis: { _tag: "Consent", consentId: consent.id },
        disclosedBy: "eva",
        summary: "Attendance confirmed."
      })
    )
    await run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    const afterWithdrawal = await fail((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: school,
        purpose: "disclosure",
        at: new Date(Date.now() + 3_600_000).toISOString(),
        basis: { _tag: "Consent", consentId: consent.id },
        disclosedBy: "eva"
      })
    )
    expect(afterWithdrawal._tag).toBe("CommandRefused")
    const duty = await run((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: { kind: "authority", name: "OSPOD" },
        purpose: "child-protection",
        at: T(5),
        basis: {
          _tag: "LegalDuty",
          legalGround: "cz-359-1999-s10",
          decidedBy: "eva",
          explanation: "Bruises seen twice this month."
        },
        disclosedBy: "eva"
      })
    )
    expect(duty.warnings.some((w) => w.principle === "confidentiality")).toBe(true)
    const disclosures = (await audit()).filter((e) => e.operation === "Disclose")
    expect(disclosures.map((e) => e.legalGround)).toEqual([undefined, "cz-359-1999-s10"])
    // The explanation is the disclosure's (encrypted), never the audit log's.
    expect(JSON.stringify(await audit())).not.toContain("Bruises")
    // A legal ground is a code from a known list, not free text.
    const freeText = await fail((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: { kind: "authority", name: "OSPOD" },
        purpose: "child-protection",
        at: T(5),
        basis: { _tag: "LegalDuty", legalGround: "CANARY beaten by stepfather", decidedBy: "eva" },
        disclosedBy: "eva"
      })
    )
    expect(freeText._tag).toBe("InvalidInput")
    const unknown = await fail((api) =>
      api.disclose(worker, {
        personId: "kuba",
        serviceId: "club",
        recipient: { kind: "authority", name: "OSPOD" },
        purpose: "child-protection",
        at: T(5),
        basis: { _tag: "LegalDuty", legalGround: "beaten-by-stepfather", decidedBy: "eva" },
        disclosedBy: "eva"
      })
    )
    expect(unknown).toMatchObject({ _tag: "InvalidCommand", field: "basis.legalGround" })
    expect(JSON.stringify(unknown)).not.toContain("stepfather")
    expect(volunteer).toBeDefined()
    expect(
      (await fail((api) =>
        api.disclose(volunteer, {
          personId: "kuba",
          serviceId: "club",
          recipient: school,
          purpose: "disclosure",
          at: T(6),
          basis: { _tag: "Consent", consentId: consent.id },
          disclosedBy: "ana"
        })
      ))._tag
    ).toBe("AccessDenied")
  })

  it("moves a referral through its lifecycle, with reasons where required", async () => {
    const debtService = { kind: "service", name: "Dluhová poradna" }
    const { value: consent } = await run((api) =>
      api.giveConsent(worker, {
        personId: "kuba",
        serviceId: "club",
        purpose: "referral",
        grantee: debtService,
        validFrom: T(3),
        givenAt: T(3),
        form: "written",
        recordedBy: "eva"
      })
    )
    const { value: referral } = await run((api) =>
      api.refer(worker, {
        personId: "kuba",
        fromServiceId: "club",
        to: debtService,
        purpose: "debt-advice",
        consentId: consent.id,
        history: [{ status: "requested", at: T(4), by: "eva" }]
      })
    )
    const noReason = await fail((api) => api.updateReferral(worker, { referralId: referral.id, status: "rejected" }))
    expect(noReason).toMatchObject({ _tag: "InvalidCommand", field: "reason" })
    const accepted = await run((api) => api.updateReferral(worker, { referralId: referral.id, status: "accepted" }))
    expect(accepted.value.history.map((h) => h.status)).toEqual(["requested", "accepted"])
    const skip = await fail((api) => api.updateReferral(worker, { referralId: referral.id, status: "requested" }))
    expect(skip).toMatchObject({ _tag: "InvalidCommand", field: "status" })
    const done = await run((api) => api.updateReferral(worker, { referralId: referral.id, status: "done" }))
    expect(done.value.history.at(-1)?.status).toBe("done")
  })
})

describe("plans, outcomes, activities, volunteers", () => {
  it("builds a plan with the person's own steps and refuses achievement without them", async () => {
    await run((api) =>
      api.registerPerson(counsellor, {
        _tag: "pseudonymous",
        id: "client",
        serviceId: "debt",
        sharedWith: [],
        ageBand: "27-64",
        gender: "not-stated",
        needs: [],
        registeredAt: T(2),
        nickname: "M."
      })
    )
    const workerOnly = await fail((api) =>
      api.createPlan(counsellor, {
        id: "plan-x",
        personId: "client",
        serviceId: "debt",
        createdAt: T(3),
        reviews: [],
        goals: [{
          id: "g",
          inPersonsWords: "Pay rent on time.",
          status: "open",
          steps: [{ id: "s", description: "Call the landlord.", takenBy: "worker" }]
        }]
      })
    )
    expect(workerOnly._tag).toBe("CommandRefused")
    await run((api) =>
      api.createPlan(counsellor, {
        id: "plan-1",
        personId: "client",
        serviceId: "debt",
        createdAt: T(3),
        reviews: [],
        goals: [{
          id: "g1",
          inPersonsWords: "Pay rent on time.",
          indicator: "situation-improved",
          status: "open",
          steps: [{ id: "s1", description: "I will call the landlord.", takenBy: "person" }]
        }]
      })
    )
    await run((api) =>
      api.addGoal(counsellor, {
        planId: "plan-1",
        goal: { id: "g2", inPersonsWords: "Know my debts.", status: "open", steps: [] }
      })
    )
    await run((api) =>
      api.addPlanStep(counsellor, {
        planId: "plan-1",
        goalId: "g2",
        step: { id: "s2", description: "Bring the letters.", takenBy: "person" }
      })
    )
    await run((api) =>
      api.reviewPlan(counsellor, {
        planId: "plan-1",
        review: { at: T(5), workers: ["petr"], personParticipated: true }
      })
    )
    const without = await fail((api) =>
      api.setGoalStatus(counsellor, { planId: "plan-1", goalId: "g1", status: "achieved", personParticipated: false })
    )
    expect(without._tag).toBe("CommandRefused")
    const achieved = await run((api) =>
      api.setGoalStatus(counsellor, { planId: "plan-1", goalId: "g1", status: "achieved", personParticipated: true })
    )
    expect(achieved.value.goals.map((g) => g.status)).toEqual(["achieved", "open"])
    expect(achieved.value.reviews).toHaveLength(1)
    const missing = await fail((api) =>
      api.addPlanStep(counsellor, {
        planId: "plan-1",
        goalId: "nope",
        step: { id: "s3", description: "x", takenBy: "person" }
      })
    )
    expect(missing._tag).toBe("InvalidCommand")
    const wrongScale = await fail((api) =>
      api.recordOutcome(counsellor, {
        personId: "client",
        serviceId: "debt",
        indicator: "competent-and-active",
        at: T(6),
        value: { _tag: "Ladder", value: 9 },
        recordedBy: "petr",
        personParticipated: true
      })
    )
    expect(wrongScale).toMatchObject({ _tag: "InvalidCommand", field: "value" })
    const unknown = await fail((api) =>
      api.recordOutcome(counsellor, {
        personId: "client",
        serviceId: "debt",
        indicator: "safe-space",
        at: T(6),
        value: { _tag: "YesNo", value: true },
        recordedBy: "petr",
        personParticipated: true
      })
    )
    expect(unknown).toMatchObject({ _tag: "InvalidCommand", field: "indicator" })
  })

  it("lets a volunteer record an activity and attendance, and nothing confidential", async () => {
    const { value: activity } = await run((api) =>
      api.recordActivity(volunteer, {
        serviceId: "club",
        kind: "group-session",
        title: "Football",
        startsAt: T(7, 16),
        audience: "youth",
        forExternalStaff: false,
        attendees: [],
        anonymousAttendance: 5
      })
    )
    const updated = await run((api) =>
      api.recordAttendance(volunteer, { activityId: activity.id, attendees: ["kuba"], anonymousAttendance: 2 })
    )
    expect(updated.value.attendees).toEqual(["kuba"])
    expect(updated.value.anonymousAttendance).toBe(7)
    const attempts: ReadonlyArray<(api: Api) => Effect.Effect<unknown, Casework.CaseworkError>> = [
      (api: Api) => api.getPerson(volunteer, "kuba"),
      (api: Api) => api.personHistory(volunteer, "kuba"),
      (api: Api) =>
        api.registerPerson(volunteer, {
          _tag: "anonymous",
          serviceId: "club",
          sharedWith: [],
          ageBand: "11-14",
          gender: "not-stated",
          needs: [],
          registeredAt: T(2)
        })
    ]
    for (const attempt of attempts) {
      expect((await fail(attempt))._tag).toBe("AccessDenied")
    }
    const { value: v } = await run((api) =>
      api.registerVolunteer(coordinator, {
        id: "vol-ana",
        organisationId: "org",
        displayName: "Ana",
        kind: "volunteer",
        ageGroup: "youth",
        since: T(1),
        skills: []
      })
    )
    const hours = await run((api) =>
      api.recordVolunteerHours(volunteer, {
        volunteerId: v.id,
        serviceId: "club",
        activityId: activity.id,
        on: T(7),
        hours: 2.5
      })
    )
    expect(hours.value.hours).toBe(2.5)
  })
})

describe("reports", () => {
  it("computes in the store and suppresses small counts; publishing is audited", async () => {
    for (let i = 0; i < 6; i++) {
      await run((api) =>
        api.recordContact(worker, {
          serviceId: "club",
          at: T(10 + i),
          durationMinutes: 30,
          locationKind: "club-premises",
          channel: "in-person",
          workers: ["eva"],
          participants: [],
          anonymousCount: 3,
          interventions: i < 5 ? ["contact"] : ["contact", "crisis-intervention"],
          firstContact: false,
          mode: "group"
        })
      )
    }
    const report = await run((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "2026-05" })
    )
    if (report.table._tag !== "OneWay") throw new Error("expected a one-way table")
    const values = report.table.dimension.values
    const cell = (code: string) => report.table._tag === "OneWay" ? report.table.cells[values.indexOf(code)] : undefined
    // One crisis intervention: below the threshold, so hidden; and since the total is shown, a
    // second cell must be hidden too, or the crisis count could be derived by subtraction.
    expect(cell("crisis-intervention")).toEqual({ _tag: "Suppressed" })
    expect(report.table.total).toEqual({ _tag: "Value", count: 7 })
    expect(report.table.cells.filter((c) => c._tag === "Suppressed").length).toBeGreaterThanOrEqual(2)
    for (const c of report.table.cells) {
      if (c._tag === "Value" && c.count > 0) expect(c.count).toBeGreaterThanOrEqual(report.threshold)
    }
    const published = await run((api) =>
      api.publishReport(coordinator, {
        reportId: "contacts-by-intervention",
        serviceId: "club",
        recipient: { kind: "authority", name: "Praha 4" }
      })
    )
    expect(published.value.reportId).toBe("contacts-by-intervention")
    expect((await audit()).some((e) => e.operation === "PublishReport")).toBe(true)
    expect(
      (await fail((api) => api.report(volunteer, { reportId: "contacts-by-intervention", serviceId: "club" })))._tag
    ).toBe("AccessDenied")
    expect((await fail((api) => api.report(coordinator, { reportId: "no-such-report", serviceId: "club" })))._tag).toBe(
      "InvalidCommand"
    )
  })

  it("takes days as well as instants, and named years, quarters and months (issue 14)", async () => {
    for (let i = 0; i < 6; i++) {
      await run((api) =>
        api.recordContact(worker, {
          serviceId: "club",
          at: T(10 + i),
          durationMinutes: 30,
          locationKind: "club-premises",
          channel: "in-person",
          workers: ["eva"],
          participants: [],
          anonymousCount: 3,
          interventions: ["contact"],
          firstContact: false,
          mode: "group"
        })
      )
    }
    // Run after 2026 has ended: a year still open is refused (see "refuses a period that has not ended").
    const later = movedClock()
    later.set(Date.parse("2027-01-02T00:00:00.000Z") - Date.now())
    const total = async (period: Record<string, string>) => {
      const r = await run((api) =>
        api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", ...period }).pipe(
          Effect.provideService(Clock.Clock, later.clock)
        )
      )
      return r.table._tag === "OneWay" ? r.table.total : undefined
    }
    const may = await total({ from: "2026-05-01T00:00:00.000Z", to: "2026-06-01T00:00:00.000Z" })
    expect(may).toEqual({ _tag: "Value", count: 6 })
    expect(await total({ from: "2026-05-01", to: "2026-06-01" })).toEqual(may)
    for (const period of ["2026-05", "2026-Q2", "2026"]) expect(await total({ period })).toEqual(may)
    // `to` is exclusive: a day ends the period at its start. A window that is no named period is
    // refused alike as a day and as an instant (overlapping windows could be differenced).
    for (
      const window of [{ from: "2026-05-01", to: "2026-05-13" }, {
        from: "2026-05-01T00:00:00.000Z",
        to: "2026-05-13T00:00:00.000Z"
      }]
    ) {
      expect(
        await fail((api) =>
          api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", ...window })
        )
      ).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    }
    expect(await total({ period: "2026-04" })).toEqual({ _tag: "Value", count: 0 })
    const problems = async (input: Record<string, string>) => {
      const e = await fail((api) =>
        api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", ...input })
      )
      return e._tag === "InvalidInput" ? [...new Set(e.problems.map((p) => p.path))] : [e._tag]
    }
    expect(await problems({ period: "2026-13" })).toEqual(["period"])
    expect(await problems({ period: "2026-05", from: "2026-05-01" })).toEqual(["period"])
    expect(await problems({ from: "2026-02-30" })).toEqual(["from"])
  })

  it("refuses a period that has not ended: two runs of an open month could be subtracted (issue 14)", async () => {
    const at = movedClock()
    const report = (input: Record<string, string>) =>
      fail((api) =>
        api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", ...input }).pipe(
          Effect.provideService(Clock.Clock, at.clock)
        )
      )
    // On 20 May 2026 May, its quarter and its year are still open; so is a window bounding May.
    at.set(Date.parse("2026-05-20T10:00:00.000Z") - Date.now())
    for (
      const input of [{ period: "2026-05" }, { period: "2026-Q2" }, { period: "2026" }, {
        from: "2026-05-01",
        to: "2026-06-01"
      }]
    ) {
      const e = await report(input)
      expect(e, JSON.stringify(input)).toMatchObject({ _tag: "InvalidCommand", field: "period" })
      expect(e._tag === "InvalidCommand" && e.rule).toMatch(/ended/)
      expect(JSON.stringify(e)).not.toMatch(/2026/)
    }
    // A minute before May ends it is still open.
    at.set(Date.parse("2026-05-31T23:59:00.000Z") - Date.now())
    expect(await report({ period: "2026-05" })).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    // Nothing was run, so nothing was audited as a report run.
    const runs = async () => (await audit()).filter((e) => e.operation === "ReadReport").length
    expect(await runs()).toBe(0)
    // April has ended by then: it runs, and the run is audited.
    const april = await run((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", period: "2026-04" }).pipe(
        Effect.provideService(Clock.Clock, at.clock)
      )
    )
    expect(april.scope).toMatchObject({ from: "2026-04-01T00:00:00.000Z", to: "2026-05-01T00:00:00.000Z" })
    expect(await runs()).toBe(1)
  })

  it("refuses a threshold below the report's smallest one instead of ignoring it (issue 14)", async () => {
    const e = await fail((api) =>
      api.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", threshold: 1 })
    )
    expect(e).toMatchObject({ _tag: "InvalidCommand", field: "threshold" })
    const stricter = await run((api) =>
      api.report(coordinator, {
        reportId: "contacts-by-intervention",
        serviceId: "club",
        period: "2026-05",
        threshold: 12
      })
    )
    expect(stricter.threshold).toBe(12)
  })

  it("refuses overlapping windows, so that May, May 1-20 and May 21-31 cannot be differenced (issue 14)", async () => {
    const contact = (day: number, interventions: Array<"contact" | "crisis-intervention">) =>
      run((api) =>
        api.recordContact(worker, {
          serviceId: "club",
          at: T(day),
          durationMinutes: 30,
          locationKind: "club-premises",
          channel: "in-person",
          workers: ["eva"],
          participants: [],
          anonymousCount: 2,
          interventions,
          firstContact: false,
          mode: "group"
        })
      )
    const clubReport = (input: Record<string, string>) => (a: Api) =>
      a.report(coordinator, { reportId: "contacts-by-intervention", serviceId: "club", ...input })
    for (let day = 2; day < 14; day++) await contact(day, ["contact"])
    for (let day = 21; day < 27; day++) await contact(day, ["contact"])
    await contact(20, ["contact", "crisis-intervention"])
    const may = await run(clubReport({ period: "2026-05" }))
    if (may.table._tag !== "OneWay") throw new Error("expected a one-way table")
    const crisis = may.table.dimension.values.indexOf("crisis-intervention")
    expect(may.table.cells[crisis]).toEqual({ _tag: "Suppressed" })
    // The attack: two windows that split May at the crisis contact.
    for (const window of [{ from: "2026-05-01", to: "2026-05-21" }, { from: "2026-05-21", to: "2026-06-01" }]) {
      const e = await fail(clubReport(window))
      expect(e).toMatchObject({ _tag: "InvalidCommand", field: "period" })
    }
    // Days and instants that bound a named period exactly are that period.
    const sameMonth = await run(clubReport({ from: "2026-05-01", to: "2026-06-01" }))
    expect(sameMonth.table).toEqual(may.table)
    // The quarter hides what its months hide: Q2 minus April and June does not give May away.
    const q2 = await run(clubReport({ period: "2026-Q2" }))
    if (q2.table._tag !== "OneWay") throw new Error("expected a one-way table")
    expect(q2.table.cells[q2.table.dimension.values.indexOf("crisis-intervention")]).toEqual({ _tag: "Suppressed" })
    // Every run is audited: who, which report, which period, never a cell.
    const runs = (await audit()).filter((e) => e.operation === "ReadReport")
    expect(runs.map((e) => [e.actor, e.subjects])).toEqual([
      ["marta", [{ kind: "report", id: "low-threshold-club/contacts-by-intervention" }, {
        kind: "period",
        id: "2026-05"
      }, { kind: "service", id: "club" }]],
      ["marta", [{ kind: "report", id: "low-threshold-club/contacts-by-intervention" }, {
        kind: "period",
        id: "2026-05"
      }, { kind: "service", id: "club" }]],
      ["marta", [{ kind: "report", id: "low-threshold-club/contacts-by-intervention" }, {
        kind: "period",
        id: "2026-Q2"
      }, { kind: "service", id: "club" }]]
    ])
    expect(JSON.stringify(runs)).not.toMatch(/"count"/)
  })
})
