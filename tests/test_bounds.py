"""Every public page is bounded in queries, rows, bytes and items, whatever the amount of content
(docs/architecture.md, "Budgets"): no page lists "all" of anything. The pages are the URL
resolver's and the content registry's, so a page added tomorrow is measured with no new test
code."""

import re
from contextlib import contextmanager
from urllib.parse import unquote

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from content import registry
from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import (
    CooperationArea,
    CooperationAreaTranslation,
    Partner,
    PartnerKind,
    PartnerTranslation,
)
from projects.models import Project
from tests.test_query_counts import (
    BUDGETS,
    drop_stored_pages,
    grow_projects_to,
    keep_three_projects,
)

pytestmark = pytest.mark.django_db
LANGUAGES = tuple(language_codes())
# Names the sweep cannot reverse on its own: their pages are measured another way.
NOT_SWEPT = {
    "set_language",  # POST only
    "sitemap_section",  # tests/test_sitemap.py measures each page of each section
    "media",  # one uploaded file, no query: tests/test_media.py
}


def grow_areas_and_partners_to(total):
    """Published areas and partners in four languages, each partner in a project of the
    West Africa area (so the area page could list them all)."""
    start = CooperationArea.objects.count()
    areas = CooperationArea.objects.bulk_create(
        CooperationArea(key=f"area-{n}", status=PublicationStatus.PUBLISHED, order=100 + n)
        for n in range(start, total)
    )
    CooperationAreaTranslation.objects.bulk_create(
        CooperationAreaTranslation(
            master=area, language_code=code, title=f"Area {area.key}", slug=f"{area.key}-{code}"
        )
        for area in areas
        for code in LANGUAGES
    )
    start = Partner.objects.count()
    partners = Partner.objects.bulk_create(
        Partner(
            key=f"partner-{n}",
            kind=PartnerKind.AGENCY if n % 2 else PartnerKind.INSTITUTION,
            status=PublicationStatus.PUBLISHED,
            order=100 + n,
        )
        for n in range(start, total)
    )
    PartnerTranslation.objects.bulk_create(
        PartnerTranslation(
            master=partner, language_code=code, name=f"Partner {partner.key}", slug=partner.key
        )
        for partner in partners
        for code in LANGUAGES
    )
    project = CooperationArea.objects.get(key="west-africa").projects.first()
    project.partners.add(*partners)


def grow_everything_to(total):
    grow_projects_to(total)
    grow_areas_and_partners_to(total)


def named_patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def public_pages(language):
    """Every public page in ``language``: each URL name that needs no argument, a published
    object of each registered content type (its detail page), and the lists' other views."""
    page = FlatPage.objects.get_or_create(url="/pages/legal/", defaults={"title_en": "Legal"})[0]
    page.sites.add(Site.objects.get_current())
    paths, unmeasured = set(), set()
    with translation.override(language):
        for entry in registry.entries():
            if entry.public:
                paths.add(entry.url_in(entry.published().order_by("pk").first(), language))
        detail_names = {resolve(unquote(path)).view_name for path in paths}
        for name in set(named_patterns(get_resolver().url_patterns)):
            if name.startswith("admin:") or name in NOT_SWEPT or name in detail_names:
                continue
            try:
                paths.add(reverse(name))
            except NoReverseMatch:
                unmeasured.add(name)
        project_list = reverse("projects:project_list")
        paths |= {
            project_list + "?page=2",
            project_list + "?area=west-africa&status=ongoing&page=2",
            project_list + "?partner=europol&country=SN",
            reverse("cooperation:partner_list") + "?page=2",
            reverse("search") + "?q=Project",  # matches every generated project
            reverse("search") + "?q=Project&page=2",
            CooperationArea.objects.get(key="west-africa").get_absolute_url(language),
            Partner.objects.get(key="europol").get_absolute_url(language),
        }
    # A new page with arguments must be added above (or to NOT_SWEPT, saying where it is tested).
    assert not unmeasured, f"not measured: {sorted(unmeasured)}"
    return sorted(paths)


