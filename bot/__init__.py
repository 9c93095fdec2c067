"""The front ends: command line, REPL and Discord bot, thin layers over
`retrieval.answering.engine.Parley`.

May import: `retrieval.answering`, `retrieval.options`, `corpus` records (to read them),
`corpus.evaluation`, `retrieval.store` and `retrieval.okapi_check` (for `parley eval`,
`parley index`, `parley stats`), the standard library, prompt_toolkit and rich (terminal
input and text); discord only inside `bot.discord_bot`, which the CLI and REPL import
lazily. The only package that reads `config.toml` (`bot.settings`); it hands the core plain
values. Holds no retrieval or attribution logic: it renders what it is given.
"""
