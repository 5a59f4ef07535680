"""A clean install: the dependencies `kb` needs are named, and starting it is cheap."""

import subprocess
import sys
import time
import tomllib

from tests.conftest import FOUNDING, ROOT


def _run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_install_depends_on_lxml_html_clean_pinned():
    # trafilatura imports lxml.html.clean; lxml 6 no longer carries it, so it must be named.
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    [pin] = [d for d in dependencies if d.lower().replace("-", "_").startswith("lxml_html_clean")]
    assert "==" in pin
    assert _run_python("import lxml_html_clean, trafilatura").returncode == 0


def test_install_cli_imports_no_nlp_library():
    # `kb --help` must not pay for spaCy, trafilatura or networkx (2.7 s of a 2.8 s start).
    heavy = ["spacy", "trafilatura", "networkx", "numpy", "jieba", "streamlit"]
    result = _run_python(f"import sys, pipeline.cli; print([m for m in {heavy!r} if m in sys.modules])")
    assert result.stdout.strip() == "[]", result.stderr


def test_install_kb_help_is_quick():
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    assert result.returncode == 0 and "ingest" in result.stdout
    assert elapsed < 1.5  # 0.1 s measured; the margin is for a busy shared machine


def test_install_unchanged_reingest_loads_no_model(tmp_path):
    db = tmp_path / "kb.sqlite"
    first = subprocess.run([sys.executable, "-m", "pipeline", "ingest", str(FOUNDING), "--db", str(db)], capture_output=True, timeout=300)
    assert first.returncode == 0
    # The same file again: nothing to extract, so neither spaCy nor the HTML reader is imported.
    result = _run_python(
        "import sys\n"
        "from pipeline import Store, ingest\n"
        f"with Store({str(db)!r}) as store:\n"
        f"    report = ingest([{str(FOUNDING)!r}], store)\n"
        "print(report.unchanged, [m for m in ('spacy', 'trafilatura', 'numpy') if m in sys.modules])"
    )
    assert result.stdout.strip() == "1 []", result.stderr
