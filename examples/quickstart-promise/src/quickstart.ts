/**
 * The quickstart for apps that do not use Effect: the same case-work API as async methods.
 * Failures reject with typed error classes (`CommandRefused`, `AccessDenied`, `InvalidInput`, …).
 */
import {
  AccessDenied,
  Casework,
  type CaseworkClient,
  CommandRefused,
  createClient,
  FieldCrypto,
  InvalidInput,
  type KeyMaterial,
  Registry,
  type Store
} from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"
import { Layer } from "effect"

const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])

/** Builds the Promise client over a store layer and a field-encryption key. */
export const connect = <E>(store: Layer.Layer<Store.Store, E>, key: KeyMaterial.KeyMaterial): CaseworkClient =>
  createClient(
    Casework.layer(Casework.configFromRegistry(registry)).pipe(
      Layer.provide(FieldCrypto.layer({ keys: { k1: key }, current: "k1" })),
      Layer.provide(store)
    )
  )

// Actors are the ids the app's authentication gives; the staff directory says what each may do.
const admin = "admin"
const worker = "worker-tomas"
const volunteer = "volunteer-ana"
const auditor = "auditor"

/** What happened, for printing and for the test. */
export interface Outcome {
  readonly contacts: number
  readonly caught: ReadonlyArray<string>
  readonly historyContacts: number
  readonly auditIntact: boolean
}

/** Runs a short session: a club, two young people, contacts, and three mistakes caught. */
export const session = async (pomoc: ReturnType<typeof connect>): Promise<Outcome> => {
  // Installation: the first administrator (once), who then grants the others their roles.
  await pomoc.setupAdministrator(admin, {})
  await pomoc.setStaff(admin, { id: worker, grants: [{ role: "worker", services: ["club"] }] })
  await pomoc.setStaff(admin, { id: volunteer, grants: [{ role: "volunteer", services: ["club"] }] })
  await pomoc.setStaff(admin, { id: auditor, grants: [{ role: "auditor", services: "*" }] })
  await pomoc.registerOrganisation(admin, { id: "org", name: "Klub Střelka" })
  await pomoc.registerService(admin, {
    id: "club",
    organisationId: "org",
    type: "low-threshold-club",
    name: "Klub Střelka",
    targetGroup: { description: "young people", ageRange: { min: 6, max: 26 } },
    localities: [],
    principles: [...lowThresholdClub.principles],
    freeOfCharge: true,
    firstContactChannels: ["walk-in"],
    registeredAt: "2026-04-01T08:00:00.000Z"
  })
  const { value: mia } = await pomoc.registerPerson(worker, {
    _tag: "pseudonymous",
    serviceId: "club",
    sharedWith: [],
    ageBand: "11-14",
    gender: "not-stated",
    needs: [],
    registeredAt: "2026-04-01T15:00:00.000Z",
    nickname: "Mia"
  })
  let contacts = 0
  for (const day of [1, 2, 3]) {
    await pomoc.recordContact(worker, {
      serviceId: "club",
      at: `2026-04-0${day}T16:00:00.000Z`,
      durationMinutes: 90,
      locationKind: "club-premises",
      channel: "in-person",
      workers: ["worker-tomas"],
      participants: [mia.id],
      anonymousCount: 4 + day,
      interventions: ["contact", "leisure-activity"],
      firstContact: day === 1,
      ...(day === 1 ? { firstContactChannel: "walk-in" } : {}),
      mode: "group"
    })
    contacts++
  }
  const caught: Array<string> = []
  // A fee in a free service: refused by the free-of-charge principle.
  await pomoc.chargeFee(worker, { serviceId: "club", amountMinor: 2000, currency: "CZK" }).catch((e: unknown) => {
    if (e instanceof CommandRefused) caught.push(`CommandRefused: ${e.violations.map((v) => v.principle).join(", ")}`)
  })
  // A volunteer may not read a young person's record.
  await pomoc.getPerson(volunteer, mia.id).catch((e: unknown) => {
    if (e instanceof AccessDenied) caught.push(`AccessDenied: ${e.reason}`)
  })
  // A typo in input from an untyped source (a form, JSON): the error names the field and the rule.
  const fromForm: unknown = { serviceId: "club", at: "yesterday" }
  await pomoc.recordContact(worker, fromForm as Casework.InputOf<"recordContact">).catch((e: unknown) => {
    if (e instanceof InvalidInput) caught.push(`InvalidInput: ${e.problems.map((p) => p.path).join(", ")}`)
  })
  const history = await pomoc.personHistory(worker, mia.id)
  const verification = await pomoc.verifyAudit(auditor, undefined)
  return {
    contacts,
    caught,
    historyContacts: history.contacts?.length ?? 0,
    auditIntact: verification._tag === "Intact"
  }
}