@contextmanager
def rows_fetched():
    """Counts the rows the database returns (PostgreSQL's cursors know it; SQLite's do not)."""
    counted = {"rows": 0}

    def count(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        rowcount = context["cursor"].rowcount
        if connection.vendor == "postgresql" and sql.lstrip().upper().startswith("SELECT"):
            counted["rows"] += max(rowcount, 0)
        return result

    with connection.execute_wrapper(count):
        yield counted


def measure(client, paths):
    """{path: (queries, rows, bytes, links)} of each page, rendered (not from the page cache;
    what every page of a generation shows read once before, as test_query_counts does)."""
    measured = {}
    for path in paths:
        client.get(path)
        drop_stored_pages()
        with CaptureQueriesContext(connection) as queries, rows_fetched() as rows:
            response = client.get(path)
        assert response.status_code == 200, path
        body = response.content
        links = len(re.findall(rb"<(?:a|loc) ", body)) + body.count(b"<loc>")
        measured[path] = (len(queries), rows["rows"], len(body), links)
    return measured


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_public_page_costs_the_same_at_3_300_and_600_projects(client, language):
    keep_three_projects()
    paths = public_pages(language)
    three = measure(client, paths)
    grow_everything_to(300)
    large = measure(client, paths)
    grow_projects_to(600)
    larger = measure(client, paths)
    for path in paths:
        queries, rows, size, links = large[path]
        # Queries: the same from 3 items on (budgets: tests/test_query_counts.py).
        assert queries == three[path][0] == larger[path][0], path
        assert queries <= max(BUDGETS.values()), path
        # Rows, links and bytes: past the caps (a page of a list, the featured projects, an
        # area's first projects), twice the projects change nothing but a few digits.
        if path == reverse("sitemap"):
            # The index grows by one line per ContentSitemap.limit objects (test_sitemap.py).
            continue
        assert larger[path][1] == rows, path
        assert larger[path][3] == links, path
        assert abs(larger[path][2] - size) <= 16, (path, size, larger[path][2])


def test_pages_listing_areas_or_partners_cost_the_same_at_300_and_600_of_them(client):
    with translation.override("en"):
        paths = [
            "/en/",
            reverse("cooperation:partner_list"),
            reverse("cooperation:partner_list") + "?page=3",
            CooperationArea.objects.get(key="west-africa").get_absolute_url("en"),
        ]
    grow_everything_to(300)
    # The project that grow_areas_and_partners_to links to every partner.
    paths.append(
        CooperationArea.objects.get(key="west-africa").projects.first().get_absolute_url("en")
    )
    large = measure(client, paths)
    grow_areas_and_partners_to(600)
    larger = measure(client, paths)
    for path in paths:
        queries, rows, size, links = large[path]
        assert larger[path][:2] == (queries, rows), path
        assert larger[path][3] == links, path
        assert abs(larger[path][2] - size) <= 16, (path, size, larger[path][2])


def test_the_home_page_shows_the_featured_projects_in_staff_order_and_links_to_all(client):
    grow_projects_to(300)
    Project.objects.update(featured=False)
    chosen = list(Project.objects.order_by("-pk")[:3])
    for order, project in enumerate(reversed(chosen)):
        project.featured, project.order = True, order
        project.save()
    html = client.get("/en/").content.decode()
    shown = [project.get_absolute_url("en") for project in reversed(chosen)]
    positions = [html.index(f'href="{url}"') for url in shown]
    assert positions == sorted(positions)
    with translation.override("en"):
        assert f'href="{reverse("projects:project_list")}"' in html
    others = Project.objects.exclude(pk__in=[project.pk for project in chosen])[:20]
    assert not any(f'href="{p.get_absolute_url("en")}"' in html for p in others)


def test_the_home_page_shows_at_most_twelve_featured_projects(client):
    grow_projects_to(300)
    Project.objects.update(featured=True)
    html = client.get("/en/").content.decode()
    listed = [p for p in Project.objects.all() if f'href="{p.get_absolute_url("en")}"' in html]
    assert len(listed) == 12


@pytest.mark.parametrize(
    ("model", "key", "parameter"),
    [(CooperationArea, "west-africa", "area"), (Partner, "europol", "partner")],
)
def test_an_area_or_partner_page_shows_its_first_projects_and_links_to_all_of_them(
    client, model, key, parameter
):
    grow_projects_to(300)
    obj = model.objects.get(key=key)
    html = client.get(obj.get_absolute_url("fr")).content.decode()
    assert html.count('<article class="card card-project"') == 12
    with translation.override("fr"):
        link = f"{reverse('projects:project_list')}?{parameter}={key}"
    assert f'href="{link}"' in html
    listed = client.get(link).content.decode()
    expected = obj.projects.published().count()
    assert expected > 12
    assert f"{expected} projets" in listed.replace("\u202f", " ").replace("\xa0", " ")


def test_the_project_list_stops_at_its_deepest_page_and_says_so(client, monkeypatch):
    monkeypatch.setattr("projects.views.MAX_LIST_PAGES", 3)
    grow_projects_to(300)
    with translation.override("en"):
        path = reverse("projects:project_list")
    html = client.get(path, {"page": 25}).content.decode()
    assert "Page 3 of 3" in html
    assert 'rel="next"' not in html


def test_the_lists_count_is_remembered_until_the_content_changes(
    client, django_capture_on_commit_callbacks
):
    grow_projects_to(300)
    with translation.override("en"):
        path = reverse("projects:project_list") + "?status=ongoing"
    ongoing = Project.objects.published().ongoing().count()
    assert f"{ongoing} projects" in client.get(path).content.decode()
    with CaptureQueriesContext(connection) as again:
        client.get(path + "&page=2")
    assert not any("COUNT(" in query["sql"] for query in again)
    # A content change: a new cache generation once it is committed (its own savepoint, as a
    # request's transaction would be: the test's earlier writes already asked for a bump).
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Project.objects.get(key="wapis").delete()
    assert f"{ongoing - 1} projects" in client.get(path + "&page=3").content.decode()


def test_the_lists_filters_are_rendered_once_yet_show_each_visitors_choice(client):
    with translation.override("en"):
        path = reverse("projects:project_list")
    chosen = '<option value="west-africa" selected>'
    plain = client.get(path).content.decode()
    assert chosen not in plain and 'aria-invalid="true"' not in plain
    assert chosen in client.get(path, {"area": "west-africa"}).content.decode()
    unknown = client.get(path, {"area": "nowhere"}).content.decode()
    assert 'aria-invalid="true"' in unknown and chosen not in unknown
    assert client.get(path).content.decode() == plain


def test_the_lists_filters_show_a_new_area_on_the_next_request(
    client, django_capture_on_commit_callbacks
):
    with translation.override("en"):
        path = reverse("projects:project_list")
    assert "Newly opened area" not in client.get(path).content.decode()
    # Its own savepoint, as a request's transaction would be: a new cache generation on commit.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        area = CooperationArea(key="newly-opened", status=PublicationStatus.PUBLISHED)
        area.set_current_language("en")
        area.title, area.slug = "Newly opened area", "newly-opened"
        area.save()
    assert '<option value="newly-opened">Newly opened area</option>' in (
        client.get(path).content.decode()
    )
