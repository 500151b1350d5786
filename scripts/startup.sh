#!/usr/bin/env bash
# Measures how fast the packaged service starts and how much memory it holds when idle, on the
# embedded default (H2 file database, no tokens), and prints both beside the targets of the issue:
# start <= 4 s, resident memory <= 300 MiB idle.
#
#   scripts/startup.sh                      # the recommended launch (scripts/run.sh), 3 runs
#   scripts/startup.sh -- java -jar "$PWD/app/target/customer-care-registry.jar"   # any other launch
#
# It builds nothing: run `mvn -q -DskipTests package` first. Each run starts the service in a new
# temporary working directory (so H2 makes a new database under ./data there), times
#   - start: from the launch to the log line "Started CareRegistryApplication in X seconds",
#   - ready: from the launch to the first answer of /actuator/health after that line,
# waits IDLE seconds, reads VmRSS from /proc/PID/status, and stops the service with SIGTERM.
# With RESTART=1 it then starts it again in the same directory (the database exists and is already
# migrated) and measures that too. It prints every run and the median of each figure.
#
# Settings (environment):
#   RUNS=3          how many runs (the median is of these)
#   IDLE=20         seconds between the start and the memory reading
#   RESTART=0       1: also measure a second start on the existing database
#   PORT=8080       the service's port (it must be free; another process answering there would
#                   be taken for this one)
#   QUIET_FOR=      a pgrep -f pattern of CPU-heavy processes (e.g. benchmarks): each run waits
#                   until none is running, and a run during which one started is done again
#   MAX_OTHERS=0.3  a run during whose start other processes used more than this many cores on
#                   average (a build, a benchmark) is done again; the figure is printed as "others"
#   KEEP=0          1: keep the temporary directories (their service.log) instead of removing them
# The command after -- is run in the temporary directory with PORT in its environment; it must
# exec java (or be java) so that its PID is the JVM's. Give it absolute paths.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
IDLE=${IDLE:-20}
RESTART=${RESTART:-0}
PORT=${PORT:-8080}
QUIET_FOR=${QUIET_FOR:-}
KEEP=${KEEP:-0}
MAX_OTHERS=${MAX_OTHERS:-0.3}
TIMEOUT=${TIMEOUT:-180}   # seconds a start may take before the run is given up

if [ "${1:-}" = "--" ]; then
  shift
