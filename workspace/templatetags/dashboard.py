"""``{% dashboard_panel panel context %}``: a panel's template included with the context its
``get_context`` returned (``{% include %}`` cannot spread a dict)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_panel(context, panel, panel_context):
    drawing = context.template.engine.get_template(panel.template_name)
    with context.push(panel=panel, **panel_context):
        return drawing.render(context)
