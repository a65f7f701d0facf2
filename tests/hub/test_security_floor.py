"""The installed Django and Wagtail carry every security fix in docs/security-advisories.md.

pip-audit cannot reach a vulnerability database from this network, so the table in that file is
the check, and these tests read it: the document and the test cannot drift apart. For each
package, the installed release line (5.2, 8.0, ...) must be one the table was checked for, and
the installed version must be at least the newest "fixed in" release the table lists on that
line. So must the minimum that pyproject.toml allows, or a fresh install could go below it.
"""

import importlib.metadata
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import django
import pytest
import wagtail
from packaging.requirements import Requirement
from packaging.version import InvalidVersion, Version

from tests.helpers import report_figure

ROOT = Path(__file__).resolve().parents[2]
ADVISORIES = ROOT / "docs" / "security-advisories.md"
PACKAGES = {"Django": "django", "Wagtail": "wagtail"}  # as written in the table: distribution
LINES_HEADER = ["package", "release line"]
ADVISORIES_HEADER = [
    "package", "advisory", "aliases", "published", "what it exposed", "fixed in", "source",
]  # fmt: skip


@dataclass(frozen=True)
class Advisory:
    package: str
    advisory: str
    fixed_in: tuple[Version, ...]
    source: str


def tables(text):
    """Every Markdown table in ``text``, as (header, rows) with cells stripped."""
    found, block = [], []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif block:
            found.append((block[0], block[2:]))  # block[1] is the |---| separator
            block = []
    return found


def table(header):
    matches = [rows for head, rows in tables(ADVISORIES.read_text()) if head == header]
    assert len(matches) == 1, f"{ADVISORIES.name} should have one table headed {header}"
    return matches[0]


def line_of(version):
    return version.release[:2]


def line_name(line):
    return ".".join(map(str, line))


def advisories():
    rows = []
    for cells in table(ADVISORIES_HEADER):
        row = dict(zip(ADVISORIES_HEADER, cells, strict=True))
        fixed = tuple(Version(v.strip()) for v in row["fixed in"].split(",") if v.strip())
        rows.append(Advisory(row["package"], row["advisory"], fixed, row["source"]))
    return rows


def lines_checked():
    return {
        (package, tuple(int(part) for part in line.split(".")))
        for package, line in table(LINES_HEADER)
    }


def installed(package):
    return Version(importlib.metadata.version(PACKAGES[package]))


def floor(package, version, rows=None):
    """The release on ``version``'s line that carries every fix listed for ``package``, and the
    advisories that cannot be satisfied on that line at all."""
    line = line_of(version)
    needed, unfixable = None, []
    for advisory in advisories() if rows is None else rows:
        if advisory.package != package:
            continue
        on_line = [fixed for fixed in advisory.fixed_in if line_of(fixed) == line]
        if on_line:
            needed = max(filter(None, [needed, min(on_line)]))
        elif any(line_of(fixed) > line for fixed in advisory.fixed_in):
            # Fixed on newer lines only: this line never got the fix.
            unfixable.append(advisory.advisory)
        # Otherwise every fix is on an older line, released before this line branched.
    return needed, unfixable


def test_the_table_is_not_empty_and_every_row_has_a_fix_and_a_source():
    rows = table(ADVISORIES_HEADER)
    assert rows, f"{ADVISORIES.name} lists no advisories"
    problems = []
    for cells in rows:
        if len(cells) != len(ADVISORIES_HEADER):
            problems.append(f"{cells[:2]}: {len(cells)} cells, not {len(ADVISORIES_HEADER)}")
            continue
        row = dict(zip(ADVISORIES_HEADER, cells, strict=True))
        name = f"{row['package']} {row['advisory']}"
        if row["package"] not in PACKAGES:
            problems.append(f"{name}: unknown package")
        if not re.fullmatch(r"(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})( \(.+\))?",
                            row["advisory"]):  # fmt: skip
            problems.append(f"{name}: not a CVE or GHSA id")
        versions = [v.strip() for v in row["fixed in"].split(",") if v.strip()]
        if not versions:
            problems.append(f"{name}: no fixed version")
        for version in versions:
            try:
                Version(version)
            except InvalidVersion:
                problems.append(f"{name}: {version!r} is not a version")
        if not re.fullmatch(r"https://\S+", row["source"]):
            problems.append(f"{name}: the source is not one https URL")
    assert not problems, "\n".join(problems)


