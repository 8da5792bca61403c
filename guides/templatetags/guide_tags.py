from django import template

from guides.video import embed_url_for

register = template.Library()


@register.simple_tag
def video_embed_url(url):
    return embed_url_for(url) or ""
