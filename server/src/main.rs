//! `server` — see `server --help`.

/// mimalloc instead of glibc's allocator: under the benchmark's load glibc's `malloc` and `free` took a
/// quarter of the server's time, and its per-thread arenas kept the memory of the largest pages (issue 16).
/// With the crate's `override` feature it also serves C's `malloc`, so SQLite's allocations (a copy of every
/// column value sqlx reads) leave glibc's allocator too: `malloc_consolidate` and `_int_free` were a sixth
/// of the report list's profile after SQLite's memory statistics were turned off. Version 2 (the `v2`
/// feature) gives freed memory back within milliseconds; version 3 held the peaks a second longer.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    server::cli::main()
}
