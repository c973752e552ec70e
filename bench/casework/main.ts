/**
 * Benchmark of the case-work API (issue 9), on SQLite (a file, WAL):
 *   - the per-command cost of `recordContact`, `disclose` and `addPlanStep` for a person holding
 *     10,000 consents, plan steps and contacts, against a person holding 10 of each in the same
 *     file (target: 10,000 ÷ 10 ≤ 1.3×): a command must read only the facts it needs;
 *   - `recordContact` through the API against committing the same record (already encrypted)
 *     with its audit entry through the store alone (target ≤ 1.5×);
 *   - a batch of 1,000 contacts through the API against the store's batch path (one commit of
 *     the same 1,000 encrypted records and their audit entries; target ≤ 1.3×).
 * The people's consents and contacts are seeded through the store (encrypted as the API stores
 * them), since building them one by one through the API is what is being measured; the plan is
 * created through the API in one command. Variants alternate in rounds; the
 * table shows medians, and each ratio is the median of the two variants' times in the same round.
 *
 * Run: `npm run bench -- casework` (`--quick` for fewer commands and rounds; `--portable-cipher`
 * for core's portable AES-GCM instead of Node's, which the API uses as a Node host provides it).
 */
import { Casework, FieldCrypto, KeyMaterial, Principles, Records, Store } from "@pomoc/core"
import type { Audit } from "@pomoc/core"
import { NodeCipher } from "@pomoc/store-sql"
import { SqliteStore } from "@pomoc/store-sqlite"
import { Context, DateTime, Effect, Exit, Layer, Schema, Scope } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { median } from "../shared/run.js"

const quick = process.argv.includes("--quick")
const ROUNDS = quick ? 5 : 31
/** Commands per variant per round. */
const PER_ROUND = 5
const SMALL = 10
const BIG = 10_000
const BATCH = 1_000

const serviceTypes = new Map([["low-threshold-club", {
  interventions: new Set(["conversation", "information"]),
  channels: new Set(["in-person"]),
  firstContactChannels: new Set(["street"]),
  indicators: new Map(),
  acceptsAnonymous: true
}]])
const admin = { id: "admin", grants: [{ role: "administrator", services: "*" }] }
const worker = { id: "worker-1", grants: [{ role: "worker", services: ["club"] }] } as const
const recipient = { kind: "school", name: "ZŠ Komenského" } as const
const T0 = Date.UTC(2026, 0, 1)
const iso = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

type Api = Casework.Api

// ---------------------------------------------------------------------------------------------
// Setup

