"""'Did you mean' learns a new guide's words as soon as the guide is published."""

from search.spelling import suggest_spelling
from tests.guides.factories import GuidePageFactory, PathPageFactory


def test_a_word_of_a_guide_published_a_moment_ago_is_suggested(
    site_tree, locales, django_capture_on_commit_callbacks
):
    path = PathPageFactory(parent=site_tree.home["fr"])
    assert suggest_spelling("intermitance", locales["fr"]) is None

    # Publishing commits, and the commit moves the content on for every process.
    with django_capture_on_commit_callbacks(execute=True):
        GuidePageFactory(parent=path, title="Comprendre l'intermittence du spectacle")

    assert suggest_spelling("intermitance", locales["fr"]) == "intermittence"
