"""Every admin URL, tried by every role on content it must not reach.

The admin URLconf is walked, not listed by hand: a URL an upgrade adds fails
`test_every_admin_url_pattern_is_classified` until it is classified here. A pattern is
classified automatically when each of its parameters names something the test can build
(`PARAMETER_KINDS`) — a page, a snippet of a model with a language, a translation, a segment, a
revision, a workflow task... — or when it has no parameter (a listing: it may answer, but never
show another language's content). Anything else needs an entry in `ALLOW_LIST` with its reason.

Each classified pattern is then requested with every method its view takes (GET and POST at
least), as each role, in two cases:

- other language (translators): the pattern's object in a language the role does not work in,
  and `?locale=` of that language. A per-object URL must refuse: 403, 404, 405, or a redirect to
  the login page or to the dashboard (Wagtail's own "permission denied"). A listing may answer,
  but its page must not show the other language's marked content.
- guide in review (Communication and translators): a guide of the role's language in the
  moderation workflow, locked for everyone but its reviewers. Reading it is allowed; nothing
  may change it.

The objects are built once for the module with the factories (`World`): a guide under a path and
a snippet of every translatable kind, written in French and translated into Dutch and English
through wagtail-localize, and a user in each role.

For every request, nothing in the database may change (checked inside a savepoint rolled back
after each request). The test posts a few fields, not whole forms: a view that fails on the
incomplete form (a 500) is hostile input's business (test_hostile_input.py); here it only must
not have changed anything, or, for another language's object, must have refused first.
"""

import re
from functools import cache
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.models import (
    Comment,
    Locale,
    ModelLogEntry,
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
)
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from glossary.models import GlossaryTerm
from guides.models import GuidePage
from tests.directory.factories import skill
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import (
    FAQQuestionFactory,
    FAQThemeFactory,
    GuidePageFactory,
    PathPageFactory,
    step,
)
from tests.home.factories import build_site_tree
from tests.navigation.factories import SiteFooterFactory, SiteNavigationFactory, menu_link
from tests.news.factories import NewsTagFactory
from tests.offices.factories import ServiceFactory
from tests.search.factories import ExternalResourceFactory
from tests.translations.factories import translate
from tests.workflows.factories import UserFactory
from workflows.roles import COMMUNICATION, MODERATORS, TRANSLATORS

ADMIN_PREFIX = "admin/"
TRANSLATOR_ROLES = {name: language for language, name in TRANSLATORS.items()}
ROLES = [*TRANSLATORS.values(), COMMUNICATION, MODERATORS]
# The language a translator must not reach, in the "other language" case.
OTHER_LANGUAGE = {"fr": "nl", "nl": "en", "en": "nl"}
OTHER_LANGUAGE_CASE = "other language"
REVIEW_CASE = "guide in review"
MARKER = "zq7-marker"

PAGE_PARAMETERS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
MODEL_PARAMETERS = {
    "app_label",
    "model_name",
    "content_type_app_name",
    "content_type_model_name",
}
PARAMETER_KINDS = {
    **dict.fromkeys(PAGE_PARAMETERS, "page"),
    **dict.fromkeys(MODEL_PARAMETERS, "model"),
    "pk": "object",
    "translation_id": "translation",
    "translation_source_id": "translation source",
    "string_segment_id": "string segment",
    "overridable_segment_id": "overridable segment",
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "task_state_id": "task state",
    "task_id": "task",
    "workflow_state_id": "workflow state",
    "action_name": "workflow action",
    "mode": "preview mode",
    "action": "bulk action",
    "content_type_id": "content type",
    "language": "language",
}

