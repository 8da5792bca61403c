"""Signing in and out, as members see it: a page that explains, the provider, and back."""

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .demo_members import demo_members


def home_url():
    return f"/{get_language()[:2]}/"


def safe_next(request, value):
    """`value` if it is an address on this site, else the home page of the language."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return home_url()


def sign_in_available():
    return bool(settings.OIDC_RP_CLIENT_ID)


@never_cache
def sign_in(request):
    next_url = safe_next(request, request.GET.get("next"))
    if request.user.is_authenticated:
        return HttpResponseRedirect(next_url)
    demo = settings.DEMO_MEMBER_SIGN_IN
    return render(
        request,
        "accounts/sign_in.html",
        {
            "next_url": next_url,
            "available": sign_in_available(),
            "provider_url": reverse("oidc_authentication_init"),
            "demo_members": list(demo_members()) if demo else [],
        },
    )


@never_cache
@require_POST
def demo_sign_in(request, pk):
    """Development only: sign in as a demo member, no provider needed (`make run`)."""
    if not settings.DEMO_MEMBER_SIGN_IN:
        raise Http404
    member = get_object_or_404(demo_members(), pk=pk)
    login(request, member, backend="django.contrib.auth.backends.ModelBackend")
    return HttpResponseRedirect(safe_next(request, request.POST.get("next")))


@require_POST
def sign_out(request):
    logout(request)
    return HttpResponseRedirect(home_url())
