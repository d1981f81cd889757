#!/bin/sh
# Writes the AppCDS archive of a packaged AKS Doctor: <quarkus-app dir>/app-cds.jsa.
#
#   docker/appcds.sh target/quarkus-app
#   java -XX:SharedArchiveFile="$PWD/target/quarkus-app/app-cds.jsa" -jar "$PWD/target/quarkus-app/quarkus-run.jar"
#
# Why: the JVM then maps the classes Quarkus, Hibernate, Vert.x and Bolt load at start from the archive
# instead of reading and verifying them from the jars again, which shortens the start and shares that
# memory between replicas on one node. Quarkus' AppCDS mode (-Dquarkus.appcds.generate=true) stops after
# static initialisation: no database, Slack or Azure is touched, so this runs anywhere the jar is, e.g.
# in the image build (docker/Dockerfile).
#
# The archive only fits the JVM build that wrote it and the jar path it was written with (use the same
# absolute path when running); with another JVM the JVM says so once and starts without it.
set -eu
app_dir=$(cd "${1:?usage: appcds.sh <quarkus-app dir>}" && pwd)
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rm -f "$app_dir/app-cds.jsa"
if ! "$java_cmd" -XX:ArchiveClassesAtExit="$app_dir/app-cds.jsa" -Dquarkus.appcds.generate=true \
        -jar "$app_dir/quarkus-run.jar" > "$app_dir/app-cds.log" 2>&1 \
        || [ ! -s "$app_dir/app-cds.jsa" ]; then
    cat "$app_dir/app-cds.log" >&2
    echo "appcds.sh: no archive written (log above)" >&2
    exit 1
fi
rm -f "$app_dir/app-cds.log"
echo "appcds.sh: $app_dir/app-cds.jsa ($(du -m "$app_dir/app-cds.jsa" | cut -f1) MB)"
