/**
 * The plugin conformance suite as vitest tests, the way `@pomoc/store-testkit`'s
 * `suite(name, layer)` registers the store checks: one call in a plugin's test file registers
 * one test per check of the kit. It needs `vitest` (4.x) next to it.
 *
 * @since 0.2.0
 */
import { describe, it } from "vitest"
import type { Plugin } from "../plugins/Plugin.js"
import { type PluginCheckOptions, pluginChecks } from "./plugin.js"

/**
 * Options of {@link pluginSuite}: the checks' options, plus a name for the `describe` block
 * (default: the plugin's id) and a per-test timeout.
 *
 * @since 0.2.0
 * @category models
 */
export interface PluginSuiteOptions extends PluginCheckOptions {
  readonly name?: string
  readonly timeout?: number
}

/**
 * A check of the kit found problems: the plugin, the check, and every problem found (each names
 * the rule, derivation, report or label and says what went wrong).
 *
 * @since 0.2.0
 * @category errors
 */
export class PluginCheckFailed extends Error {
  constructor(readonly plugin: string, readonly check: string, readonly problems: ReadonlyArray<string>) {
    super(`plugin "${plugin}" fails the ${check} check:\n- ${problems.join("\n- ")}`)
    this.name = "PluginCheckFailed"
  }
}

/**
 * Registers the plugin test kit as vitest tests: `registration`, `labels`, `purity`,
 * `declaredReads`, `eligibilityReads`, `equality`, `derivations`, `reports`, `scope` and `messages`, one
 * test each, failing with {@link PluginCheckFailed} listing every problem.
 *
 * @example
 * ```ts
 * // test/plugin.test.ts
 * import { pluginSuite } from "@pomoc/core/testing"
 * import { nightShelter } from "../src/nightShelter.js"
 *
 * pluginSuite(nightShelter)
 * ```
 *
 * @since 0.2.0
 * @category constructors
 */
export const pluginSuite = (plugin: Plugin, options: PluginSuiteOptions = {}): void => {
  const { name, timeout, ...checkOptions } = options
  describe(`${name ?? String(plugin.id)}: plugin conformance`, () => {
    for (const check of pluginChecks) {
      it(check.name, { timeout: timeout ?? 60_000 }, () => {
        const result = check.run(plugin, checkOptions)
        if (!result.ok) throw new PluginCheckFailed(result.plugin, check.name, result.problems)
      })
    }
  })
}
