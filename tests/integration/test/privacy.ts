/**
 * Issue 11's privacy attacks, as a scenario any store runs: a run of the API that puts a canary
 * into every personal field, and the checks on what is left in the raw database, before and
 * after erasure.
 */
import { FieldCrypto, KeyMaterial, Pomoc, Registry, StaffDirectory, Store } from "@pomoc/core"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Effect, Layer, ManagedRuntime } from "effect"
import { expect } from "vitest"

const registry = Registry.makeUnsafe([lowThresholdClub])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "eva", grants: [{ role: "worker", services: ["club"] }] }
const coordinator = { id: "marta", grants: [{ role: "coordinator", services: ["club"] }] }
const auditor = { id: "ola", grants: [{ role: "auditor", services: "*" }] }

/** Every personal value the scenario stores; none may ever be found in plain text at rest. */
export const canaries = {
  nickname: "CANARY-nick-Kuba",
  notes: "CANARY-notes lives with grandmother",
  contactNote: "CANARY-contact was beaten by stepfather",
  granteeName: "CANARY-grantee aunt Jana Novakova",
  granteeId: "CANARY-grantee-id-780312",
  guardian: "CANARY-guardian mother Petra",
  recipient: "CANARY-recipient OSPOD Praha 4",
  summary: "CANARY-summary attendance confirmed",
  explanation: "CANARY-explanation bruises seen twice",
  referralTo: "CANARY-referral-to Dluhova poradna Jih",
  referralReason: "CANARY-reason no capacity",
  goal: "CANARY-goal I want to finish school",
  step: "CANARY-step call the teacher",
  review: "CANARY-review came on time",
  activityTitle: "CANARY-activity trip with Kuba",
  activityDescription: "CANARY-activity description at the shelter",
  shelterName: "CANARY-shelter Safe House Brno",
  shelterAddress: "CANARY-shelter-address Dlouha 12",
  volunteer: "CANARY-volunteer Ana Horakova"
} as const

/** The texts whose key is the person's: after erasure nothing can read them. */
export const personsCanaries = [
  canaries.nickname,
  canaries.notes,
  canaries.contactNote,
  canaries.granteeName,
  canaries.granteeId,
  canaries.guardian,
  canaries.recipient,
  canaries.summary,
  canaries.explanation,
  canaries.referralTo,
  canaries.referralReason,
  canaries.goal,
  canaries.step,
  canaries.review
]

/** The person's id: a code an attacker can compute again (as `Pseudonym.code(nickname)` would). */
export const CODE = "ps1-abcdefghijklmnop"

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

export type Api = Pomoc.PomocShape
export interface Harness {
  readonly run: <A, E>(f: (api: Api, store: Store.StoreShape) => Effect.Effect<A, E>) => Promise<A>
  readonly crypto: FieldCrypto.FieldCryptoShape
  readonly dispose: () => Promise<void>
}

/** The case-work API over a store, with one application key. */
export const harness = async (storeLayer: Layer.Layer<Store.Store, unknown>): Promise<Harness> => {
  const key = KeyMaterial.generate()
  const cryptoLayer = FieldCrypto.layer({ keys: { k1: key }, current: "k1" })
  const runtime = ManagedRuntime.make(
    Pomoc.layer(Pomoc.configFromRegistry(registry)).pipe(
      Layer.provide(StaffDirectory.layerList([admin, worker, coordinator, auditor])),
      Layer.provideMerge(cryptoLayer),
      Layer.provideMerge(storeLayer)
    )
  )
  const crypto = await runtime.runPromise(FieldCrypto.FieldCrypto.use(Effect.succeed))
  return {
    run: (f) =>
      runtime.runPromise(Effect.gen(function*() {
        return yield* f(yield* Pomoc.Pomoc, yield* Store.Store)
      })),
    crypto,
    dispose: () => runtime.dispose()
  }
}

