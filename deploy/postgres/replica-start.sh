#!/usr/bin/env bash
# The replica: copy the primary once (pg_basebackup), then follow it as a hot standby.
set -euo pipefail
DATA=/var/lib/postgresql/data
if [ ! -s "$DATA/PG_VERSION" ]; then
  until pg_isready -h db-primary -U replicator; do sleep 1; done
  rm -rf "${DATA:?}"/*
  gosu postgres pg_basebackup -h db-primary -U replicator -D "$DATA" -S replica1 -R -X stream -P
  chmod 700 "$DATA"
fi
chown -R postgres "$DATA"
exec gosu postgres postgres -D "$DATA" -c hot_standby=on
