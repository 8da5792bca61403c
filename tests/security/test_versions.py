"""The pinned Django and Wagtail include the fix of every advisory listed in advisories.toml."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.version import Version

HERE = Path(__file__).resolve().parent
ADVISORIES = tomllib.loads((HERE / "advisories.toml").read_text())["advisory"]
REQUIREMENTS = (HERE.parent.parent / "requirements.txt").read_text()


def pinned(package):
    match = re.search(rf"^{re.escape(package)}==(\S+)$", REQUIREMENTS, re.M | re.I)
    assert match, f"{package} is not pinned in requirements.txt"
    return Version(match.group(1))


def includes_fix(version, fixed):
    """True when `version` is at least the fix of its own release series, or of a later series
    when its own series got none (it was released after the fix)."""
    fixed = sorted(Version(release) for release in fixed)
    same_series = [fix for fix in fixed if fix.release[:2] == version.release[:2]]
    return version >= (same_series[0] if same_series else fixed[-1])


@pytest.mark.parametrize(
    "advisory", ADVISORIES, ids=[advisory["ids"][0] for advisory in ADVISORIES]
)
def test_pinned_version_includes_the_fix(advisory):
    version = pinned(advisory["package"])
    assert includes_fix(version, advisory["fixed"]), (advisory["ids"], str(version))


def test_a_release_of_an_unfixed_series_is_caught():
    assert not includes_fix(Version("5.2.15"), ["5.2.16"])
    assert not includes_fix(Version("7.2.9"), ["7.0.7", "7.3.2", "7.4"])
    assert includes_fix(Version("8.0.1"), ["7.0.7", "7.3.2", "7.4"])
