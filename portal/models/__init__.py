"""Models of the site as a whole, one module per concern.

Import them from their module (`portal.models.navigation`); this package only loads the modules so
that Django registers their models.
"""

from . import moderation, navigation  # noqa: F401
