import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/index.ts","src/testing/index.ts"],
  format: ["esm"],
  target: "es2022",
  platform: "neutral",
  tsconfig: "tsconfig.build.json",
  dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true
})
