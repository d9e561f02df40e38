package dev.scion.sql.dolt;

import dev.scion.sql.catalog.DatabaseState;
import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;
import dev.scion.sql.session.Session;
import dev.scion.storage.Hash;
import dev.scion.versioning.history.CommitLog;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * AS OF a point in time (Dolt: {@code AS OF TIMESTAMP('2020-01-01')}): the newest commit of the session's history
 * of a database made at or before it. Shared by every statement that takes an AS OF, so a DATE or DATETIME value
 * names a time wherever a revision is read.
 */
public final class CommitAtTime {
    private CommitAtTime() {
    }

    /** Whether {@code value} is a time (a DATE or DATETIME value) rather than a revision's name. */
    public static boolean isTime(Object value) {
        return value instanceof LocalDateTime || value instanceof LocalDate;
    }

    /** The commit {@code time} (a {@link #isTime} value) names in {@code db}. */
    public static Hash of(Session session, DatabaseState db, Object time) {
        LocalDateTime t = time instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) time;
        long millis = t.toInstant(ZoneOffset.UTC).toEpochMilli();
        CommitLog log = new CommitLog(db.repo(), session.headOf(db));
        while (log.hasNext()) {
            CommitLog.Entry e = log.next();
            if (e.commit().committer().timeMillis() <= millis) {
                return e.hash();
            }
        }
        throw new SqlError(ErrorCode.VERSIONING, "no commit of '" + db.name() + "' at or before that time");
    }
}