MEDIA = "images and documents have no language: collections govern them, for every role alike"
SETTINGS = "site administration, without language: translators hold no permission (test_roles)"
NO_OBJECT = "no object of any language: the same for everyone"
MEMBERS_DATA = (
    "member profiles and reports of abuse have no language: only Moderators hold permissions "
    "on them, checked URL by URL in tests/directory/test_admin_roles.py"
)
REGISTRATIONS = (
    "registrations to events have no language: only Communication and Moderators read them, "
    "nobody changes them, checked URL by URL in tests/events/test_admin_registrations.py"
)
ALLOW_LIST = {
    **dict.fromkeys(
        [
            "admin/api/main/^documents/<int:pk>/",
            "admin/api/main/^images/<int:pk>/",
            "admin/documents/edit/<int:document_id>/",
            "admin/documents/delete/<int:document_id>/",
            "admin/documents/multiple/<int:doc_id>/",
            "admin/documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/",
            "admin/documents/multiple/<int:doc_id>/delete/",
            "admin/documents/multiple/delete_upload/<int:uploaded_file_id>/",
            "admin/documents/usage/<int:document_id>/",
            "admin/documents/chooser/chosen/<str:pk>/",
            "admin/images/<int:image_id>/",
            "admin/images/<int:image_id>/delete/",
            "admin/images/<int:image_id>/generate_url/",
            "admin/images/<int:image_id>/generate_url/output/",
            "admin/images/<int:image_id>/preview/<str:filter_spec>/",
            "admin/images/usage/<int:image_id>/",
            "admin/images/multiple/<int:image_id>/",
            "admin/images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/",
            "admin/images/multiple/<int:image_id>/delete/",
            "admin/images/multiple/delete_upload/<int:uploaded_file_id>/",
            "admin/images/chooser/chosen/<str:pk>/",
            "admin/images/chooser/<int:image_id>/select_format/",
            "admin/collections/<int:pk>/",
            "admin/collections/<int:pk>/delete/",
            "admin/collections/<int:collection_id>/privacy/",
        ],
        MEDIA,
    ),
    **dict.fromkeys(
        [
            "admin/workflows/enable/<int:pk>/",
            "admin/workflows/disable/<int:pk>/",
            "admin/workflows/edit/<int:pk>/",
            "admin/workflows/usage/<int:pk>/",
            "admin/workflows/usage/<int:pk>/results/",
            "admin/workflows/remove/<int:page_pk>/<int:workflow_pk>/",
            "admin/workflows/tasks/add/<str:app_label>/<str:model_name>/",
            "admin/workflows/tasks/edit/<int:pk>/",
            "admin/workflows/tasks/disable/<int:pk>/",
            "admin/workflows/tasks/enable/<int:pk>/",
            "admin/redirects/<int:redirect_id>/",
            "admin/redirects/<int:redirect_id>/delete/",
            "admin/searchpicks/<int:query_id>/",
            "admin/searchpicks/<int:query_id>/delete/",
            "admin/settings/<slug:app_name>/<slug:model_name>/",
            "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/",
            "admin/settings/<slug:app_name>/<slug:model_name>/<int:pk>/preview/",
            "admin/locales/edit/<int:pk>/",
            "admin/locales/delete/<int:pk>/",
            "admin/locales/history/<int:pk>/",
            "admin/locales/history-results/<int:pk>/",
            "admin/locales/usage/<int:pk>/",
            "admin/locales/copy/<int:pk>/",
            "admin/sites/edit/<int:pk>/",
            "admin/sites/delete/<int:pk>/",
            "admin/sites/history/<int:pk>/",
            "admin/sites/history-results/<int:pk>/",
            "admin/sites/usage/<int:pk>/",
            "admin/sites/copy/<int:pk>/",
            "admin/users/edit/<int:pk>/",
            "admin/users/delete/<int:pk>/",
            "admin/users/history/<int:pk>/",
            "admin/users/history-results/<int:pk>/",
            "admin/users/usage/<int:pk>/",
            "admin/users/copy/<int:pk>/",
            "admin/groups/edit/<int:pk>/",
            "admin/groups/delete/<int:pk>/",
            "admin/groups/history/<int:pk>/",
            "admin/groups/history-results/<int:pk>/",
            "admin/groups/usage/<int:pk>/",
        ],
        SETTINGS,
    ),
    "admin/workflows/task_chooser/<int:task_id>/": (
        "returns a workflow task's name, which has no language"
    ),
    "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/": (
        "tag names for autocompletion, shared by every language"
    ),
    "admin/editing-sessions/ping/<str:app_label>/<str:model_name>/<str:object_id>/<int:session_id>/": (  # noqa: E501
        "the person's own editing session: refused for another's session id"
    ),
    "admin/editing-sessions/release/<int:session_id>/": (
        "releases the person's own editing session only"
    ),
    "admin/password_reset/confirm/<uidb64>/<token>/": "a signed link sent by email, no content",
    "admin/^.*/$": "the admin's catch-all 404, no content",
    "admin/snippets/choose/search/externalresource/chosen/<str:pk>/": (
        "other websites' public pages, shown in the search of every language; nobody edits "
        "them in the admin"
    ),
    **dict.fromkeys(
        [
            f"admin/snippets/directory/{model}/{view}"
            for model in ("memberprofile", "abusereport")
            for view in (
                "edit/<int:pk>/",
                "delete/<int:pk>/",
                "usage/<int:pk>/",
                "history/<int:pk>/",
                "history-results/<int:pk>/",
                "copy/<int:pk>/",
            )
        ]
        + [
            "admin/snippets/directory/memberprofile/history/<int:pk>/revisions/<int:revision_id>/"
            "revert/",
            "admin/snippets/directory/memberprofile/history/(?P<pk>.+)/revisions/compare/"
            r"(?P<revision_id_a>live|earliest|\d+)\.\.\.(?P<revision_id_b>live|latest|\d+)/$",
            "admin/snippets/directory/memberprofile/history/<int:pk>/revisions/<int:revision_id>/"
            "unschedule/",
            "admin/snippets/directory/memberprofile/unpublish/<int:pk>/",
            "admin/snippets/directory/memberprofile/workflow/confirm_cancellation/<int:pk>/",
            "admin/snippets/directory/memberprofile/workflow_history/<int:pk>/",
            "admin/snippets/directory/memberprofile/workflow_history/<int:pk>/detail/"
            "<int:workflow_state_id>/",
            "admin/snippets/choose/directory/memberprofile/chosen/<str:pk>/",
            "admin/snippets/choose/directory/abusereport/chosen/<str:pk>/",
        ],
        MEMBERS_DATA,
    ),
    **dict.fromkeys(
        [
            f"admin/registrations/{view}/<int:pk>/"
            for view in ("edit", "delete", "history", "history-results", "usage", "inspect", "copy")
        ],
        REGISTRATIONS,
    ),
    "admin/localize/jsi18n/": NO_OBJECT,
    "admin/failwhale/": "Wagtail's error page test: raises on purpose, for everyone",
    "admin/localize/submit/page/<int:page_id>/": (
        "translating a page of another language into one's own is the translators' job "
        "(docs/roles.md); the form offers only their languages (roles.py)"
    ),
    "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/": (
        "translating a snippet of another language into one's own, as for pages"
    ),
}


