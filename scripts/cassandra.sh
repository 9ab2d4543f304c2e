#!/usr/bin/env bash
# A real single-node Apache Cassandra 4.1 on loopback for the Cassandra tests and the embedded server.
# No Docker here: Maven fetches cassandra-all 4.1.10 and its dependencies (scripts/cassandra/pom.xml) and the
# node runs on the JDK 17 found on PATH. Everything it downloads or writes lives under CASSANDRA_HOME_DIR.
#
#   scripts/cassandra.sh [start]   start a node in the background and wait until it answers CQL;
#                                  a node this script already started is reused
#   scripts/cassandra.sh stop      stop the node this script started (only that pid)
#   scripts/cassandra.sh status    exit 0 and print pid and port when the node answers CQL, else exit 3
#   scripts/cassandra.sh wait      wait until the node this script started answers CQL
#
# Environment:
#   CASSANDRA_HOME_DIR       where jars, configuration, data and logs go   (default: <repo>/target/cassandra)
#   CASSANDRA_CQL_PORT       CQL native transport port                     (default: 9042)
#   CASSANDRA_STORAGE_PORT   inter-node port, bound on loopback only       (default: 7000)
#   CASSANDRA_HEAP           -Xms/-Xmx of the node                         (default: 512M)
#   CASSANDRA_START_TIMEOUT  seconds to wait for CQL                       (default: 180)
#   CASSANDRA_JMX_PORT       local JMX port for nodetool; unset: no JMX    (default: unset)
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
home_dir=${CASSANDRA_HOME_DIR:-$repo_root/target/cassandra}
cql_port=${CASSANDRA_CQL_PORT:-9042}
storage_port=${CASSANDRA_STORAGE_PORT:-7000}
heap=${CASSANDRA_HEAP:-512M}
start_timeout=${CASSANDRA_START_TIMEOUT:-180}
jmx_port=${CASSANDRA_JMX_PORT:-}
host=127.0.0.1

pom=$repo_root/scripts/cassandra/pom.xml
lib_dir=$home_dir/lib
lib_stamp=$lib_dir/.fetched-with-pom
conf_dir=$home_dir/conf
logs_dir=$home_dir/logs
pid_file=$home_dir/cassandra.pid
system_log=$logs_dir/system.log
console_log=$logs_dir/console.log

say() { echo "cassandra: $*"; }
fail() { echo "cassandra: $*" >&2; exit 1; }

show_log_tail() {
    for log in "$console_log" "$system_log"; do
        if [ -s "$log" ]; then
            echo "--- last lines of $log" >&2
            tail -n 40 "$log" >&2
        fi
    done
}

port_is_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$host/$1" 2>/dev/null
}

# The port opens before the node serves requests, so a TCP connect proves little: this sends a CQL v4 OPTIONS
# frame (version 0x04, flags 0, stream 0, opcode 0x05, empty body) and expects the SUPPORTED answer (response
# version 0x84, opcode 0x06), which Cassandra only sends once its native transport handles requests.
cql_answers() {
    local header
    header=$(timeout 5 bash -c "exec 3<>/dev/tcp/$host/$cql_port && printf '\x04\x00\x00\x00\x05\x00\x00\x00\x00' >&3 && od -An -tx1 -N5 <&3" 2>/dev/null) || return 1
    read -r -a header_bytes <<<"$header"
    [ "${#header_bytes[@]}" -eq 5 ] && [ "${header_bytes[0]}" = 84 ] && [ "${header_bytes[4]}" = 06 ]
}

# The pid of the node recorded in the pid file, if that process is still alive and is this node's
# CassandraDaemon (a recycled pid belonging to anything else does not count).
live_node_pid() {
    [ -f "$pid_file" ] || return 1
    local pid
    pid=$(cat "$pid_file")
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    local command_line
    command_line=$(ps -ww -o args= -p "$pid" 2>/dev/null) || return 1
    [[ "$command_line" == *"-Dcassandra.storagedir=$home_dir "* && "$command_line" == *CassandraDaemon* ]] || return 1
    echo "$pid"
}

