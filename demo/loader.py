"""Builds the demo site from the parallel French/Dutch/English text in `content/`.

French pages and snippets are created first; the Dutch and English ones are then made as
wagtail-localize translations of them. Every demo object has a translation key derived from its
demo key, so a second run recognises what exists and neither duplicates nor changes it.
"""

import datetime
import functools
import html
import io
import json

from django.core.files import File
from django.core.management import call_command
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from glossary.models import GlossaryPage, GlossaryTerm
from guides.models import (
    FAQPage,
    FAQQuestion,
    FAQTheme,
    GuideFAQQuestion,
    GuidePage,
    GuideRelatedGuide,
    PathPage,
    TopicPage,
)
from home.models import HomePage, HomePageFeaturedGuide, MissionPage
from news.models import NewsIndexPage, NewsPage, NewsTag

from .directory import build_directory
from .events import build_agenda
from .navigation import build_site_navigation
from .offices import build_offices
from .opportunities import build_opportunities
from .sources import (
    CONTENT_DIR,
    PATH_FILES,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    demo_key,
    guide_values,
    home_values,
    intro_page_values,
    mission_values,
    news_values,
    path_values,
    question_values,
    read,
    tag_values,
    term_values,
    theme_values,
    translatable_text,
)
from .translation import translate_with_parallel_text
from .tutorial_video import transcript_paragraphs, video_paths


def video_text(text):
    """The words of a guide's video tutorial: what translators translate."""
    video = text["video"]
    transcript = "".join(
        f"<p>{html.escape(paragraph, quote=False)}</p>"
        for paragraph in transcript_paragraphs(video)
    )
    return {"title": video["title"], "duration": video["duration"], "transcript": transcript}


def guide_text_with_video(text):
    return {**guide_values(text), "video": [{"type": "video", "value": video_text(text)}]}


def guide_values_with_video(text, files):
    """A guide with its video tutorial, `files` being its video, captions and cover image."""
    value = {**video_text(text), **files, "url": ""}
    return {**guide_values(text), "video": [{"type": "video", "value": value}]}


