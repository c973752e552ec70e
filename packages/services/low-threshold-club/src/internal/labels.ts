import type { Labels } from "@pomoc/core"

/** Labels in English, Czech, Lithuanian and Bulgarian, in that order. */
export const labels = (en: string, cs: string, lt: string, bg: string): Labels => ({ en, cs, lt, bg })

/** Which part of an age range an age band falls in. */
export type BandFit = "inside" | "partly" | "outside" | "unknown"

/** The fit of an inclusive band `[low, high]` (or none, for `not-stated`) in a range. */
export const bandFit = (
  years: readonly [number, number] | undefined,
  range: { readonly min: number; readonly max: number }
): BandFit => {
  if (years === undefined) return "unknown"
  const [low, high] = years
  if (high < range.min || low > range.max) return "outside"
  return low < range.min || high > range.max ? "partly" : "inside"
}
