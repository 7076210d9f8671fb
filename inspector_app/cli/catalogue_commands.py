"""`catalogue`: the catalogues this database holds, and loading a corrected one from a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.services.catalogue_load import load_catalogue
from inspector_app.storage.models import CatalogueVersion


def register(commands) -> None:
    p = commands.add_parser("catalogue", help="reference catalogues: list, load a corrected one")
    actions = p.add_subparsers(dest="catalogue_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each catalogue and its version")
    listing.set_defaults(handler=run_list)
    load = actions.add_parser("load", help="load a newer version of a catalogue from a JSON "
                                           "file (district operator, administrator)")
    load.add_argument("file", metavar="FILE")
    load.set_defaults(handler=run_load)


def run_list(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    services.check_bound()
    for row in CatalogueVersion.select().order_by(CatalogueVersion.catalogue):
        ctx.out(ctx.t("cli.catalogue_line", name=row.catalogue, version=row.version))
    return 0


def run_load(args: argparse.Namespace, ctx) -> int:
    loaded = load_catalogue(ctx.services(), Path(args.file))
    ctx.out(ctx.t("catalogue.loaded", name=loaded.name, version=loaded.version,
                  previous=loaded.previous, items=loaded.items, path=args.file))
    return 0
