"""Each test builds the data it relies on; the demo site is only for modules marked `demo_site`.

The test database holds what the migrations make: the French, Dutch and English locales, the
editorial groups and the review workflow, and Wagtail's welcome page. Each test runs in a
transaction rolled back after it, and builds its pages and snippets with the factories of
`tests/<app>/factories.py`: `site_tree` gives the home page of each language, under which a test
adds what it needs; `tests.translations.factories.translate` makes Dutch and English versions
through wagtail-localize, as translators do.

Data built once for a module or class: when many tests read the same heavier tree, build it in a
module- or class-scoped fixture inside `shared_data()`, a transaction rolled back after the last
of those tests. Each test still runs in its own transaction (a savepoint) inside it, so what a
test changes is undone after it. The Python objects the fixture returns are shared and outlive
that rollback: a test that changes one works on its own copy (`GuidePage.objects.get(pk=…)`).
Django test classes (`WagtailPageTestCase`) build theirs in `setUpTestData`. For example:

    @pytest.fixture(scope="module")
    def guides(shared_data):
        with shared_data():
            tree = build_site_tree()
            yield [GuidePageFactory(parent=PathPageFactory(parent=tree.home["fr"]))]

    def test_a_guide_is_served(client, db, guides): ...

`build_site_tree()` (and so `site_tree`) returns the tree such a fixture built, so tests of that
module can still ask for `site_tree`.

The demo site (`load_demo`, real content in three languages) is loaded for a module marked
`pytestmark = pytest.mark.demo_site`, once for that module and rolled back after it. Only tests
about the demo content as a whole belong there; `tests.pages.demo_page` finds its pages.
"""

import contextlib
import io
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import Locale, Site

from glossary import linking as glossary
from portal import page_cache
from search import circuit_breaker
from tests.home.factories import build_site_tree


@pytest.fixture(scope="session")
def shared_data(django_db_setup, django_db_blocker):
    """A context manager: data built inside it stays until it exits, then is rolled back."""

    @contextlib.contextmanager
    def kept_until_exit():
        with django_db_blocker.unblock(), transaction.atomic():
            yield
            transaction.set_rollback(True)

    return kept_until_exit


def run_now(func, using=None, robust=False):
    func()


class DemoDatabase:
    """The demo site, loaded once in a transaction of its own and kept while the modules marked
    `demo_site` follow one another (they are collected first: `pytest_collection_modifyitems`),
    then rolled back before the first module that is not marked. Loading it takes a minute; once
    per worker rather than once per module."""

    def __init__(self, shared_data):
        self.shared_data = shared_data
        self.kept = None

    def load(self):
        if self.kept is not None:
            return
        self.kept = contextlib.ExitStack()
        self.kept.enter_context(self.shared_data())
        with pytest.MonkeyPatch.context() as patch:
            # The loader commits each translation for wagtail-localize to publish it at that
            # commit. Nothing commits inside this transaction: what each commit would run runs
            # at once.
            patch.setattr(transaction, "on_commit", run_now)
            call_command("load_demo", verbosity=0, stdout=io.StringIO())

    def unload(self):
        if self.kept is not None:
            self.kept.close()
            self.kept = None


DEMO = {}


@pytest.fixture(scope="session")
def demo_database(shared_data):
    DEMO["database"] = DemoDatabase(shared_data)
    yield DEMO["database"]
    DEMO.pop("database").unload()


@pytest.fixture(scope="module", autouse=True)
def demo_site(request):
    """The demo site, for the modules marked `demo_site` only. What a module changes in it (its
    module-scoped fixtures included) is rolled back after the module, as if each loaded its own."""
    if request.node.get_closest_marker("demo_site") is None:
        if "database" in DEMO:
            DEMO["database"].unload()
        yield
        return
    request.getfixturevalue("demo_database").load()
    with request.getfixturevalue("shared_data")():
        yield


def pytest_collection_modifyitems(config, items):
    """The modules marked `demo_site` first, one after another, so the demo site is loaded once
    per worker; among them the slowest first (the hostile-input crawl), so it runs beside the
    rest of the suite instead of after it."""

    def order(item):
        is_demo = item.get_closest_marker("demo_site") is not None
        return (not is_demo, item.fspath.basename not in SLOWEST_DEMO_MODULES)

    items.sort(key=order)


SLOWEST_DEMO_MODULES = {"test_hostile_input.py"}


@pytest.fixture(autouse=True)
def fresh_content_generation():
    """Start each test on a new content generation, as after a real change to content.

    The test before changed content and rolled it back without the commit that moves the
    generation on (portal.page_cache), so what a process keeps per generation
    (portal.content_memo) would otherwise still describe that test's content.
    """
    page_cache.next_generation()


@pytest.fixture(autouse=True)
def fresh_glossary_index():
    """Start each test without the glossary index a test before built from its own terms."""
    glossary.invalidate()


@pytest.fixture(autouse=True)
def elasticsearch_breaker_closed():
    """Start each test with the search's circuit breaker closed, whatever the test before met."""
    circuit_breaker.close()


@pytest.fixture
def site_tree(db):
    """The default site and its home page in French, Dutch and English: `site_tree.home["nl"]`."""
    return build_site_tree()


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def admin_user(django_user_model, db):
    return django_user_model.objects.create_superuser("editor-admin", "", "a-long-test-password")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture(scope="module")
def migrated_content_given_back(django_db_setup, django_db_blocker):
    """The database as the migrations left it, once the test that committed content ends.

    A test that commits runs in no transaction to roll back: pytest-django empties every table
    after it, locales and the tree's root included, which the next tests need.
    """
    with django_db_blocker.unblock():
        migrated = connection.creation.serialize_db_to_string()
    yield
    with django_db_blocker.unblock():
        call_command(
            "flush",
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
            verbosity=0,
        )
        # Content types first, under their old ids: building a Wagtail task looks its own up,
        # and would otherwise create it under a new id before the saved one is loaded.
        objects = json.loads(migrated)
        objects.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(json.dumps(objects))
        Site.clear_site_root_paths_cache()
