import time
import pytest
from django.test import override_settings
from tests.security.test_hostile_input import routes, page_kinds, kind_paths, PRODUCTION_SECURITY, Probe, page_types, kind_of  # noqa

@pytest.mark.django_db
@override_settings(**PRODUCTION_SECURITY)
def test_diag(routes):
    types = page_types()
    kinds = page_kinds(routes.paths)
    for kind, path in kinds.items():
        n = len(kind_paths(routes, kind))
        names = set().union(*(routes.linked.get(p, set()) for p in kind_paths(routes, kind)))
        print(f"{kind!r:60} {n:4} {path} linked={sorted(names)}")
    print(len(kinds), "kinds")
    for (m, a), f in sorted(routes.forms.items()):
        print(m, a, sorted(f.fields))
    for cache in (3600, 0):
        with override_settings(PAGE_CACHE_SECONDS=cache):
            p = Probe()
            t = time.monotonic()
            for path in sorted(routes.paths):
                p.send("get", path, "q=%00x&comment=abc")
            t1 = time.monotonic() - t
            t = time.monotonic()
            for path in sorted(routes.paths):
                p.send("get", path, "comment=abc")
            t2 = time.monotonic() - t
            t = time.monotonic()
            for path in sorted(routes.paths):
                p.send("get", path + "zz/")
            t3 = time.monotonic() - t
            print(f"cache {cache}: {len(routes.paths)} ctl {t1:.1f}s plain {t2:.1f}s 404 {t3:.1f}s", p.statuses)
