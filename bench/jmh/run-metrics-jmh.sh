#!/usr/bin/env bash
# Builds argus-metrics with its JMH benchmarks (profile jmh) and runs them.
#   bench/jmh/run-metrics-jmh.sh                 # all benchmarks, -f 1 -wi 1 -i 3 -t 2
#   bench/jmh/run-metrics-jmh.sh 'Pixel.*' -t 1  # a regex and/or JMH options replace the defaults
# Results: argus-metrics/target/jmh/metrics-jmh.json (and the console). Needs jmh-core 1.37 from Maven
# Central the first time (or in ~/.m2). Timings on a shared machine are noisy: say so when quoting them.
set -euo pipefail
cd "$(dirname "$0")/../.."
MVN_OFFLINE=${MVN_OFFLINE:-}
mvn -B -q $MVN_OFFLINE -Pjmh -pl argus-metrics -am package -DskipTests
M=argus-metrics/target
CP="$M/jmh-classes:$M/test-classes:$M/classes:$(cat $M/jmh-classpath.txt)"
mkdir -p "$M/jmh"
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 1 -i 3 -t 2
fi
exec java -Xmx1g -cp "$CP" org.openjdk.jmh.Main "$@" -rf json -rff "$M/jmh/metrics-jmh.json"
