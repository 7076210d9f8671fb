"""`export`, `import`, `keys` and `sync-status`: sync by file between points and the district."""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector_app.errors import InspectorError
from inspector_app.faults import reported
from inspector_app.storage.territory import territory_of
from inspector_app.sync import state
from inspector_app.sync.export import export_package
from inspector_app.sync.forward import forward_files, forwarding_to
from inspector_app.sync.importer import FINISHING, import_files, package_files
from inspector_app.sync.keys import keys_of
from inspector_app.sync.overview import points_overview, unattributed_refusals
from inspector_app.sync.receipts import last_acknowledged
from inspector_app.sync.refused import forget, waiting_files
from inspector_app.sync.results import DUPLICATE, IMPORTED
from inspector_app.sync.trust import database_kind, export_public_key, trust_key_file
from inspector_app.sync.versions import readable


def register(commands) -> None:
    p = commands.add_parser("export", help="write a package for the district office")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the file into")
    p.add_argument("--full", action="store_true",
                   help="every record, not only the changes since the last acknowledgement")
    p.add_argument("--after-restore", action="store_true",
                   help="a database restored from a backup: nothing was sent after that backup")
    p.set_defaults(handler=run_export)

    p = commands.add_parser("import", help="import packages, receipts or reference data")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--dir", metavar="DIR", help="import every package file in this folder")
    p.add_argument("--trust-new", action="store_true",
                   help="enrol points not seen before (check their key fingerprints!)")
    p.add_argument("--out", metavar="DIR",
                   help="where to write receipts for the points (default: beside the database)")
    p.add_argument("--waiting", action="store_true",
                   help="also import the refused packages of a newer program that this "
                        "program reads now (after an update)")
    p.add_argument("--verbose", action="store_true", help="show progress")
    p.add_argument("--forward", metavar="DIR",
                   help="at a district: also forward the points' packages imported (or "
                        "imported before) to the region, into this folder")
    p.set_defaults(handler=run_import)

    p = commands.add_parser("forward", help="at a district: forward points' packages, "
                                            "imported here, to the region unchanged")
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--dir", metavar="DIR", help="forward every package file in this folder")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the files into")
    p.set_defaults(handler=run_forward)

    p = commands.add_parser("keys", help="this database's keys and the keys it trusts")
    actions = p.add_subparsers(dest="keys_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="this database's key fingerprint")
    show.set_defaults(handler=run_keys_show)
    export = actions.add_parser("export-public", help="write this database's public key file")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=run_keys_export)
    trust = actions.add_parser("trust", help="trust a public key file (the district's at a "
                                             "point; a point's or the region's at a district; "
                                             "a district's at a region)")
    trust.add_argument("file", metavar="FILE")
    trust.add_argument("--replace", action="store_true", help="replace a key trusted before")
    trust.add_argument("--district", default="", metavar="CODE",
                       help="at a region: enrol a point (its key file) of this district ahead "
                            "of its first package")
    trust.set_defaults(handler=run_keys_trust)
    listing = actions.add_parser("list", help="the keys this database trusts")
    listing.set_defaults(handler=run_keys_list)

    p = commands.add_parser("sync-status", help="what the district holds (points overview), "
                                                "or a point's last acknowledgement")
    p.set_defaults(handler=run_status)


def run_export(args: argparse.Namespace, ctx) -> int:
    with reported(Path(args.out)):  # a full stick names itself, not "unexpected error"
        result = export_package(ctx.services(), Path(args.out), full=args.full,
                                after_restore=args.after_restore)
    mode = ctx.t("cli.export_full" if result.full else "cli.export_changes")
    ctx.out(ctx.t("cli.export_done", number=result.export_no, path=result.path,
                  records=result.records, mode=mode))
    notice = result.district_notice()
    if notice is not None:
        ctx.error(ctx.t(notice[0], **notice[1]))
    return 0


def _given_files(args: argparse.Namespace) -> list[Path]:
    """The files named, then the packages of ``--dir`` (a missing folder is named)."""
    files = [Path(f) for f in args.files]
    if args.dir:
        folder = Path(args.dir)
        if not folder.is_dir():
            raise InspectorError("sync.no_folder", path=str(folder))
        files += package_files(folder)
    return files


def run_import(args: argparse.Namespace, ctx) -> int:
    files = _given_files(args)
    waiting = waiting_files(ctx.services().db.database, readable) if args.waiting else []
    if args.waiting and not waiting and not files:
        raise InspectorError("cli.import_no_waiting")
    files += waiting
    if not files:
        raise InspectorError("cli.import_no_files")
    if args.forward:
        forwarding_to(ctx.services(), Path(args.forward))  # refused before anything is done

    def progress(index: int, count: int, stage: str, done: int) -> None:
        if stage == FINISHING:
            ctx.error(ctx.t("cli.import_finishing"))
        else:
            ctx.error(ctx.t("cli.import_progress", file=files[index].name, stage=stage,
                            count=done))

    batch = import_files(ctx.services(), files, trust_new=args.trust_new,
                         outbox=Path(args.out) if args.out else None,
                         progress=progress if args.verbose else None)
    for result in batch.files:
        for line in result.lines(ctx.lang):
            (ctx.out if result.ok else ctx.error)(line)
        if result.kept_at is not None:
            ctx.error(ctx.t("cli.import_kept", path=result.kept_at))
        if result.path in waiting and (result.ok or result.kept_at is not None):
            forget(result.path)  # imported, or kept again with its new reason
    for path in batch.written:
        ctx.out(ctx.t("cli.import_written", path=path))
    imported = sum(1 for r in batch.files if r.status == IMPORTED)
    duplicates = sum(1 for r in batch.files if r.status == DUPLICATE)
    ctx.out(ctx.t("cli.import_summary", imported=imported, duplicates=duplicates,
                  refused=len(batch.refused)))
    forwarded_ok = True
    if args.forward:
        held = [r.path for r in batch.files if r.ok and r.kind == "records"]
        forwarded_ok = _report_forward(ctx, forward_files(ctx.services(), held,
                                                          Path(args.forward)))
    return 1 if batch.refused or not forwarded_ok else 0


