#!/bin/sh
# Fuzz and stress run of the robustness suite (issue 7); CI runs the same tests on a small budget.
#
#   benchmarks/fuzz.sh            # 100,000 examples per property, then the stress tests
#   benchmarks/fuzz.sh 20000      # another budget
#   FUZZ_ONLY=1 benchmarks/fuzz.sh
#
# Prints hypothesis' statistics (examples run, failing and invalid cases, time) per property.
# Results are recorded in BENCHMARKS.md, section "Robustness".
set -eu
cd "$(dirname "$0")/.."
examples="${1:-100000}"
py=.venv/bin/python
echo "fuzz: $examples examples per property"
start=$(date +%s)
TIMELINE_FUZZ_EXAMPLES="$examples" "$py" -m pytest tests/robustness -m fuzz -q -p no:cacheprovider \
    --hypothesis-show-statistics
echo "fuzz: $(( $(date +%s) - start )) s"
if [ "${FUZZ_ONLY:-0}" = "0" ]; then
    start=$(date +%s)
    # A 100 MB article and 1 MB of every adversarial pattern: minutes, hence not in CI.
    TIMELINE_STRESS=1 "$py" -m pytest tests/robustness -m stress -q -p no:cacheprovider -s
    echo "stress: $(( $(date +%s) - start )) s"
fi
