"""What a user looks for in the project's metadata: the licence, the changelog, the extras."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_license_is_mit_with_the_authors_copyright_and_pyproject_says_so():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 the Parley authors" in text
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert any(c.startswith("Programming Language :: Python :: 3.11")
               for c in PROJECT["classifiers"])


def test_changelog_follows_keep_a_changelog_with_an_unreleased_section():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog") and "keepachangelog.com" in text
    assert "## [Unreleased]" in text and "### Added" in text


def test_discord_py_is_an_extra_that_dev_py_installs_and_every_dependency_has_a_lower_bound():
    assert not any(d.startswith("discord.py") for d in PROJECT["dependencies"])
    assert PROJECT["optional-dependencies"]["discord"] == ["discord.py>=2.4"]
    assert 'EXTRAS = "discord,test"' in (ROOT / "dev.py").read_text(encoding="utf-8")
    assert all(">=" in d for d in PROJECT["dependencies"])
