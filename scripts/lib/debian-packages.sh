# Sourced by the test scripts: installs Debian packages that are not installed yet.
#
#   need_debian_packages PACKAGE...
#
# A package counts as present only when dpkg says it is installed ("install ok installed"),
# never because some file with a similar name exists (libclang-cpp.so.14 is not libclang).
# Already-installed packages are skipped, so a second run installs nothing and reaches no
# network. Without root or apt-get, missing packages are reported and the caller fails.
need_debian_packages() {
    _missing=""
    for _pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$_pkg" 2>/dev/null | grep -q "install ok installed"; then
            _missing="$_missing $_pkg"
        fi
    done
    [ -z "$_missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing Debian packages:$_missing"
        apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $_missing >/dev/null
    else
        echo "missing Debian packages:$_missing (root and apt-get are needed to install them)" >&2
        return 1
    fi
}
