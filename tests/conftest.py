"""Shared test helpers: writing small article files, and running `parley` as a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHIPPED_ARTICLE = PROJECT_ROOT / "corpus" / "articles" / "istanbul-talks.txt"
SHARED_DIR = PROJECT_ROOT.parent / "shared"

RunParley = Callable[..., subprocess.CompletedProcess]


@pytest.fixture(autouse=True, scope="session")
def user_cache_in_a_temp_folder(tmp_path_factory: pytest.TempPathFactory):
    """The user cache folder (where saved indexes go) is a temp folder for the whole run, and
    for every `parley` subprocess the tests start: a test run never writes into ~/.cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))
    yield Path(os.environ["XDG_CACHE_HOME"])
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


def _write_article(folder: Path, name: str, text: str | bytes, encoding: str = "utf-8") -> Path:
    """Write one article file (text in `encoding`, or raw bytes) and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


@pytest.fixture
def write_article() -> Callable[..., Path]:
    """`write_article(folder, name, text_or_bytes, encoding="utf-8")` -> the file's path."""
    return _write_article


@pytest.fixture
def run_parley(tmp_path_factory: pytest.TempPathFactory) -> RunParley:
    """`run_parley(*args, input=None, env=None, cwd=None)`: run `python -m bot.cli`
    in an empty working folder with HOME pointing at a temp folder (history never touches
    the real home), and a timeout. Returns the CompletedProcess (text mode)."""
    workdir = tmp_path_factory.mktemp("cwd")
    home = tmp_path_factory.mktemp("home")

    def run(*args: str | os.PathLike, input: str | None = None,
            env: Mapping[str, str] | None = None, cwd: Path | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
        full_env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
        full_env.update({"HOME": str(home), "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
        full_env.update(env or {})
        return subprocess.run([sys.executable, "-m", "bot.cli", *map(str, args)],
                              input=input, capture_output=True, text=True, encoding="utf-8",
                              cwd=cwd or workdir, env=full_env, timeout=timeout)

    return run
