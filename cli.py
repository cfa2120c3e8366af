"""The ``overgang`` command. Thin on purpose: it parses options and formats output; logic lives in catalogue/."""

from __future__ import annotations

import os
import sys

import click

from catalogue import __version__, errors
from catalogue.errors import OvergangError
from catalogue.source import netguard

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
    """Overgangskatalog: the catalogue of concepts, roles and rules for school transitions."""
    ctx.obj = {"catalogue_dir": catalogue_dir}


def _location(ctx: click.Context):
    from catalogue.source.locate import locate

    return locate(ctx.obj.get("catalogue_dir"))


class LanguageTag(click.ParamType):
    """Any language tag: interface strings exist in en, nb, nn and da and fall back to English; labels and
    definitions come in each jurisdiction's own content languages (read from the registry)."""

    name = "LANG"

    def convert(self, value, param, ctx):
        import re

        text = str(value).strip().lower()
        if not re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{1,8})*", text):
            self.fail(f"{value!r} is not a language tag such as nb, nn, da or en", param, ctx)
        return text


LANG_CHOICE = LanguageTag()


@main.command()
@click.argument("term")
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of definitions and explanations (default: from the locale, else en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=10, show_default=True,
              help="Show at most this many concepts, the best first.")
@click.option("--no-cache", is_flag=True, help="Rebuild the lookup index instead of using the cached one.")
@click.pass_context
def lookup(ctx: click.Context, term: str, lang: str | None, fmt: str, limit: int, no_cache: bool) -> None:
    """Find concepts by any label in any language.

    Case, accents, hyphens, spaces and punctuation are ignored; a prefix or a word's start is enough, and one
    or two typos are forgiven (ranked below exact hits). Shows each concept's labels, definition, source and
    its counterparts across the border, warns about false friends, and suggests near labels ("did you
    mean") when nothing matches. Exits 1 when nothing matches.
    """
    from catalogue.search import lookup as lookup_mod
    from catalogue.text.i18n import default_language

    lang = lang or default_language()
    index = lookup_mod.load_index(_location(ctx), use_cache=not no_cache)
    answer = lookup_mod.find(index, term, limit)
    click.echo(lookup_mod.as_json(answer, lang) if fmt == "json" else lookup_mod.as_text(answer, lang), nl=fmt == "json")
    ctx.exit(errors.OK if answer.results else errors.VIOLATIONS)


@main.command()
@click.argument("transition")
@click.option("--category", "category", default=None, metavar="C",
              help="The information category (label, IRI, prefixed name or last part of the IRI); default: every "
                   "category the transition has a rule for.")
@click.option("--age", type=click.IntRange(min=0, max=130), default=None, metavar="N",
              help="The pupil's age in whole years: who must consent depends on it.")
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of the answer (default: from the locale, else en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def rules(ctx: click.Context, transition: str, category: str | None, age: int | None, lang: str | None,
          fmt: str) -> None:
    """What may be shared at TRANSITION (label, IRI, prefixed name or last part of the IRI): whether each
    information category may follow the pupil without consent, who must consent from which age, on which
    section of which law, and by what deadline. Read from the catalogue's sharing rules only.

    Exits 1 when the catalogue has no rule for the category (the answer says so), 2 for a transition or
    category the catalogue does not know.
    """
    from catalogue.model import sharing
    from catalogue.model.catalogue import build_views
    from catalogue.search.rules_report import RulesQuery
    from catalogue.text.i18n import default_language

    lang = lang or default_language()
    query = RulesQuery(build_views(_location(ctx)))
    found = query.transition(transition)
    answers = ([sharing.answer(found, query.category(found, category), age)] if category
               else sharing.answers(found, age))
    click.echo(query.as_json(answers, lang) if fmt == "json" else query.as_text(answers, lang), nl=fmt == "json")
    ctx.exit(errors.OK if answers and all(a.has_rule for a in answers) else errors.VIOLATIONS)


@main.command()
@click.option("--lang", type=LANG_CHOICE, default=None,
              help="Language of the messages (default: from the locale, else en).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--only", "only", multiple=True, metavar="CHECK",
              help="Run only this check or group of checks (e.g. qskos, profile, alignment); repeatable.")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--vocabulary", "vocabulary", metavar="FILE", type=click.Path(dir_okay=False), default=None,
              help="Check this vocabulary file from outside against a profile instead; it never joins the catalogue.")