const dir = mkdtempSync(join(tmpdir(), "pomoc-bench-casework-"))
const key = KeyMaterial.generate()
// As a Node host builds it (docs/privacy.md): Node's native AES-256-GCM for the fields
// (`--portable-cipher` keeps core's portable one).
const portableCipher = process.argv.includes("--portable-cipher")
const layer = Casework.layer({ engine: Principles.coreEngine, serviceTypes }).pipe(
  Layer.provideMerge(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
  Layer.provideMerge(SqliteStore.layer({ filename: join(dir, "casework.db") })),
  Layer.provide(portableCipher ? Layer.empty : NodeCipher.layer)
)
const scope = Scope.makeUnsafe()
const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
const api: Api = Context.get(context, Casework.Casework)
const store = Context.get(context, Store.Store)
const crypto = Context.get(context, FieldCrypto.FieldCrypto)
const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** An entity as the API stores it: decoded by its schema, encoded and encrypted. */
const write = <A>(mapping: Records.Mapping<A>, plain: unknown): Effect.Effect<Store.RecordWrite, unknown> => {
  const w = Records.toWrite(mapping, Schema.decodeUnknownSync(mapping.schema)(plain), 0)
  return Effect.map(crypto.encryptFields(w.kind, w.id, w.data), (data) => ({ ...w, data }))
}

const draft = (operation: string, writes: ReadonlyArray<Store.RecordWrite>): Audit.AuditDraft => ({
  at: new Date().toISOString(),
  actor: worker.id,
  role: "worker",
  operation,
  outcome: "allowed",
  serviceId: "club",
  subjects: writes.map((w) => ({ kind: w.kind, id: w.id }))
})

/** Commits seeded records 1,000 a unit, one audit entry a record (as the API would have). */
const seed = async (writes: ReadonlyArray<Store.RecordWrite>, operation: string) => {
  for (let i = 0; i < writes.length; i += 1000) {
    const part = writes.slice(i, i + 1000)
    await run(store.commit({ writes: part, audit: part.map((w) => draft(operation, [w])) }))
  }
}

const contactInput = (personId: string, n: number, id?: string) => ({
  ...(id === undefined ? {} : { id }),
  serviceId: "club",
  at: iso(n % 100_000),
  durationMinutes: 30,
  locationKind: "club-premises" as const,
  channel: "in-person",
  workers: [worker.id],
  participants: [personId],
  anonymousCount: 0,
  interventions: ["conversation"],
  firstContact: false,
  mode: "individual" as const,
  note: "Talked about school and the week ahead."
})

/** A person holding `size` consents, contacts and plan steps (one plan, one goal). */
const preparePerson = async (personId: string, size: number) => {
  await run(api.registerPerson(worker, {
    _tag: "pseudonymous",
    id: personId,
    serviceId: "club",
    sharedWith: [],
    ageBand: "15-17",
    gender: "not-stated",
    needs: [],
    registeredAt: iso(1),
    nickname: `Nick ${personId}`
  }))
  const consents = await run(
    Effect.forEach(Array.from({ length: size }, (_, i) => i), (i) =>
      write(Records.mappings.consent, {
        id: `${personId}-consent-${i}`,
        personId,
        serviceId: "club",
        purpose: "disclosure",
        grantee: recipient,
        validFrom: iso(0),
        givenAt: iso(2),
        form: "verbal",
        recordedBy: worker.id
      }))
  )
  await seed(consents, "GiveConsent")
  const contacts = await run(
    Effect.forEach(
      Array.from({ length: size }, (_, i) => i),
      (i) => write(Records.mappings.contact, { ...contactInput(personId, i + 10, `${personId}-contact-${i}`) })
    )
  )
  await seed(contacts, "RecordContact")
  // The plan through the API, in one command: how a plan is stored is the API's business.
  await run(api.createPlan(worker, {
    id: `${personId}-plan`,
    personId,
    serviceId: "club",
    createdAt: iso(3),
    reviews: [],
    goals: [{
      id: `${personId}-goal`,
      inPersonsWords: "Finish school this year.",
      status: "open",
      steps: Array.from(
        { length: size },
        (_, i) => ({
          id: `${personId}-step-${i}`,
          description: `Step ${i}: talk to the teacher.`,
          takenBy: "person" as const
        })
      )
    }]
  }))
}

// ---------------------------------------------------------------------------------------------
// Timing

/** Wall and CPU milliseconds of a run. */
interface Time {
  readonly wall: number
  readonly cpu: number
}

interface Variant {
  readonly name: string
  /** Runs `count` commands (numbered from `from`); returns its wall and CPU time. */
  readonly run: (from: number, count: number) => Promise<Time>
}

interface Measured {
  /** Median milliseconds per command (or per batch) of each variant. */
  readonly left: number
  readonly right: number
  /** The median over rounds of left ÷ right in the same round, which cancels most of the machine's load. */
  readonly ratio: number
  /** The same of the process's CPU time (user + system), which a loaded machine disturbs less. */
  readonly cpuLeft: number
  readonly cpuRight: number
  readonly cpuRatio: number
}

/** Runs both variants once per round, alternating which goes first. */
const measure = async (left: Variant, right: Variant, perRound = PER_ROUND): Promise<Measured> => {
  const l: Array<Time> = [], r: Array<Time> = []
  let n = 0
  for (let round = 0; round < ROUNDS; round++) {
    const times = new Map<Variant, Time>()
    for (const v of round % 2 === 0 ? [left, right] : [right, left]) {
      const t = await v.run(n, perRound)
      times.set(v, { wall: t.wall / perRound, cpu: t.cpu / perRound })
      n += perRound
    }
    l.push(times.get(left)!)
    r.push(times.get(right)!)
  }
  const of = (ts: ReadonlyArray<Time>, k: keyof Time) => ts.map((t) => t[k])
  const ratios = (k: keyof Time) => median(l.map((t, i) => t[k] / r[i]![k]))
  return {
    left: median(of(l, "wall")),
    right: median(of(r, "wall")),
    ratio: ratios("wall"),
    cpuLeft: median(of(l, "cpu")),
    cpuRight: median(of(r, "cpu")),
    cpuRatio: ratios("cpu")
  }
}

const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

const timed = async (count: number, one: (i: number) => Promise<unknown>, from: number): Promise<Time> => {
  const started = performance.now()
  const cpu = cpuNow()
  for (let i = 0; i < count; i++) await one(from + i)
  return { wall: performance.now() - started, cpu: cpuNow() - cpu }
}

let stepIds = 0
const commands = {
  recordContact: (personId: string) => (i: number) =>
    run(api.recordContact(worker, contactInput(personId, 200_000 + i))),
  disclose: (personId: string) => (i: number) =>
    run(api.disclose(worker, {
      personId,
      serviceId: "club",
      recipient,
      purpose: "disclosure",
      at: iso(300_000 + i),
      basis: { _tag: "Consent", consentId: `${personId}-consent-0` },
      disclosedBy: worker.id
    })),
  addPlanStep: (personId: string) => () =>
    run(api.addPlanStep(worker, {
      planId: `${personId}-plan`,
      goalId: `${personId}-goal`,
      step: { id: `${personId}-new-step-${stepIds++}`, description: "Bring the letters.", takenBy: "person" }
    }))
} as const

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  readonly scenario: string
  readonly m: Measured
  readonly target: number
}
const rows: Array<Row> = []
const fmt = (ms: number) => ms >= 100 ? `${Math.round(ms).toLocaleString("en-US")} ms` : `${ms.toFixed(2)} ms`

