"""Registering for a date of an event and cancelling it, and members proposing their own events
(never kept by any cache: they carry a person's name and the form's CSRF token)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from directory.models import Skill
from offices.models import OfficePage
from workflows.member_submissions import submitted_today

from .choices import RegistrationStatus
from .forms import EventProposalForm, RegistrationForm
from .models import AgendaPage, EventPage, Registration
from .proposals import propose_event
from .registration import AlreadyRegistered, cancel, register


def live_event(page_id):
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    # Its own language's page: the registration is kept in the language it is made in.
    if event.locale.language_code != translation.get_language():
        raise Http404("Event of another language")
    return event


@never_cache
@require_http_methods(["GET", "POST"])
def register_for_event(request, page_id):
    event = live_event(page_id)
    if not event.has_registration:
        raise Http404("No registration for this event")
    dates = event.next_occurrences()
    if not dates:
        raise Http404("No coming date")
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.get_full_name(), "email": request.user.email}
    if key := request.GET.get("date"):
        initial["date"] = key
    form = RegistrationForm(request.POST or None, dates=dates, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration = register(
                request,
                event,
                form.chosen_date,
                form.cleaned_data["name"],
                form.cleaned_data["email"],
            )
        except AlreadyRegistered:
            form.add_error("email", _("This address is already registered for this date."))
        else:
            return redirect("events:registration", registration.token)
    return render(
        request,
        "events/register.html",
        {"event": event, "form": form, "dates": event.with_places_left(dates)},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_detail(request, token):
    """What one registration says, and cancelling it: reached from the link in its e-mails."""
    registration = get_object_or_404(Registration, token=token)
    event = registration.event_in(translation.get_language())
    is_past = registration.starts_at <= timezone.now()
    if request.method == "POST" and not is_past:
        cancel(request, registration)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(event.url if event is not None else "/")
    position = None
    if registration.status == RegistrationStatus.WAITING:
        position = Registration.objects.filter(
            event_key=registration.event_key,
            starts_at=registration.starts_at,
            status=RegistrationStatus.WAITING,
            created_at__lte=registration.created_at,
        ).count()
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": event,
            "starts_at": timezone.localtime(registration.starts_at),
            "waiting_position": position,
            "is_past": is_past,
        },
        # A date that is over can no longer be cancelled: the form is gone, a post is refused.
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    """A signed-in member proposes a professional event for the agenda of their language."""
    language = translation.get_language()
    agenda = AgendaPage.objects.live().filter(locale__language_code=language).first()
    if agenda is None:
        raise Http404("No agenda in this language")
    form = EventProposalForm(
        request.POST or None,
        initial={"organiser_email": request.user.email},
        offices=OfficePage.objects.live().filter(locale=agenda.locale).order_by("title"),
        skills=Skill.objects.filter(locale=agenda.locale).order_by("kind", "name"),
    )
    if request.method == "POST" and submitted_today(EventPage, request.user):
        return render(request, "events/propose.html", {"form": form, "too_many": True}, status=429)
    if request.method == "POST" and form.is_valid():
        event = propose_event(
            agenda, request.user, trades=form.cleaned_data["trades"], **form.event_fields()
        )
        return redirect("events:proposal", event.pk)
    return render(
        request,
        "events/propose.html",
        {"form": form, "agenda": agenda},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
def proposal(request, page_id):
    """Where a member's proposal stands and, once it takes registrations, who is coming: the
    member organises it. Only its proposer sees it."""
    event = get_object_or_404(EventPage, pk=page_id, proposed_by=request.user)
    registrations = []
    if event.has_registration:
        registrations = Registration.objects.filter(event_key=event.translation_key).order_by(
            "starts_at", "-status", "created_at"
        )
    return render(request, "events/proposal.html", {"event": event, "registrations": registrations})
