"""`/help`: what Parley does, the kinds of questions it understands, and every command with one
example, so a new user can start without reading the docs. Fixed words, no engine call."""
from __future__ import annotations

import discord

from bot.discord_bot.embeds import COLOUR
from bot.discord_bot.formatting import Page, fit_embed, fit_page

ABOUT = ("I answer questions about the news articles I was given, with the passages that match "
         "best and **who said them** (name and role, quoted or reported). I only say someone "
         "said something when a statement in the articles covers your question; otherwise I "
         "show the closest passages and say so.")
QUESTIONS = (
    ("What did X say?", "`What did Erdogan say about the talks?` \u2014 X's statements, "
     "ranked by the rest of the question. X may be a name, a role or a country."),
    ("Who said Y?", "`Who said the agreement was made at gunpoint?` \u2014 the statement that "
     "fits best, with its speaker."),
    ("Who is X? / Who is quoted most?", "`Who is Kuleba?` \u2014 role, statements, articles."),
    ("Anything else", "`ceasefire guarantees` \u2014 the best-matching passages."),
)
COMMANDS = (
    ("/ask question [speaker] [results] [private] [thread]",
     "`/ask question: What did Zelensky say?` \u2014 `thread: True` answers in a new thread."),
    ("/speakers [filter]", "`/speakers filter: minister` \u2014 who speaks, most quoted first."),
    ("/quotes speaker", "`/quotes speaker: Kuleba` \u2014 everything one speaker said."),
    ("/source [article]", "`/source article: Istanbul` \u2014 the articles, or one of them."),
    ("/check speaker quote [private]", "`/check speaker: Kallas quote: made at gunpoint` \u2014 "
     "did they say it: exact, in other words, close, someone else's, or not found."),
    ("Apps \u2192 Check quote", "On a message with a quotation: did its speaker say it "
     "(only you see the answer)."),
    ("Apps \u2192 Ask Parley", "On any message: who said its words, and where they are in the "
     "articles (only you see the answer)."),
    ("@Parley question", "`@Parley what did Lavrov say?` \u2014 the same answer as /ask."),
    ("/help", "This message."),
)


def help_page() -> Page:
    """The /help reply: one embed (shown only to the asker)."""
    embed = discord.Embed(title="Parley: who said what in the articles", description=ABOUT,
                          colour=COLOUR)
    embed.add_field(name="Questions", inline=False,
                    value="\n".join(f"**{kind}** {example}" for kind, example in QUESTIONS))
    for name, example in COMMANDS:
        embed.add_field(name=name, value=example, inline=False)
    embed.set_footer(text="Buttons under a reply: pages, the article, the full passage, Delete.")
    return fit_page(Page(None, [fit_embed(embed)]))
