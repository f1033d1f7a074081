"""Every public function and class has a numpydoc docstring with an example that runs (as a doctest)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import ecograph

MODULES = ["ecograph", "ecograph.datasets.synthetic"] + [
    f"ecograph.{m.name}" for m in pkgutil.iter_modules(ecograph.__path__) if not m.name.startswith("_")
]


def public_objects():
    seen = set()
    for name in MODULES:
        module = importlib.import_module(name)
        assert hasattr(module, "__all__"), f"{name} has no __all__"
        for attr in module.__all__:
            obj = getattr(module, attr)
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and id(obj) not in seen:
                seen.add(id(obj))
                yield f"{name}.{attr}", obj


def test_every_public_object_has_an_example():
    missing = [name for name, obj in public_objects() if ">>>" not in (inspect.getdoc(obj) or "")]
    assert missing == []


def test_every_module_has_a_docstring():
    for name in MODULES:
        assert (importlib.import_module(name).__doc__ or "").strip(), name


def test_top_level_api_is_reexported():
    for name in (
        "density",
        "block_density",
        "ei_index",
        "detect_communities",
        "bridges",
        "brokers",
        "isolated_actors",
        "view",
        "outreach_worklist",
        "what_if",
        "key_players",
    ):
        assert name in ecograph.__all__ and callable(getattr(ecograph, name))
