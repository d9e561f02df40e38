package dev.scion.sql.routine;

import java.util.List;

/**
 * The program of a trigger or stored procedure: MySQL's compound-statement language as a tree of steps. Expressions
 * and plain statements stay SQL text; the interpreter binds variables into them and runs them through the normal
 * statement path.
 */
public record RoutineBody(List<Step> steps) {

    /** One statement of a body. */
    public sealed interface Step permits Assign, Run, Select, Signal, Declare, DeclareHandler, DeclareCondition,
            DeclareCursor, Open, Fetch, Close, If, Case, While, Repeat, Loop, Block, Leave, Iterate, Call, Return,
            Diagnostics {
    }

    /** GET [CURRENT | STACKED] DIAGNOSTICS. */
    public record Diagnostics(GetDiagnostics statement) implements Step {
    }

    /** {@code SET target = expr, ...}: targets are {@code NEW.col} / {@code OLD.col} in triggers, or variables. */
    public record Assign(List<Assignment> assignments) implements Step {
    }

    /** One assignment: {@code row} is NEW or OLD for a row column, null for a variable ({@code target} as written). */
    public record Assignment(String row, String target, String expr) {
    }

    /** A statement run through the normal statement path once its variables are values. */
    public record Run(String sql) implements Step {
    }

    /** A SELECT: a result set for the caller, or with {@code into} (variable names) assigned from its one row. */
    public record Select(String sql, List<String> into) implements Step {
    }

    /**
     * {@code SIGNAL SQLSTATE 'xxxxx' | condition [SET MESSAGE_TEXT = expr, MYSQL_ERRNO = n]}; with {@code resignal}
     * the RESIGNAL of a handler, whose SQLSTATE / condition may be absent (the handled condition is raised again).
     */
    public record Signal(String sqlState, String condition, String messageExpr, String errnoExpr, boolean resignal)
            implements Step {
    }

    /** {@code DECLARE a, b type [DEFAULT expr]}: locals, NULL unless a default is given. */
    public record Declare(List<String> names, String type, String defaultExpr) implements Step {
    }

    /** {@code DECLARE CONTINUE | EXIT HANDLER FOR condition, ... statement}. */
    public record DeclareHandler(boolean exit, List<String> conditions, Step body) implements Step {
    }

    /** {@code DECLARE name CONDITION FOR SQLSTATE 'x' | number}: {@code value} is "SQLSTATE 'x'" or the number. */
    public record DeclareCondition(String name, String value) implements Step {
    }

    /** {@code DECLARE name CURSOR FOR select}. */
    public record DeclareCursor(String name, String select) implements Step {
    }

    public record Open(String cursor) implements Step {
    }

    /** {@code FETCH [[NEXT] FROM] cursor INTO var, ...}. */
    public record Fetch(String cursor, List<String> into) implements Step {
    }

    public record Close(String cursor) implements Step {
    }

    /** One IF / ELSEIF / WHEN arm. */
    public record Branch(String condition, List<Step> steps) {
    }

    /** {@code IF c THEN ... [ELSEIF c THEN ...] [ELSE ...] END IF}. */
    public record If(List<Branch> branches, List<Step> otherwise) implements Step {
    }

    /**
     * {@code CASE [operand] WHEN v THEN ... [ELSE ...] END CASE}; {@code otherwise} is null without ELSE (no match
     * is then error 1339).
     */
    public record Case(String operand, List<Branch> branches, List<Step> otherwise) implements Step {
    }

    /** {@code [label:] WHILE c DO ... END WHILE}. */
    public record While(String label, String condition, List<Step> steps) implements Step {
    }

    /** {@code [label:] REPEAT ... UNTIL c END REPEAT}: the body runs at least once. */
    public record Repeat(String label, List<Step> steps, String condition) implements Step {
    }

    /** {@code [label:] LOOP ... END LOOP}: runs until a LEAVE. */
    public record Loop(String label, List<Step> steps) implements Step {
    }

    /** {@code [label:] BEGIN ... END}: a scope for locals, handlers and cursors. */
    public record Block(String label, List<Step> steps) implements Step {
    }

    public record Leave(String label) implements Step {
    }

    public record Iterate(String label) implements Step {
    }

    /**
     * {@code CALL proc(args) [AS OF revision]}: arguments as written, so OUT parameters can name the caller's
     * variables; {@code asOf} is the revision as written, or null.
     */
    public record Call(String name, List<String> args, String asOf) implements Step {
    }

    /** {@code RETURN expr}: ends a stored function with its value. */
    public record Return(String expr) implements Step {
    }
}
