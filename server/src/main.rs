//! `server` — see `server --help`.

/// mimalloc instead of glibc's allocator: under the benchmark's load glibc's `malloc` and `free` took a
/// quarter of the server's time, and its per-thread arenas kept the memory of the largest pages (issue 16).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    server::cli::main()
}
