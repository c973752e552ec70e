import type { Labels } from "@pomoc/core"

/** Labels in English, Czech, Lithuanian and Bulgarian, in that order. */
export const labels = (en: string, cs: string, lt: string, bg: string): Labels => ({ en, cs, lt, bg })