fetch_jars() {
    local pom_checksum
    pom_checksum=$(cksum <"$pom")
    if [ -f "$lib_stamp" ] && [ "$(cat "$lib_stamp")" = "$pom_checksum" ]; then
        return
    fi
    say "fetching Cassandra 4.1.10 and its dependencies with Maven into $lib_dir ..."
    local partial=$home_dir/lib.partial
    rm -rf "$partial"
    mkdir -p "$logs_dir"
    if ! mvn -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$partial" \
        >"$logs_dir/fetch.log" 2>&1; then
        tail -n 30 "$logs_dir/fetch.log" >&2
        fail "Maven could not fetch Cassandra (whole output in $logs_dir/fetch.log)"
    fi
    rm -rf "$lib_dir"
    mv "$partial" "$lib_dir"
    echo "$pom_checksum" >"$lib_stamp"
}

write_config() {
    mkdir -p "$conf_dir/triggers" "$logs_dir" "$home_dir/data" "$home_dir/commitlog" "$home_dir/saved_caches" \
        "$home_dir/hints" "$home_dir/cdc_raw"
    cat >"$conf_dir/cassandra.yaml" <<EOF
# Written by scripts/cassandra.sh on every start: one Cassandra 4.1 node on loopback, sized for tests.
cluster_name: hosted-smime-test
num_tokens: 1
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "$host:$storage_port"
listen_address: $host
rpc_address: $host
storage_port: $storage_port
native_transport_port: $cql_port
start_native_transport: true

data_file_directories:
  - $home_dir/data
commitlog_directory: $home_dir/commitlog
saved_caches_directory: $home_dir/saved_caches
hints_directory: $home_dir/hints
cdc_raw_directory: $home_dir/cdc_raw

# Tests kill this node with SIGKILL on purpose (outages). With the default periodic sync, writes acknowledged
# in the last period have no sync marker yet and are not replayed on restart, so a keyspace created seconds
# before the kill vanishes. Group sync acknowledges a write only once it is on disk.
commitlog_sync: group
commitlog_sync_group_window: 15ms
commitlog_segment_size: 32MiB
commitlog_total_space: 256MiB

# Small memory footprint: tests write little, and the node shares the machine with builds and James.
memtable_allocation_type: heap_buffers
memtable_heap_space: 64MiB
memtable_offheap_space: 64MiB
memtable_flush_writers: 1
concurrent_compactors: 1
key_cache_size: 0MiB
row_cache_size: 0MiB
counter_cache_size: 0MiB
prepared_statements_cache_size: 16MiB
file_cache_size: 32MiB
networking_cache_size: 16MiB
index_summary_capacity: 8MiB

authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
network_authorizer: AllowAllNetworkAuthorizer

# James writes batches of blob chunks and mailbox rows; keep Cassandra from refusing them.
batch_size_warn_threshold: 64KiB
batch_size_fail_threshold: 1024KiB
unlogged_batch_across_partitions_warn_threshold: 100

# Tests truncate and drop often: no snapshots of what they throw away, no hints on a single node.
auto_snapshot: false
snapshot_before_compaction: false
hinted_handoff_enabled: false
cdc_enabled: false
EOF
    cat >"$conf_dir/logback.xml" <<EOF
<!-- Written by scripts/cassandra.sh on every start: INFO to logs/system.log (capped), nothing on the console. -->
<configuration scan="false">
  <appender name="SYSTEMLOG" class="ch.qos.logback.core.rolling.RollingFileAppender">
    <file>$system_log</file>
    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
      <fileNamePattern>$logs_dir/system.log.%i</fileNamePattern>
      <minIndex>1</minIndex>
      <maxIndex>3</maxIndex>
    </rollingPolicy>
    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
      <maxFileSize>20MB</maxFileSize>
    </triggeringPolicy>
    <encoder>
      <pattern>%-5level [%thread] %date{ISO8601} %logger{0} - %msg%n</pattern>
    </encoder>
  </appender>
  <root level="INFO">
    <appender-ref ref="SYSTEMLOG"/>
  </root>
</configuration>
EOF
}

