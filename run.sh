#!/usr/bin/env bash
# Runs the embedded default: Apache James 3.8.1 (memory server) with Hosted S/MIME, configured by conf/,
# state under var/. Builds what is missing first (tests skipped). Ctrl-C stops it.
#
#   ./run.sh              memory stores
#   ./run.sh --rebuild    rebuild the extension before starting
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

rebuild=false
for arg in "$@"; do
    case "$arg" in
        --rebuild) rebuild=true ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "Unknown option: $arg" >&2; exit 2 ;;
    esac
done

app_jar=$(ls app/target/hosted-smime-app-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)
if $rebuild || [ -z "$app_jar" ] || [ ! -d app/target/lib ]; then
    echo "Building the extension (tests skipped)..."
    mvn -q -B install -DskipTests
    app_jar=$(ls app/target/hosted-smime-app-*.jar | grep -v -- '-tests.jar' | head -1)
fi

mkdir -p var
exec java ${JAVA_OPTS:-} \
    -Dworking.directory="$root" \
    -Dlogback.configurationFile="$root/conf/logback.xml" \
    -cp "$app_jar:app/target/lib/*" \
    org.hostedsmime.app.SmimeJamesServerMain
