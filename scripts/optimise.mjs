// Optimises wasm modules for size, in place: what `wasm-opt -Oz` does, with binaryen from npm (Debian's
// older wasm-opt produces a bundle that fails to hydrate). One process for all modules, because the npm
// build of binaryen takes over a second to start and a split bundle has hundreds of modules.
//
//   node scripts/optimise.mjs <in.wasm>[=<out.wasm>] ...
import binaryen from "binaryen";
import { readFileSync, writeFileSync } from "node:fs";

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
// What Rust's wasm32 target emits (multivalue comes from wasm-bindgen's shims); the CLI's
// `--enable-bulk-memory` and `--enable-reference-types` imply the `-opt` and `overlong` features named here.
const features =
  binaryen.Features.Multivalue |
  binaryen.Features.BulkMemory |
  binaryen.Features.BulkMemoryOpt |
  binaryen.Features.NontrappingFPToInt |
  binaryen.Features.ReferenceTypes |
  binaryen.Features.CallIndirectOverlong |
  binaryen.Features.SignExt |
  binaryen.Features.MutableGlobals;

for (const argument of process.argv.slice(2)) {
  const [input, output = input] = argument.split("=");
  const module = binaryen.readBinary(readFileSync(input));
  module.setFeatures(module.getFeatures() | features);
  module.optimize();
  if (!module.validate()) {
    console.error(`optimise: ${input} does not validate after optimising`);
    process.exit(1);
  }
  writeFileSync(output, module.emitBinary());
  module.dispose();
}
