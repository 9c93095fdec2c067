"""The deployment files in docs/deploy: the systemd unit passes `systemd-analyze verify` (where
systemd is installed; skipped otherwise) and runs `parley discord`, stopped by SIGTERM; the
Containerfile runs the same command."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[3] / "docs" / "deploy"
UNIT = DEPLOY / "parley-discord.service"


def unit_settings() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            out.setdefault(key, []).append(value)
    return out


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    unit = tmp_path / UNIT.name  # verify checks the unit alone, not the paths it names
    unit.write_text(UNIT.read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_systemd_unit_runs_parley_discord_and_stops_it_with_sigterm():
    settings = unit_settings()
    assert "parley discord" in settings["ExecStart"][0]
    assert settings["KillSignal"] == ["SIGTERM"] and settings["Restart"] == ["on-failure"]
    assert "DISCORD_TOKEN=" not in "".join(settings.get("Environment", []))  # no token inline


def test_containerfile_runs_parley_discord_as_a_user():
    text = (DEPLOY / "Containerfile").read_text(encoding="utf-8")
    assert 'ENTRYPOINT ["parley"]' in text and 'CMD ["discord"]' in text
    assert "USER parley" in text and "STOPSIGNAL SIGTERM" in text


@pytest.fixture
def root_logger():
    """The root logger, its handlers and level put back after the test."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


@pytest.mark.parametrize(("level", "logged"), [("INFO", True), ("WARNING", False)])
def test_log_level_and_rotating_log_file_from_the_settings(tmp_path, root_logger, level, logged):
    import logging
    import logging.handlers

    from bot.discord_bot.runner import setup_logging
    from bot.settings import LoggingSettings

    path = tmp_path / "logs" / "discord.log"
    setup_logging(LoggingSettings(level=level, file=str(path), file_max_bytes=10_000,
                                  file_backups=2))
    [handler] = [h for h in root_logger.handlers
                 if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert (handler.maxBytes, handler.backupCount) == (10_000, 2)
    logging.getLogger("parley.discord").info("an info line")
    handler.flush()
    assert ("an info line" in path.read_text(encoding="utf-8")) == logged
