#!/usr/bin/env bash
# Runs FromScratch.java against the Kiln jars that ./kiln builds (it builds them if needed).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/kiln" --version > /dev/null          # builds Kiln once
java_bin=""
for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
  [ -x "$candidate" ] || continue
  version="$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')"
  if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then java_bin="$candidate"; break; fi
done
[ -n "$java_bin" ] || { echo "run-from-scratch.sh: no JDK >= 21 found" >&2; exit 2; }
exec "$java_bin" --add-modules jdk.incubator.vector -cp "$root/kiln-cli/target/lib/*" "$here/FromScratch.java"
