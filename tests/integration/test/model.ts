/**
 * A model-based test of the whole case-work API: random sequences of commands (good, bad,
 * refused) run against a real store, checked after every step against a simple model and the
 * invariants of issue #6.
 */
import { Audit, Casework, FieldCrypto, KeyMaterial, LegalGround, Principles, StaffDirectory, Store } from "@pomoc/core"
import { DateTime, Effect, Layer, ManagedRuntime } from "effect"
import * as fc from "fast-check"
import { expect } from "vitest"
import { openWithRemainingKeys, sealedOf } from "./privacy.js"

export const serviceTypes = new Map([["low-threshold-club", {
  interventions: new Set(["conversation", "information", "crisis-intervention"]),
  channels: new Set(["in-person", "social-network"]),
  firstContactChannels: new Set(["street", "school"]),
  indicators: new Map(),
  acceptsAnonymous: true
}]])

const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "worker-1", grants: [{ role: "worker", services: ["club"] }] }
const outsider = { id: "worker-2", grants: [{ role: "worker", services: ["elsewhere"] }] }
const volunteer = { id: "volunteer-1", grants: [{ role: "volunteer", services: ["club"] }] }
const auditor = { id: "auditor-1", grants: [{ role: "auditor", services: "*" }] }
const coordinator = { id: "coordinator-1", grants: [{ role: "coordinator", services: ["club"] }] }

const recipients = [
  { kind: "school", name: "ZŠ Komenského" },
  { kind: "authority", name: "OSPOD Praha 4" }
] as const

interface ModelPerson {
  readonly id: string
  readonly level: "anonymous" | "pseudonymous"
}
interface ModelConsent {
  readonly id: string
  readonly personId: string
  readonly recipient: number
  withdrawn: boolean
}
interface ModelCooperation {
  readonly id: string
  readonly personId: string
  active: boolean
}

export interface Model {
  readonly persons: Array<ModelPerson>
  readonly consents: Array<ModelConsent>
  readonly cooperations: Array<ModelCooperation>
  /** Successful writes so far; each must have exactly one audit entry. */
  writes: number
  /** The operation of every successful write, in order: the audit log's allowed entries, one each. */
  readonly log: Array<string>
  /** Disclosures stored, with the basis they were allowed on. */
  readonly disclosures: Array<{ readonly basis: "consent" | "legal-duty"; readonly consentValid: boolean }>
  /** Disclosures made on a consent: none may be committed after the consent's withdrawal. */
  readonly onConsent: Array<{ readonly disclosureId: string; readonly consentId: string }>
  /** Erased people: their old id and new random id. */
  readonly erased: Array<{ readonly from: string; readonly to: string }>
  counter: number
}

type Api = Casework.Api
export interface Real {
  readonly run: <A, E>(f: (api: Api, store: Store.StoreShape) => Effect.Effect<A, E>) => Promise<A>
  /** The application's field crypto (an attacker holding the app key has it too). */
  readonly crypto: FieldCrypto.FieldCryptoShape
}

const at = (minutes: number) => DateTime.formatIso(DateTime.makeUnsafe(Date.UTC(2026, 0, 1) + minutes * 60_000))

/** Everything stored, to compare before and after a refused command. */
const snapshot = (store: Store.StoreShape) =>
  Effect.gen(function*() {
    const kinds = ["person", "contact", "cooperation", "consent", "disclosure"] as const
    const lists = yield* Effect.forEach(kinds, (kind) => store.list({ kind }))
    const head = yield* store.auditHead
    return JSON.stringify({ lists, head })
  })

/** Runs a command that must be refused, and checks that it changed nothing. */
const refused = async (
  r: Real,
  f: (api: Api) => Effect.Effect<unknown, { readonly _tag: string }>,
  tags: ReadonlyArray<string>
) => {
  const before = await r.run((_, store) => snapshot(store))
  const error = await r.run((api) => Effect.flip(f(api)))
  expect(tags).toContain(error._tag)
  const after = await r.run((_, store) => snapshot(store))
  expect(after).toBe(before)
}

