"""Settings shared by every environment, safe for production as they stand.

Every environment variable the portal reads is read here, and listed in `.env.example`.
Security-related values have no default: a deploy that forgets them fails loudly.
"""

import datetime
import os
from pathlib import Path

import dj_database_url

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment --------------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
# Varnish in front (deploy/varnish/portal.vcl): the addresses purged on every change to content.
# Empty: no page is marked for a shared cache (portal/edge_cache.py).
EDGE_CACHE_PURGE_URLS = env_list("EDGE_CACHE_PURGE_URLS")
# The site's public address, as members reach it ('https://portal.smart.coop'): the one source of
# every absolute link (portal/public_address.py). Empty: links take the request's address.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", PUBLIC_URL or "http://127.0.0.1:8000"
)
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
# Members' sign-in: OpenID Connect with the cooperative's identity provider (docs/deployment.md).
# Empty client id: sign-in is off and the sign-in page says so.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
# The authorization code flow with PKCE (S256), and a short wait on the provider.
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 5
# `make run` only (dev.py): demo members sign in without a provider; refused with DEBUG off.
DEMO_MEMBER_SIGN_IN = False
# Outgoing e-mail: messages between members, moderators' alerts, the yearly profile question.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Smart <no-reply@localhost>")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Applications -------------------------------------------------------------------------------
# The project's apps from the bottom layer up (docs/architecture.md). Their templates come
# before Wagtail's and wagtail-localize's: workflows and translations override some admin ones.
INSTALLED_APPS = [
    "portal",
    "navigation",
    "workflows",
    "accounts",
    "translations",
    "glossary",
    "guides",
    "news",
    "offices",
    "feedback",
    "directory",
    "events",
    "opportunities",
    "digest",
    "home",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales with translation-aware views
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: the balancer's and the edge cache's probes need nothing else (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.malformed_requests.RejectMalformedRequestMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",
    # Outside sessions, CSRF and authentication, so it sees every cookie a response sets.
    "portal.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which refuses a Host header that ALLOWED_HOSTS doesn't list.
    "portal.sites.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "translations.errors.MachineTranslationErrorMiddleware",
    # Last, as django-axes requires: it answers locked-out login attempts.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # portal/templates is found as the first app's: listing it in DIRS too would find it twice,
        # and a template overriding Wagtail's under the same name would extend itself once more.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account is refused before its password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Members, through the cooperative's identity provider; matched by `sub` only.
    "accounts.backends.MemberOIDCBackend",
]
# Member pages send visitors to the members' sign-in page; the admin keeps its own login.
LOGIN_URL = "sign_in"
LOGIN_REDIRECT_URL = "/"
LOGIN_REDIRECT_URL_FAILURE = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ----------------------------------------------------------------------------------
# French is the source language; every page exists as one tree per locale, translated with
# wagtail-localize. URLs carry the language (/fr/, /nl/, /en/) through i18n_patterns in urls.py.
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LANGUAGE_CODE = "fr"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fr", "Français"),
    ("nl", "Nederlands"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# "Translate this page" makes draft pages: a translation reaches readers only once reviewed, and
# until then the language switcher says "not translated yet".
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: DeepL (with the glossary as terminology) when
# DEEPL_API_KEY is set, else LibreTranslate when LIBRETRANSLATE_URL is set, else none, and
# wagtail-localize hides the button.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine_translation.GlossaryDeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_API_KEY,
            "API_URL": os.environ.get("DEEPL_API_URL", ""),
            "GLOSSARY_MODEL": "glossary.GlossaryTerm",
        },
    }
elif LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL.rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# --- Static and media files ---------------------------------------------------------------------
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


# --- Cache --------------------------------------------------------------------------------------
def redis_cache(url):
    """The shared cache on Redis at `url`. A cache outage must slow the site down, never take
    it down: errors count as cache misses, and a Redis that stops answering (host gone, network
    dropping packets) costs each cache call half a second at most instead of the system's TCP
    timeout of minutes. Redis answers in well under a millisecond on a working network."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages for anonymous members (portal/page_cache.py); 0 turns the page cache off.
# Every change to content empties it, so the lifetime only bounds memory, never staleness.
PAGE_CACHE_SECONDS = 60 * 60
# Keep facts derived from content (a request's site, menus, each language's FAQ page, path
# levels, glossary wordings) in process memory until content changes (portal/content_memo.py).
# Safe where the cache is shared by every process, or where there is a single process.
CONTENT_MEMO = True

# --- Search -------------------------------------------------------------------------------------
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": "portal_",
            # Per request: a search waits this long at most before the database answers instead.
            "TIMEOUT": float(os.environ.get("ELASTICSEARCH_TIMEOUT", "1.5")),
            "OPTIONS": {"max_retries": 0},
        },
        # Kept up to date too: searches fall back to it when Elasticsearch is unreachable.
        "database": {"BACKEND": "search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
# After Elasticsearch fails or times out, searches skip it for this many seconds and the database
# answers at once (search/circuit_breaker.py); then one search tries Elasticsearch again.
SEARCH_BREAKER_SECONDS = int(os.environ.get("SEARCH_BREAKER_SECONDS", "30"))

# The spelling suggestion never "corrects" a word the language's dictionary knows: Debian's
# hunspell dictionaries (hunspell-fr, hunspell-nl, hunspell-en-gb), Belgian variants first.
SPELLING_DICTIONARY_DIR = os.environ.get("SPELLING_DICTIONARY_DIR", "/usr/share/hunspell")
SPELLING_DICTIONARIES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}

# --- Wagtail ------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Smart"
# mp4, webm and vtt: tutorial videos kept on this site, with their captions (guides' video block).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "mp4", "odt", "ods", "pdf", "txt", "vtt", "webm", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents always go through Wagtail's view, as downloads, with `default-src 'none'`: an
# uploaded file can never run as a page of the site.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# ...which sends them with byte ranges: videos seek and play on iPhones (portal/document_ranges.py)
SENDFILE_BACKEND = "portal.document_ranges"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No SVG: an SVG file can carry scripts.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars from gravatar.com would be a request to another host from every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Page types published only through the moderation workflow, in every language (docs/roles.md).
MODERATED_PAGE_TYPES = ["guides.GuidePage"]
# An approved review publishes, even when a second translator (who cannot publish) approved it.
WAGTAIL_FINISH_WORKFLOW_ACTION = "workflows.workflow_actions.publish_approved_workflow_state"
# The page editor of a long guide posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security (tightened further in production.py) ----------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): public pages run only the site's own script and styles.
# The admin's relaxations live in portal/csp.py, scoped to /admin/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The one inline <style> of 500.html, which must render even when static files fail.
        "style-src": ["'self'", "'sha256-1OG4XfBPjdpcAev5gxeWot3douVIV1iDfRGGVX/8Ne4='"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # Guide videos, loaded on click from the privacy-friendly players (guides/video.py).
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Admin login throttling (django-axes): five failures for one username from one address lock
# that pair out for fifteen minutes; a success clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address comes from the connection only: X-Forwarded-For can be forged.
AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]
AXES_ENABLE_ADMIN = False
# One "AXES: BEGIN" line on every manage.py command is noise.
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # One line per background task run is noise at this scale.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
