"""The admin's home page is a dashboard of panels. Each app with work to show a person registers
a panel here, from its ``AppConfig.ready()``; the index view (``workspace.sites``) shows the
panels that have something for the person asking, in ``order``."""

_panels = []


class Panel:
    """One box of the dashboard. ``get_context(request)`` returns what the panel shows this
    person, or None when it has nothing they may act on (the panel is then left out). It must
    cost a constant number of queries whatever the amount of content."""

    #: Place on the page, smallest first.
    order = 100
    #: The panel's heading (a lazy translation).
    title = ""
    #: The template that draws the panel, given ``panel`` and the context returned.
    template_name = ""

    def get_context(self, request):
        raise NotImplementedError


def register(panel_class):
    """Class decorator: one instance of ``panel_class`` on every dashboard."""
    _panels.append(panel_class())
    _panels.sort(key=lambda panel: panel.order)
    return panel_class


def panels():
    return list(_panels)


def panels_for(request):
    """``[(panel, context)]`` of the panels that show this person something."""
    shown = []
    for panel in _panels:
        context = panel.get_context(request)
        if context is not None:
            shown.append((panel, context))
    return shown
