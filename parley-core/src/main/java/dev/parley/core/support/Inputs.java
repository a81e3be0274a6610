package dev.parley.core.support;

import dev.parley.core.Limits;
import dev.parley.core.error.Validation;

/** Small input normalisations shared by the services. */
public final class Inputs {
    private Inputs() {
    }

    /** Null or blank becomes null; anything else is stripped. */
    public static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The page size asked for, the default when none, 400 outside 1..max. */
    public static int pageSize(Limits limits, Integer limit) {
        if (limit == null) return limits.defaultPageSize();
        new Validation().require(limit >= 1 && limit <= limits.maxPageSize(), "limit",
                "must be between 1 and " + limits.maxPageSize()).throwIfInvalid();
        return limit;
    }
}