def test_each_advisory_is_listed_once():
    names = [(a.package, a.advisory) for a in advisories()]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_the_table_says_when_it_was_checked_and_why_it_is_the_check():
    text = ADVISORIES.read_text()
    assert re.search(r"\*\*Last checked: \d{4}-\d{2}-\d{2}\.\*\*", text)
    assert "pip-audit" in text


def test_the_installed_versions_are_the_imported_ones():
    # importlib.metadata reads the installed distribution; make sure it is the one imported.
    assert installed("Django") == Version(django.get_version())
    assert installed("Wagtail").release[:3] == wagtail.VERSION[:3]


@pytest.mark.parametrize("package", PACKAGES)
def test_the_installed_release_line_was_checked(package):
    line = line_of(installed(package))
    assert (package, line) in lines_checked(), (
        f"{package} {installed(package)} is on the {line_name(line)} line, which "
        f"{ADVISORIES.name} was not checked for: check that line's advisories, add its fixes "
        f"to the table and the line to 'Release lines checked'."
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_the_installed_version_carries_every_listed_fix(package):
    version = installed(package)
    needed, unfixable = floor(package, version)
    assert not unfixable, (
        f"{package} {version}: the {line_name(line_of(version))} line has no fix for "
        f"{', '.join(unfixable)} (fixed on newer lines only); move to a supported line."
    )
    assert needed is None or version >= needed, (
        f"{package} {version} is below {needed}, the newest security fix for the "
        f"{line_name(line_of(version))} line in {ADVISORIES.name}: upgrade, and raise the "
        f"pin in pyproject.toml."
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_the_pinned_minimum_carries_every_listed_fix(package):
    """A fresh install resolves to at least the pin's minimum: that must be safe too."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    requirements = [Requirement(r) for r in pyproject["project"]["dependencies"]]
    (requirement,) = [r for r in requirements if r.name.lower() == PACKAGES[package]]
    minimums = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
    assert minimums, f"{requirement} has no minimum version"
    minimum = max(minimums)
    needed, _ = floor(package, minimum)
    assert needed is None or minimum >= needed, (
        f"pyproject.toml allows {package} {minimum}, below {needed}, the newest security fix "
        f"for the {line_name(line_of(minimum))} line in {ADVISORIES.name}: raise the pin."
    )


def test_the_floor_logic():
    """On made-up rows: a fix on the line sets the floor; fixes only on older lines are
    inherited; fixes only on newer lines cannot be met on this line."""
    rows = [
        Advisory("X", "CVE-1", (Version("1.0.3"), Version("2.0.1")), ""),
        Advisory("X", "CVE-2", (Version("1.0.5"),), ""),
        Advisory("X", "CVE-3", (Version("0.9.9"),), ""),
        Advisory("X", "CVE-4", (Version("3.0rc2"),), ""),
    ]
    assert floor("X", Version("1.0.7"), rows) == (Version("1.0.5"), ["CVE-4"])
    assert floor("X", Version("2.0.0"), rows) == (Version("2.0.1"), ["CVE-4"])
    assert floor("X", Version("3.0.1"), rows) == (Version("3.0rc2"), [])
    assert floor("X", Version("4.0"), rows) == (None, [])


def test_both_packages_have_a_floor_and_the_run_reports_it():
    """Each installed line has a known floor (else nothing was checked), and the figures go in
    the run's "figures" section."""
    rows = advisories()
    django_version, wagtail_version = installed("Django"), installed("Wagtail")
    assert floor("Django", django_version)[0] is not None
    assert floor("Wagtail", wagtail_version)[0] is not None
    report_figure(
        f"security floor: {len(rows)} advisories checked "
        f"({sum(a.package == 'Django' for a in rows)} Django, "
        f"{sum(a.package == 'Wagtail' for a in rows)} Wagtail); "
        f"installed Django {django_version} (floor {floor('Django', django_version)[0]}), "
        f"Wagtail {wagtail_version} (floor {floor('Wagtail', wagtail_version)[0]})"
    )
