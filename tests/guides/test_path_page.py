"""A path page lists its topics with their guides, and guides sitting directly under it."""

from tests.guides.factories import GuidePageFactory, PathPageFactory, TopicPageFactory


def test_a_path_lists_each_topic_with_its_live_guides(client, site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"])
    topic = TopicPageFactory(parent=path, title="Travail créatif")
    GuidePageFactory(parent=topic, title="Céder vos droits d'auteur")
    GuidePageFactory(parent=path, title="Facturer un client")

    response = client.get(path.url)

    assert response.status_code == 200
    assert [topic.title for topic in response.context["topics"]] == ["Travail créatif"]
    assert [g.title for g in response.context["topics"][0].guide_list] == [
        "Céder vos droits d'auteur"
    ]
    assert [guide.title for guide in response.context["guides"]] == ["Facturer un client"]


def test_a_path_still_answers_when_a_topic_is_unpublished_but_its_guides_are_live(
    client, site_tree
):
    path = PathPageFactory(parent=site_tree.home["fr"])
    topic = TopicPageFactory(parent=path, title="Travail créatif")
    GuidePageFactory(parent=topic, title="Céder vos droits d'auteur")
    # Wagtail unpublishes a page alone, not the pages below it.
    topic.unpublish()

    response = client.get(path.url)

    assert response.status_code == 200
    assert response.context["topics"] == []
    assert "Céder vos droits d'auteur" not in response.content.decode()
