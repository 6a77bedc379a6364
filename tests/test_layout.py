"""The layout of DESIGN §1: imports between our packages run one way (apps -> the shared base,
translations -> the registry, never back), so every concern can be read in its own room."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def our_packages():
    return sorted(
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).resolve().parent == ROOT.resolve()
    )


def package_imports():
    """{package: {package it imports}} among our packages, read from the source (migrations
    are history and left out)."""
    packages = our_packages()
    graph = {package: set() for package in packages}
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                for name in names:
                    target = name.split(".")[0]
                    if target in graph and target != package:
                        graph[package].add(target)
    return graph


def test_the_project_is_made_of_the_rooms_of_the_design():
    assert {"eurelations", "cooperation", "projects", "translations", "pages"} <= set(
        our_packages()
    )


def test_no_two_packages_import_each_other_even_through_a_third():
    graph = package_imports()

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    cycles = [package for package in graph if package in reachable(package)]
    assert cycles == [], graph


def test_the_shared_base_imports_no_app():
    assert package_imports()["eurelations"] == set()
