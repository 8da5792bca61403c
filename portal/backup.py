"""Backing up and restoring the site: the PostgreSQL database and the uploaded files.

A backup is a folder holding `database.dump` (pg_dump's custom format) and `media.tar.gz`.
Restoring replaces the database's content and the files in MEDIA_ROOT with the backup's.
"""

import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


def connection_environment(database):
    """libpq's environment for `database` (a DATABASES entry): no password on a command line."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise CommandError("Backups need PostgreSQL (set DATABASE_URL).")
    values = {
        "PGHOST": database.get("HOST") or "",
        "PGPORT": str(database.get("PORT") or ""),
        "PGUSER": database.get("USER") or "",
        "PGPASSWORD": database.get("PASSWORD") or "",
        "PGDATABASE": database["NAME"],
    }
    return {**os.environ, **{name: value for name, value in values.items() if value}}


def back_up(folder, database=None):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    environment = connection_environment(database or settings.DATABASES["default"])
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={folder / DATABASE_FILE}"],
        env=environment,
        check=True,
    )
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            archive.add(media, arcname=".")
    return folder


def restore(folder, database=None):
    folder = Path(folder)
    if not (folder / DATABASE_FILE).is_file():
        raise CommandError(f"No {DATABASE_FILE} in {folder}.")
    environment = connection_environment(database or settings.DATABASES["default"])
    subprocess.run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={environment['PGDATABASE']}",
            str(folder / DATABASE_FILE),
        ],
        env=environment,
        check=True,
    )
    if (folder / MEDIA_FILE).is_file():
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(settings.MEDIA_ROOT, filter="data")
