#!/usr/bin/env bash
# Starts the packaged service (app/target/customer-care-registry.jar) the recommended way:
#
#   mvn -q -DskipTests package && scripts/run.sh
#
# With a Java 25 or later (JAVA_HOME, else the newest one under /usr/lib/jvm or /opt/java, else
# `java` on the PATH) it runs the jar extracted into app/target/aot/app/ (a plain class path the JVM
# can cache; the nested jars of the fat jar cannot be) with the ahead-of-time cache
# app/target/aot/app.aot (JEP 483/514/515: classes loaded and linked, method profiles). The cache is
# made by a training run the first time, and again whenever the jar, the JVM or the flags change
# (the JVM would ignore a cache made for another class path): that start takes about 20 s more.
# Without a Java 25 it runs `java -jar` on the fat jar as before.
#
# Environment:
#   JAVA_HOME      the JVM to use when it is 25 or later (else one is looked for, see above)
#   CCR_AOT=off    no extraction and no cache: `java -jar` on the fat jar with whatever JVM is found
#   JAVA_OPTS      more JVM flags, appended to the recommended ones (they count as "the flags" above)
#   CCR_JIT        quick: the client compiler only (C1: starts in about 3 s instead of 4.3, holds about
#                  40 MB less, but serves about a quarter fewer requests a second at full load);
#                  full: both compilers (C1 and C2, the JVM's default). Unset (auto): quick on the
#                  embedded H2 database (no CCR_DB_URL, or an H2 one: a trial or a small desk, where
#                  start and memory matter most), full on MariaDB (where a busy desk runs). Java 25 only.
# and every setting of the service (README), e.g. PORT, CCR_DB_URL, TELEGRAM_BOT_TOKEN.
# The arguments are passed to the service (e.g. --server.port=9090).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/app/target/customer-care-registry.jar
AOT_DIR=$ROOT/app/target/aot
if [ ! -f "$JAR" ]; then
  echo "run.sh: $JAR is missing: run mvn -q -DskipTests package first" >&2
  exit 1
fi

# The feature version (17, 25, ...) of the JDK or JRE at $1, read from its release file.
java_major() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

