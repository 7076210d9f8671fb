"""A dishonest sender: packages signed with a point's real key, crafted after export.

Every package here passes the crypto layer (decrypted, edited, signed again with the point's
own signing key and encrypted to the district), so only the district's own rules can refuse
it. Each refusal must name the file and the reason in the user's language and leave the
district database byte-for-byte unchanged.
"""

from __future__ import annotations

import json
import random
import uuid
from pathlib import Path

import pytest
from core_factories import appeal_data, offence_data, registration_data
from sync_fixtures import (
    db_file_bytes,
    edit_records,
    enrol_with_first_packages,
    keys_of,
    make_point,
    region,
    repack,
    use,
)

from inspector_app.sync import container
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files
from inspector_app.sync.keys import KeyPair


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A district with ATY-017 and ATY-018 enrolled (first packages imported) and the next
    package of each, not yet imported: ATY-017's holds an offence with a fine, a registration,
    a resolved appeal and a staff account."""
    folder = tmp_path_factory.mktemp("signed")
    with region(folder, ("ATY-017", "ATY-018")) as (district, (point, other), out):
        (person, first), _ = enrol_with_first_packages(district, (point, other), out)
        yield _second_packages(folder, district, point, other, out, person, first)


def _second_packages(folder, district, point, other, out, person, first) -> dict:
    """The next package of each point (see :func:`world`), by name."""
    use(point)
    point.offences.create(offence_data(person, penalty="fine", fine_mrp="5"))
    point.registrations.create(registration_data(person))
    appeal = point.appeals.create(appeal_data(person))
    point.appeals.update(appeal.id, {"decision": "satisfied"})
    point.appeals.create(appeal_data(person, received_at="2026-11-21 10:00"))
    point.staff.create({"login": "assist", "full_name": "Помощник Бек", "role": "assistant",
                        "password": "Another-Secret-1"})
    second = export_package(point, out)
    use(other)
    other.persons.create({"surname": "Второй", "first_name": "Пакет"})
    other_second = export_package(other, out)
    return {"folder": folder, "district": district, "point": point, "other": other,
            "first": first, "second": second.path, "other_second": other_second.path}


def signed(w, target: Path, source: Path | None = None, *, edit_body=None, **edits) -> Path:
    """``source`` (default: ATY-017's next package) re-made with ``edits`` under a new package
    id (unless ``source`` is given), signed with the point's real key and encrypted to the
    district."""
    def body(b: dict) -> dict:
        b = b if source else dict(b, package_id=uuid.uuid4().hex)
        return edit_body(b) if edit_body else b

    return repack(source or w["second"], target, keys_of(w["district"]), keys_of(w["point"]),
                  edit_body=body, **edits)


def refused(w, path: Path, code: str, **import_options):
    """Import ``path`` alone: refused with ``code``, the file named in the message in
    Russian, Kazakh and English, the district's file unchanged. Returns the result."""
    district = use(w["district"])
    before = db_file_bytes(district)
    batch = import_files(district, [path], keep_refused=False, **import_options)
    result = batch.files[0]
    assert not result.ok and result.error is not None, result.summary("en")
    assert result.error.code == code, result.summary("en")
    for lang in ("ru", "kk", "en"):
        text = result.summary(lang)
        assert path.name in text and "sync." not in text and "{" not in text, text
    assert batch.written == []
    assert db_file_bytes(district) == before
    return result


def with_line(table: str, change):
    """An ``edit`` changing the first record of ``table`` only."""
    def edit(name: str, lines: list[bytes]) -> list[bytes]:
        if name != f"{table}.jsonl.gz":
            return lines
        first = change(json.loads(lines[0]))
        return [json.dumps(first, ensure_ascii=False).encode(), *lines[1:]]
    return edit


# -- 1. derived values ------------------------------------------------------------------------
DERIVED = {
    "fine of 1 ₸": ("offence", lambda r: dict(r, fine_tenge=1), "fine_tenge"),
    "next check hidden in 2099": ("registration", lambda r: dict(r, next_check_due="2099-12-31"),
                                  "next_check_due"),
    "resolved without a decision": ("appeal",
                                    lambda r: dict(r, status="resolved") if r["decision"] is None
                                    else r, "status"),
    "resolved_on without a decision": ("appeal",
                                       lambda r: dict(r, resolved_on="2026-11-22")
                                       if r["decision"] is None else r, "resolved_on"),
    "a decision still open": ("appeal", lambda r: dict(r, status="in_progress")
                              if r["decision"] else r, "status"),
}


@pytest.mark.parametrize("case", list(DERIVED))
def test_derived_values_that_disagree_with_the_rules_are_refused(world, case, tmp_path):
    table, change, field = DERIVED[case]
    path = signed(world, tmp_path / "ATY-017_2026-11-25_0002.isync",
                  edit=edit_records(table, change))
    result = refused(world, path, "sync.derived_mismatch")
    assert result.error.params["field"] == field
    assert result.error.params["kind"] == table
    if field == "fine_tenge":
        assert "= 1, " in result.summary("ru") and "21\u00a0625" in result.summary("ru")
    if field == "next_check_due":
        assert "31.12.2099" in result.summary("ru")


# -- 2. what the district decides about a point -------------------------------------------------
def test_a_point_cannot_declare_itself_the_district_office_through_its_services(tmp_path):
    with region(tmp_path, ("ATY-031",)) as (district, (point,), out):
        use(point)
        point.points.update(point.points.current().id, {"is_district_office": True})
        path = export_package(point, out).path
        result = refused({"district": district}, path, "sync.point_claims_district",
                         trust_new=True)
        assert "ATY-031" in result.summary("ru")
        use(district)
        assert district.db.execute_sql(
            "SELECT COUNT(*) FROM point WHERE code = 'ATY-031'").fetchone()[0] == 0


def test_a_point_cannot_rename_itself(world, tmp_path):
    path = signed(world, tmp_path / "ATY-017_x.isync",
                  edit=edit_records("point", lambda r: dict(r, code="ATY-099")))
    refused(world, path, "sync.foreign_record")


def test_a_point_cannot_make_its_staff_district_operators(world, tmp_path):
    path = signed(world, tmp_path / "ATY-017_x.isync", edit=edit_records(
        "staff", lambda r: dict(r, role="district_operator")))
    result = refused(world, path, "sync.district_role")
    assert "erzhanov" in result.summary("ru") or "assist" in result.summary("ru")


# -- 3. one file's fault is that file's -------------------------------------------------------
@pytest.mark.parametrize("field, value", [("export_no", 2**70), ("seq_to", 2**70),
                                          ("created_at", "9999-12-30 10:00:00"),
                                          ("utc_offset_minutes", 2**70)])
def test_out_of_range_manifest_values_refuse_the_file(world, tmp_path, field, value):
    path = signed(world, tmp_path / "ATY-017_x.isync",
                  edit_body=lambda b: dict(b, **{field: value}))
    result = refused(world, path, "sync.bad_manifest")
    assert result.error.params["field"] in (field, "range")


def test_a_fault_in_one_file_leaves_the_other_files_imported(world, tmp_path, monkeypatch):
    """An error nobody foresaw (here the appeal rules failing) refuses that file by name; the
    other point's file in the same batch is imported and gets its receipt."""
    from inspector_app.services.appeals import AppealService

    def broken(self, data, existing):
        raise TypeError("rules out of order")

    monkeypatch.setattr(AppealService, "clean", broken)
    bad = signed(world, tmp_path / "ATY-017_2026-11-25_0002.isync")
    district = use(world["district"])
    batch = import_files(district, [world["other_second"], bad], keep_refused=False,
                         outbox=tmp_path / "back")
    good, refused_file = batch.files
    assert good.ok and good.counts["person"]["new"] == 1
    assert refused_file.error.code == "sync.unexpected"
    assert "TypeError" in refused_file.summary("ru") and bad.name in refused_file.summary("ru")
    assert [p.name.split("_")[0] for p in batch.written] == ["ATY-018"] * len(batch.written)
    monkeypatch.undo()
    assert import_files(district, [world["other_second"]], keep_refused=False).files[0].status \
        == "duplicate"


@pytest.mark.parametrize("change, field", [
    (lambda r: dict(r, start_date="9999-12-30", next_check_due="9999-12-31"), "start_date"),
    (lambda r: dict(r, last_check_on="9999-12-31"), "last_check_on"),
    (lambda r: dict(r, last_check_on="2099-12-01", next_check_due="2099-12-31"), "last_check_on"),
], ids=["start in 9999", "last check in 9999", "a check in 2099 hides the overdue one"])
def test_a_registration_with_an_impossible_schedule_is_refused(world, tmp_path, change, field):
    path = signed(world, tmp_path / "ATY-017_x.isync", edit=edit_records("registration", change))
    result = refused(world, path, "sync.invalid_record")
    assert field in {e.field for e in result.error.errors}


def test_a_value_the_rules_cannot_count_with_is_a_bad_value(world, tmp_path, monkeypatch):
    from inspector_app.services.offences import OffenceService

    def overflowing(self, data, existing):
        raise OverflowError("date value out of range")

    monkeypatch.setattr(OffenceService, "clean", overflowing)
    result = refused(world, signed(world, tmp_path / "ATY-017_x.isync"), "sync.bad_record")
    assert result.error.params["kind"] == "offence" and result.error.params["reason"] == "range"


# -- 4. authenticate before "already imported" --------------------------------------------------
def test_a_known_package_id_signed_by_another_key_is_not_answered_already_imported(
        world, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    impostor = KeyPair(Ed25519PrivateKey.generate(), X25519PrivateKey.generate())
    path = repack(world["first"], tmp_path / "ATY-017_x.isync", keys_of(world["district"]),
                  impostor)
    refused(world, path, "sync.bad_signature")


def test_the_same_package_id_with_other_content_is_refused_as_such(world, tmp_path):
    path = signed(world, tmp_path / "ATY-017_x.isync", source=world["first"],
                  edit=edit_records("person", lambda r: dict(r, phone="87015550000")))
    result = refused(world, path, "sync.package_id_reused")
    assert "импортирован" in result.summary("ru")


def test_a_known_package_id_from_an_unenrolled_point_is_refused_without_a_crash(world,
                                                                                tmp_path):
    stranger = make_point(tmp_path, "ATY-044", district=world["district"])
    use(stranger)
    body_id = json.loads(json.dumps(_manifest_of(world, world["first"])))["package_id"]
    own = export_package(stranger, tmp_path).path
    path = repack(own, tmp_path / "ATY-044_x.isync", keys_of(world["district"]),
                  keys_of(stranger), edit_body=lambda b: dict(b, package_id=body_id))
    refused(world, path, "sync.package_id_reused", trust_new=True)
    stranger.db.close()


def _manifest_of(w, path: Path) -> dict:
    from sync_fixtures import read_members

    return read_members(path, keys_of(w["district"]))[0]


# -- 5. stricter than before ------------------------------------------------------------------
def _same_id_in_two_tables(w, target):
    person_id = {}

    def edit(name, lines):
        if name == "person.jsonl.gz":
            person_id["id"] = json.loads(lines[0])["id"]
            return lines
        if name == "appeal.jsonl.gz":
            return [json.dumps(dict(json.loads(lines[0]), id=person_id["id"]),
                               ensure_ascii=False).encode(), *lines[1:]]
        return lines
    return signed(w, target, edit=edit)


def _duplicate_key(raw: bytes) -> bytes:
    return raw[:-1] + b',"export_no":1}'


STRICT = {
    "same id in two tables": (_same_id_in_two_tables, "sync.id_in_two_kinds"),
    "tombstones miscounted": (lambda w, t: signed(w, t, edit_body=lambda b: dict(
        b, counts=dict(b["counts"], person={"records": b["counts"]["person"]["records"],
                                           "tombstones": 1}))), "sync.bad_manifest"),
    "format_version true": (lambda w, t: signed(w, t, edit_body=lambda b: dict(
        b, format_version=True)), "sync.unsupported_version"),
    "format_version 1.0": (lambda w, t: signed(w, t, edit_body=lambda b: dict(
        b, format_version=1.0)), "sync.unsupported_version"),
    "duplicate manifest key": (lambda w, t: signed(w, t, raw_manifest=_duplicate_key),
                               "sync.bad_manifest"),
    "unknown manifest field": (lambda w, t: signed(w, t, edit_body=lambda b: dict(
        b, trusted="yes")), "sync.bad_manifest"),
    "unknown member field": (lambda w, t: signed(w, t, raw_manifest=lambda raw: raw.replace(
        b'"lines":', b'"extra":1,"lines":', 1)), "sync.bad_manifest"),
    "duplicate key in a record": (lambda w, t: signed(w, t, edit=lambda name, lines: [
        line[:-1] + b', "phone": "1"}' if name == "person.jsonl.gz" else line
        for line in lines]), "sync.bad_record"),
    "row_version 2**63-1": (lambda w, t: signed(w, t, edit=with_line(
        "appeal", lambda r: dict(r, row_version=2**63 - 1))), "sync.bad_record"),
    "row_version above its change number": (lambda w, t: signed(w, t, edit=with_line(
        "appeal", lambda r: dict(r, row_version=r["change_seq"] + 1))), "sync.bad_record"),
}


@pytest.mark.parametrize("case", list(STRICT))
def test_laxer_cases_are_now_refused(world, case, tmp_path):
    make, code = STRICT[case]
    refused(world, make(world, tmp_path / "ATY-017_2026-11-25_0002.isync"), code)


# -- 7. refusals that say what happened ---------------------------------------------------------
def test_a_line_over_the_limit_is_called_too_long(world, tmp_path):
    letters = random.Random(7).choices("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі", k=40)
    huge = "".join(random.Random(8).choices(letters, k=container.MAX_LINE // 2 + 10))
    path = signed(world, tmp_path / "ATY-017_x.isync",
                  edit=with_line("person", lambda r: dict(r, notes=huge)))
    result = refused(world, path, "sync.line_too_long")
    assert "МиБ" in result.summary("ru")


def test_a_manifest_over_the_limit_is_called_too_large(world, tmp_path):
    path = signed(world, tmp_path / "ATY-017_x.isync",
                  edit_body=lambda b: dict(b, app_version="x" * (container.MAX_MANIFEST + 1)))
    refused(world, path, "sync.manifest_too_large")


def test_a_bad_container_magic_is_not_a_package(world, tmp_path):
    path = signed(world, tmp_path / "ATY-017_x.isync", magic=b"ZIPX")
    refused(world, path, "sync.not_a_package")


def test_the_offices_own_package_sent_to_itself_says_so(world, tmp_path):
    from inspector_app.sync.keys import b64

    district = keys_of(world["district"])
    path = repack(world["second"], tmp_path / "ATY-ROP_x.isync", district, district,
                  edit_body=lambda b: dict(b, sender="ATY-ROP", sender_kind="district",
                                           signing_key=b64(district.public.signing),
                                           encryption_key=b64(district.public.encryption)))
    refused(world, path, "sync.own_package")


@pytest.mark.parametrize("gaps", [[True], [2**70], ["3"]], ids=["bool", "2**70", "text"])
def test_a_receipt_with_impossible_gaps_is_refused_at_the_point(world, tmp_path, gaps):
    """The district's real key signs it: the point still checks every value."""
    receipt = next((world["folder"] / "out" / "back").glob("ATY-017_receipt_*.isync"))
    district, point = keys_of(world["district"]), keys_of(world["point"])
    path = repack(receipt, tmp_path / "ATY-017_receipt_x.isync", point, district,
                  edit_body=lambda b: dict(b, gaps=gaps, package_id=uuid.uuid4().hex))
    services = use(world["point"])
    before = db_file_bytes(services)
    result = import_files(services, [path], keep_refused=False).files[0]
    assert result.error is not None and result.error.code == "sync.bad_manifest"
    assert path.name in result.summary("kk") and "gaps" in result.summary("ru")
    assert db_file_bytes(services) == before


WORKER_CASES = {
    "derived value": (lambda w, t: signed(w, t, edit=edit_records(
        "offence", lambda r: dict(r, fine_tenge=1))), "sync.derived_mismatch"),
    "tombstones miscounted": (STRICT["tombstones miscounted"][0], "sync.bad_manifest"),
    "same id in two tables": (_same_id_in_two_tables, "sync.id_in_two_kinds"),
    "district operator": (lambda w, t: signed(w, t, edit=edit_records(
        "staff", lambda r: dict(r, role="district_operator"))), "sync.district_role"),
    "a fault of the file": (lambda w, t: signed(w, t, edit=edit_records(
        "registration", lambda r: dict(r, last_check_on="9999-12-31"))), "sync.invalid_record"),
}


@pytest.mark.parametrize("case", list(WORKER_CASES))
def test_refusals_come_back_from_the_worker_process_too(world, case, tmp_path, monkeypatch):
    """Large packages are prepared in a worker process: its refusals are the same."""
    from inspector_app.sync import district_import
    from inspector_app.sync.pipeline import Worker

    monkeypatch.setattr(district_import, "WORKER_RECORDS", 0)
    sent = []
    run = Worker.run
    monkeypatch.setattr(Worker, "run", lambda self, job, *a: sent.append(job) or run(
        self, job, *a))
    make, code = WORKER_CASES[case]
    refused(world, make(world, tmp_path / "ATY-017_2026-11-25_0002.isync"), code)
    assert len(sent) == 1  # prepared by the worker, not in this process


def test_the_genuine_package_still_imports_after_every_forgery(world):
    district = use(world["district"])
    result = import_files(district, [world["second"]], keep_refused=False).files[0]
    assert result.ok, result.summary("en")
    assert result.counts["offence"]["new"] == 1 and result.counts["appeal"]["new"] == 2
