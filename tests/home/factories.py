"""Factories for the home page of each language and the mission statement, and the site tree.

`build_site_tree()` makes what every page of the site hangs from: the French home page as the
default site's root page, and its Dutch and English translations (the `site_tree` fixture).
"""

from dataclasses import dataclass

import factory
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from home.models import HomePage, MissionPage
from tests.portal.factories import PageFactory
from tests.translations.factories import translate

HOME_TEXT = {
    "fr": {
        "title": "Accueil",
        "slug": "accueil",
        "lead": "Le portail des membres de Smart : trouvez la réponse à vos questions pas à pas.",
    },
    "nl": {
        "title": "Startpagina",
        "slug": "startpagina",
        "lead": "Het ledenportaal van Smart: vind stap voor stap het antwoord op uw vragen.",
    },
    "en": {
        "title": "Home",
        "slug": "home",
        "lead": "The Smart members' portal: find the answer to your questions step by step.",
    },
}


class HomePageFactory(PageFactory):
    """A home page under the tree's root; `build_site_tree` makes the site's own."""

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = HOME_TEXT["fr"]["title"]
    slug = HOME_TEXT["fr"]["slug"]
    lead = HOME_TEXT["fr"]["lead"]

    class Meta:
        model = HomePage


class MissionPageFactory(PageFactory):
    title = "Notre mission"
    slug = "notre-mission"
    lead = "Smart aide les travailleurs autonomes à exercer leur activité en sécurité."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": "Qui nous sommes"},
            {
                "type": "paragraph",
                "value": "<p>Une coopérative qui appartient à ses membres.</p>",
            },
        ]
    )
    show_in_menus = True

    class Meta:
        model = MissionPage


@dataclass
class SiteTree:
    """The default site and its home page in each language: `home["fr"]`, `home["nl"]`, …"""

    site: Site
    home: dict


def build_site_tree():
    """The French home page as the default site's root, with its Dutch and English translations.

    Where a fixture built them already (data shared by a module), the same pages are returned.
    """
    site = Site.objects.get(is_default_site=True)
    if issubclass(site.root_page.specific_class, HomePage):
        home = site.root_page.specific
        translations = home.get_translations(inclusive=True).specific()
        homes = {page.locale.language_code: page for page in translations}
        return SiteTree(site=site, home={language: homes[language] for language in HOME_TEXT})
    home = HomePageFactory()
    welcome = site.root_page
    site.root_page = home
    site.site_name = "Smart"
    site.save()
    # Wagtail's installer leaves a "Welcome" page where the home page belongs.
    if welcome.content_type == ContentType.objects.get_for_model(Page):
        welcome.delete()
    homes = {"fr": home}
    for language in ["nl", "en"]:
        strings = {HOME_TEXT["fr"][field]: HOME_TEXT[language][field] for field in HOME_TEXT["fr"]}
        homes[language] = translate(home, language, strings=strings)
    return SiteTree(site=site, home=homes)
