package dev.scion.sql.admin;

import dev.scion.sql.result.StatementResult;
import dev.scion.sql.session.Session;

/** A session or administrative statement handled by the front end without the planner. */
public interface AdminStatement {
    StatementResult execute(Session session);
}
