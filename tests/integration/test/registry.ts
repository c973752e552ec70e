/**
 * The plugins of the integration tests, declared once in `Register`: the whole case-work API of
 * this test project is typed by them (a misspelt code is a compile error in every test).
 */
import { Registry } from "@pomoc/core"
import { debtCounselling } from "@pomoc/service-debt-counselling"
import { lowThresholdClub } from "@pomoc/service-low-threshold-club"

export const registry = Registry.makeUnsafe([lowThresholdClub, debtCounselling])

declare module "@pomoc/core" {
  interface Register {
    readonly plugins: readonly [typeof lowThresholdClub, typeof debtCounselling]
  }
}
