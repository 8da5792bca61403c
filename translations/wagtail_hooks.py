"""Registers the translation loop with Wagtail's admin; the behaviour lives in its own modules."""

from django.urls import include, path
from wagtail import hooks

from . import (
    admin_urls,
    dashboard,
    loop,
    review,
    source_change_views,
    translator_safety,
)


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Ahead of wagtail-localize's URLs, some of which these take over (translations.admin_urls).
    return [path("", include(admin_urls, namespace="translations"))]


hooks.register("register_admin_menu_item", dashboard.register_translation_dashboard_menu_item)
# Publish and sync, save and sync.
hooks.register("register_page_action_menu_item", loop.register_publish_and_sync_menu_item)
hooks.register("after_publish_page", loop.sync_after_publishing)
hooks.register("register_snippet_action_menu_item", loop.register_save_and_sync_menu_item)
hooks.register("after_edit_snippet", loop.sync_after_saving_snippet)
# Submitting a translation for review.
hooks.register("register_page_listing_more_buttons", review.review_buttons)
hooks.register("register_page_header_buttons", review.review_buttons)
# What a translator must confirm before losing work.
hooks.register(
    "before_edit_page", translator_safety.ask_before_restarting_page_translation, order=-1
)
hooks.register(
    "before_edit_snippet", translator_safety.ask_before_restarting_snippet_translation, order=-1
)
hooks.register("construct_page_action_menu", translator_safety.keep_localize_actions_secondary)
# Deleting or moving a source page: what becomes of its translations.
hooks.register("before_delete_page", source_change_views.check_translations_to_delete)
hooks.register("after_delete_page", source_change_views.delete_or_keep_translations)
hooks.register("before_move_page", source_change_views.check_translations_choice)
hooks.register("after_move_page", source_change_views.move_or_keep_translations)
