/**
 * Referrals, both sides (issue 12), through the real plugins on every store: the club refers a
 * person to the debt-counselling service of the same organisation, which accepts, rejects with
 * a reason or completes; the club follows the status; a referral under a legal duty as well as
 * under consent.
 */
import type { Casework, Store } from "@pomoc/core"
import type { Effect } from "effect"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { admin, ana, eva, type Harness, harness, marta, ola, petr, setUp, stores, T } from "./daily-fixture.js"

const debtAdvice = { kind: "service", name: "Dluhová poradna" } as const
const ospod = { kind: "authority", name: "OSPOD Praha 4" } as const

describe.each(stores)("referrals, both sides (%s store)", (_name, storeLayer) => {
  let h: Harness
  const run = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) => h.run(f)
  const fail = <A, E>(f: (api: Casework.Api) => Effect.Effect<A, E>) => h.fail(f)
  const store = <A, E>(f: (s: Store.StoreShape) => Effect.Effect<A, E>) => h.store(f)
  const status = async (id: string) => {
    const r = await run((api) => api.getReferral(eva, id))
    return r.history.map((e) => e.status)
  }

  beforeEach(async () => {
    h = harness(storeLayer())
    await setUp(h)
    await run((api) =>
      api.giveConsent(eva, {
        id: "consent-referral",
        personId: "kuba",
        serviceId: "club",
        purpose: "referral",
        grantee: debtAdvice,
        validFrom: T(3),
        givenAt: T(3),
        form: "written"
      })
    )
    await run((api) =>
      api.refer(eva, {
        id: "r1",
        personId: "kuba",
        fromServiceId: "club",
        to: debtAdvice,
        toServiceId: "debt",
        purpose: "debt-advice",
        consentId: "consent-referral",
        history: [{ status: "requested", at: T(4) }]
      })
    )
  }, 120_000)
  afterEach(() => h.dispose())

  it("the receiving service accepts and completes; the referring service sees each status", async () => {
    expect(await status("r1")).toEqual(["requested"])
    const accepted = await run((api) => api.answerReferral(petr, { referralId: "r1", status: "accepted" }))
    expect(accepted.value.history.at(-1)).toMatchObject({ status: "accepted", by: "petr" })
    expect(await status("r1")).toEqual(["requested", "accepted"])
    await run((api) => api.answerReferral(petr, { referralId: "r1", status: "done" }))
    expect(await status("r1")).toEqual(["requested", "accepted", "done"])
    // The receiving side reads it too; neither side's volunteers, auditors nor administrators do.
    expect((await run((api) => api.getReferral(petr, "r1"))).history).toHaveLength(3)
    for (const actor of [ana, ola, admin]) {
      expect((await fail((api) => api.getReferral(actor, "r1")))._tag).toBe("AccessDenied")
    }
    const entries = await h.audit()
    expect(entries.filter((e) => e.operation === "AnswerReferral").map((e) => [e.actor, e.serviceId])).toEqual([[
      "petr",
      "debt"
    ], ["petr", "debt"]])
  })

  it("the receiving service rejects with a reason; without one it is refused and nothing is stored", async () => {
    expect(await fail((api) => api.answerReferral(petr, { referralId: "r1", status: "rejected" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "reason"
    })
    expect(await status("r1")).toEqual(["requested"])
    const rejected = await run((api) =>
      api.answerReferral(petr, { referralId: "r1", status: "rejected", reason: "Outside our area." })
    )
    expect(rejected.value.history.at(-1)).toMatchObject({ status: "rejected", reason: "Outside our area." })
    expect(await fail((api) => api.answerReferral(petr, { referralId: "r1", status: "done" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "status"
    })
    // The reason is personal: encrypted at rest, never in the audit log.
    const raw = await store((s) => s.get("referral", "r1"))
    expect(JSON.stringify(raw._tag === "Some" ? raw.value.data : null)).not.toContain("Outside our area")
    expect(JSON.stringify(await h.audit())).not.toContain("Outside our area")
  })

  it("only the receiving service answers; the referring service may only revoke", async () => {
    // The referring worker cannot answer for the receiver, nor move it on by themselves.
    expect(await fail((api) => api.answerReferral(eva, { referralId: "r1", status: "accepted" }))).toMatchObject({
      _tag: "NotFound",
      kind: "referral"
    })
    expect(await fail((api) => api.updateReferral(eva, { referralId: "r1", status: "accepted" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "status"
    })
    expect(await fail((api) => api.answerReferral(ana, { referralId: "r1", status: "accepted" }))).toMatchObject({
      _tag: "AccessDenied"
    })
    // A coordinator of the club (not of the receiving service) cannot answer either.
    expect(await fail((api) => api.answerReferral(marta, { referralId: "r1", status: "accepted" }))).toMatchObject({
      _tag: "NotFound"
    })
    const revoked = await run((api) =>
      api.updateReferral(eva, { referralId: "r1", status: "revoked", reason: "Kuba changed his mind." })
    )
    expect(revoked.value.history.map((e) => e.status)).toEqual(["requested", "revoked"])
    expect(await fail((api) => api.answerReferral(petr, { referralId: "r1", status: "accepted" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "status"
    })
  })

  it("a referral to another organisation is moved on by the referring service, as before", async () => {
    await run((api) =>
      api.refer(eva, {
        id: "r2",
        personId: "kuba",
        fromServiceId: "club",
        to: debtAdvice,
        purpose: "debt-advice",
        consentId: "consent-referral",
        history: [{ status: "requested", at: T(4) }]
      })
    )
    expect(await fail((api) => api.answerReferral(eva, { referralId: "r2", status: "accepted" }))).toMatchObject({
      _tag: "InvalidCommand",
      field: "referralId"
    })
    await run((api) => api.updateReferral(eva, { referralId: "r2", status: "accepted" }))
    expect(await status("r2")).toEqual(["requested", "accepted"])
    // The other service's worker never sees it.
    expect(await fail((api) => api.getReferral(petr, "r2"))).toMatchObject({ _tag: "NotFound" })
  })

  it("refers under a legal duty without consent; the audit keeps the ground, never the explanation", async () => {
    const { value, warnings } = await run((api) =>
      api.refer(eva, {
        id: "r3",
        personId: "kuba",
        fromServiceId: "club",
        to: ospod,
        purpose: "child-protection",
        legalDuty: { legalGround: "cz-359-1999-s10", explanation: "Bruises seen twice this month." },
        history: [{ status: "requested", at: T(5) }]
      })
    )
    expect(value.legalDuty).toMatchObject({ legalGround: "cz-359-1999-s10", decidedBy: "eva" })
    expect(warnings.map((w) => w.messageKey)).toContain("principles.confidentiality.legalDutyException")
    const entry = (await h.audit()).find((e) => e.operation === "Refer" && e.subjects.some((s) => s.id === "r3"))
    expect(entry?.legalGround).toBe("cz-359-1999-s10")
    expect(JSON.stringify(await h.audit())).not.toContain("Bruises")
    const raw = await store((s) => s.get("referral", "r3"))
    expect(JSON.stringify(raw._tag === "Some" ? raw.value.data : null)).not.toContain("Bruises")
    // An unknown ground, a duty decided by someone else, or neither consent nor duty: refused.
    expect(
      await fail((api) =>
        api.refer(eva, {
          id: "r4",
          personId: "kuba",
          fromServiceId: "club",
          to: ospod,
          purpose: "child-protection",
          legalDuty: { legalGround: "made-up-law" },
          history: [{ status: "requested", at: T(5) }]
        })
      )
    ).toMatchObject({ _tag: "InvalidCommand", field: "legalDuty.legalGround" })
    expect(
      await fail((api) =>
        api.refer(eva, {
          id: "r4",
          personId: "kuba",
          fromServiceId: "club",
          to: ospod,
          purpose: "child-protection",
          legalDuty: { legalGround: "cz-359-1999-s10", decidedBy: "marta" },
          history: [{ status: "requested", at: T(5) }]
        })
      )
    ).toMatchObject({ _tag: "InvalidCommand", field: "legalDuty.decidedBy" })
    expect(
      await fail((api) =>
        api.refer(eva, {
          id: "r4",
          personId: "kuba",
          fromServiceId: "club",
          to: ospod,
          purpose: "child-protection",
          history: [{ status: "requested", at: T(5) }]
        })
      )
    ).toMatchObject({ _tag: "InvalidInput", problems: [expect.objectContaining({ path: "consentId" })] })
    expect((await store((s) => s.list({ kind: "referral" }))).map((r) => r.id).sort()).toEqual(["r1", "r3"])
  })

  it("a consent that does not cover the recipient still stops a referral", async () => {
    const e = await fail((api) =>
      api.refer(eva, {
        id: "r5",
        personId: "kuba",
        fromServiceId: "club",
        to: ospod,
        toServiceId: "debt",
        purpose: "debt-advice",
        consentId: "consent-referral",
        history: [{ status: "requested", at: T(4) }]
      })
    )
    expect(e).toMatchObject({ _tag: "CommandRefused", operation: "Refer" })
    expect(
      await fail((api) =>
        api.refer(eva, {
          id: "r6",
          personId: "kuba",
          fromServiceId: "club",
          to: debtAdvice,
          toServiceId: "nowhere",
          purpose: "debt-advice",
          consentId: "consent-referral",
          history: [{ status: "requested", at: T(4) }]
        })
      )
    ).toMatchObject({ _tag: "NotFound", kind: "service" })
  })
})