# --- The admin URLconf -----------------------------------------------------------------------
def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


@cache
def admin_patterns():
    """Each admin route once, with the view that answers it (the first registered)."""
    routes = {}
    for route, pattern in walk(get_resolver().url_patterns):
        if route.startswith(ADMIN_PREFIX):
            routes.setdefault(route, pattern)
    return routes


def parameters(route):
    found = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
    return [name or regex_name for name, regex_name in found]


PAGE_ROUTES = re.compile(r"admin/(pages|api/main/\^pages)/")
WORKFLOW_PARAMETERS = {"task_state_id", "task_id", "action"}


def is_model(model):
    return isinstance(model, type) and issubclass(model, models.Model)


def view_model(pattern):
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model")
    return model or getattr(getattr(callback, "view_class", None), "model", None)


def has_language(model):
    return is_model(model) and any(field.name == "locale" for field in model._meta.fields)


def object_model(route, pattern):
    """The model of the pattern's object: its view's, or a guide for page and workflow URLs."""
    model = view_model(pattern)
    if has_language(model) or (is_model(model) and issubclass(model, Page)):
        return model
    names = set(parameters(route))
    if PAGE_ROUTES.match(route) or names & PAGE_PARAMETERS or names & WORKFLOW_PARAMETERS:
        return GuidePage
    if names & MODEL_PARAMETERS:
        return GlossaryTerm
    if "content_type_id" in names:
        return GuidePage  # the dashboard's start button: a page of a type, in a language
    if "pk" in names:
        return None  # an object of a model the test cannot place in a language
    return GuidePage


def classification(route, pattern):
    """Why the pattern is covered, or None when it is not."""
    if route in ALLOW_LIST:
        return None
    names = parameters(route)
    if any(name not in PARAMETER_KINDS for name in names):
        return None
    if "pk" in names and object_model(route, pattern) is None:
        return None
    # A URL naming only a model (a type's usage, a snippet API listing) lists objects.
    return "object" if set(names) - MODEL_PARAMETERS else "listing"


