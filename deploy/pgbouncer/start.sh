#!/bin/sh
set -eu
printf '"bondgenoot" "%s"\n' "$POSTGRES_PASSWORD" >/tmp/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
