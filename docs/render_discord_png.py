"""Dev tool (not a test): the reply /ask sends for one question, drawn in Discord's dark theme
and screenshot with headless Chromium into docs/discord-reply.png for the README.

    .venv/bin/python docs/render_discord_png.py ["question"] [--results N] [--per-page N]

The message is the bot's own: the first page of the real `embeds.answer_pages` and the
controls the real `replying.controls` gives it (a public reply, so Delete is there); every
label, emoji, style, URL, disabled state and placeholder is read from those discord.ui objects.
By default the shipped article is copied into a temporary corpus with a `URL:` line added, so
the title link and the link button show (`--no-url` for the shipped corpus as it is).
Chromium runs with networking features off and only ever loads a local file. It needs
`chromium` and, for the buttons' emoji, `fonts-noto-color-emoji`.
"""
from __future__ import annotations

import argparse
import dataclasses
import html
import re
import shutil
import subprocess
import sys
import tempfile
from itertools import groupby
from pathlib import Path

import discord

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.discord_bot import embeds as E  # noqa: E402
from bot.discord_bot.cog import MAX_RESULTS  # noqa: E402
from bot.discord_bot.formatting import Page  # noqa: E402
from bot.discord_bot.replying import controls  # noqa: E402
from bot.loading import engine_for  # noqa: E402
from bot.settings import Settings, load_settings  # noqa: E402
from retrieval.answering.engine import SHIPPED_CORPUS  # noqa: E402

QUESTION = "Who said the agreement was made at gunpoint?"
URL = "https://example.com/istanbul-talks"  # a placeholder address: the picture never shows it
WIDTH = 808
BUTTON_COLOURS = {discord.ButtonStyle.primary: "#5865f2", discord.ButtonStyle.secondary: "#4e5058",
                  discord.ButtonStyle.success: "#248046", discord.ButtonStyle.danger: "#da373c",
                  discord.ButtonStyle.link: "#4e5058"}
LINK_ICON = ('<svg width="16" height="16" viewBox="0 0 24 24"><path fill="currentColor" d="M15 2a1 '
             '1 0 0 0 0 2h3.59l-8.3 8.3a1 1 0 1 0 1.42 1.4L20 5.42V9a1 1 0 1 0 2 0V3a1 1 0 0 0-1-1'
             'h-6ZM5 4a3 3 0 0 0-3 3v12a3 3 0 0 0 3 3h12a3 3 0 0 0 3-3v-6a1 1 0 1 0-2 0v6a1 1 0 0 1'
             '-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h6a1 1 0 1 0 0-2H5Z"/></svg>')
CHEVRON = ('<svg width="20" height="20" viewBox="0 0 24 24"><path fill="currentColor" '
           'd="M5.3 9.3a1 1 0 0 1 1.4 0l5.3 5.29 5.3-5.3a1 1 0 1 1 1.4 1.42l-6 6a1 1 0 0 1-1.4 0'
           'l-6-6a1 1 0 0 1 0-1.42Z"/></svg>')

CSS = """
body { background:#313338; margin:0; padding:20px 24px; width:760px; color:#dbdee1;
       font-family:'DejaVu Sans','Noto Color Emoji',sans-serif; }
.cmd { color:#b5bac1; font-size:13px; margin:0 0 4px 56px; }
.cmd b { color:#00a8fc; font-weight:normal; }
.msg { display:flex; gap:16px; }
.avatar { flex:none; width:40px; height:40px; border-radius:50%; background:#2B6CB0; color:#fff;
          display:flex; align-items:center; justify-content:center; font-weight:bold; }
.body { min-width:0; flex:1; }
.name { color:#f2f3f5; font-weight:600; font-size:15px; }
.tag { background:#5865f2; color:#fff; font-size:10px; font-weight:600; padding:1px 4px;
       border-radius:3px; margin-left:4px; vertical-align:middle; }
.time { color:#949ba4; font-size:12px; margin-left:6px; }
.content { margin:2px 0 4px; line-height:1.375; font-size:15px; }
.content b, .desc b { color:#f2f3f5; }
.embed { background:#2b2d31; border-left:4px solid; border-radius:4px; padding:8px 16px 12px 12px;
         margin:6px 0 0; max-width:516px; font-size:14px; line-height:1.375; }
.author { color:#f2f3f5; font-weight:600; font-size:14px; margin-top:6px; }
.title { color:#f2f3f5; font-weight:600; font-size:15px; margin-top:6px; }
.title.link { color:#00a8fc; }
.desc { margin-top:6px; } .footer { color:#b5bac1; font-size:12px; margin-top:8px; }
.row { display:flex; flex-wrap:wrap; gap:8px; margin-top:8px; }
.btn { color:#fff; border-radius:3px; padding:0 16px; height:32px; font-size:14px; font-weight:500;
       display:flex; align-items:center; gap:6px; white-space:nowrap; max-width:460px; }
.btn .lbl { overflow:hidden; text-overflow:ellipsis; }
.btn.off { opacity:.5; }
.select { width:400px; height:40px; box-sizing:border-box; background:#1e1f22; border-radius:4px;
          display:flex; align-items:center; justify-content:space-between; padding:0 8px 0 12px;
          color:#949ba4; font-size:15px; }
"""


def md(text: str) -> str:
    """The little Markdown the bot emits (escapes, **bold**, *italic*, newlines) as HTML."""
    out, bold, italic, i = [], False, False, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(html.escape(text[i + 1]))
            i += 2
        elif text.startswith("**", i):
            out.append("</b>" if bold else "<b>")
            bold, i = not bold, i + 2
        elif c == "*":
            out.append("</i>" if italic else "<i>")
            italic, i = not italic, i + 1
        else:
            out.append("<br>" if c == "\n" else html.escape(c))
            i += 1
    return "".join(out)


