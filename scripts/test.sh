#!/usr/bin/env bash
# The whole test suite: formatting, lints, unit/integration/doc tests, the schema gate,
# freshness of generated code, and a smoke run of every fuzz target.
#
#   scripts/test.sh            # everything
#   FUZZ_SECONDS=0 scripts/test.sh   # skip the fuzz smoke runs
#
# Installs what it needs when missing: xmllint (Debian package libxml2-utils) and cargo-fuzz.
# EWS_REQUIRE_SCHEMA=1 (set by .ci/run) turns a missing schema, validator or fixture folder
# into a failure instead of a skip.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzz_seconds=${FUZZ_SECONDS:-30}
step() { printf '\n== %s\n' "$*"; }

step "test prerequisites"
# xmllint, the schema gate's validator (Debian's libxml2-utils).
. scripts/lib/debian-packages.sh
need_debian_packages libxml2-utils

step "generated code is fresh"
python3 scripts/gen-response-codes.py --check
python3 scripts/gen-windows-zones.py --check

step "cargo fmt --check"
cargo fmt --all -- --check

step "no file under a crate's src/ over 600 lines (generated code excepted)"
too_long=0
while IFS= read -r -d '' file; do
    case "$file" in
        ./ews-xml/src/soap/response_code.rs | ./ews-model/src/time/windows_zones.rs) continue ;;
    esac
    lines=$(wc -l <"$file")
    if [ "$lines" -gt 600 ]; then
        echo "$file: $lines lines" >&2
        too_long=1
    fi
done < <(find . \( -name target -o -name .git \) -prune -o -path '*/src/*' -type f -print0)
if [ "$too_long" != 0 ]; then
    echo "split the files above by concept" >&2
    exit 1
fi

step "TLS is rustls with ring only: no aws-lc, OpenSSL or native-tls in the lock files"
if grep -nE '^name = "(aws-lc-rs|aws-lc-sys|openssl|openssl-sys|native-tls)"$' Cargo.lock fuzz/Cargo.lock 2>/dev/null; then
    echo "a TLS stack other than rustls/ring entered the dependency graph (see cargo tree -i NAME)" >&2
    exit 1
fi

step "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test"
cargo test --workspace --all-targets --locked
cargo test --workspace --doc --locked

step "Negotiate/Kerberos against a real MIT KDC (feature gssapi)"
sh scripts/kdc-tests.sh --locked
cargo clippy -p ews-auth -p ews-transport -p ews-tests --all-targets --features ews-auth/gssapi,ews-transport/gssapi,ews-tests/gssapi --locked -- -D warnings

step "NTLM against an independent acceptor (pyspnego)"
bash ews-transport/tests/run-ntlm-acceptor.sh

step "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "each library crate alone: all targets with default features, the library without"
for crate in ews-xml ews-xml-derive ews-model ews-model-derive ews-query ews-auth ews-transport; do
    cargo check -p "$crate" --all-targets --locked
    cargo check -p "$crate" --no-default-features --locked
done

step "the library crates package, and build from their packages"
# --allow-dirty: this checks what the packages hold, not whether the work tree is committed.
# The verify build sees our crates as registry crates of version 0.1.0, and Cargo never rebuilds
# a registry crate whose version it has built: it would reuse what an earlier run built from
# older sources. So it gets its own target folder, from which our crates' artifacts are removed
# first (third-party crates stay built).
verify_dir=target/package-verify
rm -rf "$verify_dir/package" "$verify_dir"/debug/.fingerprint/ews-* "$verify_dir"/debug/deps/*ews_* \
    "$verify_dir"/debug/build/ews-*
CARGO_TARGET_DIR=$verify_dir cargo package --workspace --exclude ews-tests \
    --exclude ews-test-support --locked --allow-dirty

if [ "$fuzz_seconds" != 0 ]; then
    if ! command -v cargo-fuzz >/dev/null 2>&1; then
        step "installing cargo-fuzz"
        cargo install cargo-fuzz --locked --quiet
    fi
    for target in $(cd fuzz && cargo fuzz list); do
        step "fuzz smoke run: $target (${fuzz_seconds}s)"
        work=$(mktemp -d)
        cp -r "fuzz/seeds/$target/." "$work/" 2>/dev/null || true
        if (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" "$work" -- \
            -max_total_time="$fuzz_seconds" -rss_limit_mb=2048 -print_final_stats=1) \
            >"$work.log" 2>&1; then
            tail -n 8 "$work.log"
            rm -rf "$work" "$work.log"
        else
            tail -n 80 "$work.log"
            echo "fuzz target $target failed; full log: $work.log" >&2
            exit 1
        fi
    done
fi

step "all green"