const checkInvariants = async (m: Model, r: Real) => {
  const entries = await r.run((api) => api.auditLog(auditor, { limit: 100_000 }))
  // every write has its audit entry, and nothing else wrote one
  expect(entries.filter((e) => e.outcome === "allowed").length).toBe(m.writes)
  // every successful write has exactly one audit entry, of its own operation, in order
  expect(entries.filter((e) => e.outcome === "allowed").map((e) => e.operation)).toEqual(m.log)
  // no decision committed on stale facts: no disclosure on a consent sealed after its withdrawal,
  // and never two active cooperations of one person
  const allowed = entries.filter((e) => e.outcome === "allowed")
  const seqOf = (operation: string, id: string) =>
    allowed.find((e) => e.operation === operation && e.subjects.some((s) => s.id === id))?.seq
  for (const d of m.onConsent) {
    const disclosed = seqOf("Disclose", d.disclosureId)
    const withdrawn = seqOf("WithdrawConsent", d.consentId)
    if (disclosed !== undefined && withdrawn !== undefined) expect(disclosed).toBeLessThan(withdrawn)
  }
  const cooperations = await r.run((_, store) => store.list({ kind: "cooperation" }))
  for (const p of m.persons) {
    expect(cooperations.filter((c) => c.personIds.includes(p.id) && c.facets["active"] === true).length)
      .toBeLessThanOrEqual(1)
  }
  // the audit chain verifies
  expect((await r.run((api) => api.verifyAudit(auditor, undefined)))._tag).toBe("Intact")
  expect(Audit.verify(entries)._tag).toBe("Intact")
  // no disclosure without a valid consent or a recorded legal duty
  for (const d of m.disclosures) expect(d.basis === "legal-duty" || d.consentValid).toBe(true)
  const disclosureEntries = entries.filter((e) => e.operation === "Disclose")
  const legalDuty = m.disclosures.filter((d) => d.basis === "legal-duty").length
  expect(disclosureEntries.filter((e) => e.legalGround !== undefined).length).toBe(legalDuty)
  // audit entries hold no personal data
  expect(JSON.stringify(entries)).not.toMatch(/Nick-\d+/)
}

type Cmd = fc.AsyncCommand<Model, Real>

/** Counts a successful write of an operation. */
const wrote = (m: Model, operation: string) => {
  m.writes++
  m.log.push(operation)
}

const command = (
  name: string,
  check: (m: Readonly<Model>) => boolean,
  run: (m: Model, r: Real) => Promise<void>
): Cmd => ({
  check,
  run: async (m, r) => {
    await run(m, r)
    await checkInvariants(m, r)
  },
  toString: () => name
})

const registerPerson = (pseudonymous: boolean) =>
  command(`registerPerson(${pseudonymous ? "pseudonymous" : "anonymous"})`, () => true, async (m, r) => {
    const id = `p-${++m.counter}`
    const input = pseudonymous
      ? {
        _tag: "pseudonymous",
        id,
        serviceId: "club",
        sharedWith: [],
        ageBand: "15-17",
        gender: "not-stated",
        needs: [],
        registeredAt: at(m.counter),
        nickname: `Nick-${m.counter}`
      }
      : {
        _tag: "anonymous",
        id,
        serviceId: "club",
        sharedWith: [],
        ageBand: "11-14",
        gender: "not-stated",
        needs: [],
        registeredAt: at(m.counter)
      }
    await r.run((api) => api.registerPerson(worker, input))
    m.persons.push({ id, level: pseudonymous ? "pseudonymous" : "anonymous" })
    wrote(m, "RegisterPerson")
  })

const anonymousContact = (count: number) =>
  command(`anonymousContact(${count})`, () => true, async (m, r) => {
    // an anonymous contact never needs an identity
    await r.run((api) =>
      api.recordContact(worker, {
        serviceId: "club",
        at: at(++m.counter),
        durationMinutes: 20,
        locationKind: "street-area",
        channel: "in-person",
        workers: ["worker-1"],
        participants: [],
        anonymousCount: count,
        interventions: ["information"],
        firstContact: false,
        mode: count === 1 ? "individual" : "group"
      })
    )
    wrote(m, "RecordContact")
  })

