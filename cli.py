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


@click.group(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="overgang")
@click.option("--catalogue", "catalogue_dir", metavar="DIR", envvar="OVERGANG_CATALOGUE",
              type=click.Path(file_okay=False), default=None,
              help="Catalogue folder to use (default: the checkout you are in, else the installed copy). "
                   "Also read from OVERGANG_CATALOGUE.")
@click.pass_context
def main(ctx: click.Context, catalogue_dir: str | None) -> None:
    """Overgangskatalog: the NO/DK catalogue of concepts, roles and rules for school transitions."""
    ctx.obj = {"catalogue_dir": catalogue_dir}


def run() -> None:
    """Entry point with the network guard on and no tracebacks for known errors."""
    netguard.enable()
    try:
        main.main(standalone_mode=False)
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
