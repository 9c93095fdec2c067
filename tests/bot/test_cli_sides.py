"""`parley ask` on comparisons and over-time questions, and `parley quotes NAME --by-date`, as
a user runs them (a subprocess over a small corpus)."""
from __future__ import annotations

import json

import pytest

from tests.retrieval.answering.sides_corpus import ARTICLES


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("sides")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_ask_compare_in_two_columns_when_wide(run_parley, corpus):
    r = run_parley("ask", "compare what Labour and the Tories said about tax", "--corpus",
                   corpus, env={"COLUMNS": "100"})
    assert r.returncode == 0, r.stderr
    heads = [line for line in r.stdout.splitlines() if "\u2502" in line]
    assert heads and heads[0].startswith("Labour (Stephen Pound)")
    assert "the Tories (Michael Howard)" in heads[0]
    assert "Galloway" not in r.stdout


def test_ask_compare_one_side_after_the_other_when_narrow(run_parley, corpus):
    r = run_parley("ask", "What do Russia and Ukraine say about security guarantees?",
                   "--corpus", corpus, env={"COLUMNS": "60"})
    assert r.returncode == 0, r.stderr
    assert "\u2502" not in r.stdout
    out = r.stdout
    assert out.index("Russia (Moscow)") < out.index("mention") < out.index("\nUkraine") \
        < out.index("*guarantees*")  # Russia's "does not mention", then Ukraine's words
    assert all(len(line) <= 60 for line in out.splitlines())


def test_ask_json_has_the_compare_claim(run_parley, corpus):
    r = run_parley("ask", "--json", "What do Russia and Ukraine say about security guarantees?",
                   "--corpus", corpus)
    assert r.returncode == 0, r.stderr
    claim = json.loads(r.stdout)["claim"]
    assert claim["kind"] == "compare" and claim["topic"] == "security guarantees"
    russia, ukraine = claim["sides"]
    assert (russia["side"], russia["nothing"], russia["statements"]) == ("Russia", True, [])
    assert [s["name"] for s in russia["speakers"]] == ["Moscow"]
    assert ukraine["nothing"] is False
    first = ukraine["statements"][0]
    assert first["speaker"]["name"] == "Ukraine" and first["kind"] == "reported"
    assert first["sentence"].startswith("Ukraine said it wanted security guarantees")
    assert first["date"] == "2022-03-29"


def test_ask_json_has_the_over_time_claim(run_parley, corpus):
    r = run_parley("ask", "--json", "What has Erdogan said over time?", "--corpus", corpus)
    assert r.returncode == 0, r.stderr
    claim = json.loads(r.stdout)["claim"]
    assert claim["kind"] == "over_time" and claim["undated"] == 2
    assert [a["parsed_date"] for a in claim["articles"]] == ["2022-03-01", "2022-03-29",
                                                             None, None]
    assert claim["articles"][2]["date"] == "03/04/2022"


def test_quotes_by_date_groups_by_article_oldest_first(run_parley, corpus):
    r = run_parley("quotes", "Erdogan", "--by-date", "--corpus", corpus)
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert (out.index("Tuesday 1 March 2022 \u2014 Erdogan offers to host talks")
            < out.index("2022-03-29 \u2014 Kyiv seeks")
            < out.index("03/04/2022 (not read as a date) \u2014 Reporters hear")
            < out.index("undated \u2014 Leaders wait for news"))
    assert "2 undated articles last" in " ".join(out.split())


def test_quotes_by_date_json_and_nobody(run_parley, corpus):
    r = run_parley("quotes", "Lavrov", "--by-date", "--json", "--corpus", corpus)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["articles"] == [] and "Lavrov" in data["message"]


@pytest.mark.parametrize("question", ["compare", "compare and", "vs", "X vs", "a vs b vs",
                                      "compare , and , on", "What has said over time?",
                                      "over time"])
def test_odd_comparisons_get_a_reply_without_a_traceback(run_parley, corpus, question):
    r = run_parley("ask", question, "--corpus", corpus)
    assert r.returncode == 0 and "Traceback" not in r.stderr and r.stdout.strip()
