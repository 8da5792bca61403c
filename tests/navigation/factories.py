"""Factories for the header menu and the footer, with links in StreamField's raw form.

`SiteNavigationFactory(links=[menu_link(guide, "Facturer")])`,
`SiteFooterFactory(link_groups=[footer_group("Aide", [(contact, "Contact")])])`. Both are French by
default; `translate(menu, "nl")` makes the Dutch one.
"""

import uuid

import factory

from navigation.models import SiteFooter, SiteNavigation


def menu_link(page, label):
    """One link of the main menu."""
    return {"type": "link", "value": {"page": page.pk, "label": label}}


def footer_group(heading, links):
    """A titled group of footer links from (page, label) pairs."""
    return {
        "type": "group",
        "value": {
            "heading": heading,
            # List items with their own ids, as the editor saves them: wagtail-localize matches
            # a translated label to its item by id.
            "links": [
                {
                    "type": "item",
                    "value": {"page": page.pk, "label": label},
                    "id": str(uuid.uuid4()),
                }
                for page, label in links
            ],
        },
    }


class SiteNavigationFactory(factory.django.DjangoModelFactory):
    links = factory.LazyFunction(list)

    class Meta:
        model = SiteNavigation


class SiteFooterFactory(factory.django.DjangoModelFactory):
    about = "Smart est une coopérative au service des travailleurs autonomes."
    help_note = "Une question ? Appelez-nous du lundi au vendredi, de 9 h à 17 h."
    link_groups = factory.LazyFunction(list)

    class Meta:
        model = SiteFooter
