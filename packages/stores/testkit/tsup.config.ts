import { pomocTsup } from "../../../scripts/tsup.base.mjs"

export default pomocTsup()
