"""A district loads a corrected catalogue from a file; it reaches its points (issue 17)."""

from __future__ import annotations

import copy
import io
import json

import pytest
from core_factories import offence_data, snapshot
from sync_fixtures import PASSWORD

from inspector_app.cli import main
from inspector_app.domain.catalogues import Catalogues, apply_catalogue, catalogue_files
from inspector_app.domain.permissions import Role
from inspector_app.errors import PermissionDenied, ValidationError
from inspector_app.paths import resource
from inspector_app.services.catalogue_load import (
    CatalogueFileError,
    check_document,
    load_catalogue,
)
from inspector_app.services.setup import open_services
from inspector_app.storage.models import AuditEntry, CatalogueVersion


def bundled(name: str) -> dict:
    with open(resource("catalogues", f"{name}.json"), encoding="utf-8") as f:
        return json.load(f)


SHIPPED = bundled("offence_articles")["version"]
"""The version of the offence catalogue the program ships; a correction is the next one."""


def corrected(version: int = SHIPPED + 1) -> dict:
    """The offence catalogue as a district corrects it: 437-1 a fine of 7 МРП."""
    document = copy.deepcopy(bundled("offence_articles"))
    document["version"] = version
    for item in document["items"]:
        if item["code"] == "437-1":
            item["sanctions"]["fine_mrp"]["individual"] = {"min": 7, "max": 7}
            item["source"].update(edition="Закон РК от 01.12.2026 (пример исправления)",
                                  status="verified")
    return document


def write(path, document) -> str:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--lang", "ru", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("path", catalogue_files(), ids=lambda p: p.stem)
def test_every_bundled_catalogue_passes_the_loaders_check(path):
    with open(path, encoding="utf-8") as f:
        name, version, items = check_document(json.load(f), path)
    assert name == path.stem and version >= 1 and items


def test_a_loaded_catalogue_reaches_a_point_through_export_and_import(tmp_path, monkeypatch,
                                                                     capsys):
    """All by the command line, as a district operator and an inspector would."""
    monkeypatch.chdir(tmp_path)
    for db, code, extra in (("d.db", "ATY-ROP", ["--district-office"]),
                            ("p.db", "ATY-017", [])):
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert run(capsys, "--db", db, "init", "--point-code", code, "--point-name", "Тест",
                   "--district", "Атырау", "--login", "erzhanov", "--name", "Ержанов",
                   "--password-stdin", "--no-encrypt", *extra)[0] == 0
    assert run(capsys, "--db", "d.db", "keys", "export-public", "--out", "d.pub")[0] == 0
    assert run(capsys, "--db", "p.db", "keys", "trust", "d.pub")[0] == 0
    file = write(tmp_path / f"offence_articles_v{SHIPPED + 1}.json", corrected())
    code, out, err = run(capsys, "--db", "d.db", "catalogue", "load", file)
    assert code == 0, err
    assert f"Справочник «offence_articles» версии {SHIPPED + 1} загружен (была {SHIPPED})" in out
    listed = run(capsys, "--db", "d.db", "catalogue", "list")[1]
    assert f"offence_articles: версия {SHIPPED + 1}" in listed
    (tmp_path / "stick").mkdir()
    assert run(capsys, "--db", "p.db", "export", "--out", "stick")[0] == 0
    code, _, err = run(capsys, "--db", "d.db", "import", "--dir", "stick", "--trust-new",
                       "--out", "back")
    assert code == 0, err
    reference = sorted((tmp_path / "back").glob("*_reference_*"))
    assert len(reference) == 1
    code, out, err = run(capsys, "--db", "p.db", "import", str(reference[0]))
    assert code == 0, err and "offence_articles" in out
    point = open_services(tmp_path / "p.db")
    try:
        assert point.db.execute_sql("SELECT version FROM catalogue_version WHERE catalogue = "
                                    "'offence_articles'").fetchone() == (SHIPPED + 1,)
        person = point.persons.create({"surname": "Ахметов", "first_name": "Болат"})
        with pytest.raises(ValidationError) as caught:
            point.offences.create(offence_data(person, fine_mrp="5"))
        assert caught.value.for_field("fine_mrp")[0].message("ru").endswith(
            "по ст. 437 ч. 1 штраф — 7 МРП")
        item = point.catalogues.get("offence_articles", "437-1")
        assert item.extra["source"]["status"] == "verified"
    finally:
        point.db.close()


