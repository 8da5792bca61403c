"""What the contact and office pages show besides their own fields, as text for the search index.

A member looks for the page by what they read on it: a team's name ('Facturation',
'Ledenonthaal'), what the team handles, how best to reach it. Those come from the services,
not from the page's fields, so without this 'ledenonthaal' or 'dienst facturatie' would not
find the pages that list the team and its phone number.

The pages' headings ('Heures d'ouverture', 'Fermetures') are not indexed: every office shows
them, so they would tell no office from another and outrank the news of an actual closure.
"""


def teams_text(services, how_to_reach=True):
    """Each team's name and what it handles, a line each; and how best to reach it, where the
    page shows that too (the contact page does, an office page links to it)."""
    return "\n".join(
        " ".join(
            part
            for part in (service.name, service.handles, how_to_reach and service.how_to_reach)
            if part
        )
        for service in services
    )
