#!/usr/bin/env bash
# One door for a fresh checkout:
#   bash run.sh ask "第一书记要做什么？"   set up .venv on first use, then run any kg command
#   bash run.sh explore                    open the explorer on the bundled corpus
#   bash run.sh test                       set up everything (system packages too, as root), run the tests
set -euo pipefail
cd "$(dirname "$0")"
VENV=${KG_VENV:-.venv}
PY=${PYTHON:-python3}

setup_python() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -m venv "$VENV"
    fi
    # Re-install when the project's definition changed since the last install.
    stamp="$VENV/.kg-installed"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e ".[explorer,test]"
        touch "$stamp"
    fi
}

case "${1:-}" in
    test)
        shift
        bash scripts/install-system.sh
        setup_python
        exec "$VENV/bin/python" -m pytest "$@"
        ;;
    "" | -h | --help)
        sed -n '2,5p' "$0"
        ;;
    *)
        setup_python
        exec "$VENV/bin/kg" "$@"
        ;;
esac
