#!/usr/bin/env bash
# Checks our NTLM client against an independent acceptor: pyspnego's NTLM server (PyPI).
# Installs pyspnego when missing, starts tests/ntlm_acceptor.py on a free loopback port, runs
# the ignored test `ntlm_against_pyspnego` as EXAMPLE\alice, and stops the server by its pid.
#
#   ews-transport/tests/run-ntlm-acceptor.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../.."

if ! python3 -c 'import spnego' 2>/dev/null; then
    echo "installing pyspnego"
    python3 -m pip install --quiet pyspnego 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pyspnego
fi

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

printf 'EXAMPLE:alice:alicepw\n' >"$work/users"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
NTLM_USER_FILE="$work/users" python3 "$here/ntlm_acceptor.py" "$port" >"$work/acceptor.log" 2>&1 &
pid=$!

for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        cat "$work/acceptor.log" >&2
        echo "the NTLM acceptor did not start" >&2
        exit 1
    fi
    sleep 0.1
done

status=0
NTLM_ACCEPTOR_URL="http://127.0.0.1:$port/EWS/Exchange.asmx" NTLM_PASSWORD=alicepw \
    cargo test -p ews-transport --test e2e ntlm_against_pyspnego -- --ignored || status=$?
if [ "$status" != 0 ]; then
    echo "--- acceptor log" >&2
    cat "$work/acceptor.log" >&2
fi
exit "$status"