jvm_flags() {
    local flags=(
        # From Cassandra 4.1's conf/jvm-server.options (-XX:+AlwaysPreTouch and -XX:+UseNUMA left out: a small
        # test node should not commit its whole heap up front).
        -ea
        -da:net.openhft...
        -XX:+UseThreadPriorities
        -Xss256k
        -XX:+PerfDisableSharedMem
        -Djava.net.preferIPv4Stack=true
        "-Xms$heap"
        "-Xmx$heap"
        # Cassandra warns without one of these: a node out of memory should die, not limp on under the tests.
        -XX:+ExitOnOutOfMemoryError
        # G1 as conf/jvm11-server.options tunes it (its -XX:G1HeapRegionSize=16m is meant for big heaps and
        # -XX:-UseBiasedLocking is deprecated on JDK 17).
        -XX:+UseG1GC
        -XX:+ParallelRefProcEnabled
        -XX:MaxTenuringThreshold=1
        -XX:G1RSetUpdatingPauseTimePercent=5
        -XX:MaxGCPauseMillis=300
        -XX:InitiatingHeapOccupancyPercent=70
        # JPMS. Cassandra 4.1 supports JDK 8 and 11 only and has no jvm17-server.options; these are its
        # jvm11-server.options plus what Cassandra 5.0's jvm17-server.options adds...
        -Djdk.attach.allowAttachSelf=true
        --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
        --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
        --add-exports java.base/jdk.internal.util=ALL-UNNAMED
        --add-exports java.base/sun.nio.ch=ALL-UNNAMED
        --add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED
        --add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED
        --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED
        --add-exports java.sql/java.sql=ALL-UNNAMED
        --add-exports java.base/java.lang.ref=ALL-UNNAMED
        --add-exports jdk.unsupported/sun.misc=ALL-UNNAMED
        --add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
        --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED
        --add-opens java.base/java.lang.module=ALL-UNNAMED
        --add-opens java.base/jdk.internal.loader=ALL-UNNAMED
        --add-opens java.base/jdk.internal.ref=ALL-UNNAMED
        --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED
        --add-opens java.base/jdk.internal.math=ALL-UNNAMED
        --add-opens java.base/jdk.internal.module=ALL-UNNAMED
        --add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED
        --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED
        --add-opens java.base/sun.nio.ch=ALL-UNNAMED
        --add-opens java.base/java.io=ALL-UNNAMED
        --add-opens java.base/java.lang.reflect=ALL-UNNAMED
        --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED
        --add-opens java.base/java.lang=ALL-UNNAMED
        --add-opens java.base/java.util=ALL-UNNAMED
        # ...plus what 4.1's jamm 0.3.2 needs on JDK 17 (5.0 moved to jamm 0.4): it measures memtable rows,
        # streaming state and prepared statements by walking their fields, JDK classes included. Found by
        # starting the node until no InaccessibleObjectException was left.
        --add-opens java.base/java.util.concurrent=ALL-UNNAMED
        --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED
        --add-opens java.base/java.nio=ALL-UNNAMED
        # cassandra-env.sh loads jamm as an agent, and on JDK 17 it is required: without Instrumentation,
        # jamm sizes objects through Unsafe, which throws on hidden classes (every lambda since JDK 15).
        "-javaagent:$(echo "$lib_dir"/jamm-*.jar)"
        # Netty settings of the same options files.
        -Dio.netty.tryReflectionSetAccessible=true
        -Dio.netty.allocator.useCacheForAllThreads=true
        -Dio.netty.allocator.maxOrder=11
        # Where this node's configuration, data and logs are.
        "-Dcassandra.config=file://$conf_dir/cassandra.yaml"
        "-Dcassandra.storagedir=$home_dir"
        "-Dcassandra.logdir=$logs_dir"
        "-Dcassandra.triggers_dir=$conf_dir/triggers"
        "-Dlogback.configurationFile=$conf_dir/logback.xml"
        # Without it the daemon closes stdout and stderr, and a JVM crash would leave no trace in console.log.
        -Dcassandra-foreground=yes
        # A lone test node: no waiting for a gossip ring to settle, no announcing shutdown to peers, which
        # keeps start and stop short. Schema changes are still flushed (no -Dcassandra.unsafesystem, no
        # -Dcassandra.test.flush_local_schema_changes=false): the outage test kills the node with SIGKILL, and
        # a schema change found only in the commit log is not brought back on restart, so the keyspace vanishes.
        -Dcassandra.skip_wait_for_gossip_to_settle=0
        -Dcassandra.shutdown_announce_in_ms=0
    )
    if [ -n "$jmx_port" ]; then
        flags+=("-Dcassandra.jmx.local.port=$jmx_port")
    fi
    printf '%s\n' "${flags[@]}"
}

