"""Whatever a member types, search answers with results or a clear message, never a 500."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = st.sampled_from(
    [
        "",
        " ",
        "&",
        "|",
        "!",
        ":",
        "*",
        "(",
        ")",
        "'",
        '"',
        "\\",
        "%",
        "_",
        "--",
        ";",
        "' OR 1=1 --",
        "{{ 7*7 }}",
        "{% debug %}",
        "<b>",
        "\x00",
        "\x1f",
        "é",
        "ß",
        "😀",
    ]
)
QUERIES = st.one_of(
    st.text(max_size=60),
    st.lists(NASTY, max_size=8).map("".join),
    st.text(min_size=190, max_size=5000),
)

hypothesis_settings = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@hypothesis_settings
@given(query=QUERIES, page=st.one_of(st.none(), st.text(max_size=6)), kind=st.text(max_size=8))
def test_search_page_never_fails(client, query, page, kind):
    params = {"q": query, "type": kind}
    if page is not None:
        params["page"] = page
    response = client.get("/fr/search/", params)

    assert response.status_code in {200, 400}
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("script", src=False, string=lambda text: text and "7*7" in text) is None
    if response.status_code == 400:
        # Refused with words a person can read: the search form's message, or the error page.
        assert html.select_one(".form-error") or html.find("h1")


@pytest.mark.django_db
@hypothesis_settings
@given(query=QUERIES)
def test_suggest_endpoint_never_fails(client, query):
    response = client.get("/nl/search/suggest/", {"q": query})

    assert response.status_code in {200, 400}
    if response["Content-Type"].startswith("application/json"):
        body = response.json()
        assert "suggestions" in body or "error" in body
    else:
        assert response.status_code == 400 and response.content.strip()