class DemoSiteBuilder:
    def __init__(self, log=print):
        self.log = log
        self.locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code in [SOURCE_LANGUAGE, *TARGET_LANGUAGES]
        }
        self.source_locale = self.locales[SOURCE_LANGUAGE]
        # (French object, {language: values}) for every object that may need translating.
        self.translatables = []
        # {translation key of a guide: {language: its video tutorial's files}}
        self.video_files = {}
        self.created = 0
        self.translated = 0

    def build(self):
        with transaction.atomic():
            self.build_source_site()
        self.translate_all()
        # Pages of the older blog, so the one search also finds what still lives there.
        call_command(
            "import_feed",
            str(CONTENT_DIR / "blog_feed.xml"),
            site="Blog Smart",
            stdout=io.StringIO(),
        )
        # Last: members pick their skills in the language they write in, and name an office.
        build_directory(self)
        # After both: events take place at offices and concern trades.
        build_agenda(self)
        build_opportunities(self)
        # Last: the menu links to every section, the agenda included, and its translations
        # point at the sections' translations, which exist by now.
        self.translatables = []
        with transaction.atomic():
            build_site_navigation(self)
        self.translate_all()
        self.log(f"Demo site: {self.created} objects created, {self.translated} translations made.")

    def build_source_site(self):
        site_text = read("site.toml")
        glossary_text = read("glossary.toml")
        news_text = read("news.toml")
        faq_text = read("faq.toml")
        paths_text = [read(name) for name in PATH_FILES]

        for term in glossary_text["terms"]:
            self.snippet(GlossaryTerm, "term", term, term_values)
        # Themes before questions, and both before guides: a translation needs the
        # translations of the snippets it points at.
        themes = {
            theme["key"]: self.snippet(
                FAQTheme, "faq-theme", theme, theme_values, sort_order=theme["sort_order"]
            )
            for theme in faq_text["themes"]
        }
        questions = {
            question["key"]: self.snippet(
                FAQQuestion,
                "faq-question",
                question,
                question_values,
                theme=themes[question["theme"]],
                level=question.get("level", ""),
                sort_order=position,
            )
            for position, question in enumerate(faq_text["questions"], start=1)
        }
        tags = {
            tag["key"]: self.snippet(NewsTag, "tag", tag, tag_values) for tag in news_text["tags"]
        }

        home = self.home(site_text["home"])
        guides = {}
        for path_text in paths_text:
            guides.update(self.path(home, path_text))
        self.page(home, MissionPage, "mission", "mission", site_text["mission"], mission_values)
        self.page(
            home, GlossaryPage, "glossary", "glossary", site_text["glossary"], intro_page_values
        )
        self.page(home, FAQPage, "faq", "faq", faq_text["page"], intro_page_values)
        news_index = self.page(
            home, NewsIndexPage, "news-index", "news", site_text["news"], intro_page_values
        )
        for item in news_text["items"]:
            self.news_item(news_index, item, tags)

        self.attach_help(guides, faq_text["questions"], questions)
        self.link_guides(home, site_text["home"], paths_text, guides)
        build_offices(self, home)

    # --- French source objects ------------------------------------------------------------------
    def snippet(self, model, kind, item, to_values, **fields):
        key = demo_key(kind, item["key"])
        instance = model.objects.filter(translation_key=key, locale=self.source_locale).first()
        if instance is None:
            instance = model(
                translation_key=key,
                locale=self.source_locale,
                **to_values(item[SOURCE_LANGUAGE]),
                **fields,
            )
            instance.save()
            self.created += 1
        self.remember(instance, item, to_values)
        return instance

    def home(self, item):
        key = demo_key("page", "home")
        home = HomePage.objects.filter(translation_key=key, locale=self.source_locale).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's installer leaves a "Welcome" page where the home page belongs.
            for welcome in root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                welcome.delete()
            home = HomePage(
                translation_key=key,
                locale=self.source_locale,
                **home_values(item[SOURCE_LANGUAGE], SOURCE_LANGUAGE),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Smart",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        self.remember(home, item, home_values, with_language=True)
        return home

    def page(self, parent, model, kind, key, item, to_values, text_values=None, **fields):
        """The French page, made from `to_values`; `text_values`, when given, are the words
        translators see, without what they leave as it is (the files of a video)."""
        translation_key = demo_key(kind, key)
        page = model.objects.filter(
            translation_key=translation_key, locale=self.source_locale
        ).first()
        if page is None:
            page = model(
                translation_key=translation_key,
                locale=self.source_locale,
                show_in_menus=parent.depth == 2,
                **to_values(item[SOURCE_LANGUAGE]),
                **fields,
            )
            parent.add_child(instance=page)
            page.save_revision().publish()
            page.demo_created = True
            self.created += 1
        self.remember(page, item, text_values or to_values)
        return page

    def path(self, home, path_text):
        level = path_text["path"]["level"]
        path = self.page(home, PathPage, "path", level, path_text["path"], path_values, level=level)
        topics = {
            topic["key"]: self.page(
                path,
                TopicPage,
                "topic",
                topic["key"],
                topic,
                path_values if "tagline" in topic[SOURCE_LANGUAGE] else intro_page_values,
            )
            for topic in path_text.get("topics", [])
        }
        guides = {}
        for guide in path_text["guides"]:
            parent = topics[guide["topic"]] if guide.get("topic") else path
            to_values, text_values = guide_values, None
            if "video" in guide[SOURCE_LANGUAGE]:
                files = self.tutorial_video_files(guide)
                self.video_files[demo_key("guide", guide["key"])] = files
                to_values = functools.partial(guide_values_with_video, files=files[SOURCE_LANGUAGE])
                text_values = guide_text_with_video
            guides[guide["key"]] = self.page(
                parent,
                GuidePage,
                "guide",
                guide["key"],
                guide,
                to_values,
                text_values=text_values,
                last_reviewed=datetime.date.fromisoformat(guide["last_reviewed"]),
            )
        return guides

    def tutorial_video_files(self, guide):
        """The video, captions and cover image of a guide's tutorial in each language, as
        Wagtail documents and an image (made by demo/tutorial_video.py), added once."""
        document, image = get_document_model(), get_image_model()
        files = {}
        for language in [SOURCE_LANGUAGE, *TARGET_LANGUAGES]:
            title = guide[language]["video"]["title"]
            paths = video_paths(guide["key"], language)
            files[language] = {
                "video_file": self.media(document, f"{title} (MP4)", paths["video"]),
                "captions": self.media(document, f"{title} (WebVTT)", paths["captions"]),
                "poster": self.media(image, title, paths["poster"]),
            }
        return files

    def media(self, model, title, path):
        """The id of the document or image called `title`, uploaded from `path` if none is."""
        existing = model.objects.filter(title=title).values_list("pk", flat=True).first()
        if existing is not None:
            return existing
        with path.open("rb") as file:
            instance = model.objects.create(
                title=title, file=File(file, name=path.name), file_size=path.stat().st_size
            )
        self.created += 1
        return instance.pk

    def news_item(self, news_index, item, tags):
        page = self.page(
            news_index,
            NewsPage,
            "news",
            item["key"],
            item,
            news_values,
            date=datetime.date.fromisoformat(item["date"]),
        )
        if getattr(page, "demo_created", False):
            page.tags = [tags[key] for key in item["tags"]]
            page.save_revision().publish()
        return page

    def link_guides(self, home, home_text, paths_text, guides):
        """Related and featured guides, once every guide exists."""
        for path_text in paths_text:
            for guide_text in path_text["guides"]:
                guide = guides[guide_text["key"]]
                if getattr(guide, "demo_created", False):
                    # Numbered as the admin's form numbers them: the order on the page is the
                    # order in the text.
                    guide.related_guides = [
                        GuideRelatedGuide(guide=guides[key], sort_order=position)
                        for position, key in enumerate(guide_text["related"])
                    ]
                    guide.save_revision().publish()
        if not home.featured_guides.exists():
            home.featured_guides = [
                HomePageFeaturedGuide(guide=guides[key], sort_order=position)
                for position, key in enumerate(home_text["featured_guides"])
            ]
            home.save_revision().publish()

    def attach_help(self, guides, questions_text, questions):
        """FAQ questions and simpler or more detailed versions, on guides made by this run.

        Set on the guides only: `link_guides` publishes them with their related guides.
        """
        linked = {}
        for question_text in questions_text:
            for guide_key in question_text.get("guides", []):
                linked.setdefault(guide_key, []).append(questions[question_text["key"]])
        counterparts = {}
        for chain in read("level_switch.toml")["chains"]:
            for position, guide_key in enumerate(chain):
                simpler = chain[position - 1] if position > 0 else None
                detailed = chain[position + 1] if position + 1 < len(chain) else None
                counterparts[guide_key] = (simpler, detailed)
        for key, guide in guides.items():
            if not getattr(guide, "demo_created", False):
                continue
            guide.faq_questions = [
                GuideFAQQuestion(question=question, sort_order=position)
                for position, question in enumerate(linked.get(key, []))
            ]
            simpler, detailed = counterparts.get(key, (None, None))
            guide.simpler_guide = guides[simpler] if simpler else None
            guide.detailed_guide = guides[detailed] if detailed else None

    def remember(self, instance, item, to_values, with_language=False):
        values = {}
        for language in [SOURCE_LANGUAGE, *TARGET_LANGUAGES]:
            text = item[language]
            values[language] = to_values(text, language) if with_language else to_values(text)
        self.translatables.append((instance, values))

    # --- Dutch and English translations ---------------------------------------------------------
    def translate_all(self):
        # One transaction per translation: wagtail-localize publishes each new translation when
        # its transaction commits, from the page as it was then. Publishing a home page at the
        # very end would overwrite the child count its translated sections added since.
        for instance, values in self.translatables:
            instance.refresh_from_db()
            for language in TARGET_LANGUAGES:
                locale = self.locales[language]
                if instance.get_translation_or_none(locale) is not None:
                    continue
                with transaction.atomic():
                    self.use_own_video_files(instance, locale)
                    translate_with_parallel_text(
                        instance,
                        locale,
                        translatable_text(values[SOURCE_LANGUAGE]),
                        translatable_text(values[language]),
                    )
                self.translated += 1

    def use_own_video_files(self, instance, locale):
        """Have the translation of a guide show the video tutorial of its own language, as a
        translator does by overriding the French files in wagtail-localize's editor."""
        files = self.video_files.get(instance.translation_key, {}).get(locale.language_code)
        if not files:
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
            path = segment.context.path
            name = path.rsplit(".", 1)[-1]
            if path.startswith("video.") and name in files:
                SegmentOverride.objects.update_or_create(
                    locale=locale,
                    context=segment.context,
                    defaults={"data_json": json.dumps(files[name])},
                )