/** A run of the API that stores every canary. Returns the ids it made. */
export const scenario = async (h: Harness) => {
  const run = h.run
  await run((api) => api.registerOrganisation(admin, { id: "org", name: "Klub" }))
  await run((api) =>
    api.registerService(admin, {
      id: "club",
      organisationId: "org",
      type: "low-threshold-club",
      name: "Club",
      targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
      localities: [],
      principles: [...lowThresholdClub.principles],
      freeOfCharge: true,
      firstContactChannels: ["walk-in"],
      registeredAt: ago(600)
    })
  )
  await run((api) =>
    api.registerLocation(admin, {
      id: "shelter",
      organisationId: "org",
      name: canaries.shelterName,
      kind: "office",
      confidential: true,
      address: canaries.shelterAddress
    })
  )
  await run((api) =>
    api.registerPerson(worker, {
      _tag: "pseudonymous",
      id: CODE,
      serviceId: "club",
      sharedWith: [],
      ageBand: "15-17",
      gender: "male",
      needs: [],
      registeredAt: ago(500),
      nickname: canaries.nickname,
      notes: canaries.notes
    })
  )
  await run((api) =>
    api.recordContact(worker, {
      serviceId: "club",
      at: ago(400),
      durationMinutes: 30,
      locationKind: "club-premises",
      channel: "in-person",
      workers: ["eva"],
      participants: [CODE],
      anonymousCount: 0,
      interventions: ["conversation"],
      firstContact: false,
      mode: "individual",
      note: canaries.contactNote
    })
  )
  const grantee = { kind: "family", name: canaries.granteeName, id: canaries.granteeId } as const
  const { value: consent } = await run((api) =>
    api.giveConsent(worker, {
      personId: CODE,
      serviceId: "club",
      purpose: "disclosure",
      grantee,
      validFrom: ago(300),
      givenAt: ago(300),
      form: "verbal",
      recordedBy: "eva",
      givenOnBehalf: { relation: "parent", by: { kind: "family", name: canaries.guardian } }
    })
  )
  await run((api) =>
    api.disclose(worker, {
      personId: CODE,
      serviceId: "club",
      recipient: grantee,
      purpose: "disclosure",
      at: ago(200),
      basis: { _tag: "Consent", consentId: consent.id },
      disclosedBy: "eva",
      summary: canaries.summary
    })
  )
  await run((api) =>
    api.disclose(worker, {
      personId: CODE,
      serviceId: "club",
      recipient: { kind: "authority", name: canaries.recipient },
      purpose: "child-protection",
      at: ago(190),
      basis: { _tag: "LegalDuty", legalGround: "cz-359-1999-s10", decidedBy: "eva", explanation: canaries.explanation },
      disclosedBy: "eva"
    })
  )
  const to = { kind: "service", name: canaries.referralTo } as const
  const { value: referralConsent } = await run((api) =>
    api.giveConsent(worker, {
      personId: CODE,
      serviceId: "club",
      purpose: "referral",
      grantee: to,
      validFrom: ago(180),
      givenAt: ago(180),
      form: "written",
      recordedBy: "eva"
    })
  )
  const { value: referral } = await run((api) =>
    api.refer(worker, {
      personId: CODE,
      fromServiceId: "club",
      to,
      purpose: "debt-advice",
      consentId: referralConsent.id,
      history: [{ status: "requested", at: ago(170), by: "eva" }]
    })
  )
  await run((api) =>
    api.updateReferral(worker, { referralId: referral.id, status: "rejected", reason: canaries.referralReason })
  )
  await run((api) =>
    api.createPlan(worker, {
      id: "plan-1",
      personId: CODE,
      serviceId: "club",
      createdAt: ago(160),
      reviews: [],
      goals: [{
        id: "g1",
        inPersonsWords: canaries.goal,
        status: "open",
        steps: [{ id: "s1", description: canaries.step, takenBy: "person" }]
      }]
    })
  )
  await run((api) =>
    api.reviewPlan(worker, {
      planId: "plan-1",
      review: { at: ago(150), workers: ["eva"], personParticipated: true, summary: canaries.review }
    })
  )
  await run((api) =>
    api.recordActivity(worker, {
      serviceId: "club",
      kind: "event",
      title: canaries.activityTitle,
      description: canaries.activityDescription,
      startsAt: ago(140),
      audience: "youth",
      forExternalStaff: false,
      attendees: [CODE],
      anonymousAttendance: 3
    })
  )
  await run((api) =>
    api.registerVolunteer(coordinator, {
      organisationId: "org",
      displayName: canaries.volunteer,
      kind: "volunteer",
      ageGroup: "adult",
      since: ago(130),
      skills: []
    })
  )
  return { consentId: consent.id, referralId: referral.id }
}

/** Fails if any canary is in the bytes (as UTF-8 or as JSON-escaped UTF-8). */
export const expectNoCanary = (
  label: string,
  bytes: Buffer | string,
  texts: ReadonlyArray<string> = Object.values(canaries)
) => {
  const haystack = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes
  const found = texts.filter((t) =>
    haystack.includes(Buffer.from(t, "utf8")) || haystack.includes(Buffer.from(JSON.stringify(t).slice(1, -1), "utf8"))
  )
  expect({ label, found }).toEqual({ label, found: [] })
}

