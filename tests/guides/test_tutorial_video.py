"""Tutorial videos kept on the portal itself: the video block's rules, the page's HTML5 player
with captions in the page's language and the transcript, and no request to another host.

One guide with a video file, built once for the module in French and translated into Dutch and
English, each translation showing the video, captions and cover image of its own language.
"""

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from guides.blocks import VideoBlock
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

LANGUAGES = ["fr", "nl", "en"]
CAPTIONS_LABELS = {"fr": "Français", "nl": "Nederlands", "en": "English"}
TRANSCRIPTS = {
    "fr": "Ouvrez votre espace membre et créez un nouveau contrat.",
    "nl": "Open uw ledenruimte en maak een nieuw contract aan.",
    "en": "Open your member space and create a new contract.",
}
YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def document(name, content=b"not really a video"):
    return get_document_model().objects.create(title=name, file=ContentFile(content, name=name))


def cover_image(name):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (640, 360), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=name, file=ContentFile(buffer.getvalue(), name))


def hosted_video(files, transcript):
    """A guide's video tutorial as a file on the portal, in StreamField's raw form."""
    return {
        "type": "video",
        "value": {
            "title": "Votre premier contrat",
            "video_file": files["video"].pk,
            "captions": files["captions"].pk,
            "poster": files["poster"].pk,
            "url": "",
            "duration": "1 min",
            "transcript": f"<p>{transcript}</p>",
        },
    }


@dataclass
class Tutorial:
    guides: dict  # language: GuidePage
    files: dict  # language: {"video", "captions", "poster"}


@pytest.fixture(scope="module")
def tutorial(shared_data):
    with shared_data():
        tree = build_site_tree()
        files = {
            language: {
                "video": document(f"premier-contrat.{language}.mp4"),
                "captions": document(f"premier-contrat.{language}.vtt", b"WEBVTT\n"),
                "poster": cover_image(f"premier-contrat.{language}.png"),
            }
            for language in LANGUAGES
        }
        path = PathPageFactory(parent=tree.home["fr"])
        guides = {
            "fr": GuidePageFactory(
                parent=path, video=[hosted_video(files["fr"], TRANSCRIPTS["fr"])]
            )
        }
        for language in ["nl", "en"]:
            translate(path, language)
            guide = translate(guides["fr"], language)
            # As a translator does: the video, captions and cover image of the language.
            guide.video = [hosted_video(files[language], TRANSCRIPTS[language])]
            guide.save_revision().publish()
            guides[language] = guide
        yield Tutorial(guides=guides, files=files)


# --- The block's rules --------------------------------------------------------------------------
@pytest.fixture
def uploads(db):
    return {
        name: document(name)
        for name in ["tuto.mp4", "tuto.webm", "tuto.vtt", "tuto.srt", "tuto.pdf", "TUTO.MP4"]
    }


def cleaned(**fields):
    block = VideoBlock()
    value = {"title": "Tuto", "duration": "", "transcript": "<p>Ce que dit la vidéo.</p>"}
    value.update({name: getattr(upload, "pk", upload) for name, upload in fields.items()})
    return block.clean(block.to_python(value))


def errors_of(**fields):
    """The messages an editor working in English gets (the French and Dutch are in locale/)."""
    with translation.override("en"), pytest.raises(StructBlockValidationError) as refused:
        cleaned(**fields)
    with translation.override("en"):
        return {name: error.messages for name, error in refused.value.block_errors.items()}


@pytest.mark.parametrize(
    ("video", "captions"), [("tuto.mp4", "tuto.vtt"), ("tuto.webm", "tuto.vtt")]
)
def test_a_video_file_with_its_captions_is_accepted(uploads, video, captions):
    value = cleaned(video_file=uploads[video], captions=uploads[captions])

    assert value["video_file"] == uploads[video]
    assert value["url"] == ""


def test_an_upper_case_extension_is_accepted(uploads):
    assert cleaned(video_file=uploads["TUTO.MP4"], captions=uploads["tuto.vtt"])


def test_a_youtube_address_alone_is_still_accepted(db):
    assert cleaned(url=YOUTUBE)["url"] == YOUTUBE


def test_a_video_needs_a_file_or_an_address(db):
    assert errors_of() == {
        "video_file": ["Choose a video file, or give the address of a YouTube or Vimeo video."]
    }


def test_a_video_cannot_have_both_a_file_and_an_address(uploads):
    errors = errors_of(video_file=uploads["tuto.mp4"], captions=uploads["tuto.vtt"], url=YOUTUBE)

    assert errors == {"url": ["Give a video file or an address, not both."]}


