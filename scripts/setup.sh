#!/usr/bin/env bash
# Installs what building (and, with --test, testing) needs; skips what is there. Idempotent.
#   scripts/setup.sh          wasm32 target, trunk 0.21, wasm-bindgen-cli (= Cargo.lock), wasm-opt
#   scripts/setup.sh --test   also chromium, chromium-driver, CJK fonts and the test's npm packages
. "$(dirname "$0")/env.sh"

WANT_TEST=false
[ "${1:-}" = "--test" ] && WANT_TEST=true

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo not found: install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.22 needs a newer rustc than ours; 0.21 builds with 1.88+.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  log "installing trunk 0.21 (about 9 minutes on 2 cores)"
  cargo install trunk --version '~0.21' --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved.
[ -f Cargo.lock ] || cargo generate-lockfile
BINDGEN=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $BINDGEN"; then
  log "installing wasm-bindgen-cli $BINDGEN"
  # --locked fails here: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$BINDGEN" --force
fi

# Debian's binaryen (108) emits a module that dies at start-up; binaryen 132 from npm works.
if ! "$ROOT/.tools/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q 'version 132'; then
  log "installing wasm-opt (binaryen 132) into .tools/"
  mkdir -p "$ROOT/.tools"
  npm install --prefix "$ROOT/.tools" --no-audit --no-fund --silent binaryen@132.0.0
fi

if $WANT_TEST; then
  missing=""
  for pkg in chromium chromium-driver fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
  if [ -n "$missing" ]; then
    log "installing$missing"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    log "installing the browser tests' npm packages"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
fi
log "set-up complete"
