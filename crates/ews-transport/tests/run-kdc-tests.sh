#!/bin/sh
# Runs the transport's Negotiate/Kerberos e2e tests (crates/ews-transport/tests/e2e/negotiate.rs)
# against a real MIT KDC, as crates/ews-auth/tests/run-kdc-tests.sh does for ews-auth: realm
# EXAMPLE.TEST, alice@EXAMPLE.TEST (password alicepw), and a keytab that the test server's
# libgssapi acceptor uses. The test server listens on https://localhost:<port>, so the client's
# SPN is HTTP/localhost: this script adds that principal to the recipe's keytab.
#
#   crates/ews-transport/tests/run-kdc-tests.sh [extra cargo test args, e.g. --locked]
#
# Needs the shared recipes at ../shared/recipes relative to the repository root (read only;
# the KDC writes only into a temp dir), or KDC_UP=/path/to/kdc-up.sh. Installs the Debian
# packages when missing (needs root and apt-get). KDC_PORT picks the port (18890, so it does
# not collide with ews-auth's script).
set -eu
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
KDC_UP=${KDC_UP:-$ROOT/../shared/recipes/kdc-up.sh}
PORT=${KDC_PORT:-18890}

missing=""
for cmd_pkg in krb5kdc:krb5-kdc kadmin.local:krb5-admin-server kinit:krb5-user \
    krb5-config:libkrb5-dev; do
    command -v "${cmd_pkg%%:*}" >/dev/null 2>&1 || missing="$missing ${cmd_pkg#*:}"
done
# bindgen (libgssapi-sys) needs libclang.
ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/*/libclang*.so* >/dev/null 2>&1 \
    || missing="$missing libclang-dev"
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing:$missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        echo "missing packages:$missing (need root and apt-get to install them)" >&2
        exit 1
    fi
fi
[ -f "$KDC_UP" ] || { echo "KDC recipe not found at $KDC_UP (set KDC_UP)" >&2; exit 1; }

D=$(mktemp -d "${TMPDIR:-/tmp}/ews-kdc.XXXXXX")
cleanup() {
    if [ -f "$D/kdc.pid" ]; then
        pid=$(cat "$D/kdc.pid")
        kill "$pid" 2>/dev/null || true
        # krb5kdc exits about a second after SIGTERM; wait so the port is free again.
        for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$D"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

sh "$KDC_UP" "$D" "$PORT" >"$D/kdc-up.log" 2>&1 || { cat "$D/kdc-up.log" >&2; exit 1; }
grep -q "commencing operation" "$D/kdc.log" 2>/dev/null \
    || { echo "the KDC did not start:" >&2; cat "$D/kdc-up.log" "$D/kdc.log" >&2 2>/dev/null; exit 1; }

# The test server is https://localhost:<port>: its SPN is HTTP/localhost.
KRB5_CONFIG="$D/krb5.conf" KRB5_KDC_PROFILE="$D/kdc.conf" \
    kadmin.local -q "addprinc -randkey HTTP/localhost@EXAMPLE.TEST" >>"$D/kdc-up.log" 2>&1
KRB5_CONFIG="$D/krb5.conf" KRB5_KDC_PROFILE="$D/kdc.conf" \
    kadmin.local -q "ktadd -k $D/http.keytab HTTP/localhost@EXAMPLE.TEST" >>"$D/kdc-up.log" 2>&1

export KRB5_CONFIG="$D/krb5.conf" KRB5CCNAME="FILE:$D/ccache" KRB5_KTNAME="FILE:$D/http.keytab"

cd "$ROOT"
cargo test -p ews-transport --features gssapi --test e2e "$@" negotiate -- --ignored --test-threads=1
