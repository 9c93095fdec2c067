"""The Discord front end: slash commands, mentions and paginated embed replies.

May import: `discord` (discord.py), `retrieval.answering`, `bot.settings`, `corpus.models`
(records only), the front ends' shared helpers (`bot.text_render`, `bot.loading`)
and the standard library. Holds no retrieval or attribution logic: every answer
comes from the same `Parley.ask` call the CLI and REPL make, and this package only renders it.

Modules: `runner` (start-up, logging, token), `cog` (commands and the mention handler),
`embeds` (reply formatting within Discord's limits), `views` (Previous/Next pagination),
`cooldown` (per-user rate limiting with one notice per window).

Importing this package does not import discord.py; its modules do.
"""
