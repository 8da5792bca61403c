"""Factories for members' answers to 'Was this page helpful?'."""

import factory

from feedback.models import PageFeedback


class PageFeedbackFactory(factory.django.DjangoModelFactory):
    """A vote on `page`, in the page's language; `created_at=` dates it (it is set on save)."""

    language = factory.LazyAttribute(lambda feedback: feedback.page.locale.language_code)
    helpful = True
    comment = ""

    class Meta:
        model = PageFeedback
        skip_postgeneration_save = True

    @factory.post_generation
    def created_at(feedback, create, extracted, **kwargs):
        if create and extracted is not None:
            PageFeedback.objects.filter(pk=feedback.pk).update(created_at=extracted)
            feedback.created_at = extracted
