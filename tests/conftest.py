"""Every test runs against the database with the full demo site loaded once per session.

The demo site is real content in three languages made through wagtail-localize, so tests assert
behaviour on what members will actually see. Each test runs in a transaction rolled back after it.
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from portal import page_cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def fresh_content_generation():
    """Start each test on a new content generation, as after a real change to content.

    The test before changed content and rolled it back without the commit that moves the
    generation on (portal.page_cache), so what a process keeps per generation
    (portal.content_memo) would otherwise still describe that test's content.
    """
    page_cache.next_generation()


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
