"""The demo's dataset is a valid Data Package that pandas reads, and docs/research/analysis.py reproduces the
app's cohort figures for the same families (tests only: frictionless and pandas are dev dependencies)."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from fastapi.testclient import TestClient
from frictionless import Package, validate
from sqlmodel import Session, select

from api.demo.research import RESEARCHER, TITLE
from api.demo.seed import seed
from api.models import ResearchProject, User
from api.research.cohort import cohort_figures
from tests.factories import auth

SCRIPT = Path(__file__).parents[2] / "docs" / "research" / "analysis.py"


@pytest.fixture
def demo_zip(client: TestClient, session: Session, tmp_path: Path) -> tuple[Path, ResearchProject]:
    seed(session, password="demo-password-123")
    session.commit()
    project = session.exec(select(ResearchProject).where(ResearchProject.title == TITLE)).one()
    researcher = session.exec(select(User).where(User.email == RESEARCHER[0])).one()
    with client.stream(
        "GET", f"/api/v1/research/projects/{project.id}/dataset", headers=auth(researcher)
    ) as response:
        assert response.status_code == 200
        chunks = list(response.iter_bytes())
    assert len(chunks) > 1  # the archive arrives in pieces, not as one built file
    path = tmp_path / "dataset.zip"
    path.write_bytes(b"".join(chunks))
    return path, project


def test_the_demo_dataset_is_a_valid_data_package(
    demo_zip: tuple[Path, ResearchProject], tmp_path: Path
) -> None:
    path, _ = demo_zip
    folder = tmp_path / "package"
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = Package(str(folder / "datapackage.json"))
    for resource in package.resources:
        fields = resource.schema.fields
        assert all(f.description and f.custom.get("description_nl") for f in fields), resource.name
    families = pd.read_csv(folder / "data" / "families.csv", keep_default_na=False, na_values=["", "S"])
    assert len(families) > 0 and families["family"].is_unique
    descriptor = json.loads((folder / "datapackage.json").read_text())
    assert "Small cells" in descriptor["description"]


def test_the_python_script_reproduces_the_apps_cohort_figures(
    demo_zip: tuple[Path, ResearchProject], session: Session
) -> None:
    path, project = demo_zip
    output = subprocess.run(
        [sys.executable, str(SCRIPT), str(path), "--json"], capture_output=True, text=True, check=True
    ).stdout
    script = {(r["instrument"], r["scale"]): r for r in json.loads(output)}
    app = cohort_figures(session, project)
    assert app, "the demo has measured families with research consent"
    assert set(script) == {(f.instrument, f.scale) for f in app}
    for figure in app:
        row = script[(figure.instrument, figure.scale)]
        assert row["n_families"] == figure.n_families
        assert row["mean_change"] == pytest.approx(figure.mean_change, abs=1e-3)
        assert row["n_classified"] == figure.n_classified
        assert row["n_improved"] == figure.n_improved
