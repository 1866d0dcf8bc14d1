"""Records are built by a quick ``__init__`` with the dataclass's signature, and analyses travel
between processes as constructor calls: the same objects, every field kept."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import replace

import pytest

from reviewer import lastyear_model, messages, model
from reviewer.analyze import analyze_many
from reviewer.fastpickle import fast_init, fast_pickle, fast_record
from reviewer.lastyear import compare
from reviewer.load import load
from reviewer.model import Finding
from tests.conftest import seed_path


@pytest.mark.parametrize("module", [model, lastyear_model, messages])
def test_every_record_of_the_model_pickles_as_a_constructor_call(module: object) -> None:
    records = [v for v in vars(module).values()
               if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == module.__name__]  # type: ignore[attr-defined]
    assert records
    assert [r.__name__ for r in records if "__reduce__" not in vars(r)] == []
    assert len([r for r in records if _quick(r)]) >= len(records) - 2  # all but a default_factory or the like


def test_an_analysis_and_its_comparison_come_back_whole() -> None:
    a, b = analyze_many([load(seed_path("000")), load(seed_path("001"))], workers=1)
    extra = (Finding("duplicate_across_reports", "info", "x", 1, 2),)
    a = replace(a, absorbed_by_next=extra)  # not compared by ==: checked on its own
    back = pickle.loads(pickle.dumps(a, pickle.HIGHEST_PROTOCOL))
    assert back == a and back.absorbed_by_next == extra and back.text == a.text
    assert [f.message for f in back.findings] == [f.message for f in a.findings]
    py = replace(compare(a, b), absorbed=extra)
    back_py = pickle.loads(pickle.dumps(py, pickle.HIGHEST_PROTOCOL))
    assert back_py == py and back_py.absorbed == extra and back_py.passages == py.passages


@fast_pickle
@dataclasses.dataclass(frozen=True, slots=True)
class _One:
    value: tuple[int, ...]


def test_a_record_of_one_field_comes_back() -> None:
    assert pickle.loads(pickle.dumps(_One((1, 2)))) == _One((1, 2))


def _quick(cls: type) -> bool:
    """Whether ``cls.__init__`` is the one ``fast_init`` made (it reads the slot setters as cells)."""
    return any(name.startswith("_fast_init_set_") for name in cls.__init__.__code__.co_freevars)


@dataclasses.dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str
    c: float = 1.5
    d: tuple[int, ...] = ()


@fast_record
@dataclasses.dataclass(frozen=True, slots=True)
class _Quick:
    a: int
    b: str
    c: float = 1.5
    d: tuple[int, ...] = ()


def test_the_quick_init_has_the_dataclass_signature_and_builds_the_same_record() -> None:
    assert _quick(_Quick) and not _quick(_Plain)
    assert str(inspect.signature(_Quick.__init__)) == str(inspect.signature(_Plain.__init__))
    for make in (lambda c: c(1, "x"), lambda c: c(1, "x", 2.5), lambda c: c(a=1, b="x", d=(3,)),
                 lambda c: c(1, b="y", c=0.0)):
        quick, plain = make(_Quick), make(_Plain)
        assert dataclasses.astuple(quick) == dataclasses.astuple(plain)
        assert repr(quick).removeprefix("_Quick") == repr(plain).removeprefix("_Plain")
    assert _Quick(1, "x") == _Quick(1, "x") and hash(_Quick(1, "x")) == hash(_Quick(1, "x"))
    assert pickle.loads(pickle.dumps(_Quick(1, "x", 2.0, (4,)))) == _Quick(1, "x", 2.0, (4,))
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Quick(1, "x").a = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Quick(1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Quick(1, "x", e=3)  # type: ignore[call-arg]


def test_a_record_the_quick_init_does_not_fit_keeps_its_own() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True, slots=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError(self.n)

    @dataclasses.dataclass(slots=True)
    class Mutable:
        n: int

    for cls in (Listed, Checked, Mutable):
        assert fast_init(cls) is cls and not _quick(cls)
    assert Listed().items == [] and Listed().items is not Listed().items
    with pytest.raises(ValueError):
        Checked(-1)


def test_records_the_quick_init_would_get_wrong_keep_their_own() -> None:
    """Inherited fields (the base's slots), an InitVar (a parameter that is no field), and names
    the generated code binds or uses itself."""

    @dataclasses.dataclass(frozen=True, slots=True)
    class Base:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class Sub(Base):
        b: int = 2

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithInitVar:
        a: int
        scale: dataclasses.InitVar[int] = 1

    @dataclasses.dataclass(frozen=True, slots=True)
    class Clash:
        a: int
        _fast_init_set_a: int = 0

    @dataclasses.dataclass(frozen=True, slots=True)
    class Self:
        self: int  # type: ignore[misc]

    for cls in (Sub, WithInitVar, Clash, Self):
        assert fast_init(cls) is cls and not _quick(cls)
    assert fast_init(Base) is Base and _quick(Base)
    assert Sub(1, 3) == Sub(a=1, b=3) and WithInitVar(1, 5).a == 1 and Clash(1, 7)._fast_init_set_a == 7
