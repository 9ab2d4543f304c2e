#!/usr/bin/env bash
# Runs the embedded default: Apache James 3.8.1 (memory server) with Hosted S/MIME, configured by conf/,
# state under var/. Builds what is missing first (tests skipped). Ctrl-C stops it.
#
#   ./run.sh              every S/MIME store in memory
#   ./run.sh --cassandra  every S/MIME store on a local Cassandra 4.1 (started by scripts/cassandra.sh if needed)
#   ./run.sh --rebuild    rebuild the extension before starting
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

rebuild=false
cassandra=false
for arg in "$@"; do
    case "$arg" in
        --rebuild) rebuild=true ;;
        --cassandra) cassandra=true ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
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
configuration="file://conf/"
if $cassandra; then
    scripts/cassandra.sh start
    # conf/ with the Cassandra stores instead of the memory ones; James itself stays the memory server.
    rm -rf var/conf-cassandra
    cp -r conf var/conf-cassandra
    sed -i 's#org.hostedsmime.app.guice.SmimeMemoryModule#org.hostedsmime.app.guice.SmimeCassandraModule#' var/conf-cassandra/extensions.properties
    cat > var/conf-cassandra/cassandra.properties <<PROPERTIES
cassandra.nodes=127.0.0.1:${CASSANDRA_CQL_PORT:-9042}
cassandra.keyspace=hosted_smime
cassandra.replication.factor=1
PROPERTIES
    configuration="file://var/conf-cassandra/"
    echo "S/MIME stores on Cassandra 127.0.0.1:${CASSANDRA_CQL_PORT:-9042}, keyspace hosted_smime (stop it with scripts/cassandra.sh stop)"
fi

exec java ${JAVA_OPTS:-} \
    -Dworking.directory="$root" \
    -Dhostedsmime.configuration.path="$configuration" \
    -Dlogback.configurationFile="$root/conf/logback.xml" \
    -cp "$app_jar:app/target/lib/*" \
    org.hostedsmime.app.SmimeJamesServerMain
