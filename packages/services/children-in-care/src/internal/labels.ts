import type { Labels } from "@pomoc/core"

/** Labels in English, Czech, Lithuanian and Bulgarian, in that order. */
export const labels = (en: string, cs: string, lt: string, bg: string): Labels => ({ en, cs, lt, bg })

/** Where an inclusive age band `[low, high]` lies against an age range (`unknown` for no band). */
export type BandFit = "inside" | "partly" | "outside" | "unknown"

/** The fit of a band in a range. */
export const fitOf = (
  band: readonly [number, number] | undefined,
  range: { readonly min: number; readonly max: number }
): BandFit => {
  if (band === undefined) return "unknown"
  const [low, high] = band
  if (high < range.min || low > range.max) return "outside"
  return low < range.min || high > range.max ? "partly" : "inside"
}
