"""Demo contacts: the contact page, the services, three offices with their hours and closures, and a
welcome booklet per office, from `content/offices.toml`.

Built by `DemoSiteBuilder` like the rest of the demo: French first, then Dutch and English as
wagtail-localize translations; a second run creates only what is missing.
"""

import datetime
import decimal

from offices.models import (
    ContactPage,
    OfficeClosure,
    OfficeHours,
    OfficePage,
    OfficeService,
    Service,
    WelcomeBookletPage,
)

from . import sources

OFFICE_TEXT_FIELDS = ["title", "slug", "intro", "street_address", "locality", "directions"]


def service_values(text):
    return {"name": text["name"], "handles": text["handles"], "how_to_reach": text["how_to_reach"]}


def booklet_values(text):
    def paragraphs(values):
        return [{"type": "paragraph", "value": value} for value in values]

    return {
        "title": text["title"],
        "slug": text["slug"],
        "welcome": text["welcome"],
        "cooperative": paragraphs(text["cooperative"]),
        "taking_part": paragraphs(text["taking_part"]),
    }


def office_values(item, language):
    """The office's text in `language`, with its closures' reasons: what translators translate."""
    values = {field: item[language][field] for field in OFFICE_TEXT_FIELDS}
    values["closures"] = [closure[language] for closure in item.get("closures", [])]
    return values


def build_offices(builder, home):
    """The contact page under `home`, its offices and their booklets, and the services."""
    text = sources.read("offices.toml")
    services = {
        item["key"]: builder.snippet(
            Service,
            "service",
            item,
            service_values,
            phone=item["phone"],
            email=item["email"],
            sort_order=position,
        )
        for position, item in enumerate(text["services"], start=1)
    }
    contact = builder.page(
        home, ContactPage, "page", "contact", text["contact"], sources.intro_page_values
    )
    for item in text["offices"]:
        office = office_page(builder, contact, item, services)
        booklet = {
            language: {**text["booklet"][language], "welcome": item[language]["welcome"]}
            for language in [sources.SOURCE_LANGUAGE, *sources.TARGET_LANGUAGES]
        }
        builder.page(
            office,
            WelcomeBookletPage,
            "booklet",
            item["key"],
            booklet,
            booklet_values,
            edition_year=text["booklet"]["edition_year"],
        )
    return contact


def office_page(builder, contact, item, services):
    key = sources.demo_key("office", item["key"])
    office = OfficePage.objects.filter(translation_key=key, locale=builder.source_locale).first()
    if office is None:
        source = item[sources.SOURCE_LANGUAGE]
        office = OfficePage(
            translation_key=key,
            locale=builder.source_locale,
            **{field: source[field] for field in OFFICE_TEXT_FIELDS},
            postal_code=item["postal_code"],
            # TOML reads them as floats: through their text, so 50.83 stays 50.83000.
            latitude=decimal.Decimal(str(item["latitude"])),
            longitude=decimal.Decimal(str(item["longitude"])),
            phone=item["phone"],
            email=item["email"],
            hours=[
                OfficeHours(
                    weekday=weekday,
                    opens=datetime.time.fromisoformat(opens),
                    closes=datetime.time.fromisoformat(closes),
                )
                for weekday, opens, closes in item["hours"]
            ],
            closures=[
                OfficeClosure(
                    translation_key=sources.demo_key(
                        "office-closure", f"{item['key']}:{closure['key']}"
                    ),
                    locale=builder.source_locale,
                    start_date=datetime.date.fromisoformat(closure["start"]),
                    end_date=datetime.date.fromisoformat(closure["end"]),
                    reason=closure[sources.SOURCE_LANGUAGE],
                )
                for closure in item.get("closures", [])
            ],
            services=[
                OfficeService(service=services[service], sort_order=position)
                for position, service in enumerate(item["services"])
            ],
        )
        contact.add_child(instance=office)
        office.save_revision().publish()
        builder.created += 1
    builder.translatables.append(
        (
            office,
            {
                language: office_values(item, language)
                for language in [sources.SOURCE_LANGUAGE, *sources.TARGET_LANGUAGES]
            },
        )
    )
    return office
