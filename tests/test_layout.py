"""Static checks of the package layout: who may import whom (read from the source with `ast`,
nothing imported), package docstrings, and the shipped article file."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "corpus", "retrieval")
SHIPPED_ARTICLE = PROJECT_ROOT / "corpus" / "articles" / "istanbul-talks.txt"
SHARED_ARTICLE = PROJECT_ROOT.parent / "shared" / "corpus" / "istanbul-talks.txt"


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, module_level_only: bool = False,
            text: str | None = None) -> list[tuple[str, int]]:
    """Absolute names of every module `path` imports (relative imports resolved), with lines.
    `module_level_only`: skip imports inside functions and classes (lazy imports).
    `text`: parse this instead of the file's contents (for testing the reader)."""
    source = path.read_text(encoding="utf-8") if text is None else text
    tree = ast.parse(source, filename=str(path))
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    if module_level_only:  # module-level statements, including those inside if/try blocks
        nodes = [n for stmt in tree.body
                 if not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                 for n in ast.walk(stmt)]
    else:
        nodes = list(ast.walk(tree))
    found: list[tuple[str, int]] = []
    for node in nodes:
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def is_under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def sources(folder: str) -> list[Path]:
    """The modules under one package folder ("retrieval/store"), or under all of them ("")."""
    roots = [PROJECT_ROOT / folder] if folder else [PROJECT_ROOT / p for p in PACKAGES]
    return sorted(p for root in roots for p in root.rglob("*.py"))


def violations(folder: str, forbidden: list[str], module_level_only: bool = False) -> list[str]:
    return [f"{path.relative_to(PROJECT_ROOT)}:{line} imports {name}"
            for path in sources(folder)
            for name, line in imports(path, module_level_only)
            if any(is_under(name, f) for f in forbidden)]


# --- the checker itself ---------------------------------------------------------------------

def test_import_reader_sees_absolute_relative_and_lazy_imports():
    pretend = PROJECT_ROOT / "bot" / "probe.py"
    text = ("import discord.ext\nfrom . import cli\nfrom ..corpus import models\n"
            "try:\n    import numpy\nexcept ImportError:\n    pass\n"
            "def f():\n    import retrieval.answering\n")
    every = {name for name, _ in imports(pretend, text=text)}
    assert {"discord.ext", "bot.cli", "corpus.models", "numpy",
            "retrieval.answering"} <= every
    top = {name for name, _ in imports(pretend, module_level_only=True, text=text)}
    assert {"discord.ext", "bot.cli", "numpy"} <= top
    assert "retrieval.answering" not in top


# --- the import rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["corpus", "retrieval"])
def test_core_packages_never_import_discord_or_the_front_ends(folder):
    assert violations(folder, ["discord", "bot"]) == []


def test_corpus_does_not_import_retrieval():
    assert violations("corpus", ["retrieval"]) == []


def test_only_the_discord_front_end_imports_discord_at_module_level():
    discord_pkg = PROJECT_ROOT / "bot" / "discord_bot"
    bad = [v for v in violations("", ["discord"], module_level_only=True)
           if not (PROJECT_ROOT / v.split(":")[0]).is_relative_to(discord_pkg)]
    assert bad == []


