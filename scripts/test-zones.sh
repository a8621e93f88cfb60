#!/usr/bin/env bash
# The unit suite again under other clocks and zones (Debian's faketime; the clock starts at the given
# local time and runs on): a leap day at 23:30 in Los Angeles, the minute before Berlin springs forward
# (the suite runs across the change), and New Year's Eve in Asia/Shanghai, where most users live.
# Each run writes .reports/unit-<name>.json, which scripts/test-summary.mjs adds to the closing line.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "test:zones needs faketime (Debian: apt-get install -y faketime)"; exit 1; }
status=0
run() {
  echo "== unit suite, TZ=$2, clock from $3"
  TZ=$2 faketime "$3" npx vitest run --reporter=dot --reporter=json --outputFile.json=".reports/unit-$1.json" || status=1
}
run leap-day America/Los_Angeles '2028-02-29 23:30:00'
run dst Europe/Berlin '2027-03-28 01:59:00'
run shanghai Asia/Shanghai '2026-12-31 23:45:00'
exit $status
