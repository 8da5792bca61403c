"""What the import contract in pyproject.toml can't say: app code never imports Django's test tools.

import-linter (in `make lint`) checks the layers, cycles and the tests/benchmarks/demo ban, but it
can't forbid a part of an outside package. App code that imports `django.test` drags the test
client and its settings hooks into production.
"""

import ast
from pathlib import Path

from django.conf import settings

APPS = [
    "portal", "navigation", "workflows", "accounts", "translations", "glossary", "guides",
    "news", "offices", "feedback", "directory", "events", "opportunities", "digest", "home",
    "search", "demo",
]  # fmt: skip


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_no_app_module_imports_django_test():
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}: {module}"
        for app in APPS
        for path in sorted((settings.BASE_DIR / app).rglob("*.py"))
        for module in imported_modules(path)
        if module == "django.test" or module.startswith("django.test.")
    ]
    assert offenders == []


def test_every_project_app_is_checked_by_the_import_contract():
    contract = (Path(settings.BASE_DIR) / "pyproject.toml").read_text()
    project_apps = [app for app in settings.INSTALLED_APPS if (settings.BASE_DIR / app).is_dir()]
    assert sorted(project_apps) == sorted(APPS)
    for app in APPS:
        assert f'"{app}"' in contract.split("[tool.importlinter]")[1], app
