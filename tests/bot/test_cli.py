"""`parley` as a user runs it: a subprocess, its exit code, stdout and stderr."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SHIPPED_ARTICLE = Path(__file__).resolve().parents[2] / "corpus/articles/istanbul-talks.txt"

pytestmark = pytest.mark.integration

KALLAS_Q = "What did Kallas say about the agreement?"

# A small article of our own: one quoted speaker, one reported one, one unattributed paragraph.
HARBOUR_ARTICLE = """Harbour talks end with a grain deal
Dock workers in Odesa loaded the first grain ship on Monday.
"The corridor is open and the wheat is moving," port director Olena Marchuk said.
Analysts said the price of flour could fall by winter."""

LIGHTHOUSE_ARTICLE = """Lighthouse keeper retires after forty years
The lighthouse on the cape will be automated next spring, officials said.
"I polished that lens every morning," keeper Tomas Varga said."""


def assert_clean(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    return lines[0]


def check_speaker(value: object) -> None:
    assert isinstance(value, dict), value
    assert set(value) == {"name", "role"}, value
    assert isinstance(value["name"], str) and value["name"]
    assert value["role"] is None or isinstance(value["role"], str)


def check_answer_schema(data: object) -> None:
    """The documented `ask --json` shape, keys and types exactly."""
    assert isinstance(data, dict)
    assert set(data) == {"question", "claim", "results", "message"}
    assert isinstance(data["question"], str)
    assert data["message"] is None or isinstance(data["message"], str)
    claim = data["claim"]
    assert set(claim) == {"kind", "speaker", "candidates", "coverage"}
    assert claim["kind"] in {"said", "closest", "absent", "none"}
    assert claim["speaker"] is None or check_speaker(claim["speaker"]) is None
    for c in claim["candidates"]:
        assert set(c) == {"name", "role", "statements"} and type(c["statements"]) is int
    assert claim["coverage"] is None or 0 <= claim["coverage"] <= 1
    assert isinstance(data["results"], list)
    for result in data["results"]:
        assert set(result) == {"rank", "score", "document", "passage", "title", "url", "date",
                               "text", "sentence", "kind", "speaker", "speakers"}, result
        assert isinstance(result["title"], str)
        assert all(result[k] is None or isinstance(result[k], str) for k in ("url", "date"))
        assert isinstance(result["sentence"], str) and result["sentence"] in result["text"]
        assert result["kind"] in {"direct", "reported", None}
        assert type(result["rank"]) is int
        assert type(result["score"]) is float
        assert isinstance(result["document"], str) and result["document"]
        assert type(result["passage"]) is int and result["passage"] >= 0
        assert isinstance(result["text"], str) and result["text"]
        if result["speaker"] is not None:
            check_speaker(result["speaker"])
        assert isinstance(result["speakers"], list)
        for s in result["speakers"]:
            check_speaker(s)
    ranks = [r["rank"] for r in data["results"]]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


# --- ask ------------------------------------------------------------------------------------

def test_ask_kallas_names_her_and_the_gunpoint_quote(run_parley):
    proc = run_parley("ask", KALLAS_Q)
    assert proc.returncode == 0, proc.stderr
    assert "Kaja Kallas" in proc.stdout
    assert "gunpoint" in proc.stdout
    assert_clean(proc)


def test_ask_json_matches_documented_schema_exactly(run_parley):
    proc = run_parley("ask", "--json", KALLAS_Q)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    check_answer_schema(data)
    assert data["question"] == KALLAS_Q
    assert data["message"] is None
    top = data["results"][0]
    assert top["document"] == "istanbul-talks"
    assert "gunpoint" in top["text"]
    assert top["speaker"] == {"name": "Kaja Kallas", "role": "Estonia's Prime Minister"}
    assert top["speaker"] in top["speakers"]
    assert top["kind"] == "direct" and "gunpoint" in top["sentence"]
    assert data["claim"]["kind"] == "said" and data["claim"]["coverage"] == 1.0
    assert data["claim"]["speaker"] == top["speaker"]
    assert_clean(proc)


def test_ask_json_unattributed_passage_has_null_speaker_and_empty_speakers(run_parley,
                                                                          write_article,
                                                                          tmp_path):
    article = write_article(tmp_path, "harbour.txt", HARBOUR_ARTICLE)
    proc = run_parley("ask", "--json", "--corpus", article, "dock workers loaded grain ship")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    check_answer_schema(data)
    top = data["results"][0]
    assert top["document"] == "harbour"
    assert "Dock workers" in top["text"]
    assert top["speaker"] is None and top["speakers"] == []


def test_ask_with_no_match_exits_0_with_empty_results_and_a_message(run_parley):
    proc = run_parley("ask", "--json", "zebra quantum xylophone")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    check_answer_schema(data)
    assert data["results"] == []
    assert data["message"] and "zebra" in data["message"]
    text = run_parley("ask", "zebra quantum xylophone")
    assert text.returncode == 0
    assert "Nothing in the articles matches" in text.stdout
    assert_clean(text)


def test_ask_top_k_limits_result_count(run_parley):
    words = "Moscow Ukraine Russia Kyiv peace"
    default = json.loads(run_parley("ask", "--json", words).stdout)
    assert len(default["results"]) == 3  # config.toml search.top_k
    two = json.loads(run_parley("ask", "--json", "--top-k", "2", words).stdout)
    assert len(two["results"]) == 2
    assert [r["passage"] for r in two["results"]] == [r["passage"] for r in default["results"][:2]]
    five = json.loads(run_parley("ask", words, "--json", "--top-k", "5").stdout)
    assert len(five["results"]) == 5


@pytest.mark.parametrize("value", ["0", "x", "51", "-1", "2.5"])
def test_ask_bad_top_k_exits_2_with_one_stderr_line(run_parley, value):
    proc = run_parley("ask", "--top-k", value, "What did Erdogan say?")
    assert proc.returncode == 2
    assert "--top-k" in one_line(proc.stderr)
    assert proc.stdout == ""
    assert_clean(proc)


def test_unknown_subcommand_exits_2_with_one_stderr_line(run_parley):
    proc = run_parley("frobnicate")
    assert proc.returncode == 2
    one_line(proc.stderr)
    assert_clean(proc)


# --- passages, speakers, quotes, sources ----------------------------------------------------

def test_passages_json_shape_and_passage_0_is_the_headline(run_parley):
    proc = run_parley("passages", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, list) and data
    for p in data:
        assert set(p) == {"document", "passage", "text", "sentences"}, p
        assert isinstance(p["document"], str)
        assert type(p["passage"]) is int
        assert isinstance(p["text"], str) and p["text"]
        assert isinstance(p["sentences"], list) and p["sentences"]
        for s in p["sentences"]:
            assert set(s) == {"text", "speaker", "kind"}, s
            assert isinstance(s["text"], str) and s["text"]
            assert s["kind"] in {"direct", "reported", None}
            if s["speaker"] is None:
                assert s["kind"] is None
            else:
                check_speaker(s["speaker"])
                assert s["kind"] in {"direct", "reported"}
    headline = SHIPPED_ARTICLE.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert data[0]["passage"] == 0
    assert data[0]["text"] == headline
    assert [p["passage"] for p in data] == list(range(len(data)))
    kallas = [s for p in data for s in p["sentences"] if "gunpoint" in s["text"]]
    assert kallas and kallas[0]["kind"] == "direct"
    assert kallas[0]["speaker"]["name"] == "Kaja Kallas"


def test_passages_text_lists_each_passage_with_its_place(run_parley):
    proc = run_parley("passages")
    assert proc.returncode == 0, proc.stderr
    assert "headline" in proc.stdout and "paragraph 11" in proc.stdout
    assert_clean(proc)


def test_speakers_json_lists_speakers_with_counts(run_parley):
    proc = run_parley("speakers", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert isinstance(rows, list) and rows
    for r in rows:
        assert set(r) == {"name", "role", "kind", "statements", "direct", "reported"}, r
        assert isinstance(r["name"], str)
        assert r["role"] is None or isinstance(r["role"], str)
        assert isinstance(r["kind"], str)
        assert all(type(r[k]) is int for k in ("statements", "direct", "reported"))
        assert r["statements"] == r["direct"] + r["reported"] >= 1
    by_name = {r["name"]: r for r in rows}
    assert by_name["Kaja Kallas"]["direct"] == 1
    assert by_name["Recep Tayyip Erdogan"]["role"] == "Turkish President"
    assert by_name["Recep Tayyip Erdogan"]["statements"] == 3


def test_speakers_text_lists_kallas_and_erdogan(run_parley):
    proc = run_parley("speakers")
    assert proc.returncode == 0, proc.stderr
    assert "Kaja Kallas" in proc.stdout and "Recep Tayyip Erdogan" in proc.stdout


def test_quotes_erdogan_prints_his_statements(run_parley):
    proc = run_parley("quotes", "Erdogan")
    assert proc.returncode == 0, proc.stderr
    assert "Recep Tayyip Erdogan" in proc.stdout
    assert "3 statements" in proc.stdout
    assert "no losing parties" in proc.stdout
    assert "gunpoint" not in proc.stdout  # that was Kallas
    assert_clean(proc)


def test_quotes_unknown_name_says_so_and_exits_0(run_parley):
    proc = run_parley("quotes", "Napoleon")
    assert proc.returncode == 0
    assert "Napoleon" in proc.stdout
    assert_clean(proc)


def test_sources_lists_the_shipped_article(run_parley):
    proc = run_parley("sources")
    assert proc.returncode == 0, proc.stderr
    assert "Istanbul talks" in proc.stdout
    assert "istanbul-talks.txt" in proc.stdout
    assert "12 passages" in proc.stdout


# --- --corpus --------------------------------------------------------------------------------

def test_corpus_file_before_subcommand_overrides_config(run_parley, write_article, tmp_path):
    article = write_article(tmp_path, "harbour.txt", HARBOUR_ARTICLE)
    proc = run_parley("--corpus", article, "sources")
    assert proc.returncode == 0, proc.stderr
    assert "Harbour talks end with a grain deal" in proc.stdout
    assert "Istanbul" not in proc.stdout


def test_corpus_file_after_subcommand_overrides_config(run_parley, write_article, tmp_path):
    article = write_article(tmp_path, "harbour.txt", HARBOUR_ARTICLE)
    proc = run_parley("ask", "--corpus", str(article), "--json", "What did Marchuk say?")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {r["document"] for r in data["results"]} == {"harbour"}
    assert data["results"][0]["speaker"]["name"] == "Olena Marchuk"


def test_corpus_dir_loads_every_article_in_it(run_parley, write_article, tmp_path):
    write_article(tmp_path / "news", "harbour.txt", HARBOUR_ARTICLE)
    write_article(tmp_path / "news", "lighthouse.md", LIGHTHOUSE_ARTICLE)
    proc = run_parley("sources", "--corpus", tmp_path / "news")
    assert proc.returncode == 0, proc.stderr
    assert "Harbour talks" in proc.stdout and "Lighthouse keeper" in proc.stdout
    assert "Istanbul" not in proc.stdout


@pytest.mark.parametrize("where", ["before", "after"])
def test_corpus_is_repeatable_on_one_side_of_the_subcommand(run_parley, write_article, tmp_path,
                                                            where):
    a = write_article(tmp_path / "a", "harbour.txt", HARBOUR_ARTICLE)
    b = write_article(tmp_path / "b", "lighthouse.txt", LIGHTHOUSE_ARTICLE)
    opts = ["--corpus", a, "--corpus", b.parent]
    args = [*opts, "speakers", "--json"] if where == "before" else ["speakers", "--json", *opts]
    proc = run_parley(*args)
    assert proc.returncode == 0, proc.stderr
    names = {r["name"] for r in json.loads(proc.stdout)}
    assert {"Olena Marchuk", "Tomas Varga"} <= names
    assert "Kaja Kallas" not in names


def test_corpus_is_repeatable_across_both_sides_of_the_subcommand(run_parley, write_article,
                                                                  tmp_path):
    a = write_article(tmp_path / "a", "harbour.txt", HARBOUR_ARTICLE)
    b = write_article(tmp_path / "b", "lighthouse.txt", LIGHTHOUSE_ARTICLE)
    proc = run_parley("--corpus", a, "speakers", "--json", "--corpus", b.parent)
    assert proc.returncode == 0, proc.stderr
    names = {r["name"] for r in json.loads(proc.stdout)}
    assert {"Olena Marchuk", "Tomas Varga"} <= names


def test_corpus_folder_with_bad_files_answers_and_names_each_skipped_file(
        run_parley, write_article, tmp_path):
    folder = tmp_path / "mixed"
    write_article(folder, "good.txt", HARBOUR_ARTICLE)
    write_article(folder, "empty.txt", "")
    write_article(folder, "blob.txt", bytes(range(256)) * 4)
    write_article(folder, "windows.txt",
                  "Caf\u00e9 owners welcome the truce\n"
                  "\u201cWe can finally reopen the terrace,\u201d caf\u00e9 owner "
                  "Ren\u00e9 Dubois said.", encoding="cp1252")
    proc = run_parley("ask", "--json", "--corpus", folder, "What did Marchuk say?")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["results"][0]["document"] == "good"
    assert "empty.txt" in proc.stderr
    assert "blob.txt" in proc.stderr
    assert "windows.txt" not in proc.stderr  # cp1252 is a supported encoding
    assert "good.txt" not in proc.stderr
    assert_clean(proc)
    # The cp1252 article loaded, accents and curly quotes decoded.
    proc = run_parley("ask", "--json", "--corpus", folder, "reopen the terrace")
    top = json.loads(proc.stdout)["results"][0]
    assert top["document"] == "windows"
    assert "\u201cWe can finally reopen the terrace,\u201d caf\u00e9" in top["text"]


def test_corpus_path_that_does_not_exist_exits_1_with_one_line(run_parley, write_article, tmp_path):
    missing = tmp_path / "no-such-folder"
    proc = run_parley("ask", "--corpus", missing, "What did Erdogan say?")
    assert proc.returncode == 1
    assert str(missing) in one_line(proc.stderr)
    assert proc.stdout == ""
    assert_clean(proc)


def test_corpus_of_only_unusable_files_exits_1(run_parley, write_article, tmp_path):
    write_article(tmp_path / "bad", "empty.txt", "  \n")
    proc = run_parley("sources", "--corpus", tmp_path / "bad")
    assert proc.returncode == 1
    assert "empty.txt" in one_line(proc.stderr)
    assert_clean(proc)


# --- --config --------------------------------------------------------------------------------

def test_config_file_missing_exits_1_naming_the_file(run_parley, write_article, tmp_path):
    missing = tmp_path / "nope.toml"
    proc = run_parley("--config", missing, "ask", "What did Erdogan say?")
    assert proc.returncode == 1
    assert str(missing) in one_line(proc.stderr)
    assert_clean(proc)


def test_config_bad_value_exits_1_naming_key_and_file(run_parley, write_article, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[search]\ntop_k = "many"\n', encoding="utf-8")
    proc = run_parley("ask", "--config", config, "What did Erdogan say?")
    assert proc.returncode == 1
    line = one_line(proc.stderr)
    assert "search.top_k" in line and str(config) in line
    assert_clean(proc)


def test_config_top_k_and_relative_corpus_path_are_used(run_parley, write_article, tmp_path):
    write_article(tmp_path / "cfg" / "mine", "harbour.txt", HARBOUR_ARTICLE)
    config = tmp_path / "cfg" / "parley.toml"
    config.write_text('[corpus]\npaths = ["mine"]\n[search]\ntop_k = 1\n', encoding="utf-8")
    proc = run_parley("--config", config, "ask", "--json", "grain corridor")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert len(data["results"]) == 1
    assert data["results"][0]["document"] == "harbour"


def test_config_unknown_key_warns_on_stderr_but_answers(run_parley, write_article, tmp_path):
    config = tmp_path / "typo.toml"
    config.write_text("[search]\ntop_kk = 2\n", encoding="utf-8")
    proc = run_parley("--config", config, "ask", KALLAS_Q)
    assert proc.returncode == 0
    assert "top_kk" in proc.stderr and "top_k'" in proc.stderr
    assert "gunpoint" in proc.stdout


# --- no discord in the plain CLI ---------------------------------------------------------------

@pytest.mark.parametrize("argv", [["ask", "What did Erdogan say?"], ["passages", "--json"],
                                  ["speakers"], ["quotes", "Erdogan"], ["sources"]])
def test_cli_command_does_not_import_discord(argv, tmp_path):
    code = ("import sys, io, contextlib\n"
            "from bot.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = main({argv!r})\n"
            "print(rc, 'discord' in sys.modules, 'bot.discord_bot' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)
    assert proc.stdout.split() == ["0", "False", "False"], proc.stdout + proc.stderr


@pytest.mark.integration
def test_ask_json_message_says_an_overlong_question_was_cut(run_parley):
    proc = run_parley("ask", "Erdogan " * 500, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["message"].startswith("Your question was long")
    assert data["results"]


# --- version, python -m bot, where the index goes, --verify ------------------------------------

def test_version_prints_the_one_version_from_pyproject(run_parley):
    import tomllib
    project = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml")
                            .read_text(encoding="utf-8"))["project"]
    r = run_parley("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"parley {project['version']}"


def test_python_dash_m_bot_runs_the_same_command_line(tmp_path):
    r = subprocess.run([sys.executable, "-m", "bot", "--version"], capture_output=True,
                       text=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("parley ")


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b""
            for p in sorted(folder.rglob("*"))}


def test_asking_writes_nothing_into_the_corpus_folder_and_saves_in_the_user_cache(
        run_parley, write_article, tmp_path):
    corpus = tmp_path / "news"
    write_article(corpus, "talks.txt", "Talks resume\n\nThe minister said talks would resume.\n")
    before = _tree(tmp_path)
    cache_home = tmp_path.parent / f"{tmp_path.name}-xdg"
    r = run_parley("ask", "What did the minister say?", "--corpus", corpus,
                   env={"XDG_CACHE_HOME": str(cache_home)})
    assert r.returncode == 0 and "resume" in r.stdout
    assert _tree(tmp_path) == before  # nothing beside or inside the corpus
    assert list((cache_home / "parley").glob("index-*/manifest.json"))


def test_index_verify_checks_the_index_against_bm25okapi(run_parley, write_article, tmp_path):
    corpus = tmp_path / "news"
    write_article(corpus, "a.txt", "Talks resume\n\nThe minister said talks would resume.\n\n"
                                   "Grain exports grew, the ministry said.\n")
    r = run_parley("index", "--verify", "7", "--corpus", corpus, "--quiet")
    assert r.returncode == 0, r.stderr
    assert "Checked 7 random queries against rank-bm25's BM25Okapi" in r.stdout
    assert "identical; largest score difference 0;" in r.stdout


@pytest.mark.parametrize("flag", ["--verify", "--jobs"])
@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_index_refuses_a_count_that_is_not_positive(run_parley, flag, value):
    r = run_parley("index", f"{flag}={value}")
    assert r.returncode == 2 and flag in r.stderr and len(r.stderr.splitlines()) == 1
    assert "whole number of 1 or more" in r.stderr


def test_sources_names_the_folder_files_left_out_as_not_articles(run_parley, write_article,
                                                                 tmp_path):
    corpus = tmp_path / "news"
    write_article(corpus, "talks.txt", "Talks resume\n\nThe minister said talks would resume.\n")
    write_article(corpus, "README.md", "About this folder\n\nIt holds news.\n")
    r = run_parley("sources", "--corpus", corpus)
    assert r.returncode == 0
    assert "Talks resume" in r.stdout and "About this folder" not in r.stdout
    assert "Left out, not articles (1 file" in r.stdout and "README.md" in r.stdout


# --- hostile environments: one line on stderr, never a traceback ---------------------------------

@pytest.mark.parametrize(("config", "says"), [
    ('[corpus]\ncache_dir = "a\\u0000b"\n', "'corpus.cache_dir' contains a NUL character"),
    ('[corpus]\npaths = ["x\\u0000"]\n', "'corpus.paths' contains a NUL character"),
    ('[corpus]\ncache_dir = "' + "a" * 5000 + '"\n', "'corpus.cache_dir' is too long"),
    ('[corpus]\ncache_dir = "' + "b" * 300 + '"\n', "has a name longer than 255 bytes"),
    ('[corpus]\ncache_dir = "~nosuchuser9/x"\n', "names a user (nosuchuser9) this machine"),
    ("x = " + "[" * 1000 + "]" * 1000 + "\n", "nested too deeply"),
])
def test_a_config_path_or_shape_that_cannot_work_is_one_line(run_parley, tmp_path, config,
                                                             says):
    path = tmp_path / "bad.toml"
    path.write_text(config, encoding="utf-8")
    r = run_parley("--config", path, "ask", "What did Erdogan say?")
    assert r.returncode == 1 and says in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_a_history_file_that_cannot_work_is_a_warning_and_parley_answers(run_parley, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[repl]\nhistory_file = "h\\u0000"\n', encoding="utf-8")
    r = run_parley("--config", path, "ask", "What did Erdogan say?")
    assert r.returncode == 0 and "Erdogan" in r.stdout
    assert "'repl.history_file' contains a NUL character; going on without it" in r.stderr


def test_a_corpus_path_naming_an_unknown_user_is_bad_usage(run_parley):
    r = run_parley("ask", "x", "--corpus", "~nosuchuser9/news")
    assert r.returncode == 2 and "names a user (nosuchuser9)" in r.stderr
    assert len(r.stderr.splitlines()) == 1


def _parley_with_stdout(stdout: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot.cli", "ask", "What did Erdogan say?",
                           "--quiet"], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])


def test_a_full_disk_on_stdout_is_one_line():
    with open("/dev/full", "w") as full:
        r = _parley_with_stdout(full)
    assert r.returncode == 1 and r.stderr.strip() == (
        "parley: cannot write the output (No space left on device)")


def test_a_closed_stdout_is_one_line():
    r = subprocess.run(f"{sys.executable} -m bot.cli ask 'What did Erdogan say?' --quiet >&-",
                       shell=True, stderr=subprocess.PIPE, text=True, timeout=60,
                       cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 1 and r.stderr.strip().startswith("parley: standard output is closed")


# --- listings, JSON everywhere, colour ----------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   "])
def test_quotes_without_a_name_is_bad_usage_naming_the_subcommands_help(run_parley, name):
    r = run_parley("quotes", name)
    assert r.returncode == 2 and "(see 'parley quotes --help')" in r.stderr
    assert len(r.stderr.splitlines()) == 1


def test_quotes_and_sources_print_json(run_parley):
    quotes = json.loads(run_parley("quotes", "Erdogan", "--json").stdout)
    assert quotes["speaker"]["name"] == "Recep Tayyip Erdogan" and quotes["statements"]
    assert set(quotes["statements"][0]) == {"document", "passage", "title", "text", "kind"}
    sources = json.loads(run_parley("sources", "--json").stdout)
    assert [a["document"] for a in sources["articles"]] == ["istanbul-talks"]
    assert sources["articles"][0]["passages"] == 12 and sources["left_out"] == []


def test_long_listings_show_the_first_fifty_and_count_the_rest(run_parley, write_article,
                                                               tmp_path):
    corpus = tmp_path / "many"
    for i in range(53):
        write_article(corpus, f"a{i:02}.txt", f"Story {i}\n\nMinister Person{i} said item {i}.\n")
    short = run_parley("sources", "--corpus", corpus, "--quiet").stdout
    assert short.count("passages)") == 50 and "… and 3 more articles (--all" in short
    every = run_parley("sources", "--all", "--corpus", corpus, "--quiet").stdout
    assert every.count("passages)") == 53 and "more articles" not in every


class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(("no_color", "configured", "tty", "colour"), [
    ("", True, True, True),
    ("1", True, True, False),      # NO_COLOR, any value
    ("", False, True, False),      # repl.color = false, or --no-color
    ("", True, False, False),      # not a terminal
])
def test_colour_only_on_a_terminal_when_allowed(monkeypatch, no_color, configured, tty, colour):
    from dataclasses import replace

    from bot.settings import Settings
    from bot.text_render import use_color
    monkeypatch.setenv("NO_COLOR", no_color)
    settings = Settings()
    settings = replace(settings, repl=replace(settings.repl, color=configured))
    assert use_color(settings, _Terminal(tty)) is colour  # type: ignore[arg-type]


@pytest.mark.parametrize("argv", [["--no-color", "sources"], ["sources", "--no-color"]])
def test_no_color_flag_turns_the_configured_colour_off(monkeypatch, capsys, argv):
    import bot.cli
    import bot.cli_ask
    seen = []
    monkeypatch.setattr(bot.cli_ask, "use_color", lambda settings: seen.append(
        settings.repl.color) or False)
    assert bot.cli.main([*argv, "--quiet"]) == 0
    assert seen == [False]
    assert bot.cli.main(["sources", "--quiet"]) == 0 and seen[-1] is True  # config.toml: true


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root and setpriv to run as a user with no passwd entry")
def test_no_home_folder_still_answers_without_history_or_saved_index(tmp_path):
    """As in a container run with an arbitrary uid: HOME unset, no passwd entry."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    tmp_path.chmod(0o777)
    r = subprocess.run(["setpriv", "--reuid=54321", "--regid=54321", "--clear-groups",
                        sys.executable, "-m", "bot.cli", "ask", "What did Kallas say?"],
                       capture_output=True, text=True, env=env, timeout=60,
                       cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 0 and "gunpoint" in r.stdout, r.stderr
    assert "'repl.history_file' starts with ~, but there is no home folder" in r.stderr
    assert "Built the index in memory" in r.stderr and "Traceback" not in r.stderr


# --- notices once, sources --skipped, widths, help, optional discord ----------------------------

def _folder_with_duplicates(write_article, folder: Path) -> Path:
    write_article(folder, "a.txt", HARBOUR_ARTICLE)
    write_article(folder, "b.txt", HARBOUR_ARTICLE)  # byte-identical: indexed once
    write_article(folder, "c.txt", HARBOUR_ARTICLE)
    write_article(folder, "empty.txt", "")
    write_article(folder, "light.txt", LIGHTHOUSE_ARTICLE)
    return folder


def test_skipped_files_are_named_when_the_index_is_built_then_counted_in_one_line(
        run_parley, write_article, tmp_path):
    corpus = _folder_with_duplicates(write_article, tmp_path / "news")
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    built = run_parley("ask", "What did Marchuk say?", "--corpus", corpus, env=env)
    assert built.returncode == 0 and "Olena Marchuk" in built.stdout
    assert "skipped" in built.stderr and "empty.txt: " in built.stderr
    assert "b.txt: duplicate of" in built.stderr and "c.txt: duplicate of" in built.stderr
    again = run_parley("ask", "What did Marchuk say?", "--corpus", corpus, env=env)
    assert again.returncode == 0 and again.stdout == built.stdout
    assert again.stderr.splitlines() == [
        "parley: 1 file skipped as unusable, 2 duplicate files indexed once; "
        "`parley sources --skipped` lists them"]
    assert run_parley("ask", "x", "--corpus", corpus, "--quiet", env=env).stderr == ""


def test_sources_skipped_lists_every_skipped_file_with_why(run_parley, write_article, tmp_path):
    corpus = _folder_with_duplicates(write_article, tmp_path / "news")
    r = run_parley("sources", "--skipped", "--corpus", corpus, "--quiet")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Skipped (3 files):\n")
    words = " ".join(r.stdout.split())  # lines may wrap between words
    assert f"{corpus / 'b.txt'}: duplicate of {corpus / 'a.txt'}; indexed once" in words
    assert f"{corpus / 'empty.txt'}: " in words
    assert "Harbour talks" not in r.stdout  # the skipped files, not the articles
    data = json.loads(run_parley("sources", "--json", "--corpus", corpus, "--quiet").stdout)
    assert sorted(Path(s["path"]).name for s in data["skipped"]) == ["b.txt", "c.txt",
                                                                     "empty.txt"]
    assert all(set(s) == {"path", "reason"} for s in data["skipped"])
    clean = run_parley("sources", "--skipped", "--quiet")
    assert clean.stdout.startswith("No file was skipped")


@pytest.mark.parametrize("argv", [["ask", "What did Erdogan say?"], ["ask", KALLAS_Q],
                                  ["speakers"], ["quotes", "Cavusoglu"], ["sources"],
                                  ["passages"], ["ask", "Moscow Ukraine Russia", "--top-k", "9"]])
@pytest.mark.parametrize("columns", [50, 160])
def test_text_output_follows_columns_and_stays_within_it(run_parley, argv, columns):
    r = run_parley(*argv, "--quiet", env={"COLUMNS": str(columns)})
    assert r.returncode == 0, r.stderr
    widths = [len(line) for line in r.stdout.splitlines()]
    assert max(widths) <= min(columns, 100)
    if columns == 50 and argv[0] != "speakers":
        assert max(widths) > 40  # the width is used, not a narrower fixed one


def test_every_option_of_every_command_has_help_text():
    import argparse

    from bot.cli import _all_subparsers, build_parser
    parser = build_parser()
    missing = [f"{p.prog} {'/'.join(a.option_strings) or a.dest}"
               for p in [parser, *_all_subparsers(parser)] for a in p._actions
               if not a.help and not isinstance(a, argparse._SubParsersAction)]
    assert missing == []
    json_commands = {p.prog for p in _all_subparsers(parser)
                     if any("--json" in a.option_strings for a in p._actions)}
    assert {"parley ask", "parley passages", "parley speakers", "parley quotes",
            "parley sources", "parley stats"} <= json_commands


@pytest.mark.parametrize(("argv", "names"), [
    (["eval", "questions", "no-such-file.json"], "(see 'parley eval questions --help')"),
    (["ask", "--top-k", "0", "x"], "(see 'parley ask --help')"),
    (["sources", "--bogus"], "(see 'parley sources --help')"),
    (["quotes"], "(see 'parley quotes --help')"),
])
def test_bad_usage_exits_2_in_one_line_naming_the_subcommands_help(run_parley, argv, names):
    r = run_parley(*argv)
    assert r.returncode == 2 and names in one_line(r.stderr)
    assert_clean(r)


def test_discord_without_discord_py_says_how_to_install_it_in_one_line(tmp_path):
    code = ("import sys; sys.modules['discord'] = None\n"
            "from bot.cli import main\nsys.exit(main(['discord', '--quiet']))\n")
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parents[2], env=env, timeout=60)
    assert r.returncode == 1
    assert one_line(r.stderr) == ("parley: 'parley discord' needs discord.py, which is not "
                                  "installed; python3 dev.py setup installs it, or: pip install "
                                  "'discord.py>=2.4'")
