import { Result } from "effect"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { Export, Import, Schemas, Tabular } from "../src/index.js"
import { addFormats, Ajv2020, closed } from "../src/internal/ajv.js"
import { directoriesOf, examples, here, readJson } from "./support.js"

// The package ships its own copies; where the project's shared folder is beside the repository
// (CI lays ../shared there), they are also checked against the originals.
const findShared = (dir: string): string => {
  const candidate = join(dir, "shared", "hsds-3.0")
  return existsSync(candidate) || dirname(dir) === dir ? candidate : findShared(dirname(dir))
}
const shared = findShared(join(here, "..", "..", "..", ".."))

describe("the shipped HSDS 3.0 schemas", () => {
  it("validate every official example", () => {
    for (const [file, kind] of examples) {
      expect({ file, problems: Schemas.validate(kind, readJson(file)) }).toEqual({ file, problems: [] })
    }
  })

  it("refuse broken documents, naming every problem by path and never the value", () => {
    const broken = {
      id: "secret-not-a-uuid",
      name: 42,
      unexpected: "Hidden Street 5",
      services: [{
        id: "ac148810-d857-441c-9679-408f346de14b",
        name: "x",
        status: "closed-forever",
        schedules: [{ id: "48102e86-bb50-41c4-8f1e-e269368c41d1", freq: "DAILY" }]
      }]
    }
    const problems = Schemas.validate("organization", broken)
    expect(problems).toEqual(expect.arrayContaining([
      { path: "$.id", rule: "must match format \"uuid\"" },
      { path: "$.name", rule: "must be string" },
      { path: "$.description", rule: "is required" },
      { path: "$", rule: "has a property HSDS 3.0 does not define" },
      { path: "$.services[0].status", rule: "must be equal to one of the allowed values" },
      { path: "$.services[0].schedules[0].freq", rule: "must be equal to one of the allowed values" }
    ]))
    expect(JSON.stringify(problems)).not.toMatch(/secret|Hidden|closed-forever|DAILY|unexpected/)
  })

  it("check tabular rows per table, with the foreign keys the tabular form requires", () => {
    const problems = Schemas.validate("tabular", {
      service: [{ id: "ac148810-d857-441c-9679-408f346de14b", name: "x", status: "active" }],
      schedule: [{ id: "nope" }]
    })
    expect(problems).toEqual([
      { path: "$.service[0].organization_id", rule: "is required" },
      { path: "$.schedule[0].id", rule: "must match format \"uuid\"" }
    ])
    expect(Schemas.validate("tabular", { nonsense: [] })).toEqual([{
      path: "$",
      rule: "has a table HSDS 3.0 does not define"
    }])
  })

  it.runIf(existsSync(shared))("are byte-for-byte the official files", () => {
    const ours = join(here, "..", "src", "schema")
    for (const file of readdirSync(ours).filter((f) => f.endsWith(".json"))) {
      const official = file === "datapackage.json" ? join(shared, file) : join(shared, "schema", file)
      expect({ file, same: readFileSync(join(ours, file), "utf8") === readFileSync(official, "utf8") }).toEqual({
        file,
        same: true
      })
    }
  })

  it.runIf(existsSync(shared))(
    "agree with the official compiled schemas (additional properties closed) on exports of every example",
    () => {
      const ajv = new Ajv2020({ allErrors: true, strict: false })
      addFormats(ajv)
      // The compiled schemas still $ref the per-object ones where nesting recurses.
      const base = "https://openreferral.invalid/hsds/"
      const load = (...path: Array<string>) =>
        JSON.parse(readFileSync(join(shared, "schema", ...path), "utf8")) as object
      for (
        const file of readdirSync(join(shared, "schema")).filter((f) => f.endsWith(".json") && f !== "openapi.json")
      ) {
        ajv.addSchema(closed({ ...load(file), $id: base + file }) as object)
      }
      const official = (name: string) =>
        ajv.compile(closed({ ...load("compiled", name), $id: `${base}compiled-${name}` }) as object)
      const organization = official("organization.json")
      const tabular = official("tabular.json")
      for (const [file, kind] of examples) {
        const plan = Import.decode(kind, readJson(file), {
          serviceType: "community-centre",
          organisationId: "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"
        })
        if (Result.isFailure(plan)) throw new Error(file)
        for (const directory of directoriesOf(plan.success)) {
          const document = Export.toOrganization(directory)
          expect({ file, valid: organization(document), errors: organization.errors }).toEqual({
            file,
            valid: true,
            errors: null
          })
          const tables = Tabular.toTables("organization", [document])
          expect({ file, valid: tabular(tables), errors: tabular.errors }).toEqual({ file, valid: true, errors: null })
        }
      }
    }
  )
})
