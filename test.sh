#!/usr/bin/env bash
# Runs every test: starts the single-node Cassandra the Cassandra store tests need (scripts/cassandra.sh),
# runs `mvn -B verify` against it, then stops the node again, unless it was already running before, in
# which case it is left running. Exits with Maven's status. Extra arguments go to Maven:
#
#   ./test.sh
#   ./test.sh -pl cassandra -Dtest=CassandraNodeExtensionTest
set -euo pipefail
cd "$(dirname "$0")"

cql_port=${CASSANDRA_CQL_PORT:-9042}

if scripts/cassandra.sh status >/dev/null 2>&1; then
    echo "test.sh: reusing the Cassandra node that is already running; it stays running afterwards"
else
    # Stop the node this run starts whatever happens: tests failing, Maven failing, Ctrl-C.
    trap 'scripts/cassandra.sh stop' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
fi
scripts/cassandra.sh start

maven_status=0
mvn -B verify -Dcassandra.host="127.0.0.1:$cql_port" "$@" || maven_status=$?
exit "$maven_status"
