#!/bin/sh
# Writes the AppCDS archive of a packaged AKS Doctor: <quarkus-app dir>/app-cds.jsa.
#
#   docker/appcds.sh target/quarkus-app
#   java @docker/jvm.args -XX:SharedArchiveFile="$PWD/target/quarkus-app/app-cds.jsa" -jar "$PWD/target/quarkus-app/quarkus-run.jar"
#
# Why: the JVM then maps the classes the service loads at start and on its first paste from the archive instead of
# reading and verifying them from the jars again, which shortens the start and the first answer.
#
# How: a training start, as Spring Boot's CDS training runs do. The service starts once on a free port with a
# throw-away H2 database and Slack and Azure settings that point at a closed local port (127.0.0.1:9), so the Slack
# client, the Azure credential and the ARM pipeline load their classes and fail at once, calling nothing outside;
# then one paste goes through POST /api/diagnoses (when curl is there), the service is stopped, and the JVM writes
# every class it loaded on the way out. A PostgreSQL build has no database here and stops early; the classes loaded
# until then still make the archive.
#
# The archive only fits the JVM build that wrote it and the jar path it was written with (run with the same
# absolute path); another JVM says so once and starts without it.
set -eu
app_dir=$(cd "${1:?usage: appcds.sh <quarkus-app dir>}" && pwd)
# The service's own JVM options (beside this script in the repository and in the image), so the training start
# loads what the service loads.
jvm_args="$(cd "$(dirname "$0")" && pwd)/jvm.args"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
training=$(mktemp -d)
log="$training/start.log"
trap 'rm -rf "$training"' EXIT
rm -f "$app_dir/app-cds.jsa"
: > "$log"

nowhere=127.0.0.1:9
zero=00000000-0000-0000-0000-000000000000
env -u SLACK_APP_TOKEN \
    SLACK_SIGNING_SECRET=appcds-training SLACK_BOT_TOKEN=xoxb-appcds-training SLACK_API_URL="http://$nowhere/api/" \
    AKS_DOCTOR_AZURE_CLOUD=CUSTOM AKS_DOCTOR_AZURE_RESOURCE_MANAGER_URL="https://$nowhere/" \
    AKS_DOCTOR_AZURE_AUTHORITY_HOST="https://$nowhere/" AKS_DOCTOR_AZURE_SUBSCRIPTIONS="$zero" \
    AZURE_TENANT_ID="$zero" AZURE_CLIENT_ID="$zero" AZURE_CLIENT_SECRET=appcds-training \
    AZURE_AUTHORITY_HOST="https://$nowhere/" \
    "$java_cmd" "@$jvm_args" -XX:ArchiveClassesAtExit="$app_dir/app-cds.jsa" -Dquarkus.http.port=0 \
    -Dquarkus.datasource.jdbc.url="jdbc:h2:file:$training/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    -jar "$app_dir/quarkus-run.jar" > "$log" 2>&1 &
pid=$!

# Waits (at most $2 tenths of a second) for the log to match $1, while the service runs.
await() {
    waited=0
    while kill -0 "$pid" 2>/dev/null && ! grep -q "$1" "$log" && [ "$waited" -lt "$2" ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
}

await "started in" 1200
# The Azure warm-up gives up on its token (the credential and the HTTP pipeline are loaded by then).
await "gives no token" 300
port=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$log" | head -1)
if [ -n "$port" ] && command -v curl > /dev/null 2>&1; then
    curl -sf -o /dev/null --max-time 20 -H 'Content-Type: text/plain' "http://127.0.0.1:$port/api/diagnoses" \
        --data-binary "(VMExtensionError_K8SAPIServerConnFail) CSE failed with exit code 51. Agents are unable to establish connection to Kubernetes API server. Connection timed out.
Target: /subscriptions/$zero/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks" || true
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" || true

if [ ! -s "$app_dir/app-cds.jsa" ]; then
    cat "$log" >&2
    echo "appcds.sh: no archive written (the training start's log is above)" >&2
    exit 1
fi
echo "appcds.sh: $app_dir/app-cds.jsa ($(du -m "$app_dir/app-cds.jsa" | cut -f1) MB)"