def embed_html(e: discord.Embed) -> str:
    """One embed as Discord lays it out: author, title (blue when linked), text, footer."""
    colour = f"#{e.colour.value:06x}" if e.colour else "#1e1f22"
    parts = [f'<div class="embed" style="border-color:{colour}">']
    if e.author and e.author.name:
        parts.append(f'<div class="author">{html.escape(e.author.name)}</div>')
    if e.title:
        parts.append(f'<div class="title{" link" if e.url else ""}">{md(e.title)}</div>')
    if e.description:
        parts.append(f'<div class="desc">{md(e.description)}</div>')
    if e.footer and e.footer.text:
        parts.append(f'<div class="footer">{html.escape(e.footer.text)}</div>')
    return "".join(parts) + "</div>"


def item_html(item: discord.ui.Item[discord.ui.View]) -> str:
    """A button or select exactly as its discord.ui object describes it."""
    if isinstance(item, discord.ui.Select):
        text = item.placeholder or (item.options[0].label if item.options else "")
        off = " off" if item.disabled else ""
        return f'<div class="select{off}"><span>{html.escape(text)}</span>{CHEVRON}</div>'
    if not isinstance(item, discord.ui.Button):
        raise TypeError(f"cannot draw {type(item).__name__}")
    emoji = f"<span>{html.escape(str(item.emoji))}</span>" if item.emoji else ""
    label = f'<span class="lbl">{html.escape(item.label)}</span>' if item.label else ""
    icon = LINK_ICON if item.style is discord.ButtonStyle.link and item.url else ""
    off = " off" if item.disabled else ""
    return (f'<div class="btn{off}" style="background:{BUTTON_COLOURS[item.style]}">'
            f"{emoji}{label}{icon}</div>")


def message_html(page: Page, view: discord.ui.View | None, question: str) -> str:
    """The whole message: who asked what, Parley's content, its embeds and its action rows."""
    parts = [f'<div class="cmd">asker used <b>/ask</b> {html.escape(question)}</div>',
             '<div class="msg"><div class="avatar">P</div><div class="body">',
             '<span class="name">Parley</span><span class="tag">APP</span>'
             '<span class="time">Today at 12:00</span>']
    if page.content:
        parts.append(f'<div class="content">{md(page.content)}</div>')
    parts.extend(embed_html(e) for e in page.embeds)
    if view is not None:  # the rows the view declares (every Parley control names its row)
        for _, items in groupby(sorted(view.children, key=lambda i: i.row or 0),
                                key=lambda i: i.row or 0):
            parts.append(f'<div class="row">{"".join(item_html(i) for i in items)}</div>')
    parts.append("</div></div>")
    return (f"<!doctype html><meta charset=utf-8><style>{CSS}</style><body>{''.join(parts)}"
            "<script>document.body.dataset.h = document.documentElement.scrollHeight</script>")


def corpus_with_url(tmp: Path, url: str) -> Path:
    """The shipped articles copied to `tmp`, each given a `URL:` line under its headline."""
    folder = tmp / "articles"
    folder.mkdir()
    for src in sorted(SHIPPED_CORPUS.glob("*.txt")):
        headline, _, rest = src.read_text(encoding="utf-8").partition("\n")
        (folder / src.name).write_text(f"{headline}\nURL: {url}\n{rest}", encoding="utf-8")
    return folder


def chromium(browser: str, page: Path, *extra: str) -> str:
    """Run headless Chromium on a local file, with its networking features off."""
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update",
                           "--disable-sync", "--no-first-run", "--hide-scrollbars",
                           *extra, page.as_uri()],
                          check=True, timeout=120, capture_output=True, text=True)
    return done.stdout


def render(settings: Settings, question: str, results: int | None, per_page: int | None,
           browser: str, out: Path, tmp: Path) -> bool:
    """Answer as /ask does and write the picture of its first page; False for no results."""
    engine = engine_for(settings, list(settings.corpus_paths))
    top_k = max(1, min(results or settings.top_k, MAX_RESULTS))  # the cog's clamps
    per = max(1, min(per_page or settings.discord.results_per_page, MAX_RESULTS))
    pages = E.answer_pages(engine.ask(question, top_k=top_k), per)
    if not pages:
        return False
    view = controls(pages, owner_id=1, timeout=float(settings.discord.view_timeout_seconds),
                    deletable=True)
    page = tmp / "reply.html"
    page.write_text(message_html(pages[0], view, question), encoding="utf-8")
    dom = chromium(browser, page, f"--window-size={WIDTH},200", "--dump-dom")
    found = re.search(r'data-h="(\d+)"', dom)
    height = int(found.group(1)) if found else 800
    shot = tmp / "shot.png"
    chromium(browser, page, f"--window-size={WIDTH},{height}", f"--screenshot={shot}")
    out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, out)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("question", nargs="?", default=QUESTION)
    parser.add_argument("--results", type=int, help="/ask's results option (default: top_k)")
    parser.add_argument("--per-page", type=int,
                        help="discord.results_per_page (default: config.toml's)")
    parser.add_argument("--url", default=URL, help="the URL: line given to the article")
    parser.add_argument("--no-url", action="store_true", help="the shipped corpus as it is")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "discord-reply.png")
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium not found (apt-get install -y chromium)", file=sys.stderr)
        return 1
    settings = load_settings(ROOT / "config.toml", explicit=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        paths = (SHIPPED_CORPUS,) if args.no_url else (corpus_with_url(tmp, args.url),)
        settings = dataclasses.replace(settings, corpus_paths=paths, cache_dir=tmp / "cache")
        if not render(settings, args.question, args.results, args.per_page, browser, args.out,
                      tmp):
            print("no results for that question", file=sys.stderr)
            return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
