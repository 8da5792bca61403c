"""The base of every page factory: a page added under its parent and published as editors do."""

import factory
import wagtail_factories


class PageFactory(wagtail_factories.PageFactory):
    """A page under `parent`, saved through a revision and published (`live=False`: a draft).

    Pages take their parent's language, as in the admin: build the French tree, then make the
    Dutch and English pages with `tests.translations.factories.translate`.
    """

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(page, create, extracted, **kwargs):
        # A first revision, validated like an editor's save; the page is live only if published.
        if not create:
            return
        revision = page.save_revision()
        if page.live:
            revision.publish()
