"""Every process rebuilds its glossary index after a change, even when the shared cache was lost.

Each process keeps the compiled index of each language under the version the shared cache holds.
Losing the cache (a Redis restart, a flush) must never bring back a version a process already
built an index for: that process would keep linking yesterday's glossary.
"""

from django.core.cache import cache

from glossary.linking import current_version, glossary_index
from tests.glossary.factories import GlossaryPageFactory, GlossaryTermFactory


def linked_terms(locale):
    return {entry.term for entry in glossary_index(locale).entries.values()}


def test_a_term_added_before_the_cache_is_lost_is_still_linked_after(site_tree, locales):
    GlossaryPageFactory(parent=site_tree.home["fr"])
    GlossaryTermFactory(term="Acompte", locale=locales["fr"])
    # This process builds its index while the cache holds no version at all.
    cache.clear()
    assert linked_terms(locales["fr"]) == {"Acompte"}

    GlossaryTermFactory(term="Échéance", locale=locales["fr"])
    cache.clear()

    assert linked_terms(locales["fr"]) == {"Acompte", "Échéance"}


def test_a_change_to_a_term_moves_every_process_to_a_new_version(site_tree, locales):
    GlossaryPageFactory(parent=site_tree.home["fr"])
    term = GlossaryTermFactory(term="Acompte", locale=locales["fr"])
    assert linked_terms(locales["fr"]) == {"Acompte"}

    term.term = "Avance"
    term.save()

    assert linked_terms(locales["fr"]) == {"Avance"}


def test_the_version_moves_on_again_when_a_term_change_is_committed(
    site_tree, locales, django_capture_on_commit_callbacks
):
    GlossaryPageFactory(parent=site_tree.home["fr"])
    with django_capture_on_commit_callbacks() as callbacks:
        GlossaryTermFactory(term="Acompte", locale=locales["fr"])
        before_commit = current_version()
    # Another process may rebuild its index from the data before the commit in between.
    for callback in callbacks:
        callback()

    assert current_version() != before_commit