def methods(pattern):
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
    found = {"get", "post"}
    # Methods a view defines itself, not Django's form views' `put` aliasing `post`.
    for cls in getattr(view_class, "__mro__", ()):
        if not cls.__module__.startswith("django."):
            found |= {name for name in ("put", "patch", "delete") if name in vars(cls)}
    return sorted(found)


def cases_for(role):
    if role in TRANSLATOR_ROLES:
        return [OTHER_LANGUAGE_CASE, REVIEW_CASE]
    if role == COMMUNICATION:
        return [REVIEW_CASE]
    return []  # Moderators review guides and work in every language: no case applies


def applies(route, role, case):
    if case == OTHER_LANGUAGE_CASE:
        return True
    # The guide in review is a page: a URL of a snippet does not reach it.
    names = set(parameters(route))
    translation_based = names & {
        "translation_id",
        "translation_source_id",
        "string_segment_id",
        "overridable_segment_id",
    }
    if not translation_based and not issubclass(object_model(route, admin_patterns()[route]), Page):
        return False
    # A French guide is a source: no translation targets it.
    return not (translation_based and TRANSLATOR_ROLES.get(role) == "fr")


def plan():
    """Every (route, role, case, method) the test requests."""
    checks = []
    for route, pattern in admin_patterns().items():
        if classification(route, pattern) is None:
            continue
        for role in ROLES:
            for case in cases_for(role):
                if applies(route, role, case):
                    checks += [(route, role, case, method) for method in methods(pattern)]
    return checks


# --- The objects the URLs point at, built once for the module ---------------------------------
GUIDE_STEP = (
    "<p>Créez la facture dans votre espace membre, puis vérifiez le taux de TVA sur "
    '<a href="https://finances.belgium.be/fr/entreprises/tva">le site des Finances</a>.</p>'
)


