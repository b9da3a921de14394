#!/usr/bin/env bash
# Runs one of argus-deep's test-scope drivers (io.argus.deep.drivers.*) on the module's test class path.
# Build first: ./mvnw -o -q -B -pl argus-deep -am test-compile  (from the repository root).
# Usage: argus-deep/scripts/run-driver.sh AdbenchDriver ../shared/data/adbench_classical out.tsv [args...]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/.." && pwd)"
cp_file="$here/target/test-classpath.txt"
if [[ ! -s "$cp_file" ]]; then
  # io.argus entries point into ~/.m2; drop them, the reactor's target folders come first on the path
  (cd "$root" && ./mvnw -o -q -B -pl argus-deep -am dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file.raw" >/dev/null)
  tr ':' '\n' < "$cp_file.raw" | grep -v '/io/argus/' | paste -sd: > "$cp_file"
fi
main="$1"; shift
# run from a snapshot of the compiled classes, so that a rebuild during a long run cannot pull the rug
snap="$here/target/driver-snapshot-$$"
mkdir -p "$snap"
for d in "$here/target/classes" "$here/target/test-classes" "$root/argus-core/target/classes" "$root/argus-core/target/test-classes" \
         "$root/argus-metrics/target/classes" "$root/argus-tabular/target/classes" "$root/argus-logs/target/classes"; do
  cp -r "$d" "$snap/$(echo "${d#$root/}" | tr '/' '_')"
done
snap_cp=$(ls -d "$snap"/* | paste -sd:)
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$here/target/djl-cache}"
set +e
java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xmx6g -Dai.djl.offline=true \
  -cp "$snap_cp:$(cat "$cp_file")" \
  "io.argus.deep.drivers.$main" "$@"
rc=$?
rm -rf "$snap"
exit $rc
