"""``python -m newsevents``: the command line, as the ``newsevents`` command."""
from .cli import main

main()
