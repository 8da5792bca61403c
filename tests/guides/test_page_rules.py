"""What can go under what, checked on the models and through the admin's page editor.

The editing tests build, once for their class, a French site with a page of every type.
"""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import AgendaPage, EventPage
from glossary.models import GlossaryPage
from guides.models import (
    FAQPage,
    GuideFAQQuestion,
    GuidePage,
    GuideRelatedGuide,
    Level,
    PathPage,
    TopicPage,
)
from home.models import HomePage, MissionPage
from news.models import NewsIndexPage, NewsPage
from offices.models import ContactPage
from opportunities.models import OpportunityBoardPage, OpportunityPage
from tests.glossary.factories import GlossaryPageFactory
from tests.guides.factories import (
    FAQPageFactory,
    FAQQuestionFactory,
    GuidePageFactory,
    PathPageFactory,
    TopicPageFactory,
    need,
    step,
)
from tests.home.factories import MissionPageFactory, build_site_tree
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory


class PageCreationRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                PathPage,
                GlossaryPage,
                FAQPage,
                MissionPage,
                NewsIndexPage,
                ContactPage,
                AgendaPage,
                OpportunityBoardPage,
            },
        )

    def test_guides_live_in_a_path_or_a_topic_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(GuidePage, {PathPage, TopicPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedSubpageTypes(PathPage, {TopicPage, GuidePage})
        self.assertAllowedSubpageTypes(TopicPage, {GuidePage})
        self.assertCanNotCreateAt(HomePage, GuidePage)
        self.assertCanNotCreateAt(TopicPage, TopicPage)

    def test_events_live_only_in_the_agenda(self):
        self.assertAllowedParentPageTypes(EventPage, {AgendaPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertCanNotCreateAt(PathPage, EventPage)

    def test_opportunities_live_only_on_the_board(self):
        self.assertAllowedParentPageTypes(OpportunityPage, {OpportunityBoardPage})
        self.assertAllowedSubpageTypes(OpportunityPage, set())
        self.assertAllowedSubpageTypes(OpportunityBoardPage, {OpportunityPage})
        self.assertCanNotCreateAt(PathPage, OpportunityPage)

    def test_news_lives_only_in_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertCanNotCreateAt(PathPage, NewsPage)


class GuideEditingTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = build_site_tree().home["fr"]
        cls.path = PathPageFactory(parent=home, level=Level.BASIC)
        expert = PathPageFactory(parent=home, level=Level.EXPERT)
        topic = TopicPageFactory(parent=expert, title="Travail créatif")
        hiring = GuidePageFactory(parent=topic, title="Engager quelqu'un")
        cls.insurance = GuidePageFactory(
            parent=cls.path,
            title="Vos assurances",
            before_you_start=[need("Votre numéro de membre")],
            steps=[
                step("Vérifiez ce qui est couvert", "<p>Lisez le résumé des garanties.</p>"),
                step("Déclarez un sinistre", "<p>Dans les huit jours.</p>", tip="Gardez tout."),
            ],
            related_guides=[GuideRelatedGuide(guide=hiring, sort_order=0)],
            faq_questions=[GuideFAQQuestion(question=FAQQuestionFactory(), sort_order=0)],
        )
        news_index = NewsIndexPageFactory(parent=home)
        cls.every_type = [
            home,
            expert,
            topic,
            hiring,
            MissionPageFactory(parent=home),
            GlossaryPageFactory(parent=home),
            FAQPageFactory(parent=home),
            news_index,
            NewsPageFactory(parent=news_index),
        ]

    def setUp(self):
        self.user = self.login()

    def test_an_editor_creates_a_guide_under_a_path_through_the_admin(self):
        path = self.path
        data = nested_form_data(
            {
                "title": "Changer vos coordonnées bancaires",
                "slug": "coordonnees-bancaires",
                "summary": "Comment nous donner votre nouveau numéro de compte.",
                "before_you_start": streamfield([("item", "Votre nouveau numéro IBAN")]),
                "steps": streamfield(
                    [
                        (
                            "step",
                            {
                                "title": "Ouvrez votre espace membre",
                                "body": rich_text("<p>Allez dans Mon profil.</p>"),
                                "tip": "",
                            },
                        )
                    ]
                ),
                "video": streamfield([]),
                "downloads": streamfield([]),
                "related_guides": inline_formset([]),
                "faq_questions": inline_formset([]),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(path, GuidePage, data)

        guide = GuidePage.objects.get(slug="coordonnees-bancaires")
        assert guide.live
        assert guide.get_parent().pk == path.pk
        response = self.client.get(guide.url)
        self.assertContains(response, "Ouvrez votre espace membre")

    def test_a_guide_without_steps_is_refused_with_a_message(self):
        path = self.path
        data = nested_form_data(
            {
                "title": "Guide vide",
                "slug": "guide-vide",
                "summary": "Rien.",
                "before_you_start": streamfield([]),
                "steps": streamfield([]),
                "video": streamfield([]),
                "downloads": streamfield([]),
                "related_guides": inline_formset([]),
                "faq_questions": inline_formset([]),
                "action-publish": "publish",
            }
        )
        url = f"/admin/pages/add/guides/guidepage/{path.pk}/"
        response = self.client.post(url, data)

        assert response.status_code == 200
        assert "steps" in response.context["form"].errors
        assert not GuidePage.objects.filter(slug="guide-vide").exists()

    def test_every_page_type_opens_in_the_editor(self):
        assert len({type(page) for page in self.every_type}) == len(self.every_type)
        for page in self.every_type:
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, (type(page), response.status_code)
            assert response.context["page"].pk == page.pk

    def test_an_editor_changes_a_step_and_the_public_page_shows_it(self):
        guide = GuidePage.objects.get(pk=self.insurance.pk)
        steps = [
            (
                "step",
                {
                    "title": block.value["title"],
                    "body": rich_text(block.value["body"].source),
                    "tip": block.value["tip"],
                },
            )
            for block in guide.steps
        ]
        steps[0] = (
            "step",
            {
                "title": "Relisez votre police d'assurance",
                "body": rich_text("<p>Elle est dans votre espace membre.</p>"),
                "tip": "",
            },
        )
        data = nested_form_data(
            {
                "title": guide.title,
                "slug": guide.slug,
                "summary": guide.summary,
                "before_you_start": streamfield(
                    [("item", block.value) for block in guide.before_you_start]
                ),
                "steps": streamfield(steps),
                "video": streamfield([]),
                "downloads": streamfield([]),
                "related_guides": inline_formset(
                    [{"guide": link.guide_id} for link in guide.related_guides.all()]
                ),
                "faq_questions": inline_formset(
                    [{"question": link.question_id} for link in guide.faq_questions.all()]
                ),
                "action-publish": "publish",
            }
        )
        # The editor's preview panel shows the change before it is published.
        preview_url = f"/admin/pages/{guide.pk}/edit/preview/"
        assert self.client.post(preview_url, data).json()["is_valid"]
        preview = self.client.get(preview_url, {"mode": ""})
        self.assertContains(preview, "Relisez votre police d&#x27;assurance")

        response = self.client.post(f"/admin/pages/{guide.pk}/edit/", data)

        assert response.status_code == 302
        public = self.client.get(guide.url)
        self.assertContains(public, "Relisez votre police d&#x27;assurance")
        assert len(GuidePage.objects.get(pk=guide.pk).steps) == len(guide.steps)
