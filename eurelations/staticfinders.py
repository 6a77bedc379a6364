"""Single static files taken from installed packages, under names of our own.

modeltranslation's tabbed admin needs jQuery UI's script, which the XStatic-jquery-ui package
ships. Adding the package's whole directory to STATICFILES_DIRS would also collect its theme
CSS, whose broken url() references make the production (manifest) storage refuse to deploy.
"""

from pathlib import Path

import xstatic.pkg.jquery_ui
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

#: static name -> (package data directory, file name in it)
PACKAGE_FILES = {
    "vendor/jquery-ui/jquery-ui.min.js": (
        Path(xstatic.pkg.jquery_ui.BASE_DIR),
        "jquery-ui.min.js",
    ),
}


class PackageFileFinder(BaseFinder):
    def find(self, path, find_all=False, **kwargs):
        if path not in PACKAGE_FILES:
            return [] if find_all or kwargs.get("all") else None
        directory, name = PACKAGE_FILES[path]
        found = str(directory / name)
        return [found] if find_all or kwargs.get("all") else found

    def list(self, ignore_patterns):
        for static_name, (directory, name) in PACKAGE_FILES.items():
            storage = FileSystemStorage(location=directory)
            storage.prefix = static_name.rsplit("/", 1)[0]  # collectstatic puts it there
            yield name, storage
