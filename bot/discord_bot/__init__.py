"""The Discord front end: slash commands, mentions and paginated embed replies.

May import: `discord` (discord.py), `retrieval.answering`, `bot.settings`, `corpus.models`
(records only), the front ends' shared helpers (`bot.engine`, `bot.labels`, `bot.text_render`,
`bot.loading`) and the standard library. Holds no retrieval or attribution logic: every answer
comes from the same `Parley.ask` call the CLI and REPL make, and this package only renders it.

Modules: `runner` (token, `serve`, `run`), `client` (the bot object), `cog` (the commands and
the mention handler), `replying` (answering in time, sending pages), `reload` (re-reading the
articles), `errors` (error handlers), `redaction` (the token kept out of logs), `embeds`
(Parley's replies), `formatting` (generic Discord formatting within its limits), `views`
(Previous/Next pagination), `cooldown` (per-user rate limiting with one notice per window).

Importing this package does not import discord.py; its modules do.
"""
