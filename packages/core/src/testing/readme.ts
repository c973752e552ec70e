/**
 * Documentation helpers for plugin authors: what a plugin's README should show, generated from
 * the plugin itself, so that a README test can check it word for word and the README cannot
 * fall behind the code.
 *
 * @since 0.2.0
 */
import type { Plugin } from "../plugins/Plugin.js"

const scaleOf = (scale: Plugin["indicators"][number]["scale"]): string =>
  scale._tag === "YesNo" ? "yes / no" : scale._tag === "Ladder" ? `ladder ${scale.min}–${scale.max}` : "category"

/**
 * A plugin's indicators as a markdown table: code and English label, scale (yes / no, ladder
 * with its bounds, category) and the category codes. Put it in the plugin's README and test
 * that the README contains it.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { indicatorTable } from "@pomoc/core/testing"
 *
 * expect(readFileSync("README.md", "utf8")).toContain(indicatorTable(nightShelter))
 * ```
 *
 * @since 0.2.0
 * @category combinators
 */
export const indicatorTable = (plugin: Plugin): string =>
  [
    "| indicator | scale | categories |",
    "| --- | --- | --- |",
    ...plugin.indicators.map((indicator) => {
      const categories = indicator.scale._tag === "Category"
        ? indicator.scale.categories.map((c) => `\`${c}\``).join(", ")
        : ""
      return `| \`${indicator.code}\` (${indicator.labels.en}) | ${scaleOf(indicator.scale)} | ${categories} |`
    })
  ].join("\n")

/**
 * A plugin's custom fields as a markdown table: record kind, field name and English label,
 * and whether it is reportable (a report facet `field_<name>`) or personal (encrypted). Put it
 * in the plugin's README and test that the README contains it.
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs"
 * import { fieldTable } from "@pomoc/core/testing"
 *
 * expect(readFileSync("README.md", "utf8")).toContain(fieldTable(nightShelter))
 * ```
 *
 * @since 0.2.0
 * @category combinators
 */
export const fieldTable = (plugin: Plugin): string =>
  [
    "| record | field | kind |",
    "| --- | --- | --- |",
    ...Object.entries(plugin.fields ?? {}).flatMap(([kind, fields]) =>
      Object.entries(fields ?? {}).map(([name, field]) =>
        `| ${kind} | \`${name}\`${field.labels === undefined ? "" : ` (${field.labels.en})`} | ${
          field.personal ? "personal (encrypted)" : `reportable (facet \`field_${name}\`)`
        } |`
      )
    )
  ].join("\n")
