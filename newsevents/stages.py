"""Import the built-in stage modules so that each registers its stage."""
from . import dates, places, actors, quotes, events  # noqa: F401