const contactWith = (pick: number) =>
  command(`contactWith(${pick})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    await r.run((api) =>
      api.recordContact(worker, {
        serviceId: "club",
        at: at(++m.counter),
        durationMinutes: 45,
        locationKind: "club-premises",
        channel: "in-person",
        workers: ["worker-1"],
        participants: [person.id],
        anonymousCount: 0,
        interventions: ["conversation"],
        firstContact: false,
        mode: "individual",
        note: `Talked with Nick about school`
      })
    )
    wrote(m, "RecordContact")
  })

const startCooperation = (pick: number, compelled: boolean) =>
  command(`startCooperation(${pick}, compelled=${compelled})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    const input = { serviceId: "club", personId: person.id, startedAt: at(++m.counter), compelled }
    const active = m.cooperations.some((c) => c.personId === person.id && c.active)
    if (compelled || active) {
      // nobody can be recorded as sent or forced; a second cooperation is refused too
      await refused(r, (api) => api.startCooperation(worker, input), ["CommandRefused", "InvalidCommand"])
      return
    }
    const { value } = await r.run((api) => api.startCooperation(worker, input))
    m.cooperations.push({ id: value.id, personId: person.id, active: true })
    wrote(m, "StartCooperation")
  })

const endCooperation = (pick: number, withReason: boolean) =>
  command(
    `endCooperation(${pick}, reason=${withReason})`,
    (m) => m.cooperations.some((c) => c.active),
    async (m, r) => {
      const active = m.cooperations.filter((c) => c.active)
      const coop = active[pick % active.length]!
      // ending cooperation always succeeds, with or without a reason
      await r.run((api) =>
        api.endCooperation(worker, { cooperationId: coop.id, ...(withReason ? { reason: "moved-away" } : {}) })
      )
      coop.active = false
      wrote(m, "EndCooperation")
    }
  )

const giveConsent = (pick: number, recipient: number) =>
  command(`giveConsent(${pick}, ${recipient})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    const { value } = await r.run((api) =>
      api.giveConsent(worker, {
        personId: person.id,
        serviceId: "club",
        purpose: "disclosure",
        grantee: recipients[recipient]!,
        validFrom: at(0),
        givenAt: at(++m.counter),
        form: "verbal",
        recordedBy: "worker-1"
      })
    )
    m.consents.push({ id: value.id, personId: person.id, recipient, withdrawn: false })
    wrote(m, "GiveConsent")
  })

const withdrawConsent = (pick: number) =>
  command(`withdrawConsent(${pick})`, (m) => m.consents.some((c) => !c.withdrawn), async (m, r) => {
    const open = m.consents.filter((c) => !c.withdrawn)
    const consent = open[pick % open.length]!
    await r.run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    consent.withdrawn = true
    wrote(m, "WithdrawConsent")
  })

const discloseWithConsent = (pick: number, recipient: number) =>
  command(`discloseWithConsent(${pick}, ${recipient})`, (m) => m.consents.length > 0, async (m, r) => {
    const consent = m.consents[pick % m.consents.length]!
    const input = {
      personId: consent.personId,
      serviceId: "club",
      recipient: recipients[recipient]!,
      purpose: "disclosure",
      at: at(++m.counter),
      basis: { _tag: "Consent", consentId: consent.id },
      disclosedBy: "worker-1"
    }
    const valid = !consent.withdrawn && consent.recipient === recipient
    if (!valid) {
      await refused(r, (api) => api.disclose(worker, input), ["CommandRefused"])
      return
    }
    const { value } = await r.run((api) => api.disclose(worker, input))
    m.disclosures.push({ basis: "consent", consentValid: true })
    m.onConsent.push({ disclosureId: value.id, consentId: consent.id })
    wrote(m, "Disclose")
  })

const discloseLegalDuty = (pick: number) =>
  command(`discloseLegalDuty(${pick})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    await r.run((api) =>
      api.disclose(worker, {
        personId: person.id,
        serviceId: "club",
        recipient: recipients[1],
        purpose: "child-protection",
        at: at(++m.counter),
        basis: { _tag: "LegalDuty", legalGround: "cz-359-1999-s10", decidedBy: "worker-1" },
        disclosedBy: "worker-1"
      })
    )
    m.disclosures.push({ basis: "legal-duty", consentValid: false })
    wrote(m, "Disclose")
  })

