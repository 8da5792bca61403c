"""Video tutorials load nothing from another host until the member asks for them."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StructBlockValidationError

from guides.blocks import VideoBlock
from guides.video import embed_url_for
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.translations.factories import translate


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
        ("https://www.youtube.com/watch?v=<script>", None),
    ],
)
def test_only_youtube_and_vimeo_addresses_become_players(url, embed):
    assert embed_url_for(url) == embed


def test_video_block_refuses_an_unsupported_address():
    block = VideoBlock()
    value = block.to_python(
        {"title": "Tuto", "url": "https://example.org/v", "duration": "", "transcript": "<p>Hi</p>"}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


@pytest.mark.django_db
def test_guide_with_video_shows_a_link_and_transcript_but_no_player(client, site_tree):
    path = PathPageFactory(parent=site_tree.home["fr"])
    translate(path, "en")
    guide = translate(GuidePageFactory(parent=path), "en")
    guide.video = [
        {
            "type": "video",
            "value": {
                "title": "Filing an expense claim",
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "duration": "3 min",
                "transcript": "<p>First, open your member space.</p>",
            },
        }
    ]
    guide.save_revision().publish()

    html = BeautifulSoup(client.get(guide.url).content, "html.parser")

    assert html.find("iframe") is None
    assert not [tag for tag in html.find_all(src=True) if tag["src"].startswith("http")]
    player = html.find(class_="video__player")
    assert player["data-embed-url"].startswith("https://www.youtube-nocookie.com/embed/")
    assert player.find("a")["href"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert (
        "First, open your member space." in html.select_one("details.video__transcript").get_text()
    )
