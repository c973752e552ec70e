// Core's helpers under the names this package's modules use.
export { ageRangeFit as bandFit, type AgeRangeFit as BandFit, labelsOf as labels } from "@pomoc/core"
