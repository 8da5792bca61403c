"""Template tags that show the workflow's and its task's names in the admin language."""

from django import template
from django.contrib.humanize.templatetags.humanize import naturaltime
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def workflow_status_in_language(workflow_state):
    """Wagtail's `workflow_status_with_date`, with the task's name translated."""
    task_state = workflow_state.current_task_state
    if workflow_state.status == "needs_changes":
        return _("Changes requested %(finished_at)s") % {
            "finished_at": naturaltime(task_state.finished_at)
        }
    values = {
        "task_name": _(task_state.task.name),
        "started_at": naturaltime(task_state.started_at),
        "status_display": workflow_state.get_status_display(),
    }
    if workflow_state.status == "in_progress":
        return _("Sent to %(task_name)s %(started_at)s") % values
    return _("%(status_display)s %(task_name)s %(started_at)s") % values
