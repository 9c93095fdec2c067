"""Running attributors over the gold articles and putting the scores in a table."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus.evaluation.gold import GoldArticle, article_file
from corpus.evaluation.scoring import ArticleScore, Counts, score_article
from corpus.loader import RawArticle, read_articles
from corpus.models import Article

Attributor = Callable[[RawArticle], Article]


def system_attributor() -> tuple[Attributor | None, str | None]:
    """`corpus.build.attribute_article`, or (None, why not) while it is missing."""
    try:
        module = importlib.import_module("corpus.build")
    except ImportError as exc:
        return None, f"system attributor unavailable: cannot import corpus.build ({exc})"
    func = getattr(module, "attribute_article", None)
    if func is None:
        return None, "system attributor unavailable: corpus.build has no attribute_article"
    return func, None


@dataclass
class Report:
    """One attributor's scores over the gold set."""

    label: str
    articles: list[ArticleScore] = field(default_factory=list)

    def total(self) -> Counts:
        total = Counts()
        for a in self.articles:
            total += a.counts
        return total

    def as_dict(self) -> dict:
        return {"label": self.label,
                "total": self.total().as_dict(),
                "articles": [{"name": a.name, "note": a.note, **a.counts.as_dict()}
                             for a in self.articles]}


@dataclass
class LoadedGold:
    gold: GoldArticle
    raw: RawArticle


def load_articles(golds: list[GoldArticle], root: Path | None = None,
                  bbc_dir: Path | None = None) -> tuple[list[LoadedGold], list[str]]:
    """Read the article text behind each gold file; BBC ones are skipped (with a note) when
    the BBC folder is absent, as in a clone without ../shared."""
    loaded: list[LoadedGold] = []
    notes: list[str] = []
    skipped_bbc = 0
    for g in golds:
        path = article_file(g, root, bbc_dir)
        if g.source == "bbc" and not path.parent.parent.is_dir():
            skipped_bbc += 1
            continue
        if not path.is_file():
            notes.append(f"{g.name}: article {path} not found; skipped")
            continue
        raws, problems = read_articles([path])
        if not raws:
            notes.append(f"{g.name}: cannot load {path} ({'; '.join(map(str, problems))}); "
                         "skipped")
            continue
        loaded.append(LoadedGold(g, raws[0]))
    if skipped_bbc:
        where = bbc_dir if bbc_dir is not None else "../shared/data/bbc"
        notes.append(f"{skipped_bbc} BBC gold file(s) skipped: {where} is absent "
                     "(only the seed article is scored)")
    return loaded, notes


def run(label: str, attributor: Attributor, loaded: list[LoadedGold]) -> Report:
    """Attribute and score every loaded article; an attributor crash on one article is
    scored as an article with no speakers, and noted."""
    report = Report(label)
    for item in loaded:
        note = None
        try:
            article = attributor(item.raw)
        except Exception as exc:  # noqa: BLE001 - report, keep scoring the rest
            note = f"attributor failed: {type(exc).__name__}: {exc}"
            article = Article(item.raw.id, item.raw.path, item.raw.title, ())
        score = score_article(item.gold, article)
        score.note = note
        report.articles.append(score)
    return report


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _rows(c: Counts) -> list[tuple[str, str]]:
    d, r = c.acts["direct"], c.acts["reported"]
    return [
        ("speaker accuracy, all acts", f"{_pct(c.speaker_accuracy())} "
                                       f"({sum(c.speaker_right.values())}/{c.total_acts()})"),
        ("  direct", f"{_pct(c.speaker_accuracy('direct'))} ({c.speaker_right['direct']}/{d})"),
        ("  reported", f"{_pct(c.speaker_accuracy('reported'))} "
                       f"({c.speaker_right['reported']}/{r})"),
        ("kind agreement (right speaker)", f"{_pct(c.kind_agreement())} "
                                           f"({sum(c.kind_right.values())}/"
                                           f"{sum(c.speaker_right.values())})"),
        ("  direct", f"{_pct(c.kind_agreement('direct'))}"),
        ("  reported", f"{_pct(c.kind_agreement('reported'))}"),
        ("speaker and kind right", f"{_pct(c.strict_accuracy())}"),
        ("missed (no speaker given)", f"{c.missing}"),
        ("wrong speaker", f"{c.wrong}"),
        ("false attributions", f"{_pct(c.false_rate())} "
                               f"({c.false_attributions}/{c.no_speaker_sentences})"),
        ("extra speakers on act sentences", f"{c.extra_speakers}"),
    ]


def format_table(reports: list[Report], notes: list[str] | None = None) -> str:
    """Totals side by side, then one line per article."""
    lines: list[str] = []
    if not reports:
        return "\n".join(notes or ["nothing to score"])
    total = reports[0].total()
    lines.append(f"Attribution against gold: {len(reports[0].articles)} articles, "
                 f"{total.sentences} sentences, {total.total_acts()} speech acts "
                 f"({total.acts['direct']} direct, {total.acts['reported']} reported), "
                 f"{total.no_speaker_sentences} sentences with no speaker.")
    lines.append("")
    width = 34
    col = 22
    lines.append(f"{'':{width}}" + "".join(f"{r.label:>{col}}" for r in reports))
    per = [_rows(r.total()) for r in reports]
    for i, (name, _) in enumerate(per[0]):
        lines.append(f"{name:{width}}" + "".join(f"{p[i][1]:>{col}}" for p in per))
    lines.append("")
    head = f"{'article':22}{'acts':>6}{'none':>6}"
    for r in reports:
        head += f"{r.label + ' spk':>16}{'false':>7}"
    lines.append(head)
    for i, art in enumerate(reports[0].articles):
        c = art.counts
        row = f"{art.name:22}{c.total_acts():>6}{c.no_speaker_sentences:>6}"
        for r in reports:
            ac = r.articles[i].counts
            row += f"{_pct(ac.speaker_accuracy()):>16}{ac.false_attributions:>7}"
        lines.append(row)
    for r in reports:
        for art in r.articles:
            if art.note:
                lines.append(f"note: {r.label} on {art.name}: {art.note}")
    for n in notes or []:
        lines.append(f"note: {n}")
    return "\n".join(lines)


def format_misses(report: Report) -> str:
    lines = [f"Misses of {report.label}:"]
    for art in report.articles:
        for m in art.misses:
            lines.append(f"  {m.article} {m.paragraph}.{m.sentence} [{m.problem}] "
                         f"{m.excerpt!r}\n      gold: {m.gold} | {report.label}: {m.system}")
    if len(lines) == 1:
        lines.append("  none")
    return "\n".join(lines)
