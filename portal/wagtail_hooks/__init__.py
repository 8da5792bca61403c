"""Admin hooks of the site as a whole, one module per concern; Wagtail loads this package."""

from . import (  # noqa: F401
    navigation,
    roles,
    translation_dashboard,
    translation_loop,
    translation_review,
)
