"""The Discord front end: slash commands, mentions and paginated embed replies.

May import: `discord` (discord.py), `parley.answering`, `parley.config`, `parley.corpus.models`
(records only), the front ends' shared helpers (`parley.bot.text_render`, `parley.bot.loading`)
and the standard library. Holds no retrieval or attribution logic: every answer
comes from the same `Parley.ask` call the CLI and REPL make, and this package only renders it.

Modules: `runner` (start-up, logging, token), `cog` (commands and the mention handler),
`embeds` (reply formatting within Discord's limits), `views` (Previous/Next pagination),
`cooldown` (per-user rate limiting with one notice per window).

Importing this package does not import discord.py; its modules do.
"""
