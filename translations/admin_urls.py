"""The translation loop's admin URLs, under the `translations` namespace.

Several take over wagtail-localize's own addresses (the hook registers them ahead of Wagtail's and
wagtail-localize's, `order=-1`): the same URLs, guarded by the person's languages and rights.
"""

from django.urls import path
from wagtail_localize.views import edit_translation

from portal.admin_reports import report_urls

from .dashboard import StartTranslationView, TranslationDashboardView
from .localize_guard import (
    SnippetsInOwnLanguagesAPIViewSet,
    TranslationsReportInOwnLanguagesView,
    translation_checked,
)
from .review import SubmitTranslationForReviewView
from .sync_view import SyncTranslationsView
from .translator_safety import ConvertToAliasView, RestartTranslationView, StopTranslationView

app_name = "translations"

TRANSLATE = "localize/translate/<int:translation_id>/"
snippets_listing = SnippetsInOwnLanguagesAPIViewSet.as_view({"get": "list"})
snippet_detail = SnippetsInOwnLanguagesAPIViewSet.as_view({"get": "retrieve"})

urlpatterns = [
    # Publishing and syncing (wagtail-localize's "Update translations").
    path("localize/update/<int:translation_source_id>/", SyncTranslationsView.as_view()),
    # The translation editor's own actions, each for the person's languages only.
    path(
        f"{TRANSLATE}strings/<int:string_segment_id>/edit/",
        translation_checked(edit_translation.edit_string_translation),
    ),
    path(
        f"{TRANSLATE}overrides/<int:overridable_segment_id>/edit/",
        translation_checked(edit_translation.edit_override),
    ),
    path(f"{TRANSLATE}pofile/download/", translation_checked(edit_translation.download_pofile)),
    path(f"{TRANSLATE}pofile/upload/", translation_checked(edit_translation.upload_pofile)),
    path(f"{TRANSLATE}machine_translate/", translation_checked(edit_translation.machine_translate)),
    path(f"{TRANSLATE}preview/", translation_checked(edit_translation.preview_translation)),
    path(
        f"{TRANSLATE}preview/<str:mode>/",
        translation_checked(edit_translation.preview_translation),
    ),
    path(f"{TRANSLATE}disable/", StopTranslationView.as_view()),
    path("localize/api/snippets/<slug:app_label>/<slug:model_name>/", snippets_listing),
    path("localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/", snippet_detail),
    path("localize/reports/translations/", TranslationsReportInOwnLanguagesView.as_view()),
    path(
        "localize/reports/translations/results/",
        TranslationsReportInOwnLanguagesView.as_view(results_only=True),
    ),
    path("localize/page/<int:page_id>/convert_to_alias/", ConvertToAliasView.as_view()),
    # The project's own views.
    path(
        "translation-sync/<int:translation_id>/restart/",
        RestartTranslationView.as_view(),
        name="restart",
    ),
    path(
        "translation-review/<int:page_id>/",
        SubmitTranslationForReviewView.as_view(),
        name="submit_for_review",
    ),
    *report_urls("translations/", TranslationDashboardView, "dashboard"),
    path(
        "translations/start/<int:content_type_id>/<int:pk>/<str:language>/",
        StartTranslationView.as_view(),
        name="start",
    ),
]
