"""The directory as members use it: find members, read a profile, write to them, keep one's own.

Every response depends on who asks (members see more than visitors), so none is kept by a
shared cache (`never_cache`); the page cache only ever keeps Wagtail's pages.
"""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import machine_translation
from .choices import CONTENT_LANGUAGES, SPOKEN_LANGUAGES
from .consent import CONSENT_VERSION
from .editing import (
    STATUS_TEXT,
    draft_of,
    initial_values,
    moderator_comment,
    status_of,
    submit_profile,
)
from .erasure import erase_member_data, export_member_data
from .forms import MACHINE, MessageForm, ProfileForm, ReportForm
from .freshness import confirm
from .models import AbuseReport, ContactMessage, MemberProfile, Skill
from .moderation import alert_moderators_of_report
from .relay import RelayRefused, check_may_send, relay_message
from .search import find_profiles
from .visibility import profiles_visible_to, sees_whole_profiles, shown_profile
from .vocabulary import Vocabulary

PROFILES_PER_PAGE = 20
FILTERS = ["q", "trade", "skill", "city", "office", "language", "helps"]


def _language():
    return get_language()[:2]


def _filters(request, vocabulary):
    """The filters asked for, each checked against what may be chosen: anything else is dropped."""
    values = {name: request.GET.get(name, "").strip()[:100] for name in FILTERS}
    keys = {str(skill.translation_key): skill.kind for skill in vocabulary.skills}
    if keys.get(values["trade"]) != Skill.TRADE:
        values["trade"] = ""
    if keys.get(values["skill"]) != Skill.SKILL:
        values["skill"] = ""
    if values["office"] not in {str(office.translation_key) for office in vocabulary.offices}:
        values["office"] = ""
    if values["language"] not in dict(SPOKEN_LANGUAGES):
        values["language"] = ""
    if values["helps"] not in dict(CONTENT_LANGUAGES):
        values["helps"] = ""
    return values


@never_cache
def directory_index(request):
    """Browse and filter the members the visitor may see."""
    vocabulary = Vocabulary(_language())
    filters = _filters(request, vocabulary)
    profiles = find_profiles(
        request.user,
        query=filters["q"],
        trade=filters["trade"],
        skill=filters["skill"],
        city=filters["city"],
        office=filters["office"],
        language=filters["language"],
        helps=filters["helps"],
    )
    page = Paginator(profiles, PROFILES_PER_PAGE).get_page(request.GET.get("page"))
    whole = sees_whole_profiles(request.user)
    cities = (
        sorted(
            {
                city
                for city in profiles_visible_to(request.user)
                .exclude(city="")
                .values_list("city", flat=True)
                .distinct()
            },
            key=str.casefold,
        )
        if whole
        else []
    )
    return render(
        request,
        "directory/directory_index.html",
        {
            "page": page,
            "profiles": [shown_profile(p, request.user, vocabulary) for p in page.object_list],
            "filters": filters,
            "filtering": any(filters.values()),
            "trades": vocabulary.skills_of_kind(Skill.TRADE),
            "skills": vocabulary.skills_of_kind(Skill.SKILL),
            "offices": vocabulary.offices,
            "cities": cities,
            "spoken_languages": SPOKEN_LANGUAGES,
            "help_languages": CONTENT_LANGUAGES,
            "sees_whole_profiles": whole,
        },
    )


def _visible_profile(request, pk):
    """The profile if the visitor may see it; a 404 otherwise, so nothing tells it exists."""
    queryset = profiles_visible_to(request.user).select_related("trade", "office")
    return get_object_or_404(queryset.prefetch_related("skills", "bio_translations"), pk=pk)


