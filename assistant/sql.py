"""Single-row INSERT and UPDATE without the ORM's statement compiler, for the writes that
every question makes (storing it, reserving and completing its reply, the guard's verdict).

The ORM compiles every statement afresh: about 0.3 ms of CPU per INSERT or UPDATE on our
machine, ten times what SQLite needs to run it (docs/PERFORMANCE.md). Here the text of a
statement is built once per (database, model, columns) and kept; the values are prepared by
the model's own fields exactly as the ORM prepares them (`pre_save`, then
`get_db_prep_save`), so defaults, JSON, datetimes and foreign keys are stored the same way.

What `save()` does and these do not: send pre_save/post_save signals (nothing listens on the
models written here; tests/assistant/test_sql.py checks), save parents of multi-table
inheritance, take expressions (F(), Now()) as values, or check that related objects were
saved first (assign saved ones, as the callers do). Models or fields outside this are
refused when the statement is first built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import DatabaseError, connections, router, transaction
from django.db.models import Field, Model

# (alias, model, "insert" or "update", update's field names) -> (statement, fields in order)
_Statement = tuple[str, list["Field[Any, Any]"]]
_STATEMENTS: dict[tuple[str, type[Model], str, tuple[str, ...]], _Statement] = {}


def insert(obj: Model) -> None:
    """INSERT the new instance `obj` (its pk unset) and set its pk, as `save()` would.

    Raises IntegrityError as `save()` does; inside `atomic` the block is then marked for
    rollback.
    """
    if obj.pk is not None:
        raise ValueError(f"{obj!r} already has a primary key; insert() stores new rows")
    model = type(obj)
    using = router.db_for_write(model, instance=obj)
    connection = connections[using]
    if not connection.features.can_return_columns_from_insert:  # SQLite before 3.35
        obj.save(force_insert=True, using=using)
        return
    statement, fields = _statement(using, model, "insert", ())
    params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(statement, params)
        obj.pk = cursor.fetchone()[0]
    obj._state.adding = False
    obj._state.db = using


def update(obj: Model, *, fields: Sequence[str]) -> None:
    """UPDATE the columns `fields` (field names) of the stored row `obj`, as
    `save(update_fields=fields)` would.

    Raises DatabaseError when no row has obj's pk, as `save(update_fields=...)` does.
    """
    model = type(obj)
    using = router.db_for_write(model, instance=obj)
    connection = connections[using]
    statement, columns = _statement(using, model, "update", tuple(fields))
    params = [f.get_db_prep_save(f.pre_save(obj, False), connection) for f in columns]
    params.append(model._meta.pk.get_db_prep_value(obj.pk, connection))  # type: ignore[union-attr]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(statement, params)
        updated = cursor.rowcount
    if updated == 0:
        raise DatabaseError("Save with update_fields did not affect any rows.")
    obj._state.db = using


def _statement(using: str, model: type[Model], verb: str, names: tuple[str, ...]) -> _Statement:
    key = (using, model, verb, names)
    found = _STATEMENTS.get(key)
    if found is None:
        found = _STATEMENTS[key] = _build(using, model, verb, names)
    return found


def _build(using: str, model: type[Model], verb: str, names: tuple[str, ...]) -> _Statement:
    """The statement's text, from the model's table and column names quoted by the database
    backend, with a %s parameter for every value; and its fields in parameter order.

    Identifiers come only from the model's _meta (never from input) and every value is a
    parameter: the string formatting here is the same the ORM's compiler does, which is what
    bandit's B608 cannot tell apart from injectable SQL.
    """
    meta = model._meta
    if meta.parents:
        raise TypeError(f"{model.__name__}: multi-table inheritance is not supported here")
    quote = connections[using].ops.quote_name
    pk = meta.pk
    if pk is None:
        raise TypeError(f"{model.__name__}: no primary key")
    if verb == "insert":
        fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field]
    else:
        fields = [meta.get_field(name) for name in names]  # type: ignore[misc]
        if not names or any(not f.concrete or f.primary_key for f in fields):
            raise ValueError(f"{model.__name__}: cannot update {names!r} here")
    if any(hasattr(f, "get_placeholder") for f in fields):
        raise TypeError(f"{model.__name__}: a field with its own SQL placeholder")
    table = quote(meta.db_table)
    columns = [quote(str(f.column)) for f in fields]  # concrete fields all have a column
    key = quote(str(pk.column))
    if verb == "insert":
        statement = "INSERT INTO {} ({}) VALUES ({}) RETURNING {}".format(  # noqa: S608 # nosec B608
            table, ", ".join(columns), ", ".join(["%s"] * len(columns)), key
        )
    else:
        statement = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608 # nosec B608
            table, ", ".join(column + " = %s" for column in columns), key
        )
    return statement, fields
