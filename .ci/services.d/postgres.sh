# shellcheck shell=bash
# Starts a PostgreSQL server on loopback for the storage tests and exports COPRODUCTION_POSTGRES_CONNECTION.
#
# Sourced by .ci/run before the tests; a developer can source it too: `source .ci/services.d/postgres.sh`
# (as root, or as a user allowed to sudo). It installs Debian's `postgresql` package when missing, creates a
# cluster named "coproduction" on 127.0.0.1 (port COPRODUCTION_POSTGRES_PORT, default 54329) owned by the postgres
# user (the server refuses to run as root; pg_ctlcluster starts it as postgres), and a role and database
# "coproduction". Idempotent and quick: a cluster already running is reused. When COPRODUCTION_POSTGRES_CONNECTION
# is already set, nothing is done.

coproduction_postgres_start() {
  local port="${COPRODUCTION_POSTGRES_PORT:-54329}" cluster=coproduction name=coproduction version status

  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

  if ! command -v pg_createcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "postgres: installing Debian's postgresql package"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi

  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
    echo "postgres: creating cluster $version/$cluster on 127.0.0.1:$port"
    as_root pg_createcluster "$version" "$cluster" -p "$port" --start-conf=manual \
      -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null || return 1
    # listen_addresses keeps its default, localhost: the server is reachable from this machine only.
  fi

  # The cluster may have been created earlier on another port: use the one it has.
  port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')
  status=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')
  if [ "$status" != "online" ]; then
    echo "postgres: starting cluster $version/$cluster"
    as_root pg_ctlcluster "$version" "$cluster" start || return 1
  fi

  if [ "$(as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" != "1" ]; then
    as_postgres psql -p "$port" -qc "CREATE ROLE $name LOGIN CREATEDB PASSWORD '$name'" || return 1
  fi
  if [ "$(as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
    as_postgres createdb -p "$port" -O "$name" "$name" || return 1
  fi

  export COPRODUCTION_POSTGRES_CONNECTION="Host=127.0.0.1;Port=$port;Database=$name;Username=$name;Password=$name"
  echo "postgres: COPRODUCTION_POSTGRES_CONNECTION=$COPRODUCTION_POSTGRES_CONNECTION"
}

if [ -n "${COPRODUCTION_POSTGRES_CONNECTION:-}" ]; then
  echo "postgres: using COPRODUCTION_POSTGRES_CONNECTION from the environment"
else
  coproduction_postgres_start
fi