@never_cache
def profile_detail(request, pk):
    profile = _visible_profile(request, pk)
    vocabulary = Vocabulary(_language())
    return render(
        request,
        "directory/profile_detail.html",
        {
            "shown": shown_profile(profile, request.user, vocabulary),
            "is_own": profile.user_id == request.user.pk,
        },
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def write_to_member(request, pk):
    profile = _visible_profile(request, pk)
    shown = shown_profile(profile, request.user, Vocabulary(_language()))
    refused = None
    try:
        check_may_send(request.user, profile)
    except RelayRefused as reason:
        refused = str(reason)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and refused is None and form.is_valid():
        try:
            relay_message(request, request.user, profile, form.cleaned_data["body"])
        except RelayRefused as reason:
            refused = str(reason)
        else:
            messages.success(
                request,
                _("Your message is on its way to %(name)s.") % {"name": profile.display_name},
            )
            return redirect("directory:profile", pk=profile.pk)
    status = 429 if refused and request.method == "POST" else 200
    if request.method == "POST" and not form.is_valid():
        status = 400
    return render(
        request,
        "directory/write_to_member.html",
        {"shown": shown, "form": form, "refused": refused},
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report_profile(request, pk):
    profile = _visible_profile(request, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = AbuseReport.objects.create(
            profile=profile, reported_by=request.user, reason=form.cleaned_data["reason"]
        )
        alert_moderators_of_report(request, report)
        messages.success(request, _("Thank you. A moderator will look into it."))
        return redirect("directory:profile", pk=profile.pk)
    return render(
        request,
        "directory/report.html",
        {"form": form, "about": profile.display_name},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def report_message(request, pk):
    """The recipient of a relayed message reports it; nobody else can."""
    message = get_object_or_404(
        ContactMessage.objects.select_related("recipient"), pk=pk, recipient__user=request.user
    )
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = AbuseReport.objects.create(
            message=message, reported_by=request.user, reason=form.cleaned_data["reason"]
        )
        alert_moderators_of_report(request, report)
        messages.success(request, _("Thank you. A moderator will look into it."))
        return redirect("directory:my_profile")
    return render(
        request,
        "directory/report.html",
        {"form": form, "message_reported": message},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
def my_profile(request):
    profile = MemberProfile.objects.filter(user=request.user).first()
    context = {"profile": profile}
    if profile is not None:
        # Read once: the status and the moderator's comment both look at the review in progress.
        profile._current_workflow_states = list(
            profile.workflow_states.active().select_related("current_task_state__task")
        )
        status = status_of(profile)
        context.update(
            status=status,
            status_text=STATUS_TEXT[status],
            moderator_comment=moderator_comment(profile),
            shown=shown_profile(draft_of(profile), request.user, Vocabulary(_language())),
            consent_version=CONSENT_VERSION,
        )
    return render(request, "directory/my_profile.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    language = _language()
    profile = MemberProfile.objects.filter(user=request.user).first()
    draft = draft_of(profile) if profile else MemberProfile(user=request.user)
    needs_consent = profile is None
    if request.method == "POST" and request.POST.get("machine_translate"):
        return _with_machine_translation(request, language, needs_consent)
    form = ProfileForm(
        request.POST or None,
        initial=initial_values(draft, language),
        language=language,
        needs_consent=needs_consent,
    )
    if request.method == "POST":
        if form.is_valid():
            submit_profile(request.user, form, language)
            messages.success(
                request,
                _(
                    "Thank you. A moderator will check your profile, "
                    "usually within two working days."
                ),
            )
            return redirect("directory:my_profile")
        status = 400
    else:
        status = 200
    return render(
        request,
        "directory/edit_profile.html",
        _edit_context(form, needs_consent),
        status=status,
    )


def _edit_context(form, needs_consent):
    return {
        "form": form,
        "needs_consent": needs_consent,
        "machine_translation": machine_translation.is_available(),
    }


def _with_machine_translation(request, language, needs_consent):
    """The form as the member filled it, with 'about me' machine-translated into one language."""
    target = request.POST["machine_translate"]
    source = request.POST.get("bio_language", "")
    if target not in dict(CONTENT_LANGUAGES) or source not in dict(CONTENT_LANGUAGES):
        return HttpResponseBadRequest(_("Choose one of the portal's languages."))
    data = request.POST.copy()
    translated = machine_translation.translate_bio(data.get("bio", ""), source, target)
    if translated is None:
        messages.warning(
            request,
            _("The machine translation is not available just now. You can write it yourself."),
        )
    else:
        data[f"bio_{target}"] = translated
        data[f"bio_{target}_origin"] = MACHINE
        data[f"bio_{target}_checked"] = ""
    # Shown again, unsaved, for the member to read: an unbound form, so no error shows yet.
    form = ProfileForm(language=language, needs_consent=needs_consent)
    form.initial = {
        name: data.getlist(name)
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField))
        else data.get(name)
        for name, field in form.fields.items()
    }
    return render(request, "directory/edit_profile.html", _edit_context(form, needs_consent))


@never_cache
@login_required
def export_data(request):
    data = export_member_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-directory-data.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def erase_data(request):
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, _("Tick the box to confirm, or go back to keep your profile."))
            return render(request, "directory/erase_data.html", status=400)
        erase_member_data(request.user)
        messages.success(request, _("Your profile and your messages are erased."))
        return redirect("directory:my_profile")
    return render(request, "directory/erase_data.html")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def confirm_profile(request):
    profile = MemberProfile.objects.filter(user=request.user).first()
    if profile is None:
        raise Http404
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer == "keep":
            confirm(profile)
            messages.success(request, _("Thank you: your profile stays listed for another year."))
            return redirect("directory:my_profile")
        if answer == "edit":
            confirm(profile)
            return redirect("directory:edit_profile")
        if answer == "erase":
            return redirect("directory:erase_data")
        return render(request, "directory/confirm_profile.html", {"profile": profile}, status=400)
    return render(request, "directory/confirm_profile.html", {"profile": profile})