try {
  console.log(
    `case-work API on SQLite (${
      portableCipher ? "portable" : "Node's"
    } AES-GCM): ${ROUNDS} rounds of ${PER_ROUND} commands, medians; node ${process.version}, ${
      cpus()[0]?.model ?? "unknown CPU"
    } × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`
  )
  // The store-backed staff directory, as an app has it: every command resolves its actor there.
  await run(api.setupAdministrator(admin.id, {}))
  await run(api.setStaff(admin.id, worker))
  await run(api.registerOrganisation(admin, { id: "org", name: "Klub Pomoc" }))
  await run(api.registerService(admin, {
    id: "club",
    organisationId: "org",
    type: "low-threshold-club",
    name: "Nízkoprahový klub",
    targetGroup: { description: "youth", ageRange: { min: 6, max: 26 } },
    localities: [],
    principles: [...Principles.corePrincipleIds],
    freeOfCharge: true,
    firstContactChannels: ["street"],
    registeredAt: iso(0)
  }))
  const seeding = performance.now()
  await preparePerson("small", SMALL)
  await preparePerson("big", BIG)
  console.log(
    `seeded ${SMALL} and ${BIG} consents, contacts and plan steps in ${
      ((performance.now() - seeding) / 1000).toFixed(1)
    } s`
  )

  for (const name of ["recordContact", "disclose", "addPlanStep"] as const) {
    const m = await measure(
      { name: "big", run: (from, count) => timed(count, commands[name]("big"), from) },
      { name: "small", run: (from, count) => timed(count, commands[name]("small"), from) }
    )
    rows.push({ scenario: `${name}: person with ${BIG.toLocaleString("en-US")} ÷ with ${SMALL}`, m, target: 1.3 })
    console.log(`${name}: ${fmt(m.right)} (10) / ${fmt(m.left)} (10,000) per command`)
  }

  // recordContact through the API against the same record committed by the store alone.
  let storeIds = 0
  const storeContact = async (i: number) => {
    const w = await run(
      write(Records.mappings.contact, contactInput("small", 400_000 + i, `store-contact-${storeIds++}`))
    )
    return { w, unit: { writes: [w], audit: [draft("RecordContact", [w])] } satisfies Store.UnitOfWork }
  }
  const api1 = await measure(
    { name: "api", run: (from, count) => timed(count, commands.recordContact("small"), from) },
    {
      name: "store",
      run: async (from, count) => {
        // prepared (encoded and encrypted) outside the timing: the store's own cost only
        const units = await Promise.all(Array.from({ length: count }, (_, i) => storeContact(from + i)))
        return timed(count, (i) => run(store.commit(units[i - from]!.unit)), from)
      }
    }
  )
  rows.push({ scenario: "recordContact: API ÷ store alone", m: api1, target: 1.5 })

  let batchIds = 0
  const batch = await measure(
    {
      name: "api",
      run: (from) =>
        timed(
          1,
          () =>
            run(
              api.batch(
                worker,
                Array.from(
                  { length: BATCH },
                  (_, i) => ({ op: "recordContact" as const, input: contactInput("small", 500_000 + from + i) })
                )
              )
            ),
          from
        )
    },
    {
      name: "store",
      run: async (from) => {
        // prepared (encoded and encrypted) outside the timing: the store's own cost only
        const writes = await run(
          Effect.forEach(
            Array.from({ length: BATCH }, (_, i) => i),
            (i) =>
              write(Records.mappings.contact, contactInput("small", 600_000 + from + i, `batch-contact-${batchIds++}`))
          )
        )
        return timed(
          1,
          () => run(store.commit({ writes, audit: writes.map((w) => draft("RecordContact", [w])) })),
          from
        )
      }
    },
    1
  )
  rows.push({
    scenario: `a batch of ${BATCH.toLocaleString("en-US")} contacts: API ÷ store's batch`,
    m: batch,
    target: 1.3
  })

  console.log(
    `\n(${DateTime.formatIso(DateTime.makeUnsafe(Date.now()))}, load average ${
      loadavg().map((x) => x.toFixed(1)).join(" / ")
    })`
  )
  console.log(
    "| scenario | left (median per command, or per batch) | right | left ÷ right (median of same-round ratios) | CPU: left, right, ratio | target |"
  )
  console.log("| --- | ---: | ---: | ---: | ---: | --- |")
  for (const { m, scenario, target } of rows) {
    console.log(
      `| ${scenario} | ${fmt(m.left)} | ${fmt(m.right)} | ${m.ratio.toFixed(2)}× | ${fmt(m.cpuLeft)}, ${
        fmt(m.cpuRight)
      }, ${m.cpuRatio.toFixed(2)}× | ≤ ${target}×: ${m.ratio <= target ? "met" : "MISSED"} (CPU: ${
        m.cpuRatio <= target ? "met" : "missed"
      }) |`
    )
  }
} finally {
  await Effect.runPromise(Scope.close(scope, Exit.void))
  rmSync(dir, { recursive: true, force: true })
}
