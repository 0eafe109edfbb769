# Shared helpers for the project scripts. Sourced, not run.
#
# Every ensure_* function is idempotent: it checks first and installs only what is missing, so the README
# commands are cheap the second time.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE_DIR="${SPIELRAUM_SITE_DIR:-$TARGET_DIR/site}"
TOOLS_DIR="${SPIELRAUM_TOOLS_DIR:-$HOME/.cache/spielraum}"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
# Installs Debian packages that are not installed yet.
ensure_apt() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "Installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_cargo() {
  command -v cargo >/dev/null || die "Rust is not installed: see https://rustup.rs (then run this command again)"
}

ensure_wasm_target() {
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown && return 0
  step "Adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
ensure_wasm_bindgen() {
  local want have=""
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  [ -n "$want" ] || die "wasm-bindgen is missing from Cargo.lock"
  if command -v wasm-bindgen >/dev/null; then have="$(wasm-bindgen --version | awk '{print $2}')"; fi
  [ "$have" = "$want" ] && return 0
  step "Installing wasm-bindgen-cli $want (a few minutes, once)"
  # Not --locked: its lock file pins a webpki-roots version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$want"
}

ensure_node() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    ensure_apt nodejs npm
  fi
}

# Node packages of package.json (wasm-opt; for tests Playwright and axe-core), from package-lock.json.
ensure_node_modules() {
  ensure_node
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/package-lock.json" ]; then return 0; fi
  step "Installing node packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

# Python tools for the tests (schemathesis, hadolint) in a virtual environment of their own.
ensure_python_tools() {
  local venv="$TOOLS_DIR/venv" requirements="$ROOT/scripts/test-requirements.txt"
  local stamp="$venv/.requirements"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$requirements"; then return 0; fi
  step "Installing Python test tools (schemathesis, hadolint)"
  rm -rf "$venv"
  # Debian's python3 needs its venv package first; a Python of one's own usually has venv built in.
  python3 -m venv "$venv" 2>/dev/null || { ensure_apt python3-venv; rm -rf "$venv"; python3 -m venv "$venv"; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  cp "$requirements" "$stamp"
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until a URL answers, or fails after $2 seconds.
wait_for_url() {
  local url="$1" seconds="${2:-60}"
  for _ in $(seq 1 $((seconds * 5))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  die "$url did not answer within ${seconds}s"
}

# Our splitter of the wasm bundle (tools/wasm-split), built from its own lock file and kept in the tools
# directory; rebuilt when its sources change.
ensure_wasm_split() {
  local src="$ROOT/tools/wasm-split" root="$TOOLS_DIR/wasm-split" stamp
  stamp="$(cat "$src/Cargo.toml" "$src/Cargo.lock" "$src"/src/*.rs | sha256sum | cut -c1-40)"
  export PATH="$root/bin:$PATH"
  if [ -x "$root/bin/wasm-split" ] && [ "$(cat "$root/.stamp" 2>/dev/null)" = "$stamp" ]; then return 0; fi
  step "Building the wasm splitter (tools/wasm-split, once)"
  cargo install --quiet --locked --force --path "$src" --root "$root"
  echo "$stamp" > "$root/.stamp"
}
