"""MkDocs hook (benchmark only): stops the clock after every plugin's page_context / post_build."""

from natoaz.tools.bench import search_clock


def on_page_context(context, page, config, nav):  # noqa: ANN001, ANN201
    search_clock.stop(pages=1)
    return context


def on_post_build(config):  # noqa: ANN001, ANN201
    search_clock.stop()
    search_clock.write(config)


on_page_context.mkdocs_priority = -100  # type: ignore[attr-defined]
on_post_build.mkdocs_priority = -100  # type: ignore[attr-defined]
