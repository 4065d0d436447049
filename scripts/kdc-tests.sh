#!/bin/sh
# Runs the Negotiate/Kerberos tests against one real MIT KDC: ews-auth's scheme against an
# in-process GSSAPI acceptor (ews-auth/tests/kerberos.rs), and the transport end to end
# against a test server that accepts with GSSAPI (ews-transport/tests/e2e/negotiate.rs,
# the whole module: its KDC tests are #[ignore]d, its NTLM-only fallback test is not), and
# FakeExchange's Negotiate scheme driven by the transport (tests/tests/auth.rs).
# Realm EXAMPLE.TEST, alice@EXAMPLE.TEST (password alicepw), service principals
# HTTP/mail.example.test and HTTP/localhost (the e2e servers listen on https://localhost) in
# the keytab the acceptors use.
#
#   scripts/kdc-tests.sh [extra cargo test args, e.g. --locked]
#
# Needs the shared recipes at ../shared/recipes relative to the repository root (read only;
# the KDC writes only into a temp dir), or KDC_UP=/path/to/kdc-up.sh. Installs the Debian
# packages when missing (needs root and apt-get). KDC_PORT picks the port (18889).
# No /etc/hosts entry is needed: the recipe's krb5.conf has `rdns = false`, the SPN host maps
# to the realm through [domain_realm], and MIT krb5 >= 1.18 does not require the host name to
# resolve (dns_canonicalize_hostname = fallback).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KDC_UP=${KDC_UP:-$ROOT/../shared/recipes/kdc-up.sh}
PORT=${KDC_PORT:-18889}

# The KDC and its tools, the krb5 headers libgssapi-sys builds against, and libclang, which
# its bindgen loads at build time.
# shellcheck source=lib/debian-packages.sh
. "$ROOT/scripts/lib/debian-packages.sh"
need_debian_packages krb5-kdc krb5-admin-server krb5-user libkrb5-dev libclang-dev
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

# The transport's test server is https://localhost:<port>: its SPN is HTTP/localhost.
for q in "addprinc -randkey HTTP/localhost@EXAMPLE.TEST" "ktadd -k $D/http.keytab HTTP/localhost@EXAMPLE.TEST"; do
    KRB5_CONFIG="$D/krb5.conf" KRB5_KDC_PROFILE="$D/kdc.conf" kadmin.local -q "$q" >>"$D/kdc-up.log" 2>&1
done

export KRB5_CONFIG="$D/krb5.conf" KRB5CCNAME="FILE:$D/ccache" KRB5_KTNAME="FILE:$D/http.keytab"
# The ticket-cache test uses this ticket; the other tests acquire credentials in memory.
echo alicepw | kinit alice@EXAMPLE.TEST >/dev/null

cd "$ROOT"
cargo test -p ews-auth --features gssapi --test kerberos "$@" -- --ignored --test-threads=1
cargo test -p ews-transport --features gssapi --test e2e "$@" negotiate -- --include-ignored --test-threads=1
cargo test -p ews-tests --features gssapi --test auth "$@" negotiate -- --ignored --test-threads=1
