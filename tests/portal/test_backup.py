"""`make backup` then `make restore` gives back the same pages, terms and uploaded files.

pg_dump reads the database from a connection of its own, so the test commits what it builds
(a site with a translated guide and glossary terms); the database is emptied and given back its
migrated content afterwards.
"""

import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page, Revision

from glossary.models import GlossaryTerm
from portal import backup
from tests.glossary.factories import GlossaryTermFactory
from tests.guides.factories import GuidePageFactory, PathPageFactory
from tests.home.factories import build_site_tree
from tests.translations.factories import translate

TABLES = {
    Page._meta.db_table: Page,
    Revision._meta.db_table: Revision,
    GlossaryTerm._meta.db_table: GlossaryTerm,
}


@pytest.fixture
def scratch_database():
    """An empty database beside the test one, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("Backups need PostgreSQL.")
    database = {**settings.DATABASES["default"], "NAME": connection.settings_dict["NAME"]}
    scratch = {**database, "NAME": f"{database['NAME']}_restore"}
    environment = backup.connection_environment(database)
    subprocess.run(["dropdb", "--if-exists", scratch["NAME"]], env=environment, check=True)
    subprocess.run(["createdb", scratch["NAME"]], env=environment, check=True)
    yield database, scratch
    subprocess.run(["dropdb", "--if-exists", scratch["NAME"]], env=environment, check=True)


def connect(database):
    return psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    )


def row_counts(database):
    with connect(database) as restored:
        return {
            table: restored.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in TABLES
        }


def column(database, table, name):
    with connect(database) as restored:
        rows = restored.execute(f'SELECT "{name}" FROM "{table}"').fetchall()  # noqa: S608
        return {row[0] for row in rows}


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_the_same_content_and_files(
    migrated_content_given_back, tmp_path, scratch_database
):
    database, scratch = scratch_database
    path = PathPageFactory(parent=build_site_tree().home["fr"])
    guide = GuidePageFactory(parent=path, title="Facturer un client")
    translate(path, "nl")
    translate(guide, "nl", strings={"Facturer un client": "Een klant factureren"})
    for term, definition in [
        ("Avance", "Une somme versée avant la fin de votre contrat."),
        ("Droits d'auteur", "Ce que vous touchez quand votre œuvre est utilisée."),
    ]:
        GlossaryTermFactory(term=term, definition=definition)
    upload = Path(settings.MEDIA_ROOT) / "documents" / "contract.txt"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_text("Signed in Brussels.")

    backup.back_up(tmp_path / "backup", database)
    upload.unlink()
    backup.restore(tmp_path / "backup", scratch)

    assert row_counts(scratch) == {table: model.objects.count() for table, model in TABLES.items()}
    assert {"Facturer un client", "Een klant factureren", "Startpagina"} <= column(
        scratch, Page._meta.db_table, "title"
    )
    assert column(scratch, GlossaryTerm._meta.db_table, "term") == {"Avance", "Droits d'auteur"}
    assert upload.read_text() == "Signed in Brussels."
