#!/usr/bin/env bash
# Regenerates examples/aanvraag-17040.xlsx (fictitious candidates, see src/cli/exampleData.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.cli.json
node bin/awardscore.js example --out examples/aanvraag-17040.xlsx
