"""Every public page loads under 150 KB (HTML, CSS, JS and fonts; images aside) and asks nothing
of any other host, measured in the browser with an empty cache."""

import pytest

from tests.e2e import report
from tests.e2e.page_weight import weigh_page
from tests.e2e.site_pages import every_page
from tests.pages import LANGUAGES

BUDGET_KB = 150
# Weighed as a phone loads it; no stylesheet or script depends on the width.
PHONE_WIDTH = 375


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_light_and_stays_on_this_site(open_context, live_site, language):
    problems = []
    for page_type, address, _ in every_page(language):
        # A context per page: its cache starts empty, as on a first visit.
        context = open_context(PHONE_WIDTH)
        weight = weigh_page(context, live_site.url + address)
        context.close()
        report.page_weights[page_type].append((address, weight.kilobytes))
        if weight.kilobytes > BUDGET_KB:
            problems.append(f"{address} weighs {weight.kilobytes:.1f} KB")
        problems += [f"{address} asked another host for {url}" for url in weight.foreign_requests]
    assert not problems, "\n".join(problems)
