"""The welcome booklet of an office: read on screen, printed from the browser, or as a PDF."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from guides.models import GuidePage, Level, PathPage
from portal.blocks import RICH_TEXT_FEATURES, BodyBlock
from portal.pages import public_pages
from portal.routing import PageRoutingMixin


class WelcomeBookletPage(RoutablePageMixin, PageRoutingMixin, Page):
    """An office's welcome booklet for new members, one edition a year: read, print, download."""

    edition_year = models.PositiveSmallIntegerField(
        verbose_name=_("edition year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year of this edition. Check the booklet and change it every year."),
    )
    welcome = RichTextField(
        verbose_name=_("welcome"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "A short word of welcome from the office team: who they are, what comes first."
        ),
    )
    cooperative = StreamField(
        BodyBlock(),
        verbose_name=_("how the cooperative works"),
        help_text=_(
            "The cooperative in plain words: who owns it, who does what, where the money goes."
        ),
    )
    taking_part = StreamField(
        BodyBlock(),
        verbose_name=_("taking part"),
        help_text=_(
            "How to take part: becoming a shareholder, the general assembly, working groups."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("edition_year"),
        FieldPanel("welcome"),
        FieldPanel("cooperative"),
        FieldPanel("taking_part"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("welcome"),
        index.SearchField("cooperative"),
        index.SearchField("taking_part"),
    ]
    override_translatable_fields = [SynchronizedField("edition_year")]

    parent_page_types = ["offices.OfficePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        db_table = "home_welcomebookletpage"
        verbose_name = _("welcome booklet")
        verbose_name_plural = _("welcome booklets")

    @property
    def full_title(self):
        """'Welcome booklet – Smart Brussels': each office's booklet has a title of its own."""
        return f"{self.title} – {self.get_parent().title}"

    def booklet_context(self):
        """What the booklet holds, on screen and in the PDF alike; nothing depends on the hour."""
        office = self.get_parent().specific
        facile = (
            PathPage.objects.live().filter(locale_id=self.locale_id, level=Level.FACILE).first()
        )
        guides = (
            list(public_pages(GuidePage.objects.live().descendant_of(facile)).order_by("path"))
            if facile
            else []
        )
        return {
            "office": office,
            "weekly_hours": office.weekly_hours(),
            "closures": office.upcoming_closures(timezone.localdate()),
            "services": office.localized_services(),
            "facile_path": facile,
            "facile_guides": guides,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.booklet_context())
        return context

    @path("pdf/")
    def pdf(self, request):
        # WeasyPrint loads Pango and its fonts: only in the processes that make a PDF.
        from ..booklet_pdf import booklet_pdf_response

        return booklet_pdf_response(self, request)
