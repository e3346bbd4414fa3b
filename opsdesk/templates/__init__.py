"""Built-in plan templates (``resources/templates/*.toml``)."""

from opsdesk.templates.loader import Template, available_templates, load_template

__all__ = ["Template", "available_templates", "load_template"]