# The home of a Java 25 or later: JAVA_HOME, else the newest installed one, else that of `java` on
# the PATH. Prints nothing when there is none.
find_java25() {
  local home major best= best_major=0 path_java
  if [ -n "${JAVA_HOME:-}" ] && [ "$(java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    echo "$JAVA_HOME"
    return
  fi
  for home in /usr/lib/jvm/* /opt/java/*; do
    [ -x "$home/bin/java" ] || continue
    major=$(java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best=$home best_major=$major
    fi
  done
  if [ -z "$best" ] && path_java=$(command -v java 2>/dev/null); then
    home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
    major=$(java_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then best=$home; fi
  fi
  echo "$best"
}

# Memory: a heap that starts small and may grow to 256 MB (the service's live data is tens of MB;
# without a maximum the JVM takes a quarter of the machine), smaller thread stacks (the outbox has up
# to 128 senders per channel), a bounded code cache, and two malloc arenas instead of one per core
# and thread (glibc's arenas were a large part of the resident memory with many threads). After a
# full collection the heap gives back what leaves more than 30% of it free, at once rather than a
# little at each collection (start-up's garbage had left ~120 MB committed for ~47 MB of live data;
# about 25 MB less resident when idle).
MEMORY="-Xms32m -Xmx${CCR_HEAP_MAX:-256m} -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps"
MEMORY="$MEMORY -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=192m"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

JAVA25_HOME=
if [ "${CCR_AOT:-on}" != off ]; then
  JAVA25_HOME=$(find_java25)
fi

if [ -z "$JAVA25_HOME" ]; then
  # No Java 25 (or CCR_AOT=off): the fat jar on whatever Java there is. The flags below work on 17
  # too (see docs/benchmarks.md, "Start-up and memory" for what they buy).
  if [ -n "${JAVA_HOME:-}" ]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
  exec "$JAVA" $MEMORY -XX:+UseSerialGC ${JAVA_OPTS:-} -jar "$JAR" "$@"
fi

JAVA=$JAVA25_HOME/bin/java
# The recommended flags on Java 25 (docs/benchmarks.md, "Start-up and memory"): the serial collector (2 cores, a heap of
# tens of MB: no concurrent GC threads and their data), compact object headers (JEP 519: 8 bytes
# less per object), and virtual threads for Tomcat's requests and Spring's tasks.
# Native memory that the JVM's own code freed (the compilers' arenas after start-up's burst of
# compiling, above all) is given back to the system every second instead of kept by malloc (about
# 35 MB less resident when idle).
FLAGS="$MEMORY -XX:+UseSerialGC -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=1000 -Dspring.threads.virtual.enabled=true ${JAVA_OPTS:-}"

# Which compilers (CCR_JIT, above). Not one of "the flags" of the cache: a cache trained with both
# compilers serves either.
case "${CCR_JIT:-auto}" in
  quick) JIT="-XX:TieredStopAtLevel=1" ;;
  full) JIT= ;;
  auto)
    if [ -z "${CCR_DB_URL:-}" ] || [[ "${CCR_DB_URL}" == jdbc:h2:* ]]; then JIT="-XX:TieredStopAtLevel=1"; else JIT=; fi ;;
  *) echo "run.sh: CCR_JIT must be quick, full or auto (not ${CCR_JIT})" >&2; exit 2 ;;
esac

# 1. The fat jar extracted (again when it changed: `mvn package` makes a new one every time).
APP_DIR=$AOT_DIR/app
APP_JAR=$APP_DIR/$(basename "$JAR")
jar_stamp=$(stat -c '%s %Y' "$JAR")
if [ ! -f "$APP_JAR" ] || [ "$(cat "$AOT_DIR/extracted.stamp" 2>/dev/null)" != "$jar_stamp" ]; then
  rm -rf "$AOT_DIR"
  mkdir -p "$AOT_DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" >/dev/null
  echo "$jar_stamp" >"$AOT_DIR/extracted.stamp"
fi

# 2. The AOT cache, made by a training run when there is none for this jar, JVM and flags. The
# training run starts the application context on a new H2 database in a temporary directory (so it
# touches neither ./data nor a configured database) and stops before the web server starts
# (spring.context.exit=onRefresh); on its exit the JVM writes the cache.
CACHE=$AOT_DIR/app.aot
cache_stamp="$jar_stamp|$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JAVA25_HOME/release")|$JAVA25_HOME|$FLAGS"
if [ ! -f "$CACHE" ] || [ "$(cat "$AOT_DIR/cache.stamp" 2>/dev/null)" != "$cache_stamp" ]; then
  echo "run.sh: training run for the AOT cache $CACHE (once per build of the jar; its log: $AOT_DIR/training.log)" >&2
  training=$(mktemp -d "${TMPDIR:-/tmp}/ccr-aot-training.XXXXXX")
  rm -f "$CACHE" "$AOT_DIR/cache.stamp"
  # shellcheck disable=SC2086
  if (cd "$training" && env -u SPRING_PROFILES_ACTIVE -u TELEGRAM_BOT_TOKEN -u DISCORD_BOT_TOKEN \
        CCR_DB_URL="jdbc:h2:file:$training/data/careregistry;MODE=MariaDB;DATABASE_TO_LOWER=TRUE" \
        CCR_DB_USER=sa CCR_DB_PASSWORD= \
        "$JAVA" $FLAGS -XX:AOTCacheOutput="$CACHE.tmp" -Dspring.context.exit=onRefresh \
        -jar "$APP_JAR" >"$AOT_DIR/training.log" 2>&1) && [ -f "$CACHE.tmp" ]; then
    mv "$CACHE.tmp" "$CACHE"
    echo "$cache_stamp" >"$AOT_DIR/cache.stamp"
  else
    echo "run.sh: the training run failed (see $AOT_DIR/training.log); starting without the cache" >&2
  fi
  rm -rf "$training"
fi

if [ -f "$CACHE" ]; then
  # shellcheck disable=SC2086
  exec "$JAVA" $FLAGS $JIT -XX:AOTCache="$CACHE" -jar "$APP_JAR" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" $FLAGS $JIT -jar "$APP_JAR" "$@"
