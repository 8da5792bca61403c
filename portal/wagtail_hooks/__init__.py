"""Admin hooks of the site as a whole, one module per concern; Wagtail loads this package."""

from . import (  # noqa: F401
    admin_language,
    localize_guard,
    navigation,
    own_languages,
    roles,
    source_changes,
    translation_dashboard,
    translation_loop,
    translation_review,
    translator_safety,
)