class World:
    """Users of each role, a guide in review in each language and a snippet of each kind.

    Everything is written in French and translated into Dutch and English through
    wagtail-localize, as editors and translators do: a guide under a path, a glossary term, an
    FAQ theme with a question, a service, a news tag, the main menu and the footer. External
    resources have a language but no translations: one of each language. The guide's step links
    to another website, which wagtail-localize offers as a segment to override.
    """

    def __init__(self):
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.users = {}
        for role in ROLES:
            user = UserFactory(username=f"urls-{role.lower().replace(' ', '-')}")
            user.groups.add(Group.objects.get(name=role))
            self.users[role] = user
        homes = build_site_tree().home
        path = PathPageFactory(parent=homes["fr"])
        guide = GuidePageFactory(
            parent=path, title="Facturer un client", steps=[step("Créez la facture", GUIDE_STEP)]
        )
        term = GlossaryTermFactory(
            term="Activité",
            definition="Le travail que vous menez en votre nom au sein de la coopérative.",
        )
        theme = FAQThemeFactory(name="Être payé")
        sources = {
            "path": path,
            "guide": guide,
            "term": term,
            "theme": theme,
            "question": FAQQuestionFactory(question="Quand serai-je payé ?", theme=theme),
            "service": ServiceFactory(name="Facturation"),
            "news tag": NewsTagFactory(name="Outils", slug="outils"),
            "menu": SiteNavigationFactory(links=[menu_link(path, "Smart Basic")]),
            "footer": SiteFooterFactory(),
            "skill": skill("graphiste"),
        }
        # In this order: a page's parent and a question's theme are translated before them.
        translated = {"fr": sources}
        for language in ["nl", "en"]:
            translated[language] = {
                name: translate(source, language) for name, source in sources.items()
            }
            ExternalResourceFactory(locale=self.locales[language])
        assert OverridableSegment.objects.filter(source__object_id=guide.translation_key).exists()
        self.guides = {}
        self.terms = {}
        for language in self.locales:
            self.guides[language] = self.put_guide_in_review(
                translated[language]["guide"], language
            )
            term = translated[language]["term"]
            GlossaryTerm.objects.filter(pk=term.pk).update(term=f"{MARKER}-{language}-term")
            term.refresh_from_db()
            self.terms[language] = term

    def put_guide_in_review(self, guide, language):
        submitter = self.users[TRANSLATORS[language]]
        guide.title = f"{MARKER}-{language}-guide"
        revision = guide.save_revision(user=submitter)
        Page.objects.filter(pk=guide.pk).update(title=guide.title)
        guide.get_workflow().start(guide, submitter)
        guide = GuidePage.objects.get(pk=guide.pk)
        assert guide.workflow_in_progress and guide.latest_revision_id == revision.pk
        return guide

    def snippet(self, model, language):
        if model is GlossaryTerm:
            return self.terms[language]
        return model.objects.filter(locale__language_code=language).order_by("pk").first()

    def translation_into(self, instance):
        source = TranslationSource.objects.get(
            object_id=instance.translation_key, locale__language_code="fr"
        )
        return Translation.objects.get(source=source, target_locale=instance.locale)

    def arguments(self, route, pattern, role, case):
        """The URL keyword arguments and query of `route` for `role` in `case`."""
        language = TRANSLATOR_ROLES.get(role, "nl")
        if case == OTHER_LANGUAGE_CASE:
            language = OTHER_LANGUAGE[language]
        model = object_model(route, pattern)
        is_page = issubclass(model, Page)
        target = self.guides[language] if is_page else self.snippet(model, language)
        if target is None:
            return None
        names = parameters(route)
        uses_translation = {"translation_id", "string_segment_id", "overridable_segment_id"}
        translation = None
        if set(names) & uses_translation or "translation_source_id" in names:
            # Another language: a glossary term's translation, the hole the review found.
            # A guide in review: the guide's own translation.
            of_guide = case == REVIEW_CASE or "overridable_segment_id" in names
            translation = self.translation_into(
                self.guides[language] if of_guide else self.terms[language]
            )
        workflow_state = WorkflowState.objects.filter(
            base_content_type_id=self.guides[language].cached_content_type.pk,
            object_id=str(self.guides[language].pk),
        ).first()
        task_state = workflow_state.current_task_state if workflow_state else None
        values = {
            "page": self.guides[language].pk,
            "object": target.pk,
            "translation": translation and translation.pk,
            "translation source": translation and translation.source_id,
            "string segment": translation
            and StringSegment.objects.filter(source=translation.source)
            .values_list("pk", flat=True)
            .first(),
            "overridable segment": translation
            and OverridableSegment.objects.filter(source=translation.source)
            .values_list("pk", flat=True)
            .first(),
            "revision": self.guides[language].latest_revision_id,
            "task state": task_state and task_state.pk,
            "task": task_state and task_state.task_id,
            "workflow state": workflow_state and workflow_state.pk,
            "workflow action": "approve",
            "preview mode": "default",
            "bulk action": "delete",
            "content type": ContentType.objects.get_for_model(model).pk,
            "language": language,
        }
        kwargs = {}
        for name in names:
            kind = PARAMETER_KINDS[name]
            if kind == "model":
                kwargs[name] = model._meta.app_label if "app" in name else model._meta.model_name
            else:
                kwargs[name] = values[kind] if values[kind] is not None else 0
        if "revision_id_a" in kwargs:
            kwargs.update(revision_id_a="earliest", revision_id_b="latest")
        query = {"locale": language, "id": target.pk}
        return kwargs, query, self.markers(case, language)

    def markers(self, case, language):
        if case != OTHER_LANGUAGE_CASE:
            return []
        return [f"{MARKER}-{language}-guide", f"{MARKER}-{language}-term"]


