"""Registers roles, per-language rights and the review workflow with Wagtail's admin."""

from django.urls import include, path
from wagtail import hooks

from . import admin_language, admin_urls, own_languages, role_views


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    # Ahead of wagtail-localize's "translate this" forms, which these take over.
    return [path("", include(admin_urls, namespace="workflows"))]


# Workflow names in the staff member's language, then guides published through moderation.
hooks.register("construct_page_action_menu", admin_language.name_workflow_in_user_language)
hooks.register("before_edit_page", role_views.publish_guides_through_moderation)
hooks.register("before_create_page", role_views.publish_new_guides_through_moderation)
hooks.register("before_bulk_action", role_views.bulk_publish_guides_through_moderation)
hooks.register("construct_page_action_menu", role_views.hide_publish_on_guides)
# Staff work in their own languages.
hooks.register("construct_page_chooser_queryset", own_languages.choose_pages_of_own_languages)
hooks.register("before_move_page", own_languages.refuse_a_move_the_person_may_not_make)
