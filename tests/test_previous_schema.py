"""Moving models into apps of their own keeps their tables, their data and what points at them.

`tests/migrations_data/demo_site_before_app_split.dump` is the demo site as the previous layout
built it (commit 78b7854: offices in `home`; the glossary and page feedback in `guides`; the menu,
footer and review task in `portal`), saved with pg_dump. The test restores it into a database of
its own, runs this code's migrations on it with `manage.py migrate`, and checks, through the new
models, that every row is still there, the content types were relabelled in place (so pages,
revisions, translations, search entries and permissions still point at them), and every live
page still renders.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

DUMP = Path(__file__).parent / "migrations_data" / "demo_site_before_app_split.dump"
# (old app, new app, model, table): the table keeps its name.
MOVED = [
    ("home", "offices", "contactpage", "home_contactpage"),
    ("home", "offices", "officepage", "home_officepage"),
    ("home", "offices", "officehours", "home_officehours"),
    ("home", "offices", "officeclosure", "home_officeclosure"),
    ("home", "offices", "officeservice", "home_officeservice"),
    ("home", "offices", "service", "home_service"),
    ("home", "offices", "welcomebookletpage", "home_welcomebookletpage"),
    ("guides", "glossary", "glossarypage", "guides_glossarypage"),
    ("guides", "glossary", "glossaryterm", "guides_glossaryterm"),
    ("guides", "feedback", "pagefeedback", "guides_pagefeedback"),
    ("portal", "navigation", "sitenavigation", "portal_sitenavigation"),
    ("portal", "navigation", "sitefooter", "portal_sitefooter"),
    ("portal", "workflows", "reviewtask", "portal_reviewtask"),
]

# Run inside `manage.py shell` on the migrated database: what the new code sees.
AFTER_MIGRATION = """
import json
from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail.models import Page, Task

moved = json.loads(MOVED)
rows = {m: apps.get_model(new, m).objects.count() for _old, new, m, _t in moved}
content_types = {
    m: list(ContentType.objects.filter(model=m).values_list("app_label", "pk"))
    for _old, _new, m, _t in moved
}
client = Client(HTTP_HOST="localhost")
not_rendered = []
for page in Page.objects.live().filter(depth__gt=1).specific():
    url = page.get_url()
    if url and client.get(url).status_code != 200:
        not_rendered.append(url)
communication = Group.objects.get(name="Communication")
print(json.dumps({
    "rows": rows,
    "content_types": content_types,
    "live_pages": Page.objects.live().filter(depth__gt=1).count(),
    "not_rendered": not_rendered,
    "review_task": type(
        Task.objects.get(name="Moderator or second translator").specific
    ).__module__,
    "may_edit_terms": communication.permissions.filter(
        content_type__app_label="glossary", codename="change_glossaryterm"
    ).exists(),
    "offices_by_type": Page.objects.type(apps.get_model("offices", "OfficePage")).count(),
}))
"""


def psql(database, sql):
    return subprocess.run(
        ["psql", "-h", HOST, "-U", USER, "-d", database, "-tAc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


DB = settings.DATABASES["default"]
HOST, USER = DB.get("HOST") or "127.0.0.1", DB.get("USER") or "postgres"


@pytest.fixture
def previous_database():
    if DB["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the saved database is a PostgreSQL dump")
    name = f"{DB['NAME']}_previous_schema_{os.getpid()}"
    subprocess.run(["dropdb", "-h", HOST, "-U", USER, "--if-exists", name], check=True)
    subprocess.run(["createdb", "-h", HOST, "-U", USER, name], check=True)
    subprocess.run(
        ["pg_restore", "-h", HOST, "-U", USER, "-d", name, "--no-owner", str(DUMP)], check=True
    )
    yield name
    subprocess.run(["dropdb", "-h", HOST, "-U", USER, "--if-exists", name], check=True)


def manage(database, *args, **kwargs):
    environment = {
        **os.environ,
        "DATABASE_URL": f"postgres://{USER}@{HOST}:{DB.get('PORT') or 5432}/{database}",
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
    }
    return subprocess.run(
        [sys.executable, str(settings.BASE_DIR / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        **kwargs,
    )


def test_the_previous_demo_site_migrates_with_every_row_and_page_kept(previous_database):
    before_rows = {
        # Table and model names come from MOVED above, never from input.
        model: int(psql(previous_database, f"SELECT count(*) FROM {table}"))  # noqa: S608
        for _old, _new, model, table in MOVED
    }
    before_types = {
        model: int(
            psql(
                previous_database,
                "SELECT id FROM django_content_type "  # noqa: S608
                f"WHERE app_label = '{old}' AND model = '{model}'",
            )
        )
        for old, _new, model, _table in MOVED
    }
    live_before = int(
        psql(previous_database, "SELECT count(*) FROM wagtailcore_page WHERE live AND depth > 1")
    )
    assert min(before_rows.values()) > 0 or before_rows["pagefeedback"] == 0

    manage(previous_database, "migrate", "--noinput")
    script = f"MOVED = {json.dumps(json.dumps(MOVED))}\n{AFTER_MIGRATION}"
    after = json.loads(manage(previous_database, "shell", "-c", script).stdout.splitlines()[-1])

    assert after["rows"] == before_rows
    for old, new, model, _table in MOVED:
        # The same content type row, relabelled: nothing that points at it had to change.
        assert after["content_types"][model] == [[new, before_types[model]]], (old, model)
    assert after["live_pages"] == live_before
    assert after["not_rendered"] == []
    assert after["review_task"] == "workflows.models"
    assert after["may_edit_terms"]
    assert after["offices_by_type"] == before_rows["officepage"]