def test_the_load_is_audited_and_says_the_catalogues_changed(services, tmp_path):
    _, changes = services.run(load_catalogue, services, _file(tmp_path, corrected()))
    assert changes.catalogues and changes.shows("offence")
    entry = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (entry.action, entry.table_name, entry.record_id) == (
        "import", "catalogue_version", "offence_articles")
    assert json.loads(entry.new_values)["version"] == SHIPPED + 1
    assert json.loads(entry.old_values) == {"version": SHIPPED}


def _file(tmp_path, document, name="catalogue.json"):
    path = tmp_path / name
    write(path, document)
    return path


def _broken(change) -> dict:
    document = corrected()
    change(document)
    return document


def _entry(code):
    def find(document):
        return next(i for i in document["items"] if i["code"] == code)
    return find


@pytest.mark.parametrize(("document", "code", "params"), [
    (corrected(SHIPPED), "catalogue.not_newer", {"version": SHIPPED, "held": SHIPPED}),
    (corrected(SHIPPED - 1), "catalogue.not_newer", {"version": SHIPPED - 1, "held": SHIPPED}),
    (_broken(lambda d: _entry("434-1")(d)["sanctions"]["arrest_days"].update(min=20)),
     "catalogue.bad_entry", {"number": 8, "key": "434-1", "field": "sanctions.arrest_days"}),
    (_broken(lambda d: _entry("505-1")(d)["source"].update(status="sure")),
     "catalogue.bad_entry", {"key": "505-1", "field": "source.status"}),
    (_broken(lambda d: _entry("73-1")(d).update(court_only=["expulsion"])),
     "catalogue.bad_entry", {"number": 1, "key": "73-1", "field": "court_only"}),
    (_broken(lambda d: d["items"].append(dict(d["items"][0]))),
     "catalogue.bad_entry", {"key": "73-1", "field": "code"}),
    (_broken(lambda d: d.update(catalogue="laws_of_physics")), "catalogue.unknown",
     {"name": "laws_of_physics"}),
    (_broken(lambda d: d.pop("items")), "catalogue.bad_head", {}),
])
def test_a_bad_catalogue_file_is_refused_naming_the_file_and_the_entry(
        services, tmp_path, document, code, params):
    path = _file(tmp_path, document, "исправление.json")
    before = snapshot()
    with pytest.raises(CatalogueFileError) as caught:
        load_catalogue(services, path)
    assert caught.value.code == code
    assert {k: caught.value.params[k] for k in params} == params
    assert str(path) in caught.value.message("ru")
    assert snapshot() == before
    held = CatalogueVersion.get(CatalogueVersion.catalogue == "offence_articles")
    assert held.version == SHIPPED


def test_a_file_that_is_not_json_is_refused(services, tmp_path, capsys):
    path = tmp_path / "broken.json"
    path.write_text('{"catalogue": "offence_articles", "version": 3,', encoding="utf-8")
    code, _, err = run(capsys, "--db", str(services.db.database), "catalogue", "load",
                       str(path))
    assert code == 1 and f"{path}: файл не читается как JSON" in err


def test_only_the_district_operator_or_administrator_loads_a_catalogue(services, tmp_path):
    services.staff.create({"login": "admin", "full_name": "Администратор", "password":
                           "Strong-Pass-91", "role": Role.ADMINISTRATOR})
    services.login("erzhanov", PASSWORD)
    with pytest.raises(PermissionDenied):
        load_catalogue(services, _file(tmp_path, corrected()))
    services.login("admin", "Strong-Pass-91")
    assert load_catalogue(services, _file(tmp_path, corrected())).version == SHIPPED + 1


def test_an_ill_formed_offence_catalogue_in_a_reference_package_is_refused():
    from inspector_app.sync.errors import SyncError
    from inspector_app.sync.reference import _catalogue

    bad = corrected()
    _entry("434-1")(bad)["sanctions"]["fine_mrp"] = {"individual": {"min": 30, "max": 20}}
    with pytest.raises(SyncError):
        _catalogue(json.dumps(bad, ensure_ascii=False).encode())


def test_catalogues_held_by_an_import_reload_when_a_version_changes(services, clock):
    held = Catalogues()
    held.reload_if_changed()
    assert held.get("visit_kinds", "night_patrol") is None
    with services.db.atomic():  # as another process loading a corrected catalogue
        items = [{"code": i.code, **i.titles} for i in held.items("visit_kinds")]
        apply_catalogue("visit_kinds", 99, [*items, {"code": "night_patrol", "ru": "Ночной "
                        "обход", "kk": "Түнгі айналым", "en": "Night round"}], clock.now_utc())
    assert held.get("visit_kinds", "night_patrol") is None  # not read again by itself
    held.reload_if_changed()
    assert held.title("visit_kinds", "night_patrol") == "Ночной обход"
