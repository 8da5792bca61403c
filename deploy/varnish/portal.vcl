vcl 4.1;
# The portal's edge cache. It keeps only what the site marks `public` with a shared lifetime
# (portal/edge_cache.py: anonymous pages, static files) and forgets every page when content
# changes (the site sends PURGE with `xkey-purge`). Signed-in people, the admin and anything
# the site doesn't mark go straight through.
#
# A purge is soft: the pages are out of date at once, so nobody is served them while the site
# answers, but they are kept, to be served while it can't (the database is down).
#
# Each deploy writes `backends.vcl` next to this file (found through varnishd's vcl_path): the
# backend `balancer` with its health probe on /health/ready, and the ACL `purgers` of the app
# servers allowed to purge. benchmarks/cluster.py writes one for the loopback cluster.

import std;
import xkey;

include "backends.vcl";

sub vcl_recv {
    set req.backend_hint = balancer;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed to purge"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Say what to purge in the xkey-purge header"));
        }
        set req.http.x-purged = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, documents (some are private) and anyone signed in: never kept, never shared.
    if (req.url ~ "^/(admin|documents)(/|\?|$)"
        || req.http.Authorization
        || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # A page may depend on the path a member chose (the home page's welcome): keep one copy per
    # known value; any other value counts as none, so nobody can fill the cache with copies.
    unset req.http.x-path;
    if (req.http.Cookie ~ "(^|;\s*)smart_path=(facile|basic|expert)(;|$)") {
        set req.http.x-path = regsub(req.http.Cookie,
            "^(.*;\s*)?smart_path=(facile|basic|expert)(;.*)?$", "\2");
    }
    # While the site answers, never serve a page past its lifetime (a purged page is past it):
    # fetch it again. While /health/ready fails (the database is down), serve what is kept,
    # however old, and fetch it again in the background.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    # Cookies reach the site untouched: it alone decides, per response, whether a page may be
    # shared, and never marks one that depends on any other cookie.
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # The site answers plain HTTP with a redirect to HTTPS: never mix the two.
    hash_data(req.http.X-Forwarded-Proto);
    hash_data(req.http.x-path);
    return (lookup);
}

sub vcl_backend_response {
    # A page fetched in the background while a kept one is served: if the site fails, keep
    # serving the kept one rather than the failure.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Only what the site marks public with a lifetime is kept; Varnish's own default (120 s for
    # anything unmarked) would keep pages the site never meant to share.
    if (beresp.http.Cache-Control !~ "(?i)(^|,)\s*public\s*(,|$)"
        || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
        || beresp.http.Set-Cookie
        || beresp.http.Vary ~ "(?i)(cookie|accept-language|\*)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 60s;
        return (deliver);
    }
    # Kept well past its lifetime, for the outage case above.
    set beresp.grace = 24h;
    if (beresp.http.Content-Type ~ "^(text/|application/(json|xml|javascript|rss\+xml|atom\+xml))") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    # Tags are Varnish's business only.
    unset resp.http.xkey;
    if (obj.uncacheable) {
        set resp.http.X-Edge-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
    # Browsers must ask again (max-age=0): the Age of a shared copy means nothing to them.
    unset resp.http.Age;
    unset resp.http.Via;
}
