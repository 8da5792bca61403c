from django.urls import path

from . import views

app_name = "opportunities"
urlpatterns = [
    path("opportunities/propose/", views.propose, name="propose"),
    path("opportunities/proposals/<int:page_id>/", views.proposal, name="proposal"),
    path(
        "opportunities/<int:page_id>/language-help/",
        views.offer_language_help,
        name="offer_language_help",
    ),
]
