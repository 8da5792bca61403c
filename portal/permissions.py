"""Permissions by language: the policy for translatable snippets and the viewset that applies it.

Wagtail grants page permissions per subtree, so each translators' group holds its own language's
home page (`portal/roles.py`). Snippet permissions are per model only: `LocalizedSnippetViewSet`
adds the language, so a translator lists, edits and translates only the snippets of their own
language. Every translatable snippet registers through it (or through `localized_policy`).
Who works in which language is decided in `portal/roles.py`.
"""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from portal.roles import languages_of, works_in


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to the languages the user works in."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and works_in(user, instance.locale)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        languages = languages_of(user)
        if languages is None:
            return instances
        return instances.filter(locale__language_code__in=languages)


def localized_policy(model):
    return LocalePermissionPolicy(model)


class LanguageCheckedMixin:
    """Refuses a snippet of a language the user does not work in, before any hook sees it."""

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.permission_required, instance
        ):
            raise PermissionDenied
        return instance


class LocalizedEditView(LanguageCheckedMixin, EditView):
    pass


class LocalizedDeleteView(LanguageCheckedMixin, DeleteView):
    pass


class LocalizedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose listing, editing and deleting respect the user's languages."""

    edit_view_class = LocalizedEditView
    delete_view_class = LocalizedDeleteView

    def register_permissions(self):
        # Registered before Wagtail would register its own language-blind fallback policy.
        if policy_registry.get_by_type(self.model, fallback=False) is None:
            register_permission_policy(self.model, localized_policy(self.model), exact_class=True)
        super().register_permissions()

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, ["add", "change", "delete", "view"]
        )


def may_change(user, instance):
    """Whether `user` may change `instance`, a page or a snippet, in its language, right now.

    Pages: Wagtail's page permissions (per subtree, so per language), then the lock: a page in
    review is locked for everyone but its reviewers. Snippets: the model's permission policy,
    which for translatable snippets is `LocalePermissionPolicy`; the language is checked again
    for a translatable model registered without it.
    """
    from wagtail.models import Page, TranslatableMixin

    if isinstance(instance, Page):
        instance = instance.specific_deferred
        if not instance.permissions_for_user(user).can_edit():
            return False
        lock = instance.get_lock()
        return lock is None or not lock.for_user(user)
    if isinstance(instance, TranslatableMixin) and not works_in(user, instance.locale):
        return False
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def may_change_translation(user, translation):
    """Whether `user` may change the target of a wagtail-localize `translation`.

    The person must work in the target language and may change the target page or snippet.
    A translation whose target does not exist yet, or was deleted, is nobody's to change here.
    """
    if not works_in(user, translation.target_locale):
        return False
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    return may_change(user, target)