def fill(route, kwargs):
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def fingerprint(world):
    """What a request must not change: counts of content and the watched objects' rows."""
    watched_pages = [guide.pk for guide in world.guides.values()]
    watched_terms = [term.pk for term in world.terms.values()]
    # One query for every count; the table names are the models' own.
    tables = [model._meta.db_table for model in COUNTED_MODELS]
    counts = ", ".join(f"(SELECT count(*) FROM {table})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        counted = cursor.fetchone()
    return (
        counted,
        Translation.objects.filter(enabled=True).count(),
        list(Page.objects.filter(pk__in=watched_pages).order_by("pk").values()),
        list(GlossaryTerm.objects.filter(pk__in=watched_terms).order_by("pk").values()),
        list(WorkflowState.objects.order_by("pk").values_list("pk", "status")),
        list(TaskState.objects.order_by("pk").values_list("pk", "status")),
    )


COUNTED_MODELS = [
    Page,
    Revision,
    GlossaryTerm,
    StringTranslation,
    SegmentOverride,
    Translation,
    Comment,
    PageLogEntry,
    ModelLogEntry,
]
REQUEST_DATA = {"value": "Changed by the test", "title": "Changed by the test", "next": "/admin/"}


def refused(response, url):
    if response.status_code in {403, 404, 405}:
        return True
    location = response.headers.get("Location", "").split("?")[0]
    return response.status_code == 302 and (
        location.startswith("/admin/login/")
        or location.rstrip("/") == "/admin"
        # Django's LocaleMiddleware answers a 404 by redirecting to the address in a language.
        or re.fullmatch(r"/[a-z]{2}" + re.escape(url), location) is not None
    )


@pytest.fixture(scope="module")
def world(shared_data):
    """Built once, inside a transaction rolled back when the module is done."""
    with shared_data():
        yield World()


@pytest.fixture
def clients(world):
    # Logged in for each test: a request to log out must not leave the next tests anonymous.
    made = {}
    for role, user in world.users.items():
        client = Client(raise_request_exception=False)
        client.force_login(user)
        made[role] = client
    return made


def request(client, method, url, query):
    url = f"{url}?{urlencode(query)}"
    if method == "get":
        return client.get(url)
    return client.generic(
        method.upper(),
        url,
        urlencode(REQUEST_DATA),
        content_type="application/x-www-form-urlencoded",
    )


def followed_within_the_admin(client, response, url):
    """The page an admin redirect leads to, and whether it is another address."""
    location = response.headers.get("Location", "")
    if response.status_code != 302 or not location.startswith("/admin/") or refused(response, url):
        return response, False
    return client.get(location), location.split("?")[0] != url


def check(world, client, route, pattern, role, case, method):
    """What went wrong for one request, or None."""
    arguments = world.arguments(route, pattern, role, case)
    if arguments is None:
        return f"{method.upper()} {route} as {role}, {case}: no object to try"
    kwargs, query, markers = arguments
    url = fill(route, kwargs)
    with transaction.atomic():
        before = fingerprint(world)
        response = request(client, method, url, query)
        try:
            after = fingerprint(world)
        except Exception as error:  # noqa: BLE001 - a broken transaction is a failure to name
            after = error
        transaction.set_rollback(True)
    where = f"{method.upper()} {url} ({route}) as {role}, {case}"
    if after != before:
        return f"{where}: changed the database ({response.status_code})"
    if case == OTHER_LANGUAGE_CASE:
        response, sent_elsewhere = followed_within_the_admin(client, response, url)
        shown = [marker for marker in markers if marker in response.content.decode(errors="ignore")]
        # The explorer sends a page outside the person's tree to their own tree's listing.
        answered = not refused(response, url) and not (sent_elsewhere and not shown)
        if classification(route, pattern) == "object" and answered:
            location = response.headers.get("Location", "")
            return f"{where}: answered {response.status_code} {location}, not refused"
        if shown:
            return f"{where}: shows {', '.join(shown)}"
    return None


CHECKED_ROUTES = sorted(
    route
    for route, pattern in admin_patterns().items()
    if classification(route, pattern) is not None
)


@pytest.mark.django_db
@pytest.mark.parametrize("route", CHECKED_ROUTES)
def test_no_role_reaches_another_language_or_changes_a_guide_in_review(world, clients, route):
    pattern = admin_patterns()[route]
    failures = []
    for role in ROLES:
        for case in cases_for(role):
            if not applies(route, role, case):
                continue
            for method in methods(pattern):
                failure = check(world, clients[role], route, pattern, role, case, method)
                if failure:
                    failures.append(failure)
    assert not failures, "\n".join(failures)


def test_every_admin_url_pattern_is_classified():
    unclassified = [
        route
        for route, pattern in admin_patterns().items()
        if route not in ALLOW_LIST and classification(route, pattern) is None
    ]
    stale = sorted(set(ALLOW_LIST) - set(admin_patterns()))

    assert not unclassified, "Classify these admin URLs:\n" + "\n".join(unclassified)
    assert not stale, "These allowed URLs no longer exist:\n" + "\n".join(stale)


def test_the_count_of_patterns_and_checks(capsys):
    checks = plan()
    routes = admin_patterns()
    with capsys.disabled():
        print(
            f"\nadmin URL patterns: {len(routes)}, checked: {len(CHECKED_ROUTES)}, "
            f"allow-listed: {len(ALLOW_LIST)}; role × case × method requests: {len(checks)}"
        )
    assert len(CHECKED_ROUTES) + len(ALLOW_LIST) == len(routes)
    assert len(checks) > len(CHECKED_ROUTES)
