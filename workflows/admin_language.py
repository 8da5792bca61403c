"""The workflow's and its task's names in the staff member's admin language.

The workflow and its task are database rows named in English by workflows/roles.py, which marks the
names for translation; Wagtail shows the stored name. The page action menu's "Submit to …" item is
relabelled here; templates under portal/templates/wagtailadmin/ translate the names where Wagtail's
templates show them (status side panel, workflow history, dashboard, workflow reports).
"""

from django.utils.translation import gettext as _
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem


class SubmitInLanguageMenuItem(SubmitForModerationMenuItem):
    """Wagtail's "Submit to …" item, naming the workflow or the task in the user's language."""

    def get_context_data(self, parent_context):
        # Wagtail's own label is built from the English names: start from the generic item's.
        context = ActionMenuItem.get_context_data(self, parent_context)
        page = context.get("page")
        workflow_state = page.current_workflow_state if page else None
        if workflow_state and workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            task_name = _(workflow_state.current_task_state.task.name)
            context["label"] = _("Resubmit to %(task_name)s") % {"task_name": task_name}
            return context
        workflow_page = page if page and page.pk else context["parent_page"]
        workflow = workflow_page.get_workflow()
        if workflow:
            context["label"] = _("Submit to %(workflow_name)s") % {
                "workflow_name": _(workflow.name)
            }
        return context


def name_workflow_in_user_language(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if item.name == "action-submit" and type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitInLanguageMenuItem(order=item.order)
