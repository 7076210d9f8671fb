"""No signal argument can land in an optional parameter (the rule of :mod:`ui`).

``button.clicked.connect(self.save_as)`` hands ``checked`` (a bool) to ``save_as``: a slot
``save_as(self, path=None)`` then gets ``path=False``. This test reads every ``.connect(...)``
and ``menu.addAction(text, slot)`` in ``ui/`` and fails when the callable connected has a
positional parameter with a default: slots take no optional parameters, and a lambda keeps
its captured values keyword-only (``lambda *_args, kind=kind: ...``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

UI = Path(__file__).resolve().parent.parent / "ui"
QT_SLOTS_WITH_ARGUMENTS = {"start": "QTimer.start(msec)"}
"""Qt methods that take an argument a signal fills: ``header.sectionResized`` connected to
``timer.start`` restarted the timer with the section's index as its interval in ms."""


def optional_positional(function: ast.FunctionDef | ast.Lambda) -> list[str]:
    """Names of the positional parameters of ``function`` that have a default."""
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    return [a.arg for a in positional[len(positional) - len(args.defaults):]] \
        if args.defaults else []


class Module:
    """One file of ``ui/``: its classes, their methods and every function defined in it."""

    def __init__(self, path: Path):
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node

    def enclosing(self, node: ast.AST, kind) -> ast.AST | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, kind):
                return node
        return None

    def connections(self):
        """``signal.connect(slot)`` and ``menu.addAction(text, slot)`` (triggered(bool))."""
        for node in ast.walk(self.tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr == "connect" and node.args:
                yield node, node.args[0]
            elif node.func.attr == "addAction" and len(node.args) >= 2:
                yield node, node.args[-1]


def find_method(classes: dict[str, list[ast.ClassDef]], cls: ast.ClassDef, method: str,
                seen: frozenset[str] = frozenset()) -> ast.FunctionDef | None:
    for item in cls.body:
        if isinstance(item, ast.FunctionDef) and item.name == method:
            return item
    for base in cls.bases:
        name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", None)
        for parent in classes.get(name, []) if name not in seen else []:
            found = find_method(classes, parent, method, seen | {name})
            if found is not None:
                return found
    return None


def offending_connections() -> list[str]:
    modules = [Module(path) for path in sorted(UI.rglob("*.py"))]
    classes: dict[str, list[ast.ClassDef]] = {}
    functions: dict[str, list[ast.FunctionDef]] = {}
    for module in modules:
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.FunctionDef):
                functions.setdefault(node.name, []).append(node)
    problems = []
    for module in modules:
        for call, target in module.connections():
            candidates: list[ast.FunctionDef | ast.Lambda] = []
            if isinstance(target, ast.Lambda):
                candidates = [target]
            elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) \
                    and target.value.id == "self":
                cls = module.enclosing(call, ast.ClassDef)
                method = find_method(classes, cls, target.attr) if cls else None
                candidates = [method] if method else []
            elif isinstance(target, ast.Attribute):  # another object's method: any of that name
                candidates = functions.get(target.attr, [])
                if target.attr in QT_SLOTS_WITH_ARGUMENTS:
                    problems.append(f"{module.path.relative_to(UI.parent)}:{call.lineno}: "
                                    f"{ast.unparse(target)} may be "
                                    f"{QT_SLOTS_WITH_ARGUMENTS[target.attr]}")
            elif isinstance(target, ast.Name):
                scope = module.enclosing(call, ast.FunctionDef)
                local = [n for n in ast.walk(scope) if isinstance(n, ast.FunctionDef)
                         and n.name == target.id] if scope else []
                candidates = local or functions.get(target.id, [])
            for function in candidates:
                optional = optional_positional(function)
                if optional:
                    where = f"{module.path.relative_to(UI.parent)}:{call.lineno}"
                    problems.append(f"{where}: {ast.unparse(target)[:60]} takes "
                                    f"optional {', '.join(optional)}")
    return problems


def test_no_connected_callable_has_optional_positional_parameters():
    assert offending_connections() == []


def test_the_audit_finds_the_clicked_bool_trap(tmp_path, monkeypatch):
    (tmp_path / "page.py").write_text(
        "class Page:\n"
        "    def __init__(self):\n"
        "        self.button.clicked.connect(self.save_as)\n"
        "        self.other.clicked.connect(lambda checked, n=1: self.go(n))\n"
        "        self.fine.clicked.connect(lambda *_args, n=1: self.go(n))\n"
        "        self.header.sectionResized.connect(self.timer.start)\n"
        "        menu.addAction('Open', lambda k=1: self.go(k))\n"
        "    def save_as(self, path=None):\n"
        "        pass\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "UI", tmp_path)
    found = offending_connections()
    assert len(found) == 4
    assert "self.save_as takes optional path" in found[0]
    assert "takes optional n" in found[1]
    assert "self.timer.start may be QTimer.start(msec)" in found[2]
    assert "takes optional k" in found[3]
