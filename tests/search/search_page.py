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