@click.option("--profile", "profile", metavar="NAME", default=None,
              help="With --vocabulary: the registered profile to check against (e.g. skos-ap-no).")
@click.pass_context
def check(ctx: click.Context, lang: str | None, fmt: str, only: tuple[str, ...], fail_on: str,
          vocabulary: str | None, profile: str | None) -> None:
    """Run every check on the catalogue itself and report findings by file and line.

    With --vocabulary FILE, check that file against one registered profile instead (exit 1 on violations).
    """
    from catalogue.checks.registry import REGISTRY, run_checks
    from catalogue.checks.report import findings_json, findings_text
    from catalogue.model.catalogue import build_views
    from catalogue.text.i18n import default_language

    lang = lang or default_language()
    if profile and not vocabulary:
        raise click.BadParameter("--profile goes with --vocabulary FILE", param_hint="--profile")
    if vocabulary:
        from pathlib import Path

        from catalogue.checks.outside import check_vocabulary

        _used, found = check_vocabulary(build_views(_location(ctx)), Path(vocabulary), profile, vocabulary)
        click.echo(findings_json(found, lang) if fmt == "json" else findings_text(found, lang, 1), nl=False)
        failing = {"violation"} if fail_on == "violation" else {"violation", "warning"}
        ctx.exit(errors.VIOLATIONS if any(f.severity in failing for f in found) else errors.OK)
    unknown = [name for name in only
               if not any(n == name or n.startswith(name + ":") or name.startswith(n + ":") for n in REGISTRY)]
    if unknown:
        raise click.BadParameter(f"unknown check {unknown[0]!r}; known: {', '.join(sorted(REGISTRY))}",
                                 param_hint="--only")
    from catalogue.checks.files import syntax_findings
    from catalogue.source.loader import load

    location = _location(ctx)
    parse_errors: list = []
    catalogue = load(location, parse_errors)  # one pass: every file parsed once, every syntax error collected
    if parse_errors:
        # Nothing else can be checked on RDF that does not parse; this is unreadable input (exit 3).
        broken = syntax_findings(parse_errors)
        click.echo(findings_json(broken, lang) if fmt == "json" else findings_text(broken, lang, 1), nl=False)
        ctx.exit(errors.INPUT_REJECTED)
    views = build_views(location, catalogue)
    findings = run_checks(views, list(only) or None)
    checks_run = 1 + sum(1 for n in REGISTRY if not only or any(n == x or n.startswith(x + ":") for x in only))
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
    """Export derived files. WHAT: sssom (the alignments between jurisdictions as an SSSOM TSV mapping set)."""
    from catalogue import __version__ as version
    from catalogue.authoring.sssom import sssom_tsv
    from catalogue.model.catalogue import build_views
    from catalogue.text.output_file import write_output

    text = sssom_tsv(build_views(_location(ctx)), version)
    write_output(out, text, force=force)


@main.command("format")
@click.option("--check", "check_only", is_flag=True,
              help="Only report files that are not in canonical form (exit 1 if any); change nothing.")
@click.pass_context
def format_(ctx: click.Context, check_only: bool) -> None:
    """Rewrite the catalogue's Turtle files in canonical form (sorted, stable layout), and regenerate the JSON
    form's context and schema (shapes/handover-context.jsonld, shapes/handover.schema.json).

    Only files whose text changes are touched. Comments in Turtle are not kept.
    """
    from catalogue.authoring.formatting import generated_out_of_date, out_of_format, rewrite

    location = _location(ctx)
    pending = out_of_format(location.root)
    pending += generated_out_of_date(location)
    for path, _text in pending:
        click.echo(f"{path.relative_to(location.root).as_posix()}: {'not in canonical form' if check_only else 'reformatted'}")
    if not check_only:
        rewrite(pending)
    ctx.exit(errors.VIOLATIONS if (check_only and pending) else errors.OK)


