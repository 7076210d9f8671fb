"""The rules find referenced records only through the resolver their services were given; an
import passes its own (the package's records and a cache) and its policy, and patches nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from core_factories import appeal_data, errors_of, feedback_data, offence_data, visit_data
from sync_fixtures import enrol_with_first_packages, region, table_rows, use

from inspector_app.demo import fill_demo
from inspector_app.domain.text import search_text
from inspector_app.errors import ValidationError
from inspector_app.services.context import Services
from inspector_app.services.records import RecordService
from inspector_app.services.validation import Checker, DatabaseResolver, RulePolicy
from inspector_app.storage import models
from inspector_app.storage.models import (
    Address,
    Meeting,
    Offence,
    Organisation,
    Person,
    Registration,
    Staff,
    new_id,
)
from inspector_app.sync import district_import
from inspector_app.sync.apply import IMPORT_POLICY, validation_services
from inspector_app.sync.export import export_package
from inspector_app.sync.importer import import_files, package_files
from inspector_app.sync.lookup import RecordLookup, Ref
from inspector_app.sync.pipeline import Worker

ROOT = Path(__file__).resolve().parents[1]


class KnownRecords:
    """A resolver that knows only the records given to it: none of them is in the database."""

    def __init__(self, *records: tuple[type, Ref]):
        self.records = {(model, ref.id): ref for model, ref in records}

    def by_id(self, model, record_id):
        return self.records.get((model, record_id))


def ref(record_id: str | None = None, *, deleted: bool = False, **values) -> Ref:
    return Ref(record_id or new_id(), "ATY-017", deleted, **values)


def test_every_rule_finds_its_references_through_the_resolver_only(services, clock):
    """Each kind's rules and search texts, over records only the resolver knows: a rule that
    queried the database itself would not find them."""
    person = ref(surname="Нұрланова", first_name="Дина", patronymic="", iin="900215400102")
    victim, organisation, offence, meeting = ref(), ref(), ref(), ref()
    address = ref(street="ул. Сатпаева", house="5")
    registration, officer = ref(person_id=person.id), ref()
    known = KnownRecords((Person, person), (Person, victim), (Organisation, organisation),
                         (Address, address), (Registration, registration), (Offence, offence),
                         (Meeting, meeting), (Staff, officer))
    rules = Services(services.db, clock=clock, resolver=known)
    cases = {
        rules.visits: visit_data(kind="registration_check", registration=registration.id,
                                 address=address.id, address_text="", inspector=officer.id),
        rules.appeals: appeal_data(person, offence=offence.id, executor=officer.id,
                                   officer=officer.id),
        rules.offences: offence_data(person, victim=victim.id, inspector=officer.id),
        rules.registrations: {"person": person.id, "category": "parole",
                              "start_date": "2026-10-01", "end_date": "2027-10-01",
                              "basis_document": "Постановление суда № 2-345"},
        rules.feedback: feedback_data(meeting=meeting.id),
        rules.addresses: {"street": "ул. Абая", "house": "12", "dwelling_kind": "flat",
                          "organisation": organisation.id},
    }
    cleaned = {service: service.clean(dict(data), None) for service, data in cases.items()}
    assert cleaned[rules.visits]["person"] == person.id  # the registration's person
    assert cleaned[rules.visits]["address_text"] == "ул. Сатпаева, 5"
    for service in (rules.visits, rules.appeals, rules.offences, rules.registrations):
        text = search_text(*service.search_parts(cleaned[service]))
        assert search_text("Нұрланова") in text, service.kind
    with pytest.raises(ValidationError) as caught:  # the control: the database has none
        services.appeals.clean(dict(cases[rules.appeals]), None)
    assert {("applicant", "v.not_found"), ("offence", "v.not_found"),
            ("executor", "v.not_found")} <= errors_of(caught.value)


def test_a_tombstoned_record_counts_only_under_a_policy_that_allows_it(services, clock):
    meeting = ref(deleted=True)
    known = KnownRecords((Meeting, meeting))
    data = {"meeting": meeting.id}
    strict = Checker("feedback", data, known, RulePolicy())
    strict.reference("meeting", Meeting, required=False)
    assert [(e.field, e.code) for e in strict.errors] == [("meeting", "v.not_found")]
    lenient = Checker("feedback", data, known, IMPORT_POLICY)
    assert lenient.reference("meeting", Meeting, required=False) is meeting
    assert lenient.errors == []


def test_the_default_resolver_reads_the_services_database(services, person):
    assert isinstance(services.resolver, DatabaseResolver)
    assert services.resolver.by_id(Person, person.id).surname == person.surname
    assert services.resolver.by_id(Person, None) is None
    assert services.resolver.by_id(Person, new_id()) is None


def test_a_package_over_the_worker_size_refers_to_its_own_earlier_records(tmp_path,
                                                                           monkeypatch):
    """A point's first package of 2,500 records, prepared in the worker process (which sees only
    committed rows): its visits, appeals, offences and registrations name persons,
    registrations and addresses that come earlier in the same package."""
    sent = []
    run = Worker.run
    monkeypatch.setattr(Worker, "run", lambda self, job, *a: sent.append(job) or run(
        self, job, *a))
    with region(tmp_path, ("ATY-017",)) as (district, (point,), out):
        use(point)
        fill_demo(point, 2_500, in_child=False)
        code = point.point_code
        package = export_package(point, out, full=True)
        assert package.records >= district_import.WORKER_RECORDS
        linked = {
            "preventive_visit": "registration_id", "appeal": "applicant_id",
            "offence": "offender_id", "registration": "person_id",
        }
        for table, column in linked.items():
            rows = table_rows(point, table, code).values()
            assert any(row[column] for row in rows), table  # the package links them
        use(district)
        batch = import_files(district, [package.path], trust_new=True, outbox=out / "back")
        assert [f.summary("en") for f in batch.refused] == []
        assert len(sent) == 1  # prepared by the worker, not in this process
        for model in models.SYNCED_MODELS:
            table = model._meta.table_name
            if table not in ("staff", "point"):
                assert table_rows(district, table, code) == table_rows(point, table, code), table


def _class_state() -> dict[type, dict]:
    classes = {Checker, DatabaseResolver, RecordLookup, Services, models.BaseModel,
               *models.ALL_MODELS}
    pending = [RecordService]
    while pending:
        cls = pending.pop()
        classes.add(cls)
        pending.extend(cls.__subclasses__())
    return {cls: dict(vars(cls)) for cls in classes}


def test_imports_change_no_class_and_no_service_method(tmp_path):
    """A district's import and a point's import of its reference package leave every model,
    service and the checker as they were (same attributes, same objects), and the import's
    services carry no replaced method: only their resolver and policy differ."""
    before = _class_state()
    with region(tmp_path, ("ATY-001", "ATY-002")) as (district, points, out):
        enrol_with_first_packages(district, points, out)
        use(points[0])
        batch = import_files(points[0], package_files(out / "back"))
        assert {f.kind for f in batch.files if f.ok} >= {"reference", "receipt"}, \
            [f.summary("en") for f in batch.files]
        lookup = RecordLookup(district.db, {"ATY-001"})
        checking = validation_services(district.db, lookup, "ATY-001", district.clock.now_local())
        assert checking.resolver is lookup and checking.policy == IMPORT_POLICY
        for service in vars(checking).values():
            if isinstance(service, RecordService):
                assert not [name for name, value in vars(service).items() if callable(value)]
    after = _class_state()
    for cls, attributes in before.items():
        assert after[cls].keys() == attributes.keys(), cls
        changed = [name for name, value in attributes.items() if after[cls][name] is not value]
        assert changed == [], (cls, changed)


def _method_names(trees: list[ast.Module]) -> set[str]:
    return {item.name for tree in trees for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) for item in node.body
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)}


def _is_function(value: ast.expr | None) -> bool:
    """A lambda, or a method made of a function."""
    if isinstance(value, ast.Lambda):
        return True
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Name | ast.Attribute)
            and ast.unparse(value.func).split(".")[-1] in {"classmethod", "staticmethod",
                                                           "MethodType", "partial"})


def test_no_module_assigns_class_attributes_or_replaces_methods_at_run_time():
    """Outside a class body, nothing assigns to an attribute of a class (``Model.x = ...``,
    ``cls.x = ...``, ``setattr(Model, ...)``), nor puts something in the place of one of the
    program's methods on an object (``services.persons._check_unique_iin = ...``)."""
    paths = sorted([*(ROOT / "inspector_app").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in paths}
    methods = _method_names(list(trees.values()))
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AugAssign | ast.AnnAssign):
                targets = [node.target]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                  and node.func.id in ("setattr", "delattr") and node.args
                  and isinstance(node.args[0], ast.Name) and node.args[0].id[:1].isupper()):
                targets = [node]
            else:
                continue
            for target in targets:
                if isinstance(target, ast.Call):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(target)}")
                elif isinstance(target, ast.Attribute):
                    base = target.value
                    on_class = isinstance(base, ast.Name) and (
                        base.id[:1].isupper() or base.id == "cls")
                    replaced = target.attr in methods and _is_function(
                        getattr(node, "value", None))
                    if on_class or replaced:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} "
                                     f"{ast.unparse(target)}")
    assert found == []
