"""The layout of docs/architecture.md, read from the source: imports run one way between
packages and between files (no circle at any level), the project package is wiring that no
app imports, nothing at run time imports the seed, and every room is named in the documents."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR).resolve()
WIRING = "eurelations"
#: The content base: every app may import it, it imports no app.
BASE = "content"
#: Not run by the site: the seed content and its command.
SEED = "seed"
#: Migrations and seed data are history and text, not code that grows.
MAX_MODULE_LINES = 450
MAX_WIRING_LINES = 1300


def our_apps():
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT
    )


def our_packages():
    """The installed apps and the project package."""
    return sorted({*our_apps(), WIRING})


def source_files(package):
    return sorted(
        path
        for path in (ROOT / package).rglob("*.py")
        if not {"migrations", "flatpages_migrations"} & set(path.parts)
    )


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules():
    return {
        module_name(path): path for package in our_packages() for path in source_files(package)
    }


def imported_modules(path, modules):
    """[(module of ours it imports, imported inside a function?)] of the file at ``path``."""
    tree = ast.parse(path.read_text(), str(path))
    inside_functions = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
    }
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # "from content import registry" imports the module content.registry.
            names = [
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in modules
                else node.module
                for alias in node.names
            ]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                found.append((name, id(node) in inside_functions))
    return found


def module_graph():
    modules = all_modules()
    return {
        name: {target for target, _inside in imported_modules(path, modules) if target != name}
        for name, path in modules.items()
    }


def package_graph():
    graph = {package: set() for package in our_packages()}
    for module, targets in module_graph().items():
        package = module.split(".")[0]
        graph[package] |= {target.split(".")[0] for target in targets} - {package}
    return graph


def circles(graph):
    """Every node that can reach itself through the graph."""

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    return sorted(node for node in graph if node in reachable(node))


def test_the_project_is_made_of_the_rooms_of_the_architecture():
    assert {
        BASE, "cooperation", "projects", "translations", "pages", "search", "pagecache",
        "workspace", SEED,
    } <= set(our_apps())  # fmt: skip
    assert WIRING not in our_apps(), "the project package is wiring, not an app"
    assert apps.get_app_config("eurelations").name == BASE  # label kept: no migration moved


def test_no_two_packages_import_each_other_even_through_a_third():
    graph = package_graph()
    assert circles(graph) == [], graph


def test_no_two_files_import_each_other_even_through_a_third():
    graph = module_graph()
    assert circles(graph) == [], {m: graph[m] for m in circles(graph)}


def test_the_content_base_imports_no_other_app():
    assert package_graph()[BASE] == set()


def test_no_app_imports_the_wiring():
    importers = [package for package, targets in package_graph().items() if WIRING in targets]
    assert importers == []


def test_nothing_the_site_runs_imports_the_seed():
    importers = sorted(
        package
        for package, targets in package_graph().items()
        if SEED in targets and package != SEED
    )
    assert importers == []


def test_our_modules_are_imported_at_the_top_of_a_file_except_in_an_apps_ready():
    """A function-level import of our own code is how a circle hides; ``AppConfig.ready()``
    is where Django wants signal wiring imported."""
    modules = all_modules()
    hidden = [
        f"{module_name(path)} imports {target}"
        for path in modules.values()
        if path.name != "apps.py"
        for target, inside in imported_modules(path, modules)
        if inside
    ]
    assert hidden == []


def line_count(path):
    return len(path.read_text().splitlines())


def test_the_project_package_is_wiring_sized():
    total = sum(line_count(path) for path in source_files(WIRING))
    assert total <= MAX_WIRING_LINES


@pytest.mark.parametrize("package", sorted(set(our_apps()) - {SEED}))
def test_no_module_of_an_app_is_too_long_to_read(package):
    long = {
        module_name(path): line_count(path)
        for path in source_files(package)
        if line_count(path) > MAX_MODULE_LINES
    }
    assert long == {}


def test_the_readme_and_the_architecture_name_every_room_and_no_other():
    """The README's layout table and docs/architecture.md match the tree."""
    folders = set(our_packages())
    readme = (ROOT / "README.md").read_text()
    layout = readme[readme.index("## Layout") :]
    named_in_readme = set(re.findall(r"^\| `(\w+)/`", layout, re.MULTILINE))
    assert folders <= named_in_readme
    assert {name for name in named_in_readme if (ROOT / name / "__init__.py").exists()} == folders
    architecture = (ROOT / "docs" / "architecture.md").read_text()
    named_in_architecture = set(re.findall(r"^### `(\w+)/`", architecture, re.MULTILINE))
    assert named_in_architecture == folders


def test_every_reference_in_the_code_points_inside_the_repository():
    outside = re.compile(r"DESIGN(\.md| §)|\.\./shared")
    offenders = [
        str(path.relative_to(ROOT))
        for pattern in ("*.py", "*.html", "*.md", "*.txt", "*.toml")
        for path in ROOT.rglob(pattern)
        if not {".venv", "node_modules", ".git", "staticfiles"} & set(path.parts)
        and outside.search(path.read_text(errors="replace"))
    ]
    assert offenders == []


def test_the_languages_are_read_from_the_settings_not_written_out():
    """``settings.LANGUAGES`` (through ``content.languages``) is the one list of them: a fifth
    language is added there, and every page, test and benchmark follows."""
    written_out = re.compile(r"""["']ar["'],\s*["']en["'],\s*["']fr["'],\s*["']es["']""")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in [*our_packages(), "tests", "bench", "tools"]
        for path in (ROOT / folder).rglob("*.py")
        if not {"migrations", "flatpages_migrations"} & set(path.parts)
        and written_out.search(path.read_text())
    ]
    assert offenders == []
