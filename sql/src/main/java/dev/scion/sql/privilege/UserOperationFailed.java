package dev.scion.sql.privilege;

import dev.scion.sql.error.ErrorCode;
import dev.scion.sql.error.SqlError;

import java.util.List;
import java.util.stream.Collectors;

/** MySQL's error 1396: an account statement that failed for some of its accounts changed none of them. */
final class UserOperationFailed {
    private UserOperationFailed() {
    }

    static SqlError of(String operation, List<Account> failed) {
        return new SqlError(ErrorCode.CANNOT_USER, "Operation " + operation + " failed for "
                + failed.stream().map(Account::quoted).collect(Collectors.joining(",")));
    }
}
