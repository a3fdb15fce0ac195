#!/usr/bin/env bash
# Two (or more) InnoCenter web nodes on one PostgreSQL behind nginx, on one machine — the deployment of DESIGN §4
# ("web nodes are stateless") in a form a person can run, read and copy onto several machines.
#
#   PG="Host=…;Port=5432;Username=…;Password=…;Database=innocenter" FILES=/srv/innocenter/files deploy/two-nodes.sh start
#   deploy/two-nodes.sh status
#   deploy/two-nodes.sh stop
#   deploy/two-nodes.sh publish        # dotnet publish -c Release into $RUNTIME/app (start does it when it is missing)
#
# What is shared, and how:
#   - the database: every node gets the same ConnectionStrings:Default; the data-protection keys (sign-in and
#     antiforgery cookies) are in it (PersistKeysToDbContext), so a cookie made by one node is read by the other;
#   - the file store: Files:Root is the same folder on every node (on several machines: an NFS/CephFS mount); the
#     signed audit heads live in it too (Audit:HeadDirectory defaults to <Files:Root>/audit-heads);
#   - the audit key: one key file (AUDIT_KEY_FILE), made here once if missing, never in the database or the file store;
#   - background jobs (audit sealer, mail, notices, reminders, fund warnings, backups) take the database lease
#     (JobLeases), so one node runs each; when it dies its leases expire and another node takes them over;
#   - the policy pack in force: each node re-reads it every Policy:RefreshSeconds (5).
#
# Environment (defaults in brackets):
#   PG            Npgsql connection string with Database=…                      (required)
#   FILES         the shared file store folder                                   (required)
#   RUNTIME       pids, logs, nginx prefix and the published app                 [deploy/run]
#   NODE_PORTS    the nodes' ports, one node per port                            [5471 5472]
#   NGINX_LISTEN  where nginx listens                                            [127.0.0.1:5470]
#   NODE_HOST     the address the nodes listen on and nginx reaches them at      [127.0.0.1]
#   PROXY_ADDR    nginx's address as the nodes see it (ForwardedHeaders:KnownProxies)  [127.0.0.1]
#   AUDIT_KEY_FILE  the audit key every node uses                               [$RUNTIME/audit.key]
#   SHARED        mail pickup folder (no SMTP host) and backups, shared too       [$RUNTIME/shared]
#   MAX_BYTES     Files:MaxBytes, the upload cap per file                        [52428800]
#   SIGNINS_PER_MINUTE  sign-in posts per client address, counted by nginx for all nodes  [10]
#   APP_DLL       the app to run                                                 [$RUNTIME/app/InnoCenter.Web.dll]
#   PUBLIC_URL    App:PublicUrl (links in mails)                                 [http://$NGINX_LISTEN]
#   NODE_ARGS     more settings for every node, e.g. "--Jobs:MailSeconds=10"     []
#   BUILD_LOCK    a lock file to hold while publishing (a shared build machine)  []
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

