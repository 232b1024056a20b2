"""Cohort change per instrument scale from a Bondgenoot research dataset (a Frictionless Data Package, ZIP).

    python docs/research/analysis.py research-xxxxxxxx.zip [--json]

The unit is the family, as in the app's cohort figures: per family, instrument and scale, the mean change
from T0 over the respondents at each wave; the family's latest wave counts. A family improved reliably when
its change, signed so that positive is better, exceeds 1.96 standard errors of the difference (Jacobson &
Truax 1991; s_diff and the norms' source are in scales.csv). Needs pandas only.
"""

import json
import sys
import zipfile

import pandas as pd

WAVES = ["t0", "t1", "t2", "end", "follow_up"]  # the order waves fall in
CRITERION = 1.96


def read_table(archive: zipfile.ZipFile, name: str) -> pd.DataFrame:
    """One CSV of the package, with its missing-value codes ('' not recorded, 'S' suppressed) as NaN."""
    package = json.loads(archive.read("datapackage.json"))
    resource = next(r for r in package["resources"] if r["name"] == name)
    missing = resource["schema"].get("missingValues", [""])
    with archive.open(resource["path"]) as handle:
        return pd.read_csv(handle, keep_default_na=False, na_values=missing, dtype={"wave": str})


def cohort_change(path: str) -> pd.DataFrame:
    """Per instrument and scale: families, mean change from T0, and the share reliably improved."""
    with zipfile.ZipFile(path) as archive:
        scores = read_table(archive, "scale_scores")
        scales = read_table(archive, "scales")
    scores = scores.dropna(subset=["change_from_t0"])
    per_wave = scores.groupby(["family", "instrument", "scale", "wave"], as_index=False)[
        "change_from_t0"
    ].mean()
    per_wave["order"] = per_wave["wave"].map(WAVES.index)
    latest = per_wave.sort_values("order").groupby(["family", "instrument", "scale"]).tail(1)
    norms = scales.sort_values("instrument_version").groupby(["instrument", "scale"]).tail(1)
    norms = norms[["instrument", "scale", "s_diff", "higher_is_better", "is_total"]]
    merged = latest.merge(norms, on=["instrument", "scale"], how="left")
    sign = merged["higher_is_better"].map({True: 1.0, False: -1.0})
    merged["rc"] = merged["change_from_t0"] * sign / merged["s_diff"]
    merged["classified"] = merged["s_diff"].notna()
    merged["improved"] = merged["rc"] > CRITERION
    result = merged.groupby(["instrument", "scale"], as_index=False).agg(
        n_families=("family", "nunique"),
        mean_change=("change_from_t0", "mean"),
        n_classified=("classified", "sum"),
        n_improved=("improved", "sum"),
    )
    result["share_improved"] = (result["n_improved"] / result["n_classified"]).where(
        result["n_classified"] > 0
    )
    return result


if __name__ == "__main__":
    table = cohort_change(sys.argv[1])
    if "--json" in sys.argv:
        print(table.to_json(orient="records"))
    else:
        print(table.to_string(index=False))