# Waits until the node with the given pid answers CQL; gives up when it dies or after the start timeout.
wait_for_cql() {
    local pid=$1 started_at=$SECONDS
    while ! cql_answers; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$pid_file"
            show_log_tail
            fail "the node (pid $pid) exited before answering CQL"
        fi
        if [ $((SECONDS - started_at)) -ge "$start_timeout" ]; then
            show_log_tail
            fail "no CQL answer on $host:$cql_port after $start_timeout s; the node (pid $pid) is still running: 'scripts/cassandra.sh wait' waits again, 'scripts/cassandra.sh stop' stops it"
        fi
        sleep 0.5
    done
}

start() {
    local pid
    if pid=$(live_node_pid); then
        if cql_answers; then
            say "already running (pid $pid) on $host:$cql_port"
            return
        fi
        say "already starting (pid $pid), waiting for CQL on $host:$cql_port ..."
        wait_for_cql "$pid"
        say "running (pid $pid) on $host:$cql_port"
        return
    fi
    rm -f "$pid_file"
    for port in "$cql_port" "$storage_port" $jmx_port; do
        if port_is_open "$port"; then
            fail "port $port on $host is taken by a process this script did not start; stop it or choose other ports (CASSANDRA_CQL_PORT, CASSANDRA_STORAGE_PORT, CASSANDRA_JMX_PORT)"
        fi
    done
    command -v java >/dev/null || fail "no java on PATH (JDK 17 needed)"
    local java_version
    java_version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
    if [ "$java_version" != 17 ]; then
        say "warning: the JVM flags of this script are made for JDK 17; java on PATH is $java_version"
    fi
    command -v mvn >/dev/null || [ -f "$lib_stamp" ] || fail "no mvn on PATH (needed once, to fetch Cassandra)"

    mkdir -p "$home_dir"
    fetch_jars
    write_config
    local flags
    mapfile -t flags < <(jvm_flags)
    local started_at=$SECONDS
    : >"$console_log"
    local launcher=()
    # setsid: the node outlives the shell that started it and gets no Ctrl-C meant for a test run.
    if command -v setsid >/dev/null; then
        launcher+=(setsid)
    fi
    # As root, Cassandra's mlockall() succeeds and pins the whole heap and every mapping in memory (0.9 GiB
    # resident instead of under 0.4 GiB); a test node gains nothing from it, so the capability is dropped.
    if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
        launcher+=(setpriv --inh-caps=-ipc_lock --bounding-set=-ipc_lock)
    fi
    nohup "${launcher[@]}" java "${flags[@]}" -cp "$lib_dir/*" org.apache.cassandra.service.CassandraDaemon \
        </dev/null >>"$console_log" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$pid_file"
    say "starting (pid $pid), waiting for CQL on $host:$cql_port; logs in $logs_dir"
    wait_for_cql "$pid"
    say "running (pid $pid) on $host:$cql_port, answered CQL after $((SECONDS - started_at)) s"
}

stop() {
    if [ ! -f "$pid_file" ]; then
        say "not running"
        return
    fi
    local pid
    if ! pid=$(live_node_pid); then
        rm -f "$pid_file"
        say "not running (removed a stale pid file)"
        return
    fi
    say "stopping (pid $pid) ..."
    kill -TERM "$pid"
    local waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 60 ]; do
        sleep 0.5
        waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "still running after 30 s, killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
    say "stopped"
}

status() {
    local pid
    if pid=$(live_node_pid); then
        if cql_answers; then
            say "running (pid $pid) on $host:$cql_port"
            return 0
        fi
        say "process $pid is alive but does not answer CQL on $host:$cql_port (starting, or stuck)"
        return 3
    fi
    say "not running"
    return 3
}

wait_command() {
    local pid
    pid=$(live_node_pid) || fail "not running: start it with scripts/cassandra.sh start"
    wait_for_cql "$pid"
    say "running (pid $pid) on $host:$cql_port"
}

# Two start or stop commands at once (two test runs) take turns instead of racing for the pid file.
lock_node_directory() {
    mkdir -p "$home_dir"
    if command -v flock >/dev/null; then
        exec 9>"$home_dir/.lock"
        flock 9
    fi
}

case "${1:-start}" in
    start) lock_node_directory; start ;;
    stop) lock_node_directory; stop ;;
    status) status ;;
    wait) wait_command ;;
    -h|--help|help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) echo "usage: scripts/cassandra.sh [start|stop|status|wait]" >&2; exit 2 ;;
esac