def test_a_video_file_needs_its_captions(uploads):
    assert errors_of(video_file=uploads["tuto.mp4"]) == {
        "captions": ["Add the captions of the video file, as a .vtt file."]
    }


@pytest.mark.parametrize("video", ["tuto.pdf", "tuto.vtt"])
def test_a_video_file_must_be_mp4_or_webm(uploads, video):
    errors = errors_of(video_file=uploads[video], captions=uploads["tuto.vtt"])

    assert errors == {"video_file": ["The video file must be an MP4 or WebM file."]}


@pytest.mark.parametrize("captions", ["tuto.srt", "tuto.pdf", "tuto.mp4"])
def test_captions_must_be_webvtt(uploads, captions):
    errors = errors_of(video_file=uploads["tuto.mp4"], captions=uploads[captions])

    assert errors == {"captions": ["The captions must be a WebVTT file, ending in .vtt."]}


def test_captions_and_cover_image_go_with_a_video_file_only(uploads):
    errors = errors_of(url=YOUTUBE, captions=uploads["tuto.vtt"], poster=cover_image("c.png"))

    message = ["This goes with a video file only: YouTube and Vimeo show their own."]
    assert errors == {"captions": message, "poster": message}


# --- The page -----------------------------------------------------------------------------------
def page_html(client, guide):
    response = client.get(guide.url)
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_video_file_plays_in_the_page_with_captions_in_the_page_language(
    client, db, tutorial, language
):
    files = tutorial.files[language]
    _response, html = page_html(client, tutorial.guides[language])

    video = html.find("section", class_="video").find("video")
    assert video.has_attr("controls")
    assert video.has_attr("playsinline")
    # Nothing is downloaded before the member presses play: phones on a data plan.
    assert video["preload"] == "none"
    assert not video.has_attr("autoplay")
    assert (
        html.find(id=video["aria-labelledby"]).get_text().endswith("Votre premier contrat (1 min)")
    )
    source = video.find("source")
    assert (source["src"], source["type"]) == (files["video"].url, "video/mp4")
    track = video.find("track")
    assert (track["kind"], track["srclang"], track["label"], track["src"]) == (
        "captions",
        language,
        CAPTIONS_LABELS[language],
        files["captions"].url,
    )
    assert track.has_attr("default")
    assert video["poster"].startswith("/media/images/premier-contrat.")
    # No external player and no click to load it.
    assert html.find("iframe") is None
    assert html.find(attrs={"data-embed-url": True}) is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_transcript_stays_beside_the_video_file(client, db, tutorial, language):
    _response, html = page_html(client, tutorial.guides[language])

    transcript = html.find("section", class_="video").find("details", class_="video__transcript")
    assert transcript.find("summary").get_text(strip=True)
    assert transcript.find(class_="rich-text").get_text(strip=True) == TRANSCRIPTS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_with_a_video_file_asks_nothing_of_another_host(client, db, tutorial, language):
    response, html = page_html(client, tutorial.guides[language])

    own_hosts = {"", "testserver", tutorial.guides[language].get_site().hostname}
    loaded = [
        address
        for attribute in ["src", "poster", "data", "srcset"]
        for tag in html.find_all(attrs={attribute: True})
        for address in tag[attribute].split(",")
    ]
    loaded += [link["href"] for link in html.find_all("link", rel="stylesheet")]
    loaded += [link["href"] for link in html.find_all("link", rel="icon")]
    assert loaded, "the page loads nothing: the test reads the wrong page"
    assert {urlsplit(address.strip()).netloc for address in loaded} <= own_hosts
    # Nothing in the video section points elsewhere, not even a link.
    section = html.find("section", class_="video")
    addresses = [tag.get("href") or tag.get("src") for tag in section.find_all(["a", "source"])]
    assert all(urlsplit(address).netloc == "" for address in addresses)
    # The browser may play media from the portal's own address.
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
        if directive.strip()
    )
    assert "'self'" in policy.get("media-src", policy["default-src"])


def test_the_video_and_its_captions_are_served_by_the_portal_with_their_media_types(
    client, db, tutorial
):
    files = tutorial.files["fr"]
    for upload, media_type in [(files["video"], "video/mp4"), (files["captions"], "text/vtt")]:
        response = client.get(upload.url)

        assert response.status_code == 200
        assert response["Content-Type"] == media_type
