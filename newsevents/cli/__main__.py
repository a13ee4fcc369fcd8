"""``python -m newsevents.cli``: the command line."""
from . import main

main()
