"""Site navigation and footer that editors and translators manage.

Both are snippets with one object per language: the French one is the source, the Dutch and
English ones are its wagtail-localize translations. Links choose a page, shown in the reader's
language when the header and footer are built (`navigation/templatetags/navigation_tags.py`): a link
follows its page into every language even where a translator left the French page in place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin


class NavigationLinkBlock(blocks.StructBlock):
    """One link of the header menu or of a footer group, to a page of the site."""

    page = blocks.PageChooserBlock(
        label=_("Page"),
        help_text=_("Choose the page in French: readers get it in their own language."),
    )
    # Required: an empty label would still be a segment for translators to fill in.
    label = blocks.CharBlock(
        max_length=60, label=_("Label"), help_text=_("A short name for the link.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


class FooterLinkGroupBlock(blocks.StructBlock):
    """A titled list of links in the footer."""

    heading = blocks.CharBlock(
        max_length=60, label=_("Heading"), help_text=_("The title above the links.")
    )
    links = blocks.ListBlock(NavigationLinkBlock(), label=_("Links"))

    class Meta:
        icon = "list-ul"
        label = _("Group of links")


class SiteNavigation(TranslatableMixin, models.Model):
    """The main menu at the top of every page, one per language."""

    links = StreamField(
        [("link", NavigationLinkBlock())],
        verbose_name=_("links"),
        blank=True,
        help_text=_("The links of the main menu, in the order shown. Keep it to six or fewer."),
    )

    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page behind the 'Contact' link at the top of every page, next to the languages. "
            "Choose the page in French: readers get it in their own language."
        ),
    )

    panels = [FieldPanel("links"), FieldPanel("contact_page")]

    class Meta(TranslatableMixin.Meta):
        db_table = "portal_sitenavigation"
        verbose_name = _("main menu")
        verbose_name_plural = _("main menus")

    def __str__(self):
        return _("Main menu (%(language)s)") % {"language": self.locale.get_display_name()}


class SiteFooter(TranslatableMixin, models.Model):
    """The footer at the bottom of every page, one per language."""

    about = models.TextField(
        verbose_name=_("about"),
        max_length=400,
        help_text=_("Two sentences at most on who we are, shown first in the footer."),
    )
    help_note = models.TextField(
        verbose_name=_("help note"),
        blank=True,
        max_length=400,
        help_text=_("Where members get help. Leave empty to leave it out."),
    )
    link_groups = StreamField(
        [("group", FooterLinkGroupBlock())],
        verbose_name=_("link groups"),
        blank=True,
        help_text=_("Groups of links, each under its own title."),
    )

    panels = [FieldPanel("about"), FieldPanel("help_note"), FieldPanel("link_groups")]

    class Meta(TranslatableMixin.Meta):
        db_table = "portal_sitefooter"
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return _("Footer (%(language)s)") % {"language": self.locale.get_display_name()}


# Every page of every language shows them: a change drops the whole page cache, and with it the
# menu and footer kept per language (they are keyed on the page cache's generation).
