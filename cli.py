"""The ``overgang`` command. Thin on purpose: it parses options and formats output; logic lives in catalogue/."""

from __future__ import annotations

import os
import sys

import click

from catalogue import __version__, errors, netguard
from catalogue.errors import OvergangError

EXIT_CODES_HELP = """
\b
Exit codes (the same for every command):
  0  success, or the data conforms (warnings allowed)
  1  violations found
  2  usage error
  3  input unreadable or rejected
  4  a size or time limit was hit
"""


class OvergangGroup(click.Group):
    """Turns the package's errors into one line on stderr and their exit code, however the CLI is invoked."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OvergangError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=OvergangGroup, epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="overgang")
@click.option("--catalogue", "catalogue_dir", metavar="DIR", envvar="OVERGANG_CATALOGUE",
              type=click.Path(file_okay=False), default=None,
              help="Catalogue folder to use (default: the checkout you are in, else the installed copy). "
                   "Also read from OVERGANG_CATALOGUE.")
@click.pass_context
def main(ctx: click.Context, catalogue_dir: str | None) -> None:
    """Overgangskatalog: the NO/DK catalogue of concepts, roles and rules for school transitions."""
    ctx.obj = {"catalogue_dir": catalogue_dir}


def _location(ctx: click.Context):
    from catalogue.locate import locate

    return locate(ctx.obj.get("catalogue_dir"))


LANG_CHOICE = click.Choice(["nb", "nn", "da", "en"])


@main.command()
@click.argument("term")
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of definitions and explanations (default: from the locale, else en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--no-cache", is_flag=True, help="Rebuild the lookup index instead of using the cached one.")
@click.pass_context
def lookup(ctx: click.Context, term: str, lang: str | None, fmt: str, no_cache: bool) -> None:
    """Find concepts by any label in any language (case- and accent-insensitive, prefixes too).

    Shows each concept's labels, definition, source and its counterparts across the border, and warns
    about false friends. Exits 1 when nothing matches.
    """
    from catalogue import lookup as lookup_mod
    from catalogue.i18n import default_language
    from catalogue.templating import render_text

    lang = lang or default_language()
    index = lookup_mod.load_index(_location(ctx), use_cache=not no_cache)
    results = lookup_mod.search(index, term)
    if fmt == "json":
        click.echo(lookup_mod.as_json(results, lang))
    else:
        click.echo(render_text("lookup.txt.j2", results=results, term=term, lang=lang), nl=False)
    ctx.exit(errors.OK if results else errors.VIOLATIONS)


@main.command()
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of the messages (default: from the locale, else en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--only", "only", multiple=True, metavar="CHECK",
              help="Run only this check or group of checks (e.g. qskos, profile, alignment); repeatable.")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.pass_context
def check(ctx: click.Context, lang: str | None, fmt: str, only: tuple[str, ...], fail_on: str) -> None:
    """Run every check on the catalogue itself and report findings by file and line."""
    from catalogue.checks.registry import REGISTRY, run_checks
    from catalogue.i18n import default_language
    from catalogue.report import findings_json, findings_text
    from catalogue.views.catalogue import build_views

    lang = lang or default_language()
    unknown = [name for name in only if not any(n == name or n.startswith(name + ":") for n in REGISTRY)]
    if unknown:
        raise click.BadParameter(f"unknown check {unknown[0]!r}; known: {', '.join(sorted(REGISTRY))}",
                                 param_hint="--only")
    views = build_views(_location(ctx))
    findings = run_checks(views, list(only) or None)
    checks_run = sum(1 for n in REGISTRY if not only or any(n == x or n.startswith(x + ":") for x in only))
    if fmt == "json":
        click.echo(findings_json(findings, lang))
    else:
        click.echo(findings_text(findings, lang, checks_run), nl=False)
    failing = {"violation"} if fail_on == "violation" else {"violation", "warning"}
    ctx.exit(errors.VIOLATIONS if any(f.severity in failing for f in findings) else errors.OK)


@main.command()
@click.argument("what", type=click.Choice(["sssom"]))
@click.option("-o", "--out", type=click.Path(dir_okay=False, writable=True), default="-",
              help="File to write (default: standard output). An existing file is not overwritten without --force.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
@click.pass_context
def export(ctx: click.Context, what: str, out: str, force: bool) -> None:
    """Export derived files. WHAT: sssom (the NO-DK alignment as an SSSOM TSV mapping set)."""
    from catalogue import __version__ as version
    from catalogue.output import write_output
    from catalogue.sssom import sssom_tsv
    from catalogue.views.catalogue import build_views

    text = sssom_tsv(build_views(_location(ctx)), version)
    write_output(out, text, force=force)


@main.command("format")
@click.option("--check", "check_only", is_flag=True,
              help="Only report files that are not in canonical form (exit 1 if any); change nothing.")
@click.pass_context
def format_(ctx: click.Context, check_only: bool) -> None:
    """Rewrite the catalogue's Turtle files in canonical form (sorted, stable layout).

    Only files whose text changes are touched. Comments in Turtle are not kept.
    """
    from catalogue.formatting import out_of_format, rewrite

    location = _location(ctx)
    pending = out_of_format(location.root)
    for path, _text in pending:
        click.echo(f"{path.relative_to(location.root).as_posix()}: {'not in canonical form' if check_only else 'reformatted'}")
    if not check_only:
        rewrite(pending)
    ctx.exit(errors.VIOLATIONS if (check_only and pending) else errors.OK)


@main.command()
@click.argument("data", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["turtle", "nt", "json-ld", "xml"]), default=None,
              help="RDF format of the inputs (default: from each file's extension; turtle for -).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "turtle", "junit"]), default="text",
              show_default=True, help="Report format.")
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of the messages (default: from the locale, else en).")
@click.option("--show-values", is_flag=True,
              help="Include the offending values in the report. Off by default: the data is about children.")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--inference", type=click.Choice(["none", "rdfs", "owlrl"]), default="none", show_default=True)
@click.option("--merge", is_flag=True,
              help="Validate all inputs as one dataset (default: each file on its own, so IRIs reused in "
                   "different files never mix).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-",
              help="Write the report to this file (mode 0600; never over an existing file without --force).")
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.pass_context
def validate(ctx: click.Context, data: tuple[str, ...], input_format: str | None, fmt: str, lang: str | None,
             show_values: bool, fail_on: str, inference: str, merge: bool, output: str, force: bool) -> None:
    """Validate handover datasets (files, folders, or - for standard input) against the handover shapes.

    The catalogue (ontology and vocabularies) is mixed in as the knowledge graph. The input is never
    changed and nothing is fetched. Exit code 0: conforms (warnings allowed); 1: violations found.
    """
    from catalogue import validation_output as out
    from catalogue.i18n import default_language
    from catalogue.output import write_output
    from catalogue.validator import validate_inputs

    lang = lang or default_language()
    run, datasets = validate_inputs(_location(ctx), list(data), input_format, inference, merge=merge)
    if fmt == "json":
        text = out.as_json(run, datasets, lang, show_values)
    elif fmt == "turtle":
        text = out.as_turtle(run, show_values)
    elif fmt == "junit":
        text = out.as_junit(run, datasets, lang, show_values)
    else:
        text = out.as_text(run, datasets, lang, show_values)
    write_output(output, text, force=force)
    failing = run.count("violation") + (run.count("warning") if fail_on == "warning" else 0)
    ctx.exit(errors.VIOLATIONS if failing else errors.OK)


def run() -> None:
    """Entry point with the network guard on and no tracebacks for known errors."""
    netguard.enable()
    try:
        # Outside standalone mode click returns ctx.exit()'s code instead of exiting; pass it on.
        code = main.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else errors.OK)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except OvergangError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: still no traceback for the user, unless they ask for one
        if os.environ.get("OVERGANG_DEBUG"):
            raise
        click.echo(f"internal error ({type(exc).__name__}); rerun with OVERGANG_DEBUG=1 for details", err=True)
        sys.exit(errors.INPUT_REJECTED)


if __name__ == "__main__":
    run()