@main.command()
@click.argument("data", nargs=-1, required=True)
@click.option("--input-format", type=click.Choice(["turtle", "nt", "json-ld", "json", "xml"]), default=None,
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
@click.option("--shapes", "shapes_file", type=click.Path(dir_okay=False), default=None,
              help="Validate with these shapes instead of the catalogue's. They are checked first: no network, "
                   "no SHACL rules or SPARQL targets, no risky patterns.")
@click.option("--trust-shapes", is_flag=True, help="Run --shapes even if they use refused features.")
@click.option("--cut-schema/--keep-schema", "cut_schema", default=None,
              help="Leave the data's schema statements (rdfs:subClassOf, owl:...) out of validation. Default: cut "
                   "for the catalogue's shapes, so data cannot rewrite what their classes mean; kept for --shapes, "
                   "as SHACL says.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=256 * 1024 * 1024, show_default=True,
              help="Largest input file, checked before parsing (exit 4 above it).")
@click.option("--max-literal", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Longest literal or line in an input (exit 4 above it).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=600, show_default=True,
              help="Seconds the whole run may take (exit 4 when reached).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Validate on this many cores: on the compiled engine, files and the pieces of a large file; on "
                   "pySHACL, records.")
@click.option("--engine", type=click.Choice(["auto", "compiled", "pyshacl"]), default="auto", show_default=True,
              help="auto: the compiled engine whenever it gives pySHACL's answer, else pySHACL; compiled: fail "
                   "if the shapes do not compile; pyshacl: the reference engine only.")
@click.pass_context
def validate(ctx: click.Context, data: tuple[str, ...], input_format: str | None, fmt: str, lang: str | None,
             show_values: bool, fail_on: str, inference: str, merge: bool, output: str, force: bool,
             shapes_file: str | None, trust_shapes: bool, cut_schema: bool | None, max_bytes: int, max_literal: int,
             timeout: float, jobs: int, engine: str) -> None:
    """Validate handover datasets (files, folders, or - for standard input) against the handover shapes.

    The catalogue (ontology and vocabularies) is mixed in as the knowledge graph. The input is never
    changed and nothing is fetched. Exit code 0: conforms (warnings allowed); 1: violations found.
    """
    from catalogue.source.limits import time_limit
    from catalogue.text.i18n import default_language
    from catalogue.text.output_file import write_output
    from catalogue.validate import reports as out
    from catalogue.validate.run import validate_inputs

    lang = lang or default_language()
    with time_limit(timeout):
        run, datasets = validate_inputs(_location(ctx), list(data), input_format, inference, merge=merge,
                                        shapes_file=shapes_file, trust_shapes=trust_shapes, max_bytes=max_bytes,
                                        max_literal=max_literal, jobs=jobs, engine=engine, cut_schema=cut_schema,
                                        keep_going=fmt == "junit")  # CI needs the JUnit file even then
    if fmt == "json":
        text = out.as_json(run, datasets, lang, show_values)
    elif fmt == "turtle":
        text = out.as_turtle(run, show_values, datasets)
    elif fmt == "junit":
        text = out.as_junit(run, datasets, lang, show_values, fail_on)
    else:
        text = out.as_text(run, datasets, lang, show_values)
    write_output(output, text, force=force)
    for _name, error in datasets.unreadable:
        click.echo(f"error: {error}", err=True)
    if datasets.unreadable:
        ctx.exit(max(getattr(error, "exit_code", errors.INPUT_REJECTED) for _name, error in datasets.unreadable))
    failing = run.count("violation") + (run.count("warning") if fail_on == "warning" else 0)
    ctx.exit(errors.VIOLATIONS if failing else errors.OK)


@main.command()
@click.argument("data")
@click.option("--to", "to", type=click.Choice(["json", "jsonld", "turtle"]), required=True,
              help="json: the handover's plain JSON form; jsonld: the same with the context inline; turtle: RDF.")
@click.option("--input-format", type=click.Choice(["turtle", "nt", "json-ld", "json", "xml"]), default=None,
              help="Format of DATA (default: from its extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-",
              help="File to write (default: standard output); never over an existing file without --force.")
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=256 * 1024 * 1024, show_default=True,
              help="Largest input file, checked before parsing (exit 4 above it).")
