"""The workflows app's admin URLs, under the `workflows` namespace.

They take over wagtail-localize's "translate this" forms (the hook registers them ahead,
`order=-1`), so a translator can only ask for translations into their own languages.
"""

from django.urls import path

from .role_views import (
    SubmitPageTranslationInOwnLanguagesView,
    SubmitSnippetTranslationInOwnLanguagesView,
)

app_name = "workflows"

urlpatterns = [
    path(
        "localize/submit/page/<int:page_id>/",
        SubmitPageTranslationInOwnLanguagesView.as_view(),
    ),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        SubmitSnippetTranslationInOwnLanguagesView.as_view(),
    ),
]
