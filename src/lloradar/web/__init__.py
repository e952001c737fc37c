"""Web application (Jinja2 + htmx), Dutch by default with an English switch."""
