"""A spend export of a layout Boussole does not know (date, campaign, amount; no category column)
is mapped once on the Import page, the cost category chosen on the form, and imported."""

from __future__ import annotations

import pytest

from connectors import importer, store
from tests.test_app_import import CSV, body, import_page, set_mapping, store_env  # noqa: F401  (fixture)
from ui import i18n

SPEND = "Jour;Campagne;Dépense\n2025-03-01;Printemps 2025;120,50\n2025-03-02;Printemps 2025;80\n".encode()


def test_cost_file_without_category_is_mapped_with_a_category_from_the_form(store_env):  # noqa: F811
    before = store.read_table(store_env, "demo", "costs", ["date"])
    at = import_page("fr")
    at.file_uploader[0].set_value([("depenses.csv", SPEND, CSV)]).run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key=next(s.key for s in at.selectbox if (s.key or "").startswith("map.table."))).set_value("costs").run()
    set_mapping(at, {"Jour": "date", "Campagne": "campaign", "Dépense": "amount"})
    save = i18n.t("import.map.save", lang="fr")
    # without a category (no column, none chosen) the form refuses, naming the field
    at.button[[b.label for b in at.button].index(save)].click().run()
    assert any(i18n.t("import.field.category", lang="fr") in e.value for e in at.error), [e.value for e in at.error]
    at.selectbox(key=next(s.key for s in at.selectbox if (s.key or "").startswith("map.category."))).set_value("ads")
    set_mapping(at, {"Jour": "date", "Campagne": "campaign", "Dépense": "amount"})
    at.button[[b.label for b in at.button].index(save)].click().run()
    assert not at.exception, [e.value for e in at.exception]
    maps = store.load_config(store_env, "demo", "mappings", [])
    assert maps[-1]["table"] == "costs" and maps[-1]["category"] == "ads"
    at.button(key="import.go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    costs = store.read_table(store_env, "demo", "costs", ["date", "campaign", "category", "amount"])
    new = costs[costs["campaign"] == "Printemps 2025"].sort_values("date")
    assert len(costs) == len(before) + 2, body(at)
    assert new["category"].tolist() == ["ads", "ads"]
    assert new["amount"].tolist() == [120.5, 80.0]


def test_a_category_is_only_for_costs_and_one_of_the_known(tmp_path):
    with pytest.raises(ValueError, match="only for costs"):
        importer.save_mapping(tmp_path, "w", ["a"], {"a": "text"}, "mentions", category="ads")
    with pytest.raises(ValueError, match="one of ads"):
        importer.save_mapping(tmp_path, "w", ["a"], {"a": "amount"}, "costs", category="pub")
