package dev.parley.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {
    @Test
    void aPoolWithoutAFreeConnectionIsUnavailableNotAnInternalError() {
        RuntimeException translated = SqlErrors.translate(Dialect.POSTGRESQL,
                new ConnectionException(new SQLTransientConnectionException("Connection is not available, request timed out")));
        assertThat(translated).isInstanceOf(ParleyException.class);
        assertThat(((ParleyException) translated).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void otherConnectionFailuresStayAsTheyAre() {
        ConnectionException failure = new ConnectionException(new SQLException("the server closed the connection"));
        assertThat(SqlErrors.translate(Dialect.POSTGRESQL, failure)).isSameAs(failure);
    }
}
