"""`python -m bot`: the same as the `parley` command."""
import sys

from bot.cli import main

# Guarded: a build's worker processes ("spawn") import the main module again.
if __name__ == "__main__":
    sys.exit(main())
