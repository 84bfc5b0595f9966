#!/usr/bin/env bash
# The whole test suite from a fresh clone: dependencies, build, lint, type check, the packed
# tarballs (contents, publint, attw: scripts/check-packages.ts), then every test against a real
# Neo4j (started from Maven Central jars unless NEO4J_URI names a server).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh

pnpm install --frozen-lockfile
pnpm build
pnpm lint
pnpm check:architecture
pnpm typecheck
pnpm check:packages
pnpm exec jest --ci
