/**
 * Plugins for the registry's tests: two sound ones and helpers to break them one field at a time.
 */
import { DateTime } from "effect"
import type { Command } from "../../src/Command.js"
import type { Facts } from "../../src/Facts.js"
import { definePlugin, type Plugin } from "../../src/plugins/Plugin.js"
import { defineRule, Principle } from "../../src/principles/index.js"

export const labels = (en: string, cs = `${en} (cs)`, lt = `${en} (lt)`, bg = `${en} (bg)`) => ({ en, cs, lt, bg })

const rule = defineRule<Command, Facts>()

export const HouseRules = Principle.make({
  id: "shelter-house-rules",
  labels: labels("House rules", "Domovní řád", "Namų taisyklės", "Вътрешен ред")
})

export const quietHours = rule({
  id: "shelter-house-rules/quiet-hours",
  principle: HouseRules,
  appliesTo: ["RecordContact"],
  reads: ["service.config"],
  verdicts: ["Warn"],
  check: (command, facts, v) =>
    facts.service.config["quietHours"] === true && command.contact.durationMinutes > 600
      ? v.warn("a contact longer than ten hours during quiet hours", "shelter.quietHours")
      : v.allow
})

export const adultsOnly = rule({
  id: "shelter-house-rules/adults-only",
  principle: HouseRules,
  appliesTo: ["AssessEligibility"],
  reads: ["person.ageBand"],
  verdicts: ["Deny"],
  check: (_command, facts, v) =>
    facts.person !== undefined && ["0-5", "6-10", "11-14", "15-17"].includes(facts.person.ageBand)
      ? v.deny("the shelter is for adults", "shelter.adultsOnly")
      : v.allow
})

export const shelter = definePlugin({
  id: "test-shelter",
  version: "1.2.0",
  requires: { core: "^0.1.0" },
  labels: {
    name: labels("Shelter", "Azylový dům", "Prieglauda", "Приют"),
    description: labels("A place to sleep", "Místo k přespání", "Vieta nakvoti", "Място за спане")
  },
  taxonomies: {
    interventions: {
      "bed-night": labels("Bed night", "Přenocování", "Nakvynė", "Нощувка"),
      counselling: labels("Counselling", "Poradenství", "Konsultavimas", "Консултиране")
    },
    channels: { "in-person": labels("In person", "Osobně", "Asmeniškai", "Лично") },
    firstContactChannels: { "street-work": labels("Street work", "Terénní práce", "Gatvės darbas", "Улична работа") },
    needs: { "warm-meal": labels("Warm meal", "Teplé jídlo", "Šiltas maistas", "Топла храна") }
  },
  targetGroup: { description: labels("Adults without a home"), ageRange: { min: 18, max: 150 }, configurable: false },
  principles: ["voluntariness", "confidentiality", "shelter-house-rules"],
  extraPrinciples: [HouseRules],
  rules: [quietHours],
  eligibility: [adultsOnly],
  indicators: [
    { code: "housed", labels: labels("Housed"), scale: { _tag: "YesNo" } },
    { code: "stability", labels: labels("Stability"), scale: { _tag: "Ladder", min: 1, max: 5 } }
  ],
  derivations: [{
    id: "housed-after-nights",
    indicator: "housed",
    derive: (history) =>
      history.contacts.length === 0 ? undefined : { _tag: "YesNo", value: history.contacts.length > 3 }
  }],
  goals: [{ code: "housing", labels: labels("Housing"), indicators: ["housed", "stability"] }],
  reports: [
    {
      id: "nights",
      labels: labels("Bed nights"),
      question: "how-much",
      query: { kind: "contact", dimensions: [{ by: "tag", values: ["bed-night"] }], measure: { sum: "participants" } }
    },
    {
      id: "housed-by-month",
      labels: labels("Housed by month"),
      question: "better-off",
      query: { kind: "measurement", dimensions: [{ by: "month" }, { by: "value" }], measure: "people" }
    }
  ],
  config: { quietHours: true },
  // The texts of the message keys its rules give (the test kit's messages check).
  messages: {
    "shelter.quietHours": labels("Quiet hours"),
    "shelter.adultsOnly": labels("The shelter is for adults")
  }
})

export const debts = definePlugin({
  id: "test-debts",
  version: "0.3.1",
  requires: { core: ">=0.1.0 <2.0.0" },
  labels: { name: labels("Debts"), description: labels("Debt help") },
  taxonomies: {
    interventions: { "debt-analysis": labels("Debt analysis"), counselling: labels("Counselling") },
    channels: { phone: labels("Phone"), "in-person": labels("In person") },
    firstContactChannels: {}
  },
  targetGroup: { description: labels("Adults in debt"), configurable: true },
  principles: ["free-of-charge"],
  indicators: [{
    code: "solvent",
    labels: labels("Solvent"),
    scale: { _tag: "Category", categories: ["yes", "partly", "no"] }
  }],
  goals: [{ code: "solvency", labels: labels("Solvency"), indicators: ["solvent"] }],
  reports: []
})

/** A copy of a plugin with some fields replaced: for plugins the type checker would refuse. */
export const broken = (plugin: Plugin, changes: Record<string, unknown>): Plugin => ({ ...plugin, ...changes })

export const facts = (overrides: Partial<Facts> = {}): Facts => ({
  now: DateTime.makeUnsafe("2025-01-01T00:00:00Z"),
  actor: { id: "worker-1", role: "worker" },
  service: {
    id: "service-1",
    type: "test-shelter",
    principles: ["voluntariness", "shelter-house-rules"],
    freeOfCharge: true,
    acceptsAnonymous: true,
    requiresIdentity: false,
    config: { quietHours: true }
  },
  consents: [],
  ...overrides
})

export const contactInput = {
  id: "contact-1",
  serviceId: "service-1",
  at: "2025-01-01T21:00:00Z",
  durationMinutes: 30,
  locationKind: "street-area",
  workers: ["worker-1"],
  participants: [],
  anonymousCount: 2,
  firstContact: false,
  mode: "group"
} as const
