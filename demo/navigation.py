"""The demo site's main menu and footer, from `content/navigation.toml`.

The French menu and footer are created here; `DemoSiteBuilder.translate_all` then makes the Dutch
and English ones as wagtail-localize translations, like every other demo snippet. A link to a page
the demo site doesn't have (the contact page, before it exists) is left out.
"""

import uuid

from wagtail.models import Page

from navigation.models import SiteFooter, SiteNavigation

from .sources import SOURCE_LANGUAGE, TARGET_LANGUAGES, demo_key, read


def linked_pages(builder, links):
    """(position, French page) for every link whose page exists."""

    found = []
    for position, link in enumerate(links):
        page = Page.objects.filter(
            translation_key=demo_key(link["kind"], link["key"]), locale=builder.source_locale
        ).first()
        if page is not None:
            found.append((position, page))
    return found


def link_values(pages, labels):
    return [
        {"type": "link", "value": {"page": page.pk, "label": labels[position]}}
        for position, page in pages
    ]


def label_text(pages, labels):
    """Only the labels: the text translators see for the links."""
    return [{"label": labels[position]} for position, _page in pages]


def build_site_navigation(builder):
    """Create the French menu and footer (unless they exist) and queue their translations."""

    languages = [SOURCE_LANGUAGE, *TARGET_LANGUAGES]
    text = read("navigation.toml")
    menu, footer = text["menu"], text["footer"]

    menu_pages = linked_pages(builder, menu["links"])
    navigation = SiteNavigation.objects.filter(
        translation_key=demo_key("navigation", "menu"), locale=builder.source_locale
    ).first()
    if navigation is None:
        contact = linked_pages(builder, [menu["contact"]])
        navigation = SiteNavigation.objects.create(
            translation_key=demo_key("navigation", "menu"),
            locale=builder.source_locale,
            links=link_values(menu_pages, menu[SOURCE_LANGUAGE]["labels"]),
            contact_page=contact[0][1] if contact else None,
        )
        builder.created += 1
    builder.translatables.append(
        (
            navigation,
            {code: {"links": label_text(menu_pages, menu[code]["labels"])} for code in languages},
        )
    )

    footer_pages = linked_pages(builder, footer["links"])
    site_footer = SiteFooter.objects.filter(
        translation_key=demo_key("navigation", "footer"), locale=builder.source_locale
    ).first()
    if site_footer is None:
        french = footer[SOURCE_LANGUAGE]
        site_footer = SiteFooter.objects.create(
            translation_key=demo_key("navigation", "footer"),
            locale=builder.source_locale,
            about=french["about"],
            help_note=french["help_note"],
            link_groups=[
                {
                    "type": "group",
                    "value": {
                        "heading": french["heading"],
                        # ListBlock items with their own ids, as the editor saves them: an
                        # item without one gets a new id on every read, and wagtail-localize
                        # could not match its translated label to it.
                        "links": [
                            {"type": "item", "value": link["value"], "id": str(uuid.uuid4())}
                            for link in link_values(footer_pages, french["labels"])
                        ],
                    },
                }
            ],
        )
        builder.created += 1
    builder.translatables.append(
        (
            site_footer,
            {
                code: {
                    "about": footer[code]["about"],
                    "help_note": footer[code]["help_note"],
                    "link_groups": [
                        {
                            "heading": footer[code]["heading"],
                            "links": label_text(footer_pages, footer[code]["labels"]),
                        }
                    ],
                }
                for code in languages
            },
        )
    )