fi
if [ $# -eq 0 ]; then
  set -- "$ROOT/scripts/run.sh"
fi
if [ ! -f "$ROOT/app/target/customer-care-registry.jar" ]; then
  echo "app/target/customer-care-registry.jar is missing: run mvn -q -DskipTests package first" >&2
  exit 1
fi

now() { date +%s%N; }                                  # nanoseconds since the epoch
secs() { awk -v n="$1" 'BEGIN { printf "%.2f", n / 1e9 }'; }

# Median of the numbers given as arguments ("-" when there are none).
median() {
  if [ $# -eq 0 ]; then echo "-"; return; fi
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

busy() { [ -n "$QUIET_FOR" ] && pgrep -f "$QUIET_FOR" >/dev/null; }
wait_quiet() {
  while busy; do
    echo "  (waiting: a process matching '$QUIET_FOR' is running)" >&2
    sleep 20
  done
}

port_taken() { curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/" ; }

PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

CONTENDED=0
# CPU time (clock ticks) the whole machine has been busy, and that process $1 has used.
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
process_cpu() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
# Notes whether a process matching QUIET_FOR is running now (the run is then done again).
watch_busy() { if busy; then CONTENDED=1; fi; }

# One start in directory $1: sets START (s to the "Started" line), READY (s to the first health
# answer), SPRING (what Spring says: "in X seconds"), JVM ("process running for Y") and RSS (MiB
# after IDLE seconds). Returns 1 when the service did not start.
measure_once() {
  local dir=$1 log=$2 t0 t_started= t_ready= line i busy0 busy1 me
  shift 2
  cd "$dir"
  if port_taken; then
    echo "port $PORT already answers: stop whatever listens there or set PORT" >&2
    exit 1
  fi
  t0=$(now)
  busy0=$(machine_busy)
  PORT=$PORT "$@" >"$log" 2>&1 &
  PID=$!
  # Wait for the "Started" line without polling (the polls' processes would take CPU from the
  # start being measured): tail follows the log until the line comes or the service exits.
  rm -f follow.fifo && mkfifo follow.fifo
  timeout "$TIMEOUT" tail -n +1 -f --pid="$PID" "$log" >follow.fifo &
  local follower=$!
  if grep -q -m 1 'Started CareRegistryApplication in' <follow.fifo; then
    t_started=$(now)
  fi
  kill "$follower" 2>/dev/null || true   # the tail would linger until the log grows again
  wait "$follower" 2>/dev/null || true
  rm -f follow.fifo
  busy1=$(machine_busy)
  me=$(process_cpu "$PID" 2>/dev/null || echo 0)
  if [ -z "$t_started" ]; then
    echo "the service did not start (it exited, or took over $TIMEOUT s); its log: $dir/$log" >&2
    tail -n 20 "$log" >&2
    cleanup; PID=
    return 1
  fi
  # Tomcat listens before that line is written, so health answers at once or very soon after
  while ! curl -sf -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/actuator/health"; do
    if ! kill -0 "$PID" 2>/dev/null || [ $(( ($(now) - t0) / 1000000000 )) -ge "$TIMEOUT" ]; then
      echo "health did not answer; its log: $dir/$log" >&2
      cleanup; PID=
      return 1
    fi
    sleep 0.05
  done
  t_ready=$(now)
  # what the rest of the machine used during the start, in cores
  OTHERS=$(awk -v b0="$busy0" -v b1="$busy1" -v me="$me" -v t="$((t_started - t0))" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.2f", (b1 - b0 - me) / hz / (t / 1e9) }')
  START=$(secs $((t_started - t0)))
  READY=$(secs $((t_ready - t0)))
  line=$(grep -o 'Started CareRegistryApplication in [0-9.]* seconds (process running for [0-9.]*)' "$log" | tail -n 1)
  SPRING=$(echo "$line" | awk '{ print $4 }')
  JVM=$(echo "$line" | sed 's/.*running for \([0-9.]*\)).*/\1/')
  for ((i = 0; i < IDLE; i++)); do watch_busy; sleep 1; done
  RSS=$(awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$PID/status")
  if awk -v o="$OTHERS" -v m="$MAX_OTHERS" 'BEGIN { exit !(o > m) }'; then CONTENDED=1; fi
  cleanup
  PID=
  # a stopped JVM may take a moment to free the port
  while port_taken; do sleep 0.2; done
}

echo "launch: $*"
echo "runs: $RUNS, idle: $IDLE s, port: $PORT"
starts=() readys=() springs=() jvms=() rsss=()
r_starts=() r_readys=() r_springs=() r_jvms=() r_rsss=()
run=1
while [ "$run" -le "$RUNS" ]; do
  wait_quiet
  dir=$(mktemp -d "${TMPDIR:-/tmp}/ccr-startup.XXXXXX")
  CONTENDED=0
# CPU time (clock ticks) the whole machine has been busy, and that process $1 has used.
machine_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }
process_cpu() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
  if ! measure_once "$dir" service.log "$@"; then
    exit 1
  fi
  first=("$START" "$READY" "$SPRING" "$JVM" "$RSS" "$OTHERS")
  if [ "$RESTART" = 1 ]; then
    if ! measure_once "$dir" service-again.log "$@"; then
      exit 1
    fi
    again=("$START" "$READY" "$SPRING" "$JVM" "$RSS" "$OTHERS")
  fi
  cd "$ROOT"
  if [ "$KEEP" != 1 ]; then rm -rf "$dir"; fi
  watch_busy
  if [ "$CONTENDED" = 1 ]; then
    echo "  run $run: other processes were busy meanwhile (start $START s, others ${OTHERS} cores); measuring it again" >&2
    sleep 10
    continue
  fi
  printf 'run %d: start %6s s  ready %6s s  (Spring: in %s s, process running for %s s)  idle RSS %4s MiB  others %s cores\n' \
    "$run" "${first[@]}"
  starts+=("${first[0]}") readys+=("${first[1]}") springs+=("${first[2]}") jvms+=("${first[3]}") rsss+=("${first[4]}")
  if [ "$RESTART" = 1 ]; then
    printf '  again on its database: start %6s s  ready %6s s  (Spring: in %s s, process running for %s s)  idle RSS %4s MiB  others %s cores\n' \
      "${again[@]}"
    r_starts+=("${again[0]}") r_readys+=("${again[1]}") r_springs+=("${again[2]}") r_jvms+=("${again[3]}") r_rsss+=("${again[4]}")
  fi
  run=$((run + 1))
done

# Prints a verdict: $1 the median, $2 the target (a figure at or under it meets it).
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m + 0 <= t + 0) ? "meets" : "misses" }'; }

ms=$(median "${starts[@]}"); mr=$(median "${rsss[@]}")
echo
echo "median of $RUNS runs, new database:"
printf '  start      %6s s    target <= 4 s     %s\n' "$ms" "$(verdict "$ms" 4)"
printf '  ready      %6s s    (first /actuator/health answer)\n' "$(median "${readys[@]}")"
printf '  Spring     %6s s    (its "in X seconds"; the JVM had run %s s)\n' "$(median "${springs[@]}")" "$(median "${jvms[@]}")"
printf '  idle RSS   %6s MiB  target <= 300 MB (286 MiB)  %s\n' "$mr" "$(verdict "$mr" 286)"
if [ "$RESTART" = 1 ]; then
  ms=$(median "${r_starts[@]}"); mr=$(median "${r_rsss[@]}")
  echo "median of $RUNS runs, started again on the existing database:"
  printf '  start      %6s s    target <= 4 s     %s\n' "$ms" "$(verdict "$ms" 4)"
  printf '  ready      %6s s    (first /actuator/health answer)\n' "$(median "${r_readys[@]}")"
  printf '  Spring     %6s s    (its "in X seconds"; the JVM had run %s s)\n' "$(median "${r_springs[@]}")" "$(median "${r_jvms[@]}")"
  printf '  idle RSS   %6s MiB  target <= 300 MB (286 MiB)  %s\n' "$mr" "$(verdict "$mr" 286)"
fi
