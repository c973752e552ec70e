/**
 * `npm run demo`, as a newcomer runs it: a year of five organisations on an SQLite file, with the
 * summary figures of seed 2025 asserted (the year is deterministic from its seed), every
 * organisation's three questions, refusals with principle, rule and reason, the erasure, the
 * audit verification, and an annual report per organisation in its language, with no personal
 * data in the printout, the reports or the database file.
 */
import { execFileSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const secrets = ["Kuba 1", "Lenka", "Vědět, komu všemu dlužím", "Austėja", "Десислава", "Friday: "]

describe("npm run demo (a year of five organisations)", () => {
  const dir = mkdtempSync(join(tmpdir(), "pomoc-year-"))
  let out = ""
  beforeAll(() => {
    out = execFileSync("npm", ["run", "--silent", "start"], {
      cwd: join(import.meta.dirname, ".."),
      env: { ...process.env, POMOC_DEMO_DIR: join(dir, "pomoc-demo"), POMOC_DEMO_SEED: "2025" },
      encoding: "utf8"
    })
  }, 300_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("prints the summary figures of seed 2025", () => {
    expect(out).toContain("Pomoc demo: a year (2025) of five organisations, simulated from seed 2025")
    expect(out).toContain("3025 writes went through the case-work API")
    for (
      const row of [
        /young people known by a nickname +│ +34 /,
        /group evenings +│ +208 /,
        /anonymous participations +│ +1198 /,
        /first contacts +│ +274 /,
        /of them, new to the service +│ +160 /,
        /clients +│ +49 /,
        /goals achieved +│ +36 /,
        /anonymous attendances +│ +4863 /,
        /volunteer hours +│ +410\.5 /,
        /trainings for care-institution staff +│ +13 /,
        /needs analyses +│ +27 /
      ]
    ) expect(out).toMatch(row)
    // Every report run is audited too (issue 14): 2 around the erasure and 52 for the five organisations (the community centre's three per project among them).
    expect(out).toContain(
      "3083 audit entries: one for each of the 3025 writes of the year, one for the erasure and one for\n  each of the 57 report runs"
    )
    expect(out).toContain("The hash chain was verified intact.")
  })

  it("answers the three questions for each organisation, from its reports", () => {
    for (
      const name of [
        "Ostrov, z. s.",
        "Na tvé straně, z. ú.",
        "Rovnováha, o. p. s.",
        "Alytaus bendruomenės centras",
        "Фондация „Шанс“"
      ]
    ) {
      const section = out.slice(out.indexOf(`══ ${name}`))
      expect(section.indexOf("How much did we do?"), name).toBeGreaterThan(0)
      expect(section.indexOf("How well did we do it?"), name).toBeGreaterThan(section.indexOf("How much did we do?"))
      expect(section.indexOf("Is anyone better off?"), name).toBeGreaterThan(section.indexOf("How well did we do it?"))
    }
    // Every number is explained: the legend, and a sentence per recorded figure.
    expect(out).toMatch(/"suppressed" is a count from 1 to 4 \(below the threshold of 5\)/)
    expect(out).toContain("a contact counts once under each of its interventions")
  })

  it("shows principles at work: refusals with principle, rule and reason; an erasure; the audit head", () => {
    expect(out).toContain("Voluntariness · rule voluntariness/nobody-compelled: cooperation cannot start compelled")
    expect(out).toContain("Free of charge · rule free-of-charge/no-fee: the service is free of charge")
    expect(out).toMatch(/Active cooperation · rule [a-z-]+\/[a-z-]+: /)
    expect(out).toMatch(/Confidentiality · rule [a-z-]+\/[a-z-]+: /)
    expect(out).toContain("another service's record looks exactly like one that does not exist")
    expect(out).toMatch(/debt-client-001 asked to be forgotten .* answers NotFound/)
    expect(out).toMatch(/still counts (\d+) \(before: \1\)/)
    expect(out).toMatch(/pomoc-audit-head seq=3083 hash=[0-9a-f]{64}/)
  })

  it("writes an annual report per organisation in its language, and keeps no personal data in plain text", () => {
    for (
      const [id, lang] of [["ngo-ostrov", "cs"], ["ngo-na-tve-strane", "cs"], ["ngo-rovnovaha", "cs"], [
        "ngo-alytus",
        "lt"
      ], ["ngo-care-bg", "bg"]] as const
    ) {
      const file = join(dir, "pomoc-demo", `annual-report-2025-${id}.html`)
      expect(out).toContain(`annual-report-2025-${id}.html`)
      expect(existsSync(file), file).toBe(true)
      const html = readFileSync(file, "utf8")
      expect(html).toContain(`<html lang="${lang}">`)
      for (const secret of secrets) expect(html).not.toContain(secret)
    }
    for (const secret of secrets) expect(out).not.toContain(secret)
    const db = join(dir, "pomoc-demo", "pomoc.db")
    expect(existsSync(db)).toBe(true)
    const bytes = readFileSync(db).toString("utf8") +
      (existsSync(db + "-wal") ? readFileSync(db + "-wal").toString("utf8") : "")
    for (const secret of secrets) expect(bytes).not.toContain(secret)
  })
})
