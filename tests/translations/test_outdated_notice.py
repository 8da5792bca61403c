"""The notice readers of a translated page see while the live translation is behind its source.

Everything goes through the admin (publish and sync, the translation editor) and the public
pages, with each admin request committed as in production. Each test builds its pages under the
site's home pages; the translations it starts from are made in the translation editor.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, TranslationSource

from tests.translations.factories import dutch_born_news
from tests.translations.test_translation_loop import (
    PUBLISH_AND_SYNC,
    changed_french,
    guide_form,
    publish_french_guide,
    step_id,
    submit_for_translation,
    translate_and_publish,
    translate_segment,
    translated_path,
    translations_of,
)

pytestmark = pytest.mark.django_db


def notice_link_language(html):
    """The language of the original the notice links to, or None without a notice."""
    notice = BeautifulSoup(html, "html.parser").select_one("aside.outdated-translation a")
    return notice["hreflang"] if notice else None


NOTICE = {
    "fr": "Cette traduction n'est peut-être plus à jour",
    "nl": "Deze vertaling is misschien niet meer actueel",
    "en": "This translation may be out of date",
}


@pytest.fixture(autouse=True)
def commits_run(django_capture_on_commit_callbacks, admin_client):
    """Every admin request commits, as in production (wagtail-localize publishes on commit and
    the commit moves the content generation on)."""
    post = admin_client.post

    def post_and_commit(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    admin_client.post = post_and_commit


@pytest.fixture
def synced_with_segments_left(admin_client, locales, site_tree):
    """A translated French guide changed and published with "Publish and sync", which leaves
    the changed summary to translate in Dutch and English."""
    guide = publish_french_guide(admin_client, translated_path(site_tree))
    submit_for_translation(
        admin_client,
        reverse("wagtail_localize:submit_page_translation", args=[guide.pk]),
        locales,
        ["nl", "en"],
    )
    source = TranslationSource.objects.get_for_instance(guide)
    for language in ["nl", "en"]:
        translate_and_publish(admin_client, source, language)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[guide.pk]),
        guide_form(changed_french(), PUBLISH_AND_SYNC, step_id(guide)),
    )
    assert response.status_code == 302
    return guide, source


@pytest.mark.parametrize("language", ["nl", "en"])
def test_readers_still_see_the_notice_after_a_sync_that_leaves_segments_to_translate(
    client, synced_with_segments_left, locales, language
):
    guide, _source = synced_with_segments_left
    translated = guide.get_translation(locales[language])

    html = client.get(translated.url).content.decode()

    assert NOTICE[language] in html
    assert notice_link_language(html) == "fr"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_notice_goes_once_the_translation_of_the_current_source_is_published(
    admin_client, client, synced_with_segments_left, locales, language
):
    guide, source = synced_with_segments_left
    translation = translations_of(source)[language]
    new_summary = StringSegment.objects.get(source=source, string__data=changed_french()["summary"])
    translate_segment(admin_client, translation, new_summary, f"[{language}] new summary")
    target = translation.get_target_instance()
    # Translated but not yet published: readers still read the old text.
    assert NOTICE[language] in client.get(target.url).content.decode()

    admin_client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})

    html = client.get(target.url).content.decode()
    assert f"[{language}] new summary" in html
    assert "outdated-translation" not in html


def test_french_readers_of_a_translation_from_dutch_see_the_notice_in_french(
    admin_client, client, site_tree, django_capture_on_commit_callbacks
):
    """French is a translation language too: Dutch-born pages are translated into French."""
    dutch_news = dutch_born_news(site_tree)
    french_locale = Locale.objects.get(language_code="fr")
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[dutch_news.pk]),
        {"locales": [french_locale.pk]},
    )
    assert response.status_code == 302
    source = TranslationSource.objects.get_for_instance(dutch_news)
    translation = translations_of(source)["fr"]
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        value = segment.string.data
        translate_segment(admin_client, translation, segment, f"{value}-fr" if value else "")
    french = translation.get_target_instance()
    admin_client.post(reverse("wagtailadmin_pages:edit", args=[french.pk]), {"action": "publish"})
    french = Page.objects.get(pk=french.pk)
    assert french.live
    assert "outdated-translation" not in client.get(french.url).content.decode()

    # The Dutch source changes and is published again (committed, as the admin would).
    with django_capture_on_commit_callbacks(execute=True):
        dutch_news.save_revision().publish()

    html = client.get(french.url).content.decode()
    assert NOTICE["fr"] in html
    assert notice_link_language(html) == "nl"
