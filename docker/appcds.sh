#!/bin/sh
# Writes the AppCDS archive of a packaged AKS Doctor: <quarkus-app dir>/app-cds.jsa.
#
#   docker/appcds.sh target/quarkus-app
#   java -XX:SharedArchiveFile="$PWD/target/quarkus-app/app-cds.jsa" -jar "$PWD/target/quarkus-app/quarkus-run.jar"
#
# Why: the JVM then maps the classes Quarkus, Hibernate, Flyway, Quartz, Vert.x and Bolt load at start from the
# archive instead of reading and verifying them from the jars again, which shortens the start (and shares that
# memory between replicas on one node).
#
# How: a training start, as Spring Boot's CDS training runs do: the service starts once on a free port with a
# throw-away H2 database and no Slack or Azure settings (so it calls nothing outside), is stopped as soon as it
# says it started, and the JVM writes every class it loaded on the way out. A PostgreSQL build has no database
# here and stops early; the classes loaded until then still make the archive.
#
# The archive only fits the JVM build that wrote it and the jar path it was written with (run with the same
# absolute path); another JVM says so once and starts without it.
set -eu
app_dir=$(cd "${1:?usage: appcds.sh <quarkus-app dir>}" && pwd)
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
rm -f "$app_dir/app-cds.jsa"

env -u SLACK_BOT_TOKEN -u SLACK_SIGNING_SECRET -u SLACK_APP_TOKEN \
    "$java_cmd" -XX:ArchiveClassesAtExit="$app_dir/app-cds.jsa" -Dquarkus.http.port=0 \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$training/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -Daks-doctor.azure.warm-up=false \
    -jar "$app_dir/quarkus-run.jar" > "$training/start.log" 2>&1 &
pid=$!
waited=0
while kill -0 "$pid" 2>/dev/null && ! grep -q "started in" "$training/start.log" && [ "$waited" -lt 1200 ]; do
    sleep 0.1
    waited=$((waited + 1))
done
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true

if [ ! -s "$app_dir/app-cds.jsa" ]; then
    cat "$training/start.log" >&2
    echo "appcds.sh: no archive written (the training start's log is above)" >&2
    exit 1
fi
echo "appcds.sh: $app_dir/app-cds.jsa ($(du -m "$app_dir/app-cds.jsa" | cut -f1) MB)"
