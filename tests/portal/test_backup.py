"""`make backup` then `make restore` gives back the same pages, terms and uploaded files."""

import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from wagtail.models import Page, Revision

from glossary.models import GlossaryTerm
from portal import backup

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


def row_counts(database):
    with psycopg.connect(
        dbname=database["NAME"],
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
    ) as restored:
        return {
            table: restored.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in TABLES
        }


@pytest.mark.django_db
def test_a_backup_restores_the_same_content_and_files(tmp_path, scratch_database):
    database, scratch = scratch_database
    upload = Path(settings.MEDIA_ROOT) / "documents" / "contract.txt"
    upload.parent.mkdir(parents=True, exist_ok=True)
    upload.write_text("Signed in Brussels.")

    backup.back_up(tmp_path / "backup", database)
    upload.unlink()
    backup.restore(tmp_path / "backup", scratch)

    assert row_counts(scratch) == {table: model.objects.count() for table, model in TABLES.items()}
    assert row_counts(scratch)[Page._meta.db_table] > 20
    assert upload.read_text() == "Signed in Brussels."