const withdrawAgain = (pick: number) =>
  command(`withdrawAgain(${pick})`, (m) => m.consents.some((c) => c.withdrawn), async (m, r) => {
    const withdrawn = m.consents.filter((c) => c.withdrawn)
    const consent = withdrawn[pick % withdrawn.length]!
    // withdrawing a withdrawn consent changes nothing, and is still a write with its audit entry
    const { value } = await r.run((api) => api.withdrawConsent(worker, { consentId: consent.id }))
    expect(value.withdrawnAt).toBeDefined()
    wrote(m, "WithdrawConsent")
  })

const discloseAsOther = (pick: number) =>
  command(`discloseAsOther(${pick})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    // attribution comes from the actor: a worker cannot name someone else as the decider
    await refused(r, (api) =>
      api.disclose(worker, {
        personId: person.id,
        serviceId: "club",
        recipient: recipients[1],
        purpose: "child-protection",
        at: at(++m.counter),
        basis: { _tag: "LegalDuty", legalGround: "cz-359-1999-s10", decidedBy: "coordinator-1" },
        disclosedBy: "worker-1"
      }), ["InvalidCommand"])
  })

const outsiderReads = (pick: number) =>
  command(`outsiderReads(${pick})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    // another service's person looks exactly like one that does not exist
    const other = await r.run((api) => Effect.flip(api.getPerson(outsider, person.id)))
    const none = await r.run((api) => Effect.flip(api.getPerson(outsider, "no-such-person")))
    expect(other._tag).toBe("NotFound")
    expect(other.message).toBe(none.message)
  })

const evening = (count: number, badAt: number) =>
  command(`evening(${count}, bad=${badAt})`, () => true, async (m, r) => {
    const contacts = Array.from({ length: count }, (_, i) => ({
      op: "recordContact" as const,
      input: {
        serviceId: "club",
        at: at(++m.counter),
        durationMinutes: 10,
        locationKind: "street-area" as const,
        channel: "in-person" as const,
        workers: ["worker-1"],
        participants: [],
        anonymousCount: 1 + i,
        interventions: [i === badAt ? "no-such-intervention" : "information"] as never,
        firstContact: false,
        mode: "group" as const
      }
    }))
    if (badAt < count) {
      // one bad command: the whole batch is refused, naming it, and nothing is stored
      await refused(r, (api) => api.batch(worker, contacts), ["BatchRefused"])
      return
    }
    await r.run((api) => api.batch(worker, contacts))
    for (let i = 0; i < count; i++) wrote(m, "RecordContact")
  })

/** A withdrawal and a disclosure on the same consent at once: the disclosure is never committed on the stale consent. */
const raceDiscloseWithdraw = (pick: number) =>
  command(`raceDiscloseWithdraw(${pick})`, (m) => m.consents.some((c) => !c.withdrawn), async (m, r) => {
    const open = m.consents.filter((c) => !c.withdrawn)
    const consent = open[pick % open.length]!
    const disclosureId = `race-d-${++m.counter}`
    const [withdrawn, disclosed] = await r.run((api) =>
      Effect.all([
        Effect.result(api.withdrawConsent(worker, { consentId: consent.id })),
        Effect.result(api.disclose(worker, {
          id: disclosureId,
          personId: consent.personId,
          serviceId: "club",
          recipient: recipients[consent.recipient]!,
          purpose: "disclosure",
          at: at(m.counter),
          basis: { _tag: "Consent", consentId: consent.id },
          disclosedBy: "worker-1"
        }))
      ], { concurrency: "unbounded" })
    )
    // withdrawing always succeeds; a disclosure that got in was committed before the withdrawal
    expect(withdrawn._tag).toBe("Success")
    consent.withdrawn = true
    if (disclosed._tag === "Success") {
      m.disclosures.push({ basis: "consent", consentValid: true })
      m.onConsent.push({ disclosureId, consentId: consent.id })
      wrote(m, "Disclose")
    }
    wrote(m, "WithdrawConsent")
    if (disclosed._tag === "Failure") {
      // refused on the withdrawn consent, or a retryable conflict on the consent it had read
      const e = disclosed.failure as { readonly _tag: string; readonly retryable?: boolean }
      expect(e._tag === "CommandRefused" || (e._tag === "StoreError" && e.retryable === true), e._tag).toBe(true)
    }
  })

