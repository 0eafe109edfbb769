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
  const module = binaryen.readBinary(withoutLinkerSections(readFileSync(input)));
  module.setFeatures(module.getFeatures() | features);
  module.optimize();
  if (!module.validate()) {
    console.error(`optimise: ${input} does not validate after optimising`);
    process.exit(1);
  }
  writeFileSync(output, module.emitBinary());
  module.dispose();
}

// Drops the custom sections a module linked with `--emit-relocs` still carries (`linking`, `reloc.*`): the
// splitter reads and removes them, but the static pages' bundle is not split, and binaryen would keep them.
function withoutLinkerSections(bytes) {
  const leb = (at) => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, at];
  };
  const kept = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length; ) {
    const [size, body] = leb(at + 1);
    const end = body + size;
    let drop = false;
    if (bytes[at] === 0) {
      const [length, name] = leb(body);
      const title = Buffer.from(bytes.subarray(name, name + length)).toString();
      drop = title === "linking" || title.startsWith("reloc.");
    }
    if (!drop) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}