/** Every `"ct":"…"` ciphertext in the bytes (envelopes and wrapped keys as stored). */
export const ciphertextsIn = (bytes: Buffer | string): Set<string> => {
  const text = typeof bytes === "string" ? bytes : bytes.toString("latin1")
  return new Set([...text.matchAll(/"ct"\s*:\s*"([A-Za-z0-9_-]{20,})"/g)].map((m) => m[1]!))
}

/** The person's data key records, as stored (to look for their remains after erasure). */
export const dataKeysOf = (h: Harness, personId: string) =>
  h.run((_, store) => store.list({ kind: "data-key", personId }))

/** The checks after erasure that hold on every store, through the API and the store contract. */
export const checkErased = async (h: Harness, erasedId: string, destroyed: ReadonlyArray<Store.StoredRecord>) => {
  // The code computes to nothing any more; the new id holds the anonymous person and the counts.
  expect((await h.run((api) => Effect.flip(api.personHistory(worker, CODE))))._tag).toBe("NotFound")
  for (const kind of ["contact", "consent", "disclosure", "plan", "referral", "activity"] as const) {
    expect(await h.run((_, store) => store.list({ kind, personId: CODE }))).toEqual([])
  }
  const history = await h.run((api) => api.personHistory(worker, erasedId))
  expect(history.person._tag).toBe("anonymous")
  expect(history.contacts).toHaveLength(1)
  expect(history.consents).toHaveLength(2)
  expect(history.disclosures).toHaveLength(2)
  expect(history.activities).toHaveLength(1)
  expectNoCanary("history after erasure", JSON.stringify(history), personsCanaries)
  // The erasure's audit entry names the new id and the destroyed keys (for replay on a restored
  // backup), never the old id.
  const entries = (await h.run((api) => api.auditLog(auditor, { limit: 10_000 }))).filter((e) =>
    e.operation === "ErasePerson"
  )
  expect(entries).toHaveLength(1)
  expect(entries[0]!.subjects).toEqual([
    { kind: "person", id: erasedId },
    ...destroyed.map((k) => ({ kind: "data-key", id: k.id }))
  ])
  // The destroyed data keys are gone.
  for (const key of destroyed) expect((await h.run((_, store) => store.get("data-key", key.id)))._tag).toBe("None")
  // Not one record names the old id.
  for (const kind of Store.RecordKind.literals) {
    const records = await h.run((_, store) => store.list({ kind }))
    expect(JSON.stringify(records)).not.toContain(CODE)
  }
}

/** An envelope sealed with a data key, where it was found. */
export interface Sealed {
  readonly kind: string
  readonly id: string
  readonly field: string
  readonly envelope: { readonly dk: string; readonly iv: string; readonly ct: string }
}

/** Every data-key envelope in the stored records that name a person, with its field path. */
export const sealedOf = async (h: Harness, personId: string): Promise<Array<Sealed>> => {
  const out: Array<Sealed> = []
  for (const kind of Store.RecordKind.literals) {
    for (const record of await h.run((_, store) => store.list({ kind, personId }))) {
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${path}[${i}]`))
        else if (typeof node === "object" && node !== null) {
          const o = node as Record<string, unknown>
          if (o["$enc"] === "v2") out.push({ kind, id: record.id, field: path, envelope: o as never })
          else for (const [k, v] of Object.entries(o)) walk(v, path === "" ? k : `${path}.${k}`)
        }
      }
      walk(record.data, "")
    }
  }
  return out
}

const b64 = (s: string) => new Uint8Array(Buffer.from(s, "base64url"))

/**
 * Tries to open every envelope with every data key still stored (unwrapped with the application
 * key, as an attacker holding it would): returns how many opened.
 */
export const openWithRemainingKeys = async (h: Harness, sealed: ReadonlyArray<Sealed>): Promise<number> => {
  const keys = await h.run((_, store) => store.list({ kind: "data-key" }))
  let opened = 0
  for (const record of keys) {
    const data = record.data as { id: string; wrapped: unknown }
    const raw = await Effect.runPromise(
      h.crypto.decrypt({ kind: "data-key", id: data.id, field: "wrapped" }, data.wrapped)
    ) as string
    const key = await globalThis.crypto.subtle.importKey("raw", b64(raw), { name: "AES-GCM" }, false, ["decrypt"])
    for (const s of sealed) {
      for (const dk of new Set([s.envelope.dk, data.id])) {
        const additionalData = new TextEncoder().encode(
          `pomoc/field/v2\u0000${dk}\u0000${s.kind}\u0000${s.id}\u0000${s.field}`
        )
        const ok = await globalThis.crypto.subtle.decrypt(
          { name: "AES-GCM", iv: b64(s.envelope.iv), additionalData },
          key,
          b64(s.envelope.ct)
        ).then(() => true, () => false)
        if (ok) opened++
      }
    }
  }
  return opened
}
