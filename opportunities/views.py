"""Members proposing opportunities and offering help with a call's language (never kept by any
cache: they carry the form's CSRF token and who is signed in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from directory.models import Skill
from offices.models import OfficePage
from workflows.member_submissions import submitted_today

from .forms import LanguageHelpForm, OpportunityProposalForm
from .language_help import HelpRefused, check_may_offer, offer_help
from .models import OpportunityBoardPage, OpportunityPage
from .proposals import propose_opportunity


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    """A signed-in member proposes an opportunity for the board of their language."""
    language = translation.get_language()
    board = OpportunityBoardPage.objects.live().filter(locale__language_code=language).first()
    if board is None:
        raise Http404("No opportunities board in this language")
    form = OpportunityProposalForm(
        request.POST or None,
        initial={"contact_email": request.user.email, "call_language": language},
        offices=OfficePage.objects.live().filter(locale=board.locale).order_by("title"),
        skills=Skill.objects.filter(locale=board.locale).order_by("kind", "name"),
    )
    context = {"form": form, "board": board}
    if request.method == "POST" and submitted_today(OpportunityPage, request.user):
        return render(
            request, "opportunities/propose.html", {**context, "too_many": True}, status=429
        )
    if request.method == "POST" and form.is_valid():
        opportunity = propose_opportunity(
            board, request.user, skills=form.cleaned_data["skills"], **form.opportunity_fields()
        )
        return redirect("opportunities:proposal", opportunity.pk)
    return render(
        request,
        "opportunities/propose.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required
def proposal(request, page_id):
    """Where a member's proposal stands; only its proposer sees it."""
    opportunity = get_object_or_404(OpportunityPage, pk=page_id, proposed_by=request.user)
    return render(request, "opportunities/proposal.html", {"opportunity": opportunity})


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def offer_language_help(request, page_id):
    """A member who offered help with the call's language answers its call for help."""
    opportunity = get_object_or_404(
        OpportunityPage.objects.live().public(), pk=page_id, language_help_wanted=True
    )
    if opportunity.locale.language_code != translation.get_language():
        raise Http404("Opportunity of another language")
    refused = None
    try:
        check_may_offer(request.user, opportunity)
    except HelpRefused as reason:
        refused = reason
    form = LanguageHelpForm(request.POST or None)
    if request.method == "POST" and refused is None and form.is_valid():
        try:
            offer_help(request, request.user, opportunity, form.cleaned_data["message"])
        except HelpRefused as reason:
            refused = reason
        else:
            messages.success(request, _("Your offer is on its way. Thank you for helping."))
            return redirect(opportunity.url)
    status = 200
    if request.method == "POST":
        status = refused.status if refused else 400
    return render(
        request,
        "opportunities/offer_language_help.html",
        {"opportunity": opportunity, "form": form, "refused": refused},
        status=status,
    )
