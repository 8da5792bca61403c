"""Content-Security-Policy: the strict policy of settings everywhere, relaxed for the admin only.

Wagtail's admin needs inline scripts and styles, images from data: and blob: addresses, and
shows page previews in a frame of its own; the public site needs none of that.
"""

from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    # The preview panel frames the site's own preview view.
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}

PREVIEW_FRAME_ANCESTORS = {"frame-ancestors": ["'self'"]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.config = ADMIN_POLICY
        elif getattr(request, "is_dummy", False):
            # The admin renders a preview through the whole middleware chain as a request for the
            # page's public address: the public policy, but framed by the admin's preview panel.
            parts.replace = PREVIEW_FRAME_ANCESTORS
        return parts
