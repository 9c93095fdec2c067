"""A Parley over a few articles written for one test module (each module's own texts)."""
from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.answering.engine import Parley, open_parley
from retrieval.options import IndexOptions


def parley_over(factory: pytest.TempPathFactory, articles: dict[str, str]) -> Parley:
    """The articles (file name -> text) in a folder of their own, indexed into a cache
    folder of their own."""
    folder = factory.mktemp("corpus")
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return open_parley([Path(folder)], IndexOptions(cache_dir=factory.mktemp("cache")))[0]
