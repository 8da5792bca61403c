"""Registers the directory with Wagtail's admin: trades and skills, profiles, reports of abuse."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from workflows.permissions import LocalizedSnippetViewSet

from .models import AbuseReport, MemberProfile, Skill


class WrittenByMembersPolicy(ModelPermissionPolicy):
    """Staff review, unpublish and handle these; only members write them, from the public site."""

    def user_has_permission(self, user, action):
        if action in {"add", "copy"}:
            return False
        return super().user_has_permission(user, action)


class ReviewersOnlyMixin:
    """Refuses every view, the chooser's included, to staff holding no permission on the model.

    Wagtail's snippet chooser and a few workflow views check no model permission: without this
    any staff member could list members' profiles through them.
    """

    def dispatch(self, request, *args, **kwargs):
        policy = policy_registry.get_by_type(self.model)
        if not policy.user_has_any_permission(request.user, ["view", "change", "publish"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def for_reviewers_only(view_class):
    return type(view_class.__name__, (ReviewersOnlyMixin, view_class), {})


class ReviewersOnlyChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(for_reviewers_only(view_class), **kwargs)


class StaffReviewedViewSet(SnippetViewSet):
    chooser_viewset_class = ReviewersOnlyChooserViewSet

    def construct_view(self, view_class, **kwargs):
        # Every view, so that one Wagtail adds in an upgrade is covered too.
        return super().construct_view(for_reviewers_only(view_class), **kwargs)

    def register_permissions(self):
        # Ahead of the policy Wagtail would register for the model by itself.
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(
                self.model, WrittenByMembersPolicy(self.model), exact_class=True
            )
        super().register_permissions()


class SkillViewSet(LocalizedSnippetViewSet):
    model = Skill
    icon = "tag"
    menu_label = _("Trades and skills")
    list_display = ["name", "kind", "variants"]
    list_filter = ["locale", "kind"]
    search_fields = ["name", "variants"]


class MemberProfileViewSet(StaffReviewedViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = _("Member profiles")
    list_display = ["display_name", "city", "visibility", "hidden_as_stale", "updated_at"]
    list_filter = ["live", "visibility", "hidden_as_stale"]
    search_fields = ["display_name", "city"]


class AbuseReportViewSet(StaffReviewedViewSet):
    model = AbuseReport
    icon = "warning"
    menu_label = _("Reports of abuse")
    list_display = ["__str__", "reason", "reported_at", "handled"]
    list_filter = ["handled"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (MemberProfileViewSet, AbuseReportViewSet, SkillViewSet)
    menu_icon = "group"
    menu_label = _("Member directory")
    menu_name = "directory"
    menu_order = 250


register_snippet(DirectoryViewSetGroup)
