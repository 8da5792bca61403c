"""The contact tree (tests/offices/contact_tree.py), built once per test module that uses it."""

import pytest

from tests.offices.contact_tree import build_contact_tree


@pytest.fixture(scope="module")
def contacts(shared_data):
    """The contact page, its services and its offices, in every language."""
    with shared_data():
        yield build_contact_tree()


@pytest.fixture
def page(contacts, db):
    """A page of the contact tree in a language, read afresh: `page("nl", "antwerp")`."""

    def page_in(language, key="contact"):
        built = contacts["pages"][language][key]
        return type(built).objects.get(pk=built.pk)

    return page_in
