"""No address or query string a visitor can type gives a 500: NUL bytes, control characters,
very long strings and broken percent-encodings get a 400 or a 404 at worst.

PostgreSQL refuses text holding NUL, so a NUL reaching any query would fail the request. The
addresses are real pages: the French home page, a Dutch guide, the English news listing and the
search.
"""

from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.home.factories import build_site_tree
from tests.news.factories import NewsIndexPageFactory
from tests.translations.factories import translate

# Text as typed (any character, NUL included), raw bytes that are not UTF-8, and long strings.
typed = st.text(max_size=40).map(lambda text: quote(text, safe=""))
broken = st.binary(max_size=20).map(quote_from_bytes)
long = st.text(alphabet="aé/-%", min_size=1000, max_size=3000).map(quote)
fragment = st.one_of(typed, broken, long, st.sampled_from(["%00", "%", "%zz", "%c3%28", "..%2f"]))


@pytest.fixture(scope="module")
def public_addresses(guide, shared_data):
    """Beside the guide of tests/security/conftest.py, a news listing; rolled back with it."""
    with shared_data():
        homes = build_site_tree().home
        news = NewsIndexPageFactory(parent=homes["fr"])
        yield {
            "home": homes["fr"].url,
            "guide": guide["nl"].url,
            "news": translate(news, "en").url,
            "search": "/fr/search/",
        }


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    target=st.sampled_from(["home", "guide", "news", "search"]),
    segment=fragment,
    parameter=st.sampled_from(["q", "tag", "page", "x"]),
    value=fragment,
)
def test_public_views_never_answer_500(public_addresses, target, segment, parameter, value):
    client = Client(raise_request_exception=False)
    base = public_addresses[target]

    for address in (f"{base}{segment}/", f"{base}?{parameter}={value}"):
        response = client.get(address)
        assert response.status_code < 500, address


@pytest.mark.django_db
@pytest.mark.parametrize("address", ["/fr/%00/", "/fr/search/?q=%00", "/en/?tag=a%00b"])
def test_nul_bytes_get_a_plain_bad_request(client, public_addresses, address):
    assert client.get(address).status_code == 400
