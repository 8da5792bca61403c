"""The actions of wagtail-localize's translation editor, with the main one safe for translators.

wagtail-localize's editor makes the last action it knows the main button: for a translator, who
may not publish, that is "Convert to alias page" or "Stop synced translation". The portal's
footer (portal/templates/wagtail_localize/admin/edit_translation.html) shows these actions
instead, the main one publishing or submitting for review.
"""

import json
from dataclasses import dataclass, field

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from translations.review import translation_of
from translations.translator_safety import may_convert_to_alias
from workflows.permissions import is_moderated, publishes_directly

register = template.Library()


@dataclass
class EditorAction:
    """One button of the editor's footer: a link, or a POST to `url` when `post`."""

    label: str
    url: str
    icon: str
    post: bool = False
    name: str = ""
    value: str = ""
    serious: bool = False
    new_tab: bool = False
    form_id: str = ""


@dataclass
class TranslationEditor:
    """The editor's props for wagtail-localize's script, and the footer's actions."""

    props: str
    primary: EditorAction | None = None
    secondary: list = field(default_factory=list)

    @property
    def post_actions(self):
        return [action for action in [self.primary, *self.secondary] if action and action.post]


def publishes_here(user, instance, perms):
    if not perms["canPublish"]:
        return False
    return not isinstance(instance, Page) or not is_moderated(instance) or publishes_directly(user)


@register.simple_tag(takes_context=True)
def translation_editor(context):
    request, instance = context["request"], context["instance"]
    user = request.user
    props = json.loads(context["props"])
    links, perms = props["links"], props["perms"]
    if links.get("convertToAliasUrl") and not may_convert_to_alias(user, instance):
        links["convertToAliasUrl"] = None

    editor = TranslationEditor(props=json.dumps(props, cls=DjangoJSONEncoder))
    if publishes_here(user, instance, perms):
        editor.primary = EditorAction(
            _("Publish in %(language)s") % {"language": props["locale"]["displayName"]},
            request.path,
            "upload",
            post=True,
            name="action",
            value="publish",
        )
    elif isinstance(instance, Page) and translation_of(instance) is not None:
        editor.primary = EditorAction(
            _("Submit the translation for review"),
            reverse("translations:submit_for_review", args=[instance.pk]),
            "resubmit",
        )

    secondary = editor.secondary
    modes = props["previewModes"]
    for mode in modes:
        label = _("Preview: %(mode)s") % {"mode": mode["label"]} if len(modes) > 1 else _("Preview")
        secondary.append(EditorAction(label, mode["url"], "view", new_tab=True))
    if perms["canUnpublish"]:
        secondary.append(EditorAction(_("Unpublish"), links["unpublishUrl"], "download"))
    if perms["canLock"] and not props["object"]["isLocked"]:
        secondary.append(EditorAction(_("Lock"), links["lockUrl"], "lock", post=True))
    if perms["canUnlock"] and props["object"]["isLocked"]:
        secondary.append(EditorAction(_("Unlock"), links["unlockUrl"], "lock-open", post=True))
    secondary.append(
        EditorAction(_("Stop synced translation"), links["stopTranslationUrl"], "cross")
    )
    if links.get("convertToAliasUrl"):
        secondary.append(
            EditorAction(
                _("Convert to alias page"),
                links["convertToAliasUrl"],
                "wagtail-localize-convert",
                serious=True,
            )
        )
    if perms["canDelete"]:
        secondary.append(EditorAction(_("Delete"), links["deleteUrl"], "bin", serious=True))
    for number, action in enumerate(editor.post_actions):
        action.form_id = f"translation-editor-action-{number}"
    return editor
