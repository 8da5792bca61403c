"""schema.org Event data for search engines: dates, place or link, organiser, free entry."""

from django.utils import translation

from portal.pages import absolute_url
from portal.search_engines import organisation

from .occurrences import BRUSSELS


def event_schema(request, event, next_date):
    """The event's next date (or its first, once over) as schema.org Event."""
    starts_at = next_date.starts_at if next_date else event.starts_at
    ends_at = next_date.ends_at if next_date else event.ends_at
    url = absolute_url(request, event)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": url,
        "url": url,
        "name": event.title,
        "description": event.summary,
        "inLanguage": translation.get_language(),
        "startDate": starts_at.astimezone(BRUSSELS).isoformat(),
        "endDate": ends_at.astimezone(BRUSSELS).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": organisation(request),
        "isAccessibleForFree": True,
    }
    places = []
    if event.office is not None or event.venue:
        places.append(physical_place(event))
    if event.online_link:
        places.append({"@type": "VirtualLocation", "url": url})
    mode = {
        (True, False): "OfflineEventAttendanceMode",
        (False, True): "OnlineEventAttendanceMode",
        (True, True): "MixedEventAttendanceMode",
    }.get((event.office is not None or bool(event.venue), bool(event.online_link)))
    if mode:
        data["eventAttendanceMode"] = f"https://schema.org/{mode}"
    if places:
        data["location"] = places[0] if len(places) == 1 else places
    if event.places is not None:
        data["maximumAttendeeCapacity"] = event.places
    return data


def physical_place(event):
    if event.venue:
        return {"@type": "Place", "name": event.venue, "address": event.venue}
    office = event.office
    return {"@type": "Place", "name": office.title, "address": office.postal_address_schema}
