"""The `{% page_feedback %}` form: 'Was this page helpful?' at the end of guides and the FAQ."""

from django import template

from feedback.models import PageFeedback
from feedback.records import HONEYPOT_FIELD, feedback_token

register = template.Library()
OUTCOMES = {"thanks", "error", "expired"}


@register.inclusion_tag("feedback/components/page_feedback.html", takes_context=True)
def page_feedback(context):
    page = context["page"]
    request = context.get("request")
    outcome = request.GET.get("feedback") if request is not None else None
    return {
        "page": page,
        "outcome": outcome if outcome in OUTCOMES else None,
        "token": feedback_token(page),
        "honeypot": HONEYPOT_FIELD,
        "max_length": PageFeedback.COMMENT_MAX_LENGTH,
    }
