"""Which result members choose, counted without anything about who they are, and the reports
that show editors the results chosen low and the searches the portal may not answer.

Twelve French guides about the 'xylographe' and one each in Dutch and English, built once for
the module, so a search has a second page of results.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from search.models import SearchQueryLog, SearchResultClick
from tests.guides.factories import GuidePageFactory, PathPageFactory, step
from tests.home.factories import build_site_tree
from tests.workflows.factories import staff_user
from workflows.roles import COMMUNICATION

CHOSEN_LOW = "/admin/reports/searches/chosen-low/"
CANNOT_ANSWER = "/admin/reports/searches/cannot-answer/"


@pytest.fixture(scope="module")
def guides(shared_data):
    with shared_data():
        tree = build_site_tree()
        made = {}
        for language, word in [("fr", "xylographe"), ("nl", "houtgraveur"), ("en", "engraver")]:
            path = PathPageFactory(parent=tree.home[language])
            made[language] = [
                GuidePageFactory(
                    parent=path,
                    title=f"{word.capitalize()} {number}",
                    slug=f"{word}-{number}",
                    summary=f"{word} {number}",
                    steps=[step("Lire", f"<p>{word}</p>")],
                )
                for number in range(12 if language == "fr" else 1)
            ]
        yield made


def pings(html):
    """(position, parameters) of each result link's ping address."""
    found = []
    for link in html.select(".search-result__title a[ping]"):
        address = urlsplit(link["ping"])
        parameters = {key: values[0] for key, values in parse_qs(address.query).items()}
        found.append((address.path, parameters, link["href"]))
    return found


def click(client, language, query, position, to, kind="guide"):
    return client.post(
        f"/{language}/search/click/?" + f"q={query}&position={position}&kind={kind}&to={to}",
        data="PING",
        content_type="text/ping",
    )


@pytest.fixture
def reader(django_user_model):
    """Someone allowed to read the search reports, working in every language."""
    user = django_user_model.objects.create_user("comms", password="x-long-password-1")
    user.groups.add(Group.objects.get(name=COMMUNICATION))
    return user


def report_rows(client, url, **filters):
    html = BeautifulSoup(client.get(url, filters).content, "html.parser")
    return [
        [td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in html.select("tbody tr")
    ]


@pytest.mark.django_db
def test_result_links_ping_with_their_position_across_pages(client, guides):
    html = BeautifulSoup(
        client.get("/fr/search/", {"q": "xylographe", "page": 2}).content, "html.parser"
    )

    found = pings(html)
    assert [int(parameters["position"]) for _path, parameters, _href in found] == [11, 12]
    for path, parameters, href in found:
        assert path == "/fr/search/click/"
        assert parameters["q"] == "xylographe"
        assert parameters["kind"] == "guide"
        # The link itself goes straight to the result: nothing redirects through the portal.
        assert parameters["to"] == href


@pytest.mark.django_db
def test_a_click_is_counted_per_query_position_and_day(client, guides):
    client.get("/fr/search/", {"q": "Xylographe"})
    target = guides["fr"][4].url

    assert click(client, "fr", "xylographe", 5, target).status_code == 204
    assert click(client, "fr", "XYLOGRAPHE ", 5, target).status_code == 204

    row = SearchResultClick.objects.get()
    assert (row.query, row.language, row.position, row.path, row.kind, row.clicks) == (
        "xylographe",
        "fr",
        5,
        target,
        "guide",
        2,
    )


@pytest.mark.django_db
def test_nothing_about_who_clicked_is_kept():
    fields = {field.name for field in SearchResultClick._meta.get_fields()}

    assert fields == {"id", "query", "language", "day", "position", "kind", "path", "clicks"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "position", "to", "kind"),
    [
        ("xylographe", "5", "https://elsewhere.example/", "guide"),
        ("xylographe", "5", "//elsewhere.example/", "guide"),
        ("xylographe", "5", "javascript:alert(1)", "guide"),
        ("xylographe", "0", "/fr/", "guide"),
        ("xylographe", "1001", "/fr/", "guide"),
        ("xylographe", "cinq", "/fr/", "guide"),
        ("xylographe", "٥", "/fr/", "guide"),
        ("xylographe", "5", "/fr/", "spaceship"),
        ("", "5", "/fr/", "guide"),
        # Nobody searched for it: it can't be counted.
        ("never searched", "5", "/fr/", "guide"),
    ],
)
def test_a_click_that_is_not_a_result_of_a_search_is_refused(
    client, guides, query, position, to, kind
):
    client.get("/fr/search/", {"q": "xylographe"})

    response = click(client, "fr", query, position, to, kind)

    assert response.status_code == 400
    assert response.content.decode()
    assert not SearchResultClick.objects.exists()


@pytest.mark.django_db
def test_the_click_address_takes_posts_only(client, guides):
    assert (
        client.get("/fr/search/click/?q=xylographe&position=1&kind=guide&to=/fr/").status_code
        == 405
    )


@pytest.mark.django_db
def test_report_lists_searches_whose_chosen_result_sat_below_the_third(client, guides, reader):
    client.get("/fr/search/", {"q": "xylographe"})
    client.get("/en/search/", {"q": "engraver"})
    click(client, "fr", "xylographe", 5, guides["fr"][4].url)
    click(client, "fr", "xylographe", 1, guides["fr"][0].url)
    click(client, "en", "engraver", 1, guides["en"][0].url)
    client.force_login(reader)

    rows = report_rows(client, CHOSEN_LOW)

    assert rows == [["xylographe", "fr", "1", "1", "5"]]


@pytest.mark.django_db
def test_report_lists_searches_that_ended_on_we_may_not_have_the_answer(client, guides, reader):
    client.get("/nl/search/", {"q": "openingsuren houtgraveur in Namen"})
    client.get("/nl/search/", {"q": "openingsuren houtgraveur in Namen"})
    client.get("/nl/search/", {"q": "houtgraveur"})
    client.force_login(reader)

    rows = report_rows(client, CANNOT_ANSWER)

    assert rows == [["openingsuren houtgraveur in namen", "nl", "2", "2"]]
    assert SearchQueryLog.objects.get(query="houtgraveur").cannot_answer == 0


@pytest.mark.django_db
def test_editors_of_one_language_see_only_its_rows(client, guides):
    client.get("/fr/search/", {"q": "horaires xylographe à Namur"})
    client.get("/nl/search/", {"q": "openingsuren houtgraveur in Namen"})
    dutch_only = staff_user("translator", languages=["nl"])
    dutch_only.user_permissions.add(
        Permission.objects.get(codename="view_searchquerylog", content_type__app_label="search")
    )
    client.force_login(dutch_only)

    assert [row[1] for row in report_rows(client, CANNOT_ANSWER)] == ["nl"]


@pytest.mark.django_db
def test_the_reports_are_for_staff_allowed_to_read_searches(client, guides):
    client.force_login(staff_user("translator", languages=["fr"]))

    assert client.get(CHOSEN_LOW).status_code in (302, 403)
    assert client.get(CANNOT_ANSWER).status_code in (302, 403)
