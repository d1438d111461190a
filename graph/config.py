"""The user's configuration file: defaults for the store, the query timeouts and a cluster.

The file is TOML, at ``$KGB_CONFIG`` when set, else
``$XDG_CONFIG_HOME/kgbuilder/config.toml`` (``~/.config/kgbuilder/config.toml``)::

    store = "~/news/kg"               # the store of every command without --store
    cluster = "tcp://10.0.0.5:8786"   # a Dask scheduler, for code that distributes work

    [query]
    timeout = 600                     # seconds, kgbuilder query

    [serve]
    timeout = 30                      # seconds, each request of kgbuilder serve

Every key is optional; an unknown key, a value of the wrong type or a file that is not
TOML is a :class:`ConfigError` naming the file, the line and the reason. A command's
flag comes first, then the environment (``KGB_STORE``, ``KGB_CLUSTER``), then this file,
then the built-in default.
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Config:
    """What the configuration file sets (None: not set)."""

    store: Path | None = None
    cluster: str | None = None
    query_timeout: float | None = None
    serve_timeout: float | None = None
    path: Path | None = None        # the file read, if any


#: key -> (section, name, what it must be)
_KEYS = {"store": ("", "store", "a path"), "cluster": ("", "cluster", "an address tcp://HOST:PORT"),
         "query_timeout": ("query", "timeout", "a positive number of seconds"),
         "serve_timeout": ("serve", "timeout", "a positive number of seconds")}


def config_path() -> Path:
    """Where the configuration file is: ``$KGB_CONFIG``, else under ``$XDG_CONFIG_HOME``.

    >>> os.environ["KGB_CONFIG"] = "/etc/kgb.toml"; str(config_path())
    '/etc/kgb.toml'
    >>> del os.environ["KGB_CONFIG"]
    """
    if os.environ.get("KGB_CONFIG"):
        return Path(os.environ["KGB_CONFIG"]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "kgbuilder" / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """The configuration at ``path`` (default :func:`config_path`); an empty one when the
    default file does not exist.

    Raises:
        ConfigError: the file cannot be read or parsed, or a key is unknown or mistyped;
            a file named by ``KGB_CONFIG`` or ``path`` must exist.
    """
    named = path is not None or bool(os.environ.get("KGB_CONFIG"))
    path = Path(path) if path is not None else config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if named:
            raise ConfigError(f"{path}: no such configuration file") from None
        return Config()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read ({getattr(err, 'strerror', None) or err})") from None
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> Config:
    """A configuration from the TOML ``text`` of the file at ``path``.

    >>> parse_config('store = "/kg"\\n[serve]\\ntimeout = 5', Path("c.toml")).serve_timeout
    5.0
    >>> parse_config('[serve]\\ntimeout = "5"', Path("c.toml"))
    Traceback (most recent call last):
    graph.config.ConfigError: c.toml, line 2: [serve] timeout must be a positive number of seconds, not '5'
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not TOML: {err}") from None
    _no_unknown_keys(data, text, path)
    values = {}
    for field, (section, name, what) in _KEYS.items():
        table = data.get(section, {}) if section else data
        if name not in table:
            continue
        value = _typed(field, table[name])
        if value is None:
            where = f"[{section}] {name}" if section else name
            raise ConfigError(f"{path}, line {_line_of(text, section, name)}: {where} must be "
                              f"{what}, not {table[name]!r}")
        values[field] = value
    return Config(path=path, **values)


def _typed(field: str, value):
    if field == "store":
        return Path(value).expanduser() if isinstance(value, str) and value else None
    if field == "cluster":
        ok = isinstance(value, str) and re.fullmatch(r"[a-z]+://[^\s/]+(:\d+)?/?", value)
        return value if ok else None
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0
    return float(value) if ok else None


def _no_unknown_keys(data: dict, text: str, path: Path) -> None:
    known = {section or name for section, name, _ in _KEYS.values()}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}, line {_line_of(text, '', key)}: unknown key {key!r} "
                              f"(known: {', '.join(sorted(known))})")
        if isinstance(value, dict):
            names = sorted(name for section, name, _ in _KEYS.values() if section == key)
            for name in value:
                if name not in names:
                    raise ConfigError(f"{path}, line {_line_of(text, key, name)}: unknown key "
                                      f"{name!r} in [{key}] (known: {', '.join(names)})")
        elif key in {section for section, _, _ in _KEYS.values()}:
            raise ConfigError(f"{path}, line {_line_of(text, '', key)}: {key} must be a "
                              f"table [{key}]")


def _line_of(text: str, section: str, key: str) -> int:
    """The line of ``key`` in ``[section]`` (the top when ``section`` is empty); 1 if unseen."""
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.fullmatch(r"\[\s*([^\]]+?)\s*\]\s*(#.*)?", stripped)
        if header:
            current = header.group(1)
        elif current == section and re.match(rf'"?{re.escape(key)}"?\s*=', stripped):
            return number
    return 1


def cluster_address(flag: str | None = None) -> str | None:
    """The Dask scheduler to use: ``flag``, else ``$KGB_CLUSTER``, else the file's ``cluster``.

    Raises:
        ConfigError: the configuration file is unusable.
    """
    return flag or os.environ.get("KGB_CLUSTER") or load_config().cluster
