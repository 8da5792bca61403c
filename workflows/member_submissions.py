"""Pages members submit from the public site (their events, their opportunities): a draft under
the right parent, sent into the pages' review workflow ("Moderators approval", which e-mails the
moderators), a few a day at most, with what may make it a duplicate for the moderator to check.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

# A member submits a few pages a day at most: more is a mistake, or spam for the moderators.
SUBMISSIONS_PER_DAY = 5


def unique_slug(parent, title, fallback):
    """A slug from `title` that none of `parent`'s children has yet."""
    base = slugify(title)[:60] or fallback
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def submit_for_review(parent, page, user):
    """Add `page` under `parent` as `user`'s draft and send it for review; the page."""
    page.live = False
    page.owner = user
    parent.add_child(instance=page)
    page.save_revision(user=user)
    workflow = page.get_workflow()
    # No review configured above the parent: the draft waits for an editor.
    if workflow is not None:
        workflow.start(page, user)
    return page


def submitted_today(model, user):
    """Whether `user` submitted their daily share of `model` pages in the last 24 hours."""
    since = timezone.now() - datetime.timedelta(days=1)
    sent = model.objects.filter(proposed_by=user, latest_revision_created_at__gte=since)
    return sent.count() >= SUBMISSIONS_PER_DAY


def title_starts_alike(title):
    """Pages whose title holds the first word of `title`, if it is long enough to tell."""
    first_word = next(iter(slugify(title).split("-")), "")
    return Q(title__icontains=first_word) if len(first_word) >= 4 else Q(pk__in=[])
