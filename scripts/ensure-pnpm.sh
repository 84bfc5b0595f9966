# Sourced by the other scripts: makes pnpm 9 available (corepack is not relied on; it fails on
# registry signatures on some machines).
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version 2>/dev/null)" != 9.* ]]; then
  echo "Installing pnpm 9 with npm ..." >&2
  npm install --global --silent pnpm@9 >&2 || {
    echo "Could not install pnpm globally; using npx pnpm@9." >&2
    pnpm() { npx --yes pnpm@9 "$@"; }
  }
fi
