"""Dev tool (not a test): render the reply the bot sends for one question to HTML in Discord's
dark theme and screenshot it with headless Chromium -> docs/discord-reply.png.

    .venv/bin/python tests/bot/discord_bot/render_reply_png.py ["question"] [--results N]

Uses the real engine and the real `embeds.answer_pages`, so the picture is what /ask sends.
Chromium runs with networking features off and only ever loads a local file.
"""
from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bot.discord_bot import embeds as E  # noqa: E402
from bot.discord_bot.formatting import Page  # noqa: E402
from bot.loading import engine_for  # noqa: E402
from bot.settings import load_settings  # noqa: E402


def md(text: str) -> str:
    """The little Markdown the bot emits (escapes, **bold**, *italic*, newlines) as HTML."""
    out, bold, italic, i = [], False, False, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            out.append(html.escape(text[i + 1]))
            i += 2
            continue
        if text.startswith("**", i):
            out.append("</b>" if bold else "<b>")
            bold = not bold
            i += 2
            continue
        if c == "*":
            out.append("</i>" if italic else "<i>")
            italic = not italic
            i += 1
            continue
        out.append("<br>" if c == "\n" else html.escape(c))
        i += 1
    return "".join(out)


CSS = """
body { background:#313338; margin:0; padding:24px; font-family:'DejaVu Sans',sans-serif;
       color:#dbdee1; width:760px; }
.msg { display:flex; gap:16px; }
.avatar { width:40px; height:40px; border-radius:50%; background:#2B6CB0; color:white;
          display:flex; align-items:center; justify-content:center; font-weight:bold; }
.name { color:#f2f3f5; font-weight:600; } .tag { background:#5865f2; color:white; font-size:10px;
        padding:1px 4px; border-radius:3px; margin-left:4px; vertical-align:middle; }
.time { color:#949ba4; font-size:12px; margin-left:6px; }
.content { margin:4px 0 6px; line-height:1.4; font-size:15px; }
.embed { background:#2b2d31; border-left:4px solid #2B6CB0; border-radius:4px; padding:10px 14px;
         margin:6px 0; max-width:640px; font-size:14px; line-height:1.4; }
.author { color:#f2f3f5; font-weight:600; font-size:13px; margin-bottom:6px; }
.desc b { color:#f2f3f5; } .footer { color:#b5bac1; font-size:12px; margin-top:8px; }
.buttons { display:flex; gap:8px; margin-top:8px; }
.btn { background:#4e5058; color:white; border-radius:3px; padding:6px 14px; font-size:14px; }
.btn.off { opacity:.5; }
.cmd { color:#949ba4; font-size:13px; margin-bottom:6px; }
.cmd b { color:#00a8fc; font-weight:normal; }
"""


def page_html(page: Page, question: str, pages: int) -> str:
    parts = [f'<div class="cmd">\u21b3 asker used <b>/ask</b> question: '
             f'{html.escape(question)}</div>',
             '<div class="msg"><div class="avatar">P</div><div>',
             '<span class="name">Parley</span><span class="tag">APP</span>'
             '<span class="time">Today at 12:00</span>']
    if page.content:
        parts.append(f'<div class="content">{md(page.content)}</div>')
    for e in page.embeds:
        parts.append('<div class="embed">')
        if e.author and e.author.name:
            parts.append(f'<div class="author">{html.escape(e.author.name)}</div>')
        parts.append(f'<div class="desc">{md(e.description or "")}</div>')
        if e.footer and e.footer.text:
            parts.append(f'<div class="footer">{html.escape(e.footer.text)}</div>')
        parts.append("</div>")
    if pages > 1:
        parts.append('<div class="buttons"><span class="btn off">\u25c0 Previous</span>'
                     f'<span class="btn off">1/{pages}</span>'
                     '<span class="btn">Next \u25b6</span></div>')
    parts.append("</div></div>")
    return f"<!doctype html><meta charset=utf-8><style>{CSS}</style>{''.join(parts)}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("question", nargs="?", default="Who said the agreement was made at gunpoint?")
    ap.add_argument("--results", type=int, default=5)
    ap.add_argument("--height", type=int, default=680, help="screenshot height in pixels")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "discord-reply.png")
    args = ap.parse_args()
    settings = load_settings(ROOT / "config.toml")
    answer = engine_for(settings).ask(args.question, top_k=args.results)
    pages = E.answer_pages(answer, settings.discord.results_per_page)
    if not pages:
        print("no results for that question", file=sys.stderr)
        return 1
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium not found (apt-get install -y chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "reply.html"
        page.write_text(page_html(pages[0], args.question, len(pages)), encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--hide-scrollbars",
                        f"--window-size=808,{args.height}", f"--screenshot={shot}", page.as_uri()],
                       check=True, timeout=120, capture_output=True)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, args.out)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
