"""Permissions by language: the policy for translatable snippets and the viewset that applies it.

Wagtail grants page permissions per subtree, so each translators' group holds its own language's
home page (`workflows/roles.py`). Snippet permissions are per model only: `LocalizedSnippetViewSet`
adds the language, so a translator lists, edits and translates only the snippets of their own
language. Every translatable snippet registers through it (or through `localized_policy`).
Who works in which language is decided in `workflows/roles.py`.
"""

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from wagtail.models import PagePermissionTester, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import DeleteView, EditView, SnippetViewSet

from workflows.roles import MODERATORS, languages_of, locales_of, works_in


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


def in_own_languages(user, queryset):
    languages = languages_of(user)
    if languages is None:
        return queryset
    return queryset.filter(locale__language_code__in=languages)


class OwnLanguagesMixin:
    """Refuses (403) a snippet, or a `?locale=`, of a language the user does not work in.

    Mixed into every view of a `LocalizedSnippetViewSet` and of its chooser: history, usage,
    revisions, previews, copies... each fetches its object through `get_object`, and the views
    that make a new snippet take its language from `get_locale`.
    """

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if isinstance(instance, TranslatableMixin) and not works_in(
            self.request.user, instance.locale
        ):
            raise PermissionDenied
        return instance

    def get_locale(self):
        locale = super().get_locale()
        if locale is None or works_in(self.request.user, locale):
            return locale
        if "locale" in self.request.GET:
            raise PermissionDenied
        # No language asked for: the person's own rather than the site's default.
        return locales_of(self.request.user).order_by("pk").first()

    # The chooser's listing, and the objects it returns once chosen.
    def get_object_list(self):
        return in_own_languages(self.request.user, super().get_object_list())

    def get_objects(self, pks):
        return in_own_languages(self.request.user, super().get_objects(pks))


def in_own_languages_view(view_class):
    return type(view_class.__name__, (OwnLanguagesMixin, view_class), {})


class LocalizedSnippetChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser, offering only the snippets of the user's languages."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(in_own_languages_view(view_class), **kwargs)


class LocalizedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view respects the user's languages.

    Listings and choosers list only the snippets of the user's languages; every view of one
    snippet (edit, delete, history, usage, revisions...) refuses one of another language.
    """

    edit_view_class = LocalizedEditView
    delete_view_class = LocalizedDeleteView
    chooser_viewset_class = LocalizedSnippetChooserViewSet

    def construct_view(self, view_class, **kwargs):
        # Every view, so that one Wagtail adds in an upgrade is covered too.
        return super().construct_view(in_own_languages_view(view_class), **kwargs)

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


def is_moderated(page_or_class):
    """Whether pages of this type reach readers only through review (guides)."""
    model = page_or_class if isinstance(page_or_class, type) else page_or_class.specific_class
    return model is not None and model._meta.label in settings.MODERATED_PAGE_TYPES


def publishes_directly(user):
    """Whether `user` may publish a moderated page without review: moderators and administrators."""
    if user.is_superuser:
        return True
    if not hasattr(user, "_portal_publishes_directly"):
        user._portal_publishes_directly = user.groups.filter(name=MODERATORS).exists()
    return user._portal_publishes_directly


class ReviewedPagePermissionTester(PagePermissionTester):
    """Page permissions for a moderated page type: what changes readers see goes through review.

    Every Wagtail view asks the page's tester, so publishing, unpublishing, publishing a copy,
    reverting and publishing, unscheduling, bulk actions and deleting a live page are all refused to
    anyone but moderators and administrators, without a hook per view.
    """

    def can_publish(self):
        return super().can_publish() and publishes_directly(self.user)

    def can_unpublish(self):
        return super().can_unpublish() and publishes_directly(self.user)

    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        # Deleting a live guide takes it away from readers: an unpublication.
        if publishes_directly(self.user):
            return True
        return not self.page.get_descendants(inclusive=True).live().exists()
