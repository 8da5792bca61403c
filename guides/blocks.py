"""Blocks that make up a step-by-step guide."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import ParagraphBlock

from .video import embed_url_for


class StepBlock(blocks.StructBlock):
    """One numbered step of a guide: what to do, how, and an optional tip."""

    title = blocks.CharBlock(
        max_length=120, label=_("Title"), help_text=_("Start with a verb: 'Check your contract'.")
    )
    body = ParagraphBlock(
        label=_("What to do"), help_text=_("Say what to do, by when, and whom to ask.")
    )
    tip = blocks.TextBlock(
        required=False,
        label=_("Tip"),
        help_text=_("Optional 'Good to know' box: one or two short sentences."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "guides/blocks/step_block.html"


class VideoBlock(blocks.StructBlock):
    """A video tutorial hosted on YouTube or Vimeo, with its transcript.

    The external player only loads when the member asks for it, so nothing is requested from
    another host before that click.
    """

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    url = blocks.URLBlock(
        label=_("Address"),
        help_text=_("The address of the video on YouTube or Vimeo."),
    )
    duration = blocks.CharBlock(
        required=False, max_length=20, label=_("Duration"), help_text=_("For example '3 min'.")
    )
    transcript = ParagraphBlock(
        label=_("Transcript"),
        help_text=_("Everything the video says, for people who can't watch or hear it."),
    )

    def clean(self, value):
        value = super().clean(value)
        if embed_url_for(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Use the address of a YouTube or Vimeo video."))
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "guides/blocks/video_block.html"


class DownloadBlock(blocks.StructBlock):
    """A document members can download: a form, a checklist, a template."""

    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Description"),
        help_text=_("What the document is for, in a few words."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "guides/blocks/download_block.html"


class NeedBlock(blocks.CharBlock):
    """One thing a member needs at hand before starting a guide."""

    class Meta:
        icon = "tick"
        label = _("Thing you need")
