package dev.parley.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.core.error.ErrorCode;
import dev.parley.core.error.ParleyException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions the contract suites share. */
final class ContractAssertions {
    private ContractAssertions() {
    }

    /** The call throws a {@link ParleyException} with code CONFLICT. */
    static void assertConflict(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ParleyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }
}
