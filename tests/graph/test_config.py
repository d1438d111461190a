"""The configuration file: where it is, what it may say, and that flags and the
environment come first."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.cli_store import resolve_store
from graph.config import Config, ConfigError, cluster_address, config_path, load_config
from graph.incremental import write_documents
from tests.graph.factories import record

GOOD = """\
# my defaults
store = "/data/kg"
cluster = "tcp://10.0.0.5:8786"

[query]
timeout = 600

[serve]
timeout = 2.5
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_reads_every_key(tmp_path):
    assert load_config(_write(tmp_path, GOOD)) == Config(
        store=Path("/data/kg"), cluster="tcp://10.0.0.5:8786", query_timeout=600.0,
        serve_timeout=2.5, path=tmp_path / "config.toml")


@pytest.mark.parametrize("text, message", [
    ('store = "/kg"\n[query]\ntimout = 5\n', "line 3: unknown key 'timout' in [query] (known: timeout)"),
    ('store = "/kg"\nstroe = "/x"\n', "line 2: unknown key 'stroe' (known: cluster, query, serve, store)"),
    ('\n[serve]\ntimeout = -1\n', "line 3: [serve] timeout must be a positive number of seconds, not -1"),
    ('cluster = "10.0.0.5"\n', "line 1: cluster must be an address tcp://HOST:PORT, not '10.0.0.5'"),
    ('store = 3\n', "line 1: store must be a path, not 3"),
    ('query = 5\n', "line 1: query must be a table [query]"),
    ('store = "/kg\n', "not TOML: "),
])
def test_config_bad_file_is_one_line_naming_the_file_the_line_and_the_reason(tmp_path, text, message):
    with pytest.raises(ConfigError) as err:
        load_config(_write(tmp_path, text))
    assert str(err.value).startswith(str(tmp_path / "config.toml"))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_config_bad_toml_names_its_line(tmp_path):
    with pytest.raises(ConfigError, match="line 2"):
        load_config(_write(tmp_path, 'store = "/kg"\nstore = \n'))


@pytest.mark.parametrize("env, expected", [
    ({"KGB_CONFIG": "mine.toml", "XDG_CONFIG_HOME": "xdg"}, "mine.toml"),
    ({"XDG_CONFIG_HOME": "xdg"}, "xdg/kgbuilder/config.toml"),
    ({}, "home/.config/kgbuilder/config.toml"),
])
def test_config_location_kgb_config_then_xdg_then_home(tmp_path, monkeypatch, env, expected):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name, value in env.items():
        monkeypatch.setenv(name, str(tmp_path / value))
    assert config_path() == tmp_path / expected


def test_config_missing_default_file_is_empty_but_a_named_one_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nothing"))
    assert load_config() == Config()
    monkeypatch.setenv("KGB_CONFIG", str(tmp_path / "nothing.toml"))
    with pytest.raises(ConfigError, match="nothing.toml: no such configuration file"):
        load_config()


def test_config_store_flag_then_environment_then_file_then_default(tmp_path, monkeypatch):
    monkeypatch.setenv("KGB_CONFIG", str(_write(tmp_path, 'store = "~/from-file"\n')))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("KGB_STORE", str(tmp_path / "from-env"))
    assert resolve_store(tmp_path / "from-flag") == tmp_path / "from-flag"
    assert resolve_store(None) == tmp_path / "from-env"
    monkeypatch.delenv("KGB_STORE")
    assert resolve_store(None) == tmp_path / "home" / "from-file"
    monkeypatch.delenv("KGB_CONFIG")
    assert resolve_store(None) == tmp_path / "data" / "kgbuilder" / "store"


def test_config_cluster_flag_then_environment_then_file(tmp_path, monkeypatch):
    monkeypatch.setenv("KGB_CONFIG", str(_write(tmp_path, GOOD)))
    monkeypatch.setenv("KGB_CLUSTER", "tcp://env:1")
    assert cluster_address("tcp://flag:1") == "tcp://flag:1"
    assert cluster_address() == "tcp://env:1"
    monkeypatch.delenv("KGB_CLUSTER")
    assert cluster_address() == "tcp://10.0.0.5:8786"


def test_config_store_of_the_file_is_the_store_commands_use(tmp_path):
    write_documents(tmp_path / "kg", add=[(record("a"), "1")])
    env = {"KGB_CONFIG": str(_write(tmp_path, f'store = "{tmp_path / "kg"}"\n')), "KGB_STORE": None}
    result = CliRunner().invoke(main, ["query", "ASK { ?s kgb:attacked ?o }"], env=env)
    assert result.exit_code == 0 and result.output == "true\n"


def test_config_query_timeout_of_the_file_stops_a_runaway_query_unless_the_flag_says(tmp_path):
    write_documents(tmp_path / "kg", add=[(record(f"d{i}", agent=f"G{i}"), str(i)) for i in range(20)])
    env = {"KGB_CONFIG": str(_write(tmp_path, "[query]\ntimeout = 1\n"))}
    cross = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = CliRunner().invoke(main, ["query", "--store", str(tmp_path / "kg"), cross,
                                       "--format", "csv"], env=env)
    assert result.exit_code == 3 and "longer than 1 s" in result.output
    result = CliRunner().invoke(main, ["query", "--store", str(tmp_path / "kg"), cross,
                                       "--format", "csv", "--timeout", "2"], env=env)
    assert result.exit_code == 3 and "longer than 2 s" in result.output


def test_config_bad_file_stops_a_command_with_one_line_and_status_2(tmp_path):
    env = {"KGB_CONFIG": str(_write(tmp_path, "[serve]\ntimeout = 0\n")), "KGB_STORE": None}
    result = CliRunner().invoke(main, ["stats"], env=env)
    assert result.exit_code == 2
    assert result.output == (f"kgbuilder: {tmp_path / 'config.toml'}, line 2: [serve] timeout "
                             "must be a positive number of seconds, not 0\n")
