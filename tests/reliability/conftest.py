"""Reliability tests: shared helpers. The Discord stand-in and fakes live beside the Discord
tests; they are reused here, not copied."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

DISCORD_TESTS = Path(__file__).resolve().parents[1] / "bot" / "discord_bot"
if str(DISCORD_TESTS) not in sys.path:
    sys.path.insert(0, str(DISCORD_TESTS))


@pytest.fixture(scope="session")
def real_engine():
    """The real engine on the shipped corpus, built once (read-only, so safe to share)."""
    from retrieval.answering.engine import open_parley

    return open_parley()[0]
