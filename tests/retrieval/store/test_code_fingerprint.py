"""The saved entry's key covers the code that builds it: a listed file that is renamed or gone
would hash as empty and let an old entry be read by new code."""
from __future__ import annotations

import pytest

from retrieval.store import keys


@pytest.mark.parametrize("rel", keys._CODE_FILES)
def test_every_file_in_the_code_fingerprint_exists(rel: str) -> None:
    assert (keys._CODE_ROOT / rel).is_file(), rel


def test_the_modules_that_write_records_and_rows_are_in_the_fingerprint() -> None:
    writers = {"records_save", "records_stream", "records_block", "digest_rows",
               "article_rows", "article_cache", "array_writer", "article_terms", "word_ids",
               "cached_rows", "kept_blocks", "article_pack", "inverted_build",
               "postings_count", "impact_tiers", "first_seen", "block_runs",
               "string_facts", "known_files"}
    listed = {rel.rsplit("/", 1)[-1].removesuffix(".py") for rel in keys._CODE_FILES}
    assert writers <= listed