@click.option("--max-literal", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Longest literal or line in the input (exit 4 above it).")
@click.pass_context
def convert(ctx: click.Context, data: str, to: str, input_format: str | None, output: str, force: bool,
            max_bytes: int, max_literal: int) -> None:
    """Convert a handover between the JSON form and RDF, losslessly both ways.

    Reading the result back gives the same RDF graph. Records that no handover points to are kept, listed
    beside the handovers. Nothing is fetched.
    """
    from catalogue.handover_json.convert import convert_file
    from catalogue.source.loader import load
    from catalogue.text.output_file import write_output

    text = convert_file(data, to, load(_location(ctx)), input_format, max_bytes, max_literal)
    write_output(output, text, force=force)


def _by_language(values: tuple[str, ...], option: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for value in values:
        lang, sep, text = value.partition("=")
        if not sep or not lang.isalpha() or not 2 <= len(lang) <= 3 or not text.strip():
            raise click.BadParameter(f"expected LANG=TEXT with LANG a language tag (nb, da, en, …); got {value!r}",
                                     param_hint=option)
        out.setdefault(lang, []).append(text.strip())
    return out


@main.command()
@click.option("--jurisdiction", "-j", metavar="CODE", required=True,
              help="The jurisdiction's code, as its vocab/CODE/jurisdiction.ttl declares it.")
@click.option("--kind", type=click.Choice(["role", "organisation", "named-organisation", "institution", "stage",
                                           "service", "information", "law", "other"]), default="other",
              show_default=True, help="What the concept is; decides its class and the file it lands in.")
@click.option("--label", "labels", multiple=True, metavar="LANG=TEXT",
              help="Preferred label, in each of the jurisdiction's content languages.")
@click.option("--alt", "alts", multiple=True, metavar="LANG=TEXT", help="Alternative label or abbreviation.")
@click.option("--definition", "definitions", multiple=True, metavar="LANG=TEXT", help="Definition, in your own words.")
@click.option("--source", metavar="URL", help="Lovdata, retsinformation (ELI) or agency page for the definition.")
@click.option("--broader", metavar="CONCEPT", help="Broader concept (slug, prefix:slug or IRI).")
@click.option("--counterpart", metavar="CONCEPT", help="Counterpart across the border (prefix:slug or IRI).")
@click.option("--relation", type=click.Choice(["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]),
              default="closeMatch", show_default=True, help="How the counterpart matches, seen from this concept.")
@click.option("--justification", "justifications", multiple=True, metavar="LANG=TEXT",
              help="Why the counterpart matches and how it differs (en, nb and da).")
@click.pass_context
def propose(ctx: click.Context, jurisdiction: str, kind: str, labels, alts, definitions, source, broader,
            counterpart, relation, justifications) -> None:
    """Scaffold a new concept in the right file, in canonical form, with a fresh stable identifier.

    On a terminal, missing labels, definitions and the source are asked for. Anything still missing is left
    out, and `overgang check` then says what to add. Nothing that exists is overwritten.
    """
    from catalogue.authoring.propose import Proposal, jurisdiction_for
    from catalogue.authoring.propose import propose as make_proposal
    from catalogue.model.catalogue import build_views

    home = jurisdiction_for(build_views(_location(ctx)).registry, jurisdiction)

    label_map = {lang: texts[0] for lang, texts in _by_language(labels, "--label").items()}
    definition_map = {lang: texts[0] for lang, texts in _by_language(definitions, "--definition").items()}
    if sys.stdin.isatty():
        for lang in home.languages:
            if lang not in label_map:
                label_map[lang] = click.prompt(f"Preferred label ({lang})", default="", show_default=False)
            if lang not in definition_map:
                definition_map[lang] = click.prompt(f"Definition ({lang})", default="", show_default=False)
        if not source:
            source = click.prompt("Source URL (Lovdata, ELI or agency page)", default="", show_default=False)
    proposal = Proposal(
        jurisdiction=jurisdiction, kind=kind,
        labels={k: v for k, v in label_map.items() if v.strip()},
        alt_labels=_by_language(alts, "--alt"),
        definitions={k: v for k, v in definition_map.items() if v.strip()},
        source=source or None, broader=broader, counterpart=counterpart, relation=relation,
        justification={lang: texts[0] for lang, texts in _by_language(justifications, "--justification").items()})
    result = make_proposal(_location(ctx), proposal)
    click.echo(f"Proposed {result.iri} in {result.file} (status CANDIDATE).")
    if result.alignment_file:
        click.echo(f"Mapping to {counterpart} added in {result.alignment_file}.")
    click.echo("Next: run `overgang check`; it lists anything that is still missing.")


@main.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["markdown", "json", "changelog"]), default="markdown",
              show_default=True, help="markdown for a pull-request comment; changelog for a CHANGELOG entry.")
@click.option("--repo", type=click.Path(file_okay=False, exists=True), default=".", show_default=True,
              help="The git checkout that BASE and HEAD are revisions of.")
def diff(base: str | None, head: str | None, fmt: str, repo: str) -> None:
    """Concept-level changes between BASE and HEAD, and the change policy.

    BASE and HEAD are git revisions or catalogue folders. Defaults: BASE is the merge-base with main, HEAD the
    working tree. Exits 1 when the change policy is breached (a published concept deleted, or a status
    moved backwards).
    """
    from pathlib import Path

    from catalogue.authoring import diff_report as diff_output
    from catalogue.authoring.diff import diff_catalogues

    result = diff_catalogues(Path(repo).resolve(), base, head)
    if fmt == "json":
        click.echo(diff_output.as_json(result))
    elif fmt == "changelog":
        click.echo(diff_output.as_changelog(result), nl=False)
    else:
        click.echo(diff_output.as_markdown(result), nl=False)
    if result.breaches:
        click.echo(f"change policy breached: {len(result.breaches)} problem(s)", err=True)
    click.get_current_context().exit(errors.VIOLATIONS if result.breaches else errors.OK)


@main.command()
@click.option("--out", type=click.Path(file_okay=False), default="site_build", show_default=True,
              help="Output folder. It must be new, empty, or an earlier build; nothing outside it is touched.")
@click.pass_context
def build(ctx: click.Context, out: str) -> None:
    """Build the static catalogue site (mkdocs-material): pages in en, nb and da, downloads, redirect rules.

    Open OUT/index.html in a browser, or put OUT on any static host.
    """
    from pathlib import Path

    from catalogue.site.build import build_site

    result = build_site(_location(ctx), Path(out))
    click.echo(f"Built {result.pages} pages into {out}/. Open {out}/index.html in a browser.")


@main.command()
@click.option("--port", type=int, default=8000, show_default=True)
@click.pass_context
def serve(ctx: click.Context, port: int) -> None:
    """Preview the site on http://127.0.0.1:PORT/, rebuilding and reloading when a source file changes."""
    from catalogue.site.serve import serve as serve_site

    serve_site(_location(ctx), port, echo=click.echo)


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint of a SPARQL 1.1 store (Oxigraph: http://HOST:7878/store).")
@click.argument("data", nargs=-1)
@click.pass_context
def publish(ctx: click.Context, endpoint: str, data: tuple[str, ...]) -> None:
    """Publish the catalogue (one named graph per source file) and, optionally, datasets that conform.

    Publishing again replaces the same graphs. Only the named endpoint is contacted.
    """
    from catalogue.authoring.publish import publish as publish_graphs
    from catalogue.source.loader import load

    location = _location(ctx)
    datasets = []
    if data:
        from catalogue.source.datasets import load_datasets
        from catalogue.validate.run import validate_inputs

        run_, _checked = validate_inputs(location, list(data))
        if run_.count("violation"):
            raise click.ClickException("the datasets do not conform; run `overgang validate` and fix them first")
        datasets = load_datasets(list(data)).parts
    done = publish_graphs(load(location), endpoint, datasets)
    click.echo(f"Published {len(done)} graph(s), {sum(p.triples for p in done)} triples, to {endpoint}.")


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
