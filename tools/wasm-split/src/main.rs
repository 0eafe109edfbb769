//! Splits the browser bundle at the split points Leptos' `#[lazy]` and `#[lazy_route]` mark, so that each
//! page's code loads when the page is first needed (issue 10; see ARCHITECTURE.md, "Builds").
//!
//! cargo-leptos does this step with the same library; we call it from `scripts/build-site` instead, which
//! keeps the build to plain cargo and the wasm-bindgen CLI. Input is the wasm that cargo linked with
//! `--emit-relocs`; output, in one directory: the main module (still to go through wasm-bindgen), a
//! `split_*.wasm` per split point, `chunk_*.wasm` for code that several splits share, the JS loader that
//! fetches them, and `modules.json`, from which the server learns which files a page needs so it can
//! preload them.
//!
//!     wasm-split <input.wasm> <output dir> <main module out> <main JS module name>
//!
//! Prints the paths of the split modules, one a line, for the optimiser.

use std::path::Path;
use std::process::ExitCode;

/// The loader's file name. Leptos' `HydrationScripts` looks for exactly this name (22 underscores stand for
/// a hash that we do not use: the whole bundle lives in a directory named after its hash).
const LOADER: &str = "./__wasm_split.______________________.js";
/// Not the name cargo-leptos gives it (`__wasm_split_manifest.json`): Leptos' `HydrationScripts` looks for
/// that one and then writes a `<link>` into the page for every module, besides the server's `Link` header
/// (app::routes). For a page of 300 modules that was 43 KB of markup rendered per request, and it came and
/// went with the thread a request ran on.
const MANIFEST: &str = "modules.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output_dir, main_out, main_module] = args.as_slice() else {
        eprintln!("usage: wasm-split <input.wasm> <output dir> <main module out> <main JS module name>");
        return ExitCode::from(2);
    };
    match split(Path::new(input), Path::new(output_dir), Path::new(main_out), main_module) {
        Ok(modules) => {
            for module in modules {
                println!("{}", module.display());
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("wasm-split: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn split(
    input: &Path,
    output_dir: &Path,
    main_out: &Path,
    main_module: &str,
) -> Result<Vec<std::path::PathBuf>, Box<dyn std::error::Error>> {
    let wasm = std::fs::read(input).map_err(|err| format!("cannot read {}: {err}", input.display()))?;
    let main_module = format!("./{main_module}");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = output_dir;
    options.main_out_path = main_out;
    options.main_module = &main_module;
    options.link_name = LOADER;
    let split = wasm_split_cli_support::transform(options).map_err(|err| format!("{err:#}"))?;
    let manifest = serde_json::to_string_pretty(&split.prefetch_map)?;
    std::fs::write(output_dir.join(MANIFEST), manifest)?;
    Ok(split.split_modules)
}