RUNTIME=${RUNTIME:-$root/deploy/run}
NODE_PORTS=${NODE_PORTS:-5471 5472}
NGINX_LISTEN=${NGINX_LISTEN:-127.0.0.1:5470}
NODE_HOST=${NODE_HOST:-127.0.0.1}
PROXY_ADDR=${PROXY_ADDR:-127.0.0.1}
AUDIT_KEY_FILE=${AUDIT_KEY_FILE:-$RUNTIME/audit.key}
SHARED=${SHARED:-$RUNTIME/shared}
MAX_BYTES=${MAX_BYTES:-52428800}
SIGNINS_PER_MINUTE=${SIGNINS_PER_MINUTE:-10}
APP_DLL=${APP_DLL:-$RUNTIME/app/InnoCenter.Web.dll}
PUBLIC_URL=${PUBLIC_URL:-http://$NGINX_LISTEN}
NGINX=${NGINX:-/usr/sbin/nginx}

publish() {
  echo "two-nodes: publishing Release into $RUNTIME/app"
  mkdir -p "$RUNTIME"
  ${BUILD_LOCK:+flock "$BUILD_LOCK"} dotnet publish "$root/src/InnoCenter.Web" -c Release -o "$RUNTIME/app" -v q -nologo >/dev/null
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_healthy() { # URL LOG PIDFILE
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/healthz" || true)" = 200 ] && return 0
    running "$3" || { echo "two-nodes: the node stopped:"; tail -20 "$2"; return 1; }
    sleep 0.1
  done
  echo "two-nodes: no /healthz 200 from $1 within two minutes"; tail -20 "$2"; return 1
}

start_node() { # INDEX PORT
  local i=$1 port=$2 dir="$RUNTIME/node$1" url="http://$NODE_HOST:$2"
  mkdir -p "$dir"
  if running "$dir/pid"; then echo "two-nodes: node $i already runs (pid $(cat "$dir/pid"))"; return; fi
  rm -f "$dir/pid"
  if curl -s -o /dev/null "$url/healthz"; then echo "two-nodes: something else listens on $url"; exit 1; fi
  # setsid: the node is a process group of its own, so `stop` ends it (and only it) with kill -- -PID.
  # The content root is the published app (wwwroot, policies); every other path is given explicitly, so nothing a
  # node writes stays on this node but its log.
  # The pid is written by the process that becomes the node (setsid may fork), so it is the group's leader.
  (
    cd "$dir"
    # The connection string goes by the environment, not the command line, where `ps` would show its password.
    export ConnectionStrings__Default=$PG
    ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$dir/pid" \
      dotnet "$APP_DLL" \
      --contentRoot="$(dirname "$APP_DLL")" \
      --Urls="$url" \
      --Database:Provider=Postgres \
      "--Files:Root=$FILES" --Files:MaxBytes="$MAX_BYTES" \
      "--Audit:KeyFile=$AUDIT_KEY_FILE" \
      "--Smtp:PickupDirectory=$SHARED/mail-pickup" \
      "--Backup:Directory=$SHARED/backups" \
      "--App:PublicUrl=$PUBLIC_URL" \
      "--ForwardedHeaders:KnownProxies:0=$PROXY_ADDR" \
      ${NODE_ARGS:-} >>"$dir/node.log" 2>&1
  ) &
  for _ in $(seq 1 50); do [ -s "$dir/pid" ] && break; sleep 0.1; done
  wait_healthy "$url" "$dir/node.log" "$dir/pid"
  echo "two-nodes: node $i up at $url (pid $(cat "$dir/pid"), log $dir/node.log)"
}

write_nginx_conf() {
  local servers= port
  for port in $NODE_PORTS; do
    servers+="        server $NODE_HOST:$port max_fails=1 fail_timeout=10s;"$'\n'
  done
  mkdir -p "$RUNTIME/nginx/tmp"
  local body=$(( (MAX_BYTES + 1024 * 1024 + 1023) / 1024 ))k
  awk -v servers="${servers%$'\n'}" -v runtime="$RUNTIME" -v listen="$NGINX_LISTEN" -v body="$body" \
    -v signins="$SIGNINS_PER_MINUTE" -v burst="$(( SIGNINS_PER_MINUTE > 1 ? SIGNINS_PER_MINUTE - 1 : 0 ))" '
    { gsub(/@RUNTIME@/, runtime); gsub(/@LISTEN@/, listen); gsub(/@BODY_LIMIT@/, body)
      gsub(/@SIGNINS@/, signins); gsub(/@SIGNIN_BURST@/, burst) }
    /^@SERVERS@$/ { print servers; next } { print }' "$root/deploy/nginx.conf.template" >"$RUNTIME/nginx/nginx.conf"
  "$NGINX" -t -q -p "$RUNTIME/nginx" -c "$RUNTIME/nginx/nginx.conf" -e "$RUNTIME/nginx/error.log"
}

start() {
  : "${PG:?PG (an Npgsql connection string with Database=…) is needed}"
  : "${FILES:?FILES (the shared file store folder) is needed}"
  mkdir -p "$RUNTIME" "$FILES" "$SHARED"
  FILES=$(cd "$FILES" && pwd)
  [ -f "$APP_DLL" ] || publish
  if [ ! -s "$AUDIT_KEY_FILE" ]; then
    # Made here, before any node starts, so no two nodes can each make a key of their own.
    mkdir -p "$(dirname "$AUDIT_KEY_FILE")"
    (umask 077; head -c 32 /dev/urandom | base64 >"$AUDIT_KEY_FILE")
    echo "two-nodes: made the audit key $AUDIT_KEY_FILE — keep a copy outside the database and its backups"
  fi
  # The first node migrates the database and loads the policy pack alone; the others start on a ready database.
  local i=1 port
  for port in $NODE_PORTS; do
    start_node "$i" "$port"
    i=$((i + 1))
  done
  write_nginx_conf
  if running "$RUNTIME/nginx/nginx.pid"; then
    "$NGINX" -p "$RUNTIME/nginx" -c "$RUNTIME/nginx/nginx.conf" -e "$RUNTIME/nginx/error.log" -s reload
  else
    "$NGINX" -p "$RUNTIME/nginx" -c "$RUNTIME/nginx/nginx.conf" -e "$RUNTIME/nginx/error.log"
  fi
  wait_healthy "http://$NGINX_LISTEN" "$RUNTIME/nginx/error.log" "$RUNTIME/nginx/nginx.pid"
  echo "two-nodes: nginx at http://$NGINX_LISTEN (config $RUNTIME/nginx/nginx.conf, log $RUNTIME/nginx/access.log)"
}

stop() {
  if running "$RUNTIME/nginx/nginx.pid"; then
    "$NGINX" -p "$RUNTIME/nginx" -c "$RUNTIME/nginx/nginx.conf" -e "$RUNTIME/nginx/error.log" -s quit
    echo "two-nodes: nginx stopped"
  fi
  local d pid
  for d in "$RUNTIME"/node*/; do
    [ -f "$d/pid" ] || continue
    pid=$(cat "$d/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -- "-$pid" 2>/dev/null || kill "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      echo "two-nodes: $(basename "$d") stopped (pid $pid)"
    fi
    rm -f "$d/pid"
  done
}

status() {
  local d url code
  for d in "$RUNTIME"/node*/; do
    [ -d "$d" ] || continue
    if running "$d/pid"; then
      url=$(tr '\0' '\n' <"/proc/$(cat "$d/pid")/cmdline" | sed -n 's/^--Urls=//p')
      code=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz" || true)
      echo "$(basename "$d"): pid $(cat "$d/pid"), $url, /healthz $code"
    else
      echo "$(basename "$d"): not running"
    fi
  done
  if running "$RUNTIME/nginx/nginx.pid"; then
    echo "nginx: pid $(cat "$RUNTIME/nginx/nginx.pid"), http://$NGINX_LISTEN, /healthz $(curl -s -o /dev/null -w '%{http_code}' "http://$NGINX_LISTEN/healthz" || true)"
  else
    echo "nginx: not running"
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  publish) publish ;;
  *) echo "usage: PG=… FILES=… $0 start | stop | status | publish"; exit 2 ;;
esac
