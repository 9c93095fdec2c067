"""The Discord front end: slash commands, mentions and paginated embed replies.

May import: `discord` (discord.py), `retrieval.answering`, `bot.settings`, `corpus.models`
(records only), the front ends' shared helpers (`bot.engine`, `bot.labels`, `bot.text_render`,
`bot.loading`) and the standard library. Holds no retrieval or attribution logic: every answer
comes from the same `Parley.ask` call the CLI and REPL make, and this package only renders it.

Modules: `runner` (token, log, `serve`, `run`), `client` (the bot object), `cog` (the commands
and the mention handler), `context_menu` ("Ask Parley" on a message), `contexts` (where the
commands may be used), `replying` (answering in time, sending pages), `threads` (answering in
a new thread), `reload` (re-reading the articles), `errors` (error handlers), `redaction` (the
token kept out of logs), `embeds` (Parley's answers and quotes), `lists` (the ranked speakers
and articles), `help` (/help), `plain` (replies without Embed Links), `formatting` (generic
Discord formatting within its limits), `views` (the buttons under a reply), `fuzzy` and
`choices` (forgiving autocomplete), `cooldown` (per-user rate limiting with one notice per
window).

Importing this package does not import discord.py; its modules do.
"""
