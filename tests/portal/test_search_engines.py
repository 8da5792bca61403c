"""What search engines read, over every address of the sitemap, with the public address set as
in production: canonical links, reciprocal hreflang with x-default, no local address anywhere,
structured data with the properties search engines need, unique titles, previews; robots.txt.

The rules hold over the site as editors fill it, so the module is marked `demo_site`.
"""

import json
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.checks import Warning as CheckWarning
from wagtail.models import Page

from portal.checks import check_public_address
from portal.pages import current_pages
from tests.pages import LANGUAGES

pytestmark = pytest.mark.demo_site

PUBLIC = "https://portal.example.org"
LOCAL_ADDRESSES = ("localhost", "127.0.0.1", "testserver")
# The structured data each page type carries, besides the breadcrumb trail below home.
TYPE_DATA = {
    "GuidePage": "HowTo",
    "NewsPage": "NewsArticle",
    "FAQPage": "FAQPage",
    "OfficePage": "LocalBusiness",
}


@pytest.fixture
def production_address(settings):
    settings.PUBLIC_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    return {"HTTP_HOST": "portal.example.org", "secure": True}


def read_sitemap(client, request_options):
    response = client.get("/sitemap.xml", **request_options)
    assert response.status_code == 200
    entries = {}
    for url in BeautifulSoup(response.content, "xml").find_all("url"):
        alternates = {link["hreflang"]: link["href"] for link in url.find_all("link")}
        entries[url.find("loc").text] = alternates
    return entries


def required_properties_missing(data):
    """The properties a search engine needs that `data` (one JSON-LD object) lacks."""
    kind = data.get("@type")
    missing = [name for name in ("@context", "@type") if not data.get(name)]
    needs = {
        "BreadcrumbList": ["itemListElement"],
        "NewsArticle": [
            "headline",
            "datePublished",
            "dateModified",
            "author",
            "image",
            "publisher",
        ],
        "HowTo": ["name", "step"],
        "FAQPage": ["mainEntity"],
        "LocalBusiness": ["name", "address", "telephone", "geo", "image", "url"],
    }.get(kind, [])
    missing += [name for name in needs if not data.get(name)]
    if kind == "BreadcrumbList":
        for item in data.get("itemListElement", []):
            if not (item.get("position") and item.get("name") and item.get("item")):
                missing.append(f"itemListElement {item}")
    if kind == "HowTo":
        missing += [
            f"step {step}" for step in data["step"] if not (step.get("name") and step.get("text"))
        ]
    if kind == "FAQPage":
        missing += [
            f"question {question.get('name')}"
            for question in data["mainEntity"]
            if not (question.get("name") and question.get("acceptedAnswer", {}).get("text"))
        ]
    if kind == "LocalBusiness":
        geo = data.get("geo", {})
        if not (isinstance(geo.get("latitude"), float) and isinstance(geo.get("longitude"), float)):
            missing.append("geo coordinates")
    if kind == "NewsArticle" and not data.get("author", {}).get("name"):
        missing.append("author name")
    return missing


