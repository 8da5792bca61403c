from django.urls import path

from . import clicks, views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="search_suggest"),
    path("search/click/", clicks.result_click, name="search_click"),
]
