"""The front ends: command line, REPL and Discord bot, thin layers over
`retrieval.answering.engine.Parley`.

May import: `retrieval.answering`, `bot.settings`, `corpus` records (to read them),
`corpus.evaluation` and `retrieval.store` (for `parley eval`, `parley index`), the standard
library, prompt_toolkit; discord only inside `bot.discord_bot`, which the CLI and
REPL import lazily. Holds no retrieval or attribution logic: it renders what it is given.
"""
