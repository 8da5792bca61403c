"""Admin hooks of the site as a whole, one module per concern; Wagtail loads this package."""

from . import navigation, roles, translation_dashboard, translation_loop  # noqa: F401
