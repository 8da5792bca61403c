"""The `{% glossary_links %}` block: links glossary terms in the enclosed rendered text."""

from django import template
from django.utils.safestring import mark_safe

from glossary.linking import link_glossary_terms

register = template.Library()


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        page = context.get("page")
        if page is None or getattr(page, "locale_id", None) is None:
            return html
        # Shared by every glossary_links block of this template, so each term is linked once.
        linked_terms = context.render_context.get("glossary_linked_terms")
        if linked_terms is None:
            linked_terms = context.render_context["glossary_linked_terms"] = set()
        return mark_safe(link_glossary_terms(html, page.locale_id, linked_terms))


@register.tag
def glossary_links(parser, token):
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist)
