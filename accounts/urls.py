from django.urls import path

from . import views

# Inside i18n_patterns: the member's pages, in their language.
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/demo/<int:pk>/", views.demo_sign_in, name="demo_sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
]
