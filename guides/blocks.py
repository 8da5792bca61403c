"""Blocks that make up a step-by-step guide."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from portal.blocks import ParagraphBlock

from .video import embed_url_for

SENTENCE_END = ".!?…:;"


def as_sentence(text):
    """`text` ending as a sentence does. The search index joins a page's parts with commas, and
    its excerpts would read 'Your registration done, The details of your client'."""
    text = text.strip()
    return text if not text or text[-1] in SENTENCE_END else text + "."


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

    def get_searchable_content(self, value):
        title, *rest = super().get_searchable_content(value)
        return [as_sentence(title), *(text for text in rest if text)]

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "guides/blocks/step_block.html"


# Formats current browsers play without a plug-in, and the captions format they read.
VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTIONS_EXTENSION = "vtt"


class VideoBlock(blocks.StructBlock):
    """A video tutorial, as a file on the portal or on YouTube or Vimeo, with its transcript.

    A file on the portal plays in the page, with its captions, and asks nothing of another host.
    An external player only loads when the member asks for it, so nothing is requested from
    another host before that click.
    """

    title = blocks.CharBlock(max_length=120, label=_("Title"))
    video_file = DocumentChooserBlock(
        required=False,
        label=_("Video file"),
        help_text=_("An MP4 or WebM file from the documents. Give this or an address, not both."),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Captions"),
        help_text=_(
            "The captions of the video file, as a WebVTT (.vtt) file in the language of this page."
        ),
    )
    poster = ImageChooserBlock(
        required=False,
        label=_("Cover image"),
        help_text=_("Shown before the video file plays. Optional."),
    )
    url = blocks.URLBlock(
        required=False,
        label=_("Address"),
        help_text=_("The address of the video on YouTube or Vimeo, if it is not a file."),
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
        video_file, captions, url = value["video_file"], value["captions"], value["url"]
        errors = {}
        if video_file:
            if url:
                errors["url"] = _("Give a video file or an address, not both.")
            if video_file.file_extension.lower() not in VIDEO_EXTENSIONS:
                errors["video_file"] = _("The video file must be an MP4 or WebM file.")
            # Members who can't hear the video need them (WCAG 1.2.2).
            if not captions:
                errors["captions"] = _("Add the captions of the video file, as a .vtt file.")
            elif captions.file_extension.lower() != CAPTIONS_EXTENSION:
                errors["captions"] = _("The captions must be a WebVTT file, ending in .vtt.")
        else:
            if not url:
                errors["video_file"] = _(
                    "Choose a video file, or give the address of a YouTube or Vimeo video."
                )
            elif embed_url_for(url) is None:
                errors["url"] = _("Use the address of a YouTube or Vimeo video.")
            for name in ("captions", "poster"):
                if value[name]:
                    errors[name] = _(
                        "This goes with a video file only: YouTube and Vimeo show their own."
                    )
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
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

    def get_searchable_content(self, value):
        return [as_sentence(text) for text in super().get_searchable_content(value)]

    class Meta:
        icon = "tick"
        label = _("Thing you need")