def run_forward(args: argparse.Namespace, ctx) -> int:
    files = _given_files(args)
    if not files:
        raise InspectorError("cli.import_no_files")
    with reported(Path(args.out)):
        results = forward_files(ctx.services(), files, Path(args.out))
    return 0 if _report_forward(ctx, results) else 1


def _report_forward(ctx, results) -> bool:
    """A line per file forwarded or refused, and the total; whether none was refused."""
    for result in results:
        if result.ok:
            ctx.out(ctx.t("cli.forward_done", path=result.written, point=result.point,
                          number=result.export_no))
        else:
            ctx.error(ctx.t("sync.result_refused", file=result.path.name,
                            reason=result.error.message(ctx.lang)))
    refused = sum(1 for r in results if not r.ok)
    ctx.out(ctx.t("cli.forward_summary", forwarded=len(results) - refused, refused=refused))
    return not refused


def run_keys_show(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    keys = keys_of(services.db)
    ctx.out(ctx.t("cli.keys_own", code=services.point_code, kind=database_kind(services),
                  fingerprint=keys.public.fingerprint))
    return 0


def run_keys_export(args: argparse.Namespace, ctx) -> int:
    document = export_public_key(ctx.services(), Path(args.out))
    ctx.out(ctx.t("cli.keys_exported", path=args.out, fingerprint=document.keys.fingerprint))
    return 0


def run_keys_trust(args: argparse.Namespace, ctx) -> int:
    peer = trust_key_file(ctx.services(), Path(args.file), replace=args.replace,
                          district=args.district)
    ctx.out(ctx.t("cli.keys_trusted", point=peer.point_code, name=peer.name,
                  fingerprint=peer.fingerprint))
    return 0


def run_keys_list(args: argparse.Namespace, ctx) -> int:
    trusted = state.peers(ctx.services().db)
    if not trusted:
        ctx.out(ctx.t("cli.keys_none"))
    for peer in trusted:
        ctx.out(ctx.t("cli.keys_peer", point=peer.point_code, role=peer.role,
                      fingerprint=peer.fingerprint, name=peer.name))
    return 0


def run_status(args: argparse.Namespace, ctx) -> int:
    services = ctx.services()
    if not services.is_district_office:
        ack = last_acknowledged(services.db)
        if ack is None:
            ctx.out(ctx.t("cli.ack_none"))
        else:
            offset = services.clock.now_local() - services.clock.now_utc()
            ctx.out(ctx.t("cli.ack_last", date=f"{ack.at + offset:%d.%m.%Y}",
                          number=ack.export_no))
        return 0
    points = points_overview(services)
    if not points:
        ctx.out(ctx.t("cli.status_none"))
    if services.is_region:
        for district in state.peers(services.db, state.DISTRICT_ROLE):
            own = [p for p in points if p.district == district.point_code]
            if not own and territory_of(services.db).limited:
                continue  # a district outside the account's territory
            ctx.out(ctx.t("cli.status_district", district=district.point_code,
                          name=district.name, points=len(own)))
            for point in own:
                _point_lines(ctx, point, "  ")
    else:
        for point in points:
            _point_lines(ctx, point)
            for line in point.region_lines(ctx.lang):
                ctx.out("  " + line)
    for refusal in unattributed_refusals(services):
        ctx.out(f"{refusal.at:%d.%m.%Y %H:%M} {refusal.file}: {refusal.message(ctx.lang)}")
    return 0


def _point_lines(ctx, point, indent: str = "") -> None:
    """A point's status line (and its re-install, if any)."""
    ctx.out(indent + ctx.t(
        "cli.status_point", point=point.point_code, name=point.name,
        last=f"{point.last_package_at:%d.%m.%Y}" if point.last_package_at else "—",
        days="—" if point.days_since is None else point.days_since,
        export=point.last_export_no, records=point.records,
        gaps=", ".join(map(str, point.gaps)) or "—", refused=len(point.refused),
        stale=ctx.t("cli.status_stale") if point.stale else ""))
    if point.nothing_yet:
        ctx.out(indent + "  " + ctx.t("sync.nothing_received_yet"))
    if point.reinstalled_on is not None:
        ctx.out(indent + "  " + point.reinstalled_text(ctx.lang))
    for line in point.key_change_lines(ctx.lang):
        ctx.out(indent + "  " + line)
