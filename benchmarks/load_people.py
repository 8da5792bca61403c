"""The simulated people of the load and fault runs, as locust users speaking plain HTTP.

- Members browse in French, Dutch or English (home, paths, topics, guides, glossary, news, FAQ,
  mission), search with the judged queries of tests/search/queries.yaml and switch language by
  following the language switcher's links, pausing between clicks as a reader does.
- One editor republishes plain pages (news index, glossary, FAQ) through Wagtail's page editor:
  the form as the admin renders it, posted back with one changed field and "Publish".
- One translator saves Dutch translations of news items in wagtail-localize's editor (the PUT its
  React app sends) and publishes the translation now and then.

Staff log in through /admin/login/ and send the CSRF token as a browser does. Every request is
named by its kind ("page: guide", "search", "switch", "publish", ...), which is what the report
groups by. `world` (the JSON of load_setup.py) says where everything is; run.py files fill it.
"""

import itertools
import json
import random
import re
import time

from locust import HttpUser, between, task
from lxml import html

# Filled by the script that starts the run: the output of load_setup.py, the base address.
world = {}
# Every acknowledged save, for the fault runs: (time, page id, text) of each publish the admin
# answered with a redirect. The database must hold a revision for each.
acknowledged = []
# Production sits behind a proxy that terminates HTTPS and says so.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
SWITCHER_LINK = re.compile(r'<a href="(/[a-z]{2}/[^"]*)" hreflang="([a-z]{2})" lang="[a-z]{2}"')
LANGUAGES = ["fr", "nl", "en"]
# What members open, and how often, out of every 10 clicks (searches and switches apart).
BROWSING = {
    "home": 2,
    "path": 1,
    "topic": 1,
    "guide": 3,
    "glossary": 1,
    "news": 1,
    "faq": 1,
    "mission": 0.3,
}


class Person(HttpUser):
    """Someone at a browser: HTTPS as seen behind the proxy, cookies kept between clicks."""

    abstract = True

    def on_start(self):
        self.client.headers.update(PROXY_HEADERS)
        self.client.headers["Origin"] = world["origin"]
        # One connection per request, as the proxy in front of gunicorn opens them (nginx
        # speaks HTTP/1.0 to its upstream by default). Reusing idle connections instead races
        # gunicorn's 2 s keep-alive against the members' pauses and fails requests at random.
        self.client.headers["Connection"] = "close"

    def call(self, method, address, name, **kwargs):
        # The proxy speaks HTTPS to browsers and HTTP to gunicorn: the site's cookies are
        # marked Secure, and must still travel on this hop.
        for cookie in self.client.cookies:
            cookie.secure = False
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        with self.client.request(method, address, name=name, catch_response=True, **kwargs) as r:
            if r.status_code >= 400 or r.status_code == 0:
                # Without an answer, say why: the client's own error (timeout, reset, refused).
                r.failure(f"HTTP {r.status_code} {type(getattr(r, 'error', None)).__name__}")
            else:
                r.success()
            return r


class Member(Person):
    """A member reading the portal in one language, sometimes searching or switching."""

    # A reader's pause between two clicks; the run script sets it from LOAD_THINK.
    wait_time = between(1, 3)

    def on_start(self):
        super().on_start()
        self.language = random.choice(LANGUAGES)  # noqa: S311 - simulation, not security
        self.last_page = f"/{self.language}/"

    @task(10)
    def browse(self):
        pages = world["pages"][self.language]
        kinds = [kind for kind in BROWSING if pages.get(kind)]
        kind = random.choices(kinds, weights=[BROWSING[k] for k in kinds])[0]  # noqa: S311
        self.last_page = random.choice(pages[kind])  # noqa: S311
        self.call("GET", self.last_page, f"page: {kind}")

    @task(3)
    def search(self):
        query = random.choice(world["searches"][self.language])  # noqa: S311
        self.call("GET", f"/{self.language}/search/", "search", params={"q": query})

    @task(1)
    def switch_language(self):
        """Open the page in another language through the switcher on the last page read."""
        page = self.call("GET", self.last_page, "page: before switch")
        links = [
            (address, code)
            for address, code in SWITCHER_LINK.findall(page.text or "")
            if code != self.language
        ]
        if links:
            address, self.language = random.choice(links)  # noqa: S311
            self.last_page = address
            self.call("GET", address, "switch")


