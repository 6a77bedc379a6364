"""SQL queries per page stay within budget and do not grow with the amount of content
(docs/architecture.md, "Budgets": home ≤ 10, list ≤ 8, detail ≤ 8; the same count for 3 and
for 300 projects). What every page shows (the footer's static pages, the site's settings) is
read once per page-cache generation in each process, not per page: measured apart
(``test_a_new_generation_costs_each_process_the_frame_once``)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from content.languages import language_codes
from content.models import PublicationStatus
from cooperation.models import CooperationArea, Partner
from pagecache.invalidation import page_cache
from pagecache.middleware import page_key
from projects.models import Project, ProjectTranslation

pytestmark = pytest.mark.django_db
BUDGETS = {"home": 10, "list": 8, "detail": 8}
#: What the first page of a generation reads for every page: the footer's static pages, the
#: site's settings.
FRAME_QUERIES = 2


def grow_projects_to(total):
    """Add published projects, each in four languages, in an area and with a partner."""
    area = CooperationArea.objects.get(key="west-africa")
    partner = Partner.objects.get(key="europol")
    start = Project.objects.count()
    projects = Project.objects.bulk_create(
        Project(
            key=f"generated-{n}",
            status=PublicationStatus.PUBLISHED,
            order=100 + n,
            countries=["FR", "SN"],
        )
        for n in range(start, total)
    )
    ProjectTranslation.objects.bulk_create(
        ProjectTranslation(
            master=project,
            language_code=language,
            name=f"Project {project.key} {language}",
            slug=f"{project.key}-{language}",
            summary="Generated.",
            region="Region",
        )
        for project in projects
        for language in language_codes()
    )
    for project in projects:
        project.cooperation_areas.add(area)
        project.partners.add(partner)


def keep_three_projects():
    """Three projects with the same kinds of relations as the generated ones: only the amount
    of content differs between two measurements."""
    Project.objects.exclude(key__in=["wapis", "iarms", "sharaka"]).delete()
    for project in Project.objects.all():
        project.cooperation_areas.add(CooperationArea.objects.get(key="west-africa"))
        project.partners.add(Partner.objects.get(key="europol"))
        project.countries = ["FR", "SN"]
        project.save()


def pages(language):
    wapis = Project.objects.get(key="wapis")
    area = CooperationArea.objects.get(key="west-africa")
    partner = Partner.objects.get(key="europol")
    with translation.override(language):
        project_list = reverse("projects:project_list")
        return {
            "home": [f"/{language}/"],
            "list": [
                project_list,
                project_list + "?area=west-africa&status=ongoing&page=2",
                reverse("cooperation:partner_list"),
                reverse("search") + "?q=police",
            ],
            "detail": [
                wapis.get_absolute_url(language),
                area.get_absolute_url(language),
                partner.get_absolute_url(language),
            ],
        }


def drop_stored_pages():
    """Measure the page itself, not the page cache: the stored pages go; the invalidation
    counter and the tags' stamps stay, and with them what each process keeps beside the pages
    while its tags are not invalidated (the footer, the site's settings)."""
    stored = page_cache()
    prefix = stored.make_key(page_key(""))
    with stored._lock:  # the tests' LocMemCache: no way to list keys by prefix otherwise
        for key in [key for key in stored._cache if key.startswith(prefix)]:
            del stored._cache[key]
            stored._expire_info.pop(key, None)


def count_queries(client, path):
    client.get(path)  # the frame (footer, site settings), read once while its tags hold
    drop_stored_pages()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


def measure(client, language):
    return {
        (kind, path): count_queries(client, path)
        for kind, paths in pages(language).items()
        for path in paths
    }


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_queries_per_page_are_within_budget_and_constant_from_3_to_300_projects(client, language):
    keep_three_projects()
    small = measure(client, language)
    grow_projects_to(300)
    large = measure(client, language)
    for (kind, path), count in large.items():
        assert count <= BUDGETS[kind], f"{path}: {count} queries"
    assert large == small


def test_the_home_page_budget_with_django_assert_max_num_queries(
    client, django_assert_max_num_queries
):
    grow_projects_to(300)
    client.get("/en/")
    drop_stored_pages()
    with django_assert_max_num_queries(BUDGETS["home"]):
        assert client.get("/en/").status_code == 200


def test_a_project_page_budget_with_django_assert_max_num_queries(
    client, django_assert_max_num_queries
):
    grow_projects_to(300)
    path = Project.objects.get(key="wapis").get_absolute_url("es")
    client.get(path)
    drop_stored_pages()
    with django_assert_max_num_queries(BUDGETS["detail"]):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("language", ["ar", "es"])
def test_the_project_list_with_filters_costs_the_same_at_3_and_300_projects(
    client, django_assert_num_queries, language
):
    keep_three_projects()
    with translation.override(language):
        path = reverse("projects:project_list") + "?partner=europol&country=SN&page=3"
    small = count_queries(client, path)
    assert small <= BUDGETS["list"]
    grow_projects_to(300)
    drop_stored_pages()
    with django_assert_num_queries(small):
        assert client.get(path).status_code == 200


def test_search_and_static_pages_stay_within_the_list_budget_with_300_projects(
    client, django_assert_max_num_queries
):
    from django.contrib.flatpages.models import FlatPage
    from django.contrib.sites.models import Site

    page = FlatPage.objects.create(url="/pages/legal/", title_fr="Mentions légales")
    page.sites.add(Site.objects.get_current())
    grow_projects_to(300)
    with translation.override("fr"):
        search = reverse("search") + "?q=Project"  # matches all 300 generated projects
    for path in (search, "/fr/pages/legal/", reverse("cooperation:partner_list")):
        client.get(path)
        drop_stored_pages()
        with django_assert_max_num_queries(BUDGETS["list"]):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_new_generation_costs_each_process_the_frame_once(client, language):
    """After any change (a new generation) the first page reads the footer's static pages and
    the site's settings once, for every later page of that generation."""
    grow_projects_to(300)
    path = f"/{language}/"
    warm = count_queries(client, path)
    cache.clear()  # a new generation
    with CaptureQueriesContext(connection) as first:
        assert client.get(path).status_code == 200
    assert len(first) == warm + FRAME_QUERIES
    drop_stored_pages()
    with CaptureQueriesContext(connection) as next_page:
        assert client.get(path).status_code == 200
    frame_tables = ("django_flatpage", "sitesettings_")
    assert not [q for q in next_page.captured_queries if any(t in q["sql"] for t in frame_tables)]
