# Sourced by the other scripts: finds cargo and the project's own tools, and fails loudly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# CI starts with a minimal environment: find cargo ourselves.
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$ROOT/.tools/node_modules/.bin:$PATH"
# One build cache per machine, shared by every clone (CI clones afresh each run): builds stay
# incremental on 2 cores.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cankao/target}"
# Trunk must never download: it uses the tools on PATH (scripts/setup.sh installs them).
export TRUNK_OFFLINE=true
log() { printf '\033[1m[cankao]\033[0m %s\n' "$*" >&2; }
