#!/usr/bin/env bash
# Runs the main demo from a fresh clone: installs dependencies, starts a Neo4j for the demo (unless
# NEO4J_URI names one), runs examples/quickstart, and stops the server again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh

pnpm install --frozen-lockfile
pnpm build
pnpm demo