def _names_config_toml(path: Path) -> bool:
    """Whether a string in the code (docstrings aside) names config.toml."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str)
               and "config.toml" in n.value and id(n) not in docstrings for n in ast.walk(tree))


def test_only_the_front_ends_read_config_toml():
    """`bot.settings` is the one reader of config.toml; the core takes plain values."""
    readers = [path.relative_to(PROJECT_ROOT).as_posix() for path in sources("")
               if _names_config_toml(path)]
    assert "bot/settings.py" in readers and all(r.startswith("bot/") for r in readers), readers


def test_layout_is_the_design_cards_top_level():
    assert all((PROJECT_ROOT / p / "__init__.py").is_file() for p in PACKAGES)
    assert (PROJECT_ROOT / "config.toml").is_file() and (PROJECT_ROOT / "tests").is_dir()
    assert not (PROJECT_ROOT / "parley").exists()


def test_no_subpackage_shadows_discord_py():
    """A folder called `discord` inside `bot/` would shadow discord.py on `sys.path`."""
    assert not any(p.name == "discord" for root in PACKAGES
                   for p in (PROJECT_ROOT / root).rglob("*") if p.is_dir())


# --- packages -----------------------------------------------------------------------------------

PACKAGE_INITS = [p for p in sources("") if p.name == "__init__.py"]


@pytest.mark.parametrize("init", PACKAGE_INITS,
                         ids=[str(p.relative_to(PROJECT_ROOT)) for p in PACKAGE_INITS])
def test_every_package_init_has_a_docstring(init):
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and doc.strip()


def test_every_folder_of_modules_is_a_package_with_an_init():
    folders = {p.parent for p in sources("") if "__pycache__" not in p.parts}
    missing = sorted(str(f.relative_to(PROJECT_ROOT)) for f in folders
                     if not (f / "__init__.py").is_file())
    assert missing == []


# --- the shipped article ------------------------------------------------------------------------

@pytest.mark.skipif(not SHARED_ARTICLE.is_file(), reason="no ../shared/corpus in this checkout")
def test_shipped_article_is_byte_identical_to_shared_copy():
    assert SHIPPED_ARTICLE.read_bytes() == SHARED_ARTICLE.read_bytes()


def test_shipped_article_has_no_final_newline():
    assert not SHIPPED_ARTICLE.read_bytes().endswith((b"\n", b"\r"))


def test_shipped_article_has_curly_and_straight_double_quotes():
    text = SHIPPED_ARTICLE.read_text(encoding="utf-8")
    assert '"' in text
    assert "\u201c" in text and "\u201d" in text


# --- rules stated in the package docstrings beyond the core ones ------------------------------

def test_the_index_and_the_saved_index_never_import_answering():
    above = (PROJECT_ROOT / "retrieval" / "answering", PROJECT_ROOT / "retrieval" / "evaluation")
    below = [p for p in sources("retrieval") if not any(p.is_relative_to(a) for a in above)]
    bad = [f"{p.relative_to(PROJECT_ROOT)}:{line} imports {name}" for p in below
           for name, line in imports(p) if is_under(name, "retrieval.answering")]
    assert bad == []


def test_evaluation_imports_only_corpus():
    bad = [v for v in violations("corpus/evaluation", ["bot", "retrieval"])]
    assert bad == []


def test_evaluation_is_imported_only_by_the_eval_command():
    allowed = {PROJECT_ROOT / "bot" / "cli_eval.py"}
    evaluation = PROJECT_ROOT / "corpus" / "evaluation"
    bad = [v for v in violations("", ["corpus.evaluation"])
           if not (PROJECT_ROOT / v.split(":")[0]).is_relative_to(evaluation)
           and PROJECT_ROOT / v.split(":")[0] not in allowed]
    assert bad == []


def test_question_evaluation_is_imported_only_by_the_eval_command():
    evaluation = PROJECT_ROOT / "retrieval" / "evaluation"
    bad = [v for v in violations("", ["retrieval.evaluation"])
           if not (PROJECT_ROOT / v.split(":")[0]).is_relative_to(evaluation)
           and PROJECT_ROOT / v.split(":")[0] != PROJECT_ROOT / "bot" / "cli_eval.py"]
    assert bad == []


def test_discord_front_end_package_init_does_not_import_discord():
    init = PROJECT_ROOT / "bot" / "discord_bot" / "__init__.py"
    assert [n for n, _ in imports(init, module_level_only=True) if is_under(n, "discord")] == []


# --- packaging: data files the code reads must ship in a wheel ------------------------------------

def package_data_globs() -> dict[str, list[str]]:
    import tomllib
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return pyproject.get("tool", {}).get("setuptools", {}).get("package-data", {})


# Code, not data: Python, bytecode, the optional C module's source (setup.py compiles it) and
# what it compiles to.
CODE_SUFFIXES = {".py", ".pyc", ".c", ".so", ".pyd"}
DATA_FILES = sorted(p for root in PACKAGES for p in (PROJECT_ROOT / root).rglob("*")
                    if p.is_file() and p.suffix not in CODE_SUFFIXES
                    and "__pycache__" not in p.parts
                    # hidden files are not package data
                    and not any(part.startswith(".") for part in p.relative_to(PROJECT_ROOT).parts))


def _covered(path: Path) -> bool:
    for package, globs in package_data_globs().items():
        folder = PROJECT_ROOT.joinpath(*package.split("."))
        if path.is_relative_to(folder):
            rel = path.relative_to(folder)
            if any(rel.match(g) for g in globs):
                return True
    return False


@pytest.mark.parametrize("data_file", [
    pytest.param(p, id=str(p.relative_to(PROJECT_ROOT)))
    for p in DATA_FILES])
def test_every_data_file_in_the_package_is_listed_in_package_data(data_file):
    assert _covered(data_file)
