"""`import_feed` brings the other websites' pages into search, safely and idempotently."""

import io
import socket

import pytest
from django.core.management import CommandError, call_command

from search.models import ExternalResource

RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Old community</title><language>nl</language>
<item><title>Workshop &lt;b&gt;fotografie&lt;/b&gt;</title>
<link>https://community.example/nl/workshop</link>
<description>&lt;p&gt;Leer beter fotograferen.&lt;/p&gt;</description></item>
<item><title>Stage photo</title><link>https://community.example/fr/stage</link>
<description>Apprendre la photo.</description><dc:language>fr</dc:language></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Blog</title>
<entry><title>Pricing your work</title><link rel="alternate" href="https://blog.example/en/pricing"/>
<summary>How to set a fair price.</summary></entry>
</feed>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://corporate.example/fr/devenir-membre</loc></url>
<url><loc>https://corporate.example/en/opening-hours</loc></url>
</urlset>"""


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return str(path)


def run(source, **options):
    out = io.StringIO()
    call_command("import_feed", source, stdout=out, **options)
    return out.getvalue()


@pytest.mark.django_db
def test_rss_items_are_imported_with_their_language_and_plain_text(tmp_path):
    run(write(tmp_path, "feed.xml", RSS), site="Community")

    workshop = ExternalResource.objects.get(url="https://community.example/nl/workshop")
    assert workshop.title == "Workshop fotografie"
    assert workshop.summary == "Leer beter fotograferen."
    assert workshop.locale.language_code == "nl"
    assert workshop.source_site == "Community"
    stage = ExternalResource.objects.get(url="https://community.example/fr/stage")
    assert stage.locale.language_code == "fr"


@pytest.mark.django_db
def test_atom_feeds_and_sitemaps_are_read_too(tmp_path):
    run(write(tmp_path, "atom.xml", ATOM), site="Blog")
    run(write(tmp_path, "sitemap.xml", SITEMAP), site="Corporate site")

    pricing = ExternalResource.objects.get(url="https://blog.example/en/pricing")
    assert (pricing.title, pricing.locale.language_code) == ("Pricing your work", "en")
    member = ExternalResource.objects.get(url="https://corporate.example/fr/devenir-membre")
    assert (member.title, member.locale.language_code) == ("Devenir membre", "fr")


@pytest.mark.django_db
def test_a_second_run_adds_nothing(tmp_path):
    source = write(tmp_path, "feed.xml", RSS)
    run(source, site="Community")
    count = ExternalResource.objects.count()

    output = run(source, site="Community")

    assert ExternalResource.objects.count() == count
    assert "0 added, 2 updated" in output


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<rss><channel><item><title>x</title>", "Not well-formed XML"),
        ("<html><body>Hello</body></html>", "Not an RSS feed, an Atom feed or a sitemap"),
        (
            RSS.replace("https://community.example/fr/stage", "javascript:alert(1)"),
            "has no valid http(s) address",
        ),
        (RSS.replace("<title>Stage photo</title>", "<title></title>"), "has no title"),
    ],
)
def test_a_bad_source_fails_with_one_line_and_imports_nothing(tmp_path, content, message):
    before = ExternalResource.objects.count()

    with pytest.raises(CommandError) as error:
        run(write(tmp_path, "bad.xml", content))

    assert message in str(error.value)
    assert "\n" not in str(error.value)
    assert ExternalResource.objects.count() == before


@pytest.mark.django_db
def test_an_unreachable_address_fails_cleanly():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(CommandError, match="Cannot fetch"):
        run(f"http://127.0.0.1:{closed_port}/feed.xml")


@pytest.mark.django_db
def test_a_missing_file_fails_cleanly():
    with pytest.raises(CommandError, match="Cannot read"):
        run("/no/such/feed.xml")


def test_the_command_exits_non_zero_from_the_shell(tmp_path):
    import subprocess
    import sys

    bad = write(tmp_path, "bad.xml", "<rss>")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_feed", bad],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Not well-formed XML" in result.stderr
