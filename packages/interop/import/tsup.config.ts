import { pomocTsup } from "../../../scripts/tsup.base.mjs"

export default pomocTsup({ entry: ["src/index.ts", "src/bin.ts"] })