/** Two starts of cooperation for one person at once: at most one is committed. */
const raceStart = (pick: number) =>
  command(
    `raceStart(${pick})`,
    (m) => m.persons.some((p) => !m.cooperations.some((c) => c.personId === p.id && c.active)),
    async (m, r) => {
      const idle = m.persons.filter((p) => !m.cooperations.some((c) => c.personId === p.id && c.active))
      const person = idle[pick % idle.length]!
      const input = { serviceId: "club", personId: person.id, startedAt: at(++m.counter) }
      const results = await r.run((api) =>
        Effect.all([
          Effect.result(api.startCooperation(worker, input)),
          Effect.result(api.startCooperation(worker, input))
        ], { concurrency: "unbounded" })
      )
      const started = results.flatMap((x) => x._tag === "Success" ? [x.success.value] : [])
      expect(started.length).toBe(1)
      for (const x of results) {
        if (x._tag === "Failure") {
          const e = x.failure as { readonly _tag: string; readonly retryable?: boolean }
          expect(e._tag === "InvalidCommand" || (e._tag === "StoreError" && e.retryable === true), e._tag).toBe(true)
        }
      }
      for (const c of started) {
        m.cooperations.push({ id: c.id, personId: person.id, active: true })
        wrote(m, "StartCooperation")
      }
    }
  )

const chargeFee = command(
  "chargeFee",
  () => true,
  (_m, r) =>
    refused(r, (api) => api.chargeFee(worker, { serviceId: "club", amountMinor: 5000, currency: "CZK" }), [
      "CommandRefused"
    ])
)

const junk = (input: unknown) =>
  command(
    `junk(${JSON.stringify(input).slice(0, 40)})`,
    () => true,
    (_m, r) =>
      refused(r, (api) => api.recordContact(worker, input as Casework.InputOf<"recordContact">), ["InvalidInput"])
  )

const wrongActor = (who: number) =>
  command(
    `wrongActor(${who})`,
    () => true,
    (m, r) =>
      refused(r, (api) =>
        api.registerPerson(who === 0 ? outsider : who === 1 ? volunteer : auditor, {
          _tag: "anonymous",
          serviceId: "club",
          sharedWith: [],
          ageBand: "11-14",
          gender: "not-stated",
          needs: [],
          registeredAt: at(m.counter)
        }), ["AccessDenied"])
  )

const erase = (pick: number) =>
  command(`erase(${pick})`, (m) => m.persons.length > 0, async (m, r) => {
    const person = m.persons[pick % m.persons.length]!
    // Every envelope of the person's data, as it is stored before the erasure.
    const sealed = await sealedOf({ ...r, dispose: async () => {} }, person.id)
    const { value } = await r.run((api) => api.erasePerson(coordinator, person.id))
    wrote(m, "ErasePerson")
    m.erased.push({ from: person.id, to: value.id })
    m.persons.splice(m.persons.indexOf(person), 1)
    for (const list of [m.consents, m.cooperations] as const) {
      for (let i = list.length - 1; i >= 0; i--) if (list[i]!.personId === person.id) list.splice(i, 1)
    }
    // Unrecoverable: the old id names nothing, and no data key left opens any of their envelopes.
    expect((await r.run((api) => Effect.flip(api.getPerson(worker, person.id))))._tag).toBe("NotFound")
    expect(await openWithRemainingKeys({ ...r, dispose: async () => {} }, sealed)).toBe(0)
  })