def absolute_addresses(data):
    """Every address-like string in `data`."""
    if isinstance(data, dict):
        for value in data.values():
            yield from absolute_addresses(value)
    elif isinstance(data, list):
        for value in data:
            yield from absolute_addresses(value)
    elif isinstance(data, str) and data.startswith(("http://", "https://")):
        yield data


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sitemap_address_is_ready_for_search_engines(client, production_address, language):
    sitemap = read_sitemap(client, production_address)
    addresses = [loc for loc in sitemap if urlsplit(loc).path.startswith(f"/{language}/")]
    # Pages that ran out (a closed call) are left out on purpose: they ask not to be indexed.
    live = current_pages(
        Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    )
    assert len(addresses) == live.count() >= 30

    titles = Counter()
    found_types = Counter()
    problems = []
    for loc in addresses:
        assert loc.startswith(PUBLIC + "/"), loc
        response = client.get(urlsplit(loc).path, **production_address)
        assert response.status_code == 200, loc
        text = response.content.decode()
        html = BeautifulSoup(text, "html.parser")
        for local in LOCAL_ADDRESSES:
            if local in text:
                problems.append(f"{loc}: names {local}")

        canonical = [link["href"] for link in html.select('link[rel="canonical"]')]
        if canonical != [loc]:
            problems.append(f"{loc}: canonical {canonical}")
        hreflang = {
            link["hreflang"]: link["href"]
            for link in html.select('link[rel="alternate"][hreflang]')
        }
        if hreflang.pop("x-default", None) != PUBLIC + "/":
            problems.append(f"{loc}: no x-default to {PUBLIC}/")
        if hreflang != sitemap[loc]:
            problems.append(f"{loc}: hreflang {hreflang} but the sitemap says {sitemap[loc]}")
        for code, other in hreflang.items():
            # Reciprocal: the other language's page names this one back.
            if sitemap.get(other, {}).get(language) != loc:
                problems.append(f"{loc}: {code} version {other} does not link back")

        titles[html.title.get_text(strip=True)] += 1
        description = html.select_one('meta[name="description"]')["content"]
        if not description.strip():
            problems.append(f"{loc}: no description")
        og = {tag["property"]: tag["content"] for tag in html.select("meta[property^='og:']")}
        if og.get("og:url") != loc or not og.get("og:image", "").startswith(PUBLIC + "/"):
            problems.append(f"{loc}: Open Graph {og}")

        blocks = [
            json.loads(script.string)
            for script in html.select('script[type="application/ld+json"]')
        ]
        kinds = {block["@type"] for block in blocks}
        found_types.update(kinds)
        depth = urlsplit(loc).path.strip("/").count("/") + 1
        if depth > 1 and "BreadcrumbList" not in kinds:
            problems.append(f"{loc}: no BreadcrumbList")
        for block in blocks:
            missing = required_properties_missing(block)
            if missing:
                problems.append(f"{loc}: {block['@type']} lacks {missing}")
            wrong = [
                url
                for url in absolute_addresses(block)
                if not url.startswith(("https://schema.org", PUBLIC))
            ]
            if wrong:
                problems.append(f"{loc}: {block['@type']} links {wrong}")

    page_types = Counter(page.specific_class.__name__ for page in live)
    for page_type, data_type in TYPE_DATA.items():
        if page_types[page_type]:
            assert found_types[data_type] == page_types[page_type], (page_type, found_types)
    duplicates = {title: count for title, count in titles.items() if count > 1}
    assert not problems, "\n".join(problems)
    assert duplicates == {}
    print(
        f"{language}: {len(addresses)} pages crawled; structured data found and validated: "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(found_types.items()))
        + f"; duplicate titles: {len(duplicates)}"
    )


@pytest.mark.django_db
def test_robots_txt_opens_the_site_closes_admin_and_search_and_names_the_sitemap(
    client, production_address
):
    response = client.get("/robots.txt", **production_address)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    rules = defaultdict(list)
    for line in lines:
        if ":" in line:
            name, value = line.split(":", 1)
            rules[name].append(value.strip())
    assert set(rules["Disallow"]) == {"/admin/", "/fr/search/", "/nl/search/", "/en/search/"}
    assert rules["Allow"] == ["/"]
    assert rules["Sitemap"] == [f"{PUBLIC}/sitemap.xml"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_result_pages_ask_not_to_be_indexed(client, production_address, language):
    response = client.get(f"/{language}/search/", {"q": "smart"}, **production_address)

    robots = BeautifulSoup(response.content, "html.parser").select_one('meta[name="robots"]')
    assert robots["content"] == "noindex, follow"


def test_production_check_warns_without_a_public_address_or_with_a_local_one(settings):
    settings.PUBLIC_URL = ""
    assert [warning.id for warning in check_public_address(None)] == ["portal.W010"]
    settings.PUBLIC_URL = "http://localhost:8000"
    warnings = check_public_address(None)
    assert [warning.id for warning in warnings] == ["portal.W011"]
    assert isinstance(warnings[0], CheckWarning)
    settings.PUBLIC_URL = PUBLIC
    assert check_public_address(None) == []
