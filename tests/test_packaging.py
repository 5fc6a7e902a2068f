"""A plain (not editable) install carries the ontology, the sample corpus and the explorer."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    try:
        import hatchling  # noqa: F401
    except ImportError:
        pytest.skip("hatchling is not installed here: cannot build the wheel without the network")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                             "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_carries_data_and_entry_point(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kg/_data/ontology/kg.ttl", "kg/_data/ontology/shapes.ttl", "kg/_data/ontology/lexicon.ttl",
                     "kg/_data/ontology/glossary.ttl", "kg/_data/corpus/README.md", "kg/cli.py"):
        assert required in names, required
    assert any(n.startswith("kg/_data/corpus/") and n.endswith(".txt") for n in names)
    assert any(n.startswith("kg/_data/app/") and n.endswith(".py") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kg = kg.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_wheel_answers_from_anywhere(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=600)
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    code = ("import sys, json; sys.path.insert(0, sys.argv[1]); from kg import KnowledgeGraph; import kg; "
            "assert kg.__file__.startswith(sys.argv[1]), kg.__file__; "
            "a = KnowledgeGraph().fit().ask('第一书记要做什么？'); print(json.dumps(a.to_dict(), ensure_ascii=False))")
    result = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=tmp_path,
                            env={**env}, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert '"evidence": [{' in result.stdout
