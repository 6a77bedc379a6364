"""The pages of this app that exist in every language, for the sitemap's "pages" section (its
objects' sections come from the content registry)."""

LIST_PAGES = ["projects:project_list"]