export const commands: Array<fc.Arbitrary<Cmd>> = [
  fc.boolean().map(registerPerson),
  fc.integer({ min: 1, max: 40 }).map(anonymousContact),
  fc.nat().map(contactWith),
  fc.tuple(fc.nat(), fc.boolean()).map(([p, c]) => startCooperation(p, c)),
  fc.tuple(fc.nat(), fc.boolean()).map(([p, w]) => endCooperation(p, w)),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1 })).map(([p, rcp]) => giveConsent(p, rcp)),
  fc.nat().map(withdrawConsent),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 1 })).map(([p, rcp]) => discloseWithConsent(p, rcp)),
  fc.nat().map(discloseLegalDuty),
  fc.nat().map(raceDiscloseWithdraw),
  fc.nat().map(raceStart),
  fc.constant(chargeFee),
  fc.jsonValue({ maxDepth: 2 }).map(junk),
  fc.integer({ min: 0, max: 2 }).map(wrongActor),
  fc.nat().map(withdrawAgain),
  fc.nat().map(discloseAsOther),
  fc.nat().map(outsiderReads),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 8 })).map(([n, bad]) => evening(n, bad)),
  fc.nat().map(erase)
]

/**
 * The store with a few random yields before every read and commit, so that the commands a race
 * runs at once really interleave (their reads and commits in any order) in one process.
 */
export const interleaving = (store: Store.StoreShape): Store.StoreShape => {
  const pause = Effect.suspend(() => Effect.repeat(Effect.yieldNow, { times: Math.floor(Math.random() * 4) }))
  return {
    ...store,
    get: (kind, id) => Effect.andThen(pause, store.get(kind, id)),
    list: (query) => Effect.andThen(pause, store.list(query)),
    commit: (unit) => Effect.andThen(pause, store.commit(unit))
  }
}

/**
 * Every stored disclosure rests on a consent in force when it was recorded (the audit entry's
 * time), of the same person, or on a legal duty whose ground is a known code (issue 11).
 */
const checkDisclosures = async (r: Real) => {
  const entries = await r.run((api) => api.auditLog(auditor, { limit: 100_000 }))
  const recordedAt = new Map<
    string,
    { readonly at: string; readonly seq: number; readonly legalGround?: string | undefined }
  >()
  // the audit sequence of each consent's withdrawal: the chain orders commits where two can share a millisecond
  const withdrawnSeq = new Map<string, number>()
  for (const e of entries) {
    if (e.operation === "WithdrawConsent") {
      for (const s of e.subjects) if (s.kind === "consent" && !withdrawnSeq.has(s.id)) withdrawnSeq.set(s.id, e.seq)
    }
    if (e.operation !== "Disclose") continue
    for (const s of e.subjects) {
      if (s.kind === "disclosure") recordedAt.set(s.id, { at: e.at, seq: e.seq, legalGround: e.legalGround })
    }
  }
  const codes = new Set(LegalGround.builtin.map((g) => g.code))
  const disclosures = await r.run((_, store) => store.list({ kind: "disclosure" }))
  for (const d of disclosures) {
    const data = d.data as {
      readonly personId: string
      readonly basis: { readonly _tag: string; readonly consentId?: string }
    }
    const audit = recordedAt.get(d.id)
    expect(audit, "every disclosure has its audit entry").toBeDefined()
    if (data.basis._tag === "LegalDuty") {
      expect(codes.has(audit!.legalGround ?? "")).toBe(true)
      continue
    }
    const consent = await r.run((_, store) => store.get("consent", data.basis.consentId!))
    expect(consent._tag).toBe("Some")
    if (consent._tag !== "Some") continue
    const c = consent.value.data as {
      readonly personId: string
      readonly validFrom: string
      readonly validUntil?: string
      readonly withdrawnAt?: string
    }
    const when = Date.parse(audit!.at)
    expect(c.personId).toBe(data.personId)
    expect(Date.parse(c.validFrom)).toBeLessThanOrEqual(when)
    if (c.validUntil !== undefined) expect(when).toBeLessThanOrEqual(Date.parse(c.validUntil))
    if (c.withdrawnAt !== undefined) {
      // committed before the withdrawal: earlier in the chain, and not later on the clock, also
      // for a disclosure raced against the withdrawal (a command that others' commits overtook is
      // decided again no earlier than them: see commit-time.test.ts)
      expect(when).toBeLessThanOrEqual(Date.parse(c.withdrawnAt))
      const withdrawal = withdrawnSeq.get(data.basis.consentId!)
      expect(withdrawal, "a withdrawn consent has its audit entry").toBeDefined()
      expect(audit!.seq).toBeLessThan(withdrawal!)
    }
  }
}

