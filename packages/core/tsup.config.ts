import { pomocTsup } from "../../scripts/tsup.base.mjs"

export default pomocTsup({ entry: ["src/index.ts", "src/testing/index.ts"], platform: "neutral" })
