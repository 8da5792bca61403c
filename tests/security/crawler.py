"""Finds every public route of the site by itself: the sitemap, a crawl from each language's home,
the sub-routes of routable pages, and every form with its fields.

What it finds is what the hostile-input suite attacks, so a new page type, sub-route or form is
covered the day it appears, without anyone adding it to a list.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

# Pages of one type look alike; past this many per language the crawl learns nothing new.
MAX_PAGES = 400


@dataclass
class Form:
    """A form found on a page: where it posts, how, and its fields with their shown values."""

    action: str
    method: str
    fields: dict


@dataclass
class Routes:
    """What the crawl found: addresses, the query parameters seen, and the forms."""

    paths: set = field(default_factory=set)
    parameters: set = field(default_factory=set)
    forms: dict = field(default_factory=dict)
    # {path: the query parameters links and GET forms send to it}: what that page reads.
    linked: dict = field(default_factory=dict)
    # {path: its kind}: a page type, a routable sub-route of one, or another view.
    kinds: dict = field(default_factory=dict)

    def add_link(self, href, base):
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            return None
        if not is_public(parts.path):
            return None
        names = {name for name, _value in parse_qsl(parts.query)}
        self.parameters.update(names)
        self.linked.setdefault(parts.path, set()).update(names)
        if parts.path not in self.paths:
            self.paths.add(parts.path)
            return parts.path
        return None


def is_public(path):
    languages = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return path.startswith(languages) or path == "/sitemap.xml"


def forms_of(html, base):
    """Every form of a page, keyed by (method, action), with each field's name and value."""
    found = []
    for form in html.find_all("form"):
        action = urlsplit(urljoin(base, form.get("action") or base)).path
        method = (form.get("method") or "get").lower()
        fields = {}
        for element in form.find_all(["input", "select", "textarea", "button"]):
            name = element.get("name")
            if not name:
                continue
            if element.name == "select":
                option = element.find("option")
                fields[name] = option.get("value", option.get_text()) if option else ""
            else:
                fields[name] = element.get("value", "")
        found.append(Form(action=action, method=method, fields=fields))
    return found


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    return [
        urlsplit(loc.get_text()).path
        for loc in BeautifulSoup(response.content, "xml").find_all("loc")
    ]


def routable_sub_paths():
    """Each live routable page's sub-routes that take no argument (feeds, PDFs, listings)."""
    paths = []
    for page in Page.objects.live().public().specific():
        if not isinstance(page, RoutablePageMixin) or page.url is None:
            continue
        for pattern in page.get_subpage_urls():
            if pattern.name and not pattern.pattern.regex.groups:
                paths.append(page.url + page.reverse_subpage(pattern.name))
    return paths


def page_types():
    """{address: page type name} of every live page."""
    return {page.url: type(page).__name__ for page in Page.objects.live().specific() if page.url}


def view_route(path):
    """The route of the view of our own that answers `path`, without its language
    ('members/<int:pk>/'): every member's profile is one kind of route, not one each. None for
    an address Wagtail serves as a page."""
    language = path.split("/")[1]
    try:
        with translation.override(language if language in dict(settings.LANGUAGES) else None):
            match = resolve(path)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None
    prefix = f"{language}/"
    return match.route[len(prefix) :] if match.route.startswith(prefix) else match.route


def kind_of(path, types):
    """A page type, a routable sub-route of one, or the route of another view."""
    if (route := view_route(path)) is not None:
        return route
    owner = max((url for url in types if path.startswith(url)), key=len, default=None)
    if owner is None:
        return path.strip("/").split("/", 1)[-1] or path
    return types[owner] + (" " + path[len(owner) :] if path != owner else "")


def crawl(client):
    """Every public route reachable from the sitemap, each home and the routable pages."""
    routes = Routes()
    queue = [f"/{code}/" for code, _name in settings.LANGUAGES]
    queue += sitemap_paths(client) + routable_sub_paths()
    routes.paths.update(queue)
    routes.paths.add("/sitemap.xml")
    types = page_types()
    # Kinds that answered a PDF or a feed: the others of their kind hold no links or forms either,
    # and a welcome booklet's PDF takes over a second to make.
    not_html = set()
    while queue and len(routes.paths) < MAX_PAGES * len(settings.LANGUAGES):
        path = queue.pop()
        if kind_of(path, types) in not_html:
            continue
        response = client.get(path)
        if response.status_code != 200:
            continue
        if "html" not in response.get("Content-Type", ""):
            not_html.add(kind_of(path, types))
            continue
        html = BeautifulSoup(response.content, "lxml")
        for link in html.find_all("a", href=True):
            if new := routes.add_link(link["href"], path):
                queue.append(new)
        for form in forms_of(html, path):
            if not is_public(form.action):
                continue
            routes.forms.setdefault((form.method, form.action), form)
            routes.parameters.update(form.fields)
            if form.method == "get":
                routes.linked.setdefault(form.action, set()).update(form.fields)
            if form.method == "get" and form.action not in routes.paths:
                routes.paths.add(form.action)
                queue.append(form.action)
    routes.kinds = {path: kind_of(path, types) for path in routes.paths}
    return routes