/** What a store under test gives: its layer and, for a file, its raw bytes (main file, WAL). */
export interface StoreUnderTest {
  readonly layer: Layer.Layer<Store.Store, unknown>
  readonly raw?: () => Promise<Uint8Array>
}

/** Runs the model-based test against a store layer (a fresh store per sequence). */
export const runModel = async (
  storeLayer: () => Layer.Layer<Store.Store, unknown> | StoreUnderTest,
  options: { readonly numRuns: number; readonly maxCommands?: number }
) => {
  const key = KeyMaterial.generate()
  await fc.assert(
    fc.asyncProperty(fc.commands(commands, { maxCommands: options.maxCommands ?? 12 }), async (cmds) => {
      const made = storeLayer()
      const underTest: StoreUnderTest = "layer" in made && !Layer.isLayer(made)
        ? made
        : { layer: made as Layer.Layer<Store.Store, unknown> }
      const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
        Layer.provide(StaffDirectory.layerList([admin, worker, outsider, volunteer, auditor, coordinator])),
        Layer.provideMerge(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
        Layer.provideMerge(
          Layer.effect(Store.Store, Effect.map(Store.Store, interleaving)).pipe(Layer.provide(underTest.layer))
        )
      )
      const runtime = ManagedRuntime.make(layer)
      try {
        const real: Real = {
          crypto: await runtime.runPromise(FieldCrypto.FieldCrypto.use(Effect.succeed)),
          run: (f) =>
            runtime.runPromise(Effect.gen(function*() {
              const api = yield* Casework.Casework
              const store = yield* Store.Store
              return yield* f(api, store)
            }))
        }
        await real.run((api) => api.registerOrganisation(admin, { id: "org", name: "Klub Pomoc" }))
        await real.run((api) =>
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
        const model: Model = {
          persons: [],
          consents: [],
          cooperations: [],
          writes: 2,
          log: ["RegisterOrganisation", "RegisterService"],
          disclosures: [],
          onConsent: [],
          erased: [],
          counter: 0
        }
        await fc.asyncModelRun(() => ({ model, real }), cmds)
        // No personal value in plain text in any stored record (issue 11): nicknames, notes,
        // consent grantees and disclosure recipients are all encrypted at rest.
        const canaries = /Nick-\d+|Talked with Nick|Komenského|OSPOD Praha/
        const stored = await real.run((_, store) =>
          Effect.forEach(Store.RecordKind.literals, (kind) => store.list({ kind }))
        )
        expect(JSON.stringify(stored)).not.toMatch(canaries)
        // The same canaries, in the raw database files (main file and WAL), where the store has them.
        if (underTest.raw !== undefined) {
          expect(Buffer.from(await underTest.raw()).toString("latin1")).not.toMatch(canaries)
        }
        // No disclosure without a consent in force when it was recorded, or a coded legal duty.
        await checkDisclosures(real)
        // An erased person's old id names no record any more.
        for (const { from } of model.erased) expect(JSON.stringify(stored)).not.toContain(`"${from}"`)
      } finally {
        await runtime.dispose()
      }
    }),
    { numRuns: options.numRuns }
  )
}
