# shellcheck shell=bash
# Sourced by bin/backup-database and bin/restore-database.
#
# pg_env_from_url URL sets the PG* environment variables that pg_dump, pg_restore and psql read
# from a DATABASE_URL, so that the password is never on a command line, where any local user
# could read it with `ps`. It accepts the PostgreSQL URLs django-environ accepts:
#
#   postgres://user:password@host:5432/name?sslmode=require
#   (also postgresql://, pgsql:// and psql://)
#
# User, password, host and name may be percent-encoded; a host that decodes to a path (%2Fvar%2Frun
# %2Fpostgresql) is a Unix socket directory. Without a password in the URL, libpq's usual sources
# (PGPASSWORD, ~/.pgpass) are used. Of the query parameters, those libpq knows are passed on:
# sslmode, sslrootcert, sslcert, sslkey and connect_timeout; others are ignored.

die() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
    exit 1
}

urldecode() {
    local text=${1//\\/\\\\}
    printf '%b' "${text//%/\\x}"
}

pg_env_from_url() {
    local pattern='^(postgres|postgresql|pgsql|psql)://(([^:@/?#]*)(:([^@/?#]*))?@)?([^:/?#]*)(:([0-9]+))?/([^/?#]+)(\?([^#]*))?$'
    [[ $1 =~ $pattern ]] ||
        die "not a PostgreSQL URL of the form postgres://user:password@host:5432/name"
    local user=${BASH_REMATCH[3]} password=${BASH_REMATCH[5]} host=${BASH_REMATCH[6]}
    local port=${BASH_REMATCH[8]} name=${BASH_REMATCH[9]} query=${BASH_REMATCH[11]}
    # Nothing inherited from the caller's environment may point the tools at another database.
    unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGSERVICE PGOPTIONS
    PGDATABASE=$(urldecode "$name")
    export PGDATABASE
    if [[ -n $user ]]; then
        PGUSER=$(urldecode "$user")
        export PGUSER
    fi
    if [[ -n $password ]]; then
        PGPASSWORD=$(urldecode "$password")
        export PGPASSWORD
    fi
    if [[ -n $host ]]; then
        PGHOST=$(urldecode "$host")
        export PGHOST
    fi
    if [[ -n $port ]]; then
        export PGPORT=$port
    fi
    local pair key value pairs=()
    [[ -n $query ]] && IFS='&' read -r -a pairs <<<"$query"
    for pair in "${pairs[@]}"; do
        key=${pair%%=*}
        value=$(urldecode "${pair#*=}")
        case $key in
            sslmode) export PGSSLMODE=$value ;;
            sslrootcert) export PGSSLROOTCERT=$value ;;
            sslcert) export PGSSLCERT=$value ;;
            sslkey) export PGSSLKEY=$value ;;
            connect_timeout) export PGCONNECT_TIMEOUT=$value ;;
        esac
    done
}

# "database hub on 127.0.0.1:5432", for messages (never the password).
describe_database() {
    printf 'database %s on %s:%s' "$PGDATABASE" "${PGHOST:-the local socket}" "${PGPORT:-5432}"
}

# Run one SQL statement in the database the PG* variables point at; print the bare result.
sql() {
    psql --no-psqlrc --quiet --tuples-only --no-align --set ON_ERROR_STOP=1 --command "$1"
}

count_tables_sql="SELECT count(*) FROM pg_catalog.pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
