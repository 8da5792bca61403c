"""schema.org JobPosting data for search engines, for the opportunities that are jobs."""

from django.utils import translation

from portal.pages import absolute_url

from .choices import OpportunityKind
from .closing import closes_at


def job_posting_schema(request, opportunity):
    """A job as schema.org JobPosting; None for calls, grants and collaborations, which are
    not jobs and which search engines would refuse as such."""
    if opportunity.kind != OpportunityKind.JOB:
        return None
    url = absolute_url(request, opportunity)
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "@id": url,
        "url": url,
        "title": opportunity.title,
        "description": opportunity.summary,
        "inLanguage": translation.get_language(),
        "datePosted": (opportunity.first_published_at or closes_at(opportunity)).date().isoformat(),
        "validThrough": closes_at(opportunity).isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": opportunity.organisation},
        "jobLocation": job_location(opportunity),
    }
    return data


def job_location(opportunity):
    office = opportunity.office
    if office is None:
        return {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "BE"}}
    return {"@type": "Place", "address": office.postal_address_schema}
