"""What a member sees on the search page, read through the real view."""

from bs4 import BeautifulSoup


def result_titles(client, language, query):
    """The titles of the results listed for `query` on the `language` search page, in order."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    # French puts a narrow no-break space before "?" and ":".
    return [
        a.get_text(" ", strip=True).replace("\u202f", " ")
        for a in html.select(".search-result__title a")
    ]


def search_page(client, language, query):
    """The `language` search page for `query`, parsed."""
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def result_links(html):
    """The links of the results listed on a parsed search page, in order."""
    return [a["href"] for a in html.select(".search-result__title a")]


def search_notice(html):
    """The text of the notice saying which spelling or words were searched, or ""."""
    found = html.select_one(".search-notice")
    return found.get_text() if found else ""
