"""Reading the other websites' RSS feeds, Atom feeds and sitemaps into plain entries."""

import re
from dataclasses import dataclass
from urllib.parse import urlparse

import requests
from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.utils.html import strip_tags

FETCH_TIMEOUT_SECONDS = 15
MAX_SOURCE_BYTES = 20 * 1024 * 1024
NAMESPACES = {
    "atom": "http://www.w3.org/2005/Atom",
    "sitemap": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "dc": "http://purl.org/dc/elements/1.1/",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class FeedError(Exception):
    """The source can't be read or isn't a feed or sitemap; the message says why, in one line."""


@dataclass
class FeedEntry:
    title: str
    url: str
    summary: str
    language: str | None


def read_source(source):
    """The bytes of a feed given as an http(s) address or a local file path."""
    if urlparse(source).scheme in {"http", "https"}:
        try:
            response = requests.get(source, timeout=FETCH_TIMEOUT_SECONDS)
            response.raise_for_status()
        except requests.RequestException as error:
            raise FeedError(f"Cannot fetch {source}: {error.__class__.__name__}") from error
        content = response.content
    else:
        try:
            with open(source, "rb") as file:
                content = file.read(MAX_SOURCE_BYTES + 1)
        except OSError as error:
            raise FeedError(f"Cannot read {source}: {error.strerror}") from error
    if len(content) > MAX_SOURCE_BYTES:
        raise FeedError(f"{source} is larger than {MAX_SOURCE_BYTES // 1024 // 1024} MB")
    return content


def clean_text(value):
    return re.sub(r"\s+", " ", strip_tags(value or "")).strip()


def language_code(value):
    return (value or "").strip().lower()[:2] or None


def title_from_url(url):
    """Sitemaps carry no titles: make a readable one from the address's last part."""
    slug = urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]
    words = re.sub(r"\.\w+$", "", slug).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else url


def language_from_url(url):
    match = re.match(r"/(fr|nl|en)(/|$)", urlparse(url).path)
    return match.group(1) if match else None


def parse_feed(content):
    """Entries of an RSS 2.0 feed, an Atom feed or a sitemap.xml."""
    try:
        root = ElementTree.fromstring(content)
    except (ElementTree.ParseError, DefusedXmlException) as error:
        raise FeedError(f"Not well-formed XML: {error}") from error
    tag = root.tag.split("}")[-1]
    if tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError("RSS feed without a <channel>")
        default_language = language_code(channel.findtext("language"))
        return [
            FeedEntry(
                title=clean_text(item.findtext("title")),
                url=(item.findtext("link") or "").strip(),
                summary=clean_text(item.findtext("description")),
                language=language_code(item.findtext("dc:language", namespaces=NAMESPACES))
                or default_language,
            )
            for item in channel.findall("item")
        ]
    if tag == "feed":
        default_language = language_code(root.get(XML_LANG))
        entries = []
        for entry in root.findall("atom:entry", NAMESPACES):
            link = entry.find("atom:link[@rel='alternate']", NAMESPACES)
            if link is None:
                link = entry.find("atom:link", NAMESPACES)
            entries.append(
                FeedEntry(
                    title=clean_text(entry.findtext("atom:title", namespaces=NAMESPACES)),
                    url=(link.get("href") if link is not None else "") or "",
                    summary=clean_text(
                        entry.findtext("atom:summary", namespaces=NAMESPACES)
                        or entry.findtext("atom:content", namespaces=NAMESPACES)
                    ),
                    language=language_code(entry.get(XML_LANG)) or default_language,
                )
            )
        return entries
    if tag == "urlset":
        entries = []
        for url in root.findall("sitemap:url", NAMESPACES):
            location = (url.findtext("sitemap:loc", namespaces=NAMESPACES) or "").strip()
            entries.append(
                FeedEntry(
                    title=title_from_url(location),
                    url=location,
                    summary="",
                    language=language_from_url(location),
                )
            )
        return entries
    raise FeedError(f"Not an RSS feed, an Atom feed or a sitemap (root element <{tag}>)")
