"""The front ends: command line, REPL and Discord bot, thin layers over
`parley.answering.engine.Parley`.

May import: `parley.answering`, `parley.config`, `parley.corpus` records (to read them),
`parley.evaluation` and `parley.store` (for `parley eval`, `parley index`), the standard
library, prompt_toolkit; discord only inside `parley.bot.discord`, which the CLI and
REPL import lazily. Holds no retrieval or attribution logic: it renders what it is given.
"""
