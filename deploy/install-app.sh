#!/bin/sh
# Installs the bot into a virtual environment: the one install step both routes run, the
# systemd service and the container image (Dockerfile).
#
#   deploy/install-app.sh [--dependencies-only] PREFIX SOURCE_DIR
#
# PREFIX becomes a virtual environment holding every dependency at the version pinned in
# SOURCE_DIR/deploy/constraints.txt, the release's files in PREFIX/app (the code reads its
# locales, data and migrations beside it) and the command PREFIX/bin/umkm-bot. Running it again
# on the same PREFIX upgrades in place. --dependencies-only stops before the release's files
# (it needs only deploy/constraints.txt), so that an image build keeps the dependencies as a
# layer of their own, rebuilt only when the constraints change.
# PYTHON names the interpreter (default: python3; 3.11 or newer).
set -eu

dependencies_only=false
if [ "${1:-}" = "--dependencies-only" ]; then
    dependencies_only=true
    shift
fi
if [ $# -ne 2 ]; then
    echo "usage: $0 [--dependencies-only] PREFIX SOURCE_DIR" >&2
    exit 2
fi
prefix=$1
source=$(cd "$2" && pwd)
python=${PYTHON:-python3}
constraints=$source/deploy/constraints.txt

if [ ! -f "$constraints" ]; then
    echo "$source is not the bot's source folder (no deploy/constraints.txt)" >&2
    exit 2
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "$python is older than Python 3.11; set PYTHON to a newer one" >&2
    exit 2
fi

pip() {
    "$prefix/bin/python" -m pip --disable-pip-version-check --no-input --quiet "$@"
}

"$python" -m venv "$prefix"
pip install --requirement "$constraints"
if [ "$dependencies_only" = true ]; then
    exit 0
fi
if [ ! -f "$source/pyproject.toml" ]; then
    echo "$source is not the bot's source folder (no pyproject.toml)" >&2
    exit 2
fi

# The release's files, copied without caches; the previous copy is replaced whole.
rm -rf "$prefix/app.new"
mkdir "$prefix/app.new"
(cd "$source" && tar --create --exclude=__pycache__ --exclude='*.pyc' \
    pyproject.toml README.md alembic.ini bot handlers models locales data migrations) |
    tar --extract --directory "$prefix/app.new"
rm -rf "$prefix/app"
mv "$prefix/app.new" "$prefix/app"

# Every dependency is already in place: this only links the release into the environment.
pip install --no-build-isolation --no-deps --constraint "$constraints" --editable "$prefix/app"
pip check
"$prefix/bin/python" -m compileall -q "$prefix/app"
"$prefix/bin/umkm-bot" --help >/dev/null
echo "installed $prefix/bin/umkm-bot"
