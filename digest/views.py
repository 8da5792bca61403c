"""Choosing the weekly e-mail, and stopping it from the link it carries.

Never kept by any cache: the settings page is one member's, and the stop page answers for one
token.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from directory.models import MemberProfile, Skill
from offices.models import OfficePage

from .forms import DigestForm
from .models import DigestSubscription


def initial_values(user, language, offices, skills):
    """The form's first answers: the member's subscription, else their directory profile, with
    office and skills taken in the language of the page (they may have been chosen in another)."""
    subscription = (
        DigestSubscription.objects.filter(user=user)
        .select_related("office")
        .prefetch_related("skills")
        .first()
    )
    if subscription is not None:
        chosen_office, chosen_skills = subscription.office, list(subscription.skills.all())
        initial = {"language": subscription.language}
    else:
        profile = (
            MemberProfile.objects.filter(user=user)
            .select_related("office", "trade")
            .prefetch_related("skills")
            .first()
        )
        chosen_office = profile.office if profile else None
        chosen_skills = [profile.trade, *profile.skills.all()] if profile else []
        initial = {"language": language}
    office_keys = {office.translation_key: office.pk for office in offices}
    skill_keys = {skill.translation_key: skill.pk for skill in skills}
    if chosen_office is not None:
        initial["office"] = office_keys.get(chosen_office.translation_key)
    initial["skills"] = [
        skill_keys[skill.translation_key]
        for skill in chosen_skills
        if skill is not None and skill.translation_key in skill_keys
    ]
    return subscription, initial


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def digest_settings(request):
    """Start the weekly e-mail, change what it holds, or stop it."""
    language = translation.get_language()
    offices = OfficePage.objects.live().filter(locale__language_code=language).order_by("title")
    skills = Skill.objects.filter(locale__language_code=language).order_by("kind", "name")
    if request.method == "POST" and request.POST.get("action") == "stop":
        DigestSubscription.objects.filter(user=request.user).delete()
        messages.success(
            request, _("The weekly e-mail is stopped. You can start it again here at any time.")
        )
        return redirect("digest:settings")
    subscription, initial = initial_values(request.user, language, list(offices), list(skills))
    form = DigestForm(request.POST or None, initial=initial, offices=offices, skills=skills)
    if request.method == "POST" and form.is_valid():
        form.save(request.user)
        messages.success(
            request,
            _("Saved. Your next weekly e-mail follows these choices.")
            if subscription
            else _("Done: you receive the weekly e-mail in each week with something new for you."),
        )
        return redirect("digest:settings")
    return render(
        request,
        "digest/settings.html",
        {"form": form, "subscription": subscription},
        status=400 if request.method == "POST" else 200,
    )


# Mail programs stop the e-mail by a POST of their own (RFC 8058), without the form's CSRF
# token. Safe: the unguessable token in the address is what proves the right to stop it, and a
# stop is all this view does.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def stop(request, token):
    """The e-mail's stop link: a page with one button (mail scanners follow links, so a GET
    stops nothing), and the POST of that button or of a mail program's own one-click button."""
    subscription = DigestSubscription.objects.filter(token=token).first()
    if subscription is None:
        return render(request, "digest/stopped.html", {"already": True}, status=404)
    if request.method == "POST":
        subscription.delete()
        return render(request, "digest/stopped.html", {"already": False})
    return render(request, "digest/stop.html")
