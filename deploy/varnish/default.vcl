vcl 4.1;
# The edge cache in front of the app servers (README, "An edge cache: Varnish"). Debian's
# `varnish` and `varnish-modules` (xkey). Anonymous pages are kept as long as the site's
# `s-maxage` says (hours) and purged by cache tag: the site sends each page's tags in `xkey`,
# and on commit of a change a `PURGE` with the changed tags in `xkey-purge` (pagecache.edge).
# Run: varnishd -f /etc/varnish/default.vcl -a :80 -p vcc_allow_inline_c=off, with the
# backend below pointing at the load balancer or an app server.

import std;
import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the app servers.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        # Hard purge: a page that shows a change must never be served again.
        set req.http.purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.purged));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff, and anyone with a session: the site itself, always (as its page cache does).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=" || req.url ~ "^/admin/") {
        return (pass);
    }
    # Of the cookies, only the language one changes an anonymous page (on addresses without
    # a language, which vary on Cookie): the others would split the cache per visitor.
    if (req.http.Cookie ~ "(^|;\s*)django_language=") {
        set req.http.Cookie = regsub(req.http.Cookie, "^(.*;\s*)?(django_language=[^;]*).*$", "\2");
    } else {
        unset req.http.Cookie;
    }
    return (hash);
}

sub vcl_backend_response {
    # s-maxage is the time to live (Varnish reads it), stale-while-revalidate the grace; an
    # expired page is kept for stale-if-error, served while the site answers errors.
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Cache-Control, "^.*stale-if-error=([0-9]+).*$", "\1s"), 0s);
    }
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);  # keep the stale page
    }
}

sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
}

sub vcl_deliver {
    # The tags are for this cache only; whether it answered is for whoever looks.
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
