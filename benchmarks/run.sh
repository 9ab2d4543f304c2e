#!/usr/bin/env bash
# Runs the JMH benchmarks (memory and Cassandra stores in the same run) against the node scripts/cassandra.sh
# starts. Extra arguments go to JMH, e.g. ./benchmarks/run.sh -p certificates=10000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests -pl benchmarks -am
mvn -q -B dependency:build-classpath -pl benchmarks -Dmdep.outputFile=target/benchmarks.classpath >/dev/null
scripts/cassandra.sh start
exec java -Xmx2g -Dcassandra.host=127.0.0.1:${CASSANDRA_CQL_PORT:-9042} \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/benchmarks.classpath)" \
    org.openjdk.jmh.Main -rf json -rff target/benchmarks.json "$@"