class Staff(Person):
    """Someone working in the admin: logs in once, then works."""

    abstract = True
    username = ""

    def on_start(self):
        super().on_start()
        self.log_in()

    def log_in(self):
        self.call("GET", "/admin/login/", "admin login")
        self.call(
            "POST",
            "/admin/login/",
            "admin login",
            data={
                "username": world[self.username],
                "password": world["password"],
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
                "next": "/admin/",
            },
            headers={"Referer": world["origin"] + "/admin/login/"},
        )

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")

    def logged_in(self, response):
        """False when the admin sent us to its login page: log in again."""
        if response.status_code == 302 and "/admin/login/" in response.headers.get("Location", ""):
            self.log_in()
            return False
        return True


class Editor(Staff):
    """The communication team's editor, republishing plain pages one after another."""

    fixed_count = 1
    username = "editor"
    # A publish every 15 to 30 s: each one empties the page cache of every language.
    wait_time = between(15, 30)

    def on_start(self):
        super().on_start()
        self.pages = itertools.cycle(world["edited_pages"])
        self.version = itertools.count(1)

    @task
    def publish(self):
        page_id = next(self.pages)
        edit = self.call("GET", f"/admin/pages/{page_id}/edit/", "admin edit")
        if edit.status_code != 200 or not self.logged_in(edit):
            return
        form = html.fromstring(edit.text).get_element_by_id("page-edit-form")
        data = dict(form.form_values())
        # Each publish leaves a revision that can be told apart from every other.
        # Django strips what a form field holds; strip it here too, to find it again verbatim.
        intro = data.get("intro", "").strip().split(" Relu par l'équipe communication")[0]
        data["intro"] = f"{intro} Relu par l'équipe communication (version {next(self.version)})."
        data["action-publish"] = "action-publish"
        saved = self.call(
            "POST",
            f"/admin/pages/{page_id}/edit/",
            "publish",
            data=data,
            headers={"Referer": world["origin"] + f"/admin/pages/{page_id}/edit/"},
        )
        # Wagtail answers a publish with a redirect; a form with errors comes back as a 200.
        if saved.status_code == 302 and "/edit/" not in saved.headers.get("Location", "/edit/"):
            acknowledged.append((time.time(), page_id, data["intro"]))


class Translator(Staff):
    """A Dutch translator going through the segments of news items, saving each."""

    fixed_count = 1
    username = "translator"
    wait_time = between(4, 8)

    def on_start(self):
        super().on_start()
        self.pages = itertools.cycle(world["translated_pages"])
        self.saves = itertools.count(1)
        self.open_next()

    def open_next(self):
        self.page_id = next(self.pages)
        editor = self.call("GET", f"/admin/pages/{self.page_id}/edit/", "translation editor")
        self.segments = []
        if editor.status_code == 200 and self.logged_in(editor):
            found = html.fromstring(editor.text).find_class("js-translation-editor")
            if found:
                props = json.loads(found[0].get("data-props"))
                done = {t["segment_id"]: t["data"] for t in props["initialStringTranslations"]}
                self.segments = [
                    (segment["editUrl"], done[segment["id"]])
                    for segment in props["segments"]
                    if segment["type"] == "string" and segment["id"] in done
                ]
                random.shuffle(self.segments)

    @task
    def save_translation(self):
        if not self.segments:
            self.open_next()
            return
        address, text = self.segments.pop()
        # The translator confirms the Dutch text the segment holds: a real save of the string.
        self.call(
            "PUT",
            address,
            "save translation",
            files={"value": (None, text)},
            headers={"X-CSRFToken": self.csrf(), "Referer": world["origin"] + "/admin/"},
        )
        if next(self.saves) % 5 == 0:
            self.call(
                "POST",
                f"/admin/pages/{self.page_id}/edit/",
                "publish translation",
                data={"csrfmiddlewaretoken": self.csrf(), "action": "publish"},
                headers={"Referer": world["origin"] + f"/admin/pages/{self.page_id}/edit/"},
            )
            self.open_next()
