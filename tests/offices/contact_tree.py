"""The contact page, three services and three offices (Brussels open all afternoon, Antwerp and
Liège closing earlier), built in French and translated into Dutch and English through
wagtail-localize, as editors and translators make them. `tests/offices/conftest.py` builds it
once per test module that asks for it.
"""

from zoneinfo import ZoneInfo

from offices.models import OfficeService
from tests.home.factories import build_site_tree
from tests.offices.factories import (
    ContactPageFactory,
    OfficePageFactory,
    ServiceFactory,
    opening_hours,
)
from tests.translations.factories import translate

BRUSSELS = ZoneInfo("Europe/Brussels")
LANGUAGES = ["fr", "nl", "en"]
OFFICES = ["brussels", "antwerp", "liege"]

# Each service in French, then its Dutch and English text; the offices that handle it.
SERVICES = {
    "members-desk": {
        "fr": (
            "Accueil des membres",
            "Vous inscrire, prendre votre premier rendez-vous.",
            "Par téléphone pendant les heures de bureau.",
        ),
        "nl": (
            "Ledenonthaal",
            "U inschrijven, uw eerste afspraak maken.",
            "Telefonisch tijdens de kantooruren.",
        ),
        "en": (
            "Members' desk",
            "Signing up, booking your first appointment.",
            "By phone during office hours.",
        ),
        "phone": "+32 2 000 10 00",
        "email": "members@example.org",
    },
    "billing": {
        "fr": (
            "Facturation",
            "Vos factures et les rappels aux clients qui tardent à payer.",
            "Par e-mail, avec le numéro de la facture.",
        ),
        "nl": (
            "Facturatie",
            "Uw facturen en herinneringen aan klanten die laat betalen.",
            "Per e-mail, met het factuurnummer.",
        ),
        "en": (
            "Invoicing",
            "Your invoices and reminders to clients who pay late.",
            "By e-mail, with the invoice number.",
        ),
        "phone": "+32 2 000 10 20",
        "email": "billing@example.org",
    },
    "cooperative-life": {
        "fr": (
            "Vie coopérative",
            "Devenir sociétaire, l'assemblée générale.",
            "Par e-mail, ou lors d'une séance d'accueil.",
        ),
        "nl": (
            "Coöperatief leven",
            "Vennoot worden, de algemene vergadering.",
            "Per e-mail, of tijdens een onthaalsessie.",
        ),
        "en": (
            "Cooperative life",
            "Becoming a shareholder, the general assembly.",
            "By e-mail, or at a welcome session.",
        ),
        "phone": "+32 2 000 10 50",
        "email": "cooperative@example.org",
    },
}


def mornings(weekdays, opens="09:00"):
    return [opening_hours(weekday, opens, "12:30") for weekday in weekdays]


def afternoons(weekdays, closes):
    return [opening_hours(weekday, "13:30", closes) for weekday in weekdays]


# Brussels is open every weekday afternoon until 17:00; Antwerp and Liège close at 16:30, and
# on Wednesdays they open in the morning only.
OFFICE_PAGES = {
    "brussels": {
        "titles": {"fr": "Smart Bruxelles", "nl": "Smart Brussel", "en": "Smart Brussels"},
        "street_address": "Rue des Coopérateurs 70",
        "phone": "+32 2 000 12 34",
        "email": "brussels@example.org",
        "hours": mornings(range(5)) + afternoons(range(5), "17:00"),
        "services": ["members-desk", "billing", "cooperative-life"],
    },
    "antwerp": {
        "titles": {"fr": "Smart Anvers", "nl": "Smart Antwerpen", "en": "Smart Antwerp"},
        "street_address": "Ateliersstraat 5",
        "phone": "+32 3 000 45 67",
        "email": "antwerp@example.org",
        "hours": mornings(range(5)) + afternoons([0, 1, 3], "16:30"),
        "services": ["members-desk", "billing"],
    },
    "liege": {
        "titles": {"fr": "Smart Liège", "nl": "Smart Luik", "en": "Smart Liège"},
        "street_address": "Quai des Artisans 8",
        "phone": "+32 4 000 78 90",
        "email": "liege@example.org",
        "hours": mornings(range(4), opens="09:30") + afternoons([0, 1, 3], "16:30"),
        "services": ["members-desk", "cooperative-life"],
    },
}


def translated_text(french, translated):
    return dict(zip(french, translated, strict=True))


def build_contact_tree():
    """{"tree": the site tree, "pages": {language: {"contact" or an office's key: its page}}}."""
    tree = build_site_tree()
    services = {}
    for position, (key, text) in enumerate(SERVICES.items(), start=1):
        name, handles, how_to_reach = text["fr"]
        service = ServiceFactory(
            name=name,
            handles=handles,
            how_to_reach=how_to_reach,
            phone=text["phone"],
            email=text["email"],
            sort_order=position,
        )
        # Services before the offices that point at them, as translators must.
        for language in ["nl", "en"]:
            translate(service, language, translated_text(text["fr"], text[language]))
        services[key] = service
    contact = ContactPageFactory(parent=tree.home["fr"])
    offices = {}
    for key, text in OFFICE_PAGES.items():
        offices[key] = OfficePageFactory(
            parent=contact,
            title=text["titles"]["fr"],
            street_address=text["street_address"],
            phone=text["phone"],
            email=text["email"],
            hours=text["hours"],
            services=[OfficeService(service=services[name]) for name in text["services"]],
        )
    pages = {"fr": {"contact": contact, **offices}}
    for language in ["nl", "en"]:
        pages[language] = {"contact": translate(contact, language)}
        for key, office in offices.items():
            titles = OFFICE_PAGES[key]["titles"]
            street_address = OFFICE_PAGES[key]["street_address"]
            pages[language][key] = translate(
                office,
                language,
                {titles["fr"]: titles[language], street_address: street_address},
            )
    return {"tree": tree, "pages": pages}
