"""`python -m bot`: the same as the `parley` command."""
import sys

from bot.cli import main

sys.exit(main())
