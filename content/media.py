"""The uploaded images, served by the site itself when they are on local disk (one server, or
``python3 dev.py production``). A bucket (MEDIA_S3_BUCKET) serves its own: the pages' addresses
point there, and this view answers 404 since that storage has no local path.

Why a view of ours: WhiteNoise serves only the files present when the server started, and
Django's ``static.serve`` is a development aid (every type, no cache headers). This one serves
what the storage holds, of the types the content's images are stored in, with FileResponse
(gunicorn sends the file with sendfile)."""

from pathlib import Path, PurePosixPath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.utils.http import http_date
from django.views.decorators.http import require_safe

# The uploads by their real format and the renditions (content.images). Nothing else is served
# from the media, whatever lies there: a file a browser would run (HTML, SVG) must never come
# from the site's origin.
TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}
# An address never names other content: uploads get random names, renditions names derived
# from theirs. Browsers and CDNs may keep a file for a year without asking again.
CACHE_CONTROL = "public, max-age=31536000, immutable"


@require_safe
def serve(request, name):
    parts = PurePosixPath(name).parts
    content_type = TYPES.get(PurePosixPath(name).suffix.lower())
    if content_type is None or not parts or parts[0] == "/" or ".." in parts or "\\" in name:
        raise Http404("No such file.")
    storage = storages["default"]
    try:
        # Joined under the storage's folder: a name that leads out of it is refused.
        path = Path(storage.path(name))
        root = Path(storage.location).resolve()
    except (NotImplementedError, AttributeError, SuspiciousFileOperation) as error:
        raise Http404("No such file.") from error  # a bucket: no local path
    # A directory is a 404 (no listing), and so is a link leading out of the folder.
    if not path.is_file() or not path.resolve().is_relative_to(root):
        raise Http404("No such file.")
    response = FileResponse(path.open("rb"), content_type=content_type)
    response["Last-Modified"] = http_date(path.stat().st_mtime)
    response["Cache-Control"] = CACHE_CONTROL
    # Whatever the settings say: the type above is the file's, never the browser's guess.
    response["X-Content-Type-Options"] = "nosniff"
    return response
