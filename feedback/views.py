"""The answer to 'Was this page helpful?'."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from guides.models import FAQPage, GuidePage
from portal.pages import public_pages

from .records import Rejected, record_feedback


@csrf_exempt  # Pages come from the shared page cache; feedback.records says what protects it.
@require_POST
def page_feedback(request, page_id):
    page = None
    for model in (GuidePage, FAQPage):
        page = public_pages(model.objects.live()).filter(pk=page_id).first()
        if page is not None:
            break
    if page is None:
        raise Http404
    try:
        record_feedback(page, request.POST, request.META.get("REMOTE_ADDR", ""))
        outcome = "thanks"
    except Rejected as rejected:
        outcome = rejected.reason
    return redirect(f"{page.url}?feedback={outcome}#feedback")
