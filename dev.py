#!/usr/bin/env python3
"""Set-up and entry point for a fresh clone: `python3 dev.py run` or `python3 dev.py test`.

Creates `.venv` in the checkout when missing, (re)installs the project into it when
pyproject.toml, setup.py or the optional C source changed, then starts Parley or runs the
tests. Standard library only, so it
works on a machine that has nothing but Python 3.11+.
"""
from __future__ import annotations

import compileall
import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".parley-installed"


# What the install depends on: a change to any of these reinstalls (and rebuilds the C part).
PACKAGES = ("bot", "corpus", "retrieval")
INSTALL_INPUTS = ("pyproject.toml", "setup.py", "retrieval/_accumulate.c",
                  "retrieval/store/_filewalk.c")
# Extras installed with Parley: the Discord front end (so `python3 dev.py run` starts the bot
# when DISCORD_TOKEN is set) and what the tests need.
EXTRAS = "discord,test"


def _wanted_stamp() -> str:
    h = hashlib.sha256()
    for name in INSTALL_INPUTS:
        path = ROOT / name
        h.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\0")
    return h.hexdigest()


def ensure_env() -> None:
    """Make the virtual environment and install the project (with its Discord and test
    extras) if stale."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is there
        sys.exit(f"Parley needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print("Creating virtual environment in .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text() == _wanted_stamp():
        return
    print("Installing Parley and its dependencies into .venv ...", file=sys.stderr)
    quiet = [] if os.environ.get("PARLEY_VERBOSE_INSTALL") else ["-q"]
    subprocess.run([str(PY), "-m", "pip", "install", *quiet, "--upgrade", "pip"], check=True)
    subprocess.run([str(PY), "-m", "pip", "install", *quiet, "-e", f"{ROOT}[{EXTRAS}]"],
                   check=True)
    STAMP.write_text(_wanted_stamp())


def run_checks(pytest_args: list[str]) -> int:
    """Lint (ruff), types (mypy), then the tests (pytest); non-zero when any of them fails.
    All three run even after a failure, so one run shows every finding."""
    failed = []
    for name, cmd in (("ruff", [str(PY), "-m", "ruff", "check", "."]),
                      ("mypy", [str(PY), "-m", "mypy"]),
                      ("pytest", [str(PY), "-m", "pytest", *pytest_args])):
        print(f"--- {name}", file=sys.stderr, flush=True)
        if subprocess.call(cmd, cwd=ROOT) != 0:
            failed.append(name)
    if failed:
        print(f"dev.py test: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    if command not in {"run", "test", "setup"}:
        print("usage: python3 dev.py [run|test|setup] [args...]", file=sys.stderr)
        return 2
    try:
        ensure_env()
    except subprocess.CalledProcessError as exc:
        print(f"Set-up failed: {exc}", file=sys.stderr)
        return 1
    # Byte-compile Parley's own modules: an editable install leaves that to the first import,
    # which skips it when PYTHONDONTWRITEBYTECODE is set, and then every start compiles them
    # again (some 50 ms). Quick when nothing changed; a file that fails is left to Python.
    for package in PACKAGES:
        compileall.compile_dir(str(ROOT / package), quiet=2)
    if command == "setup":
        return 0
    if command == "test":
        return run_checks(rest)
    # run: the Discord bot when a token is in the environment, the REPL otherwise.
    args = rest or (["discord"] if os.environ.get("DISCORD_TOKEN") else [])
    return subprocess.call([str(BIN / "parley"), *args], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
