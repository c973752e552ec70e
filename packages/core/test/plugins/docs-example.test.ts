// The first example of docs/plugins.md, kept running so that it cannot rot.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { definePlugin } from "../../src/plugins/Plugin.js"
import * as Registry from "../../src/plugins/Registry.js"
import { checkLabels, checkRegistration } from "../../src/testing/plugin.js"

const l = (en: string, cs: string, lt: string, bg: string) => ({ en, cs, lt, bg })

const nightShelter = definePlugin({
  id: "night-shelter",
  version: "0.1.0",
  requires: { core: "^0.1.0" },
  labels: {
    name: l("Night shelter", "Noclehárna", "Nakvynės namai", "Нощен приют"),
    description: l("A bed for the night", "Lůžko na noc", "Lova nakvynei", "Легло за нощта")
  },
  taxonomies: {
    interventions: { "bed-night": l("Bed for the night", "Přenocování", "Nakvynė", "Нощувка") },
    channels: { "in-person": l("In person", "Osobně", "Asmeniškai", "Лично") },
    firstContactChannels: { "street-work": l("Street work", "Terénní práce", "Gatvės darbas", "Улична работа") }
  },
  targetGroup: {
    description: l("Adults without a home", "Dospělí bez domova", "Suaugusieji be namų", "Възрастни без дом"),
    ageRange: { min: 18, max: 150 },
    configurable: false
  },
  principles: ["low-threshold", "voluntariness", "confidentiality"],
  indicators: [{
    code: "slept-indoors",
    labels: l("Slept indoors", "Spal/a uvnitř", "Nakvojo patalpose", "Спал/а на закрито"),
    scale: { _tag: "YesNo" }
  }],
  goals: [{
    code: "safe-night",
    labels: l("A safe night", "Bezpečná noc", "Saugi naktis", "Безопасна нощ"),
    indicators: ["slept-indoors"]
  }],
  reports: []
})

describe("docs/plugins.md example", () => {
  it("registers and labels the night shelter", () => {
    const registry = Effect.runSync(Registry.make([nightShelter]))
    expect(registry.label("interventions", "bed-night", "cs")).toBe("Přenocování")
    expect(checkRegistration(nightShelter).problems).toEqual([])
    expect(checkLabels(nightShelter).problems).toEqual([])
  })
})
