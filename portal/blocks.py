"""StreamField blocks shared by several page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    """A section heading inside a page body, shown as a level-2 title."""

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/streamfield/heading_block.html"
        help_text = _("A short title that starts a new section.")


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: paragraphs, lists, links and bold words."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/streamfield/paragraph_block.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted box for a deadline, a warning or a tip members must not miss."""

    kind = blocks.ChoiceBlock(
        choices=[("info", _("Good to know")), ("warning", _("Important"))],
        default="info",
        label=_("Kind"),
        help_text=_("'Important' is for deadlines and things that cost money if missed."),
    )
    text = ParagraphBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Highlighted box")
        template = "components/streamfield/callout_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/figure_block.html"


class BodyBlock(blocks.StreamBlock):
    """The free-form body of news items and the mission statement."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    callout = CalloutBlock()
    figure = FigureBlock()
