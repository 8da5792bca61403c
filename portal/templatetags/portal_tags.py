"""Template tags for the site chrome: navigation, breadcrumbs, language switcher, hreflang,
and schema.org data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import visitors
from portal.i18n import current_home, language_versions
from portal.pages import absolute_url
from portal.routing import page_ancestors

register = template.Library()
# What Django's `json_script` escapes: no `</script>` or `<!--` can survive inside the block.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Each language's version of the page being shown."""
    request = context.get("request")
    if request is None:
        return []
    return language_versions(
        request, context.get("page"), homes_only=bool(context.get("is_error_page"))
    )


@register.simple_tag(takes_context=True)
def home_page(context):
    request = context.get("request")
    return current_home(request) if request is not None else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The sections listed under the home page of the reader's language, in tree order."""
    request = context.get("request")
    home = current_home(request) if request is not None else None
    if home is None:
        return []
    if not hasattr(request, "_main_menu"):
        request._main_menu = list(home.get_children().live().in_menu().order_by("path"))
    return request._main_menu


@register.simple_tag
def breadcrumb_trail(page):
    """The pages from the language's home down to the parent of `page`."""
    if page is None or page.depth <= 2:
        return []
    return page_ancestors(page)


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD block, escaped as Django's `json_script` escapes.

    A data block is never run, so the Content-Security-Policy's script-src doesn't apply to it;
    the escaping keeps any `</script>` or `<!--` in editors' text from ending the block early.
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def absolute_pageurl(context, page):
    """The page's full address as the member reached the site (see `portal.pages.absolute_url`)."""
    return absolute_url(context.get("request"), page)


@register.simple_tag(takes_context=True)
def signed_in_user(context):
    """The signed-in person, or None, without touching a visitor's session (portal.visitors)."""
    return visitors.signed_in_user(context.get("request"))
